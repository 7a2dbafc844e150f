import { checkAll, exitCode, formatProblems, type DiagnosticFormat } from "../check/check.js";
import type { ThreadSharing } from "../check/parallel.js";
import type { Io } from "../io.js";
import { watchCheck } from "../watch/check.js";

export interface CheckOptions {
  format: DiagnosticFormat;
  strict: boolean;
  watch?: boolean;
  /** Keep what each check found in `.plan-cache/` and take what no change reached from there (default); `--no-cache` checks everything anew. */
  cache?: boolean;
  /** When a cold check parses in threads (check/parallel.ts); plan's own figures by default. No option of the command line: a test lowers them. */
  threads?: ThreadSharing;
}

/** `plan check`: 0 when clean (warnings allowed), 1 with errors (or warnings under --strict). */
export async function runCheck(path: string, options: CheckOptions, io: Io): Promise<number> {
  if (options.watch) return watchCheck(path, options, io);
  // Checking needs only each body's outline; the markdown trees are not kept.
  const checked = await checkAll(path, io, { cache: options.cache !== false, threads: options.threads });
  io.stdout.write(formatProblems(checked, options.format, io, io.stdout));
  return exitCode(checked, options.strict);
}
