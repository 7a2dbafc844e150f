import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "node:fs";
import { runBudget, type BudgetFormat } from "./budget.js";
import { runCheck, type DiagnosticFormat } from "./check.js";
import { UserError, type Io } from "./io.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** Builds the command line; every action returns its exit code through `result`. */
function program(io: Io, result: { code: number }): Command {
  const cli = new Command("plan")
    .description("Checks and renders the joint public-health plans of Swedish municipalities.")
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run `plan --help` for the commands and their options)");

  cli
    .command("check")
    .description("Validate every document against the schemas and the rules between documents.")
    .argument("[path]", "the plan repository, or a folder or file inside it", ".")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"))
    .option("--strict", "exit 1 on warnings too", false)
    .action((path: string, options: { format: DiagnosticFormat; strict: boolean }) => {
      result.code = runCheck(path, options, io);
    });

  cli
    .command("budget")
    .description("Print the budget roll-ups: per plan, per agreement and year, per party across agreements.")
    .argument("[path]", "the plan repository, or a folder or file inside it", ".")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"))
    .action((path: string, options: { format: BudgetFormat }) => {
      result.code = runBudget(path, options, io);
    });

  return cli;
}

/** Runs the command line in-process and returns the exit code: 0 ok, 1 problems found, 2 usage or internal error. */
export async function main(argv: string[], io: Io): Promise<number> {
  const result = { code: 0 };
  try {
    await program(io, result).parseAsync(argv, { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      io.stderr.write(`plan: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = io.env["PLAN_DEBUG"] ? `\n${(error as Error).stack}` : " (set PLAN_DEBUG=1 to see where)";
    io.stderr.write(`plan: internal error: ${(error as Error).message ?? String(error)}${detail}\nThis is a bug in plan; please report it with the file that caused it.\n`);
    return 2;
  }
}
