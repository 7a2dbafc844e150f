import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTempsElsewhere, makeBrowserFolders, removeBrowserFolders } from "../src/browser/temp.js";
import { checkRepository } from "../src/check/check.js";
import { runBuild, type BuildOptions } from "../src/commands/build.js";
import { reportError } from "../src/commands/main.js";
import { CACHE_FILE } from "../src/pdf/cache.js";
import { BrowserKeeper } from "../src/pdf/keeper.js";
import { renderPdfs, type RenderResult } from "../src/pdf/render.js";
import { parseShard, shareOf } from "../src/pdf/shard.js";
import { reproducible } from "../src/pdf/reproducible.js";
import { cssString } from "../src/render/helpers.js";
import { pagesOf } from "../src/model/pages.js";
import { listedDocuments } from "../src/model/repository.js";
import { renderSite } from "../src/render/site.js";
import { listFiles, spaces } from "./helpers/html.js";
import { browserPath, canPrint, warnIfSkipped } from "./helpers/printer.js";
import { BROWSERS, copyExamples, copyExamplesTo, edit, EPOCH, KEPT, run, tempDir } from "./helpers/repo.js";
import { builtExamples, EXAMPLE_PDFS, type ExamplesBuild } from "./helpers/shared.js";
import { startWatch } from "./helpers/watch.js";
import { removeLeftovers } from "../src/write/leftovers.js";

warnIfSkipped("The PDF test", "pdf");

const MEMO = "lerum/tjansteskrivelse-ks18-1375";
const PLAN = "lerum/plan-2019";

/** The text of each page of a PDF, as pdftotext reads it (pages end with a form feed), spaces made plain. */
function pageTexts(pdf: string, layout = false): string[] {
  const text = execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f");
  if (pages.at(-1)!.trim() === "") pages.pop();
  return pages.map(spaces);
}

function pdfinfo(pdf: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-enc", "UTF-8", pdf], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** The fonts of a PDF as pdffonts lists them: name and whether it is embedded. */
function pdffonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // Columns from the right: emb sub uni object ID.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes" };
  });
}

/** PDF text strings (`(…)` with escapes, or `<FEFF…>` UTF-16) after a key, from the uncompressed objects. */
function pdfStrings(pdf: string, key: string): string[] {
  const raw = readFileSync(pdf).toString("latin1");
  const found: string[] = [];
  for (const m of raw.matchAll(new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`, "g"))) {
    const s = m[1]!;
    if (s.startsWith("<")) {
      const hex = s.slice(1, -1).replace(/\s/g, "");
      const bytes = Buffer.from(hex, "hex");
      found.push(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString("utf16le") : bytes.toString("latin1"));
    } else found.push(s.slice(1, -1).replace(/\\([()\\])/g, "$1"));
  }
  return found;
}

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(p.slice(dir.length + 1), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

/** `plan build` in-process with the test hooks; stdout, stderr and what the printer reported. */
async function build(repo: string, options: BuildOptions & { out: string }, env: Record<string, string | undefined> = {}, tty = false) {
  let stdout = "";
  let stderr = "";
  const results: RenderResult[] = [];
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
    env: { NO_COLOR: "1", LANG: "en", ...env },
    cwd: repo,
  };
  // As the command line reports a failure: its message, no stack.
  const code = await runBuild(repo, { ...KEPT, ...options, hooks: { ...options.hooks, finished: (r) => results.push(r) } }, io).catch((error: unknown) =>
    reportError(error, io),
  );
  return { code, stdout, stderr, blocked: results.flatMap((r) => r.blocked) };
}

/** The kinds whose pages get no PDF: an indicator's page and a form's are read on screen. Every other kind's page is printed. */
const UNPRINTED = new Set(["indicator", "form"]);

/** The pages that get a PDF: every document's but those of the kinds that are not printed. */
function printedPages(repo: string): string[] {
  const { repo: r } = checkRepository(repo, { cwd: repo });
  const pages = pagesOf(r);
  return listedDocuments(r)
    .filter((e) => !UNPRINTED.has(e.kind))
    .map((e) => pages.byId.get(e.id)!)
    .sort();
}

/** How many PDFs the examples give: their plans, memos, reports, agreements, budget documents, kallelser, plan hierarchies, funds and allocations. */
const PRINTED = EXAMPLE_PDFS;

/**
 * The tests of a mechanism print a part of the examples (copyExamples), beside the whole build
 * (previousOutput), whose PDFs of the part a build there keeps: Lerum's plan, memo, agreement and
 * kallelse, or Sjöbacka's two plans, report, memo and agreement.
 */
const LERUM = { only: ["lerum"] };
const LERUM_PDFS = 4;
const SJOBACKA_PDFS = 5;
/** The part that shows a build printing again what changed: Lerum's four PDFs and Sjöbacka's five. */
const CHANGED = { only: ["lerum", "sjobacka"] };
const CHANGED_PDFS = LERUM_PDFS + SJOBACKA_PDFS;
/** The part printed again to show that a build gives the same bytes: Lerum's four PDFs and packet, GR's six PDFs. */
const REPRODUCED = { only: ["lerum", "gr"] };
const REPRODUCED_PDFS = 10;

/** The meeting packets joined from the PDFs (test/meeting.test.ts), which are no page's PDF. */
const PACKETS = ["herrljunga/sammantrade-2017-02-28-handlingar.pdf", "lerum/ksau-2019-01-09-handlingar.pdf"];

/** The PDFs of pages in an output folder: every PDF but the meeting packets. */
const pagePdfs = (dir: string) => listFiles(dir).filter((f) => f.endsWith(".pdf") && !PACKETS.includes(f));

// The examples built with their PDFs (two jobs, SOURCE_DATE_EPOCH), once for all the test files of a run: the first
// describe's tests read what the build said and did, and read and change a copy of its output (`out`); the build's own
// output (`pristine`) is the previous output of the tests that print one changed document.
let site: string;
let repo: string;
let out: string;
let pristine: string;
let first: ExamplesBuild;

beforeAll(async () => {
  if (!canPrint) return;
  site = mkdtempSync(join(tmpdir(), "plan-pdf-"));
  repo = join(site, "repo");
  copyExamplesTo(repo);
  first = await builtExamples(true);
  pristine = first.out;
  out = join(site, "out");
  cpSync(pristine, out, { recursive: true });
});
afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

/**
 * A fresh output folder holding the examples' first build, PDFs and their cache included: built
 * into with SOURCE_DATE_EPOCH, a copy of the examples prints again only the PDFs a change reaches.
 */
function previousOutput(): string {
  const dir = join(tempDir(), "out");
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

describe("PDF: the examples, built once", () => {
  it.skipIf(!canPrint)("writes a PDF beside the HTML of every plan, memo, report, agreement and budget, blocking no request", () => {
    expect(first.code, first.stderr).toBe(0);
    const expected = printedPages(repo).map((p) => p.replace(/\.html$/, ".pdf"));
    expect(expected.length).toBe(PRINTED);
    const pdfs = pagePdfs(out);
    expect(pdfs).toEqual(expected);
    for (const packet of PACKETS) expect(existsSync(join(out, packet)), packet).toBe(true);
    for (const pdf of pdfs) expect(existsSync(join(out, pdf.replace(/\.pdf$/, ".html"))), pdf).toBe(true);
    expect(first.stdout).toContain(`plan: ${PRINTED} PDFs rendered, 0 unchanged`);
    expect(first.blocked).toEqual([]);
    // No staging folder or temporary file is left.
    expect(readdirSync(out).filter((f) => f.startsWith(".plan-pdf-"))).toEqual([]);
    expect(listFiles(out).filter((f) => /\.tmp/.test(f))).toEqual([]);
  });

  it.skipIf(!canPrint)("the memo carries TJÄNSTESKRIVELSE n (m), Datum and Dnr and the organisation's footer on every page", () => {
    const pdf = join(out, `${MEMO}.pdf`);
    const pages = pageTexts(pdf);
    const info = pdfinfo(pdf);
    expect(Number(info["Pages"])).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`TJÄNSTESKRIVELSE ${i + 1} (${pages.length})`);
      expect(text, `page ${i + 1}`).toMatch(/Datum 2018-12-20\s+Dnr KS18\.1375/);
      expect(text, `page ${i + 1}`).toContain("Lerums kommun");
      expect(text, `page ${i + 1}`).toContain("Org.nr: 212000-1447");
      expect(text, `page ${i + 1}`).toContain("Besöksadress: Bagges torg");
    });
    const all = pages.join("\n");
    expect(pages[0]).toContain("Förslag till beslut");
    expect(pages[0]).toContain("Stab och Utveckling");
    for (const heading of ["Sammanfattning", "Bakgrund", "Ekonomi", "Jämställdhet", "Beslutsunderlag", "Beslutet ska skickas till"])
      expect(all).toContain(heading);
    // Computed, not typed: Ekonomi's table from the plan, the parties as columns (HSN, Kommun, Totalt).
    expect(pageTexts(pdf, true).join("\n")).toMatch(/Budget 2019\s+1\s000\s000\s+1\s000\s000\s+2\s000\s000/);
  });

  it.skipIf(!canPrint)("is tagged, titled, Swedish, with an outline from the headings, and the shipped font embedded", () => {
    for (const page of [MEMO, PLAN, "sjobacka/rapport-2019", "lerum/avtal-2017-2020"]) {
      const pdf = join(out, `${page}.pdf`);
      const info = pdfinfo(pdf);
      expect(info["Tagged"], page).toBe("yes");
      expect(info["Page size"], page).toContain("(A4)");
      const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(out, `${page}.html`), "utf8"))![1]!;
      expect(info["Title"], page).toBe(title.replace(/&amp;/g, "&"));
      expect(pdfStrings(pdf, "Lang"), page).toContain("sv");
      const fonts = pdffonts(pdf);
      expect(fonts.map((f) => f.name).join(" "), page).toMatch(/\+NotoSans-Regular\b/);
      expect(fonts.map((f) => f.name).join(" "), page).toMatch(/\+NotoSans-Bold\b/);
      expect(
        fonts.filter((f) => !f.embedded),
        page,
      ).toEqual([]);
    }
    const outline = pdfStrings(join(out, `${MEMO}.pdf`), "Title");
    for (const heading of ["Förslag till beslut", "Sammanfattning", "Ekonomi", "Jämställdhet", "Beslutsunderlag"]) expect(outline).toContain(heading);
  });

  it.skipIf(!canPrint)("prints a follow-up's statuses as words beside their symbols, from the embedded symbol font", () => {
    const pdf = join(out, "gr/uppfoljning-2020.pdf");
    const fonts = pdffonts(pdf);
    expect(fonts.map((f) => f.name).join(" ")).toMatch(/\+NotoSansSymbols2-Regular\b/);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const text = pageTexts(pdf, true).join("\n");
    for (const status of ["✓ Uppfyllt", "◐ Delvis uppfyllt", "✗ Ej uppfyllt", "– Ej bedömt"]) expect(text).toContain(status);
    expect(text).toMatch(/Branschråd för äldreomsorg\s+◐ Delvis uppfyllt\s+4 aktiviteter: 2/);
  });

  it.skipIf(!canPrint)("the plan holds the Lerum totals, a running title and Sida n av m on every page, and keeps table rows whole", () => {
    const pdf = join(out, `${PLAN}.pdf`);
    const pages = pageTexts(pdf);
    expect(Number(pdfinfo(pdf)["Pages"])).toBe(pages.length);
    // Read as laid out, a table row is one line: the label and its amounts.
    const layout = pageTexts(pdf, true);
    const lines = layout.join("\n").split("\n");
    expect(lines.some((l) => /Totalt insatser\s+1 250 000\s+625 000\s+625 000\s*$/.test(l))).toBe(true);
    expect(lines.some((l) => /Gemensam folkhälsobudget\s+2 000 000\s+1 000 000\s+1 000 000\s*$/.test(l))).toBe(true);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(text, `page ${i + 1}`).toContain("Verksamhetsplan för det gemensamma folkhälsoarbetet 2019");
      expect(text, `page ${i + 1}`).toContain("Postadress: Lerums kommun, 443 80 Lerum");
    });
    // Each budget row sits on one page, its amounts on the line where its label starts; the header row is on every page the table is on.
    const rows = [
      ["25 % tjänst för", "220 000", "110 000", "110 000"],
      ["ANDT-arbete i Lerum", "265 000", "100 000", "165 000"],
      ["Interna och externa", "250 000", "100 000", "150 000"],
      ["Verksamhetsutvecklare social", "750 000", "375 000", "375 000"],
    ];
    const tablePages = new Set<number>();
    for (const [label, ...amounts] of rows) {
      const at = layout.findIndex((p) => p.split("\n").some((line) => line.includes(label!) && new RegExp(amounts.join("\\s+")).test(line)));
      expect(at, label).toBeGreaterThanOrEqual(0);
      tablePages.add(at);
    }
    for (const at of tablePages) expect(layout[at], `page ${at + 1}`).toContain("Insatsområde och budgetpost");
  });

  // The first build, made with two jobs, is the other build to compare with. A part of the examples, printed again into an
  // empty folder with one job: Lerum's plan, memo, agreement and kallelse with its meeting packet, and GR's allocation,
  // action plans, programme and follow-up (its statuses in the symbol font); the tests of print.test.ts read every PDF.
  it.skipIf(!canPrint)("gives byte-identical PDFs on two builds of the same input, dated from SOURCE_DATE_EPOCH", async () => {
    const part = copyExamples(REPRODUCED);
    const other = join(site, "again");
    const b = await build(part, { out: other, pdf: true, jobs: "1" }, EPOCH);
    expect(b.code, b.stderr).toBe(0);
    const pdfs = pagePdfs(other);
    expect(pdfs).toEqual(pagePdfs(out).filter((pdf) => REPRODUCED.only.some((folder) => pdf.startsWith(`${folder}/`))));
    expect(pdfs).toHaveLength(REPRODUCED_PDFS);
    for (const pdf of pdfs) expect(readFileSync(join(out, pdf)).equals(readFileSync(join(other, pdf))), pdf).toBe(true);
    // The meeting packet too: joined from identical PDFs, dated from the same day.
    const packet = PACKETS.find((p) => p.startsWith("lerum/"))!;
    expect(readFileSync(join(out, packet)).equals(readFileSync(join(other, packet))), packet).toBe(true);
    expect(pdfinfo(join(other, `${MEMO}.pdf`))["CreationDate"]).toMatch(/Jan\s+9 00:00:00 2019/);
  });

  it.skipIf(!canPrint)("--no-pdf leaves PDFs out and names those in the output that no longer match their documents", async () => {
    // A copy of the examples and of their build with PDFs, so that the other tests keep theirs as they are.
    const copy = tempDir();
    cpSync(repo, join(copy, "repo"), { recursive: true });
    cpSync(out, join(copy, "out"), { recursive: true });
    edit(join(copy, "repo"), `${MEMO}.md`, "Lerum har avtalad samverkan", "Lerum har sedan länge avtalad samverkan");
    const skipped = await run(["build", join(copy, "repo"), "--out", join(copy, "out"), "--no-pdf"], copy, EPOCH);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("plan: PDFs skipped: --no-pdf was given.");
    // The KSAU's kallelse quotes the memo's Sammanfattning under its item 6: its PDF is stale too.
    expect(skipped.stderr).toContain(`2 PDFs in the output folder no longer match their documents: lerum/ksau-2019-01-09.pdf, ${MEMO}.pdf`);
    // The PDFs stay in the output, and so does the meeting packet joined from them, as watch mode leaves it.
    expect(existsSync(join(copy, "out", `${MEMO}.pdf`))).toBe(true);
    expect(existsSync(join(copy, "out", "lerum/ksau-2019-01-09-handlingar.pdf"))).toBe(true);
  });

  it.skipIf(!canPrint)("builds again without rendering what has not changed, and renders what has", async () => {
    // The whole examples: every PDF's record in the cache holds on a second build.
    const before = snapshot(out);
    const again = await build(repo, { out, pdf: true }, EPOCH);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`plan: 0 PDFs rendered, ${PRINTED} unchanged`);
    const after = snapshot(out);
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);

    // What changes is shown on Lerum's and Sjöbacka's part beside the whole build, whose PDFs of the part a build there keeps.
    const part = copyExamples(CHANGED);
    const previous = previousOutput();
    // One memo changes: only its PDF is rendered, and it shows the change; and the KSAU's kallelse, which quotes its Sammanfattning.
    edit(part, `${MEMO}.md`, "Lerum har avtalad samverkan", "Lerum har sedan länge avtalad samverkan");
    const changed = await build(part, { out: previous, pdf: true }, EPOCH, true);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain(`plan: 2 PDFs rendered, ${CHANGED_PDFS - 2} unchanged`);
    expect(pageTexts(join(previous, `${MEMO}.pdf`)).join(" ")).toContain("sedan länge");
    expect(pageTexts(join(previous, "lerum/ksau-2019-01-09.pdf")).join(" ")).toContain("sedan länge");
    // On a terminal, one line of progress on stderr, rewritten in place and cleared at the end.
    expect(changed.stderr).toMatch(new RegExp(String.raw`\r\x1b\[Kplan: PDF [12] of 2: ${MEMO}\.pdf`));

    // A PDF removed or changed by hand is rendered again.
    rmSync(join(previous, `${PLAN}.pdf`));
    writeFileSync(join(previous, "sjobacka/rapport-2019.pdf"), "not the PDF");
    const repaired = await build(part, { out: previous, pdf: true }, EPOCH);
    expect(repaired.stdout).toContain(`plan: 2 PDFs rendered, ${CHANGED_PDFS - 2} unchanged`);
    expect(repaired.stderr).not.toContain("\x1b[K");
    expect(Number(pdfinfo(join(previous, "sjobacka/rapport-2019.pdf"))["Pages"])).toBeGreaterThan(0);
    // The cache keeps the records of the folders left out, whose PDFs are gone; those of the part are the part's PDFs.
    const cache = JSON.parse(readFileSync(join(previous, CACHE_FILE), "utf8")) as { pdfs: Record<string, unknown> };
    const inPart = (pdf: string) => CHANGED.only.some((folder) => pdf.startsWith(`${folder}/`));
    expect(Object.keys(cache.pdfs).filter(inPart).sort()).toEqual(printedPages(part).map((p) => p.replace(/\.html$/, ".pdf")));
    expect(pagePdfs(previous)).toEqual(printedPages(part).map((p) => p.replace(/\.html$/, ".pdf")));
  });

  it.skipIf(!canPrint)("build --watch prints again only the PDF of the document that was saved", async () => {
    const repo = copyExamples(LERUM);
    // The first build in dist: the first round looks at every PDF of Lerum's part, and finds each up to date.
    cpSync(pristine, join(repo, "dist"), { recursive: true });
    const watcher = startWatch(repo, ["build", ".", "--watch", "--browser", browserPath!], EPOCH);
    expect(await watcher.next(/Watching \. for changes/, 120_000)).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);
    edit(repo, `${MEMO}.md`, "Lerum har avtalad samverkan", "Lerum har sedan länge avtalad samverkan");
    const round = await watcher.next(/Watching \. for changes/, 60_000);
    // The memo's, and the KSAU kallelse's, which quotes the memo's Sammanfattning.
    expect(round).toMatch(/plan: 2 PDFs rendered in [\d.]+ s/);
    expect(pageTexts(join(repo, "dist", `${MEMO}.pdf`)).join(" ")).toContain("sedan länge avtalad samverkan");
    // The print style sheet of the repository's own: no page changes, every PDF does.
    mkdirSync(join(repo, "templates"));
    writeFileSync(
      join(repo, "templates/print.hbs"),
      readFileSync(join(import.meta.dirname, "../templates/print.hbs"), "utf8") + "\n@page { margin-bottom: 31mm; }\n",
    );
    const restyled = await watcher.next(/PDFs? rendered[^\n]*\n(?:plan: \d+ meeting packets? joined in [\d.]+ s\n)?Watching/, 120_000);
    expect(restyled).toMatch(
      new RegExp(`plan: [\\d:]+ 0 files written in dist[^\\n]*\\nplan: ${LERUM_PDFS} PDFs rendered in [\\d.]+ s[^\\n]*\\nplan: 1 meeting packet joined`),
    );
    expect(await watcher.stop()).toBe(0);
    // Watch mode kept the cache as a build does: a build afterwards has nothing left to print.
    expect((await run(["build", "."], repo, EPOCH)).stdout).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);
  });

  it.skipIf(!canPrint)("build --watch joins a meeting packet again when a document in it is printed again, and removes it with its kallelse", async () => {
    // Lerum's part, with its kallelse and the packet joined from it, beside the whole build.
    const repo = copyExamples(LERUM);
    cpSync(pristine, join(repo, "dist"), { recursive: true });
    const packet = join(repo, "dist/lerum/ksau-2019-01-09-handlingar.pdf");
    const watcher = startWatch(repo, ["build", ".", "--watch", "--browser", browserPath!], EPOCH);
    await watcher.next(/Watching \. for changes/, 120_000);
    expect(pageTexts(packet).join(" ")).not.toContain("sedan länge");
    // The memo of item 6 changes: its PDF and the kallelse's are printed again, and the packet that holds both is joined again, as a build joins it.
    edit(repo, `${MEMO}.md`, "Lerum har avtalad samverkan", "Lerum har sedan länge avtalad samverkan");
    const round = await watcher.next(/Watching \. for changes/, 60_000);
    expect(round).toMatch(/plan: 2 PDFs rendered in [\d.]+ s/);
    expect(round).toContain("plan: 1 meeting packet joined");
    const texts = pageTexts(packet).join(" ").replace(/\s+/g, " ");
    expect(texts).toContain("Lerum har sedan länge avtalad samverkan");
    // The kallelse removed: its page, its PDF and its packet go.
    rmSync(join(repo, "lerum/ksau-2019-01-09.md"));
    await watcher.next(/Watching \. for changes/, 60_000);
    expect(existsSync(join(repo, "dist/lerum/ksau-2019-01-09.pdf"))).toBe(false);
    expect(existsSync(packet)).toBe(false);
    expect(await watcher.stop()).toBe(0);
  });
});

describe("PDF: shards, failures and hostile content", () => {
  it.skipIf(!canPrint)("--shard 1/2 and 2/2 together make every PDF exactly once, each with the whole HTML", async () => {
    // Lerum's part, whose meeting packet is joined from three of its four PDFs: two PDFs in each shard.
    const repo = copyExamples(LERUM);
    const a = join(tempDir(), "a");
    const b = join(tempDir(), "b");
    const one = await run(["build", repo, "--out", a, "--pdf", "--shard", "1/2"], repo);
    const two = await run(["build", repo, "--out", b, "--pdf", "--shard", "2/2"], repo);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    // Neither shard holds every part of a meeting packet: no packet is joined.
    const pdfsA = listFiles(a).filter((f) => f.endsWith(".pdf"));
    const pdfsB = listFiles(b).filter((f) => f.endsWith(".pdf"));
    const all = printedPages(repo).map((p) => p.replace(/\.html$/, ".pdf"));
    expect([...pdfsA, ...pdfsB].sort()).toEqual(all);
    expect(pdfsA.filter((p) => pdfsB.includes(p))).toEqual([]);
    expect(Math.abs(pdfsA.length - pdfsB.length)).toBeLessThanOrEqual(1);
    expect(one.stdout).toContain(`plan: ${pdfsA.length} PDFs rendered, 0 unchanged (shard 1/2)`);
    expect(listFiles(a).filter((f) => f.endsWith(".html"))).toEqual(listFiles(b).filter((f) => f.endsWith(".html")));
  });

  it.skipIf(!canPrint)("a hostile document: nothing is requested from the network and its script does not run in the PDF", async () => {
    const repo = copyExamples({ only: ["sjobacka"] });
    const hostile = [
      "Fientligt stycke före.",
      '<img src="http://example.invalid/x.png">',
      '<style>body { background: url("http://example.invalid/bg.png"); }</style>',
      "<script>document.body.innerHTML = 'PWNED'; document.title = 'PWNED';</script>",
      '<p style="background-image: url(http://example.invalid/p.png)" onclick="this.textContent=\'PWNED\'">Stycke med stil</p>',
      "![Extern bild](http://example.invalid/y.png)",
      "Fientligt stycke efter.",
    ].join("\n\n");
    edit(repo, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", `\nFiktivt exempel.\n\n${hostile}\n`);
    const out = previousOutput();
    const result = await build(repo, { out, pdf: true }, EPOCH);
    expect(result.code, result.stderr).toBe(0);
    // The hostile plan's PDF is printed now; the others are the first build's, which blocked nothing either.
    expect(result.stdout).toContain(`plan: 1 PDF rendered, ${SJOBACKA_PDFS - 1} unchanged`);
    expect(result.blocked).toEqual([]);
    // The remote image is a `plan check` warning, and the document still renders.
    expect(result.stderr).toMatch(/^ {2}sjobacka\/plan-2020\.md: 1 warning \(path\/outside\)$/m);
    const { stdout } = await run(["check", repo], repo);
    expect(stdout).toContain("[path/outside]");
    const pdf = join(out, "sjobacka/plan-2020.pdf");
    const text = pageTexts(pdf).join("\n");
    expect(text).toContain("Fientligt stycke före.");
    expect(text).toContain("Fientligt stycke efter.");
    expect(text).toContain("[Bild: Extern bild]");
    expect(text).not.toContain("PWNED");
    expect(pdfinfo(pdf)["Title"]).not.toContain("PWNED");
  });

  it.skipIf(!canPrint)("the printer itself blocks and counts every request outside its folder, and runs no script", async () => {
    // Straight to the printer, without plan's sanitising and Content-Security-Policy, to show the last line of defence holds alone.
    const root = tempDir();
    const page = join(root, "page.html");
    writeFileSync(
      page,
      `<!DOCTYPE html><html lang="sv"><head><title>Prov</title><link rel="stylesheet" href="https://example.invalid/a.css">
<style>body { background: url("http://example.invalid/bg.png"); }</style></head>
<body><p>Synlig text.</p><img src="http://example.invalid/x.png" alt="x"><img src="file:///etc/hostname" alt="y"><img src="bild.png" alt="z">
<script>document.body.textContent = "PWNED";</script></body></html>`,
    );
    writeFileSync(join(root, "bild.png"), Buffer.from("89504e470d0a1a0a", "hex"));
    const result = await renderPdfs([{ source: page, target: join(root, "page.pdf"), label: "page.pdf" }], {
      browserPath: browserPath!,
      browsers: BROWSERS,
      jobs: 1,
      root,
    });
    expect(result.printed).toBe(1);
    expect(result.blocked.sort()).toEqual([
      "file:///etc/hostname",
      "http://example.invalid/bg.png",
      "http://example.invalid/x.png",
      "https://example.invalid/a.css",
    ]);
    const text = pageTexts(join(root, "page.pdf")).join("\n");
    expect(text).toContain("Synlig text.");
    expect(text).not.toContain("PWNED");
  });

  it.skipIf(!canPrint)("a browser killed during the build leaves the previous output byte for byte, and says what happened", async () => {
    const repo = copyExamples(LERUM);
    // The previous output: the examples' build, PDFs included.
    const out = previousOutput();
    const before = snapshot(out);
    // A new phone number: every Lerum page and PDF changes.
    edit(repo, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
    let browser: Browser | undefined;
    let killed = false;
    const result = await build(
      repo,
      {
        out,
        pdf: true,
        jobs: "1",
        // A browser of its own, as the command line starts for each build, not the one the tests keep.
        browsers: undefined,
        hooks: {
          browser: (b) => (browser = b),
          printed: () => {
            if (killed) return;
            killed = true;
            process.kill(browser!.process()!.pid!, "SIGKILL");
          },
        },
      },
      EPOCH,
    );
    expect(killed).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the browser stopped while printing \S+\.pdf \(it crashed or was killed\)/);
    expect(result.stderr).toContain("No file was written: the output folder is as it was before this build.");
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(browser!.process()!.exitCode !== null || browser!.process()!.signalCode !== null).toBe(true);
  });

  it.skipIf(!canPrint)(
    "a process that builds many times prints with the browser it keeps, and starts another once it was killed or in another temp folder",
    async () => {
      const keeper = new BrowserKeeper();
      const root = tempDir();
      writeFileSync(join(root, "page.html"), '<!DOCTYPE html><html lang="sv"><head><title>Prov</title></head><body><p>Synlig text.</p></body></html>');
      const print = async () => {
        let used: Browser | undefined;
        const result = await renderPdfs([{ source: join(root, "page.html"), target: join(root, "page.pdf"), label: "page.pdf" }], {
          browserPath: browserPath!,
          browsers: keeper,
          jobs: 1,
          root,
          hooks: { browser: (b) => (used = b) },
        });
        expect(result.printed).toBe(1);
        expect(pageTexts(join(root, "page.pdf")).join("")).toContain("Synlig text.");
        return used!;
      };
      try {
        const first = await print();
        expect(await print()).toBe(first);
        expect(first.connected).toBe(true);
        const gone = new Promise((resolve) => first.once("disconnected", resolve));
        process.kill(first.process()!.pid!, "SIGKILL");
        await gone;
        const next = await print();
        expect(next).not.toBe(first);
        // A browser's profile lives in the temp folder it started in: another temp folder gets a browser of its own.
        const temp = process.env.TMPDIR;
        process.env.TMPDIR = tempDir();
        let elsewhere: Browser;
        try {
          elsewhere = await print();
        } finally {
          if (temp === undefined) delete process.env.TMPDIR;
          else process.env.TMPDIR = temp;
        }
        expect(elsewhere).not.toBe(next);
        expect(await print()).toBe(next);
        await keeper.closeAll();
        expect(elsewhere.connected).toBe(false);
        expect(next.connected).toBe(false);
        expect(next.process()!.exitCode !== null || next.process()!.signalCode !== null).toBe(true);
      } finally {
        await keeper.closeAll();
      }
    },
  );

  it.skipIf(!canPrint)("prints from a long temp folder, where Chromium's socket would not fit (a browser of its own, as the command line's)", async () => {
    const root = tempDir();
    writeFileSync(join(root, "page.html"), '<!DOCTYPE html><html lang="sv"><head><title>Prov</title></head><body><p>Synlig text.</p></body></html>');
    // 80 characters and more: Chromium's singleton socket, 46 beyond it, would pass the 108 bytes of a socket's path.
    const long = join(root, "en-tillfällig-mapp-med-ett-mycket-långt-namn");
    mkdirSync(long);
    expect(Buffer.byteLength(long)).toBeGreaterThan(80);
    const before = process.env["TMPDIR"];
    process.env["TMPDIR"] = long;
    try {
      const result = await renderPdfs([{ source: join(root, "page.html"), target: join(root, "page.pdf"), label: "page.pdf" }], {
        browserPath: browserPath!,
        jobs: 1,
        root,
      });
      expect(result.printed).toBe(1);
      expect(pageTexts(join(root, "page.pdf")).join("")).toContain("Synlig text.");
    } finally {
      if (before === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = before;
    }
  });

  it.skipIf(!canPrint)("sets names in the other Nordic and Sami letters in the shipped font too", async () => {
    const repo = copyExamples(LERUM);
    edit(repo, `${MEMO}.md`, "Lerum har avtalad samverkan", "Ánte Đuvvon Šaš och Ŋunnár Åhlén: Lerum har avtalad samverkan");
    const out = previousOutput();
    const result = await build(repo, { out, pdf: true }, EPOCH);
    expect(result.code, result.stderr).toBe(0);
    // The memo's PDF and the KSAU kallelse's, which quotes the memo's Sammanfattning.
    expect(result.stdout).toContain(`plan: 2 PDFs rendered, ${LERUM_PDFS - 2} unchanged`);
    const pdf = join(out, `${MEMO}.pdf`);
    expect(pageTexts(pdf).join(" ")).toContain("Ánte Đuvvon Šaš och Ŋunnár Åhlén");
    // Every glyph from Noto Sans: no font of the machine stands in.
    expect(
      pdffonts(pdf)
        .map((f) => f.name.replace(/^[A-Z]{6}\+/, ""))
        .sort(),
    ).toEqual(["NotoSans-Bold", "NotoSans-Regular", "NotoSans-Regular"]);
  });
});

describe("PDF: without a browser", () => {
  const NONE = { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" };

  it("a browser's folders: its temp folder is plan's, in the user's temp folder, or in /tmp where Chromium's socket would not fit there", () => {
    // /tmp, as a user's usual temp folder; the run's own (PLAN_TEST_TMPDIR, /dev/shm/…) may be too long for the socket.
    const short = makeBrowserFolders("/tmp", "linux");
    const long = join(tempDir(), "en-tillfällig-mapp-med-ett-mycket-långt-namn");
    mkdirSync(long);
    const far = makeBrowserFolders(long, "linux");
    try {
      expect(short.home.startsWith(`/tmp/plan-browser-${process.pid}-`)).toBe(true);
      // The browser's temp folder is plan's folder itself, where its socket fits.
      expect(short).toEqual({ home: short.home, profile: join(short.home, "profile"), temp: short.home });
      expect(far.home.startsWith(join(long, `plan-browser-${process.pid}-`))).toBe(true);
      expect(far.profile).toBe(join(far.home, "profile"));
      expect(far.temp.startsWith(`/tmp/plan-browser-${process.pid}-`)).toBe(true);
      expect(browserTempsElsewhere(long, "linux")).toEqual(["/tmp"]);
      expect(browserTempsElsewhere("/tmp", "linux")).toEqual([]);
      expect(browserTempsElsewhere(long, "win32")).toEqual([]);
    } finally {
      removeBrowserFolders(far);
      removeBrowserFolders(short);
    }
    for (const path of [short.home, far.home, far.temp]) expect(existsSync(path), path).toBe(false);
  });

  it("the next run removes the browser's temp folder a killed run left in /tmp (here another folder), and none of a run still going", () => {
    const temp = tempDir();
    const elsewhere = tempDir();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    mkdirSync(join(elsewhere, `plan-browser-${dead}-abcdef`, "org.chromium.Chromium.ghijkl"), { recursive: true });
    mkdirSync(join(elsewhere, `plan-browser-${process.pid}-abcdef`));
    const saved = process.env["TMPDIR"];
    process.env["TMPDIR"] = temp;
    try {
      removeLeftovers([elsewhere]);
    } finally {
      if (saved === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = saved;
    }
    expect(readdirSync(elsewhere)).toEqual([`plan-browser-${process.pid}-abcdef`]);
  });

  it("--pdf exits 2 with what to install and how to point plan at it, and writes nothing", async () => {
    for (const [args, env, named] of [
      [["--pdf"], NONE, "PUPPETEER_EXECUTABLE_PATH, /nonexistent/chrome,"],
      [["--pdf", "--browser", "/nonexistent/chromium"], {}, "--browser, /nonexistent/chromium,"],
      [["--browser", "/nonexistent/chromium"], {}, "--browser, /nonexistent/chromium,"],
    ] as const) {
      const repo = copyExamples(LERUM);
      const out = join(tempDir(), "out");
      const { code, stderr } = await run(["build", repo, "--out", out, ...args], repo, env);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain(named);
      for (const part of [
        "apt-get install chromium",
        "npx @puppeteer/browsers install chrome-headless-shell",
        "--browser",
        "PUPPETEER_EXECUTABLE_PATH",
        "Nothing was written",
      ])
        expect(stderr).toContain(part);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("without --pdf builds the HTML, says once that the PDFs were skipped and why, and exits 0", async () => {
    const repo = copyExamples();
    const out = join(tempDir(), "out");
    const { code, stdout, stderr } = await run(["build", repo, "--out", out], repo, { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("plan: built");
    expect(stderr.match(/PDFs skipped/g)).toHaveLength(1);
    expect(stderr).toContain("PDFs skipped: the browser given by PUPPETEER_EXECUTABLE_PATH, /nonexistent/chrome, does not exist or cannot be run");
    expect(listFiles(out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expect(listFiles(out).filter((f) => f.endsWith(".html")).length).toBeGreaterThan(20);
  });

  it("checks --jobs and --shard before doing anything", async () => {
    const repo = copyExamples(LERUM);
    for (const args of [
      ["--jobs", "0"],
      ["--jobs", "many"],
      ["--shard", "3/2"],
      ["--shard", "0/2"],
      ["--shard", "1"],
    ]) {
      const { code, stderr } = await run(["build", repo, "--out", join(tempDir(), "out"), ...args], repo);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(/--(jobs|shard) takes/);
    }
  });
});

describe("PDF: the parts", () => {
  it("shares: every item in exactly one of n shares, the same for any order of input", () => {
    const items = Array.from({ length: 23 }, (_, i) => `doc-${String(i).padStart(2, "0")}.html`);
    const shuffled = [...items].reverse();
    for (const n of [1, 2, 3, 7, 23, 30]) {
      const shares = Array.from({ length: n }, (_, i) => shareOf(shuffled, (s) => s, parseShard(`${i + 1}/${n}`)));
      expect(shares.flat().sort()).toEqual(items);
      expect(new Set(shares.flat()).size).toBe(items.length);
      expect(Math.max(...shares.map((s) => s.length)) - Math.min(...shares.map((s) => s.length))).toBeLessThanOrEqual(1);
      expect(shares).toEqual(Array.from({ length: n }, (_, i) => shareOf(items, (s) => s, parseShard(`${i + 1}/${n}`))));
    }
  });

  it("writes any text as a CSS string that nothing can leave", () => {
    expect(cssString("KS18.1375")).toBe('"KS18.1375"');
    expect(cssString('a"b\\c\n</style><script>')).toBe('"a\\22 b\\5c c\\a \\3c /style\\3e \\3c script\\3e "');
    expect(cssString("Sjöbacka – 1\u202F000")).toBe('"Sjöbacka – 1\u202F000"');
  });

  it("dates a PDF from the source date and numbers its structure ids in order, at the same length", () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n<</S /TH /ID (node00000982)>> <</S /TD /Headers [(node00000982)] /Alt (a \\(node00000007\\))>> <</ID (node00000031)>>\n<</CreationDate (D:20261123130514+00'00')\n/ModDate (D:20261123130514+01'00')>>\n",
      "latin1",
    );
    const fixed = Buffer.from(reproducible(pdf, "2019-01-09"));
    expect(fixed.length).toBe(pdf.length);
    expect(fixed.toString("latin1")).toBe(
      "%PDF-1.4\n<</S /TH /ID (node00000001)>> <</S /TD /Headers [(node00000001)] /Alt (a \\(node00000007\\))>> <</ID (node00000002)>>\n<</CreationDate (D:20190109000000+00'00')\n/ModDate (D:20190109000000+00'00')>>\n",
    );
    // Without a source date the moment of printing stays; the ids are still numbered.
    expect(Buffer.from(reproducible(pdf, undefined)).toString("latin1")).toContain("(D:20261123130514+00'00')");
    expect(Buffer.from(reproducible(pdf, undefined)).toString("latin1")).toContain("/ID (node00000002)");
  });

  it("sorts the ids' name tree again after numbering them, so that it does not tell what was printed before", () => {
    // Chromium lists the ids sorted by its own numbers; numbered in order of appearance, 982 became 2 and 31 became 1.
    const pdf = Buffer.from(
      "<</ID (node00000031)>> <</ID (node00000982)>>\n115 0 obj\n<</Limits [(node00000031) (node00000982)]\n/Names [(node00000982) 48 0 R (node00000031) 46 0 R]>>\nendobj\n",
      "latin1",
    );
    const fixed = Buffer.from(reproducible(pdf, undefined)).toString("latin1");
    expect(fixed.length).toBe(pdf.length);
    expect(fixed).toContain("<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 46 0 R (node00000002) 48 0 R]>>");
  });

  it("prints the plans, memos, reports, agreements, budgets and funds, each with its own print style sheet", () => {
    const root = copyExamples();
    const files = renderSite(checkRepository(root, { cwd: root }).repo);
    const printed = files.filter((f) => f.print);
    expect(printed.map((f) => f.path)).toEqual([
      "ale/social-investeringsfond.html",
      "gr/fordelning-nara-vard-2020.html",
      "gr/handlingsplan-branschrad-aldreomsorg.html",
      "gr/handlingsplan-natverket-2019-2020.html",
      "gr/handlingsplan-vardens-medarbetare.html",
      "gr/programforklaring-socialchefsnatverket.html",
      "gr/uppfoljning-2020.html",
      "herrljunga/forslag-hagen-demenscentrum.html",
      "herrljunga/forslag-uppsokande-verksamhet.html",
      "herrljunga/forslag-verksamhetslokaler.html",
      "herrljunga/intern-kontroll-2016.html",
      "herrljunga/ombudgetering-investeringar-2016.html",
      "herrljunga/sammantrade-2017-02-28.html",
      "herrljunga/tjansteskrivelse-anhorigstod.html",
      "herrljunga/tjansteskrivelse-arbetsmiljo-chefer.html",
      "herrljunga/tjansteskrivelse-bokslut-2016.html",
      "herrljunga/tjansteskrivelse-intern-kontroll-2016.html",
      "herrljunga/tjansteskrivelse-ombudgetering-2016.html",
      "herrljunga/tjansteskrivelse-uppsokande-verksamhet.html",
      "herrljunga/verksamhetsberattelse-2016.html",
      "lerum/avtal-2017-2020.html",
      "lerum/ksau-2019-01-09.html",
      "lerum/plan-2019.html",
      "lerum/tjansteskrivelse-ks18-1375.html",
      "sjobacka/avtal-2019-2022.html",
      "sjobacka/plan-2019.html",
      "sjobacka/plan-2020.html",
      "sjobacka/rapport-2019.html",
      "sjobacka/tjansteskrivelse-2020.html",
      "sjuharad/budget-2013.html",
      "sjuharad/enhetsplaner/hallbar-regional-utveckling.html",
      "sjuharad/enhetsplaner/infrastruktur.html",
      "sjuharad/enhetsplaner/social-valfard-och-halsa.html",
      "sjuharad/enhetsplaner/utbildning-kompetensutveckling.html",
    ]);
    const memo = printed.find((f) => f.path === `${MEMO}.html`)!.print!.css;
    expect(memo).toContain('content: "TJÄNSTESKRIVELSE " counter(page) " (" counter(pages) ")" "\\A " "Datum 2018-12-20" "     " "Dnr KS18.1375"');
    expect(memo).toContain('"\\A " "Webb: www.lerum.se   E-post: kommun@lerum.se   Org.nr: 212000-1447"');
    const plan = printed.find((f) => f.path === `${PLAN}.html`)!.print!.css;
    expect(plan).toContain('content: "Sida " counter(page) " av " counter(pages)');
    expect(printed.find((f) => f.path === "sjobacka/plan-2020.html")!.print!.css).toContain('"Sjöbacka kommun (fiktiv kommun)" "\\A UTKAST"');
    // A board's own report is headed by the board.
    const board = printed.find((f) => f.path === "herrljunga/verksamhetsberattelse-2016.html")!.print!.css;
    expect(board).toContain('"Verksamhetsberättelse 2016-12-31 Socialnämnden"');
    expect(board).toContain('"Socialnämnden, Herrljunga kommun"');
    expect(board).not.toContain("UTKAST");
  });
});
