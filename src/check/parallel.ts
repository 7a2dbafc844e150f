import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckCache, FileRecord } from "./cache.js";

/** When a cold check shares its files between threads: not below `minFiles` (starting the threads, each of which loads plan anew, would cost more than it saves), and one thread per `filesPerThread` files at most. */
export interface ThreadSharing {
  minFiles: number;
  filesPerThread: number;
}

/** What `plan check` uses; a test shows the threads at work on a small repository with lower figures. */
export const THREAD_SHARING: ThreadSharing = { minFiles: 200, filesPerThread: 100 };

/** The old generation of a worker's heap, in MB: some times what parsing the largest document (2 MB, see MAX_BYTES) takes. */
const WORKER_HEAP_MB = 256;

/**
 * Parses the files of a cold check on every core: one worker thread per core (parse-worker.ts)
 * takes an equal share, and leaves each file in `cache` as the cache keeps it; the check then
 * takes them from there as files loaded before, in the repository's order, and runs the rules
 * between documents in this thread. Only from the compiled code (tests run the TypeScript
 * sources, which a worker cannot load), on more than one core and with enough files; a thread
 * that fails leaves its files to be parsed in this thread.
 */
export async function parseInWorkers(
  root: string,
  cwd: string,
  cache: CheckCache,
  files: readonly string[],
  sharing: ThreadSharing = THREAD_SHARING,
): Promise<void> {
  const script = new URL("./parse-worker.js", import.meta.url);
  const threads = Math.min(availableParallelism(), 16, Math.floor(files.length / sharing.filesPerThread));
  if (!import.meta.url.endsWith(".js") || threads < 2 || files.length < sharing.minFiles) return;
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, at) => at % threads === i));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((done) => {
          // A thread keeps no more than a file and a batch of records, but V8 lets a heap grow far beyond what it keeps before it
          // collects: a bound makes it collect sooner (on 2,000 plans, 100 MB less at the peak). A thread that still runs out
          // stops, and leaves its files to this thread.
          const worker = new Worker(script, {
            workerData: { root, cwd, files: share, inline: !cache.persistent },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          worker.on("message", (records: [string, FileRecord][]) => {
            for (const [relPath, record] of records) cache.adopt(relPath, record);
          });
          worker.once("error", () => done());
          worker.once("exit", () => done());
        }),
    ),
  );
}
