import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserNotFoundMessage, findBrowser } from "../src/browser/index.js";
import { listFiles } from "./helpers/html.js";
import { BROWSERS, tempDir } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

const browserPath = findBrowser({ env: process.env });
if (!browserPath) console.warn(`accessibility tests SKIPPED: ${browserNotFoundMessage("The accessibility test")}`);

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe("accessibility in a real browser (axe-core, WCAG 2.1 A and AA)", () => {
  let browser: Browser;
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    if (!browserPath) return;
    // HTML only: axe reads the pages of the examples' build that the test files share (read, never changed); the PDFs have tests of their own.
    const built = await builtExamples(false);
    expect(built.code, built.stderr).toBe(0);
    out = built.out;
    pages = listFiles(out).filter((f) => f.endsWith(".html"));
    // The browser the builds of this worker print with, kept running for them.
    browser = await BROWSERS.start(browserPath!);
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

  /** What axe finds wrong with the page's document by the rules of WCAG 2.1 A and AA. */
  const violations = (page: Page) =>
    page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe
          .run(document, { runOnly: { type: "tag", values: tags } })
          .then((r) => r.violations),
      TAGS,
    ) as Promise<Violation[]>;

  it.skipIf(!browserPath)("finds no violation on any page built from the examples, and no page asks the network for anything", async () => {
    expect(pages.length).toBeGreaterThan(20);
    const found: string[] = [];
    const requests: string[] = [];
    const page = await axePage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith("file:")) {
        requests.push(url);
        void request.abort();
      } else void request.continue();
    });
    for (const path of pages) {
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: "load" });
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe("sv");
      expect(await page.evaluate(() => document.scripts.length), path).toBe(0);
      for (const v of await violations(page)) found.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    await page.close();
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

  it.skipIf(!browserPath)("lays the pages out without overflowing a narrow window", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1024, height: 800 });
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(pathToFileURL(join(out, path)).href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 1024) wide.push(`${path}: ${width}px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});
