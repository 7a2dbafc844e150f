// Used by bench/run.mjs only where GNU time is missing: `node --import bench/maxrss-hook.mjs …`
// writes this process's peak resident set size (KiB) and CPU seconds to $BENCH_MAXRSS_FILE at exit.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  delete process.env.BENCH_MAXRSS_FILE; // not for processes this one starts
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
