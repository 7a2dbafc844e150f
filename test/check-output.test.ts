import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../src/schema/json-schema.js";
import { copyExamples, edit, EXAMPLES, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

const PLAN = "lerum/plan-2019.md";
const broken = (root: string) => edit(root, PLAN, "total: 220000", "total: 230000");
/** The formats and exit codes need a few documents, not every example: Lerum's, whose plan and memo the tests change. */
const LERUM = { only: ["lerum"] };

describe("output formats and exit codes", () => {
  it("--format json gives every problem with file, place, rule and fix", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    const { code, stdout } = await run(["check", ".", "--format", "json"], root);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.errors).toBe(1);
    expect(result.warnings).toBeGreaterThan(0);
    const problem = result.problems.find((p: { ruleId: string }) => p.ruleId === "money/line-total");
    expect(problem).toMatchObject({ file: PLAN, line: lineOf(root, PLAN, "total: 230000"), column: 12, endColumn: 18, severity: "error" });
    expect(problem.fix).toContain("total: 220000");
  });

  it("shows how many documents are read on a terminal, and nothing of it in a log", async () => {
    const { main } = await import("../src/commands/main.js");
    const check = async (isTTY: boolean, env: Record<string, string> = {}) => {
      let stderr = "";
      const code = await main(["check", EXAMPLES], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s), isTTY },
        env: { NO_COLOR: "1", LANG: "en", ...env },
        cwd: ".",
      });
      return { code, stderr };
    };
    const terminal = await check(true);
    expect(terminal.code).toBe(0);
    // The last file read is always shown, then the line is cleared before the result.
    expect(terminal.stderr).toMatch(/^\r\x1b\[Kplan: reading \d+ of (\d+): .*\r\x1b\[Kplan: reading \1 of \1: [^\r]+\r\x1b\[K$/s);
    expect((await check(false)).stderr).toBe("");
    expect((await check(true, { CI: "true" })).stderr).toBe("");
  });

  it("--format github writes workflow-command annotations, escaped", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    const { stdout } = await run(["check", ".", "--format", "github"], root);
    const line = lineOf(root, PLAN, "total: 230000");
    expect(stdout).toContain(`::error file=${PLAN},line=${line},col=12,endLine=${line},endColumn=18,title=money/line-total::`);
    expect(stdout).toMatch(/^::warning file=lerum\/plan-2019\.md,line=\d+,col=\d+,.*title=date\/decided-late::.*%0AFix: /m);
  });

  it("colour only on a terminal, never with NO_COLOR", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    const capture = async (isTTY: boolean, env: Record<string, string | undefined>) => {
      let out = "";
      const { main } = await import("../src/commands/main.js");
      await main(["check", "."], {
        stdout: { write: (s: string) => (out += s), isTTY },
        stderr: { write: () => true },
        env: { LANG: "en", ...env },
        cwd: root,
      });
      return out;
    };
    expect(await capture(true, {})).toContain("\u001b[31m");
    expect(await capture(true, { NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(await capture(false, {})).not.toContain("\u001b[");
  });

  it("exit 0 with warnings, 1 with errors or with warnings under --strict, 2 for usage errors", async () => {
    expect((await run(["check", EXAMPLES], process.cwd())).code).toBe(0);
    expect((await run(["check", EXAMPLES, "--strict"], process.cwd())).code).toBe(1);
    expect((await run(["check", EXAMPLES, "--format", "xml"], process.cwd())).code).toBe(2);
    const notARepo = await run(["check", "."], tempDir());
    expect(notARepo.code).toBe(2);
    expect(notARepo.stderr).toContain("No plan.config.yaml in . or any folder above it");
    expect(notARepo.stderr).not.toMatch(/\n\s+at /);
  });

  it("groups problems by file and ends with the count", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    edit(root, "lerum/tjansteskrivelse-ks18-1375.md", "## Ekonomi", "## Pengar");
    const { stdout } = await run(["check", "."], root);
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^2 errors and \d+ warnings in \d+ files$/);
    expect(stdout).toMatch(/^lerum\/plan-2019\.md \(1 error, \d+ warnings\)$/m);
  });
});

describe("positions survive CRLF, a BOM and tabs", () => {
  it("CRLF line ends and a byte-order mark do not shift line or column", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    const line = lineOf(root, PLAN, "total: 230000");
    write(root, PLAN, `\uFEFF${read(root, PLAN).replace(/\n/g, "\r\n")}`);
    const { stdout } = await run(["check", ".", "--format", "json"], root);
    const problem = JSON.parse(stdout).problems.find((p: { ruleId: string }) => p.ruleId === "money/line-total");
    expect(problem).toMatchObject({ line, column: 12, endColumn: 18 });
  });

  it("a lone CR is a character on its line, not a line end: its place and code frame stay on that line", async () => {
    const root = copyExamples(LERUM);
    const line = lineOf(root, PLAN, "I juni 2018 antog riksdagen");
    edit(root, PLAN, "I juni 2018 antog riksdagen", "I juni 201\r8 antog riksdagen");
    const json = await run(["check", ".", "--format", "json"], root);
    const problem = JSON.parse(json.stdout).problems.find((p: { ruleId: string }) => p.ruleId === "text/control-character");
    expect(problem).toMatchObject({ file: PLAN, line, column: 11, endLine: line, endColumn: 12 });
    const text = await run(["check", "."], root);
    expect(text.stdout).toContain(`${line} | I juni 201\\x0d8 antog riksdagen`);
  });

  it("tab indentation in the frontmatter parses, with a warning at the tab", async () => {
    const root = copyExamples(LERUM);
    edit(root, PLAN, /decision:\n {2}date: (.*)\n {2}body: (.*)\n {2}dnr: (.*)\n/, "decision:\n\tdate: $1\n\tbody: $2\n\tdnr: $3\n");
    const { code, stdout } = await run(["check", "."], root);
    expect(code).toBe(0);
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "\tdate: 2019-01-09")}:1: warning [yaml/tab-indent]`);
    // The late-decision warning still points at the date, one column in from the tab.
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "\tdate: 2019-01-09")}:8: warning [date/decided-late]`);
  });
});

describe("plan budget", () => {
  it("rolls up the Lerum plan per area, per financing type and per party across agreements", async () => {
    const { code, stdout } = await run(["budget", EXAMPLES, "--format", "json"], process.cwd());
    expect(code).toBe(0);
    const tables = JSON.parse(stdout) as { name: string; rows: Record<string, unknown>[] }[];
    const byArea = tables.find((t) => t.name === "lerum-plan-2019-per-area")!;
    expect(byArea.rows.find((r) => r["area"] === "Minska ohälsan bland unga kvinnor och män")).toMatchObject({
      "hsn-vast": 360000,
      lerum: 310000,
      total: 670000,
    });
    expect(byArea.rows.find((r) => r["area"] === "Gemensam budget")).toMatchObject({ "hsn-vast": 1000000, lerum: 1000000, total: 2000000, isTotal: true });
    // The carry-over has no amount: an empty cell (null), not 0.
    expect(byArea.rows.find((r) => r["area"] === "Överfört från tidigare år")!["total"]).toBeNull();
    const financing = tables.find((t) => t.name === "lerum-plan-2019-per-financing")!;
    expect(financing.rows).toContainEqual({ party: "Kommun", financing: "Schablonkostnad (egen personal)", amount: 200000 });
    expect(financing.rows).toContainEqual({ party: "Kommun", financing: "Hänvisas till annan budget", amount: 150000 });
    const region = tables.find((t) => t.name === "hsn-vast-across-agreements")!;
    expect(region.rows.at(-1)).toMatchObject({ with: "Summa", isTotal: true });
    expect(region.rows.filter((r) => !r["isTotal"]).reduce((s, r) => s + Number(r["amount"]), 0)).toBe(region.rows.at(-1)!["amount"]);
  });

  it("prints text with Swedish numbers and CSV with semicolons", async () => {
    const text = await run(["budget", EXAMPLES], process.cwd());
    expect(text.stdout).toMatch(/Gemensam budget\s+1 000 000\s+1 000 000\s+2 000 000/);
    const csv = await run(["budget", EXAMPLES, "--format", "csv"], process.cwd());
    expect(csv.stdout).toContain("Gemensam budget;1000000;1000000;2000000");
  });

  it("names parties in the roll-ups as the views do: the short name, the full one where two would be the same", async () => {
    const root = copyExamples();
    // Both of the Lerum plan's parties are now short-named `Kommun`: two columns headed alike would not say whose is whose.
    edit(root, "plan.config.yaml", "short: HSN", "short: Kommun");
    const { code, stdout } = await run(["budget", ".", "--format", "json"], root);
    expect(code).toBe(0);
    const tables = JSON.parse(stdout) as { name: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }[];
    const byArea = tables.find((t) => t.name === "lerum-plan-2019-per-area")!;
    expect(byArea.columns.map((c) => c.label)).toEqual(["Insatsområde", "Hälso- och sjukvårdsnämnd Väst", "Lerums kommun", "Totalt"]);
    const financing = tables.find((t) => t.name === "lerum-plan-2019-per-financing")!;
    expect(financing.rows).toContainEqual({ party: "Lerums kommun", financing: "Schablonkostnad (egen personal)", amount: 200000 });
    expect(financing.rows).toContainEqual({ party: "Hälso- och sjukvårdsnämnd Väst", financing: "Kontant", amount: 1000000 });
  });

  it("refuses to roll up a repository with errors", async () => {
    const root = copyExamples(LERUM);
    broken(root);
    const { code, stderr } = await run(["budget", "."], root);
    expect(code).toBe(1);
    expect(stderr).toContain("[money/line-total]");
  });
});

describe("JSON Schemas", () => {
  it("the committed schemas/ are generated from the zod schemas (run `npm run schemas` when this fails)", () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(join(import.meta.dirname, "../schemas", name), "utf8"), name).toBe(text);
    }
  });

  it("every example document names the document schema for the YAML language server", () => {
    const root = copyExamples();
    expect(read(root, PLAN)).toMatch(/^---\n# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/document\.schema\.json\n/);
    expect(read(root, "plan.config.yaml")).toContain("# yaml-language-server: $schema=../schemas/config.schema.json");
  });
});

describe("README", () => {
  it("the field reference is generated from the schemas (run `npm run schemas` when this fails)", async () => {
    const { fieldReference, FIELDS_START, FIELDS_END } = await import("../src/schema/field-reference.js");
    const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
    expect(readme.slice(readme.indexOf(FIELDS_START) + FIELDS_START.length, readme.indexOf(FIELDS_END))).toBe(`\n${fieldReference()}\n`);
  });

  it("documents every command and every option of the command line", async () => {
    const { program } = await import("../src/commands/main.js");
    const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: "." };
    const commands = (command: Command, path: string[]): [string, Command][] =>
      command.commands.flatMap((c) => [[[...path, c.name()].join(" "), c] as [string, Command], ...commands(c, [...path, c.name()])]);
    const all = commands(program(io, { code: 0 }), ["plan"]);
    expect(all.length).toBeGreaterThan(8);
    for (const [name, command] of all) {
      expect(readme, name).toContain(`\`${name}`);
      // As `--out dir`, `-C, --path <folder>` or `plan new plan --from <plan id>`.
      for (const option of command.options) expect(readme, `${name} ${option.long}`).toMatch(new RegExp(`[\`, ]${option.long}\\b`));
    }
  });

  it("documents every rule that plan check runs", async () => {
    const { rules } = await import("../src/rules/index.js");
    const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
    for (const rule of rules) expect(readme, rule.id).toContain(`| \`${rule.id}\` |`);
  });
});
