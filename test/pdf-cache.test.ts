import { chmodSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_FILE } from "../src/pdf/cache.js";
import { browserVersion } from "../src/pdf/render.js";
import { BROWSERS, edit, EPOCH, run, tempDir } from "./helpers/repo.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { copyBuiltExamples, EXAMPLE_PDFS } from "./helpers/shared.js";

/**
 * The PDF cache's key holds the browser's version: PDFs printed by another version of the
 * browser (an upgrade) are printed again; a build with nothing to print starts no browser while
 * the program that printed last is the same file.
 */

warnIfSkipped("The PDF cache's test", "browser");

const PRINTED = EXAMPLE_PDFS;
/**
 * The tests that build need not print every example: Lerum's part (its plan, memo, agreement and
 * kallelse) beside the examples' whole build, whose PDFs of Lerum's pages a build there keeps.
 */
const LERUM = { only: ["lerum"] };
const LERUM_PDFS = 4;
const MEMO = "lerum/tjansteskrivelse-ks18-1375.pdf";

interface Cache {
  format: number;
  browser: { path: string; size: number; mtimeMs: number; version: string };
  pdfs: Record<string, { input: string; browser: string; output: string }>;
}

const readCache = (repo: string) => JSON.parse(readFileSync(join(repo, "dist", CACHE_FILE), "utf8")) as Cache;
function changeCache(repo: string, change: (cache: Cache) => void): void {
  const cache = readCache(repo);
  change(cache);
  writeFileSync(join(repo, "dist", CACHE_FILE), JSON.stringify(cache));
}
const build = (repo: string, ...args: string[]) => run(["build", ".", ...args], repo, EPOCH);

describe.skipIf(!browserPath)("the PDF cache and the browser's version", () => {
  it("records with every PDF the version of the browser that printed it, as puppeteer's browser.version() names it", async () => {
    const repo = await copyBuiltExamples(true);
    // The browser the builds of this worker print with.
    const version = await browserVersion(await BROWSERS.start(browserPath!));
    expect(version).toMatch(/^(Headless)?Chrome\/\d+\.\d+\.\d+\.\d+$/);
    const cache = readCache(repo);
    expect(cache.format).toBe(2);
    expect(cache.browser.version).toBe(version);
    expect(Object.keys(cache.pdfs)).toHaveLength(PRINTED);
    for (const [pdf, entry] of Object.entries(cache.pdfs)) expect(entry.browser, pdf).toBe(version);
  });

  it("prints every PDF again after the browser is upgraded, and records the new version", async () => {
    const repo = await copyBuiltExamples(true, LERUM);
    const version = readCache(repo).browser.version;
    // As the build before an upgrade left it: another version, and the program a file of another time.
    changeCache(repo, (cache) => {
      cache.browser.mtimeMs -= 86_400_000;
      cache.browser.version = "Chrome/120.0.6099.109";
      for (const entry of Object.values(cache.pdfs)) entry.browser = "Chrome/120.0.6099.109";
    });
    const result = await build(repo, "--pdf");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`plan: ${LERUM_PDFS} PDFs rendered, 0 unchanged`);
    const cache = readCache(repo);
    expect(cache.browser.version).toBe(version);
    // Every PDF of the part, as printed now. (The cache keeps the entries of the folders left out, whose PDFs are gone.)
    const printed = Object.entries(cache.pdfs).filter(([pdf]) => pdf.startsWith("lerum/"));
    expect(printed).toHaveLength(LERUM_PDFS);
    for (const [pdf, entry] of printed) expect(entry.browser, pdf).toBe(version);
  });

  it("prints again the one PDF another version printed, and not the others", async () => {
    const repo = await copyBuiltExamples(true, LERUM);
    changeCache(repo, (cache) => (cache.pdfs[MEMO]!.browser = "HeadlessChrome/119.0.6045.105"));
    const result = await build(repo, "--pdf");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`plan: 1 PDF rendered, ${LERUM_PDFS - 1} unchanged`);
    expect(readCache(repo).pdfs[MEMO]!.browser).toBe(readCache(repo).browser.version);
  });

  it("asks a program it does not know its version, and prints nothing when it is the same version", async () => {
    const repo = await copyBuiltExamples(true, LERUM);
    const before = readCache(repo);
    changeCache(repo, (cache) => (cache.browser.path = "/elsewhere/chromium"));
    const result = await build(repo, "--pdf");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);
    expect(readCache(repo).pdfs).toEqual(before.pdfs);
  });

  it("starts no browser while the program that printed last is the same file, and keeps the PDFs when one it does not know cannot start", async () => {
    const repo = await copyBuiltExamples(true, LERUM);
    // A program that is no browser, recorded in the cache as the one that printed.
    const fake = join(tempDir(), "chrome");
    writeFileSync(fake, "#!/bin/sh\nexit 1\n");
    chmodSync(fake, 0o755);
    utimesSync(fake, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
    changeCache(
      repo,
      (cache) => (cache.browser = { ...cache.browser, path: fake, size: readFileSync(fake).length, mtimeMs: Date.parse("2026-01-01T00:00:00Z") }),
    );
    const unchanged = await build(repo, "--pdf", "--browser", fake);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);

    // The program changed: it is started to say its version, and cannot be. With no document changed, the PDFs stay as they are.
    utimesSync(fake, new Date(), new Date());
    const kept = await build(repo, "--pdf", "--browser", fake);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);
    // A document changed: the browser must print, and says why it cannot.
    edit(repo, "lerum/tjansteskrivelse-ks18-1375.md", "Lerum har avtalad samverkan", "Lerum har sedan länge avtalad samverkan");
    const failed = await build(repo, "--pdf", "--browser", fake);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`could not start the browser ${fake}`);
    expect(failed.stderr).toContain("No file was written: the output folder is as it was before this build.");
  });

  it("keeps the PDFs another version printed when there is no browser to print with", async () => {
    const repo = await copyBuiltExamples(true, LERUM);
    changeCache(repo, (cache) => {
      for (const entry of Object.values(cache.pdfs)) entry.browser = "HeadlessChrome/119.0.6045.105";
    });
    const result = await run(["build", "."], repo, { ...EPOCH, PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`plan: 0 PDFs rendered, ${LERUM_PDFS} unchanged`);
  });
});
