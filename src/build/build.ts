import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { checkRepository, errorsOnly, formatProblems, type Checked } from "../check/check.js";
import { formatSummary } from "../diagnostics/format-summary.js";
import { count, decimal, langIn, say, t, type Message } from "../format/message.js";
import type { Io } from "../io.js";
import type { Repository } from "../model/repository.js";
import { pdfPathOf } from "../model/pages.js";
import type { EarlyBrowser, PdfStage } from "../pdf/build.js";
import { CACHE_FILE, PdfCache } from "../pdf/cache.js";
import type { Browsers, RenderHooks } from "../pdf/render.js";
import type { Shard } from "../pdf/shard.js";
import { renderChanged, renderSite, type KeptFile, type OutputFile, type SiteOptions, type SiteRecord } from "../render/site.js";
import { sourceDate } from "../render/source-date.js";
import type { TemplateCache } from "../render/templates.js";
import { CONFIG_FILE, findRoot } from "../source/discover.js";
import { parseBodyWhenAsked } from "../source/load.js";
import { UserError } from "../errors.js";
import { compareStrings } from "../format/text.js";
import { removeBeside } from "../write/leftovers.js";
import { outputFolder, outputMark } from "../write/output-folder.js";
import { diskError, writeFresh } from "../write/outputs.js";
import { besideFolder, carryAll, carryOver, swapIn } from "../write/swap.js";
import { lastBuild, recordBuild, type LastBuild } from "./pages.js";
import { inputsOf, remember, upToDate } from "./unchanged.js";

/** A build as the command line asks for it, its arguments parsed. */
export interface BuildSettings {
  /** Output folder, from the current folder; default `dist` in the repository. */
  out?: string;
  /** PDFs or exit 2 (true), none (false), or where a browser is found (undefined). */
  pdf?: boolean;
  /** The browser's path, instead of looking for one. */
  browser?: string;
  /** Pages printing at the same time. */
  jobs: number;
  /** Each warning with its place and fix, instead of a count per file and rule. */
  verbose?: boolean;
  /** For tests: the browser once started, each PDF as it is done. */
  hooks?: RenderHooks;
  /** `--colophon`: every page ends with "Framställt <date> med plan.". */
  colophon?: boolean;
  /** Compiled templates kept between builds by a process that runs many (the tests); without it, each build compiles its own. */
  templateCache?: TemplateCache | undefined;
  /** Browsers kept running between builds by a process that runs many (the tests); without it, each build starts its own. */
  browsers?: Browsers | undefined;
}

/**
 * `plan build`: the checks first; then every page, roll-up and copied file in memory and the
 * PDFs in a staging folder; then all of it written into a fresh folder beside the output
 * folder, which is swapped in as a whole. With a shard, only its share of the PDFs is printed;
 * `label` is the shard as it was given, for the report.
 */
export async function build(path: string, options: BuildSettings & { shard?: { part: Shard; label: string } }, io: Io): Promise<number> {
  // Where it will surely print, the browser starts while the repository is checked and its pages rendered (the output
  // folder as outputFolder finds it: --out, else dist in the repository); closed unused where nothing is printed.
  const root = findRoot(resolve(io.cwd, path));
  const out = options.out !== undefined ? resolve(io.cwd, options.out) : root && join(root, "dist");
  // The PDF modules take half a second to load, which an HTML build does without (here and below).
  const early =
    pdfMode(options) === "skip"
      ? undefined
      : await (await import("../pdf/build.js")).startEarly({ mode: pdfMode(options), browser: options.browser, browsers: options.browsers, out }, io);
  try {
    return await buildWith(path, options, early, io);
  } finally {
    await early?.dispose();
  }
}

async function buildWith(
  path: string,
  options: BuildSettings & { shard?: { part: Shard; label: string } },
  early: EarlyBrowser | undefined,
  io: Io,
): Promise<number> {
  // An HTML build first asks the check's cache, and whether anything it is made of changed since the last one (see unchanged.ts).
  const htmlOnly = pdfMode(options) === "skip" && options.shard === undefined;
  const checked = checkRepository(path, io, htmlOnly ? { keepBody: false, cache: true } : {});
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(errorsOnly(checked), "text", io, io.stderr));
    io.stderr.write(`${say(t`plan: nothing is built from a repository with errors; fix them first.`, langIn(io))}\n`);
    return 1;
  }
  const root = checked.repo.root;
  const out = outputFolder({ root, out: options.out, cwd: io.cwd, sources: sourcesOf(checked.repo) });
  const day = sourceDate(io.env, root);
  const inputs = htmlOnly ? inputsOf(root, out, { pdf: "skip", colophon: options.colophon === true, day }, io.env) : undefined;
  if (inputs !== undefined && upToDate(root, out, inputs)) {
    io.stdout.write(`${say(t`plan: nothing changed since the last build: ${shownPath(out, io)} is as it was, and nothing was written.`, langIn(io))}\n`);
    if (checked.warnings > 0) io.stderr.write(warningsReport(checked, path, options.verbose === true, io));
    return 0;
  }
  removeBeside(dirname(out));
  // An HTML build renders only the pages a change reaches (see `renderChanged`), and parses the markdown, which the check's cache does not keep, only of the documents they show.
  const last = htmlOnly ? lastBuild(root, out) : undefined;
  let files: OutputFile[];
  let kept: KeptFile[] = [];
  let site: SiteRecord | undefined;
  const rendering: SiteOptions = { buildDate: day, colophon: options.colophon, templateCache: options.templateCache };
  if (htmlOnly) {
    for (const source of checked.repo.sources) parseBodyWhenAsked(source);
    ({ files, kept, record: site } = renderChanged(checked.repo, rendering, last?.site, (p) => last?.stands(p) === true));
  } else files = renderSite(checked.repo, rendering);
  const started = performance.now();
  const unchanged = t`Nothing was changed: ${shownPath(out, io)} is as it was before this build.`;
  let pdfs: PdfStage | undefined;
  let packets: { joined: string[]; incomplete: string[]; seconds: number } | undefined;
  let pdfSeconds = 0;
  // Everything is made in a fresh folder beside the output, PDFs included, and swapped in at the end: a failure anywhere leaves the previous output as it was.
  let fresh: ReturnType<typeof besideFolder> | undefined;
  try {
    // Loaded only by a build that gets this far: the PDF modules take half a second to load, which a build with nothing changed does without.
    const { stagePdfs } = await import("../pdf/build.js");
    pdfs = await stagePdfs(
      out,
      files,
      {
        mode: pdfMode(options),
        browser: options.browser,
        browsers: options.browsers,
        jobs: options.jobs,
        shard: options.shard?.part,
        sourceDate: day,
        hooks: options.hooks,
        early,
      },
      io,
    );
    // The PDFs' time is of their making alone (browser, print variants, printing); the packets say their own, and writing the pages is neither.
    pdfSeconds = (performance.now() - started) / 1000;
    fresh = besideFolder(out, "new");
    await writeFresh(fresh.path, [...files, outputMark()]);
    // The files no change reached, as the last build left them (a hard link each, where the disk allows).
    const missed = carryAll(
      out,
      fresh.path,
      kept.map((f) => f.path),
    );
    if (missed.length) throw new UserError(t`${join(out, missed[0]!)} changed while plan was building; build again.`);
    pdfs.commit(fresh.path);
    // The PDFs this build did not make (unchanged, another shard's, skipped) and their cache come from the previous output.
    for (const file of [...files, ...kept]) if (file.print) carryOver(out, fresh.path, pdfPathOf(file.path));
    carryOver(out, fresh.path, CACHE_FILE);
    // So do the meeting packets, which are joined again below where the PDFs were looked at (with --no-pdf, they stay as the PDFs do).
    for (const file of files) if (file.packet) carryOver(out, fresh.path, file.packet.path);
    for (const file of kept) if (file.packet) carryOver(out, fresh.path, file.packet);
    // The meeting packets, joined from the PDFs now in place; none where the PDFs were skipped, as they may be stale.
    if (!pdfs.skipped) {
      const joining = performance.now();
      packets = { ...(await (await import("../pdf/packet.js")).writePackets(fresh.path, files, day)), seconds: (performance.now() - joining) / 1000 };
    }
    swapIn(fresh.path, out);
  } catch (error) {
    throw diskError(error, unchanged);
  } finally {
    pdfs?.discard();
    fresh?.done();
  }
  if (site) recordBuild(root, out, site, pdfInputsOf(pdfs!, files, kept, last));
  if (inputs !== undefined) remember(root, out, inputs);
  const isPage = (f: { path: string }) => f.path.endsWith(".html");
  const rendered = files.filter(isPage).length;
  const pages = rendered + kept.filter(isPage).length;
  const others = files.length + kept.length - pages;
  const built = t`plan: built ${count(pages, "page")} and ${count(others, "other file")} into ${shownPath(out, io)}`;
  io.stdout.write(`${say(kept.length ? t`${built} (${count(rendered, "page")} rendered, ${pages - rendered} unchanged)` : built, langIn(io))}\n`);
  if (kept.length) pdfs = { ...pdfs!, stale: staleWithKept(out, pdfs!, files, kept, last) };
  reportPdfs(pdfs!, { jobs: options.jobs, shard: options.shard?.label, seconds: pdfSeconds }, io);
  if (packets) reportPackets(packets, { shard: options.shard !== undefined }, io);
  if (checked.warnings > 0) io.stderr.write(warningsReport(checked, path, options.verbose === true, io));
  return 0;
}

/** What each page's PDF would be made from, for the next build: the pages rendered now as the PDF stage found, those kept as the last build recorded. */
function pdfInputsOf(pdfs: PdfStage, files: readonly OutputFile[], kept: readonly KeptFile[], last: LastBuild | undefined): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const file of files) {
    const input = file.print && pdfs.inputs?.get(file.path);
    if (input) inputs.set(file.path, input);
  }
  for (const file of kept) {
    const input = file.print && last?.pdfInputs.get(file.path);
    if (input) inputs.set(file.path, input);
  }
  return inputs;
}

/**
 * The PDFs in the output that no longer match their pages, when PDFs were skipped: those of the
 * pages rendered now, as the PDF stage found, and those of the pages kept, by what the last build
 * recorded their PDFs would be made from (a kept page is made of the same as then). In the
 * order of the pages, as a build that rendered every page lists them.
 */
function staleWithKept(out: string, pdfs: PdfStage, files: readonly OutputFile[], kept: readonly KeptFile[], last: LastBuild | undefined): string[] {
  if (!pdfs.skipped) return pdfs.stale;
  const stale = new Set(pdfs.stale);
  const cache = PdfCache.load(out);
  const pages = [
    ...files.filter((f) => f.print && stale.has(pdfPathOf(f.path))).map((f) => f.path),
    ...kept
      .filter((f) => {
        if (!f.print) return false;
        const input = last?.pdfInputs.get(f.path);
        // Nothing recorded of what it was made from: a PDF there cannot be told to match.
        return input === undefined ? existsSync(join(out, pdfPathOf(f.path))) : cache.stale(pdfPathOf(f.path), input);
      })
      .map((f) => f.path),
  ];
  return pages.sort(compareStrings).map(pdfPathOf);
}

/**
 * The warnings a build passed over: by file and rule in a few lines, or with `verbose` each with
 * its place and fix, as `plan check` shows them.
 */
function warningsReport(checked: Checked, path: string, verbose: boolean, io: Io): string {
  if (verbose) return formatProblems(checked, "text", io, io.stderr);
  const shown = path === "." ? "" : ` ${path}`;
  const lang = langIn(io);
  const documents = count(checked.repo.documents.size, "document");
  const found = t`${count(checked.warnings, "warning")} in ${count(checked.problems.length, "file")}`;
  return (
    say(t`plan: checked ${documents}: ${found}:`, lang) +
    "\n" +
    formatSummary(checked.problems, lang) +
    say(t`plan: \`plan check${shown}\` (or \`plan build --verbose\`) shows each with its place and how to fix it.`, lang) +
    "\n"
  );
}

export const pdfMode = (options: BuildSettings) => (options.pdf === true ? "require" : options.pdf === false ? "skip" : "auto");

/** The files a repository is made of, which no output folder may hold. */
export function sourcesOf(repo: Repository): string[] {
  return [...repo.sources.map((s) => s.relPath), CONFIG_FILE, "templates"];
}

/** A folder as the user would type it from the current folder, or in full when it lies elsewhere. */
export function shownPath(path: string, io: Io): string {
  const fromCwd = relative(io.cwd, path);
  return fromCwd === "" ? "." : fromCwd.startsWith("..") || isAbsolute(fromCwd) ? path : fromCwd;
}

/** The meeting packets a build or a round of watch mode joined, and those it could not. */
export function reportPackets(packets: { joined: string[]; incomplete: string[]; seconds: number }, run: { shard: boolean }, io: Io): void {
  const lang = langIn(io);
  const joined = count(packets.joined.length, "meeting packet");
  if (packets.joined.length) io.stdout.write(`${say(t`plan: ${joined} joined in ${decimal(packets.seconds, 1)} s`, lang)}\n`);
  // With --shard another job prints some parts: said only where it is not that.
  if (packets.incomplete.length && !run.shard) io.stderr.write(`${say(t`plan: warning: no meeting packet for ${packets.incomplete.join(", ")}.`, lang)}\n`);
}

/** What became of the PDFs: how many were printed, in how long, or why none were, and what could not be reached while printing. */
export function reportPdfs(pdfs: PdfStage, run: { jobs: number; shard: string | undefined; seconds: number; countUnchanged?: boolean }, io: Io): void {
  const lang = langIn(io);
  const line = (message: Message) => `${say(message, lang)}\n`;
  const share = run.shard ? t` (shard ${run.shard})` : "";
  if (pdfs.skipped) {
    const why =
      pdfs.skipped === "--no-pdf" ? t`--no-pdf was given` : t`${pdfs.skipped}; pass --pdf to make that an error, or see \`plan build --help\` for --browser`;
    io.stderr.write(line(t`plan: PDFs skipped${share}: ${why}.`));
    if (pdfs.stale.length) {
      const names = pdfs.stale.slice(0, 5).join(", ") + (pdfs.stale.length > 5 ? ", …" : "");
      io.stderr.write(
        line(
          pdfs.stale.length === 1
            ? t`plan: warning: 1 PDF in the output folder no longer matches its document: ${names}`
            : t`plan: warning: ${pdfs.stale.length} PDFs in the output folder no longer match their documents: ${names}`,
        ),
      );
    }
    return;
  }
  const timing = pdfs.rendered ? t` in ${decimal(run.seconds, 1)} s, ${count(run.jobs, "page")} in parallel` : "";
  const unchanged = run.countUnchanged === false ? "" : t`, ${pdfs.unchanged} unchanged`;
  io.stdout.write(line(t`plan: ${count(pdfs.rendered, "PDF")} rendered${unchanged}${share}${timing}`));
  if (pdfs.blocked.length) {
    const shown = [...new Set(pdfs.blocked)].slice(0, 3).join(", ") + (pdfs.blocked.length > 3 ? ", …" : "");
    io.stderr.write(
      line(
        t`plan: warning: blocked ${count(pdfs.blocked.length, "request")} to addresses outside the output folder while printing (${shown}); the PDFs were made without them.`,
      ),
    );
  }
  for (const { pdf, chars } of pdfs.unshipped) {
    const shown = chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ");
    io.stderr.write(
      line(
        chars.length === 1
          ? t`plan: warning: ${pdf}: ${shown} is in none of the fonts plan ships; the browser took it from a font of this computer, so the PDF may print it differently elsewhere or as a box. Write it in words in the document, or leave it out.`
          : t`plan: warning: ${pdf}: ${shown} are in none of the fonts plan ships; the browser took them from a font of this computer, so the PDF may print them differently elsewhere or as a box. Write them in words in the document, or leave them out.`,
      ),
    );
  }
}
