import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { renderSite } from "../src/render/site.js";
import { TWO_MUNICIPAL_ACTORS } from "../src/rules/fund.js";
import { checkJson, only, ofRule } from "./helpers/findings.js";
import { commitAll, git } from "./helpers/git.js";
import { spaces, tableByCaption } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, write } from "./helpers/repo.js";

/*
 * A social investment fund (`kind: fund`): Ale kommun's, from seed 002, with 10 000 000 kr set
 * aside in 2012 and the three investment activities the seed names (their amounts invented).
 */

const PART = { only: ["ale"] };
const FUND = "ale/social-investeringsfond.md";
const MINUS = "\u2212";

/** The column of `text` on its line, 1-based. */
const columnOf = (root: string, line: number, text: string) => read(root, FUND).split("\n")[line - 1]!.indexOf(text) + 1;

const FOTOSYNTES_YEARS = "years: { 2013: 1200000, 2014: 1200000, 2015: 1200000 }";

describe("the Ale fund example", () => {
  it("checks without a finding: its balance stays above zero, every application has two municipal actors, an evaluation and a decision, and no contribution rule of a joint plan applies", async () => {
    const root = copyExamples(PART);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });

  it("renders its ledger per year (Avsatt, Beviljat, Återbetalt, Saldo) and its list of applications", () => {
    const root = copyExamples(PART);
    const checked = checkRepository(root, { cwd: root });
    expect(checked.errors).toBe(0);
    const page = renderSite(checked.repo).find((f) => f.path === "ale/social-investeringsfond.html")!;
    const html = typeof page.content === "string" ? page.content : Buffer.from(page.content).toString("utf8");
    expect(html).toContain('<html lang="sv"');
    expect(page.print).toBeDefined();

    const ledger = tableByCaption(html, "Fondens saldo per år 2012–2016 (kronor)");
    const rows = ledger.rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows[0]).toEqual(["År", "Ingående saldo", "Avsatt", "Beviljat", "Återbetalt", "Saldo"]);
    expect(ledger.rows[0]!.cells.every((c) => c.tag === "th" && c.attrs.includes('scope="col"'))).toBe(true);
    // 10 000 000 kr set aside in 2012; 1 200 000 kr granted in 2013, 2 600 000 kr in 2014 and 2015; 300 000 kr repaid in 2016.
    // Blank cells are blank, not 0.
    expect(rows.slice(1)).toEqual([
      ["2012", "0", "10 000 000Kommunstyrelsens beslut våren 2012", "", "", "10 000 000"],
      ["2013", "10 000 000", "", "1 200 000", "", "8 800 000"],
      ["2014", "8 800 000", "", "2 600 000", "", "6 200 000"],
      ["2015", "6 200 000", "", "2 600 000", "", "3 600 000"],
      ["2016", "3 600 000", "", "", "300 000", "3 900 000"],
      ["2012–2016", "", "10 000 000", "6 400 000", "300 000", "3 900 000"],
    ]);
    // Print: thousands separated by narrow no-break spaces.
    expect(html).toContain("10\u202F000\u202F000");

    const list = tableByCaption(html, "Beviljade investeringsaktiviteter (kronor)");
    expect(list.rows.map((r) => r.cells.map((c) => spaces(c.text)))).toEqual([
      ["Investeringsaktivitet", "Aktörer i samverkan", "Beviljat belopp", "Beslut", "Status"],
      [
        "Fotosyntes",
        "Skola; Socialtjänst; Fritid; Folkhälsokommittén, Västra Götalandsregionen; FoU i Väst/GR",
        "3 600 000",
        "Beviljad 2013-02-04Kommunstyrelsen, § 21",
        "Pågående",
      ],
      [
        "Star for Life",
        "Skola; Elevhälsa; Star for Life Sverige; Skandia/Idéer för livet; Partille kommun; Söderköpings kommun",
        "1 200 000",
        "Beviljad 2014-03-03Kommunstyrelsen, § 48",
        "Pågående",
      ],
      [
        "MiniMili",
        "Socialtjänst; Skola; Fritid; AME; Familjecentral; Ungdomsmottagning; BUP, Västra Götalandsregionen",
        "1 600 000",
        "Beviljad 2014-05-05Kommunstyrelsen, § 97",
        "Uppstartsfas",
      ],
    ]);
    // Each application's effect evaluation is on the page, under its own heading.
    expect(html).toMatch(/<h3 id="ansokan-fotosyntes">Fotosyntes<\/h3>[\s\S]*?<dt>Effektutvärdering<\/dt><dd>FoU i Väst\/GR följeforskar/);
  });
});

describe("fund/balance", () => {
  it("a grant that takes the balance below zero is an error at that grant, naming the year and the figures", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, FOTOSYNTES_YEARS, "years: { 2013: 1200000, 2014: 9000000, 2015: 1200000 }");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const line = lineOf(root, FUND, "2014: 9000000");
    const found = only(findings, "fund/balance");
    expect(found).toMatchObject({ file: FUND, line, column: columnOf(root, line, "9000000"), severity: "error" });
    expect(found.message).toBe(
      `The fund's balance goes below zero in 2014: 8 800 000 kr at the start of the year, nothing set aside, 10 400 000 kr granted (Fotosyntes 9 000 000 kr, Star for Life 600 000 kr, MiniMili 800 000 kr), nothing repaid, ${MINUS}1 600 000 kr at the end.`,
    );
    expect(found.fix).toBe("Lower the grants of 2014 by at least 1 600 000 kr, move a part of them to a later year, or set aside more capital by 2014.");
    // 2015 stays below zero (−4 200 000 kr): it is the same shortfall, told once.
    expect(findings.filter((f) => f.rule !== "fund/balance")).toEqual([]);
  });

  it("the grant pointed at is the one that takes the running balance below zero, in the order of the document", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, "years: { 2014: 800000, 2015: 800000 }", "years: { 2014: 8000000, 2015: 800000 }");
    const { findings } = await checkJson(root);
    // 8 800 000 − 1 200 000 (Fotosyntes) − 600 000 (Star for Life) = 7 000 000; MiniMili's 8 000 000 takes it below.
    const line = lineOf(root, FUND, "2014: 8000000");
    expect(only(findings, "fund/balance")).toMatchObject({ line, column: columnOf(root, line, "8000000") });
  });

  it("money set aside the same year covers the grants: no finding", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, FOTOSYNTES_YEARS, "years: { 2013: 1200000, 2014: 9000000, 2015: 1200000 }");
    edit(root, FUND, "    note: Kommunstyrelsens beslut våren 2012\n", "    note: Kommunstyrelsens beslut våren 2012\n  - { year: 2014, amount: 5000000 }\n");
    const { code, findings } = await checkJson(root);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("fund/actors", () => {
  it("an application with one municipal actor is an error at its actors, quoting the seed's rule", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, "      - { name: Socialtjänst, municipal: true }\n      - { name: Fritid, municipal: true }\n", "");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const found = only(findings, "fund/actors");
    expect(found).toMatchObject({ file: FUND, line: lineOf(root, FUND, "    actors:"), column: 5, severity: "error" });
    expect(found.message).toBe(
      `The application "Fotosyntes" names 1 municipal actor (Skola) and 2 other actors; the fund's rule asks for at least two: "${TWO_MUNICIPAL_ACTORS}"`,
    );
    expect(TWO_MUNICIPAL_ACTORS).toBe("Alla projekt måste innebära samverkan mellan minst två kommunala aktörer.");
  });

  it("a refused application is not held to it", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, "      - { name: Socialtjänst, municipal: true }\n      - { name: Fritid, municipal: true }\n", "");
    edit(root, FUND, `      outcome: granted\n      date: 2013-02-04 # INVENTED`, "      outcome: refused\n      date: 2013-02-04");
    edit(root, FUND, `      ${FOTOSYNTES_YEARS} # INVENTED\n`, "");
    edit(root, FUND, "      - { year: 2016, amount: 300000, note: Minskade kostnader för placeringar av barn och unga }\n", "");
    edit(root, FUND, "    repayments:\n", "");
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "fund/actors")).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe("fund/evaluation and fund/decision", () => {
  it("an application without an effect evaluation plan is an error at the application", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, / {4}# INVENTED: the seed gives no evaluation plan for MiniMili\.\n {4}evaluation: >-\n( {6}.*\n)+?(?= {4}decision:)/, "");
    const { findings } = await checkJson(root);
    const found = only(findings, "fund/evaluation");
    expect(found).toMatchObject({ line: lineOf(root, FUND, "- id: minimili"), column: 5, severity: "error" });
    expect(found.message).toBe('The application "MiniMili" has no plan for evaluating its effect.');
  });

  it("an application without a decision is an error in a decided fund and a warning in a draft; a grant without amounts is an error", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, / {4}decision:\n {6}outcome: granted\n {6}date: 2014-03-03[\s\S]*?# INVENTED\n(?= {4}phase)/, "");
    edit(root, FUND, "      years: { 2014: 800000, 2015: 800000 } # INVENTED\n", "");
    const decided = await checkJson(root);
    const missing = decided.findings.find((f) => f.message.includes('"Star for Life" has no decision'))!;
    expect(missing).toMatchObject({ rule: "fund/decision", line: lineOf(root, FUND, "- id: star-for-life"), severity: "error" });
    const noAmount = decided.findings.find((f) => f.message.includes('"MiniMili" is granted'))!;
    expect(noAmount).toMatchObject({ rule: "fund/decision", line: lineOf(root, FUND, "outcome: granted", 2), column: 16, severity: "error" });

    edit(root, FUND, "status: decided", "status: draft");
    const draft = await checkJson(root);
    expect(draft.findings.find((f) => f.message.includes('"Star for Life" has no decision'))!.severity).toBe("warning");
  });
});

describe("fund/decision: the years of a grant", () => {
  it("money granted for a year before the decision is a warning at that year", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, "years: { 2014: 600000, 2015: 600000 }", "years: { 2013: 600000, 2015: 600000 }");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    const line = lineOf(root, FUND, "years: { 2013: 600000");
    const found = only(findings, "fund/decision");
    expect(found).toMatchObject({ line, column: columnOf(root, line, "2013"), severity: "warning" });
    expect(found.message).toBe('The application "Star for Life" is granted money for 2013, a year before its decision (2014-03-03).');
  });

  it("a refusal with amounts is that error alone, not also money granted too early", async () => {
    const root = copyExamples(PART);
    edit(root, FUND, "years: { 2014: 600000, 2015: 600000 }", "years: { 2013: 600000, 2015: 600000 }");
    const text = read(root, FUND);
    const at = text.lastIndexOf("outcome: granted", text.indexOf("years: { 2013: 600000"));
    write(root, FUND, `${text.slice(0, at)}outcome: refused${text.slice(at + "outcome: granted".length)}`);
    const found = ofRule((await checkJson(root)).findings, "fund/decision");
    expect(found.map((f) => f.severity)).toEqual(["error"]);
    expect(found[0]!.message).toContain("refused");
  });
});

describe("plan diff of a fund", () => {
  it("a changed grant is a money change of its field, before → after", async () => {
    const root = copyExamples(PART);
    git(root, "init", "-q");
    commitAll(root, "The fund");
    edit(root, FUND, "years: { 2014: 800000, 2015: 800000 }", "years: { 2014: 800000, 2015: 950000 }");
    commitAll(root, "A larger grant");
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(code).toBe(0);
    expect(stdout).toContain("applications[minimili].decision.years.2015: 800 000 kr → 950 000 kr");
  });
});
