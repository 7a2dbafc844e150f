import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DiffResult } from "../src/diff/model.js";
import { checkJson, ofRule, only } from "./helpers/findings.js";
import { spaces, tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

/*
 * Blank is not 0, in the joint plan's budget and in the report: a line that gives only a total,
 * a stated total over blank cells, an utfall left out, and every sum of them, in `plan check`,
 * `plan budget`, the pages and `plan diff`.
 */

const PLAN = "lerum/plan-2019.md";
/** The changes below are made in Lerum's and Sjöbacka's documents: the other examples need not be checked with them. */
const PART = { only: ["lerum", "sjobacka"] };
const AGREEMENT = "lerum/avtal-2017-2020.md";
const REPORT = "sjobacka/rapport-2019.md";

/** The Lerum plan with the line "25 % tjänst …" (110 000 + 110 000) giving only its total of 220 000 kr. */
const totalOnly = (root: string) => edit(root, PLAN, "    total: 220000\n    parties: { hsn-vast: 110000, lerum: 110000 }\n", "    total: 220000\n");

/** … and the plan's stated party totals and the agreement's 2019 contributions as the lines now give them, so that only the blank remains. */
function totalOnlyBalanced(root: string): void {
  totalOnly(root);
  edit(root, PLAN, "parties: { hsn-vast: 625000, lerum: 625000 }", "parties: { hsn-vast: 515000, lerum: 515000 }");
  edit(root, PLAN, "parties: { hsn-vast: 1000000, lerum: 1000000 }", "parties: { hsn-vast: 890000, lerum: 890000 }");
  edit(root, AGREEMENT, "    amount: 1000000\n    financing: [cash]\n", '    amount: 1000000\n    years: { "2019": 890000 }\n    financing: [cash]\n');
  edit(root, AGREEMENT, "  - party: lerum\n    amount: 1000000\n", '  - party: lerum\n    amount: 1000000\n    years: { "2019": 890000 }\n');
}

/** Builds a repository's HTML into a fresh folder. */
async function build(root: string) {
  const out = join(tempDir("plan-out-"), "site");
  const result = await run(["build", ".", "--out", out, "--no-pdf"], root);
  return { ...result, page: (path: string) => readFileSync(join(out, path), "utf8") };
}

const rowsOf = (html: string, caption: string | RegExp) => tableByCaption(html, caption).rows.map((r) => r.cells.map((c) => spaces(c.text)));

interface Rollup {
  name: string;
  rows: Record<string, unknown>[];
}

async function budgetJson(root: string): Promise<Rollup[]> {
  const { code, stdout, stderr } = await run(["budget", ".", "--format", "json"], root);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Rollup[];
}

describe("a budget line that gives only a total", () => {
  it("is a line whose split is not given: no money/line-total, and money/split warns at its total how much of the plan is not split", async () => {
    const root = copyExamples(PART);
    totalOnlyBalanced(root);
    const { code, findings } = await checkJson(root);
    expect(ofRule(findings, "money/line-total")).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    expect(only(findings, "money/split")).toEqual({
      rule: "money/split",
      file: PLAN,
      line: lineOf(root, PLAN, "total: 220000"),
      column: 12,
      severity: "warning",
      message:
        '"25 % tjänst för utvecklande av Föräldrastödsarbetet" gives only a total, no party\'s amount: 220 000 kr of the plan is not split between the parties, so the split and the contributions are checked without it.',
      fix: "Write each party's amount on the line under `parties:` once the split is known.",
    });
  });

  it("counts in the plan's totals and for no party: a contribution the other lines do not reach says how much is not split", async () => {
    const root = copyExamples(PART);
    totalOnly(root);
    const { findings } = await checkJson(root);
    // The stated "Totalt insatser" of 1 250 000 kr still holds: the line's total counts.
    expect(ofRule(findings, "money/declared-total").map((f) => f.line)).not.toContain(lineOf(root, PLAN, "total: 1250000"));
    const contributions = ofRule(findings, "money/contribution");
    expect(contributions.map((f) => f.message)).toEqual([
      "The lines of Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) in 2019 add up to 890 000 kr, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr (difference −110 000 kr). 220 000 kr of the plan is not split between the parties.",
      "The lines of Lerums kommun (`lerum`) in 2019 add up to 890 000 kr, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr (difference −110 000 kr). 220 000 kr of the plan is not split between the parties.",
    ]);
    expect(contributions[0]).toMatchObject({ file: PLAN, line: lineOf(root, PLAN, "budget:"), column: 1, severity: "error" });
  });

  it("`plan budget` and the pages: its total in the totals, the parties' cells blank, and a row for what is not split", async () => {
    const root = copyExamples(PART);
    totalOnlyBalanced(root);
    const tables = await budgetJson(root);
    const byArea = tables.find((t) => t.name === "lerum-plan-2019-per-area")!;
    expect(byArea.rows.find((r) => r["area"] === "Minska ohälsan bland unga kvinnor och män")).toMatchObject({
      "hsn-vast": 250000,
      lerum: 200000,
      total: 670000,
    });
    expect(byArea.rows.find((r) => r["area"] === "Gemensam budget")).toMatchObject({ "hsn-vast": 890000, lerum: 890000, total: 2000000 });

    const { code, stderr, page } = await build(root);
    expect(code, stderr).toBe(0);
    const html = page("lerum/plan-2019.html");
    expect(rowsOf(html, /per insatsområde och budgetpost/)).toContainEqual(["25 % tjänst för utvecklande av Föräldrastödsarbetet", "220 000", "", ""]);
    const summary = rowsOf(html, "Gemensam budget för verksamhetsåret 2019 per part (kronor)");
    // What is not split has a column of its own, blank where it is no party's: how it is paid, and the agreement's contribution.
    const expected = [
      ["Post", "HSN", "Kommun", "Ej fördelat mellan parterna", "Totalt"],
      ["Budget 2019", "890 000", "890 000", "220 000", "2 000 000"],
      ["Andel", "45 %", "45 %", "11 %", "100 %"],
      ["varav kontant", "890 000", "540 000", "", "1 430 000"],
      ["varav schablonkostnad", "", "200 000", "", "200 000"],
      ["varav hänvisat till annan budget", "", "150 000", "", "150 000"],
      // The agreement as totalOnlyBalanced leaves it.
      ["Bidrag enligt avtalet 2019", "890 000", "890 000", "", "1 780 000"],
    ];
    expect(summary).toEqual(expected);
    // The memo's table is the same, with the notes' markers on the municipality's amounts.
    const memo = rowsOf(page("lerum/tjansteskrivelse-ks18-1375.html"), "Gemensam folkhälsobudget för verksamhetsåret 2019 (kronor)");
    expect(memo.map((r) => r.map((c) => c.replace(/\*+$/, "")))).toEqual(expected);
  });
});

describe("a stated total over blank cells", () => {
  /** A stated total of the carry-over, whose amount the plan does not write. */
  const carryOverTotal = (total: string, parties: string) => (root: string) =>
    edit(root, PLAN, "totals:\n", `totals:\n  - label: Överfört från 2018\n    includes: [carry-over]\n    total: ${total}\n    parties: ${parties}\n`);

  it("is flagged where it says 0: the lines have no amounts, and blank is not 0", async () => {
    const root = copyExamples(PART);
    carryOverTotal("0", "{ hsn-vast: 0, lerum: 0 }")(root);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    const line = lineOf(root, PLAN, "parties: { hsn-vast: 0, lerum: 0 }");
    expect(ofRule(findings, "money/declared-total")).toEqual([
      {
        rule: "money/declared-total",
        file: PLAN,
        line: lineOf(root, PLAN, "    total: 0"),
        column: 12,
        severity: "warning",
        message: '"Överfört från 2018" (carry-over lines): the lines have no amounts; blank is not 0, but the total says 0 kr.',
        fix: "Leave `total:` out of the total while the lines have no amounts, or write the amounts on the lines.",
      },
      expect.objectContaining({
        line,
        column: 26,
        severity: "warning",
        message: '"Överfört från 2018" (carry-over lines): the lines have no amounts for `hsn-vast`; blank is not 0, but the total says 0 kr.',
      }),
      expect.objectContaining({
        line,
        column: 36,
        severity: "warning",
        message: '"Överfört från 2018" (carry-over lines): the lines have no amounts for `lerum`; blank is not 0, but the total says 0 kr.',
      }),
    ]);
  });

  it("is an error where it says more than 0: the lines have nothing that could add up to it", async () => {
    const root = copyExamples(PART);
    carryOverTotal("40000", "{ lerum: 40000 }")(root);
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "money/declared-total").map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [
        lineOf(root, PLAN, "    total: 40000"),
        12,
        "error",
        '"Överfört från 2018" (carry-over lines): the lines have no amounts; blank is not 0, but the total says 40 000 kr.',
      ],
      [
        lineOf(root, PLAN, "parties: { lerum: 40000 }"),
        23,
        "error",
        '"Överfört från 2018" (carry-over lines): the lines have no amounts for `lerum`; blank is not 0, but the total says 40 000 kr.',
      ],
    ]);
  });

  it("prints blank on the page, as `plan budget` does", async () => {
    const root = copyExamples(PART);
    carryOverTotal("0", "{ hsn-vast: 0, lerum: 0 }")(root);
    const { code, stderr, page } = await build(root);
    expect(code, stderr).toBe(0);
    expect(rowsOf(page("lerum/plan-2019.html"), /per insatsområde och budgetpost/)).toContainEqual(["Överfört från 2018", "", "", ""]);
    const byArea = (await budgetJson(root)).find((t) => t.name === "lerum-plan-2019-per-area")!;
    expect(byArea.rows.find((r) => r["area"] === "Överfört från tidigare år")).toEqual({
      area: "Överfört från tidigare år",
      total: null,
      "hsn-vast": null,
      lerum: null,
    });
  });
});

describe("a party with no amounts in a plan", () => {
  /** Sjöbacka 2019 with no amount of sjobacka's on any line (and no line totals); the plan's stated totals left as they are. */
  function hsnOnly(root: string): void {
    const plan = "sjobacka/plan-2019.md";
    const [budget, totals] = read(root, plan).split("\ntotals:\n");
    const lines = budget!
      .replace(/, sjobacka: \d+ \}/g, " }")
      .replace("    parties:\n      sjobacka: { amount: 20000, financing: in-kind, note: Schablonkostnad för deltagande personal }\n", "")
      .replace(/ {4}total: \d+\n/g, "");
    write(root, plan, `${lines}\ntotals:\n${totals}`);
  }

  it("has blank totals, not 0, in money/split and money/contribution", async () => {
    const root = copyExamples(PART);
    hsnOnly(root);
    const { findings } = await checkJson(root);
    const plan = "sjobacka/plan-2019.md";
    const split = ofRule(findings, "money/split").find((f) => f.file === plan && f.severity === "error")!;
    expect(split.message).toMatch(/but the lines give Hälso- och sjukvårdsnämnd Väst 210 000 kr and Sjöbacka kommun no amounts\.$/);
    expect(ofRule(findings, "money/contribution").map((f) => f.message)).toContain(
      "Sjöbacka kommun (`sjobacka`) has no amount on the lines of 2019, but the agreement `sjobacka/avtal-2019-2022` fixes its contribution at 210 000 kr.",
    );
    // The stated totals say 90 000 and 210 000 for sjobacka over lines that have none: errors, not "sum to 0 kr".
    const stated = ofRule(findings, "money/declared-total").filter((f) => f.message.includes("sjobacka"));
    expect(stated.map((f) => f.message)).toEqual([
      '"Totalt insatser" (intervention lines): the lines have no amounts for `sjobacka`; blank is not 0, but the total says 90 000 kr.',
      '"Gemensam folkhälsobudget" (intervention + staff lines): the lines have no amounts for `sjobacka`; blank is not 0, but the total says 210 000 kr.',
    ]);
  });
});

describe("a decided report whose utfall is missing", () => {
  /** The utfall of sjobacka left out on "Träffpunkter för äldre", whose budget gives sjobacka 30 000 kr. */
  const noSjobackaOnTraffpunkter = (root: string) => edit(root, REPORT, "parties: { hsn-vast: 20000, sjobacka: 33500 }", "parties: { hsn-vast: 20000 }");

  it("for one party of a line is an error at the line's entry, naming the line, the party and its budget", async () => {
    const root = copyExamples(PART);
    noSjobackaOnTraffpunkter(root);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(only(findings, "report/outcome")).toEqual({
      rule: "report/outcome",
      file: REPORT,
      line: lineOf(root, REPORT, "parties: { hsn-vast: 20000 }"),
      column: 14,
      severity: "error",
      message:
        'The report is decided, but it gives no utfall for Sjöbacka kommun (`sjobacka`) on the line "Träffpunkter för äldre (lokalhyra, fika, material)" of the plan `sjobacka/plan-2019`, whose budget there is 30 000 kr.',
      fix: "Write `sjobacka:` with its utfall in the line's `parties:` (0 where nothing was spent; a blank is not 0), or set `status: draft` until it is known.",
    });
  });

  it("for a whole line is an error per party at `outcome`; an utfall of 0 is an utfall", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "  - line: foraldragrupper\n    parties: { hsn-vast: 40000, sjobacka: 20000 }\n", "");
    edit(root, REPORT, "parties: { sjobacka: 20000 }", "parties: { sjobacka: 0 }");
    const { findings } = await checkJson(root);
    const found = ofRule(findings, "report/outcome");
    expect(found.map((f) => [f.file, f.line, f.column])).toEqual([
      [REPORT, lineOf(root, REPORT, "outcome:"), 1],
      [REPORT, lineOf(root, REPORT, "outcome:"), 1],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'The report is decided, but it gives no utfall for Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) on the line "Föräldragrupper ABC och Komet (utbildning av gruppledare, material)" of the plan `sjobacka/plan-2019`, whose budget there is 40 000 kr.',
      'The report is decided, but it gives no utfall for Sjöbacka kommun (`sjobacka`) on the line "Föräldragrupper ABC och Komet (utbildning av gruppledare, material)" of the plan `sjobacka/plan-2019`, whose budget there is 20 000 kr.',
    ]);
  });

  it("for a party that has no budget cell on the line is nothing missing", async () => {
    const root = copyExamples(PART);
    // "Gruppledare från elevhälsan" is sjobacka's alone: its utfall needs no hsn-vast.
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "report/outcome")).toEqual([]);
    expect(read(root, REPORT)).toContain("  - line: foraldragrupper-personal\n    parties: { sjobacka: 20000 }\n");
  });

  it("in a draft: the page leaves the cells blank, names the line and party, and never prints 0 kr for what is not reported", async () => {
    const root = copyExamples(PART);
    noSjobackaOnTraffpunkter(root);
    edit(root, REPORT, "status: decided", "status: draft");
    // And no utfall at all for the party on any line: its sums are blank.
    write(
      root,
      REPORT,
      read(root, REPORT)
        .replace(/(parties: \{[^}]*?), sjobacka: \d+ \}/g, "$1 }")
        .replace("    parties: { sjobacka: 20000 }\n", ""),
    );
    const { code, stderr, page } = await build(root);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/rapport-2019.html");
    const rows = rowsOf(html, /Budget, utfall och avvikelse 2019/);
    // A sum of avvikelser over lines with and without utfall is marked: it is not the budget − utfall beside it (50 000 − 20 000).
    expect(rows).toContainEqual(["Träffpunkter för äldre (lokalhyra, fika, material)", "20 000", "20 000", "0", "30 000", "", "", "50 000", "20 000", "0*"]);
    expect(rows).toContainEqual(["Gemensam folkhälsobudget", "210 000", "198 000", "12 000", "210 000", "", "", "420 000", "198 000", "12 000*"]);
    expect(spaces(text(html))).toContain("* Avvikelsen gäller de poster vars utfall är redovisat.");

    const said = spaces(text(html));
    expect(said).toContain("Sjöbacka kommun: budget 210 000 kr, utfall ej redovisat, avvikelse ej redovisat.");
    expect(said).not.toMatch(/Sjöbacka kommun: budget 210 000 kr, utfall 0 kr/);
    // A line with some utfall names the parties whose utfall is missing; one with none at all, only its title.
    expect(said).toContain(
      "Utfall är inte redovisat för: Föräldragrupper ABC och Komet (utbildning av gruppledare, material) för Sjöbacka kommun, Gruppledare från elevhälsan, Föräldramöten och undervisningsmaterial ANDT för Sjöbacka kommun, Träffpunkter för äldre (lokalhyra, fika, material) för Sjöbacka kommun och Folkhälsosamordnare 40 % för Sjöbacka kommun.",
    );
  });

  it("in the memo about a draft report with no utfall yet: the budget, and the utfall not reported rather than 0 kr", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "status: decided", "status: draft");
    write(root, REPORT, read(root, REPORT).replace(/outcome:\n(?: {2}.*\n)+\n/, "outcome: []\n\n"));
    const memo = read(root, "sjobacka/tjansteskrivelse-2020.md")
      .replace("about: sjobacka/plan-2020", "about: sjobacka/rapport-2019")
      .replace(/attachments:\n( {2}.*\n)+/, "attachments:\n  - title: Verksamhetsberättelse 2019\n    document: sjobacka/rapport-2019\n");
    write(root, "sjobacka/tjansteskrivelse-2020-rapport.md", memo);
    const { code, stderr, page } = await build(root);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/tjansteskrivelse-2020-rapport.html");
    expect(spaces(text(html))).toContain("Budgeten för 2019 var 420 000 kr; utfallet är ej redovisat.");
    expect(rowsOf(html, "Budget och utfall 2019 per part")).toEqual([
      ["Part", "Budget", "Utfall", "Avvikelse"],
      ["Hälso- och sjukvårdsnämnd Väst", "210 000", "", ""],
      ["Sjöbacka kommun", "210 000", "", ""],
      ["Totalt", "420 000", "", ""],
    ]);
  });

  it("in the memo about a draft report with part of its utfall: the utfall and avvikelse of the part reported, not set against the whole budget", async () => {
    const root = copyExamples();
    edit(root, REPORT, "status: decided", "status: draft");
    // Sjöbacka's utfall on Träffpunkter (budget 30 000 kr) not yet reported.
    edit(root, REPORT, "parties: { hsn-vast: 20000, sjobacka: 33500 }", "parties: { hsn-vast: 20000 }");
    const memo = read(root, "sjobacka/tjansteskrivelse-2020.md")
      .replace("about: sjobacka/plan-2020", "about: sjobacka/rapport-2019")
      .replace(/attachments:\n( {2}.*\n)+/, "attachments:\n  - title: Verksamhetsberättelse 2019\n    document: sjobacka/rapport-2019\n");
    write(root, "sjobacka/tjansteskrivelse-2020-rapport.md", memo);
    const { code, stderr, page } = await build(root);
    expect(code, stderr).toBe(0);
    const said = spaces(text(page("sjobacka/tjansteskrivelse-2020-rapport.html")));
    // 401 500 kr reported in all, less Sjöbacka's 33 500 kr: 368 000 kr against the 390 000 kr of budget it is reported for.
    expect(said).toContain(
      "Budgeten för 2019 var 420 000 kr. Utfallet är redovisat för 390 000 kr av den och blev 368 000 kr, vilket ger ett överskott på 22 000 kr; för resten, 30 000 kr, är utfallet ej redovisat.",
    );
    expect(said).not.toContain("blev 368 000 kr mot en budget på 420 000 kr");
  });
});

describe("`plan budget`: blank cells are blank in every format", () => {
  it("JSON null, CSV empty, text empty: never 0", async () => {
    const root = copyExamples(PART);
    totalOnlyBalanced(root);
    const tables = await budgetJson(root);
    const byArea = tables.find((t) => t.name === "lerum-plan-2019-per-area")!;
    // The carry-over whose amount the plan does not write: every cell blank.
    expect(byArea.rows.find((r) => r["area"] === "Överfört från tidigare år")).toEqual({
      area: "Överfört från tidigare år",
      total: null,
      "hsn-vast": null,
      lerum: null,
    });
    // The region's roll-up: a row of the sum has no year, agreement or joint budget of its own.
    const region = tables.find((t) => t.name === "hsn-vast-across-agreements")!;
    expect(region.rows.at(-1)).toEqual({ year: null, with: "Summa", agreement: null, amount: 1310000, total: null, isTotal: true });

    const csv = (await run(["budget", ".", "--format", "csv"], root)).stdout;
    expect(csv).toContain("\r\nÖverfört från tidigare år;;;\r\n");
    expect(csv).toContain("\r\nGemensam budget;890000;890000;2000000\r\n");
    const text = (await run(["budget", "."], root)).stdout.split("\n");
    expect(text.find((l) => l.startsWith("Överfört från tidigare år"))!.trim()).toBe("Överfört från tidigare år");
    expect(text.find((l) => l.startsWith("Gemensam budget"))).toMatch(/^Gemensam budget\s+890 000\s+890 000\s+2 000 000$/);
  });
});

describe("`plan diff`: a line that comes to give only a total", () => {
  it("its parties' amounts become blank, not 0, and the plan's total keeps the line", async () => {
    const root = copyExamples(PART);
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args],
        {
          cwd: root,
          encoding: "utf8",
        },
      );
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "The examples");
    totalOnly(root);
    const { code, stdout, stderr } = await run(["diff", "HEAD", "--format", "json"], root);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as DiffResult;
    const line = result.documents.find((d) => d.path === PLAN)!.budget.find((l) => l.id === "foraldrastod-tjanst")!;
    expect(line.parties).toEqual([
      { party: "hsn-vast", before: 110000, after: null, difference: -110000 },
      { party: "lerum", before: 110000, after: null, difference: -110000 },
    ]);
    expect(line.total).toEqual({ before: 220000, after: 220000, difference: 0 });
    const year = result.money.find((m) => m.agreement === "lerum/avtal-2017-2020" && m.year === 2019)!;
    expect(year.total).toEqual({ before: 2000000, after: 2000000, difference: 0 });
    expect(year.parties.map((p) => [p.party, p.before, p.after])).toEqual([
      ["hsn-vast", 1000000, 890000],
      ["lerum", 1000000, 890000],
    ]);
  });
});
