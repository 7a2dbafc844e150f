import { parentPort, workerData } from "node:worker_threads";
import { loadRead, readFromDisk } from "../model/load-repository.js";
import { checkDocument } from "../rules/index.js";
import { fieldStarts, placesIn, type FieldStarts } from "../source/load.js";
import { repositoryPath } from "../source/read-inside.js";
import { recordOfLoaded, type FileRecord } from "./cache.js";
import { FIELDS, MORE, PARSED, type Fields, type Placed, type PlaceRequest } from "./parallel.js";
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
    if (records.length === BATCH) {
      port.postMessage(records);
      records = [];
    }
  };
  // The files come a share at a time (see `parseInWorkers`): the next is asked for as one begins, and comes while it is parsed.
  let parsing = true;
  const shares: string[][] = [];
  let arrived: (() => void) | undefined;
  const nextShare = async () => {
    while (shares.length === 0) await new Promise<void>((done) => (arrived = done));
    return shares.shift()!;
  };
  port.on("message", (message: string[] | PlaceRequest[]) => {
    if (!parsing) return;
    shares.push(message as string[]);
    arrived?.();
  });
  void (async () => {
    for (let share = files; share.length > 0; share = await nextShare()) {
      port.postMessage(MORE);
      share.forEach(parse);
    }
    port.postMessage(records);
    records = [];
    parsing = false;
    port.postMessage(PARSED);
  })();
  port.on("message", (requests: PlaceRequest[] | typeof FIELDS | Fields) => {
    if (parsing) return;
    // A thread about to be ended gives the field starts of its files to the one that finds their places (see `parseInWorkers`).
    if (requests === FIELDS) return void port.postMessage({ fields: [...known] } satisfies Fields);
    if (!Array.isArray(requests)) {
      for (const [absPath, fields] of requests.fields) known.set(absPath, fields);
      return;
    }
    const answer: Placed = {
      placed: requests.map((request) => {
        try {
          return placesIn(root, request, request.jobs, known.get(request.absPath));
        } catch {
          // Found in the main thread instead, which says what goes wrong.
          return null;
        }
      }),
    };
    port.postMessage(answer);
  });
}
