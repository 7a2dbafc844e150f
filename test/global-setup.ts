import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
// For the type of `sharedDir` only: the helper itself runs in the test workers.
import type {} from "./helpers/shared.js";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The compiled plan (dist/), which the tests that run it as a program spawn (`node dist/cli.js`:
 * security-write) or start worker threads from (check-cache), and which scaffold packs: compiled
 * here once, before any test file runs, when a source or the compiler's settings are newer than it.
 */
function compileIfStale(): void {
  const cli = join(ROOT, "dist", "cli.js");
  const sources = readdirSync(join(ROOT, "src"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const newest = Math.max(...[...sources, join(ROOT, "tsconfig.json")].map((f) => statSync(f).mtimeMs));
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest) return;
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
  } catch (error) {
    // tsc writes dist/ even when it finds errors: dated back, so that the next run compiles again and says them again.
    if (existsSync(cli)) utimesSync(cli, 0, 0);
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p tsconfig.json failed: the tests need dist/ compiled from the sources.\n${stdout}${stderr}`);
  }
}

/** The magic number of tmpfs in statfs's `type` (linux/magic.h). */
const TMPFS_MAGIC = 0x01021994;
/** Free space a run's temporary files may need at most: the examples built with their PDFs several times over, with room to spare. */
const ROOM = 2 * 1024 ** 3;

/**
 * Where the temporary files of a run go: PLAN_TEST_TMPDIR when it is set; else /dev/shm where it
 * is a memory file system with room (ROOM), not a container's small one; else the system's temp
 * folder. The tests copy the examples, commit them with git, build them and remove them again
 * hundreds of times: on a disk file system each of those is written through the journal (and,
 * mounted with `discard` as this machine's root is, trimmed as it is removed), which cost a
 * test run as much system time as its own work. plan writes, renames and links there as on disk.
 */
function tempParent(env: NodeJS.ProcessEnv): string {
  const asked = env["PLAN_TEST_TMPDIR"];
  if (asked) return asked;
  try {
    const shm = statfsSync("/dev/shm");
    if (shm.type === TMPFS_MAGIC && shm.bavail * shm.bsize >= ROOM) return "/dev/shm";
  } catch {
    // No /dev/shm (not Linux).
  }
  return tmpdir();
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The folders of runs that ended without removing theirs (killed): in memory, they would hold it until the machine restarts. */
function removeDeadRuns(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = /^plan-tests-(\d+)-/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !alive(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * dist/ compiled when stale, and one temp folder per run (tempParent), which every test file takes
 * as its TMPDIR (test/setup.ts): what the tests and the plans they run leave there goes when the
 * run ends. In it, a folder for what test files share (test/helpers/shared.ts).
 */
export default function setup(project: TestProject): () => void {
  compileIfStale();
  const parent = tempParent(process.env);
  removeDeadRuns(parent);
  const temp = mkdtempSync(join(parent, `plan-tests-${process.pid}-`));
  const shared = join(temp, "shared");
  mkdirSync(shared);
  project.provide("tempDir", temp);
  project.provide("sharedDir", shared);
  return () => rmSync(temp, { recursive: true, force: true });
}
