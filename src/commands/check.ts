import { checkAll, exitCode, problemPieces, reportedOf, writePieces, type DiagnosticFormat, type Reported } from "../check/check.js";
import { withHeapBound } from "../check/heap.js";
import type { ThreadSharing } from "../check/parallel.js";
import type { Io } from "../io.js";

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
  if (options.watch) return (await import("../watch/check.js")).watchCheck(path, options, io);
  // A cold check bounds the heap's growth (see `withHeapBound`), and its report is made within the bound: it makes the last of the garbage.
  return withHeapBound(async (bound) => {
    const { code, reported } = await checkToReport(path, options, io, bound);
    // Written a piece at a time: the report of a large repository is never held whole.
    writePieces(io.stdout, problemPieces(reported, options.format, io, io.stdout));
    return code;
  });
}

/**
 * The check, as its exit code and what its report reads (the problems): the model they were found
 * in (the documents' data, the search for copies: 40 % of what a check of 10,000 plans keeps) is
 * let go as this returns, to be collected while the report is written. `cold` is called when the
 * check finds no cache to take from (see `checkAll`).
 */
async function checkToReport(path: string, options: CheckOptions, io: Io, cold: () => void): Promise<{ code: number; reported: Reported }> {
  // Checking needs only each body's outline; the markdown trees are not kept.
  const checked = await checkAll(path, io, { cache: options.cache !== false, threads: options.threads, cold });
  return { code: exitCode(checked, options.strict), reported: reportedOf(checked) };
}
