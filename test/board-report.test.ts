import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule, only } from "./helpers/findings.js";
import { headings, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

/** What these tests use of the examples: Herrljunga's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["herrljunga", "sjobacka"] };

/*
 * A board's own report (Herrljunga socialnämnd's verksamhetsberättelse 2016): no joint plan, the
 * board that reports under `organisation`, its money in tables.
 */

const REPORT = "herrljunga/verksamhetsberattelse-2016.md";

/** The Herrljunga report with its frontmatter's `organisation:` line replaced. */
const withSubject = (root: string, lines: string) => read(root, REPORT).replace("organisation: herrljunga-sn\n", lines);

describe("a report names its plan or its board", () => {
  it("one without either, or with both, is an error at its kind", async () => {
    const root = copyExamples(PART);
    write(root, "herrljunga/ingen.md", withSubject(root, "id: herrljunga/ingen\n"));
    write(root, "herrljunga/bada.md", withSubject(root, "id: herrljunga/bada\norganisation: herrljunga-sn\nplan: sjobacka/plan-2019\n"));
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const subject = ofRule(findings, "report/subject");
    expect(subject.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual([
      { file: "herrljunga/bada.md", line: lineOf(root, "herrljunga/bada.md", "kind: report"), column: 1, severity: "error" },
      { file: "herrljunga/ingen.md", line: lineOf(root, "herrljunga/ingen.md", "kind: report"), column: 1, severity: "error" },
    ]);
    expect(subject[0]!.message).toContain("names both `plan: sjobacka/plan-2019` (the joint plan it follows up) and `organisation: herrljunga-sn`");
    expect(subject[1]!.message).toBe("The report names neither `plan` (the joint plan it follows up) nor `organisation` (the board whose own report it is).");
    expect(subject[1]!.fix).toContain("`organisation: <party id>`");
    // The Herrljunga report names its board; what is said of its money is the seed's own residues and its 0 over blanks, as warnings
    // at their cells (its goals, copied into the two other reports, are test/board-goals.test.ts's, and so is
    // the text those copies share with it: test/copied.test.ts's).
    expect(
      findings
        .filter((f) => f.file === REPORT && f.rule !== "goal/same-text" && f.rule !== "text/copied")
        .map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`),
    ).toEqual([
      `${lineOf(root, REPORT, "total: { label: Summa verksamhet, values: [179176")}:60 warning money/stated-total`,
      `${lineOf(root, REPORT, "{ label: Arkiv,")}:44 warning money/blank-stated`,
      `${lineOf(root, REPORT, "{ label: Nettokostnad, add: [intakter, kostnader], values: [~, 9256")}:72 warning money/stated-total`,
      // The source's "28 %" against the annex's 18 %, and its "2,7 tkr" for 2,7 mnkr, cited in its prose (test/figures.test.ts).
      `${lineOf(root, REPORT, ":figure[28 %]")}:123 warning body/figure-text`,
      `${lineOf(root, REPORT, ":figure[2,7 tkr]")}:81 warning body/figure-text`,
    ]);
  });

  it("a board's report has no plan's outcome or carry-over to give", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "year: 2016\n", "year: 2016\noutcome:\n  - line: sroi\n    parties: { herrljunga-sn: 100 }\n");
    const found = only((await checkJson(root)).findings, "report/subject");
    expect(found).toMatchObject({ file: REPORT, line: lineOf(root, REPORT, "outcome:"), column: 1, severity: "error" });
    expect(found.message).toBe(
      "`outcome` follows up the budget lines of a joint plan, but the report names no `plan` (it is the own report of `herrljunga-sn`).",
    );
  });

  it("a joint plan's report has no board's goal fields, which it would not print", async () => {
    const root = copyExamples();
    const file = "sjobacka/rapport-2019.md";
    edit(
      root,
      file,
      "  - goal: behorighet\n    status: partly-met\n",
      "  - goal: behorighet\n    title: Fler behöriga\n    unit: Elevhälsan\n    status: partly-met\n",
    );
    const found = ofRule((await checkJson(root)).findings, "report/subject");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([
      `${file}:${lineOf(root, file, "    title: Fler behöriga")}:5 error`,
      `${file}:${lineOf(root, file, "    unit: Elevhälsan")}:5 error`,
    ]);
    expect(found[0]!.message).toBe(
      "`title` of the goal `behorighet` belongs to a board's own report, but the report follows up the joint plan `sjobacka/plan-2019`, whose goals it takes.",
    );
    expect(found[0]!.fix).toBe("Leave `title` out: the report prints the goal as the plan writes it.");
  });

  it("its organisation is a declared party", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "organisation: herrljunga-sn", "organisation: herrljunga-sm");
    const found = only((await checkJson(root)).findings, "ref/party");
    expect(found).toMatchObject({ file: REPORT, line: lineOf(root, REPORT, "organisation: herrljunga-sm"), column: 15, severity: "error" });
    expect(found.message).toContain("No party has the id `herrljunga-sm`. Did you mean `herrljunga-sn`?");
  });
});

describe("plan build: a board's report", () => {
  it("has the board's header and money tables, no joint plan's sections, and is listed in the index; a memo about it builds", async () => {
    const root = copyExamples(PART);
    // A memo about the board's report: its Ekonomi has no joint plan's figures to take.
    const memo = read(root, "sjobacka/tjansteskrivelse-2020.md")
      .replace("about: sjobacka/plan-2020", "about: herrljunga/verksamhetsberattelse-2016")
      .replace("    document: sjobacka/plan-2020", "    document: herrljunga/verksamhetsberattelse-2016");
    write(root, "herrljunga/tjansteskrivelse.md", memo);
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, "herrljunga/verksamhetsberattelse-2016.html"), "utf8");
    const header = text(/<header class="doc-header">([\s\S]*?)<\/header>/.exec(html)![1]!);
    expect(header).toBe(
      "Verksamhetsberättelse Verksamhetsberättelse 2016-12-31 Socialnämnden Organisation Socialnämnden, Herrljunga kommun Verksamhetsår 2016 " +
        // Bokslut 2016: the memo of item 3 of the meeting, about the report (seed 001, line 338); then the memo written here, a copy of Sjöbacka's (its title is the plan's).
        "Status Beslutat 2017-02-28 av Socialnämnden (Dnr SN 109/2016) Se även Bokslut 2016; Verksamhetsplan för det gemensamma folkhälsoarbetet 2020 mellan Sjöbacka kommun och Hälso- och sjukvårdsnämnd Väst",
    );
    // The report's two parts, each with its contents; del 1 with its goals under kommunfullmäktige's, its money tables, its text and the annex.
    expect(headings(html).map((h) => `${h.level} ${h.text}`)).toEqual([
      "1 Verksamhetsberättelse 2016-12-31 Socialnämnden",
      "2 Del 1: Till kommunfullmäktige",
      "3 Innehåll",
      "3 Mål",
      "4 1. Herrljunga kommun är en kommun där det är gott att leva!",
      "4 2. Herrljunga kommun är en långsiktigt hållbar kommun!",
      "4 3. Herrljunga kommun har en tydlig och välkomnande VI-känsla!",
      "4 4. Herrljunga kommun har ett dynamiskt och lokalt förankrat näringsliv!",
      "4 5. Herrljunga kommun har en välskött kommunal ekonomi!",
      "4 6. Herrljunga kommun arbetar i enlighet med det av kommunfullmäktige fastställda personalpolitiska programmet.",
      "3 Ekonomi",
      "3 Verksamhetsbeskrivning",
      "4 Vård och omsorg",
      "5 Kvalité",
      "3 Kommentar till utfall drift",
      "4 Nämnd och förvaltningsledning",
      "4 Bistånd",
      "4 Vård och omsorg",
      "4 Socialt stöd",
      "3 Kommentar till utfall investeringar",
      "3 Bilaga målindikatorer",
      "4 1. Herrljunga kommun är en kommun där det är gott att leva!",
      "4 2. Herrljunga kommun är en långsiktigt hållbar kommun!",
      "4 3. Herrljunga kommun har en tydlig och välkomnande VI-känsla!",
      "4 4. Herrljunga kommun har ett dynamiskt och lokalt förankrat näringsliv!",
      "4 5. Herrljunga kommun har en välskött kommunal ekonomi!",
      "4 6. Herrljunga kommun arbetar i enlighet med det av kommunfullmäktige fastställda personalpolitiska programmet.",
      "2 Del 2: Endast till nämnd",
      "3 Innehåll",
      "3 Mål",
      "4 Verksamhetsmål: Lämnas ej vidare till KF",
      "4 Nämnd och förvaltningsledning inkl centralt stöd",
      "4 Bistånd",
      "4 Vård och omsorg",
      "4 Socialt stöd",
      "3 Ekonomi",
      "3 Nämnd och förvaltningsledning inkl centralt stöd",
      "4 Kommentar till utfall drift",
      "3 Bistånd",
      "4 Kommentar till utfall drift",
      "3 Bilaga målindikatorer",
      "4 Verksamhetsmål",
    ]);
    // The page's organisation is the board.
    expect(html).toContain('<p class="org">Socialnämnden, Herrljunga kommun</p>');
    const index = readFileSync(join(out, "index.html"), "utf8");
    const others = text(/<section aria-labelledby="ovriga">([\s\S]*?)<\/section>/.exec(index)![1]!);
    expect(others).toContain("Verksamhetsberättelse 2016-12-31 Socialnämnden (beslutad)");
    expect(others).toContain("Ombudgetering Investeringar 2016-12-31, Socialnämnden, Herrljunga kommun (beslutad)");
    const memoPage = readFileSync(join(out, "herrljunga/tjansteskrivelse.html"), "utf8");
    expect(memoPage).toContain('href="verksamhetsberattelse-2016.html"');
  });
});
