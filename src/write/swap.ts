import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { onExit } from "../exit.js";
import { besidePrefix, type BesideKind } from "./leftovers.js";

/**
 * A folder of `kind` beside the output folder `out` (same parent, so that a rename moves it
 * into place), hidden and named with this run's pid: `.dist.plan-new-<pid>-xxxxxx`. It is
 * removed when the process exits before it is taken (`done`), and by the next run when the
 * process was killed.
 */
export function besideFolder(out: string, kind: BesideKind): { path: string; done(): void } {
  mkdirSync(dirname(out), { recursive: true });
  const path = mkdtempSync(besidePrefix(out, kind));
  const forget = onExit(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    done() {
      forget();
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * Puts the finished folder `fresh` in the place of `out`: the previous output is moved aside,
 * the new one renamed into its place, then the previous one removed. Both renames happen
 * together, with nothing between them that a signal could interrupt; a process killed between
 * them leaves the previous output aside, and the next run puts it back (see `removeBeside`).
 */
export function swapIn(fresh: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(fresh, out);
    return;
  }
  const aside = besideFolder(out, "old");
  rmSync(aside.path, { recursive: true });
  renameSync(out, aside.path);
  try {
    renameSync(fresh, out);
  } catch (error) {
    renameSync(aside.path, out);
    throw error;
  }
  aside.done();
}

/**
 * Carries a file of the previous output into the new one: a hard link where the disk allows
 * it (no copy of the bytes), else a copy. Only regular files: a link placed in the previous
 * output is not followed.
 */
export function carryOver(previous: string, fresh: string, path: string): boolean {
  const from = join(previous, path);
  const to = join(fresh, path);
  try {
    if (!lstatSync(from).isFile() || existsSync(to)) return false;
  } catch {
    return false;
  }
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
  return true;
}

/**
 * Carries many files of the previous output into the new one, each as `carryOver` does (a hard
 * link, else a copy; only regular files; never over a file already there), making each folder
 * once. Gives back the paths that could not be carried.
 */
export function carryAll(previous: string, fresh: string, paths: readonly string[]): string[] {
  const made = new Set<string>();
  const missed: string[] = [];
  for (const path of paths) {
    const from = join(previous, path);
    const to = join(fresh, path);
    try {
      if (!lstatSync(from).isFile()) {
        missed.push(path);
        continue;
      }
      const folder = dirname(to);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      try {
        linkSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
        copyFileSync(from, to, constants.COPYFILE_EXCL);
      }
    } catch {
      missed.push(path);
    }
  }
  return missed;
}
