import { join, relative, sep } from "node:path";
import { collectMessages, type FileMessages } from "../diagnostics/collect.js";
import { loadRepository } from "../model/load-repository.js";
import type { Repository } from "../model/repository.js";
import { checkBetweenDocuments, checkDocument } from "../rules/index.js";
import { findFrontmatter } from "../source/frontmatter.js";
import type { Scope } from "./scope.js";
import type { Snapshot } from "./snapshot.js";

export interface Side {
  snapshot: Snapshot;
  repo: Repository;
  /** What `plan check` finds in the files read, per file. */
  problems: FileMessages[];
}

/** Compares paths as `discoverFiles` orders them: folder by folder, names in code-point order. */
function byFolders(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** Loads the files of the scope from a snapshot, as `plan check` would from disk, and runs every rule on them. */
export function loadSide(snapshot: Snapshot, scope: Scope, cwd: string): Side {
  const relPath = (abs: string) => relative(snapshot.root, abs).split(sep).join("/");
  const readFile = (abs: string) => {
    const path = relPath(abs);
    const text = snapshot.files.get(path);
    if (text === undefined) throw new Error(`${path} is not in ${snapshot.name}`);
    if (!scope.frontmatterOnly.has(path)) return text;
    const span = findFrontmatter(text);
    return span ? text.slice(0, span.bodyStart) : text;
  };
  const listFiles = () =>
    [...scope.paths]
      .filter((p) => snapshot.files.has(p))
      .sort(byFolders)
      .map((p) => join(snapshot.root, p));
  const repo = loadRepository(snapshot.root, { cwd, readFile, listFiles, checkDocument });
  checkBetweenDocuments(repo);
  return {
    snapshot,
    repo,
    problems: collectMessages(
      repo.sources.map((s) => s.file),
      repo.config?.data.rules,
    ),
  };
}
