import { availableParallelism } from "node:os";
import { build, type BuildSettings } from "../build/build.js";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";
import type { Io } from "../io.js";
import type { Browsers, RenderHooks } from "../pdf/render.js";
import { parseShard } from "../pdf/shard.js";
import type { TemplateCache } from "../render/templates.js";

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
  /** `--verbose`: each warning with its place and fix. */
  verbose?: boolean;
  /** For tests: the browser once started, each PDF as it is done. */
  hooks?: RenderHooks;
  /** `--colophon`: every page ends with "Framställt <date> med plan.". */
  colophon?: boolean;
  /** Compiled templates kept between builds by a process that runs many (the tests: Kept of main.ts). */
  templateCache?: TemplateCache | undefined;
  /** Browsers kept running between builds by a process that runs many (the tests: Kept of main.ts). */
  browsers?: Browsers | undefined;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) throw new UserError(t`--jobs takes a whole number from 1 to 64; got "${value}".`);
  return Number(value);
}

/** `plan build`: its arguments checked and parsed, then one build, or with --watch one on every save until stopped. */
export async function runBuild(path: string, options: BuildOptions, io: Io): Promise<number> {
  const jobs = parseJobs(options.jobs);
  const settings: BuildSettings = {
    out: options.out,
    pdf: options.pdf,
    browser: options.browser,
    jobs,
    verbose: options.verbose,
    hooks: options.hooks,
    colophon: options.colophon,
    templateCache: options.templateCache,
    browsers: options.browsers,
  };
  if (options.watch) {
    if (options.shard) throw new UserError(t`--watch builds every PDF that changes; it does not take --shard.`);
    // Loaded only for --watch, with the PDF modules it needs at once (see build.ts).
    const { watchBuild } = await import("../watch/build.js");
    return watchBuild(path, settings, io);
  }
  const shard = options.shard === undefined ? undefined : { part: parseShard(options.shard), label: options.shard };
  return build(path, { ...settings, shard }, io);
}
