import { columnLabel, resultOf, type WorkedCell, type WorkedRow, type WorkedTable } from "../../model/table.js";
import { amount } from "../helpers.js";
import { COMPUTED_RESULT, MONEY_UNIT } from "../../vocabulary.js";
import { num, th, type RowView, type TableView } from "./table.js";

/** The heading of the column of row texts where the source prints none. */
const STUB = "Post";

const cellText = (cell: WorkedCell) => amount(cell.shown);

/** How a row is printed: totals and formula rows bold between rules, memo rows in italics, headings across the table. */
const ROW_KIND: Record<WorkedRow["role"], RowView["kind"]> = {
  line: undefined,
  memo: "memo",
  formula: "total",
  total: "total",
  heading: "group",
};

/**
 * A money table as the source prints it: its caption with the unit, the columns it has, blank
 * cells blank, a real minus sign, bold totals and italic memo rows; under a table with income
 * and cost sides whose result it does not state, the result computed (`resultOf`).
 */
export function moneyTableView(worked: WorkedTable): TableView {
  const { table } = worked;
  const width = worked.columns.length + 1;
  const head: RowView[] = [{ cells: [th(table.stub ?? STUB, "col"), ...worked.columns.map((c) => th(columnLabel(c), "col", { num: true }))] }];
  const rows: RowView[] = worked.rows.map((row) => {
    const kind = ROW_KIND[row.role];
    const label = th(row.label, kind === "group" ? "rowgroup" : "row", {
      ...(kind === "group" ? { colspan: width } : {}),
      ...(row.note ? { detail: row.note } : {}),
    });
    return { ...(kind ? { kind } : {}), cells: kind === "group" ? [label] : [label, ...row.cells.map((cell) => num(cellText(cell)))] };
  });
  // A table with income and cost sides whose result no formula row states: the result, computed, under it.
  const result = resultOf(worked);
  if (result && !result.stated && result.result.some((figure) => figure !== undefined))
    rows.push({ kind: "total", cells: [th(COMPUTED_RESULT, "row"), ...result.result.map((figure) => num(amount(figure)))] });
  return {
    caption: `${table.caption} (${MONEY_UNIT[table.unit]})`,
    className: "money",
    head,
    bodies: [rows],
    notes: table.note ? [{ id: `${table.id}-note`, symbol: "*", text: table.note }] : [],
  };
}
