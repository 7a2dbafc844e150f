import { parentPort, workerData } from "node:worker_threads";
import { loadRead, readFromDisk } from "../model/load-repository.js";
import { checkDocument } from "../rules/index.js";
import { fieldStarts, placesIn, type FieldStarts } from "../source/field-places.js";
import { repositoryPath } from "../source/read-inside.js";
import { recordOfLoaded, type FileRecord } from "./cache.js";
import type { FromWorker, ToWorker } from "./parallel.js";
import { packed } from "./intern.js";

/** Files whose records go to the main thread in one message. */
const BATCH = 100;

/**
 * A worker thread of a cold `plan check` (see parallel.ts): reads, parses, validates and checks on
 * their own the files it is given, and sends each back as the cache keeps it. A file it may not
 * read (a link out of the repository, a pipe) is left to the main thread, which says why. Then it
 * finds the places of messages in the files it is asked about (`PlaceRequest`), until it is ended.
 */
// Imported elsewhere than in a worker (the test of the rule registry imports every module), it does nothing.
if (parentPort && workerData) {
  // The thread's environment as a plain object: yaml's parser reads `process.env.LOG_TOKENS` at every token, and a thread's
  // `process.env` asks the runtime's store of variables each time, which took a fifth of the time of parsing a frontmatter.
  // The values are the same (a thread has its own copy of the environment, which it does not change).
  process.env = { ...process.env };
  const { root, cwd, files, inline } = workerData as { root: string; cwd: string; files: string[]; inline: boolean };
  const port = parentPort;
  let records: [string, FileRecord][] = [];
  // Where the fields of each frontmatter begin, so that a value's place is found by parsing its field's lines alone (see
  // `fieldStarts`). A few numbers per file.
  const known = new Map<string, FieldStarts>();
  const parse = (absPath: string) => {
    const read = readFromDisk(root, absPath);
    if (!read || "refused" in read) return;
    // Taken while the document's YAML tree is at hand: once checked, the tree is dropped (see `compact`).
    let fields: FieldStarts | undefined;
    const loaded = loadRead(root, absPath, read, cwd, {
      keepBody: false,
      checkDocument: (doc) => {
        fields = fieldStarts(doc.source);
        checkDocument(doc);
      },
    });
    // Its arrays packed: sent as they are, those made with room for holes would take twice the memory in the main thread (see `packed`).
    records.push([repositoryPath(root, absPath), packed(recordOfLoaded(loaded, read.linked ? undefined : read.stat, inline))]);
    // The configuration and data files keep their tree.
    if (loaded.source && loaded.source.outline === undefined) fields = fieldStarts(loaded.source);
    if (fields) known.set(absPath, fields);
    // Sent as they are made, a batch at a time: a thread holding every record of its share until the end doubled the peak memory.
    if (records.length === BATCH) sendRecords();
  };
  const sendRecords = () => {
    port.postMessage({ type: "records", records } satisfies FromWorker);
    records = [];
  };
  // The files come a share at a time (see `parseInWorkers`): the next is asked for as one begins, and comes while it is parsed.
  const shares: string[][] = [];
  let arrived: (() => void) | undefined;
  const nextShare = async () => {
    while (shares.length === 0) await new Promise<void>((done) => (arrived = done));
    return shares.shift()!;
  };
  port.on("message", (message: ToWorker) => {
    switch (message.type) {
      case "share":
        shares.push(message.files);
        return arrived?.();
      // A thread about to be ended gives the field starts of its files to the one that finds their places (see `parseInWorkers`).
      case "fields":
        return void port.postMessage({ type: "fields", fields: [...known] } satisfies FromWorker);
      case "known":
        for (const [absPath, fields] of message.fields) known.set(absPath, fields);
        return;
    }
    const placed = message.requests.map((request) => {
      try {
        return placesIn(root, request, request.jobs, known.get(request.absPath));
      } catch {
        // Found in the main thread instead, which says what goes wrong.
        return null;
      }
    });
    port.postMessage({ type: "placed", placed } satisfies FromWorker);
  });
  void (async () => {
    for (let share = files; share.length > 0; share = await nextShare()) {
      port.postMessage({ type: "more" } satisfies FromWorker);
      share.forEach(parse);
    }
    sendRecords();
    port.postMessage({ type: "parsed" } satisfies FromWorker);
  })();
}
