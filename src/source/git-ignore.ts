import { spawn, spawnSync } from "node:child_process";
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
  return "failed" in all ? askedOneByOne(root, candidates) : { ignored: all.ignored, failed: new Map() };
}

/**
 * As `ignoredPaths`, with git run in processes of its own while this thread does other work (a
 * check reads its cache meanwhile): the same runs, started at once. Where git fails, the paths are
 * asked again one by one, as `ignoredPaths` asks them.
 */
export async function ignoredPathsAsync(root: string, relPaths: Iterable<string>): Promise<{ ignored: Ignored; failed: ReadonlyMap<string, string> }> {
  const candidates = [...new Set(relPaths)];
  if (candidates.length === 0 || !inGitRepository(root)) return { ignored: new Map(), failed: new Map() };
  const runs = checkIgnoreRuns(candidates);
  const answers = await Promise.all(runs.map((run) => checkIgnoreRunAsync(root, run.args, run.input)));
  const answered = answers.filter((answer): answer is { ignored: string } => !("failed" in answer));
  return answered.length === runs.length ? { ignored: ignoredOf(runs, answered), failed: new Map() } : askedOneByOne(root, candidates);
}

/** One path git cannot take fails the whole question: asked again one by one, so that only those are refused. */
function askedOneByOne(root: string, candidates: readonly string[]): { ignored: Ignored; failed: ReadonlyMap<string, string> } {
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
  const runs = checkIgnoreRuns(paths);
  const answers: { ignored: string }[] = [];
  for (const run of runs) {
    const answer = checkIgnoreRun(cwd, run.args, run.input);
    if ("failed" in answer) return answer;
    answers.push(answer);
  }
  return { ignored: ignoredOf(runs, answers) };
}

/** The paths each run of git printed, as ignored. */
function ignoredOf(runs: readonly { input?: string }[], answers: readonly { ignored: string }[]): Map<string, string> {
  const ignored = new Map<string, string>();
  runs.forEach((run, i) => {
    for (const path of answers[i]!.ignored.split(run.input === undefined ? "\n" : "\0")) if (path) ignored.set(path, IGNORED);
  });
  return ignored;
}

/** The runs of `git check-ignore` that ask for `paths` (see `checkIgnore`). */
function checkIgnoreRuns(paths: readonly string[]): { args: string[]; input?: string }[] {
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
  return runs;
}

/** The command line of one run of `git check-ignore`. `core.fsmonitor` would run a program named by the repository's git configuration: never here. */
const gitArgs = (args: readonly string[]) => ["-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "check-ignore", ...args];
const GIT_TIMEOUT_MS = 30_000;
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

/** One run of `git check-ignore`: what it printed, or its message when it could not answer. */
function checkIgnoreRun(cwd: string, args: readonly string[], input: string | undefined): { ignored: string } | { failed: string } {
  const git = spawnSync("git", gitArgs(args), { cwd, input, encoding: "utf8", timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_BUFFER });
  return answerOf(git);
}

/** What a run of git said: the paths it printed, or its message when it could not answer. */
function answerOf(git: {
  error?: Error | undefined;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string | undefined;
  stderr: string | undefined;
}): { ignored: string } | { failed: string } {
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

/**
 * As `checkIgnoreRun`, in a process that runs while this thread goes on, with spawnSync's bounds:
 * killed after GIT_TIMEOUT_MS, or when it prints more than GIT_MAX_BUFFER. The timer is plan's own
 * and ends with the process or its failure to start: spawn's `timeout` option is cleared only on
 * "exit", which a git that cannot be started (missing, not executable) never gives, and it kept
 * plan from exiting for the whole timeout.
 */
function checkIgnoreRunAsync(cwd: string, args: readonly string[], input: string | undefined): Promise<{ ignored: string } | { failed: string }> {
  return new Promise((done) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let error: Error | undefined;
    let ended = false;
    const git = spawn("git", gitArgs(args), { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const timer = setTimeout(() => {
      error ??= new Error(`git did not answer in ${GIT_TIMEOUT_MS / 1000} s`);
      git.kill();
    }, GIT_TIMEOUT_MS);
    const end = (answer: { ignored: string } | { failed: string }) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      done(answer);
    };
    git.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > GIT_MAX_BUFFER) {
        error ??= new Error("stdout maxBuffer length exceeded");
        git.kill();
      } else out.push(chunk);
    });
    git.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    // A git that ends before it read its input (a failure) closes the pipe: what it said tells why.
    git.stdin.on("error", () => undefined);
    git.stdin.end(input ?? "");
    // A process that never started (no git, or one that cannot be run) gives "error" and perhaps no "close".
    git.once("error", (e) => {
      error ??= e;
      if (git.pid === undefined) end(answerOf({ error: e, status: null, signal: null, stdout: undefined, stderr: undefined }));
    });
    git.once("close", (status, signal) => {
      const stderr = Buffer.concat(err).toString("utf8");
      end(answerOf({ error, status, signal, stdout: error ? undefined : Buffer.concat(out).toString("utf8"), stderr }));
    });
  });
}
