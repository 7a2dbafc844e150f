import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, only } from "./helpers/findings.js";
import { commitAll, git } from "./helpers/git.js";
import { copyExamples, edit, lineOf, run, tempDir } from "./helpers/repo.js";

/**
 * What the commands say besides findings, and the findings of the new kinds' rules, in Swedish
 * with `--lang sv` (issue 19): a refused command says why in Swedish and exits as it does in
 * English; a rule's message and fix are the catalog's Swedish, with the figures in place.
 */

const FUND = "ale/social-investeringsfond.md";
const MINUS = "\u2212";

describe("command errors in Swedish", () => {
  it("plan build into a folder that no build made: refused in Swedish with exit 2, in English without --lang, nothing written", async () => {
    const repo = copyExamples({ only: ["sjobacka"] });
    const out = join(tempDir(), "site");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const sv = await run(["build", repo, "--no-pdf", "--out", out, "--lang", "sv"], repo);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toBe(
      `plan: Utdatamappen ${out} innehåller filer som plan inte har byggt (den saknar märket .plan-build), och ett bygge ersätter hela mappen. Välj en ny eller tom mapp med --out, eller töm den här. Inget skrevs.\n`,
    );
    const en = await run(["build", repo, "--no-pdf", "--out", out], repo, { LANG: "en_GB.UTF-8" });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`plan: The output folder ${out} holds files that plan did not build (it has no .plan-build mark)`);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  it("plan new of a kind it does not draft: refused in Swedish with exit 2, from --lang or a Swedish LANG", async () => {
    const repo = copyExamples({ only: ["lerum"] });
    for (const [args, env] of [
      [["new", "budget", "--lang", "sv"], {}],
      [["new", "budget"], { LANG: "sv_SE.UTF-8" }],
    ] as const) {
      const { code, stderr } = await run([...args], repo, env);
      expect(code).toBe(2);
      expect(stderr).toBe(
        'plan: plan new skapar en verksamhetsplan (plan), en verksamhetsberättelse (rapport) eller en tjänsteskrivelse (tjansteskrivelse), inte "budget".\n',
      );
    }
    const en = await run(["new", "budget", "--lang", "en"], repo, { LANG: "sv_SE.UTF-8" });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('plan: plan new makes a plan, a report or a memo, not "budget".\n');
  });

  it("an option's value refused while the options are read is said in the language asked for, though --lang comes after it", async () => {
    const dir = tempDir("plan-init-");
    const { code, stderr } = await run(["init", dir, "--year", "27", "--lang", "sv"], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('plan: Ett år är fyra siffror, till exempel 2027; fick "27".\n');
  });

  it("commander's own errors (a misspelled command or option, a value not among the choices) in Swedish by default, exit 2; as commander writes them with --lang en", async () => {
    const dir = tempDir();
    const sv = async (args: string[]) => run(args, dir, { LANG: undefined });
    expect(await sv(["chek"])).toMatchObject({
      code: 2,
      stderr: "fel: det finns inget kommando 'chek'\n(Menade du check?)\n(kör `plan --help` för kommandona och deras flaggor)\n",
    });
    expect((await sv(["check", "--formt", "json"])).stderr).toContain("fel: det finns ingen flagga '--formt'\n(Menade du --format?)");
    expect(await sv(["check", "--format", "xml"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("fel: flaggan '--format <format>' kan inte vara 'xml'; välj 'text', 'json', 'github' eller 'codequality'."),
    });
    expect(await run(["chek", "--lang", "en"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("error: unknown command 'chek'\n(Did you mean check?)"),
    });
  });
});

describe("the new kinds' findings in Swedish", () => {
  it("fund/balance: the year and the figures in Swedish words, at the same place as in English, exit 1", async () => {
    const root = copyExamples({ only: ["ale"] });
    edit(root, FUND, "years: { 2013: 1200000, 2014: 1200000, 2015: 1200000 }", "years: { 2013: 1200000, 2014: 9000000, 2015: 1200000 }");
    const en = only((await checkJson(root)).findings, "fund/balance");
    const { code, findings } = await checkJson(root, ["--lang", "sv"]);
    expect(code).toBe(1);
    const found = only(findings, "fund/balance");
    expect(found).toMatchObject({ file: FUND, line: lineOf(root, FUND, "2014: 9000000"), column: en.column, severity: "error" });
    expect(found.message).toBe(
      `Fondens saldo blir negativt år 2014: 8 800 000 kr vid årets början, inget avsatt, 10 400 000 kr beviljat (Fotosyntes 9 000 000 kr, Star for Life 600 000 kr, MiniMili 800 000 kr), inget återbetalt, ${MINUS}1 600 000 kr vid årets slut.`,
    );
    expect(found.fix).toBe(
      "Sänk beviljade medel för 2014 med minst 1 600 000 kr, flytta en del av dem till ett senare år, eller avsätt mer kapital senast 2014.",
    );
  });

  it("form/missing and text/copied: the document named by its kind in Swedish, in the text report", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    const { code, stdout } = await run(["check", ".", "--lang", "sv"], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /sjuharad\/enhetsplaner\/infrastruktur\.md:\d+:1: varning \[form\/missing\]\n {4}Verksamhetsplanen saknar rubriken "Resultat\/uppföljning", som dess formulär `sjuharad\/formular\/enhetsplan` kräver efter "Hur mäta för att visa på lyckat resultat"\./,
    );
    expect(stdout).toContain(
      "95 % av texten i den här verksamhetsplanen är densamma som i `sjuharad/enhetsplaner/utbildning-kompetensutveckling`: den ser kopierad ut, med bara lite ändrat.",
    );
    expect(stdout).toContain("åtgärd: Skriv det som är den här verksamhetsplanens eget,");
  });
});

describe("plan diff in Swedish", () => {
  it("the headline, the money table and the document's budget lines in Swedish words, the figures as in English", async () => {
    const root = copyExamples({ only: ["lerum"] });
    git(root, "init", "-q");
    commitAll(root, "The examples");
    edit(root, "lerum/plan-2019.md", "parties: { hsn-vast: 100000, lerum: 165000 }", "parties: { hsn-vast: 150000, lerum: 165000 }");
    edit(root, "lerum/plan-2019.md", "    total: 265000\n", "    total: 315000\n");
    commitAll(root, "A change");
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD", "--lang", "sv"], root);
    expect(code).toBe(0);
    const lines = stdout.split("\n").map((l) => l.replace(/ {2,}/g, "  ").trim());
    const uncommitted = await run(["diff", "HEAD", "--lang", "sv"], root);
    expect(uncommitted.stdout.split("\n")[0]).toMatch(/^plan diff: HEAD \([0-9a-f]{7}\) → arbetskopian$/);
    expect(lines).toContain("Dokument: 1 ändrade, 0 tillagda, 0 borttagna, 0 flyttade");
    expect(lines).toContain("Pengar per avtal och år (utom överföringar)");
    expect(lines).toContain("Part  Före  Efter  Skillnad");
    expect(lines).toContain("Summa  2 000 000 kr  2 050 000 kr  +50 000 kr");
    expect(lines).toContain("Budgetposter");
    expect(lines).toContain("Summa för posten  265 000 kr  315 000 kr  +50 000 kr");
    expect(lines).toContain("Nya problem (som plan check hittar efter ändringen, inte före): 6");
    expect(lines).toContain("Fördelning");
    expect(stdout).toContain("lerum/plan-2019 följer inte längre avtalets fördelning (lerum/avtal-2017-2020, fördelning equally)");
    // The new problems' messages and fixes too, in the JSON as in the text (its field names stay as they are).
    expect(stdout).toContain("fel [money/contribution] Raderna för Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) år 2019 blir tillsammans 1 050 000 kr");
    expect(stdout).toContain("åtgärd: Sänk beloppen för `hsn-vast` på raderna, eller ändra dess bidrag i avtalet.");
    const json = await run(["diff", "HEAD~1", "HEAD", "--format", "json", "--lang", "sv"], root);
    expect(json.stdout).toContain('"message": "Raderna för Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) år 2019 blir tillsammans 1 050 000 kr');
    const markdown = await run(["diff", "HEAD~1", "HEAD", "--format", "markdown", "--lang", "sv"], root);
    expect(markdown.stdout).toContain("| Avtal | År | Part | Före | Efter | Skillnad |");
    expect(markdown.stdout).toContain("**Nya problem** (som `plan check` hittar efter ändringen, inte före): 6");
  });
});

describe("the help in Swedish", () => {
  it("plan build --help with --lang sv: commander's headings, the descriptions, defaults and choices in Swedish; in English without it; exit 0", async () => {
    const dir = tempDir("plan-help-");
    const sv = await run(["build", "--help", "--lang", "sv"], dir);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning: plan build/);
    expect(sv.stdout).toContain("Flaggor:");
    expect(sv.stdout).toMatch(/--no-pdf +bara HTML, inga PDF-filer\n/);
    expect(sv.stdout).toContain('planarkivet, eller en mapp eller fil i det (standard: ".")');
    expect(sv.stdout).toMatch(/-h, --help +visa hjälp för kommandot/);
    const check = await run(["check", "--help"], dir, { LANG: "sv_SE.UTF-8" });
    expect(check.stdout.replace(/\s+/g, " ")).toContain('utdataformat (val: "text", "json", "github", "codequality", standard: "text")');
    const en = await run(["build", "--help"], dir, { LANG: "en_GB.UTF-8" });
    expect(en.stdout).toMatch(/^Usage: plan build/);
    expect(en.stdout).toMatch(/--no-pdf +HTML only, no PDFs\n/);
  });
});
