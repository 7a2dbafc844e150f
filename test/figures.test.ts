import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, read, run, tempDir } from "./helpers/repo.js";

/*
 * Figures cited in prose (`:figure{…}`): computed from the document's tables, budget lines and
 * goal indicators, printed in the unit asked for; unknown references are errors at the directive,
 * and a figure written by hand beside a cited one that contradicts it is a warning.
 */

const REPORT = "herrljunga/verksamhetsberattelse-2016.md";
const PART = { only: ["herrljunga"] };

/** The line and column (1-based) where `text` starts in `file`. */
function placeOf(root: string, file: string, text: string): { line: number; column: number } {
  const line = lineOf(root, file, text);
  return { line, column: read(root, file).split("\n")[line - 1]!.indexOf(text) + 1 };
}

const NETTO = "table=organisatorisk-fordelning row=Nettokostnad col=utfall from=bokslut-2015";

describe("plan check: figures cited in prose", () => {
  it("warns of the seed's two slips at the text in the brackets, and of nothing else in the example", async () => {
    const root = copyExamples(PART);
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "body/figure")).toEqual([]);
    const warned = ofRule(findings, "body/figure-text");
    const tkr = placeOf(root, REPORT, "2,7 tkr]");
    const share = placeOf(root, REPORT, "28 %]");
    expect(warned.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual([
      { file: REPORT, ...share, severity: "warning" },
      { file: REPORT, ...tkr, severity: "warning" },
    ]);
    expect(warned[0]!.message).toBe(
      'The text says "28 %" where the cited figure is 18\u00a0% (Kontinuitet i hemtjänst enligt den nationella mätning som görs. (Andel brukare som möter fler än 20 personal under 14 dagar), value of 2016: 18\u00a0%).',
    );
    expect(warned[0]!.fix).toBe('Write `:figure[18 %]{goal="7:1" indicator=1 year=2016}`, or correct the data; the page prints 18\u00a0%.');
    expect(warned[1]!.message).toBe(
      'The text says "2,7 tkr" where the cited figure is 2,7\u00a0mnkr (Nettokostnad, Utfall 2016 − Bokslut 2015 in Organisatorisk fördelning: 177\u202f246 − 179\u202f992 = −2\u202f746 tkr).',
    );
    expect(warned[1]!.fix).toBe(`Write \`:figure[2,7 mnkr]{${NETTO} unit=mnkr abs}\`, or correct the data; the page prints 2,7\u00a0mnkr.`);
  });

  it("an unknown table, row, column, goal, year or attribute is an error at the directive, with the names it has", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "(:figure[1,5%]{table=organisatorisk-fordelning row=Nettokostnad", "(:figure[1,5%]{table=organisatorisk-fordelning row=Nettokostnader");
    edit(root, REPORT, ":figure[3 250 tkr]{table=investeringar row=egna col=avvikelse}", ":figure[3 250 tkr]{table=investering row=egna col=avvikelse}");
    edit(
      root,
      REPORT,
      ":figure[9 609 tkr]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelse}",
      ":figure[9 609 tkr]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelser}",
    );
    edit(root, REPORT, ':figure[28 %]{goal="7:1" indicator=1 year=2016}', ':figure[28 %]{goal="7:1" year=2016}');
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const errors = ofRule(findings, "body/figure");
    const at = (text: string) => ({ file: REPORT, ...placeOf(root, REPORT, text), severity: "error" });
    expect(errors.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual([
      at(':figure[28 %]{goal="7:1" year=2016}'),
      at(":figure[9 609 tkr]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelser}"),
      at(":figure[1,5%]{table=organisatorisk-fordelning row=Nettokostnader"),
      at(":figure[3 250 tkr]{table=investering"),
    ]);
    expect(errors[0]!.message).toContain("The goal `7:1` has 2 indicators; the figure does not say which.");
    expect(errors[0]!.fix).toContain("`indicator=1` (Kontinuitet i hemtjänst");
    expect(errors[1]!.message).toContain(
      "The table `organisatorisk-fordelning` has no column `avvikelser`; it has `bokslut-2014`, `bokslut-2015`, `budget`, `utfall`, `avvikelse`.",
    );
    expect(errors[1]!.fix).toBe("Write `col=avvikelse`.");
    expect(errors[2]!.message).toContain("The table `organisatorisk-fordelning` has no row `Nettokostnader`.");
    expect(errors[2]!.fix).toBe("Write `row=Nettokostnad`.");
    expect(errors[3]!.message).toContain(
      "has no money table `investering`; it has `organisatorisk-fordelning`, `investeringar`, `forvaltningsledning`, `bistand`.",
    );
    expect(errors[3]!.fix).toBe("Write `table=investeringar`.");
    // The warning of a figure that cannot be computed is not given: its error is.
    expect(ofRule(findings, "body/figure-text").map((f) => f.line)).toEqual([lineOf(root, REPORT, ":figure[2,7 tkr]")]);
  });

  it("more errors at the directive: a blank cell, a year without a value, an attribute it does not take, a plan's unknown line", async () => {
    const root = copyExamples({ only: ["herrljunga", "lerum"] });
    const added = [
      "",
      "Arkiv :figure{table=investeringar row=Arkiv col=ursprung}.",
      "",
      'Mål :figure{goal="6:1" year=2013}.',
      "",
      "Tabell :figure{table=investeringar row=egna col=avvikelse colum=utfall}.",
      "",
    ].join("\n");
    edit(root, REPORT, "## Kommentar till utfall investeringar\n", `## Kommentar till utfall investeringar\n${added}`);
    const plan = "lerum/plan-2019.md";
    const anchor = "påverkbara hälsoklyftorna inom en generation.";
    edit(root, plan, anchor, `${anchor} SROI: :figure{line=sroi party=hsn-vast}, :figure{line=srio}.`);
    const errors = ofRule((await checkJson(root)).findings, "body/figure");
    const messages = errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} fix: ${f.fix}`);
    expect(messages).toEqual([
      `${REPORT}:${placeOf(root, REPORT, ":figure{table=investeringar row=Arkiv").line}:7 \`:figure{table=investeringar row=Arkiv col=ursprung}\`: The cell of \`Arkiv\` under \`Ursprungs budget 2016\` is blank: there is no figure to cite (blank is not 0). fix: Cite a cell with a figure, or write the text without one.`,
      `${REPORT}:${placeOf(root, REPORT, ':figure{goal="6:1" year=2013}').line}:5 \`:figure{goal="6:1" year=2013}\`: The indicator has no value for \`2013\` (Minskat antal sjukfrånvarodagar per anställd. Total sjukfrånvaro). fix: Write \`year=2014\`.`,
      `${REPORT}:${placeOf(root, REPORT, "colum=utfall").line}:8 \`:figure{table=investeringar row=egna col=avvikelse colum=utfall}\`: A figure takes no \`colum\`; it takes \`table\`, \`row\`, \`col\`, \`from\`, \`line\`, \`party\`, \`goal\`, \`indicator\`, \`year\`, \`target\`, \`sex\`, \`part\`, \`unit\`, \`decimals\`, \`abs\`. fix: Write \`col\`.`,
      `${plan}:${placeOf(root, plan, ":figure{line=srio}").line}:${placeOf(root, plan, ":figure{line=srio}").column} \`:figure{line=srio}\`: The plan has no budget line \`srio\`. fix: Write \`line=sroi\`.`,
    ]);
  });

  it("a hand-written figure in the sentence with the cited figure's digits in another unit is a unit slip; other figures beside it are not compared", async () => {
    const root = copyExamples(PART);
    const added = [
      "",
      `Nettokostnaderna minskade med 2,7 tkr (:figure{${NETTO} unit=mnkr abs}), av budgeten 186 855 tkr återstod nästan 2 mnkr.`,
      "",
      `Andelen gick från 44 % till :figure{goal="7:1" indicator=1 year=2016} mot målet :figure[10 %]{goal="7:1" indicator=1 year=2016 target}. Nästa mening nämner 2,7 tkr.`,
      "",
      `Resultatet :figure[+9 609 tkr]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelse} och :figure[-9 609 tkr]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelse}.`,
      "",
      // Without a unit, the figure is read in the unit the cited one is printed in.
      `Överskottet :figure[9 609]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelse} tkr och :figure[9,6]{table=organisatorisk-fordelning row=Nettokostnad col=avvikelse unit=mnkr} mnkr.`,
      "",
    ].join("\n");
    edit(root, REPORT, "## Kommentar till utfall investeringar\n", `## Kommentar till utfall investeringar\n${added}`);
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "body/figure")).toEqual([]);
    const warned = ofRule(findings, "body/figure-text").filter((f) => f.line > lineOf(root, REPORT, "## Kommentar till utfall investeringar"));
    expect(warned.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `${placeOf(root, REPORT, "2,7 tkr (").line}:${placeOf(root, REPORT, "2,7 tkr (").column} "2,7 tkr" stands beside the cited figure 2,7\u00a0mnkr with its digits but in tkr: a unit slip (Nettokostnad, Utfall 2016 − Bokslut 2015 in Organisatorisk fördelning: 177\u202f246 − 179\u202f992 = −2\u202f746 tkr).`,
      // A sign written is compared: the avvikelse is +9 609, not −9 609.
      `${placeOf(root, REPORT, "-9 609 tkr]").line}:${placeOf(root, REPORT, "-9 609 tkr]").column} The text says "-9 609 tkr" where the cited figure is 9\u202f609\u00a0tkr (Nettokostnad, Avvikelse in Organisatorisk fördelning: 9\u202f609 tkr).`,
    ]);
    expect(warned[0]!.fix).toBe(`Write 2,7 mnkr, or cite it: \`:figure{${NETTO} unit=mnkr abs}\`.`);
  });
});

describe("plan build: figures cited in prose", () => {
  it("prints each cited figure computed, in the unit asked for, the Swedish way", async () => {
    const root = copyExamples(PART);
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, REPORT.replace(/\.md$/, ".html")), "utf8");
    expect(html).toContain("förvaltningens nettokostnader minskat med 2,7\u00a0mnkr (1,5\u00a0% lägre kostnader jämfört med 2015)");
    expect(html).toContain("Under 2016 är det 18\u00a0% av brukarna som haft mer än 20 olika personal");
    expect(html).toContain("Socialnämnden gör ett positivt resultat på 9\u202f609\u00a0tkr.");
    expect(html).toContain("visar ett överskott med 3\u202f250\u00a0tkr.");
    expect(html).not.toContain(":figure");
    expect(html).not.toContain("2,7 tkr");
    expect(html).not.toContain("28 %");
  });
});
