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
 * Which of `relPaths` (from `root`, with `/`, never "") git ignores, asked of git for all
 * of them at once (`git check-ignore`, which reads only the ignore files and the index), each with why.
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

/**
 * How many characters of paths go into one run of git as arguments: well below the system's limit
 * of one command line (Linux: 2 MB in all, 128 kB per argument).
 */
const CHARS_PER_RUN = 64 * 1024;

/**
 * Whether git prints `path` as it is, when it prints it on a line of its own (without `-z`): no
 * control character, quote or backslash, which git would quote (`core.quotePath=false` leaves
 * letters such as å, ä and ö as they are).
 */
const printedAsIs = (path: string) => !/[\u0000-\u001f\u007f"\\]/.test(path);

/**
 * Asks git which of `paths` it ignores; `failed` is git's message when it could not answer.
 * Paths git prints as they are go to it as arguments, a few thousand a run: git then judges
 * 5,000 paths with a third of the work it does when it reads them from standard input
 * (`--stdin`), where it answers path by path. Both are the same question (each path is a
 * pathspec either way); the others are read from standard input, separated by NUL (`-z`).
 */
function checkIgnore(cwd: string, paths: readonly string[]): { ignored: Map<string, string> } | { failed: string } {
  const ignored = new Map<string, string>();
  const plain = paths.filter(printedAsIs);
  const quoted = paths.filter((path) => !printedAsIs(path));
  const runs: { args: string[]; input?: string }[] = quoted.length ? [{ args: ["--stdin", "-z"], input: quoted.join("\0") }] : [];
  for (let at = 0; at < plain.length;) {
    const args: string[] = [];
    for (let chars = 0; at < plain.length && (args.length === 0 || chars + plain[at]!.length < CHARS_PER_RUN); at++) {
      args.push(plain[at]!);
      chars += plain[at]!.length + 1;
    }
    runs.push({ args: ["--", ...args] });
  }
  for (const run of runs) {
    const answer = checkIgnoreRun(cwd, run.args, run.input);
    if ("failed" in answer) return answer;
    for (const path of answer.ignored.split(run.input === undefined ? "\n" : "\0")) if (path) ignored.set(path, IGNORED);
  }
  return { ignored };
}

/** One run of `git check-ignore`: what it printed, or its message when it could not answer. */
function checkIgnoreRun(cwd: string, args: readonly string[], input: string | undefined): { ignored: string } | { failed: string } {
  // `core.fsmonitor` would run a program named by the repository's git configuration: never here.
  const git = spawnSync("git", ["-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "check-ignore", ...args], {
    cwd,
    input,
    encoding: "utf8",
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  // No git at all: only hidden files count, as outside a repository.
  if ((git.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return { ignored: "" };
  // 0: some are ignored; 1: none; anything else is a failure, never "none".
  if ((git.status !== 0 && git.status !== 1) || typeof git.stdout !== "string") {
    const said = (git.stderr ?? "")
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean);
    return { failed: said ? `git said: ${said}` : `git ended with ${git.error ? git.error.message : `exit code ${git.status ?? git.signal}`}` };
  }
  return { ignored: git.stdout };
}
