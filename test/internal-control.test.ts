import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule } from "./helpers/findings.js";
import { headings, tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, run, tempDir } from "./helpers/repo.js";

/*
 * A board's internal-control plan and its follow-up (Herrljunga socialnämnd 2016, seed 001,
 * item 5 of the meeting of 2017-02-28): each risk scored probability × consequence on the
 * organisation's scale, the score checked, the table printed with the seed's columns.
 */

const PLAN = "herrljunga/intern-kontroll-2016.md";
const PART = { only: ["herrljunga"] };

describe("plan check: an internal-control plan", () => {
  it("the seed's plan scores every risk as its probability × consequence", async () => {
    const root = copyExamples(PART);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    expect(findings.filter((f) => f.file === PLAN)).toEqual([]);
  });

  it("a score that is not probability × consequence, or a level off the scale, is an error at its value", async () => {
    const root = copyExamples(PART);
    // Hygien: "9 (3*3)" in the seed, written 8; Kontaktpersoner at a probability the five levels do not have.
    edit(root, PLAN, 'score: 9 # "9 (3*3)"', "score: 8");
    edit(root, PLAN, '    probability: 2\n    consequence: 2\n    score: 4 # "4 (2*2)"', "    probability: 6\n    consequence: 2\n    score: 12");
    edit(root, PLAN, "      - { level: 3, label: Kännbar,", "      - { level: 4, label: Kännbar,");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const found = ofRule(findings, "risk/score");
    expect(found.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual([
      { file: PLAN, line: lineOf(root, PLAN, "{ level: 4, label: Kännbar,"), column: 18, severity: "error" },
      { file: PLAN, line: lineOf(root, PLAN, "    score: 8"), column: 12, severity: "error" },
      { file: PLAN, line: lineOf(root, PLAN, "    probability: 6"), column: 18, severity: "error" },
    ]);
    expect(found[0]!.message).toBe("The levels of Väsentlighet are numbered from 1 in order; the level at place 3 (Kännbar) is numbered 4.");
    expect(found[1]!.message).toBe("The risk `Hygien` is scored 8, but probability 3 × consequence 3 is 9.");
    expect(found[1]!.fix).toBe("Write `score: 9`, or correct the probability or the consequence.");
    // Off the scale, the score is not compared: the level is the mistake to tell.
    expect(found[2]!.message).toBe(
      "The risk `Kontaktpersoner` has probability 6, which is not on the scale: Risk runs from 1 (Osannolik) to 5 (Mycket sannolik).",
    );
  });

  it("is a document of item 5 of the kallelse: its decision's Dnr is the item's", async () => {
    const root = copyExamples(PART);
    edit(root, PLAN, "  dnr: SN 82/2015", "  dnr: SN 83/2015");
    const found = ofRule((await checkJson(root)).findings, "meeting/dnr");
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([
      `herrljunga/sammantrade-2017-02-28.md:${lineOf(root, "herrljunga/sammantrade-2017-02-28.md", "dnr: SN 82/2015")} error`,
    ]);
    expect(found[0]!.message).toContain("SN 83/2015");
  });
});

describe("plan build: an internal-control plan", () => {
  it("prints the table with the seed's five columns, each score as `6 (2 × 3)`, and the scale below it", async () => {
    const root = copyExamples(PART);
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, "herrljunga/intern-kontroll-2016.html"), "utf8");
    expect(html).toContain('<html lang="sv"');
    const table = tableByCaption(html, "Socialnämnden");
    const unbreak = (s: string) => s.replace(/\u200b/g, "");
    expect(table.rows[0]!.cells.map((c) => `${c.tag} ${unbreak(c.text)}`)).toEqual([
      "th Risk i process/rutin/system",
      "th Kontrollmoment",
      "th Risk- och väsentlighetsbedömning",
      "th Ansvarig för kontroll och rapportering",
      "th Resultat av genomförd intern kontroll",
    ]);
    const body = table.rows.slice(1);
    expect(body.map((r) => `${r.cells[0]!.text} | ${/aria-hidden="true">([^<]*)</.exec(r.cells[2]!.html)![1]}`)).toEqual([
      "Myndighetsutövning | 6 (2\u00a0×\u00a03)",
      "Dokumentation enligt socialtjänstlagen. | 6 (2\u00a0×\u00a03)",
      "Ledningssystem för systematiskt kvalitetsarbete. | 6 (2\u00a0×\u00a03)",
      "Bemötande | 6 (2\u00a0×\u00a03)",
      "Hygien | 9 (3\u00a0×\u00a03)",
      "Läkemedelshantering | 6 (2\u00a0×\u00a03)",
      "Kontaktpersoner | 4 (2\u00a0×\u00a02)",
    ]);
    // Each row is headed by its process; the score is read aloud in words; the cells keep their lists and emphasis.
    expect(body.every((r) => r.cells[0]!.tag === "th" && r.cells[0]!.attrs.includes('scope="row"'))).toBe(true);
    expect(text(body[4]!.cells[2]!.html)).toContain("9: risk 3 gånger väsentlighet 3");
    expect(body[0]!.cells[1]!.html).toContain("<li>Handläggningstid (LSS)</li>");
    expect(body[0]!.cells[4]!.html).toContain("<p>Handläggningstid/utredningstid LSS Vid tillsynsmyndigheten");
    expect(body[2]!.cells[3]!.text).toBe("TÖS/Kvalitets-samordnare MAS/Kvalitets-samordnare");
    expect(headings(html).slice(-3)).toEqual([
      { level: 2, text: "Skala för risk- och väsentlighetsbedömning" },
      { level: 3, text: "Risk" },
      { level: 3, text: "Väsentlighet" },
    ]);
    expect(text(html)).toContain("Möjlig (3) Det finns risk för att fel ska uppstå.");
    expect(text(html)).toContain("Mycket allvarlig (5) Är så stor att fel helt enkelt inte får inträffa.");
    // The kallelse names it in item 5.
    const kallelse = readFileSync(join(out, "herrljunga/sammantrade-2017-02-28.html"), "utf8");
    expect(kallelse).toContain('href="intern-kontroll-2016.html"');
  });
});
