import { columnLabel, inKronor, isGroup, tableEntries, workTables, type Figure, type WorkedRow, type WorkedTable } from "../model/table.js";
import { exactNumber } from "../rollup/table.js";
import type { Column, MoneyTable } from "../schema/table.js";
import type { Path } from "../source/locate.js";
import { compareFields } from "./fields.js";
import { matchBy, type Matched } from "./match.js";
import type { CellChange, ColumnChange, RowChange, TableChange } from "./model.js";

/*
 * What changed in the money tables of a document, in money and in meaning. Tables are matched by
 * id (else caption), columns by id (else heading), rows by id (else label, within the table), so
 * that reordering is no change. Figures are what the page shows (src/model/table.ts `shown`): a
 * changed line shows again in the totals it feeds, and a blank cell is `null`, never 0.
 */

/** A group of a table, as a row's place: its id and the label it goes by (its total's, else its heading, else its id). */
interface GroupInfo {
  key: string;
  id: string | undefined;
  label: string;
}

const pathKey = (path: Path) => JSON.stringify(path);

/** Every group and subgroup of a worked table, by the path where it is written. */
function groupsOf(worked: WorkedTable): Map<string, GroupInfo> {
  const groups = new Map<string, GroupInfo>();
  for (const { row: group, path } of tableEntries(worked.table, worked.path)) {
    if (!isGroup(group)) continue;
    const key = pathKey(path);
    groups.set(key, { key, id: group.id, label: group.total?.label ?? group.heading ?? group.id ?? `group ${Number(path.at(-1)) + 1}` });
  }
  return groups;
}

/** The group a row is in: a line's, or for a group's total and heading the group around that group; `undefined` at the table's top level. */
function groupOf(worked: WorkedTable, groups: Map<string, GroupInfo>, row: WorkedRow): GroupInfo | undefined {
  const own = row.role === "total" ? row.path.slice(0, -1) : row.role === "heading" ? row.path : undefined;
  const parent = (own ?? row.path).slice(0, -2);
  return parent.length > worked.path.length ? groups.get(pathKey(parent)) : undefined;
}

/** A figure in its table's unit, as the change reports it. */
const number = (figure: Figure, unit: MoneyTable["unit"]) => (figure === undefined ? null : exactNumber(figure, unit));

/** Rows that total (group totals) are told apart from rows of figures when matched by label: `Förvaltningsledning` may be both. */
const labelKey = (row: WorkedRow) => `${row.role === "total" ? "total" : "row"}\u0000${row.label.trim()}`;

/** The figures a row has, as the cells of a row added or removed. */
function ownCells(worked: WorkedTable, row: WorkedRow, side: "before" | "after"): CellChange[] {
  return row.cells.flatMap((cell, i) => {
    if (cell.shown === undefined) return [];
    const column = worked.columns[i]!;
    const value = number(cell.shown, worked.table.unit);
    return [
      { column: column.id, label: columnLabel(column), before: side === "before" ? value : null, after: side === "after" ? value : null, difference: null },
    ];
  });
}

/** `Utfall 2016 − Summa Budget 2016`: what a deviation subtracts, in its columns' headings. */
function conventionText(columns: readonly Column[], of: readonly string[]): string {
  return of.map((id) => (columns.find((c) => c.id === id) ? columnLabel(columns.find((c) => c.id === id)!) : id)).join(" − ");
}

/** What changed in one matched table. */
function compareTable(b: WorkedTable, a: WorkedTable): TableChange | undefined {
  const unitChanged = b.table.unit !== a.table.unit;

  // Columns, by id, else by heading.
  const columnsOf = (t: WorkedTable) => t.columns.map((column, index) => ({ index, column }));
  const columnPairs = matchBy(columnsOf(b), columnsOf(a), [(c) => c.column.id, (c) => columnLabel(c.column).trim()]);
  const headIdOf = new Map(columnPairs.filter((p) => p.before && p.after).map((p) => [p.before!.column.id, p.after!.column.id]));
  const columns: ColumnChange[] = [];
  const reversed = new Set<number>();
  const conventions = new Map<number, NonNullable<ColumnChange["convention"]>>();
  for (const { before: x, after: y } of columnPairs) {
    const column = (y ?? x)!.column;
    if (!x || !y) {
      columns.push({ id: column.id, label: columnLabel(column), change: y ? "added" : "removed", fields: [] });
      continue;
    }
    let fields = compareFields(x.column, y.column, { skip: (f) => f === "id" });
    const change: ColumnChange = { id: y.column.id, label: columnLabel(y.column), change: "changed", fields };
    if (columnLabel(x.column) !== columnLabel(y.column)) change.labelBefore = columnLabel(x.column);
    if (x.column.id !== y.column.id) fields.unshift({ field: "id", before: x.column.id, after: y.column.id });
    const [ofBefore, ofAfter] = [x.column.of ?? [], y.column.of ?? []];
    const mapped = ofBefore.map((id) => headIdOf.get(id) ?? id);
    if (x.column.kind === "deviation" && y.column.kind === "deviation" && JSON.stringify(mapped) !== JSON.stringify(ofAfter)) {
      const isReversed = mapped.length === 2 && ofAfter.length === 2 && mapped[0] === ofAfter[1] && mapped[1] === ofAfter[0];
      if (isReversed) reversed.add(y.index);
      change.convention = {
        before: conventionText(b.columns, ofBefore),
        after: conventionText(a.columns, ofAfter),
        reversed: isReversed,
        turned: 0,
        notTurned: 0,
      };
      conventions.set(y.index, change.convention);
      fields = fields.filter((f) => !f.field.startsWith("of"));
      change.fields = fields;
    }
    if (change.fields.length || change.convention || change.labelBefore) columns.push(change);
  }
  const matchedColumns = columnPairs.filter((p) => p.before && p.after).map((p) => ({ b: p.before!.index, a: p.after!.index }));

  // Figures of two matched rows: in the table's unit, or in kronor where the unit changed.
  const cellChanges = (x: WorkedRow, y: WorkedRow): CellChange[] =>
    matchedColumns.flatMap(({ b: i, a: j }) => {
      const [before, after] = [x.cells[i]?.shown, y.cells[j]?.shown];
      const convention = reversed.has(j) ? conventions.get(j) : undefined;
      // What the figure was, read as head reads it: turned where the deviation's convention turned, in kronor where the unit changed.
      const was = convention && before !== undefined ? -before : before;
      const same = unitChanged ? inKronor(was, b.table.unit) === inKronor(after, a.table.unit) : was === after;
      if (same) {
        if (convention && after !== undefined && after !== 0n) convention.turned++;
        return [];
      }
      if (convention) convention.notTurned++;
      const difference = !unitChanged && was !== undefined && after !== undefined ? exactNumber(after - was, a.table.unit) : null;
      return [
        { column: a.columns[j]!.id, label: columnLabel(a.columns[j]!), before: number(before, b.table.unit), after: number(after, a.table.unit), difference },
      ];
    });

  // Rows, by id, else by label; headings by their group's id, else by their text.
  const [groupsB, groupsA] = [groupsOf(b), groupsOf(a)];
  const groupPairs = matchBy([...groupsB.values()], [...groupsA.values()], [(g) => g.id, (g) => g.label.trim()]);
  const headGroup = new Map(groupPairs.filter((p) => p.before && p.after).map((p) => [p.before!.key, p.after!.key]));
  const figures = (t: WorkedTable) => t.rows.filter((r) => r.role !== "heading");
  const headings = (t: WorkedTable, groups: Map<string, GroupInfo>) =>
    t.rows.filter((r) => r.role === "heading").map((row) => ({ row, group: groups.get(pathKey(row.path))?.id }));
  const rowPairs: Matched<WorkedRow>[] = [
    ...matchBy(figures(b), figures(a), [(r) => r.id, labelKey]),
    ...matchBy(headings(b, groupsB), headings(a, groupsA), [(h) => h.group, (h) => h.row.label.trim()]).map((p) => ({
      before: p.before?.row,
      after: p.after?.row,
    })),
  ];
  // In head's print order; removed rows after, in base's.
  const place = ({ before: x, after: y }: Matched<WorkedRow>) => (y ? a.rows.indexOf(y) : a.rows.length + b.rows.indexOf(x!));
  rowPairs.sort((p, q) => place(p) - place(q));
  const rows: RowChange[] = [];
  for (const { before: x, after: y } of rowPairs) {
    const row = (y ?? x)!;
    const [groupBefore, groupAfter] = [x && groupOf(b, groupsB, x), y && groupOf(a, groupsA, y)];
    const label = (g: GroupInfo | undefined) => g?.label ?? null;
    if (!x || !y) {
      rows.push({
        ...(row.id !== undefined ? { id: row.id } : {}),
        label: row.label,
        role: row.role,
        change: y ? "added" : "removed",
        group: label(y ? groupAfter : groupBefore),
        cells: y ? ownCells(a, y, "after") : ownCells(b, x!, "before"),
      });
      continue;
    }
    const moved = (groupBefore ? headGroup.get(groupBefore.key) : undefined) !== groupAfter?.key;
    const change: RowChange = {
      ...(y.id !== undefined ? { id: y.id } : {}),
      label: y.label,
      role: y.role,
      change: "changed",
      group: label(groupAfter),
      cells: y.role === "heading" ? [] : cellChanges(x, y),
    };
    if (x.label !== y.label) change.labelBefore = x.label;
    if (x.role !== y.role) change.roleBefore = x.role;
    if (moved) change.moved = { from: label(groupBefore), to: label(groupAfter) };
    if (change.cells.length || change.labelBefore !== undefined || change.roleBefore || change.moved) rows.push(change);
  }

  const pick = (t: MoneyTable) => ({ caption: t.caption, stub: t.stub, perspective: t.perspective, note: t.note, detail: t.detail });
  const result: TableChange = {
    id: a.table.id,
    ...(a.table.id !== b.table.id ? { idBefore: b.table.id } : {}),
    caption: a.table.caption,
    change: "changed",
    unit: a.table.unit,
    ...(unitChanged ? { unitBefore: b.table.unit } : {}),
    fields: compareFields(pick(b.table), pick(a.table)),
    columns,
    rows,
  };
  const changed = unitChanged || result.idBefore || result.fields.length || columns.length || rows.length;
  return changed ? result : undefined;
}

/** The money tables of a document added, removed or changed, matched by id, else by caption. */
export function compareTables(before: readonly MoneyTable[], after: readonly MoneyTable[]): TableChange[] {
  const changes: TableChange[] = [];
  for (const { before: b, after: a } of matchBy(workTables(before), workTables(after), [(t) => t.table.id, (t) => t.table.caption.trim()])) {
    const t = (a ?? b)!.table;
    if (!a || !b) {
      changes.push({ id: t.id, caption: t.caption, change: a ? "added" : "removed", unit: t.unit, fields: [], columns: [], rows: [] });
      continue;
    }
    const change = compareTable(b, a);
    if (change) changes.push(change);
  }
  return changes;
}
