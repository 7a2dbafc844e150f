import { commanderError } from "./commander-errors.js";
import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "node:fs";
import type { BudgetFormat } from "./budget.js";
import type { DiagnosticFormat } from "../check/check.js";
import { runCheck } from "./check.js";
import { UserError } from "../errors.js";
import { langIn, langOf, say, t, type Message } from "../format/message.js";
import type { Io, Lang } from "../io.js";
import { removeLeftovers } from "../write/leftovers.js";
import { browserTempsElsewhere } from "../browser/temp.js";
import type { TemplateCache } from "../render/templates.js";
import type { Browsers } from "../pdf/render.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };

/** The headings of commander's help, in the run's language. */
const HELP_TITLES: Record<string, Message> = {
  "Usage:": t`Usage:`,
  "Options:": t`Options:`,
  "Commands:": t`Commands:`,
  "Arguments:": t`Arguments:`,
  "Global Options:": t`Global Options:`,
};

/**
 * Builds the command line; every action returns its exit code through `result`. Its help (the
 * descriptions, commander's headings and the choices and defaults it adds) is in `lang`: the
 * `--lang` of the arguments, else the environment's (main passes it, as the help is written
 * before any action runs).
 */
export function program(given: Io, result: { code: number }, lang: Lang = langIn(given), kept: Kept = {}): Command {
  // The run's own Io: `--lang` sets its language before the command's action runs.
  const io: Io = { ...given };
  const s = (message: Message) => say(message, lang);
  const extras = (choices: readonly string[] | undefined, fallback: string | undefined) => [
    ...(choices ? [s(t`choices: ${choices.map((c) => JSON.stringify(c)).join(", ")}`)] : []),
    ...(fallback !== undefined ? [s(t`default: ${fallback}`)] : []),
  ];
  const withExtras = (description: string, extra: string[]) => (extra.length ? `${description} (${extra.join(", ")})`.trim() : description);
  const cli = new Command("plan")
    .description(s(t`Checks and renders the joint public-health plans of Swedish municipalities.`))
    .version(packageJson.version, "-V, --version", s(t`output the version number`))
    .helpOption("-h, --help", s(t`display help for command`))
    .helpCommand("help [command]", s(t`display help for command`))
    .configureHelp({
      styleTitle: (title) => (HELP_TITLES[title] ? s(HELP_TITLES[title]) : title),
      optionDescription: (option) => {
        const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
        const fallback = option.defaultValue !== undefined && shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : undefined;
        return withExtras(option.description, extras(option.argChoices, fallback));
      },
      argumentDescription: (argument) => {
        const fallback = argument.defaultValue !== undefined ? (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)) : undefined;
        return withExtras(argument.description, extras(argument.argChoices, fallback));
      },
    })
    .addOption(
      new Option("--lang <lang>", s(t`the language plan speaks: sv (svenska) or en (English); default: Swedish, or English where LANG is English`)).choices([
        "sv",
        "en",
      ]),
    )
    .hook("preAction", (root) => {
      const lang = (root.opts() as { lang?: Lang }).lang;
      if (lang) io.lang = lang;
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(commanderError(s, io.lang ?? lang)),
    })
    .showHelpAfterError(s(t`(run \`plan --help\` for the commands and their options)`));

  cli
    .command("check")
    .description(s(t`Validate every document against the schemas and the rules between documents.`))
    .argument("[path]", s(t`the plan repository, or a folder or file inside it`), ".")
    .addOption(new Option("--format <format>", s(t`output format`)).choices(["text", "json", "github", "codequality"]).default("text"))
    .option("--strict", s(t`exit 1 on warnings too`), false)
    .option("--watch", s(t`check again whenever a file is saved, until Ctrl+C`), false)
    .option("--no-cache", s(t`check every file anew, without reading or writing the cache in .plan-cache/`))
    .action(async (path: string, options: { format: DiagnosticFormat; strict: boolean; watch: boolean; cache: boolean }) => {
      result.code = await runCheck(path, options, io);
    });

  cli
    .command("budget")
    .description(s(t`Print the budget roll-ups: per plan, per agreement and year, per party across agreements.`))
    .argument("[path]", s(t`the plan repository, or a folder or file inside it`), ".")
    .addOption(new Option("--format <format>", s(t`output format`)).choices(["text", "json", "csv"]).default("text"))
    // The modules of the commands other than check are loaded by those commands alone: a check from its cache starts sooner.
    .action(async (path: string, options: { format: BudgetFormat }) => {
      const { runBudget } = await import("./budget.js");
      result.code = runBudget(path, options, io);
    });

  cli
    .command("init")
    .description(
      s(
        t`Create a working plan repository in a new or empty folder: configuration, agreement, plan, memo, README, CI for GitHub and GitLab with a copy of this plan in .plan/ for it to install, and editor settings.`,
      ),
    )
    .argument("[dir]", s(t`the folder to create it in`), ".")
    .option("--kommun <name>", s(t`the municipality`), "Exempels kommun")
    .option("--kommunkod <code>", s(t`its four-digit kommunkod, for Kolada`))
    .option("--region <name>", s(t`the region's board it works with`), "Hälso- och sjukvårdsnämnden")
    .option("--region-short <name>", s(t`the board's short name in tables`), "HSN")
    .option("--year <year>", s(t`the year of the first plan (default: next year)`), (v) => parseYear(v))
    .option("--contribution <kronor>", s(t`each party's yearly contribution in whole kronor`), (v) => parseKronor(v), 500000)
    .option("--force", s(t`write into a folder that is not empty, replacing the files of the same names`), false)
    .option(
      "--update",
      s(t`renew only the copy of plan in .plan/ (which CI installs) from this plan: no network; the copy's dependencies come from npm when CI installs them`),
      false,
    )
    .action(
      async (
        dir: string,
        o: { kommun: string; kommunkod?: string; region: string; regionShort: string; year?: number; contribution: number; force: boolean; update: boolean },
      ) => {
        if (o.kommunkod !== undefined && !/^\d{4}$/.test(o.kommunkod)) throw new UserError(t`--kommunkod takes four digits, e.g. 1441; got "${o.kommunkod}".`);
        const { runInit } = await import("./scaffold.js");
        result.code = runInit(dir, { ...o, kommunkod: o.kommunkod, year: o.year ?? new Date().getFullYear() + 1 }, io);
      },
    );

  cli
    .command("new")
    .description(s(t`Draft a document from a plan: next year's plan, the year's report, or the memo about it.`))
    .argument("<kind>", s(t`plan, report or memo`))
    .option("--from <id>", s(t`the plan to start from (plan, report)`))
    .option("--for <id>", s(t`the plan the memo is about (memo)`))
    .option("--clear-amounts", s(t`plan: leave the amounts empty instead of copying them`), false)
    .option("--year <year>", s(t`plan: the year of the new plan (default: the next)`), (v) => parseYear(v))
    .option("--force", s(t`overwrite an existing file`), false)
    .action(async (kind: string, o: { from?: string; for?: string; clearAmounts: boolean; year?: number; force: boolean }) => {
      const { runNew } = await import("./scaffold.js");
      result.code = runNew(kind, { ...o, keepAmounts: !o.clearAmounts }, io);
    });

  cli
    .command("build")
    .description(
      s(t`Check, then render every plan, memo, report and roll-up to standalone HTML, with an index, and the plans, memos, reports and agreements to PDF.`),
    )
    .argument("[path]", s(t`the plan repository, or a folder or file inside it`), ".")
    .option("--out <dir>", s(t`output folder (default: dist in the repository)`))
    .option("--pdf", s(t`require the PDFs: exit 2 when no browser is found (default: PDFs when a browser is found)`))
    .option("--no-pdf", s(t`HTML only, no PDFs`))
    .option("--browser <path>", s(t`the Chrome, Chromium or Edge to print with (default: PUPPETEER_EXECUTABLE_PATH, then the usual places)`))
    .option("--jobs <n>", s(t`pages printing at the same time (default: the number of cores)`))
    .option("--shard <i/n>", s(t`make only the i-th of n shares of the PDFs, for CI jobs that split a large repository`))
    .option("--watch", s(t`build again whenever a file is saved, until Ctrl+C: only what changed is rendered and written`), false)
    .option("--verbose", s(t`list each warning with its place and fix (default: a line per file, with its rules)`), false)
    .option(
      "--colophon",
      s(t`end every page with the line "Framställt <date> med plan." (default: none; a board's document says nothing about the software)`),
      false,
    )
    .action(
      async (
        path: string,
        options: { out?: string; pdf?: boolean; browser?: string; jobs?: string; shard?: string; watch: boolean; verbose: boolean; colophon: boolean },
      ) => {
        const { runBuild } = await import("./build.js");
        result.code = await runBuild(path, { ...options, templateCache: kept.templateCache, browsers: kept.browsers }, io);
      },
    );

  cli
    .command("diff")
    .description(s(t`Show what changed between two revisions: documents, money per party, the split, new problems, prose.`))
    .argument("[base]", s(t`the revision to compare from (default: the merge base with the default branch); \`A..B\` and \`A...B\` work as in git`))
    .argument("[head]", s(t`the revision to compare to (default: the working tree)`))
    .addOption(new Option("--format <format>", s(t`output format`)).choices(["text", "markdown", "json"]).default("text"))
    .option("--exit-code", s(t`exit 1 when the plans differ, as \`git diff --exit-code\``), false)
    .option("-C, --path <folder>", s(t`the plan repository, or a folder inside it`), ".")
    .action(async (base: string | undefined, head: string | undefined, options: { format: "text" | "markdown" | "json"; exitCode: boolean; path: string }) => {
      const { runDiff } = await import("./diff.js");
      result.code = await runDiff(base, head, options, io);
    });

  const kolada = cli
    .command("kolada")
    .description(s(t`Indicator values from Kolada: import saved API responses, or fetch them (the only command that uses the network).`));
  kolada
    .command("import")
    .description(s(t`Merge saved Kolada \`data\` responses (v3 or v2, any number of pages) into data/kolada/<KPI>-<municipality>.yaml.`))
    .argument("<file...>", s(t`saved responses (.json), or folders of them`))
    .option("--repo <path>", s(t`the plan repository, or a folder inside it`), ".")
    .action(async (files: string[], options: { repo: string }) => {
      const { runKoladaImport } = await import("./kolada.js");
      result.code = runKoladaImport(files, options, io);
    });
  kolada
    .command("fetch")
    .description(s(t`Ask Kolada for the values of every Kolada-linked indicator and save the answers for \`plan kolada import\`.`))
    .option("--repo <path>", s(t`the plan repository, or a folder inside it`), ".")
    .option("--out <dir>", s(t`a new or empty folder to save the pages in (default: a fresh folder in the system's temp folder)`))
    .option("--base-url <url>", s(t`the Kolada API (default: https://api.kolada.se/v3)`))
    .option("--timeout <seconds>", s(t`how long to wait for each answer (default: 30)`))
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

/**
 * What a process that runs many commands in-process keeps between them (the tests, which run
 * `plan build` hundreds of times): the command line runs one command and keeps nothing.
 */
export interface Kept {
  templateCache?: TemplateCache;
  /** Browsers left running after a build for the next (BrowserKeeper); without it, each build starts its own and closes it. */
  browsers?: Browsers;
}

/** Runs the command line in-process and returns the exit code: 0 ok, 1 problems found, 2 usage or internal error. */
export async function main(argv: string[], io: Io, kept: Kept = {}): Promise<number> {
  const result = { code: 0 };
  // What a killed run left (its folders beside an output, its browser's folders) goes first, whatever the command.
  removeLeftovers(browserTempsElsewhere());
  try {
    const asked = langOf(langArgument(argv), {});
    await program(io, result, langArgument(argv) !== undefined && asked ? asked : langIn(io), kept).parseAsync(argv, { from: "user" });
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
