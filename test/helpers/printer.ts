import { spawnSync } from "node:child_process";
import { browserNotFoundMessage, findBrowser, isExecutable } from "../../src/browser/index.js";
import { list } from "../../src/format/text.js";

/**
 * What this machine can do for the tests that print, asked once per test worker (its test files
 * share this module): the browser plan prints with, and poppler's tools that read the PDFs back.
 * A test that only prints or loads pages needs the browser alone and still runs without poppler.
 */

const found = findBrowser({ env: process.env });

/**
 * The browser plan finds here (PUPPETEER_EXECUTABLE_PATH, then the usual places and PATH), when it
 * can be run; undefined where there is none. findBrowser returns PUPPETEER_EXECUTABLE_PATH as it
 * is, so that plan says that path when it cannot start it: one that is not there is no browser.
 */
export const browserPath: string | undefined = found && isExecutable(found) ? found : undefined;

/** poppler's tools the tests read PDFs back with; one package installs them all (poppler-utils, Homebrew's poppler). */
const POPPLER_TOOLS = ["pdftotext", "pdfinfo", "pdffonts", "pdftoppm"];
const missingTools = POPPLER_TOOLS.filter((tool) => spawnSync(tool, ["-v"], { stdio: "ignore" }).error);

/** Whether every tool of POPPLER_TOOLS is here. */
export const hasPoppler = missingTools.length === 0;

/** Whether this machine can print PDFs and read them back: a browser and poppler's tools. */
export const canPrint = Boolean(browserPath) && hasPoppler;

/**
 * What a test needs of the machine: `browser` to print or load pages, `pdf` to read the PDFs it
 * printed back too.
 */
export type Needs = "browser" | "pdf";

/**
 * The notice that `test` (a sentence's subject: "The PDF test") is skipped here, with what to
 * install; undefined when it can run.
 */
function skipNotice(test: string, needs: Needs): string | undefined {
  if (!browserPath) return `SKIPPED: ${browserNotFoundMessage(test)}`;
  if (needs === "browser" || hasPoppler) return undefined;
  const which =
    missingTools.length === POPPLER_TOOLS.length ? "none of them is here" : `${list(missingTools, "and")} ${missingTools.length === 1 ? "is" : "are"} missing`;
  return `SKIPPED: ${test} reads the PDFs back with poppler's ${list(POPPLER_TOOLS, "and")}, and ${which}.
Install poppler: Debian/Ubuntu:  apt-get install poppler-utils;  macOS:  brew install poppler.`;
}

/** Says skipNotice on stderr when `test` cannot run here; a test file calls it once, beside its skipIf. */
export function warnIfSkipped(test: string, needs: Needs): void {
  const notice = skipNotice(test, needs);
  if (notice) console.warn(notice);
}
