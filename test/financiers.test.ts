import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule, only, said, show } from "./helpers/findings.js";
import { spaces, tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, read, run, tempDir } from "./helpers/repo.js";

/** What these tests use of the examples: Lerum's, Sjöbacka's and Sjuhärad's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka", "sjuharad"] };

/**
 * Financiers as agreements have them: any number, a group of parties as one, income that is no
 * party's contribution, and split rules with their figures. The fixture is a small repository
 * of three financiers, one of them the eight member municipalities of Sjuhärad as a group.
 */
const FIXTURE = resolve(import.meta.dirname, "fixtures/financiers");
const CONFIG = "plan.config.yaml";
const AGREEMENT = "sjuharad/avtal-2013-2014.md";
const PLAN = "sjuharad/plan-2013.md";
const LERUM = "lerum/avtal-2017-2020.md";
const SJOBACKA = "sjobacka/avtal-2019-2022.md";

/** The seed's eight members (seed 003 line 69), as the configuration names them. */
const MEMBERS = [
  "Bollebygds kommun",
  "Borås Stad",
  "Herrljunga kommun",
  "Marks kommun",
  "Svenljunga kommun",
  "Tranemo kommun",
  "Ulricehamns kommun",
  "Vårgårda kommun",
];

function copyFixture(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Line and column (1-based) of `value` on the first line of `file` that holds `line` (and `value`). */
function at(root: string, file: string, line: string, value = line): { line: number; column: number } {
  const lines = read(root, file).split(/\r?\n/);
  const index = lines.findIndex((l) => l.includes(line) && l.includes(value));
  if (index < 0) throw new Error(`${line} / ${value} not in ${file}`);
  return { line: index + 1, column: lines[index]!.indexOf(value) + 1 };
}

/** Replaces the agreement's `split:` block (to the end of the frontmatter's next top-level key) with `split`. */
function setSplit(root: string, file: string, split: string): void {
  edit(root, file, /^split:.*\n(?:[ #].*\n)*/m, `${split.trimEnd()}\n`);
}

describe("any number of financiers", () => {
  it("the fixture's three financiers, one of them a group, and its income check clean", async () => {
    const { code, findings } = await checkJson(copyFixture());
    expect(findings.map(show)).toEqual([]);
    expect(code).toBe(0);
  });

  it("an equal split between three is thirds, never halves, of what all contribute that year", async () => {
    const root = copyFixture();
    setSplit(root, AGREEMENT, "split: { rule: equal }");
    const found = ofRule(await (await checkJson(root)).findings, "money/split");
    // 14 600 000 + 660 000 + 462 000 = 15 722 000 kr in 2013; a third is 5 240 666,67 kr.
    const varberg = found.filter((f) => f.message.includes("`varberg` pays"));
    expect(varberg.map((f) => f.message)).toEqual([
      "Under the equal split, `varberg` pays 1/3 of 15 722 000 kr = 5 240 667 kr (rounded) in 2013, but its contribution says 660 000 kr.",
      // 2014: the members' contribution for 2014 is 14 673 000 kr, so all contribute 15 795 000 kr.
      "Under the equal split, `varberg` pays 1/3 of 15 795 000 kr = 5 265 000 kr in 2014, but its contribution says 660 000 kr.",
    ]);
    expect(varberg.every((f) => f.file === AGREEMENT && f.line === at(root, AGREEMENT, "amount: 660000").line)).toBe(true);
    expect(said(found)).not.toMatch(/half|halves|1\/2/);
    // The plan's split is the three financiers' too.
    const plan = found.find((f) => f.file === PLAN)!;
    expect(plan.message).toContain(
      "splits the budget equally; of the plan's 15 722 000 kr that is Medlemskommunerna i Sjuhärad 5 240 666 kr, Varbergs kommun 5 240 666 kr and Falkenbergs kommun 5 240 666 kr, but the lines give Medlemskommunerna i Sjuhärad 14 600 000 kr, Varbergs kommun 660 000 kr and Falkenbergs kommun 462 000 kr.",
    );
  });

  it("the roll-ups give each of the three its column and share, and income a column of its own", async () => {
    const { code, stdout } = await run(["budget", ".", "--format", "json"], copyFixture());
    expect(code).toBe(0);
    const tables = JSON.parse(stdout) as { name: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }[];
    const perYear = tables.find((t) => t.name === "sjuharad-avtal-2013-2014-per-year")!;
    expect(perYear.columns.map((c) => c.label)).toEqual([
      "År",
      "Plan",
      "Medlemskommunerna",
      "Varberg",
      "Falkenberg",
      "Annan finansiering",
      "Totalt",
      "Fördelning",
    ]);
    // The split is the financiers' (15 722 000 kr), not of the total with the income (16 192 000 kr).
    expect(perYear.rows[0]).toMatchObject({ otherIncome: 470000, total: 16192000, split: "93 % / 4 % / 3 %" });
    const perArea = tables.find((t) => t.name === "sjuharad-plan-2013-per-area")!;
    expect(perArea.rows.at(-1)).toMatchObject({ "sjuharad-medlemmar": 14600000, varberg: 660000, falkenberg: 462000, otherIncome: 470000, total: 16192000 });
  });
});

describe("a group of parties as one financier", () => {
  it("ref/party: a member that is no declared party, at the member in plan.config.yaml", async () => {
    const root = copyFixture();
    edit(root, CONFIG, "ulricehamn, vargarda]", "ulricehamn, vargard]");
    const found = only((await checkJson(root)).findings, "ref/party");
    expect(found).toMatchObject({ file: CONFIG, ...at(root, CONFIG, "members:", "vargard]"), severity: "error" });
    expect(found.message).toBe("No party has the id `vargard`. Did you mean `vargarda`?");
  });

  it("party/members: a member listed twice, at the second, with the first as its other place", async () => {
    const root = copyFixture();
    edit(root, CONFIG, "ulricehamn, vargarda]", "ulricehamn, vargarda, boras]");
    const { code, stdout } = await run(["check", ".", "--format", "json"], root);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout).problems as {
      ruleId: string;
      line: number;
      column: number;
      message: string;
      related?: { line: number; column: number }[];
    }[];
    const found = problems.filter((p) => p.ruleId === "party/members");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ...at(root, CONFIG, "members:", "boras]"),
      message: "Borås Stad (`boras`) is listed twice among the members of Medlemskommunerna i Sjuhärad (`sjuharad-medlemmar`).",
    });
    expect(found[0]!.related).toMatchObject([at(root, CONFIG, "members:", "boras,")]);
  });

  it("party/members: a member twice through a group among the members", async () => {
    const root = copyFixture();
    edit(
      root,
      CONFIG,
      "  - id: varberg\n",
      "  - { id: sjuharad-och-varberg, name: Sjuhärad och Varberg, type: annan, members: [sjuharad-medlemmar, varberg, boras] }\n  - id: varberg\n",
    );
    const found = only((await checkJson(root)).findings, "party/members");
    expect(found).toMatchObject({ file: CONFIG, ...at(root, CONFIG, "sjuharad-och-varberg", "boras]") });
    expect(found.message).toBe(
      "Borås Stad (`boras`) is a member of Sjuhärad och Varberg (`sjuharad-och-varberg`) twice: through Medlemskommunerna i Sjuhärad (`sjuharad-medlemmar`) (members[0]) and members[2].",
    );
  });

  it("party/members: a group that holds itself, once for the cycle, at the group declared first", async () => {
    const root = copyFixture();
    edit(root, CONFIG, "{ id: boras, name: Borås Stad, type: kommun }", "{ id: boras, name: Borås Stad, type: kommun, members: [sjuharad-medlemmar] }");
    const found = only((await checkJson(root)).findings, "party/members");
    expect(found).toMatchObject({ file: CONFIG, ...at(root, CONFIG, "members: [bollebygd", "boras,"), severity: "error" });
    expect(found.message).toBe(
      "Medlemskommunerna i Sjuhärad (`sjuharad-medlemmar`) is a member of itself through Borås Stad (`boras`) (sjuharad-medlemmar → boras → sjuharad-medlemmar); a group cannot hold itself.",
    );
  });

  it("party/members: a financier that is also a member of another financier of the agreement", async () => {
    const root = copyFixture();
    edit(root, AGREEMENT, "parties: [sjuharad-medlemmar, varberg, falkenberg]", "parties: [sjuharad-medlemmar, varberg, falkenberg, boras]");
    edit(root, AGREEMENT, "  # 11 kr × 60 000", "  - party: boras\n    amount: 100000\n  # 11 kr × 60 000");
    const found = only((await checkJson(root)).findings, "party/members");
    expect(found).toMatchObject({ file: AGREEMENT, ...at(root, AGREEMENT, "- party: boras", "boras") });
    expect(found.message).toBe(
      "Borås Stad (`boras`) contributes on its own and is also a member of Medlemskommunerna i Sjuhärad (`sjuharad-medlemmar`), which contributes too: its money would be counted twice.",
    );
  });
});

describe("income that is no party's contribution", () => {
  it("counts in the plan's total, not in any party's contribution or the split", async () => {
    const root = copyFixture();
    // The declared total 16 192 000 kr is the parties' 15 722 000 kr and the ESF-medel 470 000 kr.
    edit(root, PLAN, "total: 16192000", "total: 15722000");
    const found = only((await checkJson(root)).findings, "money/declared-total");
    expect(found.message).toContain("the 3 lines sum to 16 192 000 kr, but the total says 15 722 000 kr");
  });

  it("money/income: an income line with party amounts, at its `parties`", async () => {
    const root = copyFixture();
    edit(root, PLAN, "    income: ESF-medel, Europeiska socialfonden\n", "    income: ESF-medel, Europeiska socialfonden\n    parties: { varberg: 10000 }\n");
    const found = only((await checkJson(root)).findings, "money/income");
    expect(found).toMatchObject({ file: PLAN, ...at(root, PLAN, "parties: { varberg: 10000 }", "parties"), severity: "error" });
    expect(found.message).toBe(
      'The line "Projektet Funktionell Kompetens" is income (`income: ESF-medel, Europeiska socialfonden`), which is no party\'s contribution, but it gives amounts for `varberg`.',
    );
  });

  it("money/income: an income line without an amount is a warning at its `income`", async () => {
    const root = copyFixture();
    edit(root, PLAN, "    total: 470000\n", "");
    const found = only((await checkJson(root)).findings, "money/income");
    expect(found).toMatchObject({ file: PLAN, ...at(root, PLAN, "income:", "ESF-medel"), severity: "warning" });
    expect(found.message).toBe(
      'The income "Projektet Funktionell Kompetens" (ESF-medel, Europeiska socialfonden) has no amount, so the plan\'s total leaves it out.',
    );
  });
});

describe("plan diff with income and three financiers", () => {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.invalid",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.invalid",
  };
  const git = (root: string, ...args: string[]) =>
    execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], { cwd: root, env, encoding: "utf8" });

  it("a changed income is a row of its own in the money headline, and in the total", async () => {
    const root = copyFixture();
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "The fixture");
    edit(root, PLAN, "total: 470000", "total: 500000");
    edit(root, PLAN, "total: 16192000", "total: 16222000");
    git(root, "commit", "-q", "-am", "More ESF-medel");
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(code).toBe(0);
    const lines = stdout.split("\n").map((l) => spaces(l).replace(/ {2,}/g, "  ").trim());
    expect(lines).toContain("Medlemskommunerna  14 600 000 kr  14 600 000 kr  0 kr");
    expect(lines).toContain("Other income  470 000 kr  500 000 kr  +30 000 kr");
    expect(lines).toContain("Total  16 192 000 kr  16 222 000 kr  +30 000 kr");
    // The income is no party's: the three financiers still keep the split.
    expect(lines).toContain(
      "sjuharad/plan-2013 keeps the agreement's split (sjuharad/avtal-2013-2014, split per inhabitant (73 kr each, but varberg 11 kr, falkenberg 11 kr)).",
    );
  });
});

describe("split rules with their figures", () => {
  /** Lerum's agreement split per inhabitant: 41 000 inhabitants for every financier, 42 000 in 2020. */
  function perInhabitant(root: string, contributions: { hsn: string; lerum: string }): void {
    edit(root, LERUM, / {2}- party: hsn-vast\n {4}amount: 1000000\n/, `  - party: hsn-vast\n${contributions.hsn}`);
    edit(root, LERUM, / {2}- party: lerum\n {4}amount: 1000000\n/, `  - party: lerum\n${contributions.lerum}`);
    setSplit(
      root,
      LERUM,
      `split:
  rule: per-inhabitant
  rate: 14
  populations:
    - { inhabitants: 41000, date: 2016-12-31 }
    - { party: lerum, year: 2020, inhabitants: 42000, date: 2018-12-31 }
    - { party: hsn-vast, year: 2020, inhabitants: 42000, date: 2018-12-31 }`,
    );
  }

  it("per-inhabitant: a year of `years` is checked against that year's figure, and the message names it", async () => {
    const root = copyExamples(PART);
    perInhabitant(root, { hsn: "    amount: 574000\n    years: { 2020: 588000 }\n", lerum: "    amount: 574000\n    years: { 2020: 600000 }\n" });
    const found = ofRule((await checkJson(root)).findings, "money/split").filter((f) => f.file === LERUM);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ...at(root, LERUM, "years: { 2020: 600000 }", "600000"), severity: "error" });
    expect(found[0]!.message).toBe(
      "Under the per-inhabitant split, `lerum` pays 14 kr × 42 000 inhabitants (2018-12-31) = 588 000 kr in 2020, but its contribution for 2020 says 600 000 kr.",
    );
    expect(found[0]!.fix).toBe("Write `2020: 588000` under `years`, or correct the rate or the population.");
  });

  it("per-inhabitant: an `amount` that holds in some years only is named with the years it misses", async () => {
    const root = copyExamples(PART);
    perInhabitant(root, { hsn: "    amount: 574000\n    years: { 2020: 588000 }\n", lerum: "    amount: 574000\n" });
    const found = ofRule((await checkJson(root)).findings, "money/split").filter((f) => f.file === LERUM);
    const amount = at(root, LERUM, "- party: lerum").line + 1;
    expect(read(root, LERUM).split("\n")[amount - 1]).toBe("    amount: 574000");
    expect(found.map((f) => [f.line, f.column, f.message, f.fix])).toEqual([
      [
        amount,
        13,
        "Under the per-inhabitant split, `lerum` pays 14 kr × 42 000 inhabitants (2018-12-31) = 588 000 kr in 2020, but its contribution says 574 000 kr.",
        "Give the contribution of `lerum` for 2020 under `years` (`2020: 588000`), or correct the rate or the population.",
      ],
    ]);
  });

  it("per-inhabitant: a financier without a population is named with its years", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "split: { rule: equal }", "split:\n  rule: per-inhabitant\n  rate: 14\n  populations:\n    - { party: hsn-vast, inhabitants: 71428 }");
    const found = ofRule((await checkJson(root)).findings, "money/split").filter((f) => f.file === LERUM);
    expect(found.map((f) => f.message)).toContain(
      "The per-inhabitant split gives no number of inhabitants for `lerum` in 2017–2020, so neither its contribution nor the plans' split can be checked.",
    );
    expect(found.find((f) => f.message.includes("no number"))).toMatchObject(at(root, LERUM, "- { party: hsn-vast", "-"));
  });

  it("per-inhabitant: a population or rate for a party that is no financier is ref/party's", async () => {
    const root = copyExamples(PART);
    edit(root, SJOBACKA, "  rate: 14\n", "  rate: 14\n  rates: { lerum: 12 }\n");
    const found = only((await checkJson(root)).findings, "ref/party");
    expect(found).toMatchObject({ file: SJOBACKA, ...at(root, SJOBACKA, "rates: { lerum", "lerum") });
    expect(found.message).toBe(
      "Lerums kommun (`lerum`) is not a financier of this agreement (financiers: `hsn-vast` and `sjobacka`), so its figure in the split is never used.",
    );
  });

  it("equal: a contribution overridden for a year is checked against that year's total", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "    amount: 1000000\n    # Kommunens", "    amount: 1000000\n    years: { 2020: 1100000 }\n    # Kommunens");
    const found = ofRule((await checkJson(root)).findings, "money/split");
    expect(found.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      [
        LERUM,
        at(root, LERUM, "amount: 1000000").line,
        13,
        "Under the equal split, `hsn-vast` pays 1/2 of 2 100 000 kr = 1 050 000 kr in 2020, but its contribution says 1 000 000 kr.",
      ],
      [
        LERUM,
        ...Object.values(at(root, LERUM, "years: { 2020: 1100000 }", "1100000")),
        "Under the equal split, `lerum` pays 1/2 of 2 100 000 kr = 1 050 000 kr in 2020, but its contribution for 2020 says 1 100 000 kr.",
      ],
    ]);
  });

  it("shares: the share is the weights as written", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "split: { rule: equal }", "split: { rule: shares, shares: { hsn-vast: 60, lerum: 40 } }");
    const found = ofRule((await checkJson(root)).findings, "money/split").filter((f) => f.file === LERUM);
    expect(found.map((f) => f.message)).toEqual([
      "Under the split in shares, `hsn-vast` pays 60/100 of 2 000 000 kr = 1 200 000 kr in 2017–2020, but its contribution says 1 000 000 kr.",
      "Under the split in shares, `lerum` pays 40/100 of 2 000 000 kr = 800 000 kr in 2017–2020, but its contribution says 1 000 000 kr.",
    ]);
  });

  it("none: no split is checked, each contribution still is", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "split: { rule: equal }", "split: { rule: none }");
    edit(root, "lerum/plan-2019.md", "parties: { hsn-vast: 100000, lerum: 165000 }", "parties: { hsn-vast: 110000, lerum: 155000 }");
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "money/split")).toEqual([]);
    expect(said(ofRule(findings, "money/contribution"))).toContain("The lines of Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) in 2019 add up to 1 010 000 kr");
  });

  it("the older per-inhabitant form still reads: one population for every financier and year, with the message's figures", async () => {
    const root = copyExamples(PART);
    edit(root, SJOBACKA, /population: 15000/, "population: 15500");
    const found = ofRule((await checkJson(root)).findings, "money/split").filter((f) => f.file === SJOBACKA);
    expect(found.map((f) => [f.line, f.column, f.message, f.fix])).toEqual([
      [
        at(root, SJOBACKA, "amount: 210000").line,
        13,
        "Under the per-inhabitant split, `hsn-vast` pays 14 kr × 15 500 inhabitants (2018-12-31) = 217 000 kr in 2019–2022, but its contribution says 210 000 kr.",
        "Write `amount: 217000`, or correct the rate or the population.",
      ],
      [
        at(root, SJOBACKA, "amount: 210000").line + 3,
        13,
        "Under the per-inhabitant split, `sjobacka` pays 14 kr × 15 500 inhabitants (2018-12-31) = 217 000 kr in 2019–2022, but its contribution says 210 000 kr.",
        "Write `amount: 217000`, or correct the rate or the population.",
      ],
    ]);
  });

  it("the older form beside `populations` is an error at `population`", async () => {
    const root = copyExamples(PART);
    edit(root, SJOBACKA, "  populationDate: 2018-12-31\n", "  populationDate: 2018-12-31\n  populations: [{ inhabitants: 15000, date: 2018-12-31 }]\n");
    const found = only((await checkJson(root)).findings, "money/split");
    expect(found).toMatchObject({ file: SJOBACKA, ...at(root, SJOBACKA, "population: 15000", "15000") });
    expect(found.message).toContain("Both `population` and `populations` give numbers of inhabitants");
  });
});

describe("the pages of an agreement with a group and three financiers", () => {
  async function built() {
    const root = copyFixture();
    const out = join(tempDir("plan-out-"), "site");
    const result = await run(["build", ".", "--out", out, "--no-pdf"], root);
    expect(result.code, result.stderr).toBe(0);
    return (path: string) => readFileSync(join(out, path), "utf8");
  }

  it("the agreement lists the group's members under its name, each financier's contribution, and the split's figures", async () => {
    const page = await built();
    const html = page("sjuharad/avtal-2013-2014.html");
    const contributions = tableByCaption(html, "Bidrag per part och år");
    const body = contributions.rows.slice(1);
    expect(body.map((r) => spaces(r.cells[0]!.html.replace(/<span class="detail">.*<\/span>/, "")))).toEqual([
      "Medlemskommunerna i Sjuhärad",
      "Varbergs kommun",
      "Falkenbergs kommun",
    ]);
    expect(text(/<span class="detail">(.*?)<\/span>/.exec(body[0]!.cells[0]!.html)![1]!)).toBe(
      `Medlemmar: ${MEMBERS.slice(0, -1).join(", ")} och ${MEMBERS.at(-1)}`,
    );
    expect(body.map((r) => r.cells.slice(1, 3).map((c) => spaces(c.text)))).toEqual([
      ["14 600 000", "14 673 000"],
      ["660 000", "660 000"],
      ["462 000", "462 000"],
    ]);
    expect(spaces(text(html))).toContain(
      "Fördelningsprincipen för finansieringen är 73 kr per invånare och år för Medlemskommunerna i Sjuhärad samt 11 kr per invånare och år vardera för Varbergs kommun och Falkenbergs kommun, räknat på varje parts antal invånare.",
    );
    const figures = tableByCaption(html, "Fördelning per invånare").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(figures).toEqual([
      ["Part", "År", "Invånare", "Folkmängd den", "Kronor per invånare", "Belopp enligt fördelningen"],
      ["Medlemskommunerna i Sjuhärad", "2013", "200 000", "2011-12-31", "73", "14 600 000"],
      ["Medlemskommunerna i Sjuhärad", "2014", "201 000", "2012-12-31", "73", "14 673 000"],
      ["Varbergs kommun", "2013", "60 000", "2011-12-31", "11", "660 000"],
      ["Varbergs kommun", "2014", "60 000", "2011-12-31", "11", "660 000"],
      ["Falkenbergs kommun", "2013", "42 000", "2011-12-31", "11", "462 000"],
      ["Falkenbergs kommun", "2014", "42 000", "2011-12-31", "11", "462 000"],
    ]);
  });

  it("the plan's budget has the income in a column and a row of its own; the memo names the members", async () => {
    const page = await built();
    const plan = page("sjuharad/plan-2013.html");
    const detail = tableByCaption(plan, "per insatsområde och budgetpost").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(detail[0]).toEqual([
      "Insatsområde och budgetpost",
      "Budget totalt",
      "Budget Medlemskommunerna",
      "Budget Varberg",
      "Budget Falkenberg",
      "Annan finansiering",
    ]);
    // The line's title, and under it (a second line of the cell) whose money it is.
    expect(detail).toContainEqual(["Projektet Funktionell KompetensAnnan finansiering: ESF-medel, Europeiska socialfonden", "470 000", "", "", "", "470 000"]);
    expect(detail.at(-1)).toEqual(["Summa", "16 192 000", "14 600 000", "660 000", "462 000", "470 000"]);
    // The parties as columns, the income in one of its own (the seed's layout: HSN | Kommunen | Totalt).
    const summary = tableByCaption(plan, "Gemensam budget för verksamhetsåret 2013 per part").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(summary[0]).toEqual(["Post", "Medlemskommunerna", "Varberg", "Falkenberg", "Annan finansiering", "Totalt"]);
    expect(summary.at(-1)).toEqual(["Bidrag enligt avtalet 2013", "14 600 000", "660 000", "462 000", "", "15 722 000"]);

    // The memo names the members and the income's source under its table.
    const memo = spaces(text(page("sjuharad/tjansteskrivelse-plan-2013.html")));
    expect(memo).toContain(`Medlemskommunerna: ${MEMBERS.slice(0, -1).join(", ")} och ${MEMBERS.at(-1)}`);
    expect(memo).toContain("Annan finansiering: ESF-medel, Europeiska socialfonden");
  });
});
