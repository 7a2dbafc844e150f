import { contributingLines, contributionFor, incomeTotals, lineTotal, partyTotals, sharesOf, sum, unsplitTotal, type NormalShare } from "../../model/money.js";
import { memberNames } from "../../model/parties.js";
import { lookup, type Entry, type Repository } from "../../model/repository.js";
import { areaOf, planParties } from "../../rollup/rollups.js";
import type { BudgetLine } from "../../schema/plan.js";
import { BLANK, COLUMN_KIND, FINANCING, GROUP, INCOME, TABLE_STUB } from "../../vocabulary.js";
import { amount, list, shareOf } from "../helpers.js";
import { partyLabels, partyName } from "./common.js";
import { num, th, type CellView, type NoteView, type RowView, type TableView } from "./table.js";

type LineType = BudgetLine["type"];
const TYPE_ORDER: LineType[] = ["intervention", "staff", "carry-over"];

export type BudgetItem = { type: "group"; label: string; lines: BudgetLine[] } | { type: "total"; label: string; lines: BudgetLine[] };

/**
 * The plan's budget in the order of the decided table: the intervention areas, the totals
 * that add up interventions, the staff posts, the totals that include them, then carry-overs.
 * The total rows are the plan's declared ones (their amounts are computed, never copied);
 * without any, one computed total of the joint budget.
 */
export function budgetLayout(plan: Entry<"plan">): BudgetItem[] {
  const items: BudgetItem[] = [];
  const declared = plan.data.totals.length
    ? plan.data.totals.map((t) => ({ label: t.label, includes: t.includes }))
    : [{ label: "Gemensam budget", includes: ["intervention", "staff"] as LineType[] }];
  const rank = (types: readonly LineType[]) => Math.max(...types.map((t) => TYPE_ORDER.indexOf(t)));
  TYPE_ORDER.forEach((type, i) => {
    const groups = new Map<string, BudgetLine[]>();
    for (const line of plan.data.budget.filter((l) => l.type === type)) {
      const area = areaOf(plan, line);
      groups.set(area, [...(groups.get(area) ?? []), line]);
    }
    for (const [label, lines] of groups) items.push({ type: "group", label, lines });
    for (const total of declared.filter((t) => rank(t.includes) === i)) {
      const lines = plan.data.budget.filter((l) => total.includes.includes(l.type));
      if (lines.length) items.push({ type: "total", label: total.label, lines });
    }
  });
  return items;
}

/** A footnote marker per financing type and note, as the Lerum table has: `*` referred, `**` in kind; the note's text is the author's, or the type's name. */
export function financingNotes(plan: Entry<"plan">, prefix: string): { notes: NoteView[]; markerFor: (share: NormalShare) => NoteView | undefined } {
  const order = ["referred", "in-kind", "cash"];
  const keyed = new Map<string, { financing: string; note: string | undefined; first: number }>();
  let n = 0;
  for (const line of plan.data.budget) {
    for (const share of sharesOf(line)) {
      n++;
      if (share.financing === "cash" && !share.note) continue;
      const key = `${share.financing}\u0000${share.note ?? ""}`;
      if (!keyed.has(key)) keyed.set(key, { financing: share.financing, note: share.note, first: n });
    }
  }
  const sorted = [...keyed].sort(([, a], [, b]) => order.indexOf(a.financing) - order.indexOf(b.financing) || a.first - b.first);
  const byKey = new Map<string, NoteView>();
  const notes = sorted.map(([key, { financing, note }], i) => {
    const label = FINANCING[financing as keyof typeof FINANCING].label;
    // The note as the author wrote it, as the seed's footnotes are (seed 000, line 246); the type where there is none.
    const view = { id: `${prefix}${i + 1}`, symbol: "*".repeat(i + 1), text: note ?? label };
    byKey.set(key, view);
    return view;
  });
  return { notes, markerFor: (share) => byKey.get(`${share.financing}\u0000${share.note ?? ""}`) };
}

/** What a line says besides its title: a carry-over's origin and decision, its remark. */
export function lineDetail(line: BudgetLine): string | undefined {
  const parts: string[] = [];
  if (line.type === "carry-over") {
    if (line.from !== undefined) parts.push(`Från ${line.from}`);
    if (line.decision) parts.push(`beslut: ${line.decision}`);
    if (!line.total && sharesOf(line).every((s) => s.amount === undefined)) parts.push("belopp anges inte");
  }
  if (line.income !== undefined) parts.push(`${INCOME.label}: ${line.income}`);
  if (line.note) parts.push(line.note);
  return parts.length ? parts.join("; ") : undefined;
}

/** A party's row header: its name, and a group's members on a second line under it. */
export function partyHeader(repo: Repository, party: string): CellView {
  const members = memberNames(repo, party);
  return th(partyName(repo, party), "row", members.length ? { detail: `${GROUP.members}: ${list(members)}` } : {});
}

/** The detail table: per intervention area, line by line, total first and then each party, with the financing notes. */
/**
 * The plan's budget per area and line. The carry-overs are left to a part of their own
 * (`::carry-over`), so that they are stated once, unless one of the plan's declared totals
 * includes them: then they are rows of the table the plan adds up.
 */
export function budgetDetailTable(repo: Repository, plan: Entry<"plan">, caption: string): TableView {
  const parties = planParties(repo, plan);
  const labels = partyLabels(repo, parties);
  const { notes, markerFor } = financingNotes(plan, "budgetnot-");
  // Income that is no party's contribution has a column of its own, where a plan has any.
  const income = plan.data.budget.some((l) => l.income !== undefined);
  const columns = 2 + parties.length + (income ? 1 : 0);
  const head: RowView[] = [
    {
      cells: [
        th("Insatsområde och budgetpost", "col"),
        th("Budget totalt", "col", { num: true }),
        ...parties.map((p) => th(`Budget ${labels.get(p)}`, "col", { num: true })),
        ...(income ? [th(INCOME.label, "col", { num: true })] : []),
      ],
    },
  ];
  const bodies: RowView[][] = [];
  // The carry-overs are stated by `::carry-over` (or by the author), unless the plan totals them in its table.
  const carryOvers = plan.data.totals.some((t) => t.includes.includes("carry-over"));
  for (const item of budgetLayout(plan)) {
    if (!carryOvers && item.lines.every((l) => l.type === "carry-over")) continue;
    if (item.type === "group") {
      const rows: RowView[] = [{ kind: "group", cells: [th(item.label, "rowgroup", { colspan: columns })] }];
      for (const line of item.lines) {
        const shares = new Map(sharesOf(line).map((s) => [s.party, s]));
        const detail = lineDetail(line);
        rows.push({
          cells: [
            th(line.title, "row", detail ? { detail } : {}),
            num(amount(lineTotal(line))),
            ...parties.map((p): CellView => {
              const share = shares.get(p);
              const marker = share && share.amount !== undefined ? markerFor(share) : undefined;
              return num(amount(share?.amount), marker ? { marker: { symbol: marker.symbol, target: marker.id } } : {});
            }),
            ...(income ? [num(line.income !== undefined ? amount(line.total) : "")] : []),
          ],
        });
      }
      bodies.push(rows);
    } else {
      const totals = partyTotals(item.lines);
      const incomes = incomeTotals(item.lines);
      bodies.push([
        {
          kind: "total",
          cells: [
            th(item.label),
            num(amount(sum(item.lines.map(lineTotal)))),
            ...parties.map((p) => num(amount(totals.get(p)))),
            ...(income ? [num(amount(sum(incomes.values())))] : []),
          ],
        },
      ]);
    }
  }
  return { caption, className: "budget", head, bodies, notes };
}

export interface FinancingSummary {
  /** Each party's budget, how it is paid and its contribution under the agreement: parties as columns, as the seed's summary table has them, or as rows where they are more than four. */
  table: TableView;
}

const TYPE_COLUMNS = (["cash", "in-kind", "referred"] as const).map((type) => ({ type, label: FINANCING[type].column }));

/** Most columns of amounts a summary has with the parties as columns (the seed's layout: `HSN | Kommunen | Totalt`); more turn it, one row per party. */
const MOST_COLUMNS = 4;

/**
 * Each party's contribution to the plan's joint budget (all lines but carry-overs), its share
 * of the total, how it pays (cash, in kind, referred), and the agreement's contribution. Lines
 * that give only a total count in the total and for no party: a column (or row) of their own says so.
 * Blank stays blank: a party with no amount has an empty cell, not 0. With the parties as
 * columns, a group's members and the one source of other money are named under the table. With
 * `notes` (the prefix of the notes' ids), an amount paid in kind or referred carries the marker of
 * its note, as the plan's detail table has it (`*`, `**`): where the page has no detail table.
 */
export function financingSummary(repo: Repository, plan: Entry<"plan">, caption: string, options: { notes?: string } = {}): FinancingSummary {
  const prefix = options.notes ?? "sammanfattning-";
  const parties = planParties(repo, plan);
  const labels = partyLabels(repo, parties);
  const agreement = lookup(repo, plan.data.agreement, "agreement");
  const lines = contributingLines(plan.data.budget);
  const totals = partyTotals(lines);
  const total = sum(lines.map(lineTotal));
  const unsplit = unsplitTotal(lines).total;
  const incomes = incomeTotals(lines);
  const shares = lines.flatMap(sharesOf).filter((s) => s.amount !== undefined);
  const types = TYPE_COLUMNS.filter((c) => shares.some((s) => s.financing === c.type));
  const showTypes = types.length > 1 || types.some((t) => t.type !== "cash");
  const byType = (party: string | undefined, type: string) =>
    sum(shares.filter((s) => (party === undefined || s.party === party) && s.financing === type).map((s) => s.amount));
  const agreed = agreement ? sum(parties.map((p) => contributionFor(agreement.data, p, plan.data.year))) : undefined;
  const financing = options.notes !== undefined ? financingNotes(plan, options.notes) : undefined;
  // The note of a party's amounts of one type; the first where they have several.
  const marker = (party: string, type: string): Partial<CellView> => {
    const share = financing && shares.find((s) => s.party === party && s.financing === type && financing.markerFor(s));
    const note = share ? financing!.markerFor(share) : undefined;
    return note ? { marker: { symbol: note.symbol, target: note.id } } : {};
  };
  const members: NoteView[] = parties
    .filter((p) => memberNames(repo, p).length)
    .map((p, i) => ({ id: `${prefix}medlemmar-${i + 1}`, symbol: "", text: `${labels.get(p)}: ${list(memberNames(repo, p))}` }));
  const notes = [...(financing?.notes.filter((n) => shares.some((s) => financing.markerFor(s) === n)) ?? []), ...members];

  // The columns of amounts: each party, each source of income, the part not split, the total.
  const columns = [
    ...parties.map((p) => ({
      label: labels.get(p)!,
      party: p as string | undefined,
      budget: totals.get(p),
      contribution: agreement ? contributionFor(agreement.data, p, plan.data.year) : undefined,
    })),
    ...[...incomes].map(([source, value]) => ({ label: incomes.size === 1 ? INCOME.label : source, party: undefined, budget: value, contribution: undefined })),
    ...(unsplit !== undefined ? [{ label: BLANK.unsplit, party: undefined, budget: unsplit, contribution: undefined }] : []),
  ];
  const incomeNote: NoteView[] = incomes.size === 1 ? [{ id: `${prefix}annan`, symbol: "", text: `${INCOME.label}: ${[...incomes.keys()][0]}` }] : [];
  if (columns.length <= MOST_COLUMNS) {
    const row = (label: string, cell: (c: (typeof columns)[number]) => CellView, whole: CellView, kind?: RowView["kind"]): RowView => ({
      ...(kind ? { kind } : {}),
      cells: [th(label), ...columns.map(cell), whole],
    });
    const rows: RowView[] = [
      row(`${COLUMN_KIND.budget.label} ${plan.data.year}`, (c) => num(amount(c.budget)), num(amount(total))),
      row("Andel", (c) => num(shareOf(c.budget, total)), num(shareOf(total, total))),
      ...(showTypes
        ? types.map((t) =>
            row(
              t.label,
              (c) => (c.party === undefined ? num("") : num(amount(byType(c.party, t.type)), marker(c.party, t.type))),
              num(amount(byType(undefined, t.type))),
            ),
          )
        : []),
      ...(agreement ? [row(`Bidrag enligt avtalet ${plan.data.year}`, (c) => num(amount(c.contribution)), num(amount(agreed)))] : []),
    ];
    return {
      table: {
        caption,
        className: "summary",
        head: [{ cells: [th(TABLE_STUB, "col"), ...columns.map((c) => th(c.label, "col", { num: true })), th("Totalt", "col", { num: true })] }],
        bodies: [rows],
        notes: [...notes, ...incomeNote],
      },
    };
  }
  // Many columns: one row per party, source of income and the part not split.
  const head: RowView[] = [
    {
      cells: [
        th("Part", "col"),
        th(COLUMN_KIND.budget.label, "col", { num: true }),
        th("Andel", "col", { num: true }),
        ...(showTypes ? types.map((t) => th(t.label, "col", { num: true })) : []),
        ...(agreement ? [th(`Bidrag enligt avtalet ${plan.data.year}`, "col", { num: true })] : []),
      ],
    },
  ];
  const rows: RowView[] = parties.map((p) => ({
    cells: [
      partyHeader(repo, p),
      num(amount(totals.get(p))),
      num(shareOf(totals.get(p), total)),
      ...(showTypes ? types.map((t) => num(amount(byType(p, t.type)), marker(p, t.type))) : []),
      ...(agreement ? [num(amount(contributionFor(agreement.data, p, plan.data.year)))] : []),
    ],
  }));
  const other = (header: CellView, value: bigint | undefined): RowView => ({
    cells: [header, num(amount(value)), num(shareOf(value, total)), ...(showTypes ? types.map(() => num("")) : []), ...(agreement ? [num("")] : [])],
  });
  for (const [source, value] of incomes) rows.push(other(th(source, "row", { detail: INCOME.label }), value));
  if (unsplit !== undefined) rows.push(other(th(BLANK.unsplit), unsplit));
  rows.push({
    kind: "total",
    cells: [
      th("Totalt"),
      num(amount(total)),
      num(shareOf(total, total)),
      ...(showTypes ? types.map((t) => num(amount(byType(undefined, t.type)))) : []),
      ...(agreement ? [num(amount(agreed))] : []),
    ],
  });
  return { table: { caption, className: "summary", head, bodies: [rows], notes: financing ? notes.filter((n) => n.symbol) : [] } };
}
