import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
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

/** dist/ compiled when stale, and one folder per run for what test files share (test/helpers/shared.ts), removed when the run ends. */
export default function setup(project: TestProject): () => void {
  compileIfStale();
  const dir = mkdtempSync(join(tmpdir(), "plan-shared-"));
  project.provide("sharedDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
