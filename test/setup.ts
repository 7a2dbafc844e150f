import { afterAll, afterEach, inject } from "vitest";
import { removeFileTempDirs, removeTempDirs } from "./helpers/repo.js";

// The run's temp folder (test/global-setup.ts) for what the tests, plan in process, the programs they start (git, the
// browser) and the tests' own temp folders write: os.tmpdir() reads TMPDIR at every call. Outside a run of the whole
// configuration (a file run alone with its own setup), the system's.
const temp = inject("tempDir");
if (temp) process.env["TMPDIR"] = temp;

// Run before each test file (vitest.config.ts, setupFiles). The test files of a worker share their modules, so the
// helpers are evaluated once per worker: hooks registered in them would only run for the first file that imports them.
afterEach(removeTempDirs);
afterAll(removeFileTempDirs);
