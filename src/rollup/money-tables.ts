import { compareStrings } from "../format/text.js";
import { municipalityOf, partyName } from "../model/parties.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { columnLabel, inKronor, KRONOR_PER_UNIT, workTable, workTables, type Figure, type WorkedRow, type WorkedTable } from "../model/table.js";
import type { Column as TableColumn, MoneyTable } from "../schema/table.js";
import { COLUMN_KIND, MONEY_UNIT } from "../vocabulary.js";
import { slug, exactNumber, type Row, type Table } from "./table.js";

/*
 * The money tables of plans, reports and budget documents as `plan budget` gives them, and the
 * region's roll-up of their totals per organisation and year. Figures are read only through
 * src/model/table.ts: what the page shows (`shown`), and beside it what the terms give where the
 * document states something else. Blank is never 0: a blank cell is `null` in JSON, empty in
 * text and CSV, and stays blank in kronor.
 */

/** An exact amount for JSON: an integer where a JavaScript number holds it exactly, else its digits as a string; blank is `null`. */
export function jsonAmount(value: Figure): number | string | null {
  if (value === undefined) return null;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return value > safe || value < -safe ? value.toString() : Number(value);
}

/** A document that may hold money tables. */
export type TablesDocument = Entry<"plan"> | Entry<"report"> | Entry<"budget">;

/** The documents of a repository that hold money tables, by id. */
export function tablesDocuments(repo: Repository): TablesDocument[] {
  const documents: TablesDocument[] = [...repo.plans, ...repo.reports, ...repo.budgets];
  return documents.filter((d) => d.data.tables.length > 0).sort((a, b) => compareStrings(a.id, b.id));
}

/** A stated figure that differs from what its terms give, in the table's unit and in kronor. */
export interface Mismatch {
  column: string;
  stated: number | string | null;
  computed: number | string | null;
  statedKronor: number | string | null;
  computedKronor: number | string | null;
}

export interface MoneyRowData {
  id?: string;
  label: string;
  role: WorkedRow["role"];
  /** 0 for the table's own rows, 1 within a group, 2 within a subgroup. */
  depth: number;
  side?: string;
  note?: string;
  /** What the page shows, one per column, in the table's unit; `null` is a blank cell. A heading has none. */
  values?: (number | string | null)[];
  /** The same in kronor. */
  kronor?: (number | string | null)[];
  /** The cells whose stated figure differs from what their terms give. */
  mismatches?: Mismatch[];
}

/** One money table of one document, as plain data (`plan budget --format json`). */
export interface MoneyTableData {
  type: "money-table";
  /** A stable name: the document's and the table's id, `herrljunga-investeringar-2016-investeringar`. */
  name: string;
  document: { id: string; kind: TablesDocument["kind"]; title: string; path: string };
  table: string;
  caption: string;
  unit: MoneyTable["unit"];
  kronorPerUnit: number;
  stub?: string;
  perspective?: string;
  note?: string;
  columns: { id: string; kind: string; label: string; year?: number; party?: string; of?: string[] }[];
  rows: MoneyRowData[];
}

/** Whether a cell states a figure other than the one its terms give (a line's own amounts have no terms). */
const differs = (cell: WorkedRow["cells"][number]) => cell.terms > 0 && cell.stated !== "absent" && cell.stated !== cell.computed;

/** A worked money table as plain data. */
export function moneyTableData(document: TablesDocument, worked: WorkedTable): MoneyTableData {
  const { table } = worked;
  const kronor = (figure: Figure) => jsonAmount(inKronor(figure, table.unit));
  return {
    type: "money-table",
    name: `${slug(document.id)}-${slug(table.id)}`,
    document: { id: document.id, kind: document.kind, title: document.data.title, path: document.source.relPath },
    table: table.id,
    caption: table.caption,
    unit: table.unit,
    kronorPerUnit: Number(KRONOR_PER_UNIT[table.unit]),
    ...(table.stub ? { stub: table.stub } : {}),
    ...(table.perspective ? { perspective: table.perspective } : {}),
    ...(table.note ? { note: table.note } : {}),
    columns: worked.columns.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: columnLabel(c),
      ...(c.year !== undefined ? { year: c.year } : {}),
      ...(c.party ? { party: c.party } : {}),
      ...(c.of ? { of: c.of } : {}),
    })),
    rows: worked.rows.map((row): MoneyRowData => {
      const data: MoneyRowData = {
        ...(row.id !== undefined ? { id: row.id } : {}),
        label: row.label,
        role: row.role,
        depth: row.depth,
        ...(row.side ? { side: row.side } : {}),
        ...(row.note ? { note: row.note } : {}),
      };
      if (row.role === "heading") return data;
      data.values = row.cells.map((c) => jsonAmount(c.shown));
      data.kronor = row.cells.map((c) => kronor(c.shown));
      const mismatches = row.cells.flatMap((cell, i): Mismatch[] => {
        if (!differs(cell)) return [];
        const stated = cell.stated as Figure;
        return [
          {
            column: worked.columns[i]!.id,
            stated: jsonAmount(stated),
            computed: jsonAmount(cell.computed),
            statedKronor: kronor(stated),
            computedKronor: kronor(cell.computed),
          },
        ];
      });
      if (mismatches.length) data.mismatches = mismatches;
      return data;
    }),
  };
}

/** Every money table of the repository's plans, reports and budget documents, by document id and in each document's order. */
export function allMoneyTables(repo: Repository): MoneyTableData[] {
  return tablesDocuments(repo).flatMap((document) => workTables(document.data.tables).map((worked) => moneyTableData(document, worked)));
}

/* The region's roll-up. */

/** The organisation whose figures a document's tables are: a budget's own, else the municipality of the plan's agreement. */
export function organisationOf(repo: Repository, document: TablesDocument): string | undefined {
  const own = (document.data as { organisation?: unknown }).organisation;
  if (typeof own === "string") return own;
  const plan =
    document.kind === "plan"
      ? document
      : document.kind === "report" && typeof document.data.plan === "string"
        ? lookup(repo, document.data.plan, "plan")
        : undefined;
  return plan && municipalityOf(repo, lookup(repo, plan.data.agreement, "agreement"))?.id;
}

/** The columns a table's budget, outcome and deviation (as budget − outcome) are read from; `undefined` where it has none. */
export interface KeyColumns {
  budget: number | undefined;
  outcome: number | undefined;
  /** The deviation column, and whether its sign is turned to read budget − outcome (its `of` is `[outcome, budget]`). */
  deviation: { index: number; reversed: boolean } | undefined;
}

/**
 * The columns of the year: the outcome is the year's `outcome` column; the budget is the column a
 * deviation sets against the outcome (`Summa budget` in Investeringar), else the year's one
 * `sum` of a budget, else its one `budget` column. Where two columns could be meant, none is taken.
 */
export function keyColumns(columns: readonly TableColumn[], year: number): KeyColumns {
  const index = new Map(columns.map((c, i) => [c.id, i]));
  const ofYear = (c: TableColumn) => c.year === undefined || c.year === year;
  const only = (indices: number[]) => (indices.length === 1 ? indices[0] : undefined);
  const where = (test: (c: TableColumn) => boolean) => columns.flatMap((c, i) => (test(c) ? [i] : []));
  const outcomes = where((c) => c.kind === "outcome" && ofYear(c));
  const budgets = where((c) => c.kind === "budget" && ofYear(c));
  const budgetSums = where((c) => c.kind === "sum" && ofYear(c) && (c.of ?? []).some((id) => budgets.includes(index.get(id) ?? -1)));
  for (const [i, c] of columns.entries()) {
    if (c.kind !== "deviation" || c.of?.length !== 2) continue;
    const [a, b] = c.of.map((id) => index.get(id));
    if (a === undefined || b === undefined) continue;
    const budgetLike = (j: number) => budgets.includes(j) || budgetSums.includes(j);
    if (outcomes.includes(b) && budgetLike(a)) return { budget: a, outcome: b, deviation: { index: i, reversed: false } };
    if (outcomes.includes(a) && budgetLike(b)) return { budget: b, outcome: a, deviation: { index: i, reversed: true } };
  }
  return { budget: only(budgetSums) ?? only(budgets), outcome: only(outcomes), deviation: undefined };
}

/** How many rows and groups the table's total adds up: its own lines and groups, not its memo and formula rows. */
const summandsOf = (table: MoneyTable) => table.rows.filter((row) => "rows" in row || !("memo" in row || "add" in row)).length;

/**
 * The row that stands for a table as a whole: its stated total, else, where the table holds one
 * group (or one line), that group's total. A table of several groups with no total is left out:
 * what its groups add up to is not a figure the document gives.
 */
export function wholeTableRow(table: MoneyTable, path: (string | number)[]): WorkedRow | undefined {
  if (!table.total && summandsOf(table) !== 1) return undefined;
  const worked = workTable(table.total ? table : { ...table, total: { label: table.caption } }, path);
  const at = JSON.stringify([...path, "total"]);
  return worked.rows.find((row) => row.role === "total" && JSON.stringify(row.path) === at);
}

/** The name of the region's roll-up, for its page and CSV file. */
export const REGION_ROLLUP = "budget-tables-per-organisation";

/**
 * The region's roll-up across municipalities: per organisation and year, each money table that
 * has a budget or an outcome of the year, with its total's budget, outcome and deviation in
 * kronor (tkr × 1 000) and the unit the table is written in. Tables with income and cost sides
 * have no single total and are left out, as are tables of several groups without a total. The
 * deviation reads budget − outcome for every table (a table that declares outcome − budget has
 * its sign turned), so that the rows compare. Tables are not added together: an organisation's
 * tables overlap (a summary and its detail).
 */
export function tablesAcrossOrganisations(repo: Repository): Table | undefined {
  const rows: (Row & { sort: [string, number, string, number] })[] = [];
  for (const document of tablesDocuments(repo)) {
    const organisation = organisationOf(repo, document);
    const name = organisation ? partyName(repo, organisation) : "";
    document.data.tables.forEach((table, t) => {
      if (table.perspective === "sides") return;
      const columns = keyColumns(table.columns, document.data.year);
      if (columns.budget === undefined && columns.outcome === undefined) return;
      const total = wholeTableRow(table, ["tables", t]);
      if (!total) return;
      const figure = (index: number | undefined, sign = 1n) => {
        const shown = index === undefined ? undefined : total.cells[index]?.shown;
        const kronor = inKronor(shown === undefined ? undefined : sign * shown, table.unit);
        return kronor === undefined ? undefined : exactNumber(kronor);
      };
      rows.push({
        sort: [name, document.data.year, document.id, t],
        cells: {
          organisation: name,
          year: String(document.data.year),
          document: document.data.title,
          table: table.caption,
          unit: MONEY_UNIT[table.unit],
          budget: figure(columns.budget),
          outcome: figure(columns.outcome),
          deviation: columns.deviation && figure(columns.deviation.index, columns.deviation.reversed ? -1n : 1n),
        },
      });
    });
  }
  if (rows.length === 0) return undefined;
  rows.sort((a, b) => compareStrings(a.sort[0], b.sort[0]) || a.sort[1] - b.sort[1] || compareStrings(a.sort[2], b.sort[2]) || a.sort[3] - b.sort[3]);
  const lower = (text: string) => text.toLocaleLowerCase("sv");
  return {
    name: REGION_ROLLUP,
    caption: "Budgettabeller per organisation och år, i kronor",
    columns: [
      { key: "organisation", label: "Organisation" },
      { key: "year", label: "År" },
      { key: "document", label: "Dokument" },
      { key: "table", label: "Tabell" },
      { key: "unit", label: "Enhet" },
      { key: "budget", label: COLUMN_KIND.budget.label, money: true },
      { key: "outcome", label: COLUMN_KIND.outcome.label, money: true },
      {
        key: "deviation",
        label: `${COLUMN_KIND.deviation.label} (${lower(COLUMN_KIND.budget.label)} − ${lower(COLUMN_KIND.outcome.label)})`,
        money: true,
      },
    ],
    rows: rows.map(({ cells }) => ({ cells })),
  };
}
