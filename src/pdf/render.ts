import { say, t, type Message } from "../format/message.js";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, HTTPRequest, Page, PDFOptions } from "puppeteer-core";
import { killBrowserGroup, launchBrowser } from "../browser/index.js";
import { at } from "../write/outputs.js";
import { printWithFootnotes } from "./footnotes.js";
import { runPool } from "./pool.js";
import { reproducible } from "./reproducible.js";

/** How every PDF is printed; part of each PDF's cache key. */
export const PDF_OPTIONS: PDFOptions = {
  // Size and margins come from the page's @page rules (print.hbs).
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  tagged: true,
  outline: true,
  waitForFonts: true,
};

/** How long one page may take to load or to print before the build gives up. */
const TIMEOUT_MS = 60_000;

export interface PrintTask {
  /** The print variant of the page, a file inside `root`. */
  source: string;
  /** Where the PDF goes. */
  target: string;
  /** The PDF's path in the output, for messages. */
  label: string;
  /** The print variant, made when a page is free to print it and written to `source` first; without it, `source` is read. */
  html?: () => string;
}

export interface RenderHooks {
  /** The browser, once started (tests kill it through its process). */
  browser?(browser: Browser): void;
  /** A PDF is written; `done` of `total`. */
  printed?(task: PrintTask, done: number, total: number): void;
  /** All are printed: how many, and every request that was blocked. */
  finished?(result: RenderResult): void;
}

export interface RenderOptions {
  browserPath: string;
  /** The browser at `browserPath`, already started (`browsers.start`); renderPdfs closes it when it is done (`browsers.close`). */
  browser?: Browser | undefined;
  /** Where the browser comes from and goes (OWN_BROWSERS: started for these PDFs, closed after). */
  browsers?: Browsers | undefined;
  /** Pages printing at the same time. */
  jobs: number;
  /** The only folder the pages may read files from (the output folder). */
  root: string;
  /** `YYYY-MM-DD` written as the PDFs' dates, so that two builds give identical files. */
  sourceDate?: string | undefined;
  hooks?: RenderHooks;
}

export interface RenderResult {
  printed: number;
  /** Every request that was refused: not a `data:` URL and not a file inside `root`. */
  blocked: string[];
}

/** A failure of the browser or of printing, with what happened in words. */
export class PrintError extends Error {
  constructor(readonly text: Message) {
    super(say(text, "en"));
  }
}

/** Whether a page may load `url`: inline data, or a file inside `root`. Everything else (http, https, ftp, ws, other files, …) is refused. */
export function allowedRequest(url: string, root: string): boolean {
  if (url.startsWith("data:")) return true;
  if (!url.startsWith("file:")) return false;
  try {
    const path = resolve(fileURLToPath(url));
    return path.startsWith(root.endsWith(sep) ? root : root + sep);
  } catch {
    return false;
  }
}

/**
 * Prints every task with one browser and a pool of `jobs` pages. Pages run no JavaScript and
 * every request that is not allowed is blocked and counted. The first failure stops the rest,
 * the browser is closed and a PrintError says what happened; PDFs already written stay where
 * they were written (the caller's staging folder).
 */
export async function renderPdfs(tasks: readonly PrintTask[], options: RenderOptions): Promise<RenderResult> {
  const blocked: string[] = [];
  const browsers = options.browsers ?? OWN_BROWSERS;
  if (tasks.length === 0) {
    if (options.browser) await browsers.close(options.browser, !options.browser.connected);
    return { printed: 0, blocked };
  }
  const root = resolve(options.root);
  const browser = options.browser ?? (await browsers.start(options.browserPath));
  let gone = false;
  const disconnected = () => (gone = true);
  browser.once("disconnected", disconnected);
  options.hooks?.browser?.(browser);
  let printed = 0;
  const explain = (task: PrintTask, error: unknown): unknown => {
    if (error instanceof PrintError) return error;
    // A full or read-only disk is the user's to fix, said as such by the build.
    if (["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM"].includes((error as NodeJS.ErrnoException)?.code ?? "")) return error;
    if (gone || !browser.connected) return new PrintError(t`the browser stopped while printing ${task.label} (it crashed or was killed)`);
    if ((error as Error)?.name === "TimeoutError") return new PrintError(t`printing ${task.label} took longer than ${TIMEOUT_MS / 1000} s`);
    return new PrintError(t`could not print ${task.label}: ${firstLine(error) ?? ""}`);
  };
  try {
    await runPool(
      tasks,
      options.jobs,
      async () => {
        let page: Page;
        try {
          page = await browser.newPage();
          // The pages forbid scripts themselves; the printer does not run any either.
          await page.setJavaScriptEnabled(false);
          await page.setRequestInterception(true);
        } catch (error) {
          throw gone || !browser.connected
            ? new PrintError(t`the browser stopped before printing (it crashed or was killed)`)
            : new PrintError(t`could not open a page in the browser: ${firstLine(error) ?? ""}`);
        }
        page.on("request", (request: HTTPRequest) => {
          if (request.isInterceptResolutionHandled()) return;
          const url = request.url();
          if (allowedRequest(url, root)) void request.continue().catch(() => undefined);
          else {
            blocked.push(url);
            void request.abort("blockedbyclient").catch(() => undefined);
          }
        });
        return page;
      },
      async (task, page) => {
        try {
          let html: string;
          if (task.html) {
            html = task.html();
            await writeFile(task.source, html).catch((error: unknown) => Promise.reject(at(error, task.source)));
          } else html = await readFile(task.source, "utf8");
          const pdf = await printWithFootnotes(html, variantPrinter(page, task.source, html));
          await writeFile(task.target, reproducible(pdf, options.sourceDate)).catch((error: unknown) => Promise.reject(at(error, task.target)));
        } catch (error) {
          throw explain(task, error);
        }
        printed++;
        options.hooks?.printed?.(task, printed, tasks.length);
      },
      (page) => (gone ? Promise.resolve() : page.close()),
    );
  } finally {
    browser.off("disconnected", disconnected);
    await browsers.close(browser, gone);
  }
  options.hooks?.finished?.({ printed, blocked });
  return { printed, blocked };
}

/**
 * Prints the page at `source` (its text is `original`) and the variants that set its footnotes,
 * each variant written beside it, so that it reads the same files, and removed after.
 */
function variantPrinter(page: Page, source: string, original: string): (html: string) => Promise<Uint8Array> {
  let printed = 0;
  const print = async (path: string) => {
    await page.goto(pathToFileURL(path).href, { waitUntil: "load", timeout: TIMEOUT_MS });
    return page.pdf({ ...PDF_OPTIONS, timeout: TIMEOUT_MS });
  };
  return async (html) => {
    // The page as it is (every page without footnotes, and any that falls back) needs no copy.
    if (html === original) return print(source);
    const variant = `${source}.variant-${printed++}.html`;
    await writeFile(variant, html);
    try {
      return await print(variant);
    } finally {
      await rm(variant, { force: true });
    }
  };
}

/** Starts the browser at `path` as the printer does; a PrintError says why it did not start. */
export async function startBrowser(path: string): Promise<Browser> {
  try {
    return await launchBrowser(path);
  } catch (error) {
    throw new PrintError(t`could not start the browser ${path}: ${firstLine(error) ?? ""}`);
  }
}

/**
 * Where the browser that prints comes from and where it goes when its printing is done. The
 * command line starts one for each build and closes it after (OWN_BROWSERS); a process that
 * builds many times over may keep one running between its builds (BrowserKeeper).
 */
export interface Browsers {
  /** A browser of the program at `path`, ready to print; a PrintError says why it did not start. */
  start(path: string): Promise<Browser>;
  /** Done with `browser` (`gone`: it crashed or was killed). */
  close(browser: Browser, gone?: boolean): Promise<void>;
}

/** A browser started for each build and closed when it is done. */
export const OWN_BROWSERS: Browsers = {
  start: (path) => startBrowser(path),
  close: (browser, gone) => closeBrowser(browser, gone),
};

/** The browser's version as it names it (`HeadlessChrome/131.0.6778.85`): part of each PDF's cache entry. */
export async function browserVersion(browser: Browser): Promise<string> {
  try {
    return await browser.version();
  } catch (error) {
    throw new PrintError(t`could not ask the browser its version: ${firstLine(error) ?? ""}`);
  }
}

/** Closes a browser started with startBrowser, and ends its processes. */
export async function closeBrowser(browser: Browser, gone = !browser.connected): Promise<void> {
  const child = browser.process();
  if (!gone && browser.connected) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
  } else {
    // Its profile folder goes with the "disconnected" event; the process may still need ending.
    await browser.close().catch(() => undefined);
  }
  // Its helpers too, even when the main process is already gone.
  killBrowserGroup(child?.pid);
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0];
