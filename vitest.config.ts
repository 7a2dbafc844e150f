import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A folder for what the test files of a run share, such as one build of the examples (test/helpers/shared.ts).
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that start Chromium share two cores; more workers only make them slower.
    maxWorkers: 2,
  },
});
