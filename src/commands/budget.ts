import { allRollups } from "../rollup/rollups.js";
import { tablesToCsv, tablesToJson, tableToText } from "../rollup/format.js";
import { moneyTableForCsv, moneyTableToText } from "../rollup/format-tables.js";
import { allMoneyTables } from "../rollup/money-tables.js";
import { checkRepository, formatProblems } from "../check/check.js";
import { safeJson } from "../format/control.js";
import type { Io } from "../io.js";
import { langIn, say, t } from "../format/message.js";

export type BudgetFormat = "text" | "json" | "csv";

/** `plan budget`: the roll-ups of a repository that passes its checks, then the money tables of its plans, reports and budgets. */
export function runBudget(path: string, options: { format: BudgetFormat }, io: Io): number {
  const checked = checkRepository(path, io);
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(checked, "text", io, io.stderr));
    io.stderr.write(`${say(t`plan: no roll-ups from a repository with errors; fix them first.`, langIn(io))}\n`);
    return 1;
  }
  const tables = allRollups(checked.repo);
  const moneyTables = allMoneyTables(checked.repo);
  if (options.format === "json") {
    // One list: the roll-ups as before, then each money table (`type: "money-table"`).
    const rollups = JSON.parse(tablesToJson(tables)) as unknown[];
    io.stdout.write(`${safeJson([...rollups, ...moneyTables], 2)}\n`);
  } else if (options.format === "csv") io.stdout.write(tablesToCsv([...tables, ...moneyTables.map(moneyTableForCsv)]));
  else io.stdout.write(`${[...tables.map(tableToText), ...moneyTables.map(moneyTableToText)].join("\n\n")}\n`);
  return 0;
}
