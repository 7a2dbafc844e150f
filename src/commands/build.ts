import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { plural } from "../format/text.js";
import type { Repository } from "../model/repository.js";
import { CACHE_FILE } from "../pdf/cache.js";
import { pdfPathOf, stagePdfs, type PdfStage } from "../pdf/build.js";
import type { RenderHooks } from "../pdf/render.js";
import { parseShard } from "../pdf/shard.js";
import { renderSite, siteRenderer, type OutputFile } from "../render/site.js";
import { sourceDate } from "../render/source-date.js";
import { CONFIG_FILE } from "../source/discover.js";
import { removeBeside } from "../write/leftovers.js";
import { outputFolder, outputMark } from "../write/output-folder.js";
import { diskError, writeFresh, writeOutputs } from "../write/outputs.js";
import { besideFolder, carryOver, swapIn } from "../write/swap.js";
import { betweenDocumentsChecker, checkDocument } from "../rules/index.js";
import { incrementalRepository } from "../watch/incremental.js";
import { goneLine, watchingLine, watchUntilAborted } from "../watch/watch.js";
import { checkLoaded, checkRepository, errorsOnly, formatProblems, readingProgress, repositoryRoot } from "./check.js";
import { UserError } from "../errors.js";
import type { Io } from "../io.js";

export interface BuildOptions {
  /** Output folder, from the current folder; default `dist` in the repository. */
  out?: string;
  /** `--pdf` (true: PDFs or exit 2), `--no-pdf` (false), neither (PDFs when a browser is found). */
  pdf?: boolean;
  /** `--browser PATH`. */
  browser?: string;
  /** `--jobs N`: pages printing at the same time (default: the number of cores). */
  jobs?: string;
  /** `--shard i/n`. */
  shard?: string;
  /** `--watch`: build again on every save until stopped. */
  watch?: boolean;
  /** For tests: the browser once started, each PDF as it is done. */
  hooks?: RenderHooks;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) throw new UserError(`--jobs takes a whole number from 1 to 64; got "${value}".`);
  return Number(value);
}

/**
 * `plan build`: the checks first; then every page, roll-up and copied file in memory and the
 * PDFs in a staging folder; then all of it written into a fresh folder beside the output
 * folder, which is swapped in as a whole.
 */
export async function runBuild(path: string, options: BuildOptions, io: Io): Promise<number> {
  const jobs = parseJobs(options.jobs);
  if (options.watch) {
    if (options.shard) throw new UserError("--watch builds every PDF that changes; it does not take --shard.");
    return watchBuild(path, options, jobs, io);
  }
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const checked = checkRepository(path, io);
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(errorsOnly(checked), "text", io, io.stderr));
    io.stderr.write("plan: nothing is built from a repository with errors; fix them first.\n");
    return 1;
  }
  const root = checked.repo.root;
  const out = outputFolder({ root, out: options.out, cwd: io.cwd, sources: sourcesOf(checked.repo) });
  removeBeside(dirname(out));
  const day = sourceDate(io.env, root);
  const files = renderSite(checked.repo, { buildDate: day });
  const started = performance.now();
  const unchanged = `Nothing was changed: ${shownPath(out, io)} is as it was before this build.`;
  let pdfs: PdfStage | undefined;
  // Everything is made in a fresh folder beside the output, PDFs included, and swapped in at the end: a failure anywhere leaves the previous output as it was.
  let fresh: ReturnType<typeof besideFolder> | undefined;
  try {
    pdfs = await stagePdfs(out, files, { mode: pdfMode(options), browser: options.browser, jobs, shard, sourceDate: day, hooks: options.hooks }, io);
    fresh = besideFolder(out, "new");
    await writeFresh(fresh.path, [...files, outputMark()]);
    pdfs.commit(fresh.path);
    // The PDFs this build did not make (unchanged, another shard's, skipped) and their cache come from the previous output.
    for (const file of files) if (file.print) carryOver(out, fresh.path, pdfPathOf(file.path));
    carryOver(out, fresh.path, CACHE_FILE);
    swapIn(fresh.path, out);
  } catch (error) {
    throw diskError(error, unchanged);
  } finally {
    pdfs?.discard();
    fresh?.done();
  }
  const pages = files.filter((f) => f.path.endsWith(".html")).length;
  io.stdout.write(`plan: built ${pages} pages and ${files.length - pages} other files into ${shownPath(out, io)}\n`);
  reportPdfs(pdfs!, { jobs, shard: options.shard, seconds: (performance.now() - started) / 1000 }, io);
  if (checked.warnings > 0) io.stderr.write(`plan: ${checked.warnings} warning${checked.warnings === 1 ? "" : "s"}; \`plan check\` shows them.\n`);
  return 0;
}

const pdfMode = (options: BuildOptions) => (options.pdf === true ? "require" : options.pdf === false ? "skip" : "auto");

/** The files a repository is made of, which no output folder may hold. */
function sourcesOf(repo: Repository): string[] {
  return [...repo.sources.map((s) => s.relPath), CONFIG_FILE, "templates"];
}

/** A folder as the user would type it from the current folder, or in full when it lies elsewhere. */
function shownPath(path: string, io: Io): string {
  const fromCwd = relative(io.cwd, path);
  return fromCwd === "" ? "." : fromCwd.startsWith("..") || isAbsolute(fromCwd) ? path : fromCwd;
}

const sameContent = (a: OutputFile["content"], b: OutputFile["content"]) =>
  a === b || (typeof a !== "string" && typeof b !== "string" && Buffer.compare(a, b) === 0);

/**
 * `plan build --watch`: builds, then builds again on every save until stopped. Only what a
 * change reaches is checked and rendered again (see `incrementalRepository` and
 * `siteRenderer`), only files whose bytes changed are written, and only their PDFs printed.
 * A save that leaves errors builds nothing: the output stays that of the last good build.
 */
async function watchBuild(path: string, options: BuildOptions, jobs: number, io: Io): Promise<number> {
  const root = repositoryRoot(path, io);
  const day = sourceDate(io.env, root);
  const reading = readingProgress(io, root);
  const model = incrementalRepository(root, io.cwd, { checkDocument, loaded: reading.loaded });
  const out = outputFolder({ root, out: options.out, cwd: io.cwd, sources: sourcesOf(model.refresh()) });
  removeBeside(dirname(out));
  const between = betweenDocumentsChecker();
  const render = siteRenderer({ buildDate: day });
  // The files of the last round by path, with their bytes; `undefined` where a failed write left them unknown.
  let written = new Map<string, OutputFile["content"] | undefined>();
  let printCss = new Map<string, string>();
  // Until one round has looked at every page's PDF, rounds look at all of them; then only at those of pages written again.
  let pdfsUpToDate = false;
  let last = 0;

  const build = async () => {
    const started = performance.now();
    const checked = checkLoaded(model.refresh(), between);
    reading.end();
    last = checked.errors > 0 ? 1 : 0;
    if (checked.errors > 0) {
      io.stdout.write(formatProblems(errorsOnly(checked), "text", io, io.stdout));
      io.stdout.write(`plan: nothing built; ${shownPath(out, io)} keeps the last build without errors.\n`);
      return;
    }
    // The mark goes with the first round: the output is a build's, which a later build may replace.
    const files = [...render(checked.repo), outputMark()];
    const changed = files.filter((f) => {
      const before = written.get(f.path);
      return before === undefined || !sameContent(before, f.content);
    });
    const kept = new Set(files.map((f) => f.path));
    const gone = [...written.keys()].filter((p) => !kept.has(p));
    try {
      await writeOutputs(out, changed);
    } catch (error) {
      // What is on disk is no longer known: the next round writes every file, and still removes those of removed documents.
      written = new Map([...written.keys(), ...files.map((f) => f.path)].map((p) => [p, undefined]));
      throw error;
    }
    for (const p of gone) for (const file of p.endsWith(".html") ? [p, pdfPathOf(p)] : [p]) rmSync(join(out, file), { force: true });
    written = new Map(files.map((f) => [f.path, f.content]));
    const changedPaths = new Set(changed.map((f) => f.path));
    // A PDF is made of its page, its print style sheet and its images: any of them may have changed.
    const printed = files.filter((f) => f.print && (changedPaths.has(f.path) || f.print.css !== printCss.get(f.path) || f.print.assets.some((a) => changedPaths.has(a))));
    printCss = new Map(files.flatMap((f) => (f.print ? [[f.path, f.print.css]] : [])));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout.write(`plan: ${clock()} ${plural(changed.length, "file")} written${gone.length ? `, ${gone.length} removed` : ""} in ${shownPath(out, io)} (${seconds} s)\n`);

    // With --no-pdf, the PDFs are looked at once, to warn of those that no longer match.
    if (pdfsUpToDate && (printed.length === 0 || options.pdf === false)) return;
    const all = !pdfsUpToDate;
    // Until this round's PDFs are in place, a failure leaves them to be looked at again.
    pdfsUpToDate = false;
    const pdfStarted = performance.now();
    const pdfs = await stagePdfs(out, files, { mode: pdfMode(options), browser: options.browser, jobs, sourceDate: day, only: all ? undefined : new Set(printed.map((f) => f.path)), hooks: options.hooks }, io);
    try {
      pdfs.commit(out);
    } finally {
      pdfs.discard();
    }
    pdfsUpToDate = true;
    // Once every PDF has been looked at, only what was rendered is worth saying.
    if (all || !pdfs.skipped) reportPdfs(pdfs, { jobs, shard: undefined, seconds: (performance.now() - pdfStarted) / 1000, countUnchanged: all }, io);
  };

  const round = async () => {
    try {
      await build();
    } catch (error) {
      // A template that does not compile, a browser that fails: say so, and go on watching. Other failures end the watch.
      if (!(error instanceof UserError)) throw error;
      last = error.exitCode;
      io.stdout.write(`plan: ${error.message}\n`);
    }
    io.stdout.write(watchingLine(path));
  };

  const inOutput = (p: string) => p === out || p.startsWith(out + sep);
  await watchUntilAborted(
    root,
    io.signal,
    async (changed) => {
      // The repository folder came back (see `watchUntilAborted`): what is in the output is no longer known.
      if (changed.includes(root)) {
        written = new Map();
        pdfsUpToDate = false;
      }
      changed.forEach((p) => model.touch(p));
      await round();
    },
    inOutput,
    () => io.stdout.write(goneLine(root)),
  );
  return last;
}

const clock = () => new Date().toTimeString().slice(0, 8);

function reportPdfs(pdfs: PdfStage, run: { jobs: number; shard: string | undefined; seconds: number; countUnchanged?: boolean }, io: Io): void {
  const share = run.shard ? ` (shard ${run.shard})` : "";
  if (pdfs.skipped) {
    const why = pdfs.skipped === "--no-pdf" ? "--no-pdf was given" : `${pdfs.skipped}; pass --pdf to make that an error, or see \`plan build --help\` for --browser`;
    io.stderr.write(`plan: PDFs skipped${share}: ${why}.\n`);
    if (pdfs.stale.length) {
      const names = pdfs.stale.slice(0, 5).join(", ") + (pdfs.stale.length > 5 ? ", …" : "");
      io.stderr.write(`plan: warning: ${plural(pdfs.stale.length, "PDF")} in the output folder no longer match${pdfs.stale.length === 1 ? "es" : ""} ${pdfs.stale.length === 1 ? "its document" : "their documents"}: ${names}\n`);
    }
    return;
  }
  const timing = pdfs.rendered ? ` in ${run.seconds.toFixed(1)} s, ${plural(run.jobs, "page")} in parallel` : "";
  const unchanged = run.countUnchanged === false ? "" : `, ${pdfs.unchanged} unchanged`;
  io.stdout.write(`plan: ${plural(pdfs.rendered, "PDF")} rendered${unchanged}${share}${timing}\n`);
  if (pdfs.blocked.length) {
    const shown = [...new Set(pdfs.blocked)].slice(0, 3).join(", ");
    io.stderr.write(`plan: warning: blocked ${plural(pdfs.blocked.length, "request")} to addresses outside the output folder while printing (${shown}${pdfs.blocked.length > 3 ? ", …" : ""}); the PDFs were made without them.\n`);
  }
}
