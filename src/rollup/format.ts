import { safeJson, visible } from "../format/control.js";
import { groupDigits } from "../format/swedish.js";
import type { Cell, Table } from "./table.js";

/** A cell for the terminal: amounts grouped, text with its control characters shown as escapes. */
const text = (cell: Cell, money: boolean | undefined) =>
  cell === undefined ? "" : money && typeof cell === "number" ? groupDigits(cell) : visible(String(cell));

/** A table for the terminal: caption, header, aligned columns, amounts right-aligned. */
export function tableToText(table: Table): string {
  const grid = [table.columns.map((c) => visible(c.label)), ...table.rows.map((r) => table.columns.map((c) => text(r.cells[c.key], c.money)))];
  const widths = table.columns.map((_, i) => Math.max(...grid.map((row) => [...row[i]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (table.columns[i]!.money ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const body = table.rows.map((r, i) => (r.total ? `${rule}\n${line(grid[i + 1]!)}` : line(grid[i + 1]!)));
  return [visible(table.caption), line(grid[0]!), rule, ...body].join("\n");
}

/**
 * A field of text. Excel and LibreOffice evaluate a cell that begins with `=`, `+`, `-` or `@`
 * (after a tab or CR too) as a formula, quoted or not: `=HYPERLINK(…)` in a title would be a
 * link in every controller's spreadsheet. As OWASP recommends for CSV injection, such text
 * gets a leading `'`, which the spreadsheet shows as text, and is quoted. Any field holding
 * `;`, a quote or a line end is quoted, so that it stays one field of one record.
 */
function csvText(s: string): string {
  const text = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return text !== s || /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell: amounts (numbers in the table) as plain integers, negative ones included; everything else as text. */
const csvCell = (cell: Cell) => (cell === undefined ? "" : typeof cell === "number" ? String(cell) : csvText(cell));

/** One record: the fields separated by `;`. */
const csvRecord = (cells: Cell[]) => cells.map(csvCell).join(";");

/** The header and the rows of a table as CSV records, each ending in CR LF. */
export function csvRecords(table: Table): string {
  const rows = [csvRecord(table.columns.map((c) => c.label)), ...table.rows.map((r) => csvRecord(table.columns.map((c) => r.cells[c.key])))];
  return rows.map((r) => `${r}\r\n`).join("");
}

/**
 * CSV as Swedish spreadsheets read it: `;` between fields, amounts as plain integers, and a
 * byte-order mark so that Excel reads å, ä and ö. One table per file, its caption left out:
 * the page beside the file and the file's name say what it holds.
 */
export function tableToCsv(table: Table): string {
  return `\uFEFF${csvRecords(table)}`;
}

/**
 * Several tables in one CSV stream (`plan budget --format csv`): each begins with a record
 * holding only its caption, as a title row above the table in a spreadsheet, and is followed
 * by an empty line. Every line is a record; the caption is a field like any other.
 */
export function tablesToCsv(tables: Table[]): string {
  return `\uFEFF${tables.map((t) => `${csvRecord([t.caption])}\r\n${csvRecords(t)}`).join("\r\n")}`;
}

/** A row as an object keyed by column: a blank cell is `null` (not 0, and not left out). */
function jsonRow(table: Table, row: Table["rows"][number]): Record<string, unknown> {
  const cells: Record<string, unknown> = { ...row.cells };
  for (const c of table.columns) cells[c.key] ??= null;
  return { ...cells, ...(row.total ? { isTotal: true } : {}) };
}

/** Plain data: the tables with their rows as objects keyed by column. */
export function tablesToJson(tables: Table[]): string {
  return `${safeJson(
    tables.map((t) => ({
      name: t.name,
      caption: t.caption,
      columns: t.columns,
      rows: t.rows.map((r) => jsonRow(t, r)),
    })),
    2,
  )}\n`;
}
