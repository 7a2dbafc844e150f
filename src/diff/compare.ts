import { lineTotal, sharesOf, sum } from "../model/money.js";
import { lookup, type Repository } from "../model/repository.js";
import { exactNumber } from "../rollup/table.js";
import { documentKinds, type DocumentData, type DocumentKind } from "../schema/index.js";
import type { BudgetLine } from "../schema/plan.js";
import type { Report } from "../schema/report.js";
import { CONFIG_FILE } from "../source/discover.js";
import type { SourceDocument } from "../source/load.js";
import { compareFields } from "./fields.js";
import type { Side } from "./load.js";
import { matchBy, matchItems, type Matched } from "./match.js";
import { allocationOf, isAllocated } from "../model/allocation.js";
import type { AllocationChange, Amounts, DocumentChange, ItemChange, LineChange, PartyAmount } from "./model.js";
import { diffSections, sectionsOf } from "./prose.js";
import { compareTables } from "./tables.js";

/** A file of one revision as the diff sees it: a document, plan.config.yaml or a data file. */
export interface Doc {
  id: string;
  kind: DocumentChange["kind"];
  /** Path from the repository root. */
  path: string;
  title: string;
  text: string;
  /** The validated data; where the document is not valid, its frontmatter as read. */
  data: unknown;
  valid: boolean;
  source: SourceDocument;
}

/** The files of a side that `wanted` selects, as documents. */
export function documentsOf(side: Side, wanted: (path: string) => boolean): Doc[] {
  const entries = new Map([...side.repo.documents.values()].map((e) => [e.source, e]));
  const docs: Doc[] = [];
  for (const source of side.repo.sources) {
    if (!wanted(source.relPath)) continue;
    const text = side.snapshot.files.get(source.relPath) ?? "";
    const entry = entries.get(source);
    if (entry) {
      docs.push({ id: entry.id, kind: entry.kind, path: source.relPath, title: entry.data.title, text, data: entry.data, valid: true, source });
      continue;
    }
    const raw = (source.data && typeof source.data === "object" ? source.data : {}) as { id?: unknown; kind?: unknown; title?: unknown };
    const markdown = source.body !== undefined;
    const kind = !markdown
      ? source.relPath === CONFIG_FILE
        ? "config"
        : "data"
      : documentKinds.includes(raw.kind as DocumentKind)
        ? (raw.kind as DocumentKind)
        : "unknown";
    const id = markdown && typeof raw.id === "string" && raw.id ? raw.id : markdown ? source.relPath.replace(/\.md$/i, "") : source.relPath;
    // A data file or the configuration is valid unless `plan check` found an error in it.
    const valid = !markdown && source.file.messages.every((m) => !m.fatal);
    docs.push({ id, kind, path: source.relPath, title: typeof raw.title === "string" ? raw.title : source.relPath, text, data: source.data, valid, source });
  }
  return docs;
}

/** What identifies a document apart from its id, for a file renamed together with its id. */
function naturalKey(doc: Doc): string | undefined {
  if (!doc.valid) return undefined;
  // Each as text, whatever YAML made of it (a year is a number): the key joins them.
  const d = doc.data as Record<string, unknown>;
  const f = (key: string) => String(d[key]);
  if (doc.kind === "plan") return `plan\u0000${f("agreement")}\u0000${f("year")}`;
  // A joint plan's report by its plan, a board's own report by its board.
  if (doc.kind === "report")
    return `report\u0000${d["plan"] === undefined || d["plan"] === null ? `organisation\u0000${f("organisation")}` : f("plan")}\u0000${f("year")}`;
  if (doc.kind === "memo") return `memo\u0000${JSON.stringify(d["dnr"])}`;
  if (doc.kind === "agreement" || doc.kind === "indicator") return `${doc.kind}\u0000${f("title")}`;
  // An allocation by what it splits: its members' grant of a year.
  if (doc.kind === "allocation") return `allocation\u0000${f("title")}\u0000${f("year")}`;
  return undefined;
}

/** Documents matched by id; then a file moved unchanged by its text; then by what it is (the plan of an agreement and year). */
export const matchDocuments = (before: Doc[], after: Doc[]) => matchBy(before, after, [(d) => d.id, (d) => `${d.kind}\u0000${d.text}`, naturalKey]);

/** Context for titles of things a document names: the two repositories. */
export interface Repositories {
  base: Repository;
  head: Repository;
}

/** What changed in one document; `edited` where only its text did (comments, order, line breaks); `undefined` where nothing did. */
export function compareDocument(pair: Matched<Doc>, repos: Repositories): DocumentChange | "edited" | undefined {
  const { before: b, after: a } = pair;
  const doc = (a ?? b)!;
  const change: DocumentChange = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    status: !b ? "added" : !a ? "removed" : "changed",
    path: doc.path,
    budget: [],
    outcome: [],
    tables: [],
    items: [],
    fields: [],
    sections: [],
  };
  if (!a || !b) {
    if (!doc.valid) change.invalid = a ? "head" : "base";
    return change;
  }
  if (b.id !== a.id) change.idBefore = b.id;
  if (b.path !== a.path) change.pathBefore = b.path;
  if (!a.valid || !b.valid) change.invalid = !a.valid && !b.valid ? "both" : !a.valid ? "head" : "base";

  const kind = a.valid && b.valid && a.kind === b.kind ? a.kind : undefined;
  change.fields = compareFields(b.data, a.data, { skip: skipped(kind), money: (f) => isMoney(kind, f) });
  if (kind === "plan") {
    const x = b.data as DocumentData["plan"];
    const y = a.data as DocumentData["plan"];
    change.budget = compareLines(x.budget, y.budget);
    change.items = [
      ...itemChanges("goal", x.goals, y.goals),
      ...itemChanges("intervention", x.interventions, y.interventions),
      ...indicatorChanges(x, y, repos),
    ];
  } else if (kind === "report") {
    const x = b.data as Report;
    const y = a.data as Report;
    change.outcome = compareOutcome(x, y, repos);
    change.items = followUpChanges(x, y, repos);
  }
  if (kind === "allocation") {
    const allocation = compareAllocation(b.data as DocumentData["allocation"], a.data as DocumentData["allocation"]);
    if (allocation) change.allocation = allocation;
  }
  if (kind === "plan" || kind === "report" || kind === "budget") {
    const tablesOf = (data: unknown) => (data as DocumentData["plan" | "report" | "budget"]).tables;
    change.tables = compareTables(tablesOf(b.data), tablesOf(a.data));
  }
  if (a.source.body && b.source.body) change.sections = diffSections(sectionsOf(b.source), sectionsOf(a.source));

  const changed =
    change.fields.length + change.budget.length + change.outcome.length + change.tables.length + change.items.length + change.sections.length > 0 ||
    change.allocation ||
    change.invalid ||
    change.idBefore;
  if (changed) return change;
  if (change.pathBefore) return { ...change, status: "moved" };
  return a.text === b.text ? undefined : "edited";
}

/** Fields shown in their own tables and lists, not as fields. */
function skipped(kind: DocumentChange["kind"] | undefined): (field: string) => boolean {
  const own = [
    ...(kind === "plan" ? ["goals", "interventions", "budget"] : kind === "report" ? ["outcome", "goals"] : []),
    ...(kind === "plan" || kind === "report" || kind === "budget" ? ["tables"] : []),
  ];
  return (field) => own.some((f) => field === f || field.startsWith(`${f}[`));
}

/** Whether a field of a document holds kronor. */
function isMoney(kind: DocumentChange["kind"] | undefined, field: string): boolean {
  if (kind === "agreement") return /^contributions\[[^\]]*\]\.(amount|years\..+)$/.test(field) || field === "split.rate" || /^split\.rates\..+$/.test(field);
  if (kind === "plan") return /^totals\[.*\]\.(total|parties\..+)$/.test(field);
  if (kind === "report") return /^carryOver\[[^\]]*\]\.parties\..+$/.test(field);
  // A fund's capital set aside, its grants per year and the repayments.
  if (kind === "fund")
    return /^capital\[[^\]]*\]\.amount$/.test(field) || /^applications\[[^\]]*\]\.(decision\.years\..+|repayments\[[^\]]*\]\.amount)$/.test(field);
  return false;
}

const big = (n: number | bigint | undefined | null) => (n === undefined || n === null ? null : BigInt(n));

function amounts(before: number | bigint | undefined | null, after: number | bigint | undefined | null): Amounts {
  const [x, y] = [big(before), big(after)];
  return { before: x === null ? null : exactNumber(x), after: y === null ? null : exactNumber(y), difference: exactNumber((y ?? 0n) - (x ?? 0n)) };
}

/** A line with its parties' financing and notes but not their amounts, which the table shows. */
function lineFields(line: BudgetLine) {
  const { total: _total, parties: _parties, ...rest } = line;
  return { ...rest, parties: Object.fromEntries(sharesOf(line).map((s) => [s.party, { financing: s.financing, note: s.note }])) };
}

/** Budget lines added, removed or changed, matched by id (else title): per party before, after and difference. */
export function compareLines(before: BudgetLine[], after: BudgetLine[]): LineChange[] {
  const changes: LineChange[] = [];
  for (const { before: b, after: a } of matchItems(before, after)) {
    const line = (a ?? b)!;
    const parties = [...new Set([...(a ? Object.keys(a.parties) : []), ...(b ? Object.keys(b.parties) : [])])];
    const share = (l: BudgetLine | undefined, party: string) => (l ? sharesOf(l).find((s) => s.party === party)?.amount : undefined);
    const partyAmounts: PartyAmount[] = parties.map((party) => ({ party, ...amounts(share(b, party), share(a, party)) })).filter((p) => p.before !== p.after);
    const total = amounts(b ? lineTotal(b) : null, a ? lineTotal(a) : null);
    const fields = a && b ? compareFields(lineFields(b), lineFields(a), { skip: (f) => f === "id" }) : [];
    // The table shows the total the parties' amounts give; a written `total` that changed while they did not is a change of its own
    // (it makes the line disagree with its parties, or agree again), not an edit without meaning.
    if (a && b && a.total !== b.total && total.before === total.after) fields.push({ field: "total", before: b.total, after: a.total, money: true });
    if (a && b && partyAmounts.length === 0 && fields.length === 0 && total.before === total.after && a.id === b.id) continue;
    if (a && b && a.id !== b.id) fields.unshift({ field: "id", before: b.id, after: a.id });
    changes.push({ id: line.id, title: line.title, change: !b ? "added" : !a ? "removed" : "changed", parties: partyAmounts, total, fields });
  }
  return changes;
}

/** A report's outcome (utfall) lines, matched by the budget line they report. */
function compareOutcome(before: Report, after: Report, repos: Repositories): LineChange[] {
  const plan = lookup(repos.head, after.plan, "plan") ?? lookup(repos.base, before.plan, "plan");
  const titleOf = (id: string) => plan?.data.budget.find((l) => l.id === id)?.title ?? id;
  const changes: LineChange[] = [];
  for (const { before: b, after: a } of matchBy(before.outcome, after.outcome, [(o) => o.line])) {
    const line = (a ?? b)!;
    const parties = [...new Set([...Object.keys(a?.parties ?? {}), ...Object.keys(b?.parties ?? {})])];
    const partyAmounts = parties.map((party) => ({ party, ...amounts(b?.parties[party], a?.parties[party]) })).filter((p) => p.before !== p.after);
    const total = amounts(b ? sum(Object.values(b.parties)) : null, a ? sum(Object.values(a.parties)) : null);
    const fields = a && b ? compareFields({ comment: b.comment }, { comment: a.comment }) : [];
    if (a && b && partyAmounts.length === 0 && fields.length === 0) continue;
    changes.push({ id: line.line, title: titleOf(line.line), change: !b ? "added" : !a ? "removed" : "changed", parties: partyAmounts, total, fields });
  }
  return changes;
}

/** Goals or interventions added, removed, renamed (a new title) or otherwise changed. */
function itemChanges<T extends { id: string; title: string }>(what: ItemChange["what"], before: T[], after: T[]): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const { before: b, after: a } of matchItems(before, after)) {
    const item = (a ?? b)!;
    if (!a || !b) {
      changes.push({ what, id: item.id, title: item.title, change: a ? "added" : "removed", fields: [] });
      continue;
    }
    const fields = compareFields(b, a, { skip: (f) => f === "id" || f === "title" });
    const renamed = a.title !== b.title;
    if (!renamed && fields.length === 0 && a.id === b.id) continue;
    changes.push({
      what,
      id: a.id,
      ...(a.id !== b.id ? { idBefore: b.id } : {}),
      title: a.title,
      ...(renamed ? { titleBefore: b.title } : {}),
      change: renamed ? "renamed" : "changed",
      fields,
    });
  }
  return changes;
}

/** Indicators the plan follows up (through its goals and interventions) that were added or removed. */
function indicatorChanges(before: DocumentData["plan"], after: DocumentData["plan"], repos: Repositories): ItemChange[] {
  const used = (plan: DocumentData["plan"]) => new Set([...plan.goals, ...plan.interventions].flatMap((x) => x.indicators));
  const [x, y] = [used(before), used(after)];
  const title = (repo: Repository, id: string) => lookup(repo, id, "indicator")?.data.title ?? id;
  return [
    ...[...y].filter((id) => !x.has(id)).map((id): ItemChange => ({ what: "indicator", id, title: title(repos.head, id), change: "added", fields: [] })),
    ...[...x].filter((id) => !y.has(id)).map((id): ItemChange => ({ what: "indicator", id, title: title(repos.base, id), change: "removed", fields: [] })),
  ];
}

/** A report's goal follow-ups (fulfilment and comment), matched by goal. */
function followUpChanges(before: Report, after: Report, repos: Repositories): ItemChange[] {
  const plan = lookup(repos.head, after.plan, "plan") ?? lookup(repos.base, before.plan, "plan");
  const titleOf = (id: string) => plan?.data.goals.find((g) => g.id === id)?.title ?? id;
  const changes: ItemChange[] = [];
  for (const { before: b, after: a } of matchBy(before.goals, after.goals, [(g) => g.goal])) {
    const goal = (a ?? b)!.goal;
    const fields = compareFields(b ?? {}, a ?? {}, { skip: (f) => f === "goal" });
    if (a && b && fields.length === 0) continue;
    changes.push({ what: "goal follow-up", id: goal, title: titleOf(goal), change: !b ? "added" : !a ? "removed" : "changed", fields: a && b ? fields : [] });
  }
  return changes;
}

/**
 * What a change of an allocation does to each member's amount: both sides computed as the page
 * computes them (largest remainder), member by member. None where no member's amount changed.
 */
function compareAllocation(before: DocumentData["allocation"], after: DocumentData["allocation"]): AllocationChange | undefined {
  const amountsOf = (data: DocumentData["allocation"]) => {
    const result = allocationOf(data);
    return isAllocated(result) ? new Map(result.members.map((m) => [m.member, m.amount])) : undefined;
  };
  const [x, y] = [amountsOf(before), amountsOf(after)];
  const members = [...new Set([...after.members, ...before.members])];
  const changed = members.map((member) => ({ party: member, ...amounts(x?.get(member), y?.get(member)) })).filter((m) => m.before !== m.after);
  if (changed.length === 0) return undefined;
  const total = (m: Map<string, bigint> | undefined) => (m ? [...m.values()].reduce((s, v) => s + v, 0n) : null);
  return { members: changed, total: amounts(total(x), total(y)) };
}
