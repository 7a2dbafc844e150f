import { describe, expect, it } from "vitest";
import { checkJson, only, ofRule, type Finding } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, read, run } from "./helpers/repo.js";

/**
 * The rules' findings in Swedish (issue 19): money, references and money tables, said in plain
 * words with Swedish amounts, parties by name, at the same file:line:column as in English.
 */

const PLAN = "lerum/plan-2019.md";
const REPORT = "herrljunga/verksamhetsberattelse-2016.md";

/** Lerum's plan with money moved between the parties and a misspelt indicator; Herrljunga's report with a changed utfall. */
function repoWithFindings(): string {
  const root = copyExamples({ only: ["lerum", "herrljunga"] });
  edit(root, PLAN, "parties: { hsn-vast: 100000, lerum: 165000 }", "parties: { hsn-vast: 110000, lerum: 155000 }");
  edit(root, PLAN, "- lerum/indikatorer/narkotika-30-dagar", "- lerum/indikatorer/narkotika-30-dagarna");
  edit(root, REPORT, "{ label: Hagen etapp 4, values: [7510, ~, 7510, 0, 7510] }", "{ label: Hagen etapp 4, values: [7510, ~, 7510, 10, 7510] }");
  return root;
}

/** Line and column (1-based) of `text` on the first line holding `line`. */
function at(root: string, file: string, line: string, text: string) {
  const number = lineOf(root, file, line);
  return { file, line: number, column: read(root, file).split("\n")[number - 1]!.indexOf(text) + 1 };
}

const place = (f: Finding) => `${f.file}:${f.line}:${f.column} [${f.rule}]`;

describe("the rules' messages in Swedish", () => {
  it("says money/contribution, money/split, ref/document and money/stated-total in Swedish with --lang sv, at the places the English names", async () => {
    const root = repoWithFindings();
    const sv = await checkJson(root, ["--lang", "sv"]);
    const en = await checkJson(root, ["--lang", "en"]);
    expect(sv.code).toBe(1);
    // The same findings at the same places, whichever the language.
    expect(sv.findings.map(place)).toEqual(en.findings.map(place));

    const contribution = ofRule(sv.findings, "money/contribution");
    expect(contribution).toContainEqual(
      expect.objectContaining({
        ...at(root, PLAN, "budget:", "budget"),
        severity: "error",
        message:
          "Raderna för Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) år 2019 blir tillsammans 1 010 000 kr, men avtalet `lerum/avtal-2017-2020` anger dess bidrag till 1 000 000 kr (skillnad +10 000 kr).",
        fix: "Sänk beloppen för `hsn-vast` på raderna, eller ändra dess bidrag i avtalet.",
      }),
    );
    expect(contribution.map((f) => f.message)).toContain(
      "Raderna för Lerums kommun (`lerum`) år 2019 blir tillsammans 990 000 kr, men avtalet `lerum/avtal-2017-2020` anger dess bidrag till 1 000 000 kr (skillnad −10 000 kr).",
    );
    expect(only(sv.findings, "money/split")).toMatchObject({
      ...at(root, PLAN, "budget:", "budget"),
      message:
        "Avtalet `lerum/avtal-2017-2020` fördelar budgeten lika; av planens 2 000 000 kr blir det Hälso- och sjukvårdsnämnd Väst 1 000 000 kr och Lerums kommun 1 000 000 kr, men raderna ger Hälso- och sjukvårdsnämnd Väst 1 010 000 kr och Lerums kommun 990 000 kr.",
      fix: "Flytta belopp mellan parterna på några rader, så att planen som helhet följer fördelningen.",
    });

    expect(only(sv.findings, "ref/document")).toMatchObject({
      ...at(root, PLAN, "narkotika-30-dagarna", "lerum/indikatorer/narkotika-30-dagarna"),
      severity: "error",
      message: "Inget dokument av typen indikator har id `lerum/indikatorer/narkotika-30-dagarna`. Menade du `lerum/indikatorer/narkotika-30-dagar`?",
      fix: "Ett dokuments id är dess sökväg från arkivets rot utan `.md`, eller det `id` som dokumentet anger.",
    });

    const stated = ofRule(sv.findings, "money/stated-total");
    expect(stated).toContainEqual(
      expect.objectContaining({
        ...at(root, REPORT, "label: Hagen etapp 4", "7510]"),
        severity: "error",
        message:
          '"Hagen etapp 4", Avvikelse: Summa Budget 2016 − Utfall 2016 ger 7 500 tkr (7 510 − 10), men tabellen anger 7 510 tkr (skillnad +10 tkr, mer än de ±1 tkr som avrundningen av 2 tal som skrivs i hela tkr tillåter). Avvikelse = Summa Budget 2016 − Utfall 2016, som tabellen anger i `of`.',
        fix: "Skriv `7500`, eller rätta Summa Budget 2016 eller Utfall 2016. Om tabellen räknar varje avvikelse åt andra hållet, skriv `of: [utfall, summa]`.",
      }),
    );
    expect(stated.map((f) => f.message)).toContain(
      '"S:a investeringar gm TN", Utfall 2016: raderna blir tillsammans 3 601 tkr (3 591 + 10), men tabellen anger 3 591 tkr (skillnad −10 tkr, mer än de ±1 tkr som avrundningen av 2 rader som skrivs i hela tkr tillåter).',
    );
    // Nothing of these rules is left in English.
    const english = /\b(the|but|sum to|add up to|is not|has the id)\b/;
    for (const f of [...contribution, ...stated, only(sv.findings, "ref/document"), only(sv.findings, "money/split")]) {
      expect(f.message, place(f)).not.toMatch(english);
      expect(f.fix ?? "", place(f)).not.toMatch(english);
    }
  });

  it("prints them in Swedish in the text report too, with the rule id as it is", async () => {
    const root = repoWithFindings();
    const { code, stdout } = await run(["check", ".", "--lang", "sv"], root);
    expect(code).toBe(1);
    const { line, column } = at(root, PLAN, "narkotika-30-dagarna", "lerum/indikatorer/narkotika-30-dagarna");
    expect(stdout).toContain(
      `${PLAN}:${line}:${column}: fel [ref/document]\n    Inget dokument av typen indikator har id \`lerum/indikatorer/narkotika-30-dagarna\`. Menade du \`lerum/indikatorer/narkotika-30-dagar\`?`,
    );
    expect(stdout).toContain("åtgärd: Sänk beloppen för `hsn-vast` på raderna, eller ändra dess bidrag i avtalet.");
  });
});
