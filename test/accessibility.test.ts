import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserNotFoundMessage, findBrowser, launchBrowser } from "../src/browser/index.js";
import { listFiles } from "./helpers/html.js";
import { copyExamples, run } from "./helpers/repo.js";

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
  let site: string | undefined;
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    if (!browserPath) return;
    const repo = copyExamples();
    // Its own folder: the helpers' temporary folders go after each test, this one must last for all of them.
    site = mkdtempSync(join(tmpdir(), "plan-a11y-"));
    out = join(site, "out");
    // HTML only: axe reads the pages; the PDFs have tests of their own.
    const built = await run(["build", repo, "--out", out, "--no-pdf"], repo);
    expect(built.code, built.stderr).toBe(0);
    pages = listFiles(out).filter((f) => f.endsWith(".html"));
    browser = await launchBrowser(browserPath!);
  });

  afterAll(async () => {
    await browser?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it.skipIf(!browserPath)("finds no violation on any page built from the examples, and no page asks the network for anything", async () => {
    expect(pages.length).toBeGreaterThan(20);
    const found: string[] = [];
    const requests: string[] = [];
    const page = await browser.newPage();
    // The pages forbid scripts in their Content-Security-Policy; axe is a script, injected by the test alone.
    await page.setBypassCSP(true);
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
      await page.addScriptTag({ content: axeSource });
      const violations = (await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe
            .run(document, { runOnly: { type: "tag", values: tags } })
            .then((r) => r.violations),
        TAGS,
      )) as Violation[];
      for (const v of violations) found.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    await page.close();
    expect(found).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.skipIf(!browserPath)("would see a violation: the same harness on a page with known faults", async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">ljus text</p><table><tr><th>a</th></tr></table></main></body></html>',
    );
    await page.addScriptTag({ content: axeSource });
    const ids = (await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe
          .run(document, { runOnly: { type: "tag", values: tags } })
          .then((r) => r.violations.map((v) => v.id)),
      TAGS,
    )) as string[];
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
