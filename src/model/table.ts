import type { Column, FormulaRow, Group, LineRow, MemoRow, MoneyTable, Subgroup, TotalRow } from "../schema/table.js";
import { t, type Message } from "../format/message.js";
import { COLUMN_KIND } from "../vocabulary.js";
import type { Path } from "../source/locate.js";

/*
 * A money table worked out: every cell as the source states it beside what its terms give, in
 * the table's unit. Blank is never 0: a cell left blank is `undefined`, a sum of blanks is
 * blank, and a figure stated over nothing but blanks is told apart (`overBlanks`). The checks,
 * the pages, `plan budget` and `plan diff` read tables only through this module.
 */

/** An amount in the table's unit, or `undefined` for a blank cell. */
export type Figure = bigint | undefined;

/** One term of a computed cell: the row or column it comes from, its figure (blank or not), added or subtracted. */
export interface Part {
  label: string;
  figure: Figure;
  sign: 1n | -1n;
}

export interface WorkedCell {
  /** As the source prints it: a number, `undefined` for a blank; `"absent"` where the document states nothing (a total it leaves to be computed). */
  stated: Figure | "absent";
  /** What the cell's terms give: for a line's own amounts the amount itself; for totals, formulas and derived columns their sum. */
  computed: Figure;
  /** What the page shows: the stated figure where there is one, else the computed. */
  shown: Figure;
  /** How many of the cell's terms are not blank, and how many there are; a line's own amount has none. */
  known: number;
  terms: number;
  /** The terms themselves, in order, for messages (`456 + 9 256 + …`); none for a line's own amount. */
  parts: Part[];
  /** Where the stated figure is written, for messages. */
  path: Path;
}

export type RowRole = "line" | "memo" | "formula" | "total" | "heading";

export interface WorkedRow {
  role: RowRole;
  /** The id the document gives the row or group, if any. */
  id: string | undefined;
  label: string;
  /** 0 for the table's own rows, 1 within a group, 2 within a subgroup. */
  depth: number;
  /** Where the row is written (for a total, the group's `total`). */
  path: Path;
  cells: WorkedCell[];
  side: "income" | "cost" | "financing" | undefined;
  /** For a line row: its account, the accounts it sums, the financier it is. */
  line?: LineRow;
  /** For a formula row: the ids it adds and subtracts. */
  formula?: FormulaRow;
  note: string | undefined;
}

export interface WorkedTable {
  table: MoneyTable;
  path: Path;
  columns: readonly Column[];
  /** The rows in print order: headings, lines, memo and formula rows, group totals, the table's total. */
  rows: WorkedRow[];
  /** Problems with the table's own shape (an unknown column in `of`, a row with too few cells), which the checks report. */
  shape: ShapeProblem[];
}

export interface ShapeProblem {
  path: Path;
  reason: Message;
  fix: Message;
}

/** How many kronor one of a table's units is. */
export const KRONOR_PER_UNIT: Record<MoneyTable["unit"], bigint> = { kr: 1n, tkr: 1_000n, mnkr: 1_000_000n };

/** A figure of a table in kronor; blank stays blank. */
export const inKronor = (figure: Figure, unit: MoneyTable["unit"]): Figure => (figure === undefined ? undefined : figure * KRONOR_PER_UNIT[unit]);

/** The tolerance for rounding: in kronor none; in tkr and mnkr each printed figure may be off by half a unit, so a sum of `n` of them and its own rounding by (n + 1) / 2. */
export function roundingTolerance(unit: MoneyTable["unit"], known: number): bigint {
  return unit === "kr" ? 0n : BigInt(Math.floor((known + 1) / 2));
}

const isDerived = (column: Column) => COLUMN_KIND[column.kind].derived;

/** The sum of the known figures, blank when every one is blank. */
function addFigures(figures: readonly Omit<Part, "label">[]): { computed: Figure; known: number } {
  let total: bigint | undefined;
  let known = 0;
  for (const { figure, sign } of figures) {
    if (figure === undefined) continue;
    known++;
    total = (total ?? 0n) + sign * figure;
  }
  return { computed: total, known };
}

/** A shape problem for each id given a second time: a reference to it could not tell which is meant. */
function duplicates(ids: readonly { id: string | undefined; path: Path }[], of: "column" | "row", shape: ShapeProblem[]): void {
  const seen = new Set<string>();
  for (const { id, path } of ids) {
    if (id === undefined) continue;
    if (!seen.has(id)) {
      seen.add(id);
      continue;
    }
    shape.push(
      of === "column"
        ? { path, reason: t`Another column of the table already has the id \`${id}\`.`, fix: t`Give each column an id of its own.` }
        : { path, reason: t`Another row or group of the table already has the id \`${id}\`.`, fix: t`Give each row or group an id of its own.` },
    );
    seen.add(id);
  }
}

/** The order in which derived columns are worked out, each after the columns it is derived from; problems for unknown or circular `of`. */
function columnOrder(table: MoneyTable, path: Path): { order: number[]; shape: ShapeProblem[] } {
  const shape: ShapeProblem[] = [];
  const index = new Map(table.columns.map((c, i) => [c.id, i]));
  const order: number[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number): void => {
    if (state.get(i) === "done") return;
    if (state.get(i) === "visiting") {
      shape.push({
        path: [...path, "columns", i, "of"],
        reason: t`The column \`${table.columns[i]!.id}\` is derived from itself, through \`of\`.`,
        fix: t`Derive it from columns of amounts.`,
      });
      return;
    }
    state.set(i, "visiting");
    for (const id of table.columns[i]!.of ?? []) {
      const j = index.get(id);
      if (j !== undefined) visit(j);
    }
    state.set(i, "done");
    order.push(i);
  };
  table.columns.forEach((column, i) => {
    const at = [...path, "columns", i];
    if (isDerived(column)) {
      if (!column.of)
        shape.push({
          path: at,
          reason: t`A \`${column.kind}\` column is derived from others, but \`of\` does not name them.`,
          fix: t`Add \`of:\` with the columns, e.g. \`of: [budget, utfall]\`.`,
        });
      else if (column.kind === "deviation" && column.of.length !== 2)
        shape.push({
          path: [...at, "of"],
          reason: t`A deviation is one column minus another; \`of\` names ${column.of.length}.`,
          fix: t`Name two columns, first minus second: \`of: [budget, utfall]\` or \`of: [utfall, budget]\`.`,
        });
      column.of?.forEach((id, k) => {
        if (!index.has(id))
          shape.push({
            path: [...at, "of", k],
            reason: t`\`of\` names the column \`${id}\`, which the table does not have.`,
            fix: t`Use one of ${table.columns.map((c) => `\`${c.id}\``).join(", ")}.`,
          });
      });
    } else if (column.of) {
      shape.push({
        path: [...at, "of"],
        reason: t`A \`${column.kind}\` column holds amounts of its own; only \`sum\` and \`deviation\` are derived.`,
        fix: t`Remove \`of\`, or make the column a \`sum\` or \`deviation\`.`,
      });
    }
  });
  table.columns.forEach((_, i) => visit(i));
  duplicates(
    table.columns.map((c, i) => ({ id: c.id, path: [...path, "columns", i, "id"] })),
    "column",
    shape,
  );
  return { order, shape };
}

/** A row as written in a table: a line, a memo or formula row, or a group or subgroup of rows. */
export type TableRow = LineRow | MemoRow | FormulaRow | Group | Subgroup;
export const isGroup = (row: TableRow): row is Group | Subgroup => "rows" in row;
const isFormula = (row: TableRow): row is FormulaRow => "add" in row;
const isMemo = (row: TableRow): row is MemoRow => "memo" in row;

/** A row of a table as written, where it is written, the groups it lies in (outermost first), and its side (its own, or its nearest group's). */
export interface TableEntry {
  row: TableRow;
  path: Path;
  groups: { group: Group | Subgroup; path: Path; side: Side | undefined }[];
  side: Side | undefined;
}

/**
 * Every row of a table as written, groups before their rows (the order they are written in).
 * The one walk of a table's groups and subgroups: the checks of accounts, the result and
 * `plan diff` read a table's structure through it. `at` is where the table is written.
 */
export function tableEntries(table: MoneyTable, at: Path): TableEntry[] {
  const entries: TableEntry[] = [];
  const walk = (rows: readonly TableRow[], path: Path, groups: TableEntry["groups"], inherited: Side | undefined) =>
    rows.forEach((row, i) => {
      const rowPath = [...path, i];
      const side = ("side" in row ? row.side : undefined) ?? inherited;
      entries.push({ row, path: rowPath, groups, side });
      if (isGroup(row)) walk(row.rows, [...rowPath, "rows"], [...groups, { group: row, path: rowPath, side }], side);
    });
  walk(table.rows, [...at, "rows"], [], undefined);
  return entries;
}

/** Works out a money table: every cell stated and computed, in print order. `path` is where the table is written (`["tables", 0]`). */
export function workTable(table: MoneyTable, path: Path): WorkedTable {
  const { order, shape } = columnOrder(table, path);
  const columnIndex = new Map(table.columns.map((c, i) => [c.id, i]));
  const width = table.columns.length;
  const rows: WorkedRow[] = [];
  /** The row or group total each id names, for formula rows (worked out after every other row). */
  const byId = new Map<string, WorkedRow>();
  const formulas: { row: FormulaRow; worked: WorkedRow }[] = [];

  const cellsAsWritten = (values: readonly (number | null)[] | undefined, at: Path): WorkedCell[] => {
    if (values && values.length !== width) {
      shape.push({
        path: [...at, "values"],
        reason: t`The row has ${values.length} cells, but the table has ${width} columns (${table.columns.map((c) => c.id).join(", ")}).`,
        fix: t`Write one cell per column, \`~\` for a blank one.`,
      });
    }
    return table.columns.map((_, c) => {
      const v = values?.[c];
      const stated: Figure | "absent" = values === undefined || v === undefined ? "absent" : v === null ? undefined : BigInt(v);
      return { stated, computed: undefined, shown: undefined, known: 0, terms: 0, parts: [], path: [...at, "values", c] };
    });
  };

  /** Fills the derived columns of a row from its own cells, in dependency order. */
  const derive = (cells: WorkedCell[]) => {
    for (const c of order) {
      const column = table.columns[c]!;
      if (!isDerived(column) || !column.of) continue;
      const terms = column.of.flatMap((id, k) => {
        const j = columnIndex.get(id);
        return j === undefined
          ? []
          : [{ label: columnLabel(table.columns[j]!), figure: cells[j]!.shown, sign: column.kind === "deviation" && k > 0 ? (-1n as const) : (1n as const) }];
      });
      const { computed, known } = addFigures(terms);
      const cell = cells[c]!;
      Object.assign(cell, { computed, known, terms: terms.length, parts: terms, shown: cell.stated === "absent" ? computed : cell.stated });
    }
  };

  /** A line's or memo row's own amounts are what they state. */
  const own = (cells: WorkedCell[]) => {
    table.columns.forEach((column, c) => {
      if (isDerived(column)) return;
      const cell = cells[c]!;
      const figure = cell.stated === "absent" ? undefined : cell.stated;
      Object.assign(cell, { computed: figure, shown: figure });
    });
    derive(cells);
  };

  /** A total's amounts are the sum of its terms' shown figures, column by column. */
  const sumOf = (cells: WorkedCell[], terms: readonly { row: WorkedRow; sign: 1n | -1n }[]) => {
    table.columns.forEach((column, c) => {
      if (isDerived(column)) return;
      const parts = terms.map((t) => ({ label: t.row.label, figure: t.row.cells[c]!.shown, sign: t.sign }));
      const { computed, known } = addFigures(parts);
      const cell = cells[c]!;
      Object.assign(cell, { computed, known, terms: terms.length, parts, shown: cell.stated === "absent" ? computed : cell.stated });
    });
    derive(cells);
  };

  /** Every row and group id as written, for the duplicates. */
  const ids: { id: string | undefined; path: Path }[] = [];
  const name = (id: string | undefined, at: Path, row: WorkedRow) => {
    if (id === undefined) return;
    ids.push({ id, path: [...at, "id"] });
    if (!byId.has(id)) byId.set(id, row);
  };
  const add = (row: WorkedRow) => {
    rows.push(row);
    name(row.id, row.path, row);
    return row;
  };

  /** Works out the rows of a list (the table's, a group's), returning its summands: lines and group totals. */
  const work = (list: readonly TableRow[], at: Path, depth: number, side: WorkedRow["side"]): WorkedRow[] => {
    const summands: WorkedRow[] = [];
    list.forEach((row, i) => {
      const rowPath = [...at, i];
      if (isGroup(row)) {
        const groupSide = row.side ?? side;
        if (row.heading) add({ role: "heading", id: undefined, label: row.heading, depth, path: rowPath, cells: [], side: groupSide, note: undefined });
        const inner = work(row.rows, [...rowPath, "rows"], depth + 1, groupSide);
        summands.push(total(row.total, inner, [...rowPath, "total"], depth, groupSide, row.id, row.heading));
        return;
      }
      const cells = cellsAsWritten(row.values, rowPath);
      const worked = add({
        role: isFormula(row) ? "formula" : isMemo(row) ? "memo" : "line",
        id: row.id,
        label: row.label,
        depth,
        path: rowPath,
        cells,
        side: ("side" in row ? row.side : undefined) ?? side,
        note: row.note,
      });
      if (isFormula(row)) {
        worked.formula = row;
        formulas.push({ row, worked });
      } else {
        own(cells);
        if (!isMemo(row)) {
          worked.line = row;
          summands.push(worked);
        }
      }
    });
    return summands;
  };

  /** The total row of a group or the table; without a `total` the group's sum is still worked out (for formulas and the group above), and not printed. */
  const total = (
    declared: TotalRow | undefined,
    summands: WorkedRow[],
    at: Path,
    depth: number,
    side: WorkedRow["side"],
    id: string | undefined,
    heading?: string,
  ): WorkedRow => {
    const cells = cellsAsWritten(declared?.values, at);
    const worked: WorkedRow = { role: "total", id, label: declared?.label ?? heading ?? id ?? "", depth, path: at, cells, side, note: undefined };
    sumOf(
      cells,
      summands.map((row) => ({ row, sign: 1n })),
    );
    if (declared) rows.push(worked);
    // The group's id is written on the group, one level above its `total`.
    name(id, at.slice(0, -1), worked);
    return worked;
  };

  const summands = work(table.rows, [...path, "rows"], 0, undefined);
  if (table.total) total(table.total, summands, [...path, "total"], 0, undefined, undefined);
  duplicates(ids, "row", shape);
  // Sides are read with the table's perspective; without one, a revenue written negative and one written positive look alike.
  if (!table.perspective && rows.some((row) => row.side !== undefined)) {
    shape.push({
      path: [...path, "caption"],
      reason: t`Rows of the table are on the income, cost or financing side, but the table declares no \`perspective\`, so their signs cannot be read.`,
      fix: t`Add \`perspective: cost\` (revenues written negative, kostnadsperspektiv) or \`perspective: sides\` (every side positive).`,
    });
  }

  // A formula may add up other formulas (Resultat from Nettokostnad): each is worked out after those it names.
  const formulaIds = new Set(formulas.map((f) => f.worked.id).filter((id) => id !== undefined));
  const done = new Set<string>();
  const pending = [...formulas];
  const ordered: typeof formulas = [];
  while (pending.length) {
    const next = pending.findIndex(({ row }) => [...row.add, ...row.subtract].every((id) => !formulaIds.has(id) || done.has(id)));
    if (next < 0) {
      for (const { worked } of pending)
        shape.push({
          path: worked.path,
          reason: t`The formula row "${worked.label}" adds up itself, through other formula rows.`,
          fix: t`Make it add rows and groups of amounts.`,
        });
      break;
    }
    const [formula] = pending.splice(next, 1);
    ordered.push(formula!);
    if (formula!.worked.id !== undefined) done.add(formula!.worked.id);
  }

  for (const { row, worked } of ordered) {
    const terms = [
      ...row.add.map((id) => ({ id, sign: 1n as const, key: "add" })),
      ...row.subtract.map((id) => ({ id, sign: -1n as const, key: "subtract" })),
    ].flatMap((term, k) => {
      const found = byId.get(term.id);
      if (found) return [{ row: found, sign: term.sign }];
      const index = term.key === "add" ? k : k - row.add.length;
      shape.push({
        path: [...worked.path, term.key, index],
        reason: t`\`${term.key}\` names \`${term.id}\`, which is no row or group of the table.`,
        fix: byId.size
          ? t`Use the \`id\` of a row or group: ${[...byId.keys()].map((k) => `\`${k}\``).join(", ")}.`
          : t`Use the \`id\` of a row or group: give the rows ids first.`,
      });
      return [];
    });
    sumOf(worked.cells, terms);
  }

  return { table, path, columns: table.columns, rows, shape };
}

/** Every money table of a document, worked out. */
export function workTables(tables: readonly MoneyTable[], at: Path = ["tables"]): WorkedTable[] {
  return tables.map((table, t) => workTable(table, [...at, t]));
}

/** A column's heading: as the source prints it, or the kind's label and the year. */
export function columnLabel(column: Column): string {
  return column.label ?? [COLUMN_KIND[column.kind].label, column.year].filter((part) => part !== undefined).join(" ");
}

export type Side = NonNullable<WorkedRow["side"]>;
const SIDES: readonly Side[] = ["income", "cost", "financing"];

/** A table's result, column by column, from its lines on the income, cost and financing sides. */
export interface WorkedResult {
  /** The sides the table's lines are on. */
  sides: ReadonlySet<Side>;
  /** Per side and column, the sum of its outermost rows as the table prints them (group totals where it prints them; revenues negative in the cost perspective); blank where every one is blank. */
  written: Record<Side, Figure[]>;
  /** Per side and column, what the side amounts to, read with the table's signs: income and financing positive where they bring money, costs positive where they take it. */
  amounts: Record<Side, Figure[]>;
  /** Per column: income + financing − costs; blank where a side the table has is blank throughout. */
  result: Figure[];
  /** The last formula row whose terms reach every side the table has (Resultat, or a net cost), if the table states its result. */
  stated: WorkedRow | undefined;
}

/**
 * The result of a table whose lines have sides (`undefined` for one without): per column income
 * + financing − costs, from the figures the table prints for each side. In the cost perspective
 * revenues are written negative, so the result is −(income and cost rows) + financing; with
 * `sides` (or none declared) every side is written positive. The rule `money/unbalanced` and the
 * page's computed result row both read it.
 */
export function resultOf(worked: WorkedTable): WorkedResult | undefined {
  const lines = worked.rows.filter((row) => row.role === "line" && row.side !== undefined);
  if (lines.length === 0) return undefined;
  const sides = new Set(lines.map((row) => row.side!));
  const width = worked.columns.length;
  const roots = sideRoots(worked);
  const written = Object.fromEntries(
    SIDES.map((side) => {
      const of = roots.filter((row) => row.side === side);
      return [side, Array.from({ length: width }, (_, c) => addFigures(of.map((row) => ({ figure: row.cells[c]!.shown, sign: 1n }))).computed)];
    }),
  ) as Record<Side, Figure[]>;
  const negate = (figure: Figure) => (figure === undefined ? undefined : -figure);
  const amounts: Record<Side, Figure[]> = {
    income: worked.table.perspective === "cost" ? written.income.map(negate) : written.income,
    cost: written.cost,
    financing: written.financing,
  };
  const result = Array.from({ length: width }, (_, c) =>
    [...sides].some((side) => amounts[side][c] === undefined)
      ? undefined
      : addFigures([
          { figure: amounts.income[c], sign: 1n },
          { figure: amounts.financing[c], sign: 1n },
          { figure: amounts.cost[c], sign: -1n },
        ]).computed,
  );
  const reaches = sidesReached(worked.table);
  const stated = worked.rows.filter((row) => row.formula && [...sides].every((side) => reaches(row.formula!).has(side))).at(-1);
  return { sides, written, amounts, result, stated };
}

/**
 * The outermost rows of each side, whose figures the result adds: a group on a side by its total
 * as printed (so the result agrees with the totals a reader sees, rounding residues and all), a
 * line on a side by its own figures; a group without a printed total or without a side by its rows.
 */
function sideRoots(worked: WorkedTable): WorkedRow[] {
  const byPath = new Map(worked.rows.map((row) => [JSON.stringify(row.path), row]));
  const totalOf = (group: Group | Subgroup, path: Path, side: Side | undefined) =>
    side && group.total ? byPath.get(JSON.stringify([...path, "total"])) : undefined;
  const roots: WorkedRow[] = [];
  for (const { row, path, groups, side } of tableEntries(worked.table, worked.path)) {
    if (isFormula(row) || isMemo(row) || !side) continue;
    // Inside a group that a printed total stands for.
    if (groups.some((g) => totalOf(g.group, g.path, g.side))) continue;
    const root = isGroup(row) ? totalOf(row, path, side) : byPath.get(JSON.stringify(path));
    if (root) roots.push(root);
  }
  return roots;
}

/** The sides each formula row's terms reach, through the groups and formula rows they name. */
function sidesReached(table: MoneyTable): (formula: FormulaRow) => Set<Side> {
  const reach = new Map<string, Set<Side>>();
  const formulas = new Map<string, FormulaRow>();
  const sidesAt = new Map<string, Set<Side>>();
  for (const { row, path, groups, side } of tableEntries(table, [])) {
    if (isFormula(row)) {
      if (row.id !== undefined) formulas.set(row.id, row);
      continue;
    }
    const sides = new Set<Side>(!isGroup(row) && side ? [side] : []);
    sidesAt.set(JSON.stringify(path), sides);
    if (row.id !== undefined) reach.set(row.id, sides);
    // A memo row shows a part of a total and is no summand: a formula may name it, a group's sides do not include it.
    if (!isGroup(row) && !isMemo(row) && side) for (const g of groups) sidesAt.get(JSON.stringify(g.path))!.add(side);
  }
  const of = (formula: FormulaRow, seen: Set<FormulaRow>): Set<Side> => {
    const found = new Set<Side>();
    if (seen.has(formula)) return found;
    seen.add(formula);
    for (const id of [...formula.add, ...formula.subtract]) {
      const named = formulas.get(id);
      (reach.get(id) ?? (named ? of(named, seen) : new Set<Side>())).forEach((s) => found.add(s));
    }
    return found;
  };
  return (formula) => of(formula, new Set());
}
