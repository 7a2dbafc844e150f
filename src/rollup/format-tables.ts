import { visible } from "../format/control.js";
import { groupDigits } from "../format/swedish.js";
import { MONEY_UNIT, ROW_ROLE, STATED_FIGURE, TABLE_STUB } from "../vocabulary.js";
import { tableToText } from "./format.js";
import type { Mismatch, MoneyRowData, MoneyTableData } from "./money-tables.js";
import type { Cell, Row, Table } from "./table.js";

/*
 * The money tables of `plan budget` in text and CSV: the table as the document prints it, in its
 * unit, with each row's role (and in CSV its depth), and a note where a stated figure differs
 * from what its terms give. JSON gives `MoneyTableData` as it is.
 */

/** A figure as text: grouped, with a real minus; a figure beyond the exact range as its digits. */
const figure = (value: number | string | null) => (value === null ? "" : typeof value === "number" ? groupDigits(value) : value);

/** A stated figure beside what its terms give, in words: `angivet 179 992, beräknat 179 991`. */
export function mismatchText(m: Mismatch): string {
  if (m.computed === null) return `${STATED_FIGURE.stated} ${figure(m.stated)} ${STATED_FIGURE.overBlanks}`;
  if (m.stated === null) return `${STATED_FIGURE.blank}, ${STATED_FIGURE.computed} ${figure(m.computed)}`;
  return `${STATED_FIGURE.stated} ${figure(m.stated)}, ${STATED_FIGURE.computed} ${figure(m.computed)}`;
}

/** The title of a money table in `plan budget`: the document, the table's caption and its unit. */
export const moneyTableTitle = (data: MoneyTableData) => `${data.document.title} (${data.document.id}): ${data.caption} (${MONEY_UNIT[data.unit]})`;

const columnsOf = (data: MoneyTableData, extra: Table["columns"]): Table["columns"] => [
  { key: "label", label: data.stub ?? TABLE_STUB },
  ...data.columns.map((c, i) => ({ key: `c${i}`, label: c.label, money: true })),
  ...extra,
];

const isTotal = (row: MoneyRowData) => row.role === "total" || row.role === "formula";

/** A money table for the terminal: rows indented by depth, totals under a rule, a `*` on a stated figure that differs from its terms, each explained below the table. */
export function moneyTableToText(data: MoneyTableData): string {
  const notes: string[] = [];
  const rows: Row[] = data.rows.map((row) => {
    const cells: Record<string, Cell> = { label: `${"  ".repeat(row.depth)}${row.label}`, role: ROW_ROLE[row.role] };
    (row.values ?? []).forEach((value, i) => {
      const mismatch = row.mismatches?.find((m) => m.column === data.columns[i]!.id);
      if (mismatch) notes.push(`* ${row.label}, ${data.columns[i]!.label}: ${mismatchText(mismatch)}`);
      cells[`c${i}`] = `${figure(value)}${mismatch ? "*" : ""}`;
    });
    return { cells, total: isTotal(row) };
  });
  const table: Table = { name: data.name, caption: moneyTableTitle(data), columns: columnsOf(data, [{ key: "role", label: "Radtyp" }]), rows };
  return [tableToText(table), ...notes.map(visible)].join("\n");
}

/** A money table as a roll-up table for CSV: figures as plain integers in the table's unit, blank cells empty, the row's role and depth, and the stated figures that differ from their terms. */
export function moneyTableForCsv(data: MoneyTableData): Table {
  const rows: Row[] = data.rows.map((row) => {
    const cells: Record<string, Cell> = {
      label: row.label,
      role: ROW_ROLE[row.role],
      depth: row.depth,
      mismatches: row.mismatches?.map((m) => `${data.columns.find((c) => c.id === m.column)!.label}: ${mismatchText(m)}`).join("; "),
    };
    (row.values ?? []).forEach((value, i) => (cells[`c${i}`] = value ?? undefined));
    return { cells, total: isTotal(row) };
  });
  return {
    name: data.name,
    caption: moneyTableTitle(data),
    columns: columnsOf(data, [
      { key: "role", label: "Radtyp" },
      { key: "depth", label: "Nivå" },
      { key: "mismatches", label: "Anmärkning" },
    ]),
    rows,
  };
}
