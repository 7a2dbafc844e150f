import { createHash } from "node:crypto";
import { indicatorsOf, koladaKey, type AnyEntry, type Repository } from "../model/repository.js";

/**
 * Gives each object (a document's source) a number that changes when the object does: watch
 * mode keeps the source of a file that did not change, and reads a changed one anew.
 */
export function versionCounter(): (object: object | undefined) => number {
  const versions = new WeakMap<object, number>();
  let next = 1;
  return (object) => {
    if (!object) return 0;
    let version = versions.get(object);
    if (version === undefined) versions.set(object, (version = next++));
    return version;
  };
}

/** The ids a document refers to: the documents (and imported data) its page may show something of. */
function referencesOf(entry: AnyEntry): string[] {
  switch (entry.kind) {
    case "plan":
      return [entry.data.agreement, ...indicatorsOf(entry)];
    case "report":
      return [entry.data.plan];
    case "memo":
      return [...(entry.data.about ? [entry.data.about] : []), ...entry.data.attachments.flatMap((a) => (a.document ? [a.document] : []))];
    case "indicator":
      return entry.data.source?.type === "kolada" ? [kolada(koladaKey(entry.data.source.kpi, entry.data.source.municipality))] : [];
    case "agreement":
      return [];
  }
}

const kolada = (key: string) => `kolada:${key}`;

/**
 * For each document, a fingerprint of every document it is connected to by references, in
 * either direction and over any number of steps (a report shows its plan's agreement and
 * indicators, an agreement lists its plans): the page of a document can only change when this
 * fingerprint does, or when what every page shares (configuration, templates, the list of
 * pages) does.
 */
export function relatedFingerprints(repo: Repository, versionOf: (object: object | undefined) => number): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    parent.set(root, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const entry of repo.documents.values()) {
    find(entry.id);
    for (const id of referencesOf(entry)) union(entry.id, id);
  }
  const version = (id: string) =>
    id.startsWith("kolada:") ? versionOf(repo.kolada.get(id.slice("kolada:".length))?.source) : versionOf(repo.documents.get(id)?.source);
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const fingerprints = new Map<string, string>();
  for (const ids of members.values()) {
    // Hashed: a region's documents may all be connected, and every one of them keeps its fingerprint.
    const fingerprint = createHash("sha256")
      .update(
        ids
          .sort()
          .map((id) => `${id}=${version(id)}`)
          .join(" "),
      )
      .digest("base64");
    for (const id of ids) fingerprints.set(id, fingerprint);
  }
  return fingerprints;
}
