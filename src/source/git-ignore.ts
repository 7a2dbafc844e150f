import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** Why a file git ignores is not read or published. */
const IGNORED = "git ignores it (see `.gitignore`), and ignored files are never published";

/** Paths git ignores (or could not judge), by path from the folder git was asked in, each with why. */
export type Ignored = ReadonlyMap<string, string>;

/** Whether `dir` or a folder above it holds `.git`: there git's answer is needed, and its failure refuses. */
function inGitRepository(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return true;
    if (dirname(at) === at) return false;
  }
}

/**
 * Which of `relPaths` (from `root`, with `/`, never "") git ignores, asked of git once for all
 * of them (`git check-ignore`, which reads only the ignore files and the index), each with why.
 * Without git, or outside a git repository (no `.git` in `root` or above it), none, and git is
 * not run. When git fails inside a git repository (a path in a submodule, a repository git
 * will not read), it fails closed: the paths it could not judge are in the answer too, with
 * git's own words, and `failed` holds them with git's words alone.
 */
export function ignoredPaths(root: string, relPaths: Iterable<string>): { ignored: Ignored; failed: ReadonlyMap<string, string> } {
  const candidates = [...new Set(relPaths)];
  if (candidates.length === 0 || !inGitRepository(root)) return { ignored: new Map(), failed: new Map() };
  const all = checkIgnore(root, candidates);
  if (!("failed" in all)) return { ignored: all.ignored, failed: new Map() };
  // One path git cannot take fails the whole question: ask again one by one, so that only those are refused.
  const ignored = new Map<string, string>();
  const failed = new Map<string, string>();
  for (const path of candidates) {
    const one = checkIgnore(root, [path]);
    if ("failed" in one) {
      ignored.set(path, `git could not tell whether it ignores it (${one.failed}), and a file git may ignore is never published`);
      failed.set(path, one.failed);
    } else for (const [p, why] of one.ignored) ignored.set(p, why);
  }
  return { ignored, failed };
}

/** Asks git which of `paths` it ignores; `failed` is git's message when it could not answer. */
function checkIgnore(cwd: string, paths: readonly string[]): { ignored: Map<string, string> } | { failed: string } {
  // `core.fsmonitor` would run a program named by the repository's git configuration: never here.
  const git = spawnSync("git", ["-c", "core.fsmonitor=false", "check-ignore", "--stdin", "-z"], {
    cwd,
    input: paths.join("\0"),
    encoding: "utf8",
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  // No git at all: only hidden files count, as outside a repository.
  if ((git.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return { ignored: new Map() };
  // 0: some are ignored; 1: none; anything else is a failure, never "none".
  if ((git.status !== 0 && git.status !== 1) || typeof git.stdout !== "string") {
    const said = (git.stderr ?? "")
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean);
    return { failed: said ? `git said: ${said}` : `git ended with ${git.error ? git.error.message : `exit code ${git.status ?? git.signal}`}` };
  }
  return {
    ignored: new Map(
      git.stdout
        .split("\0")
        .filter(Boolean)
        .map((path) => [path, IGNORED]),
    ),
  };
}
