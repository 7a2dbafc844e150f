import { afterAll, afterEach } from "vitest";
import { removeFileTempDirs, removeTempDirs } from "./helpers/repo.js";

// Run before each test file (vitest.config.ts, setupFiles). The test files of a worker share their modules, so the
// helpers are evaluated once per worker: hooks registered in them would only run for the first file that imports them.
afterEach(removeTempDirs);
afterAll(removeFileTempDirs);
