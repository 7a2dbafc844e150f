import { cpSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import type { Agreement } from "../src/schema/agreement.js";
import { contributionSentence, splitSentence, statedIn } from "../src/model/wording.js";
import { WORDINGS, withWordingTable } from "../src/model/wordings.js";
import { headings, listFiles, spaces, tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, EPOCH, fileTempDir, read, run, tempDir, write } from "./helpers/repo.js";
import { builtExamples as sharedBuild } from "./helpers/shared.js";

/** What these tests use of the examples: Lerum's, Sjöbacka's and Sjuhärad's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka", "sjuharad"] };

/**
 * What plan writes into a board's documents besides the author's text: worded as the seeds'
 * officials write it, the split stated once, nothing about the software. Real builds of the
 * examples and of the financiers' fixture, read back out of the HTML.
 */
const FIXTURE = resolve(import.meta.dirname, "fixtures/financiers");
const MEMO = "lerum/tjansteskrivelse-ks18-1375";

/** Builds a repository (HTML only, dated by SOURCE_DATE_EPOCH) and reads its pages. */
async function build(repo: string, extra: string[] = [], out = join(tempDir("plan-out-"), "site")) {
  const result = await run(["build", repo, "--out", out, "--no-pdf", ...extra], repo, EPOCH);
  expect(result.code, result.stderr).toBe(0);
  return { out, page: (path: string) => readFileSync(join(out, path), "utf8") };
}

let fixture: ReturnType<typeof build> | undefined;
/** The examples as they are, for the tests that only read them: the build that the test files of a run share (test/helpers/shared.ts, HTML, dated from SOURCE_DATE_EPOCH). */
const builtExamples = async () => {
  const { out, code, stderr } = await sharedBuild(false);
  expect(code, stderr).toBe(0);
  return { out, page: (path: string) => readFileSync(join(out, path), "utf8") };
};
/** The fixture as it is, built once for the tests that only read it (in a folder kept for the whole file). */
const builtFixture = () => {
  if (!fixture) {
    const dir = fileTempDir();
    cpSync(FIXTURE, join(dir, "repo"), { recursive: true });
    fixture = build(join(dir, "repo"), [], join(dir, "site"));
  }
  return fixture;
};

/** The text of a page's section under the `h2` whose text is `heading`, to the next `h2`. */
function section(html: string, heading: string): string {
  const at = html.search(new RegExp(`<h2[^>]*>${heading}</h2>`));
  expect(at, heading).toBeGreaterThan(-1);
  const next = html.slice(at + 1).search(/<h2[\s>]/);
  return text(next < 0 ? html.slice(at) : html.slice(at, at + 1 + next));
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("nothing in a board's document is addressed to the software's users", () => {
  it("no page of the examples has a colophon, a note on how figures are computed, or the software's name in its text", async () => {
    const { out, page } = await builtExamples();
    const pages = listFiles(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const path of pages) {
      const words = text(page(path).replace(/<head>[\s\S]*?<\/head>/, ""));
      expect(words, path).not.toMatch(/Framställt|beräknade? från|räknas fram|när dokumentet byggs|med plan\./);
    }
    expect(page(`${MEMO}.html`)).not.toContain('class="built"');
  });

  it("with --colophon every page ends with the colophon, dated by the build", async () => {
    const repo = copyExamples(PART);
    const { out, page } = await build(repo, ["--colophon"]);
    for (const path of listFiles(out).filter((f) => f.endsWith(".html"))) {
      expect(text(/<footer class="site">([\s\S]*?)<\/footer>/.exec(page(path))![1]!), path).toMatch(/Framställt 2019-01-09 med plan\.$/);
    }
  });
});

describe("the memo's Ekonomi", () => {
  it("Lerum: the split stated where the author stated it, as the real memo does, and nothing generated repeats it", async () => {
    const html = (await builtExamples()).page(`${MEMO}.html`);
    // Sammanfattning and Ekonomi, as in the real memo (seed 000, lines 232 and 234); no third time.
    expect(count(text(html), "hälften vardera")).toBe(2);
    expect(count(text(html), "1 000 000 kronor per år")).toBe(1);
    expect(text(html)).not.toMatch(/Fördelningsprincipen enligt avtalet|bidrar parterna/);
    const ekonomi = section(html, "Ekonomi");
    expect(ekonomi).toContain("Gemensam folkhälsobudget för verksamhetsåret 2019 (kronor)");
  });

  it("Lerum: the budget table reads as the seed's: parties as columns under their short names, then Totalt", async () => {
    const html = (await builtExamples()).page(`${MEMO}.html`);
    const table = tableByCaption(html, "Gemensam folkhälsobudget för verksamhetsåret 2019 (kronor)");
    expect(table.rows.map((r) => r.cells.map((c) => spaces(c.text)))).toEqual([
      ["Post", "HSN", "Kommun", "Totalt"],
      ["Budget 2019", "1 000 000", "1 000 000", "2 000 000"],
      ["Andel", "50 %", "50 %", "100 %"],
      ["varav kontant", "1 000 000", "650 000", "1 650 000"],
      // HSN pays nothing in kind or referred: blank, not 0; the municipality's amounts carry their notes' markers.
      ["varav schablonkostnad", "", "200 000**", "200 000"],
      ["varav hänvisat till annan budget", "", "150 000*", "150 000"],
      ["Bidrag enligt avtalet 2019", "1 000 000", "1 000 000", "2 000 000"],
    ]);
    const notes = text(/<ul class="table-notes">([\s\S]*?)<\/ul>/.exec(html.slice(html.indexOf('id="avsnitt-ekonomi"')))![1]!);
    expect(notes).toBe("* Kommunens motfinansiering hänvisas till kommunens föreningsbidrag ** Schablonkostnad för deltagande personal");
  });

  it("Lerum without the author's financing paragraph: plan writes the seed's sentences once, with the agreement's figures", async () => {
    const repo = copyExamples(PART);
    edit(
      repo,
      `${MEMO}.md`,
      /Fördelningsprincipen för finansieringen är hälften vardera för HSN och\nkommunen\. Hälso- och sjukvårdsnämnden och kommunen ersätter för perioden\n2017-2020, vardera 1 000 000 kronor per år\./,
      "",
    );
    const ekonomi = section((await build(repo)).page(`${MEMO}.html`), "Ekonomi");
    const [split, contributions] = ["split", "contributions"].map((id) => WORDINGS.find((w) => w.id === id)!.examples[0]!);
    // Seed 000 line 234 word for word, and the contributions as the seed has them with the municipality's own "kommunen".
    expect(split).toBe("Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen.");
    expect(count(ekonomi, split!)).toBe(1);
    expect(count(ekonomi, contributions!)).toBe(1);
    expect(spaces(contributions!)).toBe("HSN och kommunen ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år.");
  });

  it("Sjöbacka: the per-inhabitant split once and the yearly contributions, generated: the author gives the plan's amounts, not the agreement's", async () => {
    const html = (await builtExamples()).page("sjobacka/tjansteskrivelse-2020.html");
    const ekonomi = section(html, "Ekonomi");
    expect(spaces(ekonomi)).toContain(
      "Fördelningsprincipen för finansieringen är 14 kr per invånare och år vardera för HSN och kommunen, räknat på 15 000 invånare den 2018-12-31.",
    );
    expect(count(text(html), "Fördelningsprincipen")).toBe(1);
    expect(spaces(ekonomi)).toContain("HSN och kommunen ersätter för perioden 2019–2022, vardera 210 000 kronor per år.");
  });

  it("Sjuhärad: many financiers, a group and other money in one table, the members and the source named under it", async () => {
    const html = (await builtFixture()).page("sjuharad/tjansteskrivelse-plan-2013.html");
    const rows = tableByCaption(html, "Gemensam budget för verksamhetsåret 2013 (kronor)").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows).toEqual([
      ["Post", "Medlemskommunerna", "Varberg", "Falkenberg", "Annan finansiering", "Totalt"],
      ["Budget 2013", "14 600 000", "660 000", "462 000", "470 000", "16 192 000"],
      ["Andel", "90 %", "4 %", "3 %", "3 %", "100 %"],
      ["Bidrag enligt avtalet 2013", "14 600 000", "660 000", "462 000", "", "15 722 000"],
    ]);
    const ekonomi = spaces(section(html, "Ekonomi"));
    expect(ekonomi).toContain(
      "Medlemskommunerna: Bollebygds kommun, Borås Stad, Herrljunga kommun, Marks kommun, Svenljunga kommun, Tranemo kommun, Ulricehamns kommun och Vårgårda kommun",
    );
    expect(ekonomi).toContain("Annan finansiering: ESF-medel, Europeiska socialfonden");
    expect(ekonomi).toContain(
      "För perioden 2013–2014 ersätter Medlemskommunerna i Sjuhärad 14 600 000 kronor per år (2014: 14 673 000 kronor), Varbergs kommun 660 000 kronor per år och Falkenbergs kommun 462 000 kronor per år.",
    );
  });

  it("a memo about a report gives budget, utfall and avvikelse in a sentence", async () => {
    const repo = copyExamples(PART);
    edit(repo, "sjobacka/tjansteskrivelse-2020.md", "about: sjobacka/plan-2020", "about: sjobacka/rapport-2019");
    const ekonomi = section((await build(repo)).page("sjobacka/tjansteskrivelse-2020.html"), "Ekonomi");
    expect(ekonomi).toContain(WORDINGS.find((w) => w.id === "report-memo")!.examples[0]);
  });
});

describe("the agreement's Finansiering", () => {
  it("Lerum: the author quotes the split and the amounts; plan does not repeat them", async () => {
    const html = (await builtExamples()).page("lerum/avtal-2017-2020.html");
    expect(count(text(html), "hälften vardera")).toBe(1);
    expect(text(html)).not.toContain("Fördelningsprincipen: ");
  });

  it("Lerum without the quotes: the seed's sentences with the agreement's figures", async () => {
    const repo = copyExamples(PART);
    const file = "lerum/avtal-2017-2020.md";
    write(repo, file, read(repo, file).replace(/\n---\n[\s\S]*$/, "\n---\n"));
    const finansiering = spaces(section((await build(repo)).page("lerum/avtal-2017-2020.html"), "Finansiering"));
    expect(finansiering).toMatch(
      /^Finansiering Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen\. HSN och kommunen ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år\. Bidrag per part och år/,
    );
  });

  it("the fixture: rates joined by samt, differing amounts each with its year", async () => {
    const finansiering = section((await builtFixture()).page("sjuharad/avtal-2013-2014.html"), "Finansiering");
    for (const id of ["split-rates", "contributions-differing"]) expect(finansiering).toContain(WORDINGS.find((w) => w.id === id)!.examples[0]);
  });
});

describe("the forms of the split and the contributions", () => {
  const repo = checkRepository(resolve(import.meta.dirname, "../examples"), { cwd: process.cwd(), env: {} }).repo;
  const lerum = repo.documents.get("lerum/avtal-2017-2020")!.data as Agreement;
  const agreement = (change: Partial<Agreement>): Agreement => ({ ...lerum, ...change });

  it("an equal split said in other words counts as said", () => {
    const split = splitSentence(repo, lerum, "lerum");
    expect(statedIn("Kostnaderna delas lika mellan parterna.", split)).toBe(true);
    expect(statedIn("Parterna bidrar med hälften var.", split)).toBe(true);
    expect(statedIn("Kommunens insatser ligger på 1 000 000 kr.", split)).toBe(false);
  });

  it("an amount counts as said only as a whole figure: 1 000 000 kr is not said by 11 000 000 kr", () => {
    const contributions = contributionSentence(repo, lerum, "lerum");
    expect(statedIn("Parterna ersätter för perioden vardera 1 000 000 kronor per år.", contributions)).toBe(true);
    expect(statedIn("Parterna ersätter för perioden vardera 11 000 000 kronor per år.", contributions)).toBe(false);
    expect(statedIn("Parterna ersätter för perioden vardera 1 000 0000 kronor per år.", contributions)).toBe(false);
  });

  it("equal, in shares, between three, one financier, none, and per inhabitant for all", () => {
    expect(splitSentence(repo, lerum, "lerum").text).toBe("Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen.");
    // Outside the municipality's own documents the municipality is named.
    expect(splitSentence(repo, lerum).text).toBe("Fördelningsprincipen för finansieringen är hälften vardera för HSN och Lerums kommun.");
    expect(spaces(splitSentence(repo, agreement({ split: { rule: "shares", shares: { "hsn-vast": 60, lerum: 40 } } }), "lerum").text)).toBe(
      "Fördelningsprincipen för finansieringen är 60 % för HSN och 40 % för kommunen.",
    );
    const three = agreement({
      parties: ["hsn-vast", "lerum", "sjobacka"],
      contributions: [...lerum.contributions, { party: "sjobacka", amount: 1000000, financing: ["cash"] }],
    });
    expect(splitSentence(repo, three, "lerum").text).toBe(
      "Fördelningsprincipen för finansieringen är en tredjedel vardera för HSN, Lerums kommun och Sjöbacka kommun.",
    );
    expect(spaces(contributionSentence(repo, three, "lerum").text)).toBe(
      "HSN, Lerums kommun och Sjöbacka kommun ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år.",
    );
    const one = agreement({ parties: ["lerum"], contributions: [lerum.contributions[1]!] });
    expect(splitSentence(repo, one, "lerum").text).toBe("Lerums kommun svarar ensam för finansieringen.");
    expect(spaces(contributionSentence(repo, one, "lerum").text)).toBe("För perioden 2017–2020 ersätter Lerums kommun 1 000 000 kronor per år.");
    expect(splitSentence(repo, agreement({ split: { rule: "none" } }), "lerum").text).toBe(
      "Avtalet anger ingen fördelningsprincip; varje part bidrar med sitt belopp enligt avtalet.",
    );
    // The municipality first: the sentence still begins with a capital.
    const first = agreement({ contributions: [...lerum.contributions].reverse() });
    expect(spaces(contributionSentence(repo, first, "lerum").text)).toBe("Kommunen och HSN ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år.");
    const unequal = agreement({
      contributions: [
        { ...lerum.contributions[0]!, amount: 1100000 },
        { ...lerum.contributions[1]!, years: { 2020: 1200000 } },
      ],
    });
    expect(spaces(contributionSentence(repo, unequal, "lerum").text)).toBe(
      "För perioden 2017–2020 ersätter HSN 1 100 000 kronor per år och kommunen 1 000 000 kronor per år (2020: 1 200 000 kronor).",
    );
  });
});

describe("the README's Generated wording", () => {
  it("is the table of src/model/wordings.ts (run `npm run wording-table`)", () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../README.md"), "utf8");
    expect(withWordingTable(readme), "README.md's wording table is stale: run `npm run wording-table`").toBe(readme);
  });

  it("every example of a wording shown on every build is on its page, as written", async () => {
    const [a, b] = [await builtExamples(), await builtFixture()];
    for (const w of WORDINGS.filter((w) => !w.when)) {
      const html = listFiles(a.out).includes(w.page) ? a.page(w.page) : b.page(w.page);
      const words = w.id === "memo-headings" ? headings(html).map((h) => h.text) : [text(html)];
      for (const example of w.examples)
        expect(
          words.some((x) => x.includes(example)),
          `${w.id}: ${example}`,
        ).toBe(true);
    }
  });

  it("the assessment of a goal without a stated status", async () => {
    const repo = copyExamples(PART);
    edit(repo, "sjobacka/rapport-2019.md", "    status: partly-met\n", "");
    expect(text((await build(repo)).page("sjobacka/rapport-2019.html"))).toContain("Bedömningen grundar sig på målets indikatorer.");
  });
});
