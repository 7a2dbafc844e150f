import type { Config, Party } from "../schema/config.js";
import type { KoladaData } from "../schema/kolada.js";
import { documentKinds, documentSchemas, KINDS, type DocumentData, type DocumentKind } from "../schema/index.js";
import { partiesIn, referencesIn, type DocumentReference, type PartyReference } from "../schema/reference.js";
import type { SourceDocument } from "../source/load.js";
import type { ActiveMemo } from "./active-content.js";
import type { Ignored } from "./assets.js";
import type { CopiesMemo } from "./copied.js";

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

/** The documents of each kind, by kind. */
export type KindLists = { [K in DocumentKind]: Entry<K>[] };

/** The documents of each kind under the name of its list (`plans`, `multiYearPlans`), as `KINDS` declares it. */
export type NamedLists = { [K in DocumentKind as (typeof KINDS)[K]["list"]]: Entry<K>[] };

/** Everything read from one plan repository, in the order of its files. */
export interface Repository extends NamedLists {
  root: string;
  config: { source: SourceDocument; data: Config } | undefined;
  /** Every file read, valid or not: the place where its messages are collected. */
  sources: SourceDocument[];
  parties: Map<string, Party>;
  documents: Map<string, AnyEntry>;
  /** Ids of documents that exist but could not be read or validated; their own errors say why. */
  invalidIds: Set<string>;
  /**
   * The documents of each kind, in the order of their files: the one place the repository holds
   * them by kind. The lists named by the kinds (`plans`, `memos`, … see `KINDS`) are the same
   * lists under the names the rules and views read.
   */
  byKind: KindLists;
  /** Imported Kolada values, by `<kpi>-<municipality>`. */
  kolada: Map<string, { source: SourceDocument; data: KoladaData }>;
  /** Who refers to each document, found once as the repository is assembled. */
  referrers: Referrers;
  /** Each document's (and imported data's) group of documents connected by references: its fingerprint, by id (see `referenceGroups`). */
  groups: Map<string, string>;
  /** What the search for copied documents keeps (`copiedPairs`): lent to the repository assembled next from the same files (watch mode). */
  copies: CopiesMemo;
  /** The local files documents link to that git ignores (or could not judge), by path from the root, with why: never published (see `ignoredTargets`). */
  ignored: Ignored;
  /** What `activeContent` found of the files documents link to: lent to the repository assembled next from the same files (watch mode). */
  active: ActiveMemo;
  /**
   * The parties each document's data names (`partiesOf`), from the second round of watch mode on,
   * lent from round to round: a change of which documents copy which checks every document again
   * (see `incrementalRules`), and finding them anew cost a round 150 ms on 1,000 plans. None for
   * a check that runs once, which reads each document's once: kept, they were 60 MB on 10,000 plans.
   */
  partyUses?: WeakMap<object, PartyReference[]> | undefined;
}

/**
 * The references between documents turned around, so that a document finds at once the
 * documents that name it. All are read from the schemas' `reference()` declarations; the named
 * lists are the questions the views and roll-ups ask of them.
 */
export interface Referrers {
  /** Every reference to each id, in the repository's order. */
  all: Map<string, Referral[]>;
  /** The plans that belong to each agreement. */
  plansOfAgreement: Map<string, Entry<"plan">[]>;
  /** The reports that follow each plan up. */
  reportsOfPlan: Map<string, Entry<"report">[]>;
  /** The memos about each document. */
  memosAbout: Map<string, Entry<"memo">[]>;
  /** The plans that name each indicator. */
  plansUsingIndicator: Map<string, Entry<"plan">[]>;
}

/** One reference from a document to an id. */
export interface Referral {
  from: AnyEntry;
  reference: DocumentReference;
}

export const koladaKey = (kpi: string, municipality: string) => `${kpi}-${municipality}`;

/** The document with this id, if it exists and is of the kind asked for; none for no id (a board's report names no plan). */
export function lookup<K extends DocumentKind>(repo: Repository, id: string | undefined, kind: K): Entry<K> | undefined {
  const entry = id === undefined ? undefined : repo.documents.get(id);
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

/**
 * Every reference a document makes, with its place and the kinds it may point to: read from its
 * data with the schema of its kind, so that a reference field added to a schema is found here
 * and by all that use this (the check `ref/document`, the referrers, watch mode's groups, the views).
 */
export const referencesOf = (entry: AnyEntry): DocumentReference[] => (entry as KnownEntry)[KNOWN]?.references ?? referencesByData(entry);

const referencesByData = byData((entry: AnyEntry): DocumentReference[] => referencesIn(documentSchemas[entry.kind], entry.data));

/**
 * What is known of a document's data without reading it: an entry restored from `plan check`'s
 * cache carries its references and the names its group is made of, found from the same data by
 * the same code when the cache was written, and reads its data only when a rule asks for it.
 */
export const KNOWN = Symbol("known");

export interface Known {
  references: DocumentReference[];
  /** What the document names (see `namesOf` in groups.ts). */
  names: string[];
  /** A plan's sums, as the sums across plans add them (`planMoney` in rules/money.ts); none for another kind. */
  money?: PlanMoney | undefined;
}

/** What the sums across plans read of a plan (`money/sum-range`): the check of a repository adds every plan's. */
export interface PlanMoney {
  year: number;
  agreement: string | undefined;
  /** Whether its own amounts (all lines and parties) add up beyond the safe range: it then has a message of its own, and the sums across plans leave it out. */
  overflows: boolean;
  /** The sum of its amounts but those of carry-overs. */
  total: bigint;
  /** Each party's sum of those amounts, in the order of the party's first amount. */
  parties: [party: string, sum: bigint][];
}

export type KnownEntry = AnyEntry & { [KNOWN]?: Known };

/** The parties a document names, where its schema declares them (`partyRef`, `partyKey`); kept in `repo.partyUses` where it has one. */
export function partiesOf(repo: Pick<Repository, "partyUses">, entry: AnyEntry): PartyReference[] {
  let uses = repo.partyUses?.get(entry.data);
  if (uses === undefined) {
    uses = partiesIn(documentSchemas[entry.kind], entry.data);
    repo.partyUses?.set(entry.data, uses);
  }
  return uses;
}

/** Whether a reference may name a document of this kind. */
export const mayName = (reference: DocumentReference, kind: DocumentKind) => reference.kinds === "any" || reference.kinds.includes(kind);

/** The kinds a reference may name, in the order messages list them. */
export const kindsOf = (reference: DocumentReference): readonly DocumentKind[] => (reference.kinds === "any" ? documentKinds : reference.kinds);

/** The documents of the repository's lists, kind by kind (in watch mode, those to check again; see `Rule.repository`). */
export const listedDocuments = (repo: Pick<Repository, "byKind">): AnyEntry[] => documentKinds.flatMap((kind): AnyEntry[] => repo.byKind[kind]);

/** Empty lists, one per kind. */
export const noDocuments = (): KindLists => Object.fromEntries(documentKinds.map((kind) => [kind, []])) as unknown as KindLists;

/** The lists of `byKind` under their names (`plans`, `memos`, …): the same lists, not copies. */
export const namedLists = (byKind: KindLists): NamedLists =>
  Object.fromEntries(documentKinds.map((kind) => [KINDS[kind].list, byKind[kind]])) as unknown as NamedLists;

/**
 * The repository with only the documents `keep` keeps in its lists (`byKind` and the named ones);
 * everything else (`documents`, `referrers`, …) whole. Watch mode gives the rules such a
 * repository to check again only what changed (see `Rule.repository`).
 */
export function keepListed(repo: Repository, keep: (entry: AnyEntry) => boolean): Repository {
  const byKind = Object.fromEntries(documentKinds.map((kind) => [kind, repo.byKind[kind].filter(keep)])) as unknown as KindLists;
  return { ...repo, byKind, ...namedLists(byKind) };
}

/** The indicators a plan names, each once. */
export function indicatorsOf(plan: Entry<"plan">): string[] {
  return [...new Set(referencesOf(plan).flatMap((r) => (mayName(r, "indicator") ? [r.id] : [])))];
}

/** Each document's referrers, in the repository's order. */
export function referrersOf(repo: Pick<Repository, "documents">): Referrers {
  const all = groupBy(
    [...repo.documents.values()].flatMap((from) => referencesOf(from).map((reference) => ({ from, reference }))),
    (r) => r.reference.id,
  );
  return {
    all,
    plansOfAgreement: referring(all, "plan", (r) => Boolean(r.belongsTo)),
    reportsOfPlan: referring(all, "report", (r) => Boolean(r.belongsTo)),
    memosAbout: referring(all, "memo", (r) => Boolean(r.belongsTo)),
    plansUsingIndicator: referring(all, "plan", (r) => mayName(r, "indicator")),
  };
}

/** The documents of a kind that refer to each id through the references `which` picks, each once. */
function referring<K extends DocumentKind>(all: Map<string, Referral[]>, kind: K, which: (r: DocumentReference) => boolean): Map<string, Entry<K>[]> {
  const out = new Map<string, Entry<K>[]>();
  for (const [id, referrals] of all) {
    const from = referrals.flatMap((r) => (r.from.kind === kind && which(r.reference) ? [r.from as Entry<K>] : []));
    if (from.length) out.set(id, [...new Set(from)]);
  }
  return out;
}

/** The document an entry belongs to (see `reference(…, { belongsTo })`), if it exists and is of a kind it may be. */
export function belongsTo(repo: Pick<Repository, "documents">, entry: AnyEntry): AnyEntry | undefined {
  for (const reference of referencesOf(entry)) {
    if (!reference.belongsTo) continue;
    const target = repo.documents.get(reference.id);
    return target && mayName(reference, target.kind) ? target : undefined;
  }
  return undefined;
}

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
