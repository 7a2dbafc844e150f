import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "./helpers/html.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { BROWSERS, tempDir } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

warnIfSkipped("The accessibility test", "browser");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** What one visit of a page found: its language and scripts, axe's violations, and how wide it is laid out in a narrow window. */
interface Visit {
  path: string;
  lang: string;
  scripts: number;
  violations: Violation[];
  width: number;
}

/** The width of the narrow window the pages must fit, and the window axe reads them in (puppeteer's default). */
const NARROW = { width: 1024, height: 800 };
const AXE_WINDOW = { width: 800, height: 600 };

describe("accessibility in a real browser (axe-core, WCAG 2.1 A and AA)", () => {
  let browser: Browser;
  let visits: Visit[];
  let requests: string[];

  beforeAll(async () => {
    if (!browserPath) return;
    // HTML only: axe reads the pages of the examples' build that the test files share (read, never changed); the PDFs have tests of their own.
    const built = await builtExamples(false);
    expect(built.code, built.stderr).toBe(0);
    const pages = listFiles(built.out).filter((f) => f.endsWith(".html"));
    // The browser the builds of this worker print with, kept running for them.
    browser = await BROWSERS.start(browserPath!);
    ({ visits, requests } = await visit(built.out, pages));
  });

  /**
   * A page with axe in every document it loads: given to the browser once and run as each document
   * starts, past the pages' Content-Security-Policy, which forbids scripts (axe is the test's alone).
   * Injected into each page after it loaded, its source went to the browser and was compiled again
   * for each page, which took longer than axe's own checks.
   */
  async function axePage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setBypassCSP(true);
    await page.evaluateOnNewDocument(axeSource);
    return page;
  }

  /**
   * What axe finds wrong with the page's document by the rules of WCAG 2.1 A and AA. Only the
   * violations are asked for (`resultTypes`, axe's option for that): axe then describes one
   * element of each rule that passed instead of every one, which cost a tenth of its time.
   */
  const violations = (page: Page) =>
    page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe
          .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
          .then((r) => r.violations),
      TAGS,
    ) as Promise<Violation[]>;

  /**
   * Every page loaded once (a load cost the browser about as much as axe's checks): read by axe in
   * puppeteer's default window, then laid out again in the narrow window for its width, then the
   * default window again for the next page. Every request that is not for a file is refused and kept.
   */
  async function visit(out: string, pages: string[]): Promise<{ visits: Visit[]; requests: string[] }> {
    const requests: string[] = [];
    const page = await axePage();
    await page.setViewport(AXE_WINDOW);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith("file:")) {
        requests.push(url);
        void request.abort();
      } else void request.continue();
    });
    const visits: Visit[] = [];
    for (const path of pages) {
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: "load" });
      const lang = await page.evaluate(() => document.documentElement.lang);
      const scripts = await page.evaluate(() => document.scripts.length);
      const found = await violations(page);
      await page.setViewport(NARROW);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.setViewport(AXE_WINDOW);
      visits.push({ path, lang, scripts, violations: found, width });
    }
    await page.close();
    return { visits, requests };
  }

  it.skipIf(!browserPath)("finds no violation on any page built from the examples, and no page asks the network for anything", () => {
    expect(visits.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { path, lang, scripts, violations } of visits) {
      expect(lang, path).toBe("sv");
      expect(scripts, path).toBe(0);
      for (const v of violations) found.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    expect(found).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.skipIf(!browserPath)("would see a violation: the same harness on a page with known faults", async () => {
    const faulty = join(tempDir(), "fel.html");
    writeFileSync(
      faulty,
      '<html><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">ljus text</p><table><tr><th>a</th></tr></table></main></body></html>',
    );
    const page = await axePage();
    await page.goto(pathToFileURL(faulty).href, { waitUntil: "load" });
    const ids = (await violations(page)).map((v) => v.id);
    await page.close();
    expect(ids).toEqual(expect.arrayContaining(["image-alt", "color-contrast", "html-has-lang"]));
  });

  it.skipIf(!browserPath)("lays the pages out without overflowing a narrow window", () => {
    expect(visits.length).toBeGreaterThan(20);
    const wide = visits.filter((v) => v.width > NARROW.width).map((v) => `${v.path}: ${v.width}px`);
    expect(wide).toEqual([]);
  });
});
