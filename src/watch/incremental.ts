import { existsSync, statSync } from "node:fs";
import { basename, join, sep } from "node:path";
import { repositoryPath } from "../source/read-inside.js";
import { say } from "../format/message.js";
import { assemble, loadRead, readFromDisk, refusedTemplates, type LoadedFile, type LoadFileOptions, type LoadOptions } from "../model/load-repository.js";
import type { Repository } from "../model/repository.js";
import { CONFIG_FILE, discover, isSourcePath } from "../source/discover.js";

/**
 * A repository kept in memory between runs: only files whose text changed are parsed,
 * validated and checked on their own again, and the repository assembled before lends what
 * no change reached (see `assemble`). The rules between documents are the caller's to run
 * (`betweenDocumentsChecker` runs them again only where a change reaches).
 */
export interface IncrementalRepository {
  /** Marks a path (absolute) as changed on disk. */
  touch(absPath: string): void;
  /** Brings the model up to date with the disk and returns it. */
  refresh(): Repository;
}

/** A file of git's that says which files it ignores; watch mode sees it change, though it is hidden. */
export const GITIGNORE = ".gitignore";

export function incrementalRepository(root: string, cwd: string, options: LoadFileOptions & Pick<LoadOptions, "loaded">): IncrementalRepository {
  const files = new Map<string, LoadedFile>();
  let paths: string[] = [];
  let listed = new Set<string>();
  let unjudged: ReadonlyMap<string, string> = new Map();
  const dirty = new Set<string>();
  let relist = true;
  let previous: Repository | undefined;

  const load = (absPath: string) => {
    const read = readFromDisk(root, absPath);
    if (!read) return void files.delete(absPath);
    const kept = files.get(absPath);
    // Read the same as before: the file loaded then stands, and keeps its place in the groups.
    if (kept && ("refused" in read ? say(kept.refused ?? "", "en") === say(read.refused, "en") : kept.refused === undefined && kept.text === read.text)) return;
    files.set(absPath, loadRead(root, absPath, read, cwd, options));
  };

  return {
    touch(absPath) {
      // Which files git ignores may have changed: they are listed again, as a fresh check lists them.
      if (basename(absPath) === GITIGNORE) return void (relist = true);
      const known = files.has(absPath);
      // A folder moved or copied in whole: the files in it give no events of their own.
      if (!known) for (const path of files.keys()) if (path.startsWith(absPath + sep)) dirty.add(path);
      // Editors' temporary files and other files plan does not read change nothing; a folder
      // (created, removed or renamed) may hold documents.
      if (!known && !isSourcePath(repositoryPath(root, absPath)) && !(existsSync(absPath) && statSync(absPath).isDirectory())) {
        if (!existsSync(absPath)) relist = true;
        return;
      }
      dirty.add(absPath);
      // A file that is new, or gone, changes the list of files.
      if (!known || !existsSync(absPath)) relist = true;
    },
    refresh() {
      if (relist) {
        const found = discover(root);
        paths = [join(root, CONFIG_FILE), ...found.files];
        unjudged = found.unjudged;
        listed = new Set(paths);
        for (const known of [...files.keys()]) if (!listed.has(known)) files.delete(known);
        paths.forEach((path, i) => {
          if (!files.has(path)) load(path);
          options.loaded?.(i + 1, paths.length, path);
        });
        relist = false;
      }
      // A save to a link's target, or a link retargeted, may give no event on the link's own path.
      for (const [path, file] of files) if (file.linked) dirty.add(path);
      for (const path of dirty) if (listed.has(path)) load(path);
      dirty.clear();
      // The repository before lends its groups when no reference changed.
      previous = assemble(root, [...paths.flatMap((p) => files.get(p) ?? []), ...refusedTemplates(root, cwd)], previous, unjudged);
      return previous;
    },
  };
}
