import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { printFonts } from "../src/pdf/fonts.js";
import { printHtml } from "../src/pdf/print-html.js";
import { renderSite } from "../src/render/site.js";
import { listFiles } from "./helpers/html.js";
import { ancestor, elements, isHeaderRow, pdfPages, rowsOf, runsOf, type PdfPages, type Run } from "./helpers/pdf-pages.js";
import { browserPath, canPrint, warnIfSkipped } from "./helpers/printer.js";
import { copyExamples, edit, EPOCH, run } from "./helpers/repo.js";
import { builtExamples, copyBuiltExamples } from "./helpers/shared.js";
import { packetPathOf } from "../src/model/pages.js";

/**
 * The print rules, checked on the examples' PDFs as plan builds them (the shared build): what
 * ends and what starts every page, read back from each PDF's tagged structure and the text of
 * each page's body. The issue's cases: a caption or header row alone at the foot of a page, a
 * short table split, a blank page, a single line alone at the top of a page, the signatures
 * alone on the last page; and every glyph from the fonts plan ships.
 */

warnIfSkipped("The print rules' test", "pdf");

/**
 * Pages per document, at most. The real memo KS18.1375 is 3 pages (seed 000, line 232:
 * "TJÄNSTESKRIVELSE 1 (3)", line 236: "TJÄNSTESKRIVELSE 3 (3)") and the real plan 9 (seed 000,
 * lines 238–246: "Sida 17 av 25" to "Sida 25 av 25"); the others as they print now, so that a
 * change that makes one longer is seen.
 */
/** The end of a meeting packet's file name (`<kallelse>-handlingar.pdf`). */
const PACKET_SUFFIX = packetPathOf("");

const MOST_PAGES: Record<string, number> = {
  "lerum/tjansteskrivelse-ks18-1375.pdf": 3,
  "lerum/plan-2019.pdf": 9,
  "lerum/avtal-2017-2020.pdf": 2,
  "herrljunga/ombudgetering-investeringar-2016.pdf": 2,
  // With the list of Vård och omsorg of its Verksamhetsbeskrivning (seed 001, lines 500-513), whose figure it cites.
  "herrljunga/verksamhetsberattelse-2016.pdf": 22,
  "herrljunga/sammantrade-2017-02-28.pdf": 3,
  "lerum/ksau-2019-01-09.pdf": 4,
  "sjobacka/avtal-2019-2022.pdf": 2,
  "sjobacka/plan-2019.pdf": 6,
  "sjobacka/plan-2020.pdf": 6,
  "sjobacka/rapport-2019.pdf": 6,
  "sjobacka/tjansteskrivelse-2020.pdf": 4,
  "sjuharad/budget-2013.pdf": 6,
  "gr/programforklaring-socialchefsnatverket.pdf": 1,
  "gr/handlingsplan-natverket-2019-2020.pdf": 1,
  "gr/handlingsplan-branschrad-aldreomsorg.pdf": 1,
  "gr/handlingsplan-vardens-medarbetare.pdf": 1,
  "gr/uppfoljning-2020.pdf": 3,
  // The unit plans are two pages each in the source (seed 003: one running header within each); here the header block and larger type make three.
  "sjuharad/enhetsplaner/hallbar-regional-utveckling.pdf": 3,
  "sjuharad/enhetsplaner/infrastruktur.pdf": 3,
  "sjuharad/enhetsplaner/social-valfard-och-halsa.pdf": 3,
  "sjuharad/enhetsplaner/utbildning-kompetensutveckling.pdf": 3,
  "ale/social-investeringsfond.pdf": 4,
  "gr/fordelning-nara-vard-2020.pdf": 2,
  "herrljunga/intern-kontroll-2016.pdf": 6,
  "herrljunga/tjansteskrivelse-bokslut-2016.pdf": 1,
  "herrljunga/tjansteskrivelse-ombudgetering-2016.pdf": 1,
  "herrljunga/forslag-hagen-demenscentrum.pdf": 2,
  "herrljunga/tjansteskrivelse-intern-kontroll-2016.pdf": 2,
  // The packet's documents of items 2, 6, 7 and 9 (issue 16, the packet page by page): item 7's first memo is two pages in the seed (its "Sid 2 av 2", line 1408).
  "herrljunga/tjansteskrivelse-arbetsmiljo-chefer.pdf": 1,
  "herrljunga/forslag-uppsokande-verksamhet.pdf": 2,
  "herrljunga/tjansteskrivelse-uppsokande-verksamhet.pdf": 1,
  "herrljunga/tjansteskrivelse-anhorigstod.pdf": 1,
  "herrljunga/forslag-verksamhetslokaler.pdf": 1,
};
/**
 * Documents whose tables' rows hold pages of text (an internal-control plan's results, seed 001
 * lines 1283-1309, on five pages there): such a table cannot stand on one page, and breaks between
 * its rows and within them.
 */
const LONG_ROWS = new Set(["herrljunga/intern-kontroll-2016.pdf"]);
/** Documents that must fill exactly their number of pages, as the real one does. */
const EXACT = new Set(["lerum/tjansteskrivelse-ks18-1375.pdf"]);

const HEADINGS = ["H1", "H2", "H3", "H4", "H5", "H6"];
/** The elements whose lines are counted together: a paragraph, a list item, a cell. */
const BLOCKS = ["P", "LI", "LBody", "TD", "TH", "Caption", "BlockQuote", "Note", ...HEADINGS];

interface Printed extends PdfPages {
  pdf: string;
  pages: number;
}

const show = (run: Run | undefined) => (run ? `"${run.text.slice(0, 70)}" (${run.node.role})` : "nothing");

describe.skipIf(!canPrint)("print rules: what ends and what starts every page of the examples' PDFs", () => {
  const printed: Printed[] = [];
  let builtPath = "";
  let builtStderr = "";

  beforeAll(async () => {
    const build = await builtExamples(true);
    expect(build.code, build.stderr).toBe(0);
    builtPath = build.out;
    builtStderr = build.stderr;
    // A meeting packet joins the PDFs printed here, page for page (test/meeting.test.ts): its own pages are tested as theirs.
    for (const pdf of listFiles(build.out).filter((f) => f.endsWith(".pdf") && !f.endsWith(PACKET_SUFFIX))) {
      const path = join(build.out, pdf);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [path], { encoding: "utf8" }))![1]);
      printed.push({ pdf, pages, ...pdfPages(path, pages) });
    }
  });

  /** The runs on page `p` (0-based), in order. */
  const on = (doc: Printed, p: number) => doc.runs.filter((r) => r.page === p);

  it("prints every example, each within its number of pages: the Lerum memo in 3 like the real one, the Lerum plan in no more than the real 9", () => {
    expect(printed.map((d) => d.pdf).sort()).toEqual(Object.keys(MOST_PAGES).sort());
    const counts = Object.fromEntries(printed.map((d) => [d.pdf, d.pages]));
    for (const [pdf, most] of Object.entries(MOST_PAGES)) {
      if (EXACT.has(pdf)) expect(counts[pdf], pdf).toBe(most);
      else expect(counts[pdf], pdf).toBeLessThanOrEqual(most);
    }
  });

  it("places every text of the tagged structure on a page (what the other checks read)", () => {
    for (const doc of printed) expect(doc.runs.filter((r) => r.page < 0).map(show), doc.pdf).toEqual([]);
  });

  it("leaves no page blank or holding only the running header and the footer", () => {
    for (const doc of printed)
      for (let p = 0; p < doc.pages; p++) {
        expect(doc.bodies[p]!.trim(), `${doc.pdf}: page ${p + 1} has nothing inside its margins`).not.toBe("");
        expect(on(doc, p).length, `${doc.pdf}: page ${p + 1} holds no text of the document`).toBeGreaterThan(0);
      }
  });

  it("ends no page with a heading, a table's caption or its header row", () => {
    for (const doc of printed)
      for (let p = 0; p < doc.pages - 1; p++) {
        const last = on(doc, p).at(-1);
        if (!last) continue;
        const where = `${doc.pdf}: page ${p + 1} ends with ${show(last)}`;
        expect(ancestor(last.node, HEADINGS), where).toBeUndefined();
        expect(ancestor(last.node, ["Caption"]), where).toBeUndefined();
        const row = ancestor(last.node, ["TR"]);
        expect(row && isHeaderRow(row), where).toBeFalsy();
      }
  });

  it("prints a table of up to ten rows on one page, and a longer one with at least two of its rows on each page", () => {
    let tables = 0;
    for (const doc of printed)
      for (const table of elements(doc.root, "Table")) {
        tables++;
        const rows = rowsOf(table);
        const body = rows.filter((r) => !isHeaderRow(r));
        const pages = [...new Set(runsOf(table).map((r) => r.page))];
        const what = `${doc.pdf}: the table ${show(runsOf(table)[0])} (${body.length} rows) is on pages ${pages.map((p) => p + 1).join(", ")}`;
        if (LONG_ROWS.has(doc.pdf)) continue;
        if (body.length <= 10) expect(pages.length, what).toBe(1);
        else
          for (const p of pages) {
            const here = body.filter((r) => runsOf(r).some((run) => run.page === p));
            expect(here.length, `${what}: ${here.length} of its rows on page ${p + 1}`).toBeGreaterThanOrEqual(2);
          }
      }
    expect(tables).toBeGreaterThan(10);
  });

  it("leaves no single line of a paragraph, item or cell alone at the foot or the top of a page", () => {
    for (const doc of printed) {
      const blocks = new Map<object, Run[]>();
      for (const run of doc.runs) {
        const block = ancestor(run.node, BLOCKS) ?? run.node;
        blocks.set(block, [...(blocks.get(block) ?? []), run]);
      }
      for (const runs of blocks.values()) {
        const pages = [...new Set(runs.map((r) => r.page))];
        if (pages.length < 2) continue;
        for (const p of pages) {
          const here = runs.filter((r) => r.page === p);
          const lines = Math.max(...here.map((r) => r.lines[1])) - Math.min(...here.map((r) => r.lines[0])) + 1;
          const text = runs.map((r) => r.text).join(" ");
          expect(lines, `${doc.pdf}: one line of "${text.slice(0, 80)}" alone on page ${p + 1}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it("keeps the signatures and the end of the document with some of its last section", () => {
    for (const doc of printed) {
      const sections = elements(doc.root, "H2");
      if (sections.length === 0) continue;
      const lastSection = sections.at(-1)!.parent!;
      const lastPage = doc.pages - 1;
      expect(
        runsOf(lastSection).some((r) => r.page === lastPage),
        `${doc.pdf}: the last page holds none of the section "${runsOf(sections.at(-1)!)[0]?.text}", only ${on(doc, lastPage).map(show).join(", ")}`,
      ).toBe(true);
    }
    // The Lerum memo's signatures: on the page of its last section's list of recipients.
    const memo = printed.find((d) => d.pdf === "lerum/tjansteskrivelse-ks18-1375.pdf")!;
    const recipient = memo.runs.find((r) => r.text.includes("Karin Gertzén, verksamhetsutvecklare social hållbarhet"))!;
    const signature = memo.runs.findLast((r) => r.text.includes("Karin Gertzén"))!;
    expect(signature.page).toBe(recipient.page);
  });

  it("sets the plan's S.M.A.R.T footnote at the foot of the page that cites it, under the text that follows the citing list", () => {
    const plan = printed.find((d) => d.pdf === "lerum/plan-2019.pdf")!;
    const citing = plan.bodies.findIndex((b) => b.includes("S.M.A.R.T"));
    const body = plan.bodies[citing]!;
    const note = "S=större andel vegetabilier";
    expect(plan.bodies.filter((b) => b.includes(note))).toHaveLength(1);
    // The list cites it; the section after the list (Inflytande) comes between them on the page; nothing follows the note.
    expect(body.indexOf("Inflytande")).toBeGreaterThan(body.indexOf("S.M.A.R.T"));
    expect(body.indexOf(note)).toBeGreaterThan(body.indexOf("Inflytande"));
    expect(body.trim()).toMatch(/T=transportsnålt$/);
  });

  it("takes every glyph from the fonts plan ships: pdffonts names Noto Sans, Noto Sans Math and Noto Sans Symbols 2 alone, embedded as TrueType", () => {
    const seen = new Set<string>();
    // The meeting packets too: their running page numbers are set in Noto Sans (pdf-lib names its subset `NotoSans-Regular-<n>`).
    for (const doc of listFiles(builtPath)
      .filter((f) => f.endsWith(".pdf"))
      .map((pdf) => ({ pdf }))) {
      const fonts = execFileSync("pdffonts", [join(builtPath, doc.pdf)], { encoding: "utf8" })
        .split("\n")
        .slice(2)
        .filter(Boolean)
        .map((l) => l.trim().split(/\s+/));
      for (const cols of fonts) {
        const name = cols[0]!.replace(/^[A-Z]{6}\+/, "").replace(/-\d+$/, "");
        seen.add(name);
        expect(name, `${doc.pdf}: ${cols.join(" ")}`).toMatch(/^NotoSans(Math|Symbols2)?-(Regular|Bold|Italic|BoldItalic)$/);
        expect(cols.slice(1, 3).join(" "), `${doc.pdf}: ${name}`).toBe("CID TrueType");
        expect(cols.at(-5), `${doc.pdf}: ${name} embedded`).toBe("yes");
      }
    }
    expect(builtStderr).not.toContain("in none of the fonts");
    // The report's goal statuses ◐ ✓ ✗ and the plan's footnote arrow ↩, each from its shipped font.
    expect([...seen].sort()).toEqual(expect.arrayContaining(["NotoSans-Regular", "NotoSans-Bold", "NotoSansSymbols2-Regular"]));
  });
});

describe("print rules: the PDF's style sheet and fonts, as plan makes them", () => {
  it("draws the footer's rules only over an address: none for an organisation without one, both for Lerums kommun", () => {
    const root = copyExamples();
    const files = renderSite(checkRepository(root, { cwd: root }).repo);
    const css = (path: string) => files.find((f) => f.path === path)!.print!.css;
    // Herrljunga's socialnämnd has no address in plan.config.yaml.
    const none = css("herrljunga/verksamhetsberattelse-2016.html");
    expect(none).not.toContain("@bottom-left");
    expect(none).not.toContain("border-top");
    expect(none).toContain('"Sida " counter(page) " av " counter(pages)');
    const lerum = css("lerum/tjansteskrivelse-ks18-1375.html");
    expect(lerum).toMatch(
      /@bottom-left \{\s*content: "Postadress: Lerums kommun, 443 80 Lerum {3}Besöksadress: Bagges torg {3}Telefon: 0302-52 10 00" "\\A " "Webb: /,
    );
    expect(lerum.match(/border-top/g)).toHaveLength(2);
  });

  it("marks a table of up to ten rows, its header rows not counted, to be kept on one page", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>${i}</td></tr>`).join("");
    const page = `<!DOCTYPE html><html lang="sv"><head><title>t</title></head><body>
<table id="a"><thead><tr><th>h</th></tr><tr><th>h2</th></tr></thead><tbody>${rows(4)}</tbody><tbody>${rows(6)}</tbody></table>
<table id="b" class="budget"><tbody>${rows(5)}</tbody><tbody>${rows(6)}</tbody></table></body></html>`;
    const html = printHtml(page, "", "");
    expect(html).toContain('<table id="a" class="keep">');
    expect(html).toContain('<table id="b" class="budget">');
  });

  it("inlines only the font subsets a page uses: Noto Sans's latin always, Math for ↩ and ≈, Symbols 2 for ◐ ✓ ✗, latin-ext for Ŋ", () => {
    const fonts = printFonts();
    const families = (html: string) => [...fonts.cssFor(html).matchAll(/font-family:"([^"]+)";font-style:(\w+);font-weight:(\d+)/g)].map((m) => m[1]);
    const count = (html: string, family: string) => families(html).filter((f) => f === family).length;
    // Four faces (regular, italic, bold, bold italic) of each Noto Sans subset; a newline is no symbol.
    expect(families("Lerums kommun 1\u202f000\u00a0kr −1\u202f760 – 25 %\n")).toEqual(Array(4).fill("Noto Sans"));
    expect(count("↩", "Noto Sans Math")).toBe(1);
    expect(count("≈ ≤ →", "Noto Sans Math")).toBe(1);
    expect(count("↩", "Noto Sans Symbols 2")).toBe(0);
    expect(count("◐ ✓ ✗", "Noto Sans Symbols 2")).toBe(1);
    expect(count("◐ ✓ ✗", "Noto Sans Math")).toBe(0);
    expect(count("Ŋunnár", "Noto Sans")).toBe(8);
    for (const char of ["◐", "✓", "✗", "↩", "≈", "−", "\u202f", "Å", "Ŋ"]) expect(fonts.covers(char), char).toBe(true);
    expect(fonts.covers("\u{1F600}")).toBe(false);
  });
});

// Reads no PDF back: the browser alone.
describe.skipIf(!browserPath)("print rules: a character no shipped font has", () => {
  it("is named in a warning with the PDF it is in and what to do, and the PDF is still made", async () => {
    // Lerum's part beside the shared build: its four PDFs, of which the build prints again the two the change reaches.
    const repo = await copyBuiltExamples(true, { only: ["lerum"] });
    edit(repo, "lerum/tjansteskrivelse-ks18-1375.md", "Lerum har avtalad samverkan", "Lerum 😀 har avtalad samverkan (中)");
    const result = await run(["build", ".", "--pdf"], repo, EPOCH);
    expect(result.code, result.stderr).toBe(0);
    // The memo, and the KSAU kallelse that quotes its Sammanfattning.
    expect(result.stdout).toContain("plan: 2 PDFs rendered, 2 unchanged");
    expect(result.stderr).toContain(
      'plan: warning: lerum/tjansteskrivelse-ks18-1375.pdf: "中" (U+4E2D), "😀" (U+1F600) are in none of the fonts plan ships; the browser took them from a font of this computer, so the PDF may print them differently elsewhere or as a box. Write them in words in the document, or leave them out.',
    );
    // Only the PDFs printed now, and only what no shipped font has: ◐ ✓ ✗ in the report and the plan's ↩ are not named.
    expect(result.stderr).toContain('plan: warning: lerum/ksau-2019-01-09.pdf: "中" (U+4E2D), "😀" (U+1F600) are in none of the fonts plan ships;');
    expect(result.stderr.match(/in none of the fonts/g)).toHaveLength(2);
  });
});
