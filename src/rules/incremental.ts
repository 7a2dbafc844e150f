import { createHash } from "node:crypto";
import type { VFileMessage } from "vfile-message";
import { linkTargetKinds } from "../model/assets.js";
import { copiedPairs, type CopiedPair } from "../model/copied.js";
import { formsDigest } from "../model/forms.js";
import { keepListed, type AnyEntry, type Repository } from "../model/repository.js";
import type { SourceDocument } from "../source/load.js";
import { runRepositoryRules, type Rule } from "./rule.js";

export interface Findings {
  /** What the findings were made of: the file's group of connected documents and whether the files they link to exist. */
  key: string;
  messages: VFileMessage[];
}

/** The findings of the round before, by the path of their file from the root, and what every rule may read then (`shared`). */
export interface BetweenState {
  /** The digest of what every rule may read (`sharedDigest`). */
  shared: string;
  findings: Map<string, Findings>;
}

/**
 * The rules between documents, for a repository checked again and again (watch mode): a file's
 * findings are made anew only when its group of connected documents (`Repository.groups`) or
 * the files the group links to changed, or when what every rule may read changed (the
 * configuration, the list of documents and their kinds); the others are kept from the round
 * before. The messages are the same as from `runRepositoryRules` over the whole repository.
 * `store` holds the round before: `plan check`'s cache gives it the findings of the last run.
 */
export function incrementalRules(rules: readonly Rule[], store: { last?: BetweenState | undefined } = {}): (repo: Repository) => void {
  return (repo) => {
    const last = store.last;
    // Which documents are copies of which (`text/copied`) joins documents that do not refer to each other: a change of it checks everything again.
    const pairs = copiedPairs(repo);
    const shared = sharedDigest(repo, pairs);
    const groupOf = new Map<SourceDocument, string | undefined>();
    for (const entry of repo.documents.values()) groupOf.set(entry.source, repo.groups.get(entry.id));
    for (const [key, { source }] of repo.kolada) groupOf.set(source, repo.groups.get(`kolada:${key}`));
    // A group's files are kept or checked again together: a rule reads the whole group, and
    // reports on any file of it (an indicator's check reports on its imported values).
    const links = new Map<string | undefined, string[]>();
    for (const [source, group] of groupOf) {
      const targets = linkTargetKinds(repo.root, source, repo.ignored, repo.active);
      if (targets.length === 0) continue;
      const list = links.get(group);
      const own = `${source.relPath}:${targets.join()}`;
      if (list) list.push(own);
      else links.set(group, [own]);
    }
    // A copy's warning names the other document at its body's first line, and the other may be of
    // another group: a group's findings are made again when a copy of one of its documents moved its text.
    const copiedPlaces = new Map<string | undefined, string[]>();
    for (const { a, b } of pairs) {
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const group = groupOf.get(self.source);
        const line = other.source.outline?.bodyLine;
        const list = copiedPlaces.get(group) ?? [];
        list.push(`${other.source.relPath}:${line ? `${line.start.line}:${line.start.column}-${line.end.line}:${line.end.column}` : ""}`);
        copiedPlaces.set(group, list);
      }
    }
    // The configuration, invalid documents and a second document with a taken id belong to no group: checked every time.
    // Made once per group: a group of a thousand documents that link to files would otherwise join its list a thousand times.
    const groupKeys = new Map<string | undefined, string>();
    const keyOf = (source: SourceDocument) => {
      if (!groupOf.has(source)) return undefined;
      const group = groupOf.get(source);
      let key = groupKeys.get(group);
      if (key === undefined) groupKeys.set(group, (key = `${group} ${links.get(group)?.join(" ") ?? ""} ${copiedPlaces.get(group)?.sort().join(" ") ?? ""}`));
      return key;
    };

    const before = last?.shared === shared ? last.findings : undefined;
    const findings = new Map<string, Findings>();
    const keptSources: [SourceDocument, Findings][] = [];
    const checked: { source: SourceDocument; key: string | undefined; own: number }[] = [];
    for (const source of repo.sources) {
      const key = keyOf(source);
      const kept = key === undefined ? undefined : before?.get(source.relPath);
      if (kept && kept.key === key) {
        findings.set(source.relPath, kept);
        keptSources.push([source, kept]);
      } else checked.push({ source, key, own: source.file.messages.length });
    }
    const inScope = (entry: AnyEntry) => !findings.has(entry.source.relPath);
    // Every list of documents of a kind (`byKind`, and the same lists by name): a list left whole would have its kept findings reported a second time.
    runRepositoryRules({ ...keepListed(repo, inScope), sources: checked.map((c) => c.source) }, rules);
    for (const [source, kept] of keptSources) source.file.messages.push(...kept.messages);
    for (const { source, key, own } of checked) if (key !== undefined) findings.set(source.relPath, { key, messages: source.file.messages.slice(own) });
    store.last = { shared, findings };
  };
}

/**
 * The digest of what every rule may read: the configuration, the forms, every document's id and
 * kind, the ids taken twice and which documents are copies of which. Kept as a digest, and hashed
 * as it is read rather than joined first: on 10,000 plans the text is 14 MB, which the check and
 * its cache kept until the end.
 */
function sharedDigest(repo: Repository, pairs: readonly CopiedPair[]): string {
  const hash = createHash("sha256");
  hash.update(`${repo.config?.source.digest ?? ""}\0${formsDigest(repo)}\0`);
  for (const e of repo.documents.values()) hash.update(`${e.id} ${e.kind}\n`);
  hash.update("\0");
  for (const id of repo.invalidIds) hash.update(`${id}\n`);
  hash.update("\0");
  for (const p of pairs) hash.update(`${p.a.id} ${p.b.id} ${p.percent}\n`);
  return hash.digest("base64");
}
