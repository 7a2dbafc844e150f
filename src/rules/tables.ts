import { groupDigits } from "../format/swedish.js";
import type { LoneDocument } from "../model/repository.js";
import { columnLabel, resultOf, roundingTolerance, workTables, type Part, type WorkedCell, type WorkedRow, type WorkedTable } from "../model/table.js";
import type { Column, MoneyTable } from "../schema/table.js";
import type { Path } from "../source/locate.js";
import { COLUMN_KIND, MONEY_UNIT } from "../vocabulary.js";
import { code, type Reporter, type Rule, type RuleRun, type Shared } from "./rule.js";
import { count, listOf, t, type Message, type Part as MessagePart } from "../format/message.js";

/*
 * The checks of money tables (`tables:` of plans, reports and budgets). Every figure they name
 * comes from `workTables` (src/model/table.ts), which works a table out once for the checks, the
 * pages, `plan budget` and `plan diff`: nothing here adds up a table again.
 */

/** A document's money tables worked out, once in a run for every rule of tables. */
const WORKED: Shared<readonly MoneyTable[], WorkedTable[]> = { make: (tables) => workTables(tables) };

/** The worked money tables of a document that has them. */
function tablesOf(doc: LoneDocument, run: RuleRun): WorkedTable[] {
  if (doc.kind !== "plan" && doc.kind !== "report" && doc.kind !== "budget") return [];
  return run.get(WORKED, doc.data.tables);
}

/** A check of every money table of a document. */
const eachTable =
  (check: (table: WorkedTable, report: (at: Path, finding: Parameters<Reporter>[2]) => void) => void) =>
  (doc: LoneDocument, report: Reporter, run: RuleRun) => {
    for (const table of tablesOf(doc, run)) check(table, (at, finding) => report(doc.source, at, finding));
  };

const unitOf = (table: WorkedTable) => MONEY_UNIT[table.table.unit];
/** `179 992 tkr`, with a real minus sign. */
const fig = (n: bigint, table: WorkedTable) => `${groupDigits(n)} ${unitOf(table)}`;
/** `+1 tkr`, `−10 tkr`. */
const difference = (n: bigint, table: WorkedTable) => `${n > 0n ? "+" : ""}${fig(n, table)}`;
const abs = (n: bigint) => (n < 0n ? -n : n);
/** The figures a cell adds up, `456 + 9 256 − 1 760`; blank terms left out, a long list only counted. */
function partsOf(parts: readonly Part[]): MessagePart {
  const known = parts.filter((p) => p.figure !== undefined);
  if (known.length > 8) return t`${known.length} figures`;
  return known
    .map(({ figure, sign }, i) => {
      const value = sign * figure!;
      return i === 0 ? groupDigits(value) : `${value < 0n ? "−" : "+"} ${groupDigits(abs(value))}`;
    })
    .join(" ");
}

/** The terms of a formula or a derived column by name: `Kommunbidrag − Nettokostnad`. */
const expression = (parts: readonly Part[]) =>
  parts.map((p, i) => (i === 0 ? (p.sign < 0n ? `−${p.label}` : p.label) : `${p.sign < 0n ? "−" : "+"} ${p.label}`)).join(" ");

/** What a computed cell is: a total over rows, a formula row, or a derived column of a row. */
type Computed = "rows" | "formula" | "column";
function computedKind(row: WorkedRow, column: Column): Computed {
  if (COLUMN_KIND[column.kind].derived) return "column";
  return row.role === "formula" ? "formula" : "rows";
}

/** `"Summa verksamhet", Bokslut 2015`: the row and the column a message is about. */
const where = (row: WorkedRow, column: Column) => `"${row.label}", ${columnLabel(column)}`;

/** The cells of a table whose figure the document states and the table computes from terms. */
function* statedFiguresToCheck(table: WorkedTable): Generator<{ row: WorkedRow; cell: WorkedCell; column: Column; stated: bigint }> {
  for (const row of table.rows)
    for (const [c, cell] of row.cells.entries()) {
      if (typeof cell.stated !== "bigint" || cell.terms === 0) continue;
      yield { row, cell, column: table.columns[c]!, stated: cell.stated };
    }
}

export const tableShape: Rule = {
  id: "money/table-shape",
  severity: "error",
  example: "The row has 4 cells, but the table has 5 columns (ursprung, tillagg, total, utfall, avvikelse).",
  summary:
    "A money table is whole: one cell per column on every row, derived columns `of` columns it has, formula rows naming its rows, nothing derived from itself.",
  document: eachTable((table, report) => {
    for (const problem of table.shape) report(problem.path, { reason: problem.reason, fix: problem.fix });
  }),
};

export const statedTotals: Rule = {
  id: "money/stated-total",
  severity: "error",
  otherSeverity: "warning",
  example: `"Summa verksamhet", ${COLUMN_KIND["final-accounts"].label} 2015: the rows sum to 179 991 tkr, the table states 179 992 tkr (difference +1 tkr, within the rounding of 5 rows printed in whole tkr).`,
  summary:
    "Every figure a money table states for a total, a formula row (Nettokostnad, Resultat) or a derived column (a sum or a deviation) is what its terms give, at the table's unit: a difference within the rounding of the terms printed in tkr or mnkr is a warning, any other an error.",
  document: eachTable((table, report) => {
    // A table whose shape is wrong (an unknown column in `of`, a cycle, a duplicate id) has its own errors; its sums would only mislead.
    if (table.shape.length) return;
    for (const { row, cell, column, stated } of statedFiguresToCheck(table)) {
      if (cell.computed === undefined) continue;
      const diff = stated - cell.computed;
      if (diff === 0n) continue;
      const kind = computedKind(row, column);
      const tolerance = roundingTolerance(table.table.unit, cell.known);
      const terms = kind === "column" ? count(cell.known, "figure") : count(cell.known, "row");
      const rounding = t`the rounding of ${terms} printed in whole ${unitOf(table)}`;
      const gives = kind === "rows" ? t`the rows sum to ${fig(cell.computed, table)}` : t`${expression(cell.parts)} gives ${fig(cell.computed, table)}`;
      const convention = column.kind === "deviation" ? t` ${columnLabel(column)} = ${expression(cell.parts)}, as the table declares in ${code("of")}.` : "";
      if (abs(diff) <= tolerance) {
        report(cell.path, {
          severity: "warning",
          reason: t`${where(row, column)}: ${gives}, the table states ${fig(stated, table)} (difference ${difference(diff, table)}, within ${rounding}).${convention}`,
          fix: t`A residue of rounding: keep the figure as the source prints it, or write ${code(String(cell.computed))} to make the table add up.`,
        });
        continue;
      }
      const beyond = tolerance > 0n ? t`, more than the ±${fig(tolerance, table)} that ${rounding} allows` : "";
      const correct =
        kind === "rows"
          ? t`correct the row that is wrong`
          : kind === "formula"
            ? t`correct the rows it adds and subtracts`
            : t`correct ${listOf(
                cell.parts.map((p) => p.label),
                "or",
              )}`;
      const reverse =
        column.kind === "deviation" && column.of
          ? t` If the table takes every deviation the other way, declare ${code(`of: [${[...column.of].reverse().join(", ")}]`)}.`
          : "";
      report(cell.path, {
        reason: t`${where(row, column)}: ${gives} (${partsOf(cell.parts)}), the table states ${fig(stated, table)} (difference ${difference(diff, table)}${beyond}).${convention}`,
        fix: t`Write ${code(String(cell.computed))}, or ${correct}.${reverse}`,
      });
    }
  }),
};

export const blankStated: Rule = {
  id: "money/blank-stated",
  severity: "warning",
  example: `"Summa verksamhet", ${COLUMN_KIND["final-accounts"].label} 2014: the table states 0 tkr, but all 9 rows it sums are blank there, and blank is not 0.`,
  summary:
    "A total, formula or derived figure is stated only where some of its terms are: over nothing but blank cells it is left blank, since blank is not 0.",
  document: eachTable((table, report) => {
    if (table.shape.length) return;
    for (const { row, cell, column, stated } of statedFiguresToCheck(table)) {
      if (cell.known !== 0) continue;
      const kind = computedKind(row, column);
      const labels = cell.parts.map((p) => p.label);
      const blank =
        kind === "rows"
          ? cell.terms === 1
            ? t`the row it sums is blank there`
            : t`all ${cell.terms} rows it sums are blank there`
          : kind === "formula"
            ? t`the rows it adds and subtracts (${labels.join(", ")}) are blank there`
            : labels.length === 1
              ? t`${labels[0]!} is blank on this row`
              : t`${listOf(labels)} are blank on this row`;
      report(cell.path, {
        reason: t`${where(row, column)}: the table states ${fig(stated, table)}, but ${blank}, and blank is not 0.`,
        fix:
          kind === "rows"
            ? t`Leave the total blank (${code("~")}), or write the rows' figures.`
            : kind === "formula"
              ? t`Leave the cell blank (${code("~")}), or write the figures of the rows it adds and subtracts.`
              : t`Leave the cell blank (${code("~")}), or write the figures of ${listOf(labels)}.`,
      });
    }
  }),
};

/** The side of a row as messages name it. */
const SIDE_NAMES: Record<NonNullable<WorkedRow["side"]>, Message> = { income: t`the income side`, cost: t`the cost side`, financing: t`the financing side` };

/** The columns of amounts that carry a row's sign: a change (tillägg), a deviation or a sum may be negative on any side. */
const SIGNED_KINDS: ReadonlySet<Column["kind"]> = new Set(["budget", "outcome", "final-accounts", "forecast"]);

export const signs: Rule = {
  id: "money/sign",
  severity: "warning",
  example: `"Ränteintäkter" is on the income side, which the cost perspective writes negative, but ${COLUMN_KIND.budget.label} 2013 says 700 tkr.`,
  summary:
    "Amounts have the signs the table declares: in the cost perspective (`perspective: cost`) revenues negative and costs positive; with `perspective: sides` every side positive. Changes, deviations and sums may be negative.",
  document: eachTable((table, report) => {
    const perspective = table.table.perspective;
    if (!perspective) return;
    for (const row of table.rows) {
      if ((row.role !== "line" && row.role !== "memo") || !row.side) continue;
      const side = row.side;
      /** Whether a figure of this row has the wrong sign, and how the perspective writes the side. */
      const rule =
        perspective === "sides"
          ? { wrong: (n: bigint) => n < 0n, writes: t`${code("perspective: sides")} writes positive` }
          : side === "income"
            ? { wrong: (n: bigint) => n > 0n, writes: t`the cost perspective writes negative` }
            : side === "cost" || side === "financing"
              ? { wrong: (n: bigint) => n < 0n, writes: t`the cost perspective writes positive` }
              : undefined;
      if (!rule) continue;
      const wrong = row.cells.flatMap((cell, c) => {
        const column = table.columns[c]!;
        const figure = cell.stated;
        return SIGNED_KINDS.has(column.kind) && typeof figure === "bigint" && rule.wrong(figure) ? [{ cell, column, figure }] : [];
      });
      if (wrong.length === 0) continue;
      const first = wrong[0]!;
      const fix =
        perspective === "sides"
          ? t`Write the amount positive (${code(String(-first.figure))}) on the side it belongs to; if the table writes revenues negative, declare ${code("perspective: cost")}.`
          : side === "income"
            ? t`Write revenues negative (${code(String(-first.figure))}), or put the row on the ${code("cost")} side if it is a cost; if the table writes income positive, declare ${code("perspective: sides")}.`
            : side === "financing"
              ? t`Write financing positive (${code(String(-first.figure))}), as the cost perspective writes Kommunbidrag.`
              : t`Write costs positive (${code(String(-first.figure))}), or put the row on the ${code("income")} side if it is a revenue.`;
      report(first.cell.path, {
        reason: t`"${row.label}" is on ${SIDE_NAMES[side]}, which ${rule.writes}, but ${listOf(wrong.map((w) => t`${columnLabel(w.column)} says ${fig(w.figure, table)}`))}.`,
        fix,
      });
    }
  }),
};

/** The columns whose result a budget must cover: what is planned, what came out, what is expected. */
const BALANCED_KINDS: ReadonlySet<Column["kind"]> = new Set(["budget", "outcome", "forecast"]);

export const unbalanced: Rule = {
  id: "money/unbalanced",
  severity: "warning",
  example: `"Budget 2013 Basverksamhet", ${COLUMN_KIND.budget.label} 2013: SUMMA KOSTNADER TOTALT 19 506 tkr is 545 tkr more than the income, 18 961 tkr; no row finances the difference, and the table states no result.`,
  summary:
    "A table with income and cost sides whose costs exceed its income and financing, in a budget, utfall or prognos column, says so: the deficit is told, not left for the reader to find.",
  document: eachTable((table, report) => {
    if (table.shape.length) return;
    const result = resultOf(table);
    if (!result || !result.sides.has("income") || !result.sides.has("cost")) return;
    const financed = table.rows.some((row) => row.side === "financing");
    table.columns.forEach((column, c) => {
      if (!BALANCED_KINDS.has(column.kind)) return;
      const costs = result.amounts.cost[c];
      const income = result.amounts.income[c];
      const financing = result.amounts.financing[c] ?? 0n;
      if (income === undefined || costs === undefined) return;
      // What income and financing leave uncovered, beyond the rounding of the figures summed.
      const covered = income + financing;
      if (costs - covered <= roundingTolerance(table.table.unit, 3)) return;
      // The outermost total of the costs, where the table prints one that holds them all.
      const total = table.rows
        .filter((row) => row.role === "total" && row.side === "cost" && row.cells[c]!.shown === result.written.cost[c])
        .sort((a, b) => a.depth - b.depth)[0];
      const excess = costs - covered;
      const named = total ? t`${total.label} ${fig(costs, table)} is` : t`the costs, ${fig(costs, table)}, are`;
      const stated = result.stated;
      const shown = stated?.cells[c]?.shown;
      const against = financed ? t`the income and financing, ${fig(covered, table)}` : t`the income, ${fig(income, table)}`;
      const unfinanced = financed ? t`; the financing rows do not cover the difference` : t`; no row finances the difference`;
      const tail = !stated
        ? t`${unfinanced}, and the table states no result.`
        : shown === undefined
          ? t`${unfinanced}.`
          : t`${unfinanced}, and "${stated.label}" shows ${fig(shown, table)}.`;
      const cell = total?.cells[c];
      report(cell && typeof cell.stated === "bigint" ? cell.path : [...table.path, "rows"], {
        key: !(cell && typeof cell.stated === "bigint"),
        reason: t`"${table.table.caption}", ${columnLabel(column)}: ${named} ${fig(excess, table)} more than ${against}${tail}`,
        fix: stated
          ? t`Add a row on the ${code("financing")} side that covers the ${fig(excess, table)} (the use of equity, a contribution), or lower the costs.`
          : t`Add a row on the ${code("financing")} side that covers the ${fig(excess, table)} (the use of equity, a contribution), or lower the costs; a formula row can state the result.`,
      });
    });
  }),
};
