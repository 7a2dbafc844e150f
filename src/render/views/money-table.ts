import { columnLabel, resultOf, type WorkedCell, type WorkedRow, type WorkedTable } from "../../model/table.js";
import { amount, list } from "../helpers.js";
import { COMPUTED_RESULT, GROUP, MONEY_UNIT, TABLE_STUB } from "../../vocabulary.js";
import { num, th, type RowView, type TableView } from "./table.js";

/** How a table names the parties of its columns and rows: a column's short label, a group's members' names. */
export interface PartyNames {
  label(party: string): string;
  members(party: string): string[];
}

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
export function moneyTableView(worked: WorkedTable, parties: PartyNames): TableView {
  const { table } = worked;
  const width = worked.columns.length + 1;
  // A column of one party's figures, in a table the financiers share, says whose where the source's own heading is not given.
  const heading = (c: WorkedTable["columns"][number]) => (c.party && !c.label ? `${columnLabel(c)} ${parties.label(c.party)}` : columnLabel(c));
  const head: RowView[] = [{ cells: [th(table.stub ?? TABLE_STUB, "col"), ...worked.columns.map((c) => th(heading(c), "col", { num: true }))] }];
  const rows: RowView[] = worked.rows.map((row) => {
    const kind = ROW_KIND[row.role];
    // A financier that is a group of parties (the member municipalities) is listed with its members.
    const members = row.line?.party ? parties.members(row.line.party) : [];
    const detail = [row.note, members.length ? `${GROUP.members}: ${list(members)}` : undefined].filter(Boolean).join(". ");
    const label = th(row.label, kind === "group" ? "rowgroup" : "row", {
      ...(kind === "group" ? { colspan: width } : {}),
      ...(detail ? { detail } : {}),
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
