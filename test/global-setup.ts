import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
// For the type of `sharedDir` only: the helper itself runs in the test workers.
import type {} from "./helpers/shared.js";

/** One folder per run for what test files share (test/helpers/shared.ts), removed when the run ends. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "plan-shared-"));
  project.provide("sharedDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
