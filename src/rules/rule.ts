import type { Position } from "unist";
import { report, type RuleInfo, type Severity } from "../diagnostics/report.js";
import type { Entry, LoneDocument, Repository } from "../model/repository.js";
import type { DocumentKind } from "../schema/index.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { t, type Message, type Part } from "../format/message.js";

export interface Finding {
  /** What was expected and what was found: a message (format/message.ts `t`), or for now English text. */
  reason: Part;
  fix?: Part | undefined;
  /** Point at the key rather than its value. */
  key?: boolean;
  severity?: Severity;
  /** Other places the finding is about (the first of two duplicates), each shown with it. */
  related?: { source: SourceDocument; at: Path | Position; reason: Part }[];
}

/** Reports a finding of the running rule on `source`, at a YAML path or an explicit position. */
export type Reporter = (source: SourceDocument, at: Path | Position, finding: Finding) => void;

/**
 * A named check, as hledger's: a stable id, its default severity, what it checks and an example
 * message for the README (`RuleInfo`). What a rule can tell from one document alone it checks in `document`, which runs as
 * each file is loaded (so watch mode repeats it only for the files that changed); what needs
 * other documents or the configuration it checks in `repository`. Watch mode gives `repository`
 * a repository whose lists (`sources`, `plans`, `reports`, …) hold only the documents to check
 * again, while `documents`, `referrers`, `kolada` and the configuration hold everything: a rule
 * iterates the lists, looks up what they refer to, and reports only on the documents of the
 * lists, the files they refer to and the configuration (see `incrementalRules`).
 */
export interface Rule extends RuleInfo {
  document?(doc: LoneDocument, report: Reporter, run: RuleRun): void;
  repository?(repo: Repository, report: Reporter, run: RuleRun): void;
}

/** Something the rules of a run work out once and share (a document's worked tables), and how it is made from its key. */
export interface Shared<K extends object, V> {
  make(key: K, run: RuleRun): V;
}

/**
 * What the rules of one run share: what one of them works out (a document's worked money
 * tables, the walk over a repository's headings) is kept for the others, and goes with the run.
 * Made by whoever runs the rules (`runDocumentRules` for the checks of one document,
 * `runRepositoryRules` for one pass between documents) and given to every rule, which may
 * ignore it: nothing lives from one check, build or watch round to the next. Held by key
 * weakly, so that what is kept goes with the document it was made of.
 */
export class RuleRun {
  readonly #kept = new Map<Shared<never, unknown>, WeakMap<object, unknown>>();

  /** What `shared` makes of `key`, made the first time a rule of this run asks. */
  get<K extends object, V>(shared: Shared<K, V>, key: K): V {
    let byKey = this.#kept.get(shared);
    if (!byKey) this.#kept.set(shared, (byKey = new WeakMap()));
    if (byKey.has(key)) return byKey.get(key) as V;
    const made = shared.make(key, this);
    byKey.set(key, made);
    return made;
  }
}

function reporterOf(rule: Rule): Reporter {
  return (source, at, finding) =>
    report(source.file, rule, {
      severity: finding.severity,
      reason: finding.reason,
      fix: finding.fix,
      place: Array.isArray(at) ? place(source, at, { key: finding.key }) : (at as Position),
      related: finding.related?.map((r) => ({
        file: r.source.file.path,
        place: Array.isArray(r.at) ? place(r.source, r.at) : (r.at as Position),
        reason: r.reason,
      })),
    });
}

/** Runs the rules' checks of one document on its own: one run, whose rules share what they work out of the document. */
export function runDocumentRules(doc: LoneDocument, rules: readonly Rule[], run = new RuleRun()): void {
  for (const rule of rules) rule.document?.(doc, reporterOf(rule), run);
}

/** Runs the rules' checks between documents over a loaded repository: one run, whose rules share what they work out of it. */
export function runRepositoryRules(repo: Repository, rules: readonly Rule[], run = new RuleRun()): void {
  for (const rule of rules) rule.repository?.(repo, reporterOf(rule), run);
}

/** A check of one kind of document alone, as a rule's `document` part: documents of other kinds pass it by. */
export function ofKind<K extends DocumentKind>(
  kind: K,
  check: (doc: Omit<Entry<K>, "id">, report: Reporter, run: RuleRun) => void,
): (doc: LoneDocument, report: Reporter, run: RuleRun) => void {
  return (doc, report, run) => {
    if (doc.kind === kind) check(doc as Omit<Entry<K>, "id">, report, run);
  };
}

export const code = (s: string | number) => `\`${s}\``;

/** How a message names a party: by its name, with the id the fix may need (`Lerums kommun (\`lerum\`)`); an unknown id as itself. */
export function partyLabel(repo: Pick<Repository, "parties">, id: string): string {
  const party = repo.parties.get(id);
  return party ? `${party.name} (${code(id)})` : code(id);
}

/** A kind of document as messages name it, bare (`No plan has the id …`) and with its article (`… is a plan, but an agreement is expected`). */
const KIND_NAMES: Record<DocumentKind, { bare: Message; a: Message }> = {
  agreement: { bare: t`agreement`, a: t`an agreement` },
  plan: { bare: t`plan`, a: t`a plan` },
  report: { bare: t`report`, a: t`a report` },
  memo: { bare: t`memo`, a: t`a memo` },
  indicator: { bare: t`indicator`, a: t`an indicator` },
  budget: { bare: t`budget`, a: t`a budget` },
  meeting: { bare: t`meeting`, a: t`a meeting` },
  strategy: { bare: t`strategy`, a: t`a strategy` },
  "multi-year-plan": { bare: t`multi-year-plan`, a: t`a multi-year-plan` },
  "action-plan": { bare: t`action-plan`, a: t`an action-plan` },
  "follow-up": { bare: t`follow-up`, a: t`a follow-up` },
  form: { bare: t`form`, a: t`a form` },
  fund: { bare: t`fund`, a: t`a fund` },
  allocation: { bare: t`allocation`, a: t`an allocation` },
  "internal-control": { bare: t`internal-control`, a: t`an internal-control` },
};

/** The kind's name in a message: `plan`, `agreement`. */
export const kindName = (kind: DocumentKind): Message => KIND_NAMES[kind].bare;

/** The kind's name with its article: `a plan`, `an agreement`. */
export const aKind = (kind: DocumentKind): Message => KIND_NAMES[kind].a;
