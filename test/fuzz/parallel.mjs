// `npm run fuzz`: the fuzz test's seeds in shards, one vitest process per core, so the long run uses every core.
// FUZZ_CASES sets how many cases in all (10,000 by default, from package.json); FUZZ_JOBS how many processes.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";

const jobs = Number(process.env["FUZZ_JOBS"] ?? availableParallelism());
const vitest = join(import.meta.dirname, "../../node_modules/vitest/vitest.mjs");
const started = Date.now();

const runs = Array.from({ length: jobs }, (_, i) => {
  const shard = `${i + 1}/${jobs}`;
  const child = spawn(process.execPath, [vitest, "run", "test/fuzz.test.ts"], {
    env: { ...process.env, FUZZ_SHARD: shard },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ shard, code, output })));
});

let failed = 0;
for (const { shard, code, output } of await Promise.all(runs)) {
  // Each shard's report whole, one after the other, so that a failing seed is read in its context.
  process.stdout.write(`\n— fuzz shard ${shard}: exit ${code}\n${output}`);
  if (code !== 0) failed++;
}
console.log(`\nfuzz: ${process.env["FUZZ_CASES"] ?? "the default number of"} cases in ${jobs} shards, ${((Date.now() - started) / 1000).toFixed(0)} s`);
// The closing line in the form CI reads: shards passed and failed.
console.log(`shards: ${jobs - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
