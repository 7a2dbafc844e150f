import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ESLint, Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { checkJson } from "./helpers/findings.js";
import { copyExamplesTo, tempDir } from "./helpers/repo.js";
import { besidePrefix } from "../src/write/leftovers.js";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** The ESLint settings src/ is linted with, the rule on module state among them. */
async function srcRule(): Promise<Linter.RuleEntry> {
  const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(join(SRC, "check/check.ts"))) as Linter.Config;
  return config.rules!["no-restricted-syntax"]!;
}

/** The rule-ids and lines ESLint finds in `code`, a module of src/, with src/'s rule on module state alone (no type information needed). */
async function stateFindings(code: string): Promise<string[]> {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, rules: { "no-restricted-syntax": await srcRule() } }],
    "src/planted.ts",
  );
  return messages.map((m) => `${m.line}: ${m.ruleId ?? m.message}`);
}

describe("no state in a module of src/ (the guide: plain functions and explicit inputs, no global state)", () => {
  it("ESLint fails on a module-level memo, an empty array and a let, in src/", async () => {
    const planted = [
      "export const memo = new Map<string, number>();",
      "const seen = new WeakMap<object, boolean>();",
      "const done = new Set();",
      "const queue: string[] = [];",
      "let loaded: string | undefined;",
      "export let count = 0;",
      "export const lookup = (key: string) => memo.get(key) ?? seen.has(done) ?? queue.length ?? loaded ?? count;",
    ].join("\n");
    expect(await stateFindings(planted)).toEqual([1, 2, 3, 4, 5, 6].map((line) => `${line}: no-restricted-syntax`));
  });

  it("ESLint fails on the same state spelled otherwise: cast, an empty object filled by key, a class's static field", async () => {
    const planted = [
      "const memo = new Map<string, number>() as Map<string, number>;",
      "export const queue = [] as string[];",
      "const seen = new Set<string>() satisfies Set<string>;",
      "const byName: Record<string, number> = {};",
      "export class Fonts {",
      "  static readonly loaded = new Map<string, Uint8Array>();",
      "  static pending: string[] = [];",
      "  static count = 0;",
      "}",
      "export const lookup = (key: string) => memo.get(key) ?? queue.length ?? seen.size ?? byName[key] ?? Fonts.count;",
    ].join("\n");
    expect(await stateFindings(planted)).toEqual([1, 2, 3, 4, 6, 7, 8].map((line) => `${line}: no-restricted-syntax`));
  });

  it("lets constants pass: a table built from its entries, a lazy constant, state inside a function or an object a run makes", async () => {
    const constants = [
      'const UNITS = new Map([["kr", 1], ["tkr", 1000]]);',
      'const KINDS = new Set(["plan", "memo"]);',
      'const NAMES = ["plan", "memo"];',
      "const fonts = lazy(() => readFonts());",
      "export function count(items: string[]) {",
      "  const seen = new Set<string>();",
      "  let n = 0;",
      "  for (const item of items) if (!seen.has(item)) seen.add(item), n++;",
      "  return n + UNITS.size + KINDS.size + NAMES.length + fonts().length;",
      "}",
      "const LIMITS = { plans: 10_000, pages: 500 } as const;",
      "export class Run {",
      '  static readonly KIND = "run";',
      "  readonly kept = new Map<string, number>();",
      "}",
      "declare function lazy<T>(make: () => T): () => T;",
      "declare function readFonts(): string;",
    ].join("\n");
    expect(await stateFindings(constants)).toEqual([]);
  });

  it("every exception in src/ says why it is no state shared between runs, and the exceptions are these", () => {
    const disable = "eslint-disable-next-line no-restricted-syntax";
    const exceptions = sources(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (line.includes(disable) ? [{ at: `${relative(ROOT, file)}:${i + 1}`, why: line.split(" -- ")[1]?.trim() ?? "" }] : [])),
    );
    expect(exceptions.filter((e) => e.why.length < 20)).toEqual([]);
    // A new exception is a decision for a reviewer: add it here with its reason in the code.
    expect(exceptions.map((e) => e.at.replace(/:\d+$/, "")).sort()).toEqual([
      "src/diagnostics/report.ts",
      "src/exit.ts",
      "src/exit.ts",
      "src/format/message.ts",
      "src/format/message.ts",
      "src/model/assets.ts",
      "src/schema/reference.ts",
      "src/write/leftovers.ts",
    ]);
  });
});

describe("nothing of one run is kept for the next in the process", () => {
  it("a repository reached through a link that is made to lead elsewhere between two checks is checked where it leads now", async () => {
    const dir = tempDir();
    copyExamplesTo(join(dir, "a"), { only: ["lerum"] });
    copyExamplesTo(join(dir, "b"), { only: ["lerum"] });
    const at = join(dir, "repo");
    const direct = await checkJson(join(dir, "a"), ["--no-cache"]);
    expect(direct.findings.length).toBeGreaterThan(0);
    expect(direct.findings.filter((f) => f.rule.startsWith("path/"))).toEqual([]);
    symlinkSync("a", at);
    expect(await checkJson(at)).toEqual(direct);
    // The same repository moved: a real path of the root kept from the run before would put every file outside it.
    rmSync(at);
    symlinkSync("b", at);
    expect(await checkJson(at)).toEqual(direct);
    expect(await checkJson(at, ["--no-cache"])).toEqual(direct);
  });

  it("a run given another temp folder records its folders beside the output there too, where the next run looks", () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    const temps = [join(dir, "tmp-1"), join(dir, "tmp-2")];
    const before = process.env["TMPDIR"];
    try {
      for (const temp of temps) {
        mkdirSync(temp);
        process.env["TMPDIR"] = temp;
        const prefix = besidePrefix(out, "new");
        expect(readFileSync(join(temp, `plan-run-${process.pid}`), "utf8").split("\n")).toContain(prefix);
        besidePrefix(out, "new");
        expect(readFileSync(join(temp, `plan-run-${process.pid}`), "utf8")).toBe(`${prefix}\n`);
      }
    } finally {
      if (before === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = before;
    }
  });
});
