import { availableParallelism } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { stagePdfs, type PdfStage } from "../pdf/build.js";
import type { RenderHooks } from "../pdf/render.js";
import { parseShard } from "../pdf/shard.js";
import { renderSite } from "../render/site.js";
import { sourceDate } from "../render/source-date.js";
import { writeOutputs } from "../write/outputs.js";
import { checkRepository, formatProblems } from "./check.js";
import { UserError, type Io } from "./io.js";

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
  /** For tests: the browser once started, each PDF as it is done. */
  hooks?: RenderHooks;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) throw new UserError(`--jobs takes a whole number from 1 to 64; got "${value}".`);
  return Number(value);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `plan build`: the checks first; then every page, roll-up and copied file in memory and the PDFs in a staging folder; then all of it written. */
export async function runBuild(path: string, options: BuildOptions, io: Io): Promise<number> {
  const jobs = parseJobs(options.jobs);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const checked = checkRepository(path, io);
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(checked, "text", io, io.stderr));
    io.stderr.write("plan: nothing is built from a repository with errors; fix them first.\n");
    return 1;
  }
  const root = checked.repo.root;
  const out = options.out ? resolve(io.cwd, options.out) : join(root, "dist");
  const fromOut = relative(out, root);
  const outside = fromOut === ".." || fromOut.startsWith(`..${sep}`) || isAbsolute(fromOut);
  if (!outside) {
    throw new UserError(`The output folder ${options.out ?? out} is the repository or contains it; choose a folder of its own, e.g. --out dist.`);
  }
  const day = sourceDate(io.env, root);
  const files = renderSite(checked.repo, { buildDate: day });
  const started = performance.now();
  // The PDFs are made before anything is written: a failure there leaves the previous output as it was.
  const pdfs = await stagePdfs(out, files, { mode: options.pdf === true ? "require" : options.pdf === false ? "skip" : "auto", browser: options.browser, jobs, shard, sourceDate: day, hooks: options.hooks }, io);
  try {
    await writeOutputs(out, files);
    pdfs.commit();
  } finally {
    pdfs.discard();
  }
  const pages = files.filter((f) => f.path.endsWith(".html")).length;
  const fromCwd = relative(io.cwd, out);
  const shown = fromCwd === "" ? "." : fromCwd.startsWith("..") || isAbsolute(fromCwd) ? out : fromCwd;
  io.stdout.write(`plan: built ${pages} pages and ${files.length - pages} other files into ${shown}\n`);
  reportPdfs(pdfs, { jobs, shard: options.shard, seconds: (performance.now() - started) / 1000 }, io);
  if (checked.warnings > 0) io.stderr.write(`plan: ${checked.warnings} warning${checked.warnings === 1 ? "" : "s"}; \`plan check\` shows them.\n`);
  return 0;
}

function reportPdfs(pdfs: PdfStage, run: { jobs: number; shard: string | undefined; seconds: number }, io: Io): void {
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
  io.stdout.write(`plan: ${plural(pdfs.rendered, "PDF")} rendered, ${pdfs.unchanged} unchanged${share}${timing}\n`);
  if (pdfs.blocked.length) {
    const shown = [...new Set(pdfs.blocked)].slice(0, 3).join(", ");
    io.stderr.write(`plan: warning: blocked ${plural(pdfs.blocked.length, "request")} to addresses outside the output folder while printing (${shown}${pdfs.blocked.length > 3 ? ", …" : ""}); the PDFs were made without them.\n`);
  }
}
