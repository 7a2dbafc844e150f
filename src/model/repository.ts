import type { Config, Party } from "../schema/config.js";
import type { KoladaData } from "../schema/kolada.js";
import type { DocumentData, DocumentKind } from "../schema/index.js";
import type { SourceDocument } from "../source/load.js";
import type { Ignored } from "./assets.js";

/** A validated document: its id, its data and the source it came from. */
export interface Entry<K extends DocumentKind = DocumentKind> {
  kind: K;
  id: string;
  source: SourceDocument;
  data: DocumentData[K];
}

export type AnyEntry = { [K in DocumentKind]: Entry<K> }[DocumentKind];

/** A validated document on its own, before it has a place (and an id) in a repository: what a rule about one document reads. */
export type LoneDocument = { [K in DocumentKind]: Omit<Entry<K>, "id"> }[DocumentKind];

/** Everything read from one plan repository, in the order of its files. */
export interface Repository {
  root: string;
  config: { source: SourceDocument; data: Config } | undefined;
  /** Every file read, valid or not: the place where its messages are collected. */
  sources: SourceDocument[];
  parties: Map<string, Party>;
  documents: Map<string, AnyEntry>;
  /** Ids of documents that exist but could not be read or validated; their own errors say why. */
  invalidIds: Set<string>;
  agreements: Entry<"agreement">[];
  plans: Entry<"plan">[];
  reports: Entry<"report">[];
  memos: Entry<"memo">[];
  indicators: Entry<"indicator">[];
  /** Imported Kolada values, by `<kpi>-<municipality>`. */
  kolada: Map<string, { source: SourceDocument; data: KoladaData }>;
  /** Who refers to each document, found once as the repository is assembled. */
  referrers: Referrers;
  /** Each document's (and imported data's) group of documents connected by references: its fingerprint, by id (see `referenceGroups`). */
  groups: Map<string, string>;
  /** The local files documents link to that git ignores (or could not judge), by path from the root, with why: never published (see `ignoredTargets`). */
  ignored: Ignored;
}

/** The references between documents turned around, so that a document finds at once the documents that name it. */
export interface Referrers {
  plansOfAgreement: Map<string, Entry<"plan">[]>;
  reportsOfPlan: Map<string, Entry<"report">[]>;
  memosAbout: Map<string, Entry<"memo">[]>;
  plansUsingIndicator: Map<string, Entry<"plan">[]>;
}

export const koladaKey = (kpi: string, municipality: string) => `${kpi}-${municipality}`;

/** The document with this id, if it exists and is of the kind asked for. */
export function lookup<K extends DocumentKind>(repo: Repository, id: string, kind: K): Entry<K> | undefined {
  const entry = repo.documents.get(id);
  return entry?.kind === kind ? (entry as Entry<K>) : undefined;
}

/**
 * A function of a document's validated data, computed once per data object: the data is never
 * changed once validated, and watch mode keeps that of unchanged files from round to round.
 */
export function byData<E extends AnyEntry, T>(compute: (entry: E) => T): (entry: E) => T {
  const known = new WeakMap<object, T>();
  return (entry) => {
    let value = known.get(entry.data);
    if (value === undefined) known.set(entry.data, (value = compute(entry)));
    return value;
  };
}

/** Items grouped by a key (or several keys, or none), each group in the items' order. */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => string | readonly string[] | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const keys = keysOf(item);
    for (const key of typeof keys === "string" ? [keys] : (keys ?? [])) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** The indicators a plan's goals and interventions name, each once. */
export function indicatorsOf(plan: Entry<"plan">): string[] {
  const ids = new Set<string>();
  for (const item of [...plan.data.goals, ...plan.data.interventions]) for (const id of item.indicators) ids.add(id);
  return [...ids];
}

/** Each document's referrers, in the repository's order. */
export const referrersOf = (repo: Pick<Repository, "plans" | "reports" | "memos">): Referrers => ({
  plansOfAgreement: groupBy(repo.plans, (plan) => plan.data.agreement),
  reportsOfPlan: groupBy(repo.reports, (report) => report.data.plan),
  memosAbout: groupBy(repo.memos, (memo) => memo.data.about),
  plansUsingIndicator: groupBy(repo.plans, indicatorsOf),
});

/** The agreements of the plans that use an indicator, each once. */
export function agreementsUsing(repo: Repository, indicator: string): Entry<"agreement">[] {
  const ids = new Set((repo.referrers.plansUsingIndicator.get(indicator) ?? []).map((p) => p.data.agreement));
  return [...ids].flatMap((id) => lookup(repo, id, "agreement") ?? []);
}

/** Each plan whose agreement exists, with that agreement; a missing one is the rule `ref/document`'s to report. */
export function* plansWithAgreements(repo: Repository): Generator<[Entry<"plan">, Entry<"agreement">]> {
  for (const plan of repo.plans) {
    const agreement = lookup(repo, plan.data.agreement, "agreement");
    if (agreement) yield [plan, agreement];
  }
}
