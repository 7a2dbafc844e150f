import { groupDigits } from "../format/swedish.js";
import type { Cell, Table } from "./table.js";

const text = (cell: Cell, money: boolean | undefined) => (cell === undefined ? "" : money && typeof cell === "number" ? groupDigits(cell) : String(cell));

/** A table for the terminal: caption, header, aligned columns, amounts right-aligned. */
export function tableToText(table: Table): string {
  const grid = [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => text(r.cells[c.key], c.money)))];
  const widths = table.columns.map((_, i) => Math.max(...grid.map((row) => [...row[i]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (table.columns[i]!.money ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const body = table.rows.map((r, i) => (r.total ? `${rule}\n${line(grid[i + 1]!)}` : line(grid[i + 1]!)));
  return [table.caption, line(grid[0]!), rule, ...body].join("\n");
}

const csvField = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * CSV as Swedish spreadsheets read it: `;` between fields, amounts as plain integers, and a
 * byte-order mark so that Excel reads å, ä and ö.
 */
export function tableToCsv(table: Table): string {
  const rows = [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => (r.cells[c.key] === undefined ? "" : String(r.cells[c.key]))))];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/** Plain data: the tables with their rows as objects keyed by column. */
export function tablesToJson(tables: Table[]): string {
  return `${JSON.stringify(
    tables.map((t) => ({ name: t.name, caption: t.caption, columns: t.columns, rows: t.rows.map((r) => ({ ...r.cells, ...(r.total ? { isTotal: true } : {}) })) })),
    null,
    2,
  )}\n`;
}
