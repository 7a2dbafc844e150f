import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that start Chromium share two cores; more workers only make them slower.
    maxWorkers: 2,
  },
});
