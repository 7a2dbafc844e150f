import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RuleInfo } from "../src/diagnostics/report.js";
import { registry } from "../src/rules/index.js";
import { withRulesTable } from "../src/rules/rules-table.js";
import { copyExamples, edit, lineOf, run, tempDir, write } from "./helpers/repo.js";

/** What these tests use of the examples: Lerum's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka"] };

const SRC = resolve(import.meta.dirname, "../src");
const README = resolve(import.meta.dirname, "../README.md");

const ind = (lines: string, body = "") =>
  `---\nkind: indicator\ntitle: Fel\nstatus: draft\nunit: count\ndirection: higher-is-better\nbySex: false\n${lines}---\n${body}`;

/**
 * The examples with a document per way of breaking them, in a folder of their own: together they
 * set off the rules run while loading and a good part of those between documents.
 */
function corpus(): string {
  const root = copyExamples(PART);
  mkdirSync(join(root, "fel"));
  const lol = [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
  ];
  const files: Record<string, string> = {
    "syntax.md": "---\nkind: indicator\ntitle: Föräldraskapsstöd: gruppträffar\n---\n",
    "duplicate-key.md": "---\nkind: indicator\nkind: indicator\n---\n",
    "aliases.md": `---\nkind: indicator\n${lol.join("\n")}\n---\n`,
    "tab.md": ind("source:\n\ttype: local\n"),
    "reserved.md": ind("__proto__: 1\n"),
    "control.md": ind('description: "a\u001b[31m"\n'),
    "nesting.md": ind("", `${">".repeat(80)} djup\n`),
    "large.md": ind("", `${"Lång text. ".repeat(220_000)}\n`),
    "list.md": "---\n- kind\n---\n",
    "kind.md": "---\nkind: pln\n---\n",
    "required.md": "---\nkind: indicator\ntitle: Fel\n---\n",
    "unknown-key.md": ind("totl: 1\n"),
    "type.md": ind("targets: 2020\n"),
    "enum.md": ind("", "").replace("unit: count", "unit: procent"),
    "range.md": ind("baseline: { year: 17, value: 1 }\n"),
    "outside.md": ind("", "![bild](../../../etc/passwd)\n"),
    "directive.md": ind("", "::budget\n"),
    "duplicate-id.md": ind("id: lerum/indikatorer/behoriga-gymnasieskolan\n"),
    "tables.md": [
      "---\nkind: budget\ntitle: Tabeller\norganisation: lerum\nyear: 2013\ntables:",
      "  - { id: t, caption: Fel, unit: tkr, columns: [{ id: a, kind: final-accounts, year: 2014 }, { id: b, kind: final-accounts, year: 2015 }],",
      "      rows: [{ label: A, values: [~, 100] }, { label: B, values: [~, 200] }], total: { label: S, values: [0, 301] } }",
      "  - { id: form, caption: Form, unit: tkr, columns: [{ id: a, kind: budget, year: 2014 }, { id: b, kind: budget, year: 2015 }], rows: [{ label: C, values: [~] }] }",
      "  - { id: u, caption: Obalans, unit: tkr, perspective: cost, columns: [{ id: budget, kind: budget, year: 2013 }],",
      "      rows: [{ side: income, rows: [{ label: Ränteintäkter, values: [700] }] },",
      "        { side: cost, rows: [{ label: Tillväxtmedel, values: [8000] }], total: { label: SUMMA KOSTNADER TOTALT, values: [8000] } }] }",
      "---\n",
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(files)) write(root, `fel/${name}`, text);
  symlinkSync("/etc/hostname", join(root, "fel/link.md"));
  // Rules between documents, on the examples themselves.
  // Copies, so that the examples themselves stay valid and keep their own findings.
  const plan = readFileSync(join(root, "lerum/plan-2019.md"), "utf8");
  write(
    root,
    "fel/money.md",
    plan.replace("kind: plan", "kind: plan\nid: fel/money").replace("total: 220000", "total: 220.000").replace("total: 50000", 'total: "50 000"'),
  );
  write(
    root,
    "fel/agreement.md",
    plan.replace("kind: plan", "kind: plan\nid: fel/agreement").replace("agreement: lerum/avtal-2017-2020", "agreement: lerum/avtal-2017-2021"),
  );
  const memo = readFileSync(join(root, "sjobacka/tjansteskrivelse-2020.md"), "utf8");
  write(root, "fel/memo-date.md", memo.replace(/^date: .*$/m, "date: 2018-02-30"));
  edit(root, "sjobacka/tjansteskrivelse-2020.md", "    document: sjobacka/plan-2020", "    document: sjobacka/tjansteskrivelse-2020");
  write(root, "plan.config.yaml", `${readFileSync(join(root, "plan.config.yaml"), "utf8")}rules:\n  goal/unfundd: warning\n`);
  return root;
}

interface Problem {
  ruleId: string;
  severity: "error" | "warning";
  message: string;
}

/** Every `RuleInfo` some module of src/ exports: a rule declared but left out of the registry would be one that `report` can emit unseen. */
async function declaredRules(): Promise<RuleInfo[]> {
  const modules = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    // The command line and the scripts that write files run when imported.
    .filter((f) => f.endsWith(".ts") && f !== "cli.ts" && !/(^|\/)write-[^/]*\.ts$/.test(f));
  const found: RuleInfo[] = [];
  for (const file of modules) {
    for (const value of Object.values(await import(join(SRC, file)))) {
      const v = value as Partial<RuleInfo>;
      if (v && typeof v === "object" && typeof v.id === "string" && typeof v.summary === "string" && typeof v.example === "string") found.push(v as RuleInfo);
    }
  }
  return found;
}

describe("the rule registry", () => {
  it("has every rule once, each with an id, a default severity, a summary and an example message", () => {
    const ids = registry.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of registry) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.example.length).toBeGreaterThan(10);
    }
  });

  it("holds every rule that any module declares", async () => {
    const declared = await declaredRules();
    expect(declared.length).toBeGreaterThanOrEqual(registry.length);
    for (const rule of declared)
      expect(
        registry.map((r) => r.id),
        rule.id,
      ).toContain(rule.id);
  });

  it("the README's rule table is the one the registry gives (`npm run rules-table`)", () => {
    const readme = readFileSync(README, "utf8");
    expect(withRulesTable(readme, registry), "README.md's rule table is stale: run `npm run rules-table`").toBe(readme);
  });

  // The corpus is a few megabytes of broken documents: made and checked once for the tests that read it.
  let checked: Promise<{ code: number; problems: Problem[] }> | undefined;
  const corpusChecked = () =>
    (checked ??= run(["check", ".", "--format", "json"], corpus()).then(({ code, stdout }) => ({ code, problems: JSON.parse(stdout).problems as Problem[] })));

  it("a corpus that breaks the examples in every way emits registered rules only, each at a severity it declares", async () => {
    const { code, problems } = await corpusChecked();
    expect(code).toBe(1);
    const emitted = new Set(problems.map((p) => p.ruleId));
    for (const p of problems) {
      const rule = registry.find((r) => r.id === p.ruleId);
      expect(rule, `${p.ruleId} is emitted but not registered`).toBeDefined();
      expect([rule!.severity, rule!.otherSeverity], `${p.ruleId}: ${p.message}`).toContain(p.severity);
    }
    // Every rule that runs while files are loaded is set off (yaml/too-deep and schema/invalid aside:
    // the YAML parser stops deep nesting first, and every schema issue has a more precise rule).
    const loading = [
      "yaml/syntax",
      "yaml/duplicate-key",
      "yaml/aliases",
      "yaml/tab-indent",
      "yaml/reserved-key",
      "text/control-character",
      "markdown/too-deep",
      "file/too-large",
      "path/outside",
    ];
    const validating = [
      "schema/not-a-map",
      "schema/kind",
      "schema/required",
      "schema/unknown-key",
      "schema/type",
      "schema/enum",
      "schema/format",
      "schema/range",
      "money/whole-kronor",
      "id/duplicate",
    ];
    const between = [
      "ref/document",
      "memo/self-attachment",
      "config/unknown-rule",
      "indicator/incomplete",
      "goal/unfunded",
      "date/decided-late",
      "money/carry-over",
      "body/directive",
    ];
    const tables = ["money/table-shape", "money/stated-total", "money/blank-stated", "money/sign", "money/unbalanced"];
    expect([...loading, ...validating, ...between, ...tables].filter((id) => !emitted.has(id))).toEqual([]);
  });

  it("each example message of a rule the corpus sets off has the form of what the rule says there", async () => {
    const { problems } = await corpusChecked();
    // The parts that differ from one document to another: code, quoted text and numbers.
    // Its first three words apart from those: "Unknown field C in C" → "Unknown field in".
    const form = (text: string) =>
      text
        .replace(/`[^`]*`/g, " ")
        .replace(/"[^"]*"/g, " ")
        .replace(/\d[\d .,]*/g, " ")
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w))
        .slice(0, 3)
        .join(" ");
    for (const id of new Set(problems.map((p) => p.ruleId))) {
      const rule = registry.find((r) => r.id === id)!;
      const forms = problems.filter((p) => p.ruleId === id).map((p) => form(p.message));
      expect(forms, `${id}: ${rule.example}`).toContain(form(rule.example));
    }
  });
});

describe("rules run while loading", () => {
  it("money/whole-kronor finds amounts by the schema's kronor metadata, not by key name", async () => {
    const root = copyExamples(PART);
    const KOLADA = "data/kolada/N15428-9999.yaml";
    // A Kolada value's `total` is a share in percent, not kronor: a wrong type there is the schema's.
    edit(root, KOLADA, "{ year: 2018, total: 84,", '{ year: 2018, total: "84",');
    // A plan's line total is kronor, under any key.
    edit(root, "lerum/plan-2019.md", "total: 220000", "total: 220.000");
    const problems = JSON.parse((await run(["check", ".", "--format", "json"], root)).stdout).problems as (Problem & {
      file: string;
      line: number;
      column: number;
    })[];
    expect(problems.filter((p) => p.file === KOLADA)).toEqual([
      expect.objectContaining({ ruleId: "schema/type", line: 10, column: 26, message: '`values[1].total` must be a number; found the text "84".' }),
    ]);
    expect(problems.filter((p) => p.ruleId === "money/whole-kronor")).toEqual([
      expect.objectContaining({
        file: "lerum/plan-2019.md",
        column: 12,
        message: "`budget[0].total` is written `220.000`, which is read as 220 kronor; amounts are whole kronor in digits only.",
      }),
    ]);
  });
});

describe("a report's missing utfall", () => {
  it("is one thing for the rule and the page: an outcome entry without amounts gives none", async () => {
    const root = copyExamples(PART);
    const REPORT = "sjobacka/rapport-2019.md";
    edit(root, REPORT, "    parties: { sjobacka: 20000 }", "    comment: Redovisas senare.");
    const checked = JSON.parse((await run(["check", ".", "--format", "json"], root)).stdout).problems as (Problem & { file: string; line: number })[];
    expect(checked.filter((p) => p.ruleId === "report/outcome")).toEqual([expect.objectContaining({ file: REPORT, severity: "error" })]);
    const title = checked
      .find((p) => p.ruleId === "report/outcome")!
      .message.match(/no utfall for Sjöbacka kommun \(`sjobacka`\) on the line "(.*)" of the plan/)![1]!;
    // A draft builds, and its page says which line has no utfall: the same line the rule names.
    edit(root, REPORT, "status: decided", "status: draft");
    const out = join(tempDir(), "site");
    expect((await run(["build", ".", "--out", out, "--no-pdf"], root)).code).toBe(0);
    const page = readdirSync(out, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith("rapport-2019.html"))!;
    expect(readFileSync(join(out, page), "utf8")).toContain(`Utfall är inte redovisat för: ${title}.`);
  });
});

describe("second places (`cause`)", () => {
  it("the first of two duplicate ids is a place of its own in JSON and in GitHub annotations", async () => {
    const root = copyExamples(PART);
    const PLAN = "lerum/plan-2019.md";
    edit(root, PLAN, "- id: actionplan-can", "- id: andt-arbete");
    const first = lineOf(root, PLAN, "- id: andt-arbete", 2); // the first is an intervention's
    const second = lineOf(root, PLAN, "- id: andt-arbete", 3);
    const json = JSON.parse((await run(["check", ".", "--format", "json"], root)).stdout);
    const duplicate = json.problems.find((p: Problem) => p.ruleId === "id/duplicate");
    expect(duplicate).toMatchObject({ file: PLAN, line: second, message: "`andt-arbete` is already the id of budget[4]; ids in `budget` must be unique." });
    expect(duplicate.related).toEqual([
      expect.objectContaining({ file: PLAN, line: first, column: 9, message: "`andt-arbete` is first the id of budget[4] here." }),
    ]);
    const github = (await run(["check", ".", "--format", "github"], root)).stdout;
    expect(github).toContain(`::error file=${PLAN},line=${second},col=9,`);
    expect(github).toContain(`%0ASee ${PLAN}:${first}:9: \`andt-arbete\` is first the id of budget[4] here.`);
    expect(github).toMatch(new RegExp(`^::notice file=${PLAN},line=${first},col=9,.*title=id/duplicate::`, "m"));
  });
});
