import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "node:fs";
import { runBudget, type BudgetFormat } from "./budget.js";
import type { DiagnosticFormat } from "../check/check.js";
import { runCheck } from "./check.js";
import { UserError } from "../errors.js";
import { langIn, langOf, say, t } from "../format/message.js";
import type { Io, Lang } from "../io.js";
import { runInit, runNew } from "./scaffold.js";
import { removeLeftovers } from "../write/leftovers.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };

/** Builds the command line; every action returns its exit code through `result`. */
export function program(given: Io, result: { code: number }): Command {
  // The run's own Io: `--lang` sets its language before the command's action runs.
  const io: Io = { ...given };
  const cli = new Command("plan")
    .description("Checks and renders the joint public-health plans of Swedish municipalities.")
    .version(packageJson.version)
    .addOption(new Option("--lang <lang>", "the language plan speaks: sv (svenska) or en (English); default: the environment's (LANG)").choices(["sv", "en"]))
    .hook("preAction", (root) => {
      const lang = (root.opts() as { lang?: Lang }).lang;
      if (lang) io.lang = lang;
    })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run `plan --help` for the commands and their options)");

  cli
    .command("check")
    .description("Validate every document against the schemas and the rules between documents.")
    .argument("[path]", "the plan repository, or a folder or file inside it", ".")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "codequality"]).default("text"))
    .option("--strict", "exit 1 on warnings too", false)
    .option("--watch", "check again whenever a file is saved, until Ctrl+C", false)
    .option("--no-cache", "check every file anew, without reading or writing the cache in .plan-cache/")
    .action(async (path: string, options: { format: DiagnosticFormat; strict: boolean; watch: boolean; cache: boolean }) => {
      result.code = await runCheck(path, options, io);
    });

  cli
    .command("budget")
    .description("Print the budget roll-ups: per plan, per agreement and year, per party across agreements.")
    .argument("[path]", "the plan repository, or a folder or file inside it", ".")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"))
    .action((path: string, options: { format: BudgetFormat }) => {
      result.code = runBudget(path, options, io);
    });

  cli
    .command("init")
    .description(
      "Create a working plan repository in a new or empty folder: configuration, agreement, plan, memo, README, CI for GitHub and GitLab with a copy of this plan in .plan/ for it to install, and editor settings.",
    )
    .argument("[dir]", "the folder to create it in", ".")
    .option("--kommun <name>", "the municipality", "Exempels kommun")
    .option("--kommunkod <code>", "its four-digit kommunkod, for Kolada")
    .option("--region <name>", "the region's board it works with", "Hälso- och sjukvårdsnämnden")
    .option("--region-short <name>", "the board's short name in tables", "HSN")
    .option("--year <year>", "the year of the first plan (default: next year)", (v) => parseYear(v))
    .option("--contribution <kronor>", "each party's yearly contribution in whole kronor", (v) => parseKronor(v), 500000)
    .option("--force", "write into a folder that is not empty, replacing the files of the same names", false)
    .option(
      "--update",
      "renew only the copy of plan in .plan/ (which CI installs) from this plan: no network; the copy's dependencies come from npm when CI installs them",
      false,
    )
    .action(
      (
        dir: string,
        o: { kommun: string; kommunkod?: string; region: string; regionShort: string; year?: number; contribution: number; force: boolean; update: boolean },
      ) => {
        if (o.kommunkod !== undefined && !/^\d{4}$/.test(o.kommunkod)) throw new UserError(t`--kommunkod takes four digits, e.g. 1441; got "${o.kommunkod}".`);
        result.code = runInit(dir, { ...o, kommunkod: o.kommunkod, year: o.year ?? new Date().getFullYear() + 1 }, io);
      },
    );

  cli
    .command("new")
    .description("Draft a document from a plan: next year's plan, the year's report, or the memo about it.")
    .argument("<kind>", "plan, report or memo")
    .option("--from <id>", "the plan to start from (plan, report)")
    .option("--for <id>", "the plan the memo is about (memo)")
    .option("--clear-amounts", "plan: leave the amounts empty instead of copying them", false)
    .option("--year <year>", "plan: the year of the new plan (default: the next)", (v) => parseYear(v))
    .option("--force", "overwrite an existing file", false)
    .action((kind: string, o: { from?: string; for?: string; clearAmounts: boolean; year?: number; force: boolean }) => {
      result.code = runNew(kind, { ...o, keepAmounts: !o.clearAmounts }, io);
    });

  cli
    .command("build")
    .description(
      "Check, then render every plan, memo, report and roll-up to standalone HTML, with an index, and the plans, memos, reports and agreements to PDF.",
    )
    .argument("[path]", "the plan repository, or a folder or file inside it", ".")
    .option("--out <dir>", "output folder (default: dist in the repository)")
    .option("--pdf", "require the PDFs: exit 2 when no browser is found (default: PDFs when a browser is found)")
    .option("--no-pdf", "HTML only, no PDFs")
    .option("--browser <path>", "the Chrome, Chromium or Edge to print with (default: PUPPETEER_EXECUTABLE_PATH, then the usual places)")
    .option("--jobs <n>", "pages printing at the same time (default: the number of cores)")
    .option("--shard <i/n>", "make only the i-th of n shares of the PDFs, for CI jobs that split a large repository")
    .option("--watch", "build again whenever a file is saved, until Ctrl+C: only what changed is rendered and written", false)
    .option("--verbose", "list each warning with its place and fix (default: a line per file, with its rules)", false)
    .option(
      "--colophon",
      'end every page with the line "Framställt <date> med plan." (default: none; a board\'s document says nothing about the software)',
      false,
    )
    .action(
      async (
        path: string,
        options: { out?: string; pdf?: boolean; browser?: string; jobs?: string; shard?: string; watch: boolean; verbose: boolean; colophon: boolean },
      ) => {
        const { runBuild } = await import("./build.js");
        result.code = await runBuild(path, options, io);
      },
    );

  cli
    .command("diff")
    .description("Show what changed between two revisions: documents, money per party, the split, new problems, prose.")
    .argument("[base]", "the revision to compare from (default: the merge base with the default branch); `A..B` and `A...B` work as in git")
    .argument("[head]", "the revision to compare to (default: the working tree)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .option("--exit-code", "exit 1 when the plans differ, as `git diff --exit-code`", false)
    .option("-C, --path <folder>", "the plan repository, or a folder inside it", ".")
    .action(async (base: string | undefined, head: string | undefined, options: { format: "text" | "markdown" | "json"; exitCode: boolean; path: string }) => {
      const { runDiff } = await import("./diff.js");
      result.code = await runDiff(base, head, options, io);
    });

  const kolada = cli
    .command("kolada")
    .description("Indicator values from Kolada: import saved API responses, or fetch them (the only command that uses the network).");
  kolada
    .command("import")
    .description("Merge saved Kolada `data` responses (v3 or v2, any number of pages) into data/kolada/<KPI>-<municipality>.yaml.")
    .argument("<file...>", "saved responses (.json), or folders of them")
    .option("--repo <path>", "the plan repository, or a folder inside it", ".")
    .action(async (files: string[], options: { repo: string }) => {
      const { runKoladaImport } = await import("./kolada.js");
      result.code = runKoladaImport(files, options, io);
    });
  kolada
    .command("fetch")
    .description("Ask Kolada for the values of every Kolada-linked indicator and save the answers for `plan kolada import`.")
    .option("--repo <path>", "the plan repository, or a folder inside it", ".")
    .option("--out <dir>", "a new or empty folder to save the pages in (default: a fresh folder in the system's temp folder)")
    .option("--base-url <url>", "the Kolada API (default: https://api.kolada.se/v3)")
    .option("--timeout <seconds>", "how long to wait for each answer (default: 30)")
    .action(async (options: { repo: string; out?: string; baseUrl?: string; timeout?: string }) => {
      const { runKoladaFetch } = await import("./kolada.js");
      result.code = await runKoladaFetch(options, io);
    });

  return cli;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UserError(t`A year is four digits, e.g. 2027; got "${value}".`);
  return Number(value);
}

function parseKronor(value: string): number {
  if (!/^\d+$/.test(value)) throw new UserError(t`An amount is whole kronor written with digits only, e.g. 500000; got "${value}".`);
  return Number(value);
}

/** Runs the command line in-process and returns the exit code: 0 ok, 1 problems found, 2 usage or internal error. */
export async function main(argv: string[], io: Io): Promise<number> {
  const result = { code: 0 };
  // What a killed run left (its folders beside an output, its browser profile) goes first, whatever the command.
  removeLeftovers();
  try {
    await program(io, result).parseAsync(argv, { from: "user" });
    return result.code;
  } catch (error) {
    // An option's value is refused while the options are read, before `--lang` is applied: the failure is said in the language asked for all the same.
    const lang = langOf(langArgument(argv), {});
    return reportError(error, lang && langArgument(argv) !== undefined ? { ...io, lang } : io);
  }
}

/** The value of `--lang` among the arguments (`--lang sv`, `--lang=sv`), if any. */
function langArgument(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return undefined;
  return argv[i]!.startsWith("--lang=") ? argv[i]!.slice("--lang=".length) : argv[i + 1];
}

/** A command's failure as the user sees it: the message of a UserError, or an internal error without its stack; returns the exit code. */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UserError) {
    io.stderr.write(`plan: ${say(error.text, langIn(io))}\n`);
    return error.exitCode;
  }
  const detail = io.env["PLAN_DEBUG"] ? `\n${(error as Error).stack}` : " (set PLAN_DEBUG=1 to see where)";
  io.stderr.write(
    `plan: internal error: ${(error as Error).message ?? String(error)}${detail}\nThis is a bug in plan; please report it with the file that caused it.\n`,
  );
  return 2;
}
