import { t, type Message, type Part } from "../format/message.js";
import { realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { CONFIG_FILE, discoverFiles, findRoot, isSourcePath } from "../source/discover.js";
import { readInside, RefusedPath } from "../source/read-inside.js";
import { DiffError } from "./errors.js";
import { defaultBranch, isShallow, listTree, mergeBase, readBlobs, resolveCommit, topLevel } from "./git.js";

/** The files of a plan repository at one revision, read into memory. */
export interface Snapshot {
  /** The revision as the user named it (`main`, `HEAD~1`), or `working tree`. */
  name: string;
  /** Its commit, or `undefined` for the working tree. */
  commit: string | undefined;
  /** For a merge base: the two revisions it is the common ancestor of. */
  mergeBaseOf?: [string, string];
  /** The plan repository's folder on disk; for a commit, where its files would be. */
  root: string;
  /** Every file `plan` reads (plan.config.yaml, documents, data files) by path from the root, with `/`, → its text. */
  files: Map<string, string>;
}

/** Two revisions as written on the command line: `[base] [head]`, where base may be `A..B` or `A...B`. */
export interface RevisionArgs {
  base?: string | undefined;
  head?: string | undefined;
}

interface Revision {
  name: string;
  commit: string | undefined;
  mergeBaseOf?: [string, string];
}

export const WORKING_TREE = "working tree";

/** A revision as a message names it: `main`, `working tree`, `merge base of main and HEAD`, in the language of the run. */
export function revisionName(revision: { name: string; mergeBaseOf?: readonly [string, string] | undefined }): Part {
  if (revision.name === WORKING_TREE) return t`working tree`;
  if (revision.mergeBaseOf) return t`merge base of ${revision.mergeBaseOf[0]} and ${revision.mergeBaseOf[1]}`;
  return revision.name;
}

/** Reads both revisions of the plan repository at or above `start` from git, without touching the working tree or the index. */
export async function readSnapshots(start: string, args: RevisionArgs): Promise<{ base: Snapshot; head: Snapshot }> {
  const given = statSync(start).isDirectory() ? start : dirname(start);
  const dir = realpathSync(given);
  const top = await topLevel(dir);
  const { base, head } = await resolveRevisions(args, top);
  const [baseTree, headTree] = await Promise.all([listTree(base.commit!, top), head.commit ? listTree(head.commit, top) : undefined]);

  const prefix = headTree ? rootInTree(headTree, relative(top, dir).split(sep).join("/"), head.name) : rootOnDisk(dir, top);
  const at = (p: string) => (prefix ? `${prefix}/${p}` : p);
  if (!baseTree.has(at(CONFIG_FILE))) {
    throw new DiffError(
      t`There is no ${at(CONFIG_FILE)} at ${revisionName(base)}, so it holds no plan repository to compare with.\nName a base revision that has one: \`plan diff <base> [head]\`.`,
    );
  }
  // On the path as the user gave it (git gives the top folder with links resolved), so that messages name files as they know them.
  const root = resolve(given, relative(dir, join(top, prefix)));
  const baseOids = filesUnder(baseTree, prefix);
  const headOids = headTree ? filesUnder(headTree, prefix) : undefined;
  const blobs = await readBlobs([...baseOids.values(), ...(headOids?.values() ?? [])], top);
  const fromBlobs = (oids: Map<string, string>) => new Map([...oids].map(([path, oid]) => [path, blobs.get(oid)!]));
  return {
    base: { ...base, root, files: fromBlobs(baseOids) },
    head: { ...head, root, files: headOids ? fromBlobs(headOids) : workingTreeFiles(root) },
  };
}

async function resolveRevisions(args: RevisionArgs, top: string): Promise<{ base: Revision; head: Revision }> {
  const range = args.base ? /^(.*?)(\.\.\.?)(.*)$/.exec(args.base) : null;
  if (range) {
    if (args.head) throw new DiffError(t`Give either a range (\`${args.base ?? ""}\`) or two revisions, not both.`);
    const [, from = "", dots, to = ""] = range;
    const head = await commitOf(to || "HEAD", top);
    const base = await commitOf(from || "HEAD", top);
    if (dots === "..") return { base, head };
    return { base: await mergeBaseOf(base, head, top), head };
  }
  if (args.base) {
    return { base: await commitOf(args.base, top), head: args.head ? await commitOf(args.head, top) : { name: WORKING_TREE, commit: undefined } };
  }
  const branch = await defaultBranch(top);
  if (!branch) {
    if (await isShallow(top)) throw shallow(t`There is no default branch (origin/HEAD, main or master) in this clone to compare with`);
    throw new DiffError(
      t`There is no default branch to compare with (neither origin/HEAD, main nor master exists).\nName the base revision: \`plan diff <base> [head]\`, e.g. \`plan diff HEAD~1\`.`,
    );
  }
  const base = await mergeBaseOf(await commitOf("HEAD", top), await commitOf(branch, top), top);
  return { base, head: { name: WORKING_TREE, commit: undefined } };
}

async function commitOf(rev: string, top: string): Promise<Revision> {
  const commit = await resolveCommit(rev, top);
  if (commit) return { name: rev, commit };
  if (await isShallow(top)) throw shallow(t`The revision \`${rev}\` is not in this clone`);
  if (rev === "HEAD") throw new DiffError(t`The repository has no commits yet, so there is nothing to compare with. Commit first, or name two revisions.`);
  throw new DiffError(
    t`Unknown revision \`${rev}\`: no branch, tag or commit of this repository has that name.\nSee \`git log --oneline\` for commits and \`git branch -a\` for branches.`,
  );
}

async function mergeBaseOf(a: Revision, b: Revision, top: string): Promise<Revision> {
  const commit = await mergeBase(a.commit!, b.commit!, top);
  if (commit) return { name: `merge base of ${a.name} and ${b.name}`, commit, mergeBaseOf: [a.name, b.name] };
  if (await isShallow(top)) throw shallow(t`The common ancestor of \`${a.name}\` and \`${b.name}\` is not in this clone`);
  throw new DiffError(t`\`${a.name}\` and \`${b.name}\` have no common history. Name the base revision: \`plan diff <base> [head]\`.`);
}

const shallow = (what: Message) =>
  new DiffError(
    t`${what}: it is a shallow clone, with only the latest commits fetched.\nFetch the history first: in GitHub Actions give actions/checkout \`fetch-depth: 0\`; elsewhere run \`git fetch --unshallow\`.`,
  );

/** The plan repository's folder in a commit: the nearest folder at or above `from` with plan.config.yaml. */
function rootInTree(tree: Map<string, string>, from: string, name: string): string {
  const parts = from ? from.split("/") : [];
  for (let n = parts.length; n >= 0; n--) {
    const prefix = parts.slice(0, n).join("/");
    if (tree.has(prefix ? `${prefix}/${CONFIG_FILE}` : CONFIG_FILE)) return prefix;
  }
  throw new DiffError(t`There is no ${CONFIG_FILE} in ${from || t`the top folder`} or above it at ${name}, so that revision holds no plan repository.`);
}

function rootOnDisk(dir: string, top: string): string {
  const root = findRoot(dir);
  const prefix = root === undefined ? undefined : relative(top, root).split(sep).join("/");
  if (prefix === undefined || prefix.startsWith("..")) {
    throw new DiffError(t`There is no ${CONFIG_FILE} in ${dir} or above it in the working tree, so this is not a plan repository.`);
  }
  return prefix;
}

/** The files `plan` reads below `prefix` (as `plan check` finds them on disk), by path from there → object id. */
function filesUnder(tree: Map<string, string>, prefix: string): Map<string, string> {
  const relative = new Map<string, string>();
  for (const [path, oid] of tree) {
    if (!prefix) relative.set(path, oid);
    else if (path.startsWith(`${prefix}/`)) relative.set(path.slice(prefix.length + 1), oid);
  }
  // A folder below the root with a plan.config.yaml of its own is another plan repository.
  const nested = [...relative.keys()].filter((p) => p.endsWith(`/${CONFIG_FILE}`)).map((p) => p.slice(0, -CONFIG_FILE.length));
  const files = new Map<string, string>();
  for (const [path, oid] of relative) {
    if (path === CONFIG_FILE || (isSourcePath(path) && !nested.some((folder) => path.startsWith(folder)))) files.set(path, oid);
  }
  return files;
}

/** The working tree's files, read through `readInside`: a link out of the repository is left out, never read (`plan check` names it). */
function workingTreeFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of [join(root, CONFIG_FILE), ...discoverFiles(root)]) {
    const relPath = relative(root, path).split(sep).join("/");
    try {
      files.set(relPath, readInside(root, path, "utf8"));
    } catch (error) {
      if (!(error instanceof RefusedPath)) throw error;
      if (relPath === CONFIG_FILE) throw new DiffError(t`${CONFIG_FILE} in the working tree is refused: ${error.reason}. \`plan check\` says more.`);
    }
  }
  return files;
}
