import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Position } from "unist";
import type { PendingPlace } from "../diagnostics/positions.js";
import { lightFile, type FieldStarts, type PlaceJob } from "../source/load.js";
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

/** What a worker thread says once it has sent the records of all its files; it then waits for places to find (`PlaceRequest`). */
export const PARSED = "parsed";

/** What the main thread asks of a thread it ends once the files are parsed: the field starts of its files (`Fields`), for the thread that finds their places. */
export const FIELDS = "fields";

/** Where the fields of each file's frontmatter begin (see `fieldStarts`), by the file's absolute path, as one thread gives them to another. */
export interface Fields {
  fields: [string, FieldStarts][];
}

/**
 * How many threads stay, once the files are parsed, to find the places of messages while this
 * thread runs the rules between documents (see `ParseThreads`); the others end and give their
 * files' field starts to these. A thread idle between two parts keeps the heap it grew while
 * parsing, which V8 does not give back when collecting (on 2,000 plans, 70 MB each), and one thread
 * keeps up with the rules, which make a few places per document.
 */
const PLACE_THREADS = 1;

/** What a worker thread says as it begins a share of files: it is sent the next (an empty one once all are out). */
export const MORE = "more";

/** How many shares of files each thread takes, about (see `parseInWorkers`), and the bounds of a share. */
const SHARES_PER_THREAD = 32;
const MIN_SHARE = 8;
const MAX_SHARE = 128;

/** The places to find in one light source's file (see `placesIn`). */
export type PlaceRequest = NonNullable<ReturnType<typeof lightFile>> & { jobs: PlaceJob[] };

/** A worker's answer to a list of `PlaceRequest`: the places of each file in order, `null` for a file it could not read them in. */
export interface Placed {
  placed: (Position[] | null)[];
}

/**
 * The worker threads of a cold check once they have parsed their files (those of them that stay,
 * see PLACE_THREADS): while this thread runs the rules between documents, they find the places the
 * rules make in the files, a batch at a time (`soon`), and the rest once the rules end (`place`),
 * on another core, where this thread would read and parse each file again.
 */
export interface ParseThreads {
  /** A place the rules just made, sent to the threads with others once there are enough (`SOON_BATCH`), while the rules go on. */
  soon(place: PendingPlace): void;
  /**
   * Finds `pending` places in the files they are in, shared between the threads (with those given
   * to `soon` not sent yet), and waits for every answer; a place a thread could not find stays
   * pending, and is found in this thread as before.
   */
  place(pending: readonly PendingPlace[]): Promise<void>;
  /** Ends the threads. */
  close(): void;
}

/**
 * Parses the files of a cold check on every core: one worker thread per core (parse-worker.ts)
 * takes them a share at a time, and leaves each file in `cache` as the cache keeps it; the check then
 * takes them from there as files loaded before, in the repository's order, and runs the rules
 * between documents in this thread. Only from the compiled code (tests run the TypeScript
 * sources, which a worker cannot load), on more than one core and with enough files; a thread
 * that fails leaves its files to be parsed in this thread. PLACE_THREADS of the threads are kept
 * for finding the places of messages (`ParseThreads`), the others ended: the caller closes them.
 */
export async function parseInWorkers(
  root: string,
  cwd: string,
  cache: CheckCache,
  files: readonly string[],
  sharing: ThreadSharing = THREAD_SHARING,
): Promise<ParseThreads | undefined> {
  const script = new URL("./parse-worker.js", import.meta.url);
  const threads = Math.min(availableParallelism(), 16, Math.floor(files.length / sharing.filesPerThread));
  if (!import.meta.url.endsWith(".js") || threads < 2 || files.length < sharing.minFiles) return undefined;
  // The files go out a share at a time, the next to the thread that asks first (`MORE`): a thread slowed by the load on its core,
  // or by larger files, takes fewer, and both end together, where equal halves left one core idle for seconds at the end.
  const shareSize = Math.max(MIN_SHARE, Math.min(MAX_SHARE, Math.ceil(files.length / threads / SHARES_PER_THREAD)));
  let next = 0;
  const nextShare = () => files.slice(next, (next += shareSize));
  // Which thread parsed which file: it remembers where each one's fields begin (see parse-worker.ts).
  const sentTo = new Map<Worker, string[]>();
  const handOut = (worker: Worker, share: string[]) => {
    const sent = sentTo.get(worker);
    if (sent) sent.push(...share);
    else sentTo.set(worker, [...share]);
    return share;
  };
  const workers = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Worker | undefined>((done) => {
          // A thread keeps no more than a file and a batch of records, but V8 lets a heap grow far beyond what it keeps before it
          // collects: a bound makes it collect sooner (on 2,000 plans, 100 MB less at the peak). A thread that still runs out
          // stops, and leaves its files to this thread.
          const first = nextShare();
          const worker = new Worker(script, {
            workerData: { root, cwd, files: first, inline: !cache.persistent },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          handOut(worker, first);
          const parsing = (message: [string, FileRecord][] | typeof PARSED | typeof MORE) => {
            if (message === MORE) return void worker.postMessage(handOut(worker, nextShare()));
            if (message !== PARSED) {
              for (const [relPath, record] of message) cache.adopt(relPath, record);
              return;
            }
            worker.off("message", parsing);
            // Idle until asked for places: it keeps the process from ending only while asked (see `ask`).
            worker.unref();
            done(worker);
          };
          worker.on("message", parsing);
          worker.once("error", () => done(undefined));
          worker.once("exit", () => done(undefined));
        }),
    ),
  );
  const parsed = workers.filter((w): w is Worker => w !== undefined);
  if (parsed.length === 0) return undefined;
  // The threads that find places (PLACE_THREADS), each also for the files of threads ended now (given their field starts).
  const keepers = parsed.slice(0, PLACE_THREADS);
  const keeperOf = new Map(parsed.map((worker, n) => [worker, keepers[n % keepers.length]!]));
  await Promise.all(
    parsed.slice(PLACE_THREADS).map(async (worker) => {
      const fields = await fieldsOf(worker);
      void worker.terminate();
      if (fields) keeperOf.get(worker)!.postMessage(fields);
    }),
  );
  const parsedBy = new Map<string, Worker>();
  for (const worker of parsed) for (const absPath of sentTo.get(worker)!) parsedBy.set(absPath, keeperOf.get(worker)!);
  const alive = new Set(keepers);
  const helpers = new Map([...alive].map((worker) => [worker, { cost: 0, ask: asker(worker) }]));
  for (const worker of alive) worker.once("exit", () => alive.delete(worker));
  // Places sent to a thread, whose answer may not have come yet; the answers still to come.
  const sent = new WeakSet<PendingPlace>();
  const answers: Promise<void>[] = [];
  let soon: PendingPlace[] = [];
  let closed = false;

  /** Sends the places of `pending` not sent yet to the threads, each file's together. */
  const send = (pending: readonly PendingPlace[]) => {
    const byFile = new Map<object, PendingPlace[]>();
    for (const place of pending) {
      if (place.job === undefined || place.settled || sent.has(place)) continue;
      sent.add(place);
      const list = byFile.get(place.within);
      if (list) list.push(place);
      else byFile.set(place.within, [place]);
    }
    const requests: { places: PendingPlace[]; request: PlaceRequest; cost: number }[] = [];
    for (const [within, places] of byFile) {
      const file = lightFile(within);
      if (!file) continue;
      const jobs = places.map((p) => p.job as PlaceJob);
      requests.push({ places, request: { ...file, jobs }, cost: costOf(within, file, jobs) });
    }
    const shares = new Map([...alive].map((worker) => [worker, [] as typeof requests]));
    if (shares.size === 0) return;
    const others: typeof requests = [];
    for (const request of requests) {
      // A file a thread parsed goes to that thread: it knows where the fields of the frontmatter begin, so that it parses only
      // the lines of the fields asked of (see `fieldStarts`).
      const owner = parsedBy.get(request.request.absPath);
      const share = owner && shares.get(owner);
      if (share) {
        helpers.get(owner)!.cost += 1;
        share.push(request);
      } else others.push(request);
    }
    // The costliest first, each to the thread with the least to do: a YAML tree to parse costs more than reading a file,
    // and the files that need one (a plan's budget) are few and may stand together in the repository's order.
    for (const request of others.sort((a, b) => b.cost - a.cost)) {
      const least = [...shares.keys()].reduce((a, b) => (helpers.get(b)!.cost < helpers.get(a)!.cost ? b : a));
      helpers.get(least)!.cost += request.cost;
      shares.get(least)!.push(request);
    }
    for (const [worker, share] of shares) {
      if (share.length === 0) continue;
      answers.push(
        helpers
          .get(worker)!
          .ask(share.map((r) => r.request))
          .then((answer) =>
            answer?.placed.forEach((found, at) => {
              if (found) share[at]!.places.forEach((place, n) => place.foundElsewhere(found[n]!));
            }),
          ),
      );
    }
  };

  return {
    soon(place) {
      if (closed || place.job === undefined) return;
      soon.push(place);
      if (soon.length < SOON_BATCH) return;
      send(soon);
      soon = [];
    },
    async place(pending) {
      send([...soon, ...pending]);
      soon = [];
      await Promise.all(answers);
    },
    close() {
      closed = true;
      for (const worker of alive) void worker.terminate();
      alive.clear();
    },
  };
}

/** How many places the rules make before they are sent to the threads (`ParseThreads.soon`). */
const SOON_BATCH = 512;

/**
 * About what finding `jobs` in a file costs, in files read: a YAML tree to parse, where a job asks
 * for a value's place, costs as many more as its frontmatter has kilobytes (about, on this machine).
 */
function costOf(within: object, file: Omit<PlaceRequest, "jobs">, jobs: readonly PlaceJob[]): number {
  if (!file.hasYaml || !jobs.some((job) => "path" in job)) return 1;
  const bodyStart = (within as { outline?: { bodyStart: number } | undefined }).outline?.bodyStart;
  return 1 + (bodyStart === undefined ? 16 : bodyStart - file.yamlStart) / 1000;
}

/** The field starts a thread knows of its files (`FIELDS`); `undefined` if it ends first. */
function fieldsOf(worker: Worker): Promise<Fields | undefined> {
  return new Promise((done) => {
    const answered = (fields: Fields) => {
      worker.off("exit", ended);
      done(fields);
    };
    const ended = () => {
      worker.off("message", answered);
      done(undefined);
    };
    worker.once("message", answered);
    worker.once("exit", ended);
    worker.ref();
    worker.postMessage(FIELDS);
  });
}

/**
 * Sends lists of requests to a worker, each answered in turn (the thread reads its messages in
 * order); an answer is `undefined` if the thread ends first. The thread keeps the process from
 * ending only while it has requests to answer.
 */
function asker(worker: Worker): (requests: PlaceRequest[]) => Promise<Placed | undefined> {
  const waiting: ((answer: Placed | undefined) => void)[] = [];
  worker.on("message", (answer: Placed) => {
    waiting.shift()?.(answer);
    if (waiting.length === 0) worker.unref();
  });
  worker.once("exit", () => {
    for (const done of waiting.splice(0)) done(undefined);
  });
  return (requests) =>
    new Promise((done) => {
      waiting.push(done);
      worker.ref();
      worker.postMessage(requests);
    });
}
