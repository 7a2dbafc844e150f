import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    {
      // The packages as plan runs them: without Vite's "development" condition, under which Node loads the development builds
      // of micromark and its extensions (assertions and debug logging on every token) for the tests, and plan ships the others.
      name: "plan:production-packages",
      configResolved(config) {
        const conditions = config.ssr.resolve?.conditions;
        if (conditions) conditions.splice(0, conditions.length, ...conditions.filter((c) => c !== "development|production"));
      },
    },
  ],
  test: {
    include: ["test/**/*.test.ts"],
    // A folder for what the test files of a run share, such as one build of the examples (test/helpers/shared.ts).
    globalSetup: ["test/global-setup.ts"],
    // The test files of a worker share one graph of modules instead of loading and warming up the whole of plan again
    // for each file, which took about a fifth of the run. What must happen for every file is in the setup file; plan keeps
    // no state in its modules (an ESLint rule keeps it so, see test/module-state.test.ts).
    isolate: false,
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that start Chromium share two cores; more workers only make them slower.
    maxWorkers: 2,
  },
});
