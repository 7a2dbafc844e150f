import { rmSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { pdfMode, reportPackets, reportPdfs, shownPath, sourcesOf, type BuildSettings } from "../build/build.js";
import { checkLoaded, errorsOnly, formatProblems, readingProgress, repositoryRoot } from "../check/check.js";
import { UserError } from "../errors.js";
import { count, decimal, langIn, say, t } from "../format/message.js";
import type { Io } from "../io.js";
import { packetPathOf, pdfPathOf } from "../model/pages.js";
import { stagePdfs } from "../pdf/build.js";
import { writePackets } from "../pdf/packet.js";
import { siteRenderer, type OutputFile } from "../render/site.js";
import { sourceDate } from "../render/source-date.js";
import { betweenDocumentsChecker, checkDocument } from "../rules/index.js";
import { removeBeside } from "../write/leftovers.js";
import { outputFolder, outputMark } from "../write/output-folder.js";
import { writeOutputs } from "../write/outputs.js";
import { incrementalRepository } from "./incremental.js";
import { goneLine, stillPresent, watchingLine, watchUntilAborted } from "./watch.js";

const sameContent = (a: OutputFile["content"], b: OutputFile["content"]) =>
  a === b || (typeof a !== "string" && typeof b !== "string" && Buffer.compare(a, b) === 0);

/**
 * `plan build --watch`: builds, then builds again on every save until stopped. Only what a
 * change reaches is checked and rendered again (see `incrementalRepository` and
 * `siteRenderer`), only files whose bytes changed are written, and only their PDFs printed.
 * A save that leaves errors builds nothing: the output stays that of the last good build.
 */
export async function watchBuild(path: string, options: BuildSettings, io: Io): Promise<number> {
  const root = repositoryRoot(path, io);
  const day = sourceDate(io.env, root);
  const reading = readingProgress(io, root);
  const model = incrementalRepository(root, io.cwd, { checkDocument, loaded: reading.loaded });
  const out = outputFolder({ root, out: options.out, cwd: io.cwd, sources: sourcesOf(model.refresh()) });
  removeBeside(dirname(out));
  const between = betweenDocumentsChecker();
  const render = siteRenderer({ buildDate: day, colophon: options.colophon, templateCache: options.templateCache });
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
    // Nothing is built from half a repository: a folder removed while it was read is said to be gone.
    stillPresent(root);
    last = checked.errors > 0 ? 1 : 0;
    if (checked.errors > 0) {
      io.stdout.write(formatProblems(errorsOnly(checked), "text", io, io.stdout));
      io.stdout.write(`${say(t`plan: nothing built; ${shownPath(out, io)} keeps the last build without errors.`, langIn(io))}\n`);
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
    // A page takes its PDF with it, and a kallelse's its meeting packet (unless a file of this round is at that path).
    const withPrints = (p: string) => (p.endsWith(".html") ? [p, pdfPathOf(p), packetPathOf(p)].filter((f) => f === p || !kept.has(f)) : [p]);
    for (const p of gone) for (const file of withPrints(p)) rmSync(join(out, file), { force: true });
    written = new Map(files.map((f) => [f.path, f.content]));
    const changedPaths = new Set(changed.map((f) => f.path));
    // A PDF is made of its page, its print style sheet and its images: any of them may have changed.
    const printed = files.filter(
      (f) => f.print && (changedPaths.has(f.path) || f.print.css !== printCss.get(f.path) || f.print.assets.some((a) => changedPaths.has(a))),
    );
    printCss = new Map(files.flatMap((f) => (f.print ? [[f.path, f.print.css]] : [])));
    const seconds = decimal((performance.now() - started) / 1000, 2);
    const removed = gone.length ? t`, ${gone.length} removed` : "";
    io.stdout.write(`${say(t`plan: ${clock()} ${count(changed.length, "file")} written${removed} in ${shownPath(out, io)} (${seconds} s)`, langIn(io))}\n`);

    // With --no-pdf, the PDFs are looked at once, to warn of those that no longer match.
    if (pdfsUpToDate && (printed.length === 0 || options.pdf === false)) return;
    const all = !pdfsUpToDate;
    // Until this round's PDFs are in place, a failure leaves them to be looked at again.
    pdfsUpToDate = false;
    const pdfStarted = performance.now();
    const pdfs = await stagePdfs(
      out,
      files,
      {
        mode: pdfMode(options),
        browser: options.browser,
        browsers: options.browsers,
        jobs: options.jobs,
        sourceDate: day,
        only: all ? undefined : new Set(printed.map((f) => f.path)),
        hooks: options.hooks,
      },
      io,
    );
    // The PDFs' time is of their making alone; the packets say their own.
    const pdfSeconds = (performance.now() - pdfStarted) / 1000;
    try {
      pdfs.commit(out);
    } finally {
      pdfs.discard();
    }
    // The meeting packets joined from the PDFs now in place, as a build joins them: again whenever one of their parts may have changed.
    const joining = performance.now();
    const packets =
      pdfs.skipped || (!all && pdfs.rendered === 0) ? undefined : { ...(await writePackets(out, files, day)), seconds: (performance.now() - joining) / 1000 };
    pdfsUpToDate = true;
    // Once every PDF has been looked at, only what was rendered is worth saying.
    if (all || !pdfs.skipped) reportPdfs(pdfs, { jobs: options.jobs, shard: undefined, seconds: pdfSeconds, countUnchanged: all }, io);
    if (packets && (all || packets.joined.length)) reportPackets(packets, { shard: false }, io);
  };

  const round = async () => {
    try {
      await build();
    } catch (error) {
      // A template that does not compile, a browser that fails: say so, and go on watching. Other failures end the watch.
      if (!(error instanceof UserError)) throw error;
      last = error.exitCode;
      io.stdout.write(`plan: ${say(error.text, langIn(io))}\n`);
    }
    io.stdout.write(watchingLine(path, io));
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
    () => io.stdout.write(goneLine(root, io)),
  );
  return last;
}

const clock = () => new Date().toTimeString().slice(0, 8);
