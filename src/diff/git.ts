import { t } from "../format/message.js";
import { execFile } from "node:child_process";
import { DiffError } from "./errors.js";

/** A git command that failed; `stderr` is what git said. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/**
 * Runs git without a shell and returns its standard output. Only reading commands are run:
 * nothing here writes to the working tree, the index or the object store. Optional locks are
 * off so that not even git's index refresh touches `.git/index`.
 */
export function git(args: string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      { cwd, encoding: "buffer", maxBuffer: 2 ** 31 - 1, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === "ENOENT")
          return reject(new DiffError(t`git is not installed, or not on the PATH; \`plan diff\` reads the revisions with it.`));
        reject(new GitError(`git ${args[0]} failed: ${stderr.toString().trim() || error.message}`, stderr.toString()));
      },
    );
    // git may exit before it has read all its input (an unknown object); that is reported above.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input ?? "");
  });
}

const text = async (args: string[], cwd: string) => (await git(args, cwd)).toString("utf8").trim();

/** The top folder of the git working tree that holds `dir`. */
export async function topLevel(dir: string): Promise<string> {
  try {
    return await text(["rev-parse", "--show-toplevel"], dir);
  } catch (error) {
    if (error instanceof GitError)
      throw new DiffError(
        t`${dir} is not inside a git repository, so there are no revisions to compare.\nRun \`plan diff\` inside the plan repository's git working tree (or \`git init\` one).`,
      );
    throw error;
  }
}

/** The commit a revision names, or `undefined` when it names none here. */
export async function resolveCommit(rev: string, top: string): Promise<string | undefined> {
  if (!rev || rev.startsWith("-")) return undefined;
  try {
    return (await text(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], top)) || undefined;
  } catch {
    return undefined;
  }
}

export async function isShallow(top: string): Promise<boolean> {
  try {
    return (await text(["rev-parse", "--is-shallow-repository"], top)) === "true";
  } catch {
    return false;
  }
}

/** The best common ancestor of two commits, or `undefined` when the history that links them is not here. */
export async function mergeBase(a: string, b: string, top: string): Promise<string | undefined> {
  try {
    return (await text(["merge-base", a, b], top)) || undefined;
  } catch {
    return undefined;
  }
}

/** The default branch to compare with: origin/HEAD, else main, else master (local, then on origin). */
export async function defaultBranch(top: string): Promise<string | undefined> {
  try {
    const ref = await text(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], top);
    if (ref && (await resolveCommit(ref, top))) return ref.replace(/^refs\/remotes\//, "");
  } catch {
    // origin/HEAD is not set, as in most CI checkouts.
  }
  for (const name of ["main", "master", "origin/main", "origin/master"]) if (await resolveCommit(name, top)) return name;
  return undefined;
}

/** Every file (blob) of a commit: path from the top of the repository → object id. Symbolic links and submodules are left out. */
export async function listTree(commit: string, top: string): Promise<Map<string, string>> {
  const out = (await git(["ls-tree", "-r", "-z", "--full-tree", commit], top)).toString("utf8");
  const files = new Map<string, string>();
  for (const record of out.split("\0")) {
    // <mode> SP <type> SP <object> TAB <path>
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    if (type === "blob" && mode !== "120000" && oid) files.set(record.slice(tab + 1), oid);
  }
  return files;
}

/** The contents of many blobs at once, with one `git cat-file --batch`. */
export async function readBlobs(oids: Iterable<string>, top: string): Promise<Map<string, string>> {
  const wanted = [...new Set(oids)];
  const blobs = new Map<string, string>();
  if (wanted.length === 0) return blobs;
  const out = await git(["cat-file", "--batch"], top, `${wanted.join("\n")}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    // <oid> SP <type> SP <size> LF <contents> LF, or <oid> SP missing LF
    const [oid, type, size] = out.toString("utf8", at, eol).split(" ");
    at = eol + 1;
    if (type === "missing" || !oid || size === undefined) throw new GitError(`git cat-file: object ${oid} is missing`, "");
    const end = at + Number(size);
    blobs.set(oid, out.toString("utf8", at, end));
    at = end + 1;
  }
  return blobs;
}
