import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { browserNotFound, findBrowser, isExecutable } from "../browser/index.js";
import { UserError } from "../errors.js";
import { t, type Message } from "../format/message.js";
import type { Io } from "../io.js";
import type { OutputFile } from "../render/site.js";
import { linkOnTheWay } from "../write/output-folder.js";
import { at } from "../write/outputs.js";
import { besideFolder } from "../write/swap.js";
import type { Browser } from "puppeteer-core";
import { browserIdentity, CACHE_FILE, PdfCache, sha256 } from "./cache.js";
import { printFonts } from "./fonts.js";
import { printHtml } from "./print-html.js";
import { progress } from "../diagnostics/progress.js";
import { browserVersion, OWN_BROWSERS, PDF_OPTIONS, PrintError, renderPdfs, type Browsers, type PrintTask, type RenderHooks } from "./render.js";
import { shareOf, type Shard } from "./shard.js";
import { pdfPathOf } from "../model/pages.js";

/** Bumped when the way PDFs are made changes in a way the inputs do not show. */
const PDF_FORMAT = "plan-pdf-4";

export interface PdfBuildOptions {
  /** `auto`: PDFs when a browser is found (the default); `require`: `--pdf`; `skip`: `--no-pdf`. */
  mode: "auto" | "require" | "skip";
  /** `--browser PATH`. */
  browser?: string | undefined;
  /** Pages printing at the same time (`--jobs`). */
  jobs: number;
  /** `--shard i/n`: only this share of the PDFs. */
  shard?: Shard | undefined;
  /** Only the PDFs of these pages (watch mode: the pages rendered again); default: every page. */
  only?: ReadonlySet<string> | undefined;
  /** `YYYY-MM-DD` written as the PDFs' dates. */
  sourceDate?: string | undefined;
  hooks?: RenderHooks | undefined;
  /** The browser started ahead by startEarly, taken here if it is the one to print with. */
  early?: EarlyBrowser | undefined;
  /** Where the browser comes from and goes: by default started for this build and closed after it (OWN_BROWSERS). */
  browsers?: Browsers | undefined;
}

/** A browser started ahead, while the build checks the repository and renders its pages: the PDFs then find it ready. */
export interface EarlyBrowser {
  path: string;
  /** The browser, to the first caller only (a PrintError where it did not start); undefined after. */
  take(): Promise<Browser> | undefined;
  /** Closes it where no one took it. */
  dispose(): Promise<void>;
}

/**
 * Starts the browser the PDFs will be printed with, where the build makes PDFs and will surely
 * start one: the output folder `out` holds no PDFs plan made (no cache: a first build, a CI
 * job), or another program is to print than the one that printed last (it is asked its
 * version). It returns once the browser's process is spawned: the browser starts while the
 * build's own work (the check, the pages) runs. Otherwise the build may print nothing, and
 * starts no browser until it knows. Where nothing needs printing after all, dispose closes it.
 */
export async function startEarly(
  options: Pick<PdfBuildOptions, "mode" | "browser" | "browsers"> & { out: string | undefined },
  io: Io,
): Promise<EarlyBrowser | undefined> {
  if (options.mode === "skip" || options.out === undefined) return undefined;
  const found = resolveBrowser(options, io);
  if ("missing" in found) return undefined;
  if (PdfCache.load(options.out).versionOf(browserIdentity(found.path)) !== undefined) return undefined;
  const browsers = options.browsers ?? OWN_BROWSERS;
  const starting = browsers.start(found.path);
  // A browser that did not start is said by stagePdfs, which takes it, as when it starts it there.
  starting.catch(() => undefined);
  // One turn of the event loop, in which puppeteer spawns the browser's process, before the build's work that does not wait.
  await new Promise((resolve) => setImmediate(resolve));
  let taken = false;
  return {
    path: found.path,
    take() {
      if (taken) return undefined;
      taken = true;
      return starting;
    },
    async dispose() {
      if (taken) return;
      taken = true;
      const browser = await starting.catch(() => undefined);
      if (browser) await browsers.close(browser);
    },
  };
}

/** The PDFs of a build, rendered into a staging folder beside the output folder and not yet in place. */
export interface PdfStage {
  /** PDFs of this build (its share), rendered now. */
  rendered: number;
  /** PDFs whose input has not changed since they were made: not rendered again. */
  unchanged: number;
  /** Requests the printer blocked (remote addresses, files outside the output). */
  blocked: string[];
  /** PDFs printed now with characters none of the shipped fonts has (the browser took them from a font of this computer). */
  unshipped: { pdf: string; chars: string[] }[];
  /** Why no PDF was made, when none was. */
  skipped?: "--no-pdf" | Message;
  /** PDFs in the output folder that no longer match their documents (when PDFs were skipped). */
  stale: string[];
  /** When PDFs were skipped: what each page's PDF would be made from (by the page's path), for a later build to tell its PDF's staleness without the page. */
  inputs?: ReadonlyMap<string, string>;
  /** Moves the rendered PDFs into `into` (each by a rename: the new output of a build, or the output folder in watch mode) and puts the cache there. */
  commit(into: string): void;
  /** Removes the staging folder; after commit, or when the build fails after staging. */
  discard(): void;
}

/** Everything a PDF is made from, hashed: the way it is printed, the font, the date, the page, its print style sheet and the images it shows. */
function inputHash(file: OutputFile, byPath: Map<string, OutputFile>, fontHash: string, sourceDate: string | undefined): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ format: PDF_FORMAT, options: PDF_OPTIONS, font: fontHash, date: sourceDate ?? null }));
  hash.update("\0page\0").update(file.content);
  hash.update("\0print\0").update(file.print?.css ?? "");
  for (const asset of [...new Set(file.print?.assets ?? [])].sort()) {
    const content = byPath.get(asset)?.content;
    hash.update(`\0asset\0${asset}\0`).update(content === undefined ? "missing" : sha256(content));
  }
  return hash.digest("hex");
}

/** Which browser to use, or why there is none. */
function resolveBrowser(options: Pick<PdfBuildOptions, "browser">, io: Io): { path: string } | { missing: Message } {
  const path = findBrowser({ explicit: options.browser, env: io.env });
  if (path === undefined) return { missing: t`no Chrome, Chromium or Edge was found` };
  if (isExecutable(path)) return { path };
  const from = options.browser ? "--browser" : io.env["PUPPETEER_EXECUTABLE_PATH"] ? "PUPPETEER_EXECUTABLE_PATH" : t`the usual places`;
  return { missing: t`the browser given by ${from}, ${path}, does not exist or cannot be run` };
}

const nothingStaged = (partial: Partial<PdfStage>): PdfStage => ({
  rendered: 0,
  unchanged: 0,
  blocked: [],
  unshipped: [],
  stale: [],
  commit() {},
  discard() {},
  ...partial,
});

/**
 * Decides which PDFs this build makes and renders them into a staging folder beside `out`
 * (the previous output, whose cache says which PDFs are unchanged), before anything of the
 * build is written: when printing fails (the browser crashes or is killed), the staging folder
 * goes and the output folder is as it was. PDFs whose input is unchanged are not rendered
 * again and need no browser.
 */
export async function stagePdfs(out: string, files: readonly OutputFile[], options: PdfBuildOptions, io: Io): Promise<PdfStage> {
  const share = shareOf(
    files.filter((f) => f.print && (!options.only || options.only.has(f.path))),
    (f) => f.path,
    options.shard,
  );
  const byPath = new Map(files.map((f) => [f.path, f]));
  const fonts = printFonts();
  const cache = PdfCache.load(out);
  const inputs = new Map(share.map((f) => [f.path, inputHash(f, byPath, fonts.hash, options.sourceDate)]));
  const staleOnes = () => share.map((f) => pdfPathOf(f.path)).filter((pdf, i) => cache.stale(pdf, inputs.get(share[i]!.path)!));

  if (options.mode === "skip") return nothingStaged({ skipped: "--no-pdf", stale: staleOnes(), inputs });
  const toPrint = (version: string | undefined) => share.filter((f) => !cache.fresh(pdfPathOf(f.path), inputs.get(f.path)!, version));

  const browser = resolveBrowser(options, io);
  if ("missing" in browser) {
    // No browser to print with: the PDFs there are as good as any this build could make, whichever browser printed them.
    if (toPrint(undefined).length === 0) return nothingStaged({ unchanged: share.length });
    if (options.mode === "require" || options.browser)
      throw new UserError(
        t`${browser.missing}.\n${browserNotFound(t`Making the PDFs`)}\nNothing was written. Without --pdf, plan builds the HTML and skips the PDFs.`,
        2,
      );
    return nothingStaged({ skipped: browser.missing, stale: staleOnes() });
  }

  // A PDF printed by another version of the browser is printed again. The version of the program that printed last is
  // in the cache; another program, or the same upgraded in place, is started and asked.
  const browsers = options.browsers ?? OWN_BROWSERS;
  const start = () => (options.early?.path === browser.path ? options.early.take() : undefined) ?? browsers.start(browser.path);
  const identity = browserIdentity(browser.path);
  let version = cache.versionOf(identity);
  let started: Browser | undefined;
  let todo: typeof share;
  try {
    if (version === undefined) {
      try {
        started = await start();
        version = await browserVersion(started);
      } catch (error) {
        // A browser that cannot say its version could print nothing either: nothing to print, nothing lost.
        if (toPrint(undefined).length === 0) {
          if (started) await browsers.close(started);
          return nothingStaged({ unchanged: share.length });
        }
        throw error;
      }
    }
    todo = toPrint(version);
    if (todo.length > 0 && !started) {
      started = await start();
      const actual = await browserVersion(started);
      // The program changed without its file showing it: what it prints decides.
      if (actual !== version) todo = toPrint((version = actual));
    }
  } catch (error) {
    if (started) await browsers.close(started);
    if (error instanceof PrintError) throw new UserError(t`${error.text}. No file was written: the output folder is as it was before this build.`, 2);
    throw error;
  }
  if (todo.length === 0) {
    if (started) await browsers.close(started);
    return nothingStaged({ unchanged: share.length });
  }
  cache.remember(identity, version);

  // Started above whenever there is something to print; renderPdfs closes it, or this function on a failure before.
  const printer = started!;
  let handedOver = false;
  let stage: ReturnType<typeof besideFolder>;
  try {
    stage = besideFolder(out, "pdf");
  } catch (error) {
    await browsers.close(printer);
    throw error;
  }
  const staging = stage.path;
  const discard = () => stage.done();
  try {
    const tasks: PrintTask[] = [];
    const unshipped: PdfStage["unshipped"] = [];
    const staged = new Set<string>();
    const put = (path: string, content: string | Uint8Array) => {
      if (staged.has(path)) return;
      staged.add(path);
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      try {
        writeFileSync(join(staging, path), content);
      } catch (error) {
        throw at(error, join(staging, path));
      }
    };
    // Each page's characters that no shipped font has, found as its variant is made; said in the order of the pages.
    const missing: string[][] = [];
    for (const [n, file] of todo.entries()) {
      // The print variant goes where the page goes, so its relative image paths work. It is made when a page of the
      // browser is free to print it: while the browser starts and prints the others, not before.
      mkdirSync(dirname(join(staging, file.path)), { recursive: true });
      const html = () => {
        const page = Buffer.from(file.content).toString("utf8");
        missing[n] = fonts.missing(page);
        return printHtml(page, file.print!.css, fonts.cssFor(page));
      };
      for (const asset of file.print!.assets) {
        const content = byPath.get(asset)?.content;
        if (content !== undefined) put(asset, content);
      }
      tasks.push({ source: join(staging, file.path), target: join(staging, pdfPathOf(file.path)), label: pdfPathOf(file.path), html });
    }
    const bar = progress(io.stderr, io.env, "PDF");
    let result;
    try {
      handedOver = true;
      result = await renderPdfs(tasks, {
        browserPath: browser.path,
        browser: printer,
        browsers,
        jobs: options.jobs,
        root: staging,
        sourceDate: options.sourceDate,
        hooks: {
          browser: (b) => options.hooks?.browser?.(b),
          finished: (r) => options.hooks?.finished?.(r),
          printed: (task, done, total) => {
            bar.update(done, total, task.label);
            options.hooks?.printed?.(task, done, total);
          },
        },
      });
    } finally {
      bar.end();
    }
    todo.forEach((file, n) => {
      if (missing[n]?.length) unshipped.push({ pdf: pdfPathOf(file.path), chars: missing[n] });
    });
    for (const file of todo) cache.set(pdfPathOf(file.path), inputs.get(file.path)!, version, readFileSync(join(staging, pdfPathOf(file.path))));
    return {
      rendered: result.printed,
      unchanged: share.length - todo.length,
      blocked: result.blocked,
      unshipped,
      stale: [],
      commit(into: string) {
        for (const file of todo) {
          const pdf = pdfPathOf(file.path);
          const dir = dirname(join(into, pdf));
          mkdirSync(dir, { recursive: true });
          const link = linkOnTheWay(dir, into);
          if (link) throw new UserError(t`Could not put ${pdf} in place: ${link} is a symbolic link, and plan writes only into real folders. Remove the link.`);
          renameSync(join(staging, pdf), join(into, pdf));
        }
        // Written in the staging folder and renamed: no temporary file is ever inside the output.
        writeFileSync(join(staging, CACHE_FILE), cache.serialize());
        renameSync(join(staging, CACHE_FILE), join(into, CACHE_FILE));
      },
      discard,
    };
  } catch (error) {
    if (!handedOver) await browsers.close(printer);
    discard();
    if (error instanceof PrintError) throw new UserError(t`${error.text}. No file was written: the output folder is as it was before this build.`, 2);
    throw error;
  }
}
