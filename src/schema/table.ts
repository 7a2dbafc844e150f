import { z } from "zod";
import { localId, partyRef, year } from "./common.js";
import { COLUMN_KIND, MONEY_UNIT, SIDE } from "../vocabulary.js";

/*
 * A money table as Swedish public bodies print them: rows in groups and subgroups, columns of
 * declared kinds (budget, utfall, bokslut, …), amounts in the table's unit with their signs,
 * stated totals that `plan check` recomputes, and blank cells that are never read as 0.
 * Plans, reports and budget documents hold them under `tables:`.
 */

const words = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => `\`${value}\` (${label})`)
    .join(", ");

export const moneyUnit = z.enum(["kr", "tkr", "mnkr"]).describe(`The unit every amount of the table is written in: ${words(MONEY_UNIT)}.`);

/** The largest figure a table's cell holds in any unit, so that the figure in kronor (× 1 000 000 for mnkr) is exact. */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 1_000_000);

/** An amount in the table's unit: a whole number, negative where the source prints a minus. */
export const amount = z
  .int()
  // At most 9 007 199 254 in any unit: in kronor (× 1 000 000 for mnkr) every figure stays exact.
  .min(-MAX_AMOUNT)
  .max(MAX_AMOUNT)
  .meta({ amount: true })
  .describe("An amount in the table's unit, as printed: `-1760` for −1 760, digits only.");

/** A cell: an amount, or `~` for a cell the source leaves blank (which is not 0). */
export const cell = z.union([amount, z.null()]).describe("An amount in the table's unit, or `~` for a blank cell (blank is not 0).");

/** One figure per column, in the order of the table's `columns`. */
export const cells = z.array(cell).describe("One cell per column, in the order of `columns`: an amount, or `~` for a blank cell.");

export const columnKind = z.enum(Object.keys(COLUMN_KIND) as [keyof typeof COLUMN_KIND, ...(keyof typeof COLUMN_KIND)[]]).describe(
  `What the column holds: ${Object.entries(COLUMN_KIND)
    .map(([value, k]) => `\`${value}\` (${k.label})`)
    .join(", ")}. \`sum\` and \`deviation\` are derived from other columns (\`of\`).`,
);

export const column = z
  .strictObject({
    id: localId,
    kind: columnKind,
    year: year.optional().describe("The year of the figures, e.g. `2016`; the column's heading names it."),
    party: partyRef.optional().describe("Whose figures, where a table shared by several financiers has a column per party."),
    label: z.string().min(1).optional().describe("The heading as the source prints it, e.g. `Tillägg/ombudg 2016`; default: the kind's label and the year."),
    of: z
      .array(localId)
      .min(2)
      .optional()
      .describe(
        "For `sum`: the columns it adds, e.g. `[ursprung, tillagg]`. For `deviation`: the two columns it subtracts, first minus second: `[budget, utfall]` (positive is an underspend) or `[utfall, budget]`.",
      ),
  })
  .describe("A column of a money table.");

export const side = z
  .enum(Object.keys(SIDE) as [keyof typeof SIDE, ...(keyof typeof SIDE)[]])
  .describe(`Which side of the result a row is on: ${words(SIDE)}.`);

/** An account code as YAML reads it: `5010` unquoted is a number, `Akt. 30` and `5611-5615` are text. */
const code = z.union([z.int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1)]);

/** A row's account: a code such as `5010`, or a name the ledger uses instead, such as `Akt. 30`. */
const accountCode = code.describe("An account code such as `5010`, or the name the ledger gives it (`Akt. 30`).");

/** Codes and ranges a summary row stands for: `5611-5615`, `6560`, or `rest` for every account no other row names. */
const accountSpec = code.describe("An account code (`6560`), a range of codes (`7020-7699`), or `rest` for the accounts no other row names.");

const rowBase = {
  id: localId.optional().describe("Id of the row, for the rows and tables that refer to it."),
  label: z.string().min(1).describe("The row's text as printed, e.g. `Hagen etapp 3`."),
  values: cells,
  note: z.string().min(1).optional().describe("A footnote printed with the row."),
};

export const lineRow = z
  .strictObject({
    ...rowBase,
    side: side.optional(),
    party: partyRef.optional().describe("The financier whose contribution the row is (member fees, a grant); leave out for income that is no party's."),
    account: accountCode.optional().describe("The row's account, in a table of accounts (`5010`)."),
    accounts: z.array(accountSpec).min(1).optional().describe("The accounts the row sums, in the table `detail` names: codes, ranges, or `rest`."),
    except: z.array(accountSpec).min(1).optional().describe("Accounts within `accounts` that the row leaves out, e.g. `[7460, 7530]`."),
  })
  .describe("A row of amounts: a summand of its group's total.");

export const memoRow = z
  .strictObject({
    ...rowBase,
    memo: z.literal(true).describe("A memo row (printed in italics): it shows a part of the total above it and is no summand."),
    side: side.optional(),
  })
  .describe("A memo row, such as the italic rows of income and costs under Summa verksamhet.");

export const formulaRow = z
  .strictObject({
    ...rowBase,
    add: z.array(localId).min(1).describe("Ids of the rows and groups it adds, e.g. `[intakter, kostnader]`."),
    subtract: z.array(localId).default([]).describe("Ids of the rows and groups it subtracts, e.g. `[nettokostnad]`."),
  })
  .describe("A row computed from other rows, such as Nettokostnad or Resultat; its stated values are checked.");

export const totalRow = z
  .strictObject({
    label: z.string().min(1).describe("The total's text as printed, e.g. `S:a investeringar egna`."),
    values: cells.optional().describe("The total as printed, one cell per column; leave out to have it computed and shown."),
  })
  .describe("The total row of a group or a table: the sum of its rows and groups (memo and formula rows aside).");

const groupBase = {
  id: localId.optional().describe("Id of the group, for formula rows and summary tables that refer to it."),
  heading: z.string().min(1).optional().describe("A heading row printed above the group, e.g. `INTÄKTER`."),
  side: side.optional().describe("The side of every row in the group."),
  detail: localId.optional().describe("In a summary table: the group of the `detail` table whose accounts this group's rows sum."),
  total: totalRow.optional(),
};

export const subgroup = z
  .strictObject({
    ...groupBase,
    rows: z
      .array(z.union([lineRow, memoRow, formulaRow]))
      .min(1)
      .describe("The subgroup's rows."),
  })
  .describe("A subgroup of rows with its total.");

export const group = z
  .strictObject({
    ...groupBase,
    rows: z
      .array(z.union([lineRow, memoRow, formulaRow, subgroup]))
      .min(1)
      .describe("The group's rows and subgroups."),
  })
  .describe("A group of rows with its total, e.g. `S:a investeringar gm TN`.");

export const perspective = z
  .enum(["cost", "sides"])
  .describe(
    "How signs are read: `cost` (kostnadsperspektiv: costs positive, revenues negative, financing such as Kommunbidrag positive) or `sides` (income and costs both positive, on their sides). Leave out for a table without income.",
  );

export const moneyTable = z
  .strictObject({
    id: localId,
    caption: z.string().min(1).describe("The table's title as printed, e.g. `Organisatorisk fördelning`."),
    unit: moneyUnit.default("kr"),
    stub: z.string().min(1).optional().describe("The heading of the column of row texts as printed, e.g. `RESULTAT NETTO` or `Projekt`."),
    perspective: perspective.optional(),
    columns: z.array(column).min(1).describe("The columns, in the order the source prints them."),
    rows: z.array(z.union([lineRow, memoRow, formulaRow, group])).describe("The rows and groups, in the order the source prints them."),
    total: totalRow.optional().describe("The table's total row: the sum of its rows and groups."),
    detail: localId.optional().describe("Id of a table of this document that holds the accounts the summary rows' `accounts` sum."),
    note: z.string().min(1).optional().describe("A note printed under the table, e.g. `Budget 2016 inkl. tilläggsanslag`."),
  })
  .describe("A money table: rows in groups, columns of declared kinds, amounts in one unit.");

export type MoneyTable = z.infer<typeof moneyTable>;
export type Column = z.infer<typeof column>;
export type LineRow = z.infer<typeof lineRow>;
export type MemoRow = z.infer<typeof memoRow>;
export type FormulaRow = z.infer<typeof formulaRow>;
export type Group = z.infer<typeof group>;
export type Subgroup = z.infer<typeof subgroup>;
export type TotalRow = z.infer<typeof totalRow>;
export type Cell = z.infer<typeof cell>;
