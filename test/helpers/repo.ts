import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { parse } from "yaml";
import { CACHE_FOLDER } from "../../src/check/cache.js";
import { main, type Kept } from "../../src/commands/main.js";
import { BrowserKeeper } from "../../src/pdf/keeper.js";
import { TemplateCache } from "../../src/render/templates.js";

export const EXAMPLES = resolve(import.meta.dirname, "../../examples");

const made: string[] = [];
const kept: string[] = [];

/** Removes the folders of tempDir; after each test (test/setup.ts). */
export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** Removes the folders of fileTempDir; after each test file (test/setup.ts). */
export function removeFileTempDirs(): void {
  while (kept.length) rmSync(kept.pop()!, { recursive: true, force: true });
}

/** A fresh folder, removed after the test. */
export function tempDir(prefix = "plan-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh folder that lasts until the test file ends: for what its tests share and none of them changes. */
export function fileTempDir(prefix = "plan-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  kept.push(dir);
  return dir;
}

/** Which of the shipped examples to copy: `only` names the folders of documents to take (`["sjobacka"]`); without it, all of them. */
export interface ExamplesPart {
  only?: readonly string[];
}

/**
 * The shipped examples into `dir`: their sources, not the output `npm run demo` builds in them
 * (examples/dist), nor what plan keeps between runs there (examples/.plan-cache, which the tests
 * that check the examples in place write during a run): every copy starts as in a fresh clone,
 * whatever ran before it. With `only`, the configuration, data/ and the named folders of documents:
 * the smallest repository that shows a mechanism, for the tests of one that need not print every example.
 */
export function copyExamplesTo(dir: string, { only }: ExamplesPart = {}): void {
  const output = resolve(EXAMPLES, "dist");
  const kept = resolve(EXAMPLES, CACHE_FOLDER);
  // The folders of documents: every folder of the examples but data/ (and their output).
  const folders = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "data" && e.name !== "dist" && e.name !== CACHE_FOLDER)
    .map((e) => e.name);
  for (const folder of only ?? []) if (!folders.includes(folder)) throw new Error(`copyExamples: the examples have no folder ${folder}`);
  const skipped = only ? folders.filter((f) => !only.includes(f)).map((f) => resolve(EXAMPLES, f)) : [];
  const outside = (source: string, folder: string) => source !== folder && !source.startsWith(folder + sep);
  cpSync(EXAMPLES, dir, { recursive: true, filter: (source) => [output, kept, ...skipped].every((folder) => outside(source, folder)) });
  // The forms the configuration makes a party's default (`forms:`) are part of the configuration: a repository without them is invalid.
  if (only) for (const form of configuredForms()) cpSync(join(EXAMPLES, `${form}.md`), join(dir, `${form}.md`));
}

/** The ids of the forms plan.config.yaml names as parties' defaults. */
function configuredForms(): string[] {
  const config = parse(readFileSync(join(EXAMPLES, "plan.config.yaml"), "utf8")) as { parties?: { forms?: Record<string, string> }[] };
  return (config.parties ?? []).flatMap((p) => Object.values(p.forms ?? {}));
}

/** A copy of the shipped examples (or of a part of them) that a test may change. */
export function copyExamples(part: ExamplesPart = {}): string {
  const dir = tempDir();
  copyExamplesTo(dir, part);
  return dir;
}

/** SOURCE_DATE_EPOCH of the shared builds: 2019-01-09. */
export const EPOCH = { SOURCE_DATE_EPOCH: "1546992000" };

/** Replaces `from` by `to` in a file of the repository, failing loudly when `from` is not there. */
export function edit(root: string, file: string, from: string | RegExp, to: string | ((match: string) => string)): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  const next = typeof to === "string" ? text.replace(from, to) : text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

export function write(root: string, file: string, text: string): void {
  writeFileSync(join(root, file), text);
}

export function read(root: string, file: string): string {
  return readFileSync(join(root, file), "utf8");
}

/**
 * The browser the builds of a worker print with, started by the first and kept running for the
 * next (a start costs Chromium about a second of CPU, and the tests print a few PDFs at a time
 * hundreds of times). The tests of the start itself (its profile, the network it cannot reach,
 * its end with plan) start their own, as the command line does for every build.
 */
export const BROWSERS = new BrowserKeeper();
// It ends with the worker: vitest ends its workers with SIGTERM, on which Node would exit without running plan's exit
// hooks; exiting runs them, and they kill the browser's process group and remove its profile before the run's temp
// folder is removed (test/global-setup.ts).
process.once("SIGTERM", () => process.exit(143));

/**
 * What the commands that the tests of a worker run in-process keep between them, as one process
 * that runs many would: the compiled templates (a build compiles the same shipped templates for
 * every test otherwise, which took about as long as rendering a small repository's pages) and
 * the browser (BROWSERS).
 */
export const KEPT: Kept = { templateCache: new TemplateCache(), browsers: BROWSERS };

/** Runs the command line in-process, as a user would from `cwd`. */
export async function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { NO_COLOR: "1", LANG: "en", ...env },
      cwd,
    },
    KEPT,
  );
  return { code, stdout, stderr };
}

/** The line number (1-based) of the first line of `file` containing `text`. */
export function lineOf(root: string, file: string, text: string, occurrence = 1): number {
  const lines = read(root, file).split(/\r?\n/);
  let seen = 0;
  const index = lines.findIndex((l) => l.includes(text) && ++seen === occurrence);
  if (index < 0) throw new Error(`lineOf: ${text} not in ${file}`);
  return index + 1;
}
