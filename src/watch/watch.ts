import { existsSync, lstatSync, readdirSync, watch, type FSWatcher } from "node:fs";
import { join, sep } from "node:path";
import { langIn, say, t } from "../format/message.js";
import type { Io } from "../io.js";
import { CONFIG_FILE, neverRead } from "../source/discover.js";
import { GITIGNORE } from "./incremental.js";

/**
 * Calls `onChange` with the changed paths, at most once per `delayMs` burst of saves (editors
 * often write a file in several steps). Each folder is watched on its own rather than the tree
 * at once: many editors save by renaming a new file over the old one, and a watch on the tree
 * loses track of a file replaced that way, while a folder's watch sees every rename in it.
 * A symbolic link to a folder is not followed, as `discoverFiles` does not follow one: a link
 * to `/` must not make thousands of watches. Returns a function that stops watching.
 */
export function watchFolder(
  root: string,
  onChange: (absPaths: string[]) => void,
  ignore: (absPath: string) => boolean = () => false,
  delayMs = 20,
): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();
  const changed = (absPath: string) => {
    pending.add(absPath);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending = new Set();
      onChange(paths);
    }, delayMs);
  };
  // A folder removed (or replaced, as a checkout does) takes its watch and those below it along.
  const forget = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path !== dir && !path.startsWith(dir + sep)) continue;
      watcher.close();
      watchers.delete(path);
    }
  };
  const add = (dir: string) => {
    if (watchers.has(dir) || ignore(dir)) return;
    let entries;
    try {
      const watcher = watch(dir, (_event, filename) => {
        // `.gitignore` is never read as a document, but it says which files are (see `discover`).
        if (!filename || (neverRead(filename.toString()) && filename.toString() !== GITIGNORE)) return;
        const absPath = join(dir, filename.toString());
        if (ignore(absPath)) return;
        forget(absPath);
        if (isDirectory(absPath)) add(absPath);
        changed(absPath);
      });
      watcher.on("error", () => forget(dir));
      watchers.set(dir, watcher);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone before it could be watched
    }
    for (const entry of entries) if (entry.isDirectory() && !neverRead(entry.name)) add(join(dir, entry.name));
  };
  add(root);
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
  };
}

/** A folder itself, not a link to one. */
function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What watch mode prints after each round; tests and the benchmark wait for it. */
export const watchingLine = (path: string, io: Pick<Io, "env" | "lang">) => `${say(t`Watching ${path} for changes; press Ctrl+C to stop.`, langIn(io))}\n`;

/** What watch mode says when the repository folder is gone; it then waits for the folder to come back. */
export const goneLine = (root: string, io: Pick<Io, "env" | "lang">) =>
  `${say(t`plan: the repository folder ${root} is gone; waiting for it to come back (press Ctrl+C to stop).`, langIn(io))}\n`;

/** Whether the repository is there: its folder, holding its configuration. */
const present = (root: string) => existsSync(join(root, CONFIG_FILE));

/** Thrown by a round that finds the repository gone before it reports: what it read is half a repository. */
class RepositoryGone extends Error {}

/**
 * Called by a round after reading and before reporting: a folder removed while it was read
 * leaves a model of whatever was read before, and "No problems" about it would be a lie.
 * `watchUntilAborted` takes the error as the folder gone, and says so instead.
 */
export function stillPresent(root: string): void {
  if (!present(root)) throw new RepositoryGone(`${root} is gone`);
}

/** How often a vanished repository folder is looked for: a folder that is gone cannot be watched. */
const GONE_POLL_MS = 200;

/**
 * Runs `onChange` once at the start (with no paths), then for every burst of saves until
 * `signal` aborts, one run at a time: saves that arrive during a run are gathered for the
 * next. The folders are watched before the first run, so a save during it is not lost. When
 * the repository folder disappears (removed, or renamed by a checkout), `onGone` says so and
 * the watch waits for the folder to come back, then runs again with the root as changed, so
 * that everything is read anew. Any other error in a run ends the watch with it.
 */
export function watchUntilAborted(
  root: string,
  signal: AbortSignal | undefined,
  onChange: (absPaths: string[]) => Promise<void> | void,
  ignore?: (absPath: string) => boolean,
  onGone?: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let running: Promise<void> | undefined;
    let queued: string[] = [];
    let close = () => {};
    const stopped = () => signal?.aborted === true;
    // The folder is gone: stop watching it, and look for it now and then until it is back.
    const waitForRoot = () => {
      close();
      onGone?.();
      const poll = setInterval(() => {
        if (!present(root)) return;
        clearInterval(poll);
        close = watchFolder(root, run, ignore);
        run([root]);
      }, GONE_POLL_MS);
      close = () => clearInterval(poll);
    };
    const run = (changed: string[]) => {
      queued.push(...changed);
      if (running || stopped()) return;
      if (!present(root)) {
        queued = [];
        return waitForRoot();
      }
      const batch = queued;
      queued = [];
      running = Promise.resolve()
        .then(() => onChange(batch))
        .then(
          () => {
            running = undefined;
            // Once stopped, saves made during the last run are left alone.
            if (queued.length && !stopped()) run([]);
          },
          (error: unknown) => {
            running = undefined;
            // Removed while it was being read: not a failure, but the folder gone.
            if (!present(root) && !stopped()) {
              queued = [];
              return waitForRoot();
            }
            close();
            reject(error);
          },
        );
    };
    close = watchFolder(root, run, ignore);
    run([]);
    const done = () => {
      close();
      void Promise.resolve(running).finally(() => resolve());
    };
    if (signal?.aborted) return done();
    signal?.addEventListener("abort", done, { once: true });
  });
}
