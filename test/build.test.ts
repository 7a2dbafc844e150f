import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { tableToCsv } from "../src/rollup/format.js";
import { allRollups } from "../src/rollup/rollups.js";
import { amount, date, kr, list, pct } from "../src/render/helpers.js";
import { MarkdownRenderer } from "../src/render/markdown.js";
import { renderSite, type OutputFile } from "../src/render/site.js";
import { readTemplates, TemplateCache } from "../src/render/templates.js";
import { pagesOf } from "../src/model/pages.js";
import { writeOutputs } from "../src/write/outputs.js";
import { browserNotFoundMessage, findBrowser, usualBrowserPaths } from "../src/browser/index.js";
import { headings, listFiles, spaces, tableByCaption, tables, text } from "./helpers/html.js";
import { markdownParser } from "../src/source/load.js";
import { copyExamples, edit, EXAMPLES, read, run, tempDir, write } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

/** Builds a repository into a fresh folder (`out`) and returns it with the command's result. HTML only: the PDFs have test/pdf.test.ts. */
async function build(repo: string, env: Record<string, string | undefined> = {}, out = join(tempDir("plan-out-"), "site"), extra: string[] = []) {
  const result = await run(["build", repo, "--out", out, "--no-pdf", ...extra], repo, env);
  return { out, ...result, page: (path: string) => readFileSync(join(out, path), "utf8") };
}

/**
 * The examples as they are, for the tests that only read the output: the build that the test files of a run share
 * (test/helpers/shared.ts; HTML, dated from SOURCE_DATE_EPOCH), which none of them writes into.
 */
async function unchangedExamples(): ReturnType<typeof build> {
  const { out, code, stdout, stderr } = await builtExamples(false);
  return { out, code, stdout, stderr, page: (path: string) => readFileSync(join(out, path), "utf8") };
}

/** The Lerum 2019 budget exactly as decided (DOMAIN.md): line, total, HSN, kommun; `*`/`**` as the table's markers. */
const LERUM_2019 = [
  ["25 % tjänst för utvecklande av Föräldrastödsarbetet", "220 000", "110 000", "110 000"],
  ["Utbildningsinsatser föräldrastöd", "50 000", "50 000", ""],
  ["SROI År 7-18 i Plattform Lerum", "200 000", "100 000", "100 000**"],
  ["Informationsinsatser", "200 000", "100 000", "100 000**"],
  ["ANDT-arbete i Lerum", "265 000", "100 000", "165 000"],
  ["Actionplan utifrån resultat/analys CAN", "65 000", "65 000", ""],
  ["Interna och externa initiativ", "250 000", "100 000", "150 000*"],
  ["Totalt insatser", "1 250 000", "625 000", "625 000"],
  ["Verksamhetsutvecklare social hållbarhet/folkhälsa", "750 000", "375 000", "375 000"],
  ["Gemensam folkhälsobudget", "2 000 000", "1 000 000", "1 000 000"],
];

const DETAIL = /per insatsområde och budgetpost/;

function rowsOf(html: string) {
  return tableByCaption(html, DETAIL).rows.map((r) => r.cells.map((c) => spaces(c.text)));
}

/**
 * Lerum's documents (or Sjöbacka's), with the configuration and data/: enough for the tests that
 * change and read a page of that folder, which is the same page in the whole examples.
 */
const LERUM = { only: ["lerum"] };
const SJOBACKA = { only: ["sjobacka"] };

describe("plan build: the Lerum 2019 plan", () => {
  it("shows every budget row of the decided table with its amounts and both totals", async () => {
    const { code, stderr, page } = await unchangedExamples();
    expect(code, stderr).toBe(0);
    const html = page("lerum/plan-2019.html");
    const rows = rowsOf(html);
    for (const expected of LERUM_2019) expect(rows, expected[0]).toContainEqual(expected);
    // Same order as the decided table, grouped by intervention area, with staff after the interventions' total.
    const order = rows.map((r) => r[0]).filter((t) => LERUM_2019.some((e) => e[0] === t));
    expect(order).toEqual(LERUM_2019.map((e) => e[0]));
    const groups = tableByCaption(html, DETAIL)
      .rows.filter((r) => r.attrs.includes("group"))
      .map((r) => r.cells[0]!.text);
    expect(groups).toEqual([
      "Minska ohälsan bland unga kvinnor och män",
      "Minska andelen missbrukande kvinnor och män",
      "Flexibel pott för ökad social hållbarhet",
      "Tjänst",
    ]);
    // The footnotes explain each financing type, as the real table does.
    const notes = text(/<ul class="table-notes">([\s\S]*?)<\/ul>/.exec(html)![1]!);
    // The seed's footnotes, word for word (seed 000, line 246).
    expect(notes).toMatch(/^\* Kommunens motfinansiering hänvisas till kommunens föreningsbidrag/);
    expect(notes).toContain("** Schablonkostnad för deltagande personal");
    // Print formatting: narrow no-break spaces between thousands.
    expect(html).toContain("1\u202F250\u202F000");
    expect(html).not.toMatch(/>\s*1 250 000\s*</);
  });

  it("computes the total rows from the lines, whatever the declared totals say", async () => {
    const repo = copyExamples(LERUM);
    // The declared totals may leave their amounts out; the rows are still there, computed.
    edit(
      repo,
      "lerum/plan-2019.md",
      / {2}- label: Totalt insatser\n {4}includes: \[intervention\]\n {4}total: 1250000\n {4}parties: \{ hsn-vast: 625000, lerum: 625000 \}/,
      "  - label: Totalt insatser\n    includes: [intervention]",
    );
    // Move 10 000 kr of HSN's money from one line to another: the area's rows change, the totals do not.
    edit(
      repo,
      "lerum/plan-2019.md",
      "    total: 265000\n    parties: { hsn-vast: 100000, lerum: 165000 }",
      "    total: 275000\n    parties: { hsn-vast: 110000, lerum: 165000 }",
    );
    edit(repo, "lerum/plan-2019.md", "    total: 65000\n    parties: { hsn-vast: 65000 }", "    total: 55000\n    parties: { hsn-vast: 55000 }");
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const rows = rowsOf(page("lerum/plan-2019.html"));
    expect(rows).toContainEqual(["ANDT-arbete i Lerum", "275 000", "110 000", "165 000"]);
    expect(rows).toContainEqual(["Actionplan utifrån resultat/analys CAN", "55 000", "55 000", ""]);
    expect(rows).toContainEqual(["Totalt insatser", "1 250 000", "625 000", "625 000"]);
    expect(rows).toContainEqual(["Gemensam folkhälsobudget", "2 000 000", "1 000 000", "1 000 000"]);
  });

  it("shows goals by level, local ones by area, and one section per intervention, where the body places none of them", async () => {
    const repo = copyExamples(LERUM);
    // The plan without its directives (test/placement.test.ts has them): every part in its default place.
    write(repo, "lerum/plan-2019.md", read(repo, "lerum/plan-2019.md").replace(/^::.*\n\n/gm, ""));
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = page("lerum/plan-2019.html");
    const h = headings(html);
    expect(h.filter((x) => x.level === 1)).toHaveLength(1);
    const goalsAt = h.findIndex((x) => x.text === "Mål för det gemensamma arbetet");
    expect(h.slice(goalsAt + 1, goalsAt + 4).map((x) => x.text)).toEqual(["Nationellt mål", "Regionala mål", "Kommunens mål"]);
    expect(h.slice(goalsAt + 4, goalsAt + 8).map((x) => `${x.level}:${x.text}`)).toEqual(["4:Hälsa", "4:Kompetens", "4:Opartiskhet", "4:Övriga mål"]);
    const interventions = h
      .slice(h.findIndex((x) => x.text === "Insatser") + 1)
      .filter((x) => x.level === 3)
      .map((x) => x.text);
    expect(interventions.slice(0, 3)).toEqual([
      "Plattform Lerum - Familjecentrerat arbetssätt i samverkan för fullföljda studier",
      "ANDT-arbete i Lerum",
      "Flexibel pott för social hållbarhet",
    ]);
    const section = /<h3 id="insats-andt-arbete">[\s\S]*?<\/section>/.exec(html)![0];
    expect(text(section)).toContain("Vad? ANDT (alkohol, narkotika, dopning, tobak)-arbete i skolan");
    expect(spaces(text(section))).toContain("Budget 330 000 kr (Hälso- och sjukvårdsnämnd Väst 165 000 kr, Lerums kommun 165 000 kr)");
    expect(text(section)).toContain("Antal skolor som använt ANDT-handledning");
    expect(text(section)).toContain("Påbörjat framtagande av Actionplan");
    // The carry-over with no amount is stated once, in words (as the seed writes it), and not as an empty row of the budget table.
    expect(tableByCaption(html, DETAIL).rows.find((r) => r.cells[0]!.text.startsWith("Planering och avsatta medel"))).toBeUndefined();
    expect(text(html)).toContain(
      "Planering och avsatta medel för Plattform Lerum 2018 förs, enligt beslut på presidiedialog 2018-10-12, över till 2019. Beslutet anger inget belopp.",
    );
    // A goal's note is a footnote set after the list of the goals that cites it.
    expect(html).toMatch(
      /S.M.A.R.T<sup><a href="#malnot-ater-smart" id="malnot-ater-smart-ref" aria-label="Fotnot 1">1<\/a><\/sup>[\s\S]*?<\/ul>\n<aside id="malnot-ater-smart" class="footnote" role="doc-footnote"><p><span class="footnote-number">1<\/span> S(=|&#x3D;)större/,
    );
  });
});

describe("plan build: the tjänsteskrivelse", () => {
  it("has the layout of the real memo, its sections in order, and Ekonomi computed from the plan", async () => {
    const { code, stderr, page } = await unchangedExamples();
    expect(code, stderr).toBe(0);
    const html = page("lerum/tjansteskrivelse-ks18-1375.html");
    const header = text(/<header class="memo-header">([\s\S]*?)<\/header>/.exec(html)![1]!);
    for (const part of [
      "TJÄNSTESKRIVELSE",
      "Datum 2018-12-20",
      "Dnr KS18.1375",
      "Stab och Utveckling",
      "Karin Gertzen",
      "Verksamhetsutvecklare",
      "karin.gertzen@lerum.se",
      "Kommunstyrelsen",
    ]) {
      expect(header).toContain(part);
    }
    expect(html).toContain('href="mailto:karin.gertzen@lerum.se"');
    expect(headings(html).map((x) => `${x.level}:${x.text}`)).toEqual([
      "1:Tjänsteskrivelse om verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Lerums kommun och Hälso- och sjukvårdsnämnd Väst",
      "2:Förslag till beslut",
      "2:Sammanfattning",
      "2:Bakgrund",
      "2:Ekonomi",
      "2:Jämställdhet",
      "2:Beslutsunderlag",
      "2:Beslutet ska skickas till",
    ]);
    expect(html).toMatch(/<ol class="proposal">\s*<li>Kommunstyrelsens arbetsutskott beslutar godkänna/);
    const q = tableByCaption(html, "Jämställdhetsanalys")
      .rows.slice(1)
      .map((r) => r.cells.map((c) => c.text));
    expect(q).toEqual([
      ["Berör ärendet kvinnor, män, flickor eller pojkar?", "Ja"],
      ["Synliggör ärendet kvinnor, män, flickor och pojkar?", "Ja"],
      ["Kan ärendet få olika effekter för kvinnor och män, flickor och pojkar?", "Nej"],
      ["Hur påverkar ärendet kommunens jämställdhetsmål?", "Bidrar till att målen uppfylls"],
    ]);
    // Beslutsunderlag: the plan with its own number, linked to its rendered page.
    expect(html).toMatch(
      /<li><a href="plan-2019\.html">Verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Hälso- och sjukvårdsnämnd Väst och Lerums kommun<\/a>, KS18\.1375-1<\/li>/,
    );
    expect(text(/<div class="signatures">([\s\S]*?)<\/div>/.exec(html)![1]!)).toBe(
      "Lerums kommun Kim Erefalk Utvecklings- och hållbarhetschef Karin Gertzén Verksamhetsutvecklare",
    );

    // The parties as columns, as the seed's summary (test/wording.test.ts has the whole table and its notes).
    const ekonomi = tableByCaption(html, "Gemensam folkhälsobudget för verksamhetsåret 2019 (kronor)").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(ekonomi[0]).toEqual(["Post", "HSN", "Kommun", "Totalt"]);
    // HSN pays nothing referred: a blank cell, not 0.
    expect(ekonomi).toContainEqual(["varav hänvisat till annan budget", "", "150 000*", "150 000"]);
    const words = spaces(text(/<div class="computed">([\s\S]*?)<\/div>/.exec(html)![1]!));
    expect(words).toContain("* Kommunens motfinansiering hänvisas till kommunens föreningsbidrag");
  });

  it("follows the plan when its figures change", async () => {
    const repo = copyExamples(LERUM);
    edit(
      repo,
      "lerum/plan-2019.md",
      "lerum: { amount: 150000, financing: referred, note: Kommunens motfinansiering hänvisas till kommunens föreningsbidrag }",
      "lerum: 150000",
    );
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const ekonomi = tableByCaption(page("lerum/tjansteskrivelse-ks18-1375.html"), "Gemensam folkhälsobudget för verksamhetsåret 2019").rows.map((r) =>
      r.cells.map((c) => spaces(c.text)),
    );
    expect(ekonomi.map((r) => r[0])).not.toContain("varav hänvisat till annan budget");
    expect(ekonomi).toContainEqual(["varav kontant", "1 000 000", "800 000", "1 800 000"]);
  });

  it("shows Barnperspektiv and För kännedom till where the memo has them, and marks a draft", async () => {
    const { page } = await unchangedExamples();
    const html = page("sjobacka/tjansteskrivelse-2020.html");
    const h2 = headings(html)
      .filter((x) => x.level === 2)
      .map((x) => x.text);
    expect(h2).toEqual([
      "Förslag till beslut",
      "Sammanfattning",
      "Bakgrund",
      "Ekonomi",
      "Jämställdhet",
      "Barnperspektiv",
      "Beslutsunderlag",
      "Beslutet ska skickas till",
      "För kännedom till",
    ]);
    expect(text(html)).toContain("Utkast – tjänsteskrivelsen är inte slutlig.");
    expect(text(html)).toContain("Fiktivt exempel");
    expect(spaces(text(html))).toContain(
      "Fördelningsprincipen för finansieringen är 14 kr per invånare och år vardera för HSN och kommunen, räknat på 15 000 invånare den 2018-12-31.",
    );
  });
});

describe("plan build: a memo about a report", () => {
  it("takes Ekonomi's budget, utfall and avvikelse from the report", async () => {
    const repo = copyExamples(SJOBACKA);
    const memo = read(repo, "sjobacka/tjansteskrivelse-2020.md")
      .replace("title: Verksamhetsplan för det gemensamma folkhälsoarbetet 2020", "title: Verksamhetsberättelse för det gemensamma folkhälsoarbetet 2019")
      .replace("dnr: KS 2019/412", "dnr: KS 2020/58")
      .replace("date: 2019-11-20", "date: 2020-02-26")
      .replace("about: sjobacka/plan-2020", "about: sjobacka/rapport-2019")
      .replace(/attachments:\n( {2}.*\n)+/, "attachments:\n  - title: Verksamhetsberättelse 2019\n    document: sjobacka/rapport-2019\n");
    write(repo, "sjobacka/tjansteskrivelse-2020-rapport.md", memo);
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/tjansteskrivelse-2020-rapport.html");
    const rows = tableByCaption(html, "Budget och utfall 2019 per part").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows).toEqual([
      ["Part", "Budget", "Utfall", "Avvikelse"],
      ["Hälso- och sjukvårdsnämnd Väst", "210 000", "198 000", "12 000"],
      ["Sjöbacka kommun", "210 000", "203 500", "6 500"],
      ["Totalt", "420 000", "401 500", "18 500"],
    ]);
    expect(html).toContain('<a href="rapport-2019.html">Verksamhetsberättelse 2019</a>');
  });
});

describe("plan build: the verksamhetsberättelse", () => {
  it("shows budget, utfall and avvikelse per line and party with totals", async () => {
    const { page } = await unchangedExamples();
    const html = page("sjobacka/rapport-2019.html");
    const table = tableByCaption(html, "Budget, utfall och avvikelse 2019");
    expect(table.rows[0]!.cells.map((c) => `${c.text}${/colspan="3"/.test(c.attrs) ? "×3" : ""}`)).toEqual(["Budgetpost", "HSN×3", "Kommun×3", "Totalt×3"]);
    const rows = table.rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows).toContainEqual([
      "Föräldramöten och undervisningsmaterial ANDT",
      "30 000",
      "22 000",
      "8 000",
      "20 000",
      "14 000",
      "6 000",
      "50 000",
      "36 000",
      "14 000",
    ]);
    // Overspent: a negative deviation with a real minus sign.
    expect(rows).toContainEqual([
      "Träffpunkter för äldre (lokalhyra, fika, material)",
      "20 000",
      "20 000",
      "0",
      "30 000",
      "33 500",
      "\u22123 500",
      "50 000",
      "53 500",
      "\u22123 500",
    ]);
    expect(rows).toContainEqual(["Gemensam folkhälsobudget", "210 000", "198 000", "12 000", "210 000", "203 500", "6 500", "420 000", "401 500", "18 500"]);
    expect(text(html)).toContain("Avvikelse = budget − utfall.");
  });

  it("heads every document page alike: kind, title, draft notice, its facts, then Status and Se även", async () => {
    const { page } = await unchangedExamples();
    const header = (path: string) => {
      const html = /<header class="doc-header">([\s\S]*?)<\/header>/.exec(page(path))![1]!;
      return {
        doctype: /<p class="doctype">(.*?)<\/p>/.exec(html)![1],
        title: /<h1>(.*?)<\/h1>/.exec(html)![1],
        draft: html.includes('<p class="draft"><strong>Utkast</strong> – dokumentet är inte beslutat.</p>'),
        facts: [...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => `${m[1]}: ${text(m[2]!)}`),
      };
    };
    expect(header("sjobacka/plan-2020.html")).toMatchObject({ doctype: "Verksamhetsplan", draft: true });
    expect(header("sjobacka/plan-2020.html").facts.slice(1)).toEqual([
      "Parter: Hälso- och sjukvårdsnämnd Väst och Sjöbacka kommun",
      "Verksamhetsår: 2020",
      "Status: Utkast – inte beslutat",
      expect.stringMatching(/^Se även: Verksamhetsplan för det gemensamma folkhälsoarbetet 2020 .* \(tjänsteskrivelse KS 2019\/412\)$/),
    ]);
    const report = header("sjobacka/rapport-2019.html");
    expect(report).toMatchObject({ doctype: "Verksamhetsberättelse", draft: false });
    expect(report.facts.map((f) => f.split(":")[0])).toEqual(["Verksamhetsplan", "Avtal", "Verksamhetsår", "Status"]);
    expect(report.facts[3]).toMatch(/^Status: Beslutat \d{4}-\d\d-\d\d av /);
    const agreement = header("sjobacka/avtal-2019-2022.html");
    expect(agreement).toMatchObject({ doctype: "Samverkansavtal", draft: false });
    expect(agreement.facts.map((f) => f.split(":")[0])).toEqual(["Parter", "Avtalsperiod", "Undertecknat", "Status"]);
    expect(header("lerum/indikatorer/narkotika-30-dagar.html")).toMatchObject({
      doctype: "Indikator",
      draft: false,
      facts: [expect.stringMatching(/^Status: Beslutat/)],
    });
  });

  it("leaves a line without outcome empty, out of the utfall totals, and names it", async () => {
    const repo = copyExamples(SJOBACKA);
    // A draft: a decided report must state every outcome (report/outcome).
    edit(repo, "sjobacka/rapport-2019.md", / {2}- line: traffpunkter\n.*\n.*\n/, "");
    edit(repo, "sjobacka/rapport-2019.md", "status: decided", "status: draft");
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/rapport-2019.html");
    const rows = tableByCaption(html, "Budget, utfall och avvikelse 2019").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows).toContainEqual(["Träffpunkter för äldre (lokalhyra, fika, material)", "20 000", "", "", "30 000", "", "", "50 000", "", ""]);
    // The avvikelse sums the lines with an utfall: marked, since 210 000 − 178 000 is not 12 000.
    expect(rows).toContainEqual([
      "Gemensam folkhälsobudget",
      "210 000",
      "178 000",
      "12 000*",
      "210 000",
      "170 000",
      "10 000*",
      "420 000",
      "348 000",
      "22 000*",
    ]);
    expect(spaces(text(html))).toContain("Utfall är inte redovisat för: Träffpunkter för äldre (lokalhyra, fika, material).");
  });

  it("shows goal fulfilment as text and symbol, indicators as table and SVG chart, and the carry-over", async () => {
    const { page } = await unchangedExamples();
    const html = page("sjobacka/rapport-2019.html");
    const goals = tableByCaption(html, "Måluppfyllelse 2019")
      .rows.slice(1)
      .map((r) => r.cells[1]!);
    expect(goals.map((c) => c.text)).toEqual(["◐ Delvis uppfyllt", "✓ Uppfyllt", "– Ej bedömt", "✗ Ej uppfyllt"]);
    for (const c of goals) expect(c.html).toMatch(/^<span class="symbol" aria-hidden="true">.<\/span> \S/);

    const values = tableByCaption(html, "Andel flickor och pojkar i årskurs 9 som är behöriga till gymnasieskolans yrkesprogram: värden per år");
    expect(values.rows.map((r) => r.cells.map((c) => spaces(c.text)))).toEqual([
      ["År", "Totalt", "Kvinnor/flickor", "Män/pojkar", "Målvärde"],
      ["2017", "83,1 %", "85,4 %", "80,9 %", ""],
      ["2018", "84,0 %", "86,2 %", "81,9 %", ""],
      ["2019", "85,2 %", "87,5 %", "83,0 %", "86,0 %"],
      ["2022", "", "", "", "90,0 %"],
    ]);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      const id = /aria-labelledby="([^ ]+) ([^"]+)"/.exec(svg)!;
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(new RegExp(`<title id="${id[1]}">[^<]+</title>`));
      expect(svg).toMatch(new RegExp(`<desc id="${id[2]}">[^<]+</desc>`));
    }
    const desc = spaces(text(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svgs[0]!)![1]!));
    expect(desc).toContain("Kvinnor/flickor: 2017 85,4 %, 2018 86,2 %, 2019 87,5 %.");
    expect(desc).toContain("Målvärde: 2019 86,0 %, 2022 90,0 %.");
    // Three series, told apart by line pattern and marker shape, not by colour alone.
    expect(svgs[0]).toMatch(/<circle /);
    expect(svgs[0]).toMatch(/<rect /);
    expect(svgs[0]).toMatch(/stroke-dasharray="8 4"/);

    const carry = tableByCaption(html, "Överföring av medel från 2019").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(carry[1]).toEqual([
      "2020",
      "12 000",
      "6 500",
      "18 500",
      "Beslut på presidiedialog 2020-02-20",
      "Analys av CAN 2019 och handlingsplan för ANDT-arbetet",
    ]);
  });
});

describe("plan build: roll-ups, index and files", () => {
  it("writes every roll-up as an HTML table with a CSV file beside it", async () => {
    const repo = copyExamples();
    const { out, page } = await build(repo);
    const checked = checkRepository(repo, { cwd: repo });
    const rollups = allRollups(checked.repo);
    expect(rollups.length).toBeGreaterThan(5);
    for (const table of rollups) {
      expect(readFileSync(join(out, "sammanstallningar", `${table.name}.csv`), "utf8")).toBe(tableToCsv(table));
      const html = page(`sammanstallningar/${table.name}.html`);
      const shown = tableByCaption(html, table.caption);
      expect(shown.rows).toHaveLength(table.rows.length + 1);
      expect(html).toContain(`href="${table.name}.csv"`);
    }
    const perYear = tableByCaption(page("sammanstallningar/sjobacka-avtal-2019-2022-per-year.html"), /budget per år och part/).rows.map((r) =>
      r.cells.map((c) => spaces(c.text)),
    );
    expect(perYear[1]).toEqual([
      "2019",
      "Verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Hälso- och sjukvårdsnämnd Väst och Sjöbacka kommun",
      "210 000",
      "210 000",
      "420 000",
      "50 % / 50 %",
    ]);
  });

  it("lists every page in the index by municipality, agreement and year", async () => {
    const { out, page } = await unchangedExamples();
    const index = page("index.html");
    const h = headings(index);
    expect(
      h
        .filter((x) => x.level === 2)
        .map((x) => x.text)
        .slice(0, 2),
    ).toEqual(["Lerums kommun", "Sjöbacka kommun (fiktiv kommun)"]);
    const years = tableByCaption(index, "Dokument per år inom avtalet 2019–2022")
      .rows.slice(1)
      .map((r) => r.cells.map((c) => c.text));
    expect(years[0]!.slice(0, 4)).toEqual(["2019", "Verksamhetsplan 2019 (beslutad)", "", "Verksamhetsberättelse 2019 (beslutad)"]);
    expect(years[1]!.slice(0, 3)).toEqual(["2020", "Verksamhetsplan 2020 (utkast)", "Tjänsteskrivelse KS 2019/412, 2019-11-20 (utkast)"]);
    // A budget belongs to no agreement: it is among the other documents, with whose it is.
    expect(index).toMatch(/<a href="sjuharad\/budget-2013\.html">Budget och verksamhetsplan 2013, Sjuhärads kommunalförbund<\/a>/);
    const linked = new Set([...index.matchAll(/href="([^"#]+)"/g)].map((m) => decodeURIComponent(m[1]!)));
    const pages = listFiles(out).filter((f) => f !== "index.html" && /\.(html|csv)$/.test(f));
    expect(pages.filter((p) => !linked.has(p))).toEqual([]);
  });

  it("writes nothing from a repository with errors, and prints its diagnostics", async () => {
    const repo = copyExamples(LERUM);
    edit(repo, "lerum/plan-2019.md", "    total: 220000", "    total: 230000");
    const { code, stderr, out } = await build(repo);
    expect(code).toBe(1);
    expect(stderr).toContain("[money/line-total]");
    expect(stderr).toContain("nothing is built from a repository with errors");
    // Only what stops the build; the warnings are \`plan check\`'s to list.
    expect(stderr).not.toContain("warning [");
    expect(existsSync(out)).toBe(false);
  });

  it("names the warnings it passed over in a line per file, with their rules; --verbose lists each with its place and fix", async () => {
    const { code, stderr } = await unchangedExamples();
    expect(code).toBe(0);
    const lines = stderr.split("\n");
    const head = lines.findIndex((l) => /^plan: checked \d+ documents: \d+ warnings in \d+ files:$/.test(l));
    expect(head, stderr).toBeGreaterThanOrEqual(0);
    expect(lines).toContain("  lerum/plan-2019.md: 6 warnings (date/decided-late, goal/unfunded ×3, goal/not-split-by-sex, money/carry-over)");
    expect(stderr).toMatch(/^plan: `plan check \S+` \(or `plan build --verbose`\) shows each with its place and how to fix it\.$/m);
    // One line per file with warnings, no code frames.
    const check = await run(["check", ".", "--format", "json"], EXAMPLES);
    const files = (JSON.parse(check.stdout) as { files: number }).files;
    expect(lines.slice(head + 1, head + 1 + files).every((l) => /^ {2}\S+\.md: \d+ warnings? \(.+\)$/.test(l))).toBe(true);
    expect(stderr).not.toContain("warning [");

    const repo = copyExamples(LERUM);
    const verbose = await run(["build", ".", "--out", join(tempDir(), "site"), "--no-pdf", "--verbose"], repo);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/lerum\/plan-2019\.md:\d+:\d+: warning \[goal\/unfunded\]/);
    expect(verbose.stderr).toContain("    fix: ");
  });

  it("says on the index what the repository holds, one of a kind in the singular", async () => {
    const repo = copyExamples(LERUM);
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    expect(text(page("index.html"))).toContain(
      "1 samverkansavtal, 1 verksamhetsplan, 1 tjänsteskrivelse, 1 kallelse och 1 formulär, ordnade efter kommun, avtal och år.",
    );
    const { page: all } = await unchangedExamples();
    expect(text(all("index.html"))).toMatch(
      /\d+ samverkansavtal, \d+ verksamhetsplaner, \d+ tjänsteskrivelser, \d+ verksamhetsberättelser, \d+ budgetar, \d+ kallelser, 1 strategi, 1 flerårig plan, \d+ handlingsplaner, 1 uppföljning, \d+ formulär, 1 social investeringsfond, 1 medelsfördelning och 1 intern kontrollplan, ordnade/,
    );
  });

  it("gives byte-identical files on two builds, dated from SOURCE_DATE_EPOCH", async () => {
    const repo = copyExamples();
    const env = { SOURCE_DATE_EPOCH: "1546992000" }; // 2019-01-09
    const a = await build(repo, env, undefined, ["--colophon"]);
    const b = await build(repo, env, undefined, ["--colophon"]);
    const files = listFiles(a.out);
    expect(files).toEqual(listFiles(b.out));
    for (const f of files) expect(readFileSync(join(b.out, f)).equals(readFileSync(join(a.out, f))), f).toBe(true);
    expect(a.page("index.html")).toContain("Framställt 2019-01-09 med plan.");
    // No SOURCE_DATE_EPOCH and no git: no date at all, never the clock.
    const c = await build(repo, {}, undefined, ["--colophon"]);
    expect(text(c.page("index.html"))).toContain("Framställt med plan.");
    expect(c.page("index.html")).not.toMatch(/Framställt \d/);
    expect(listFiles(c.out).filter((f) => /\.tmp\./.test(f))).toEqual([]);
  });

  it("dates a build from the last commit of a git repository", async () => {
    const repo = copyExamples(LERUM);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: repo,
        env: { ...process.env, GIT_COMMITTER_DATE: "2020-03-11T12:00:00+01:00", GIT_AUTHOR_DATE: "2020-03-11T12:00:00+01:00" },
        stdio: "ignore",
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "examples");
    const { page } = await build(repo, {}, undefined, ["--colophon"]);
    expect(page("lerum/plan-2019.html")).toContain("Framställt 2020-03-11 med plan.");
  });

  it("renders everything before writing: a failing template leaves the previous output as it was", async () => {
    const repo = copyExamples({ only: ["sjobacka"] });
    const first = await build(repo);
    const before = first.page("index.html");
    mkdirSync(join(repo, "templates"));
    write(repo, "templates/report.hbs", "<article>{{> no-such-partial}}</article>\n");
    const second = await run(["build", repo, "--out", first.out], repo);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain("report.hbs");
    expect(first.page("index.html")).toBe(before);
    expect(listFiles(first.out).filter((f) => /\.tmp\./.test(f))).toEqual([]);
  });

  it("writes each file through a temporary file and leaves none behind when a write fails", async () => {
    const out = tempDir();
    mkdirSync(join(out, "taken.html")); // a folder where a file should go: the rename fails
    await expect(
      writeOutputs(out, [
        { path: "ok.html", content: "ok" },
        { path: "taken.html", content: "x" },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(join(out, "ok.html"), "utf8")).toBe("ok");
    expect(listFiles(out)).toEqual(["ok.html"]);
    await expect(writeOutputs(out, [{ path: "../outside.html", content: "x" }])).rejects.toThrow(/outside/);
  });

  it("says why an output folder cannot be written, without calling it a bug", async () => {
    const dir = tempDir();
    const out = join(dir, "site");
    write(dir, "site", "a file where the build needs a folder\n");
    const { code, stderr } = await run(["build", EXAMPLES, "--no-pdf", "--out", out], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`The output folder ${out} is a file, not a folder; remove it, or choose another with --out. Nothing was written.`);
    expect(stderr).not.toContain("internal error");
    expect(readFileSync(out, "utf8")).toBe("a file where the build needs a folder\n");
  });

  it("refuses an output folder that is the repository", async () => {
    const repo = copyExamples(LERUM);
    const { code, stderr } = await run(["build", repo, "--out", repo], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("is the repository or contains it");
  });
});

describe("plan build: templates", () => {
  it("takes a template or partial from the repository's templates/ folder in place of the shipped one", async () => {
    const repo = copyExamples(LERUM);
    mkdirSync(join(repo, "templates", "partials"), { recursive: true });
    write(repo, "templates/partials/doc-header.hbs", '<header class="doc-header"><p>Egen sidhuvud för {{doctype}}</p><h1>{{title}}</h1></header>\n');
    write(repo, "templates/style.css", "body { font-family: Garamond, serif; }\n");
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const plan = page("lerum/plan-2019.html");
    expect(plan).toContain("<p>Egen sidhuvud för Verksamhetsplan</p>");
    expect(plan).toContain("body{font-family: Garamond, serif}");
    expect(plan).not.toContain("--accent");
    // The other shipped templates are still used.
    expect(tableByCaption(plan, DETAIL).rows.length).toBeGreaterThan(10);
  });

  it("keeps compiled templates between builds by what they are compiled from: each file's text and where it was read", async () => {
    // The builds of the tests share one cache per worker (KEPT in test/helpers/repo.ts), as a process that builds many times would.
    const repo = copyExamples(LERUM);
    const shipped = (await build(repo)).page("lerum/plan-2019.html");
    mkdirSync(join(repo, "templates", "partials"), { recursive: true });
    const header = (words: string) => `<header class="doc-header"><p>${words} {{doctype}}</p><h1>{{title}}</h1></header>\n`;
    write(repo, "templates/partials/doc-header.hbs", header("Eget sidhuvud för"));
    expect((await build(repo)).page("lerum/plan-2019.html")).toContain("<p>Eget sidhuvud för Verksamhetsplan</p>");
    write(repo, "templates/partials/doc-header.hbs", header("Ändrat sidhuvud för"));
    expect((await build(repo)).page("lerum/plan-2019.html")).toContain("<p>Ändrat sidhuvud för Verksamhetsplan</p>");
    rmSync(join(repo, "templates"), { recursive: true });
    expect((await build(repo)).page("lerum/plan-2019.html")).toBe(shipped);
    // The same faulty template in two repositories: each build names its own file.
    for (const other of [copyExamples(LERUM), copyExamples(LERUM)]) {
      mkdirSync(join(other, "templates"));
      write(other, "templates/plan.hbs", "<article>{{> no-such-partial}}</article>\n");
      const failed = await build(other);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`The template ${join(other, "templates", "plan.hbs")} failed`);
    }
    // Compiled once for the same files, and the pages the same as without a cache.
    const cache = new TemplateCache();
    const read = () => readTemplates(join(repo, "templates"), undefined, repo);
    expect(cache.templates(read())).toBe(cache.templates(read()));
    const { repo: model } = checkRepository(repo, { cwd: repo });
    const pages = (files: OutputFile[]) => files.map((f) => [f.path, f.content]);
    expect(pages(renderSite(model, { templateCache: cache }))).toEqual(pages(renderSite(model)));
  });

  it("escapes all data: markup and template syntax in a document stay text", async () => {
    const repo = copyExamples(SJOBACKA);
    edit(
      repo,
      "sjobacka/plan-2020.md",
      "title: Verksamhetsplan för det gemensamma folkhälsoarbetet 2020",
      "title: <script>alert(1)</script> {{title}} {{{x}}} Verksamhetsplan för det gemensamma folkhälsoarbetet 2020",
    );
    edit(
      repo,
      "sjobacka/plan-2020.md",
      "\nFiktivt exempel.\n",
      '\nFiktivt exempel. Mallsyntax {{x}} och {{> layout}} är text.\n\n<script>alert("x")</script>\n\n<iframe src="https://example.com/"></iframe>\n\n<img src="x.png" onerror="alert(1)">\n\nText <b onclick="alert(1)">fet</b> slut.\n',
    );
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/plan-2020.html");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; {{title}} {{{x}}} Verksamhetsplan");
    expect(text(html)).toContain("Mallsyntax {{x}} och {{> layout}} är text.");
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|javascript:/i);
  });
});

describe("plan build: markdown bodies", () => {
  it("links documents to their pages, copies local images beside them and shows no remote image", async () => {
    const repo = copyExamples({ only: ["lerum", "sjobacka"] });
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    );
    mkdirSync(join(repo, "sjobacka", "bilder"));
    writeFileSync(join(repo, "sjobacka", "bilder", "karta.png"), png);
    edit(
      repo,
      "sjobacka/plan-2020.md",
      "\nFiktivt exempel.\n",
      "\nFiktivt exempel. Se [planen för 2019](plan-2019.md#budget), [Lerums plan](../lerum/plan-2019.md), [avtalet](lerum/avtal-2017-2020) och [rapporten][r].\n\n![Karta över Sjöbacka](bilder/karta.png)\n\n![Extern bild](https://example.com/bild.png)\n\n[r]: rapport-2019.md\n",
    );
    const { code, stderr, out, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = page("sjobacka/plan-2020.html");
    expect(html).toContain('<a href="plan-2019.html#budget">planen för 2019</a>');
    expect(html).toContain('<a href="../lerum/plan-2019.html">Lerums plan</a>');
    expect(html).toContain('<a href="../lerum/avtal-2017-2020.html">avtalet</a>');
    expect(html).toContain('<a href="rapport-2019.html">rapporten</a>');
    expect(html).toContain('<img src="bilder/karta.png" alt="Karta över Sjöbacka">');
    expect(readFileSync(join(out, "sjobacka/bilder/karta.png")).equals(png)).toBe(true);
    expect(html).not.toContain("example.com");
    expect(text(html)).toContain("[Bild: Extern bild]");
  });

  it("starts body headings at h2 under the single h1, in order, and gives body tables a caption and header scope", async () => {
    const repo = copyExamples(SJOBACKA);
    edit(
      repo,
      "sjobacka/plan-2020.md",
      "\nFiktivt exempel.\n",
      "\n# Inledning\n\nFiktivt exempel.\n\n#### Djup rubrik\n\nTabell 1. Möten per år\n\n| År | Möten |\n|---|---:|\n| 2019 | 4 |\n",
    );
    const { page } = await build(repo);
    const html = page("sjobacka/plan-2020.html");
    const h = headings(html);
    expect(h.filter((x) => x.level === 1)).toHaveLength(1);
    expect(h.find((x) => x.text === "Inledning")!.level).toBe(2);
    expect(h.find((x) => x.text === "Djup rubrik")!.level).toBe(3);
    const table = tableByCaption(html, "Tabell 1. Möten per år");
    expect(table.rows[0]!.cells.map((c) => c.attrs)).toEqual([' scope="col"', ' align="right" scope="col"']);
    expect(text(html)).not.toMatch(/Tabell 1\. Möten per år\s+Tabell 1/);
  });

  it("sanitises what the checks let through to the renderer", () => {
    const root = copyExamples(LERUM);
    const repo = checkRepository(root, { cwd: root }).repo;
    const context = { root, ignored: repo.ignored, docRelPath: "lerum/plan-2019.md", pageRelPath: "lerum/plan-2019.html", pages: pagesOf(repo) };
    const source = '[klick](javascript:alert(1)) <a href="javascript:alert(2)" onmouseover="x">a</a> [data](data:text/html,hej) [webb](https://www.lerum.se/)';
    const { html } = new MarkdownRenderer().render(markdownParser.parse(source).children, context, { idPrefix: "t-", baseDepth: 2 });
    expect(html).not.toMatch(/javascript:|onmouseover|data:text/);
    expect(text(html)).toContain("klick");
    expect(html).toContain('<a href="https://www.lerum.se/">webb</a>');
  });
});

describe("Swedish formatting and the browser finder", () => {
  it("formats kronor, percent, dates and lists for print", () => {
    expect(amount(1000000)).toBe("1\u202F000\u202F000");
    expect(amount(undefined)).toBe("");
    expect(amount(0)).toBe("0");
    expect(amount(-3500n)).toBe("\u22123\u202F500");
    expect(kr(1000000)).toBe("1\u202F000\u202F000\u00A0kr");
    expect(pct(0.25)).toBe("25\u00A0%");
    expect(pct(0.5)).toBe("50\u00A0%");
    expect(date("2018-12-20")).toBe("2018-12-20");
    expect(list(["HSN", "Lerums kommun", "Sjöbacka kommun"])).toBe("HSN, Lerums kommun och Sjöbacka kommun");
  });

  it("finds the browser from --browser, PUPPETEER_EXECUTABLE_PATH, then the usual places", () => {
    const none = () => false;
    expect(findBrowser({ explicit: "/opt/x/chrome", env: { PUPPETEER_EXECUTABLE_PATH: "/env/chrome" }, isExecutable: none })).toBe("/opt/x/chrome");
    expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: "/env/chrome" }, isExecutable: none })).toBe("/env/chrome");
    expect(findBrowser({ env: {}, platform: "linux", isExecutable: (p) => p === "/usr/bin/google-chrome-stable" })).toBe("/usr/bin/google-chrome-stable");
    expect(findBrowser({ env: {}, platform: "linux", isExecutable: none })).toBeUndefined();
    expect(usualBrowserPaths("linux", {})).toEqual(
      expect.arrayContaining(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/microsoft-edge"]),
    );
    expect(usualBrowserPaths("darwin", {})).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(usualBrowserPaths("win32", { PROGRAMFILES: "C:\\Program Files" })).toContain("C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe");
    const message = browserNotFoundMessage();
    for (const part of ["apt-get install chromium", "npx @puppeteer/browsers install chrome-headless-shell", "PUPPETEER_EXECUTABLE_PATH", "--browser"])
      expect(message).toContain(part);
  });
});

describe("plan build: every page", () => {
  it("is standalone, Swedish and structured: lang, one h1, headings in order, captions and scopes", async () => {
    const { out } = await unchangedExamples();
    const pages = listFiles(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const path of pages) {
      const html = readFileSync(join(out, path), "utf8");
      expect(html, path).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
      expect(html, path).not.toMatch(/<script|<link |<iframe|@import|url\(/i);
      expect(html, path).not.toMatch(/(src|srcset|poster|data)="(https?:)?\/\//i);
      const h = headings(html);
      expect(
        h.filter((x) => x.level === 1),
        path,
      ).toHaveLength(1);
      expect(h[0]!.level, path).toBe(1);
      h.forEach((x, i) => i && expect(x.level, `${path}: ${x.text}`).toBeLessThanOrEqual(h[i - 1]!.level + 1));
      for (const t of tables(html)) {
        expect(t.caption, path).not.toBe("");
        for (const row of t.rows)
          for (const c of row.cells.filter((c) => c.tag === "th"))
            expect(c.attrs, `${path}: ${t.caption}: ${c.text}`).toMatch(/scope="(col|row|rowgroup|colgroup)"/);
      }
    }
    expect(read(out, "lerum/plan-2019.html")).toContain("<style>");
  });
});
