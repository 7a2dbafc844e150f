import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A folder for what the test files of a run share, such as one build of the examples (test/helpers/shared.ts).
    globalSetup: ["test/global-setup.ts"],
    // The test files of a worker share one graph of modules instead of loading and warming up the whole of plan again
    // for each file, which took about a fifth of the run. What must happen for every file is in the setup file; plan's
    // own module state is caches keyed by path and file state, which the tests of a file already shared.
    isolate: false,
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that start Chromium share two cores; more workers only make them slower.
    maxWorkers: 2,
  },
});
