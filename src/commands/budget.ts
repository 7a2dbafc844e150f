import { allRollups } from "../rollup/rollups.js";
import { tablesToCsv, tablesToJson, tableToText } from "../rollup/format.js";
import { checkRepository, formatProblems } from "../check/check.js";
import type { Io } from "../io.js";

export type BudgetFormat = "text" | "json" | "csv";

/** `plan budget`: the roll-ups of a repository that passes its checks. */
export function runBudget(path: string, options: { format: BudgetFormat }, io: Io): number {
  const checked = checkRepository(path, io);
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(checked, "text", io, io.stderr));
    io.stderr.write("plan: no roll-ups from a repository with errors; fix them first.\n");
    return 1;
  }
  const tables = allRollups(checked.repo);
  if (options.format === "json") io.stdout.write(tablesToJson(tables));
  else if (options.format === "csv") io.stdout.write(tablesToCsv(tables));
  else io.stdout.write(`${tables.map(tableToText).join("\n\n")}\n`);
  return 0;
}
