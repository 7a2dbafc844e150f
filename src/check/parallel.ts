import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Position } from "unist";
import type { PendingPlace } from "../diagnostics/positions.js";
import type { FieldStarts } from "../source/field-places.js";
import { lightFile, type PlaceJob } from "../source/load.js";
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
 * How many threads stay, once the files are parsed, to find the places of messages while this
 * thread runs the rules between documents (see `ParseThreads`); the others end and give their
 * files' field starts to these. A thread idle between two parts keeps the heap it grew while
 * parsing, which V8 does not give back when collecting (on 2,000 plans, 70 MB each), and one thread
 * keeps up with the rules, which make a few places per document.
 */
const PLACE_THREADS = 1;

/** How many shares of files each thread takes, about (see `parseInWorkers`), and the bounds of a share. */
const SHARES_PER_THREAD = 32;
const MIN_SHARE = 8;
const MAX_SHARE = 128;

/** The places to find in one light source's file (see `placesIn`). */
export type PlaceRequest = NonNullable<ReturnType<typeof lightFile>> & { jobs: PlaceJob[] };

/** Where the fields of each file's frontmatter begin (see `fieldStarts`), by the file's absolute path, as one thread gives them to another. */
export type KnownFields = [string, FieldStarts][];

/**
 * What this thread sends a worker thread (parse-worker.ts): the next share of files to parse (empty
 * once all are out); once it has parsed its files, places to find, a request for the field starts
 * of its files (`fields`: it is about to be ended), or the field starts of another's (`known`),
 * whose places it is to find.
 */
export type ToWorker =
  { type: "share"; files: string[] } | { type: "places"; requests: PlaceRequest[] } | { type: "fields" } | { type: "known"; fields: KnownFields };

/**
 * What a worker thread sends: the records of files it parsed, a batch at a time; that it begins a
 * share (`more`: it is sent the next); that it has parsed all it was given (`parsed`: it then
 * waits for places); the places of each file of a `places` message in order, `null` for a file it
 * could not find them in; the field starts of its files, when asked.
 */
export type FromWorker =
  | { type: "records"; records: [string, FileRecord][] }
  | { type: "more" }
  | { type: "parsed" }
  | { type: "placed"; placed: (Position[] | null)[] }
  | { type: "fields"; fields: KnownFields };

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
 * that fails leaves its files to be parsed in this thread. The threads are kept for finding the
 * places of messages (`ParseThreads`): the caller closes them.
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
  // The files go out a share at a time, the next to the thread that asks first (`more`): a thread slowed by the load on its core,
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
  const started = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Thread | undefined>((done) => {
          // A thread keeps no more than a file and a batch of records, but V8 lets a heap grow far beyond what it keeps before it
          // collects: a bound makes it collect sooner (on 2,000 plans, 100 MB less at the peak). A thread that still runs out
          // stops, and leaves its files to this thread.
          const first = nextShare();
          const worker = new Worker(script, {
            workerData: { root, cwd, files: first, inline: !cache.persistent },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          handOut(worker, first);
          // Lists of places asked for, answered in turn (the thread reads its messages in order); the field starts asked for.
          const waiting: ((placed: (Position[] | null)[] | undefined) => void)[] = [];
          let fieldsAsked: ((fields: KnownFields | undefined) => void) | undefined;
          const thread: Thread = {
            worker,
            cost: 0,
            // The thread keeps the process from ending only while it has places to find: idle, it is unref'd.
            ask: (requests) =>
              new Promise((answered) => {
                waiting.push(answered);
                worker.ref();
                worker.postMessage({ type: "places", requests } satisfies ToWorker);
              }),
            fields: () =>
              new Promise((answered) => {
                fieldsAsked = answered;
                worker.ref();
                worker.postMessage({ type: "fields" } satisfies ToWorker);
              }),
          };
          worker.on("message", (message: FromWorker) => {
            switch (message.type) {
              case "records":
                for (const [relPath, record] of message.records) cache.adopt(relPath, record);
                return;
              case "more":
                return void worker.postMessage({ type: "share", files: handOut(worker, nextShare()) } satisfies ToWorker);
              case "parsed":
                worker.unref();
                return done(thread);
              case "placed":
                waiting.shift()?.(message.placed);
                if (waiting.length === 0) worker.unref();
                return;
              case "fields":
                fieldsAsked?.(message.fields);
                fieldsAsked = undefined;
            }
          });
          worker.once("error", () => done(undefined));
          worker.once("exit", () => {
            for (const answered of waiting.splice(0)) answered(undefined);
            fieldsAsked?.(undefined);
            done(undefined);
          });
        }),
    ),
  );
  const parsed = started.filter((t): t is Thread => t !== undefined);
  if (parsed.length === 0) return undefined;
  // The threads that find places (PLACE_THREADS), each also for the files of the threads ended now, given their field starts.
  const keepers = parsed.slice(0, PLACE_THREADS);
  const keeperOf = new Map(parsed.map((thread, n) => [thread, keepers[n % keepers.length]!]));
  await Promise.all(
    parsed.slice(PLACE_THREADS).map(async (thread) => {
      const fields = await thread.fields();
      void thread.worker.terminate();
      if (fields) keeperOf.get(thread)!.worker.postMessage({ type: "known", fields } satisfies ToWorker);
    }),
  );
  const parsedBy = new Map<string, Thread>();
  for (const thread of parsed) for (const absPath of sentTo.get(thread.worker)!) parsedBy.set(absPath, keeperOf.get(thread)!);
  const alive = new Set(keepers);
  for (const thread of alive) thread.worker.once("exit", () => alive.delete(thread));
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
    const shares = new Map([...alive].map((thread) => [thread, [] as { places: PendingPlace[]; request: PlaceRequest }[]]));
    if (shares.size === 0) return;
    const give = (thread: Thread, request: { places: PendingPlace[]; request: PlaceRequest; cost: number }) => {
      thread.cost += request.cost;
      shares.get(thread)!.push(request);
    };
    const others: { places: PendingPlace[]; request: PlaceRequest; cost: number }[] = [];
    for (const [within, places] of byFile) {
      const file = lightFile(within);
      if (!file) continue;
      const jobs = places.map((p) => p.job as PlaceJob);
      const request = { places, request: { ...file, jobs } };
      // A file a thread parsed goes to that thread, which knows where the fields of its frontmatter begin: it parses only the
      // lines of the fields asked of (see `fieldStarts`), which costs about as much as reading the file.
      const owner = parsedBy.get(file.absPath);
      if (owner && shares.has(owner)) give(owner, { ...request, cost: 1 });
      else others.push({ ...request, cost: costOf(within, file, jobs) });
    }
    // The costliest first, each to the thread with the least to do: a YAML tree to parse costs more than reading a file,
    // and the files that need one (a plan's budget) are few and may stand together in the repository's order.
    for (const request of others.sort((a, b) => b.cost - a.cost))
      give(
        [...shares.keys()].reduce((a, b) => (b.cost < a.cost ? b : a)),
        request,
      );
    for (const [thread, share] of shares) {
      if (share.length === 0) continue;
      answers.push(
        thread.ask(share.map((r) => r.request)).then((placed) =>
          placed?.forEach((found, at) => {
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
      for (const thread of alive) void thread.worker.terminate();
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

/** A worker thread that has parsed its files, and finds places in them when asked (`ask`); `cost` is what it has been given to do (see `costOf`). */
interface Thread {
  worker: Worker;
  cost: number;
  /** The places of each file asked of, in order (`null` for a file the thread could not find them in); `undefined` if the thread ends first. */
  ask(requests: PlaceRequest[]): Promise<(Position[] | null)[] | undefined>;
  /** The field starts the thread knows of its files (see `fieldStarts`); `undefined` if it ends first. */
  fields(): Promise<KnownFields | undefined>;
}
