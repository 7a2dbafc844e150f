import { createHash } from "node:crypto";
import { byData, koladaKey, KNOWN, referencesOf, type AnyEntry, type KnownEntry, type Repository } from "./repository.js";

/**
 * What a document names: other documents by id, every reference its schema declares (a
 * reference left out here would leave watch mode's groups silently stale), and imported values
 * as `kolada:<kpi>-<municipality>`.
 */
export const namesOf = (entry: AnyEntry): string[] => (entry as KnownEntry)[KNOWN]?.names ?? namesByData(entry);

const namesByData = byData((entry: AnyEntry): string[] => [
  ...referencesOf(entry).map((r) => r.id),
  ...(entry.kind === "indicator" && entry.data.source?.type === "kolada" ? [koladaNode(koladaKey(entry.data.source.kpi, entry.data.source.municipality))] : []),
]);

const koladaNode = (key: string) => `kolada:${key}`;

/**
 * Whether `name` is imported data that no file holds (`kolada:<kpi>-<municipality>` not in
 * `repo.kolada`). Such a name joins nothing: what a rule reads through it is only that the values
 * are not there, which depends on the name alone, and the name is in the naming document's text
 * (its digest is in its group's fingerprint). A data file that later holds it is a member of the
 * group of every document that names it, and so changes their fingerprints. Joined through such
 * a name, the copies of one municipality's indicators in a region's repository (one KPI and
 * kommunkod, no values imported yet) made one group of every plan, report and memo that uses them,
 * all checked again when any one of them changed.
 */
const isMissingData = (repo: GroupedRepository, name: string) => name.startsWith("kolada:") && !repo.kolada.has(name.slice("kolada:".length));

/**
 * The documents connected by references, in either direction and over any number of steps (a
 * report shows its plan's agreement and indicators; an agreement lists its plans), each group
 * with a fingerprint of its members' ids, files and texts. Whatever is made of a document and
 * what it refers to (its page, the findings of the rules between documents) can only change
 * when its group's fingerprint does, or when what the whole repository shares (the
 * configuration, the list of documents) does. An id that is named but missing belongs to the group that names it,
 * so the document that later takes that id changes the group; imported values named but missing join
 * nothing (see `isMissingData`).
 */
export function referenceGroups(repo: GroupedRepository, previous?: GroupedRepository): Map<string, string> {
  return (previous && groupsKept(repo, previous)) ?? groupsAnew(repo);
}

type GroupedRepository = Pick<Repository, "documents" | "kolada" | "groups">;

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * The groups of the repository assembled before, when it had the same documents, data files and
 * references (watch mode, after most saves): only the fingerprints of groups with a changed file
 * are made again. `undefined` when anything that joins or splits groups changed.
 */
function groupsKept(repo: GroupedRepository, previous: GroupedRepository): Map<string, string> | undefined {
  if (repo.documents.size !== previous.documents.size || repo.kolada.size !== previous.kolada.size) return undefined;
  const changed: string[] = [];
  for (const entry of repo.documents.values()) {
    const before = previous.documents.get(entry.id);
    if (before === entry) continue;
    if (!before || before.kind !== entry.kind || !sameNames(namesOf(before), namesOf(entry))) return undefined;
    changed.push(entry.id);
  }
  for (const [key, { source }] of repo.kolada) {
    const before = previous.kolada.get(key);
    if (!before) return undefined;
    if (before.source !== source) changed.push(koladaNode(key));
  }
  const groups = new Map(previous.groups);
  const redo = new Set(changed.map((name) => previous.groups.get(name)));
  if (redo.size === 0) return groups;
  const members = new Map<string | undefined, string[]>();
  for (const [name, fingerprint] of previous.groups) {
    if (!redo.has(fingerprint)) continue;
    const list = members.get(fingerprint);
    if (list) list.push(name);
    else members.set(fingerprint, [name]);
  }
  for (const group of members.values()) {
    const fingerprint = fingerprintOf(repo, group);
    for (const name of group) groups.set(name, fingerprint);
  }
  return groups;
}

function groupsAnew(repo: GroupedRepository): Map<string, string> {
  const index = new Map<string, number>();
  const names: string[] = [];
  const parent: number[] = [];
  const node = (name: string) => {
    let at = index.get(name);
    if (at === undefined) {
      index.set(name, (at = names.length));
      names.push(name);
      parent.push(at);
    }
    return at;
  };
  const find = (at: number) => {
    while (parent[at] !== at) at = parent[at] = parent[parent[at]!]!;
    return at;
  };
  for (const entry of repo.documents.values()) {
    const from = find(node(entry.id));
    for (const name of namesOf(entry)) {
      if (isMissingData(repo, name)) continue;
      const to = find(node(name));
      if (to !== from) parent[to] = from;
    }
  }
  const members = new Map<number, string[]>();
  names.forEach((name, at) => {
    const root = find(at);
    const list = members.get(root);
    if (list) list.push(name);
    else members.set(root, [name]);
  });
  const fingerprints = new Map<string, string>();
  for (const group of members.values()) {
    const fingerprint = fingerprintOf(repo, group);
    for (const name of group) fingerprints.set(name, fingerprint);
  }
  return fingerprints;
}

/** A group's fingerprint: hashed, since in a region whose documents are all connected every one of them holds it. */
function fingerprintOf(repo: GroupedRepository, group: string[]): string {
  const sourceOf = (name: string) => (name.startsWith("kolada:") ? repo.kolada.get(name.slice("kolada:".length))?.source : repo.documents.get(name)?.source);
  const text = group
    .sort()
    .map((name) => {
      const source = sourceOf(name);
      return `${name}=${source ? `${source.relPath}:${source.digest}` : ""}`;
    })
    .join("\n");
  return createHash("sha256").update(text).digest("base64");
}
