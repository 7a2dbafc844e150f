import { appendFileSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { lastOnExit } from "../exit.js";

/**
 * What a run leaves behind when it is killed: the folders it builds beside the output folder
 * (`.dist.plan-new-<pid>-…`, `.dist.plan-old-<pid>-…`, `.dist.plan-pdf-<pid>-…`,
 * `.dist.plan-watch-<pid>-…`) and its browser's folder (`plan-browser-<pid>-…` in the temp
 * folder, and in /tmp where the temp folder is too long for the browser's socket). Each carries the pid of its run, so that the next run of any kind can tell a dead
 * run's leftovers from those of a run still going. The folders beside an output folder are
 * listed, before they are made, in a record in the temp folder (`plan-run-<pid>`), so that
 * finding them takes one look at the temp folder and never a walk of the repository.
 */

export type BesideKind = "new" | "old" | "pdf" | "watch";

const RECORD = /^plan-run-(\d+)$/;
const PROFILE = /^plan-browser-(\d+)-/;
/** `.dist.plan-new-1234-a1b2c3`: the output folder's name, the kind, the pid of the run. */
const BESIDE = /^\.(.+)\.plan-(new|old|pdf|watch)-(\d+)-[0-9A-Za-z]+$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const recordPath = () => join(tmpdir(), `plan-run-${process.pid}`);

/** The records this process wrote, one in each temp folder it was given: its own files, as its exit hooks are, removed at its exit. */
// eslint-disable-next-line no-restricted-syntax -- a process-level fact: the files this process made, which its exit removes
const records = new Set<string>();

/** The prefixes named in the record at `path`: none where there is no record yet. */
function recordedIn(path: string): string[] {
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The prefix of a folder of `kind` beside `out` for this run; the record names it before it
 * exists. The record on disk says what it names (in the temp folder of the moment: a process
 * given another `TMPDIR` starts a record there).
 */
export function besidePrefix(out: string, kind: BesideKind): string {
  const prefix = join(dirname(out), `.${basename(out)}.plan-${kind}-${process.pid}-`);
  const record = recordPath();
  if (!recordedIn(record).includes(prefix)) appendFileSync(record, `${prefix}\n`);
  records.add(record);
  lastOnExit(removeRecordsWhenDone);
  return prefix;
}

/** Each record goes with the last folder it names: at exit, when nothing of it is left beside an output folder. */
function removeRecordsWhenDone(): void {
  for (const path of records) {
    if (!existsSync(path)) continue;
    if (recordedIn(path).every((p) => besideOf(p).length === 0)) rmSync(path, { force: true });
  }
}

/** The folders that exist with `prefix`. */
function besideOf(prefix: string): string[] {
  const dir = dirname(prefix);
  const start = basename(prefix);
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith(start) && BESIDE.test(name))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Removes what runs that are gone left behind: their browsers' folders, and the folders they
 * were building beside an output folder. A previous output that a killed build had moved aside
 * (`.plan-old-`) and not yet replaced is put back, so the output folder is as it was.
 * `browserTemps`: the other folders where a run's browser has its temp folder (`/tmp` where the
 * temp folder is too long for the browser's socket: src/browser/launch.ts).
 * Cheap: one look at the temp folder (and at each of `browserTemps`), and one at each folder a dead run recorded.
 */
export function removeLeftovers(browserTemps: readonly string[] = []): void {
  const temp = tmpdir();
  for (const name of namesIn(temp)) {
    const profile = PROFILE.exec(name);
    if (profile && !processAlive(Number(profile[1]))) remove(join(temp, name));
    const record = RECORD.exec(name);
    if (record && !processAlive(Number(record[1]))) removeRecorded(join(temp, name), Number(record[1]));
  }
  for (const folder of browserTemps) if (folder !== temp) removeBrowserTemps(folder);
}

/** The browsers' temp folders (`plan-browser-<pid>-…`) in `folder` of this user's runs that are gone: another user's are not ours to remove. */
function removeBrowserTemps(folder: string): void {
  for (const name of namesIn(folder)) {
    const profile = PROFILE.exec(name);
    if (!profile || processAlive(Number(profile[1]))) continue;
    try {
      if (typeof process.getuid === "function" && lstatSync(join(folder, name)).uid !== process.getuid()) continue;
    } catch {
      continue;
    }
    remove(join(folder, name));
  }
}

/** The names in a folder; none where it cannot be read (gone, or not ours to list). */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function removeRecorded(record: string, pid: number): void {
  try {
    // Only a record of this user: another user's could name folders to remove.
    if (typeof process.getuid === "function" && lstatSync(record).uid !== process.getuid()) return;
    const prefixes = readFileSync(record, "utf8")
      .split("\n")
      .filter((p) => isAbsolute(p));
    for (const prefix of prefixes) removeBeside(dirname(prefix), pid);
    rmSync(record, { force: true });
  } catch {
    // Unreadable or already gone: nothing more to do.
  }
}

/**
 * The folders beside the output folders in `dir` that a dead run left: those of `pid`, or of
 * any dead run when `pid` is not given. Each is removed, except a moved-aside previous output
 * whose output folder is missing: that one is put back.
 */
export function removeBeside(dir: string, pid?: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  // Put back first, so that a half-made new output is never taken for the output.
  const found = names.flatMap((name) => {
    const m = BESIDE.exec(name);
    if (!m) return [];
    const owner = Number(m[3]);
    if (pid !== undefined ? owner !== pid : processAlive(owner)) return [];
    return [{ path: join(dir, name), out: join(dir, m[1]!), kind: m[2] as BesideKind }];
  });
  found.sort((a, b) => (a.kind === "old" ? -1 : b.kind === "old" ? 1 : 0));
  for (const f of found) {
    if (f.kind === "old" && !existsSync(f.out)) {
      try {
        renameSync(f.path, f.out);
        continue;
      } catch {
        // Cannot be put back: left for the user, rather than lost.
        continue;
      }
    }
    remove(f.path);
  }
}

function remove(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // In use or not ours: left for a later run.
  }
}
