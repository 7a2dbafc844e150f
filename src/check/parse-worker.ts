import { relative, sep } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { loadRead, readFromDisk } from "../model/load-repository.js";
import { checkDocument } from "../rules/index.js";
import { recordOfLoaded, type FileRecord } from "./cache.js";

/**
 * A worker thread of a cold `plan check` (see parallel.ts): reads, parses, validates and checks on
 * their own the files it is given, and sends each back as the cache keeps it. A file it may not
 * read (a link out of the repository, a pipe) is left to the main thread, which says why.
 */
// Imported elsewhere than in a worker (the test of the rule registry imports every module), it does nothing.
if (parentPort && workerData) {
  const { root, cwd, files } = workerData as { root: string; cwd: string; files: string[] };
  const records: [string, FileRecord][] = [];
  for (const absPath of files) {
    const read = readFromDisk(root, absPath);
    if (!read || "refused" in read) continue;
    const loaded = loadRead(root, absPath, read, cwd, { keepBody: false, checkDocument });
    records.push([relative(root, absPath).split(sep).join("/"), recordOfLoaded(loaded, read.linked ? undefined : read.stat)]);
  }
  parentPort.postMessage(records);
}
