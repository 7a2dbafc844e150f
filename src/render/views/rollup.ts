import type { Table } from "../../rollup/table.js";
import { amount } from "../helpers.js";
import { href } from "../pages.js";
import { organisationParty, organisationView, type PageView, type ViewContext } from "./common.js";
import { num, td, th, type RowView, type TableView } from "./table.js";

/** A roll-up table as HTML: the first column heads its row, amounts are formatted, total rows marked. */
export function rollupTable(table: Table): TableView {
  const head: RowView[] = [{ cells: table.columns.map((c) => th(c.money ? `${c.label} (kr)` : c.label, "col", c.money ? { num: true } : {})) }];
  const rows: RowView[] = table.rows.map((row) => ({
    kind: row.total ? "total" : undefined,
    cells: table.columns.map((c, i) => {
      const cell = row.cells[c.key];
      // Amounts in print format; a percentage keeps its sign on the same line.
      const text = cell === undefined ? "" : c.money && typeof cell === "number" ? amount(cell) : String(cell).replace(/ %/g, "\u00A0%");
      return i === 0 ? th(text) : c.money ? num(text) : td(text);
    }),
  }));
  return { caption: table.caption, className: "rollup", head, bodies: [rows] };
}

export const rollupPage = (folder: string, table: Table) => `${folder}/${table.name}.html`;
export const rollupCsv = (folder: string, table: Table) => `${folder}/${table.name}.csv`;

export function rollupView(ctx: ViewContext, table: Table): PageView {
  const page = rollupPage(ctx.pages.rollupFolder, table);
  return {
    template: "rollup",
    path: page,
    title: table.caption,
    organisation: organisationView(organisationParty(ctx.repo)),
    assets: [],
    view: { title: table.caption, table: rollupTable(table), csv: href(page, rollupCsv(ctx.pages.rollupFolder, table)) },
  };
}
