import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compareStrings } from "../format/text.js";
import { ignoredPaths, ignoredPathsAsync } from "./git-ignore.js";
import { realRoot, repositoryPath, whereInside } from "./read-inside.js";

export const CONFIG_FILE = "plan.config.yaml";

/**
 * Whether `plan` never reads a file or folder of this name: hidden ones (`.git`, an editor's
 * swap files), installed packages and build output. Watch mode does not watch them either.
 */
export const neverRead = (name: string) => name.startsWith(".") || name === "node_modules" || name === "dist";

/** Folders `plan` reads for something else than documents: the repository's own templates, and the JSON schemas `plan schemas` writes. */
const NOT_DOCUMENTS = new Set(["templates", "schemas"]);

/** Whether a folder of this name never holds documents. */
const holdsNoDocuments = (name: string) => neverRead(name) || NOT_DOCUMENTS.has(name);

/** The repository root: the nearest folder at or above `start` holding `plan.config.yaml`. */
export function findRoot(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Data files read beside the documents: imported Kolada values. */
export const DATA_FILE = /^data\/kolada\/[^/]+\.ya?ml$/;

/** Whether a path (from the repository root, with `/`) is a file `plan` reads: a markdown document or a data file. */
export function isSourcePath(relPath: string): boolean {
  const parts = relPath.split("/");
  if (parts.some((p, i) => (i < parts.length - 1 ? holdsNoDocuments(p) : neverRead(p)))) return false;
  return relPath.toLowerCase().endsWith(".md") || DATA_FILE.test(relPath);
}

/** The files `plan` reads below a root, and those left out because git could not judge them. */
export interface Discovered {
  /** Absolute paths, in a stable order; without `plan.config.yaml`, which is always read. */
  files: string[];
  /** Paths from the root that git could not tell whether it ignores, each with git's words: not read (fail closed). */
  unjudged: ReadonlyMap<string, string>;
}

/**
 * Every `.md` file below `root` and every data file, in a stable order, skipping hidden folders
 * and build output, and, in a git repository, the files git ignores: like hidden ones, they are
 * never read (see `ignoredPaths`; git is asked once for all of them, and not at all outside a
 * git repository). A symbolic link with such a name is listed too, so that loading it says
 * where it leads (`readInside` refuses one that leads out). A linked folder is not walked: one
 * that stays inside holds nothing that is not read at its real place already, and one that
 * leads out is listed as well, so that loading refuses it at its place (`path/outside`) rather
 * than its documents vanishing without a word.
 */
export function discover(root: string): Discovered {
  const found = walkSources(root);
  // No linked folder is walked, so a path from the root is the same from its real path, where git is asked.
  return judged(root, found, ignoredPaths(realRoot(root), found.map(relPathOf(root))));
}

/** As `discover`, with git asked in processes of its own while this thread goes on (`plan check` reads its cache meanwhile). */
export async function discoverAsync(root: string): Promise<Discovered> {
  const found = walkSources(root);
  return judged(root, found, await ignoredPathsAsync(realRoot(root), found.map(relPathOf(root))));
}

const relPathOf = (root: string) => (path: string) => repositoryPath(root, path);

/** The files `found` that git does not ignore, and those it could not judge. */
function judged(root: string, found: string[], { ignored, failed }: ReturnType<typeof ignoredPaths>): Discovered {
  return { files: ignored.size === 0 ? found : found.filter((path) => !ignored.has(relPathOf(root)(path))), unjudged: failed };
}

/** The documents and data files below `root`, and the links that lead out, in a stable order, before git is asked (see `discover`). */
function walkSources(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!holdsNoDocuments(entry.name) && !existsSync(join(path, CONFIG_FILE))) walk(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isSourcePath(repositoryPath(root, path))) {
        found.push(path);
      } else if (entry.isSymbolicLink() && !holdsNoDocuments(entry.name) && isFolderOutside(root, path)) {
        found.push(path);
      }
    }
  };
  walk(root);
  return found;
}

/** The files `discover` finds. */
export const discoverFiles = (root: string): string[] => discover(root).files;

/** Whether `path` is a symbolic link to a folder outside the repository; its target is looked at, never listed. */
function isFolderOutside(root: string, path: string): boolean {
  try {
    return statSync(path).isDirectory() && whereInside(root, path).kind === "outside";
  } catch {
    return false; // a link to nothing
  }
}
