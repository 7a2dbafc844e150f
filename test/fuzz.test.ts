import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExamples, run, tempDir } from "./helpers/repo.js";
import { mutate } from "./fuzz/mutate.js";

/**
 * Fuzzing: mutated versions of the example documents go through `plan check` and `plan build`
 * (HTML). Every run must end with exit 0 or 1, never a crash; every error must come with a
 * place; a build that succeeds writes the mutated document's page. A failing case prints its
 * seed; replay it with FUZZ_SEEDS=<seed> (and add it to REGRESSIONS once fixed).
 *
 * A case checks and builds the mutated document in its own municipality's repository (its folder
 * with the configuration and the shared data), which costs a third of the whole examples'; a file
 * outside every municipality's folder (the configuration, data/) in the repository of a
 * municipality chosen by the seed. Every WHOLE-th case uses the whole examples, so that what
 * spans municipalities (the region's roll-ups, the configuration's parties) is fuzzed too.
 *
 * `npm test` runs a few hundred cases; `npm run fuzz` runs many more (FUZZ_CASES, 10,000 by default),
 * split into shards (FUZZ_SHARD=i/n: every n-th seed from the i-th) that run in parallel, one per core.
 */
const CASES = Number(process.env["FUZZ_CASES"] ?? 200);
const WHOLE = 10;
const FIRST_SEED = Number(process.env["FUZZ_FIRST_SEED"] ?? 1);
const REGRESSIONS: number[] = [];
const [shard, shards] = (process.env["FUZZ_SHARD"] ?? "1/1").split("/").map(Number) as [number, number];
const seeds = (
  process.env["FUZZ_SEEDS"] ? process.env["FUZZ_SEEDS"].split(",").map(Number) : [...REGRESSIONS, ...Array.from({ length: CASES }, (_, i) => FIRST_SEED + i)]
).filter((_, i) => i % shards === shard - 1);

/**
 * One repository per municipality's folder of the examples: that folder beside what every folder
 * shares (the configuration, `data/`, the forms the configuration names: copyExamples's `only`).
 * A folder that does not check cleanly alone fails the test: its cases would fall back on the
 * whole examples and cost three times as much without saying so.
 */
async function municipalities(whole: string): Promise<Map<string, string>> {
  const repositories = new Map<string, string>();
  for (const e of readdirSync(whole, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === "data") continue;
    const root = copyExamples({ only: [e.name] });
    const { code, stdout } = await run(["check", ".", "--format", "json"], root);
    expect(code, `${e.name}/ alone: ${stdout.slice(0, 500)}`).toBe(0);
    repositories.set(e.name, root);
  }
  return repositories;
}

function documents(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".md") || e.name.endsWith(".yaml")) found.push(relative(root, join(dir, e.name)));
    }
  };
  walk(root);
  return found.sort();
}

describe("fuzzing plan check and plan build", () => {
  it(`${seeds.length} mutated documents: exit 0 or 1, a place for every error, no crash`, { timeout: Math.max(900_000, seeds.length * 2_000) }, async () => {
    const whole = copyExamples();
    const byFolder = await municipalities(whole);
    const out = join(tempDir(), "out");
    const files = documents(whole);
    const originals = new Map(files.map((f) => [f, readFileSync(join(whole, f), "utf8")]));
    const failures: string[] = [];
    for (const seed of seeds) {
      const file = files[seed % files.length]!;
      const folders = [...byFolder.keys()];
      const folder = byFolder.has(file.split(sep)[0]!) ? file.split(sep)[0]! : folders[seed % folders.length]!;
      const root = seed % WHOLE === 0 ? whole : byFolder.get(folder)!;
      const { text, applied } = mutate(originals.get(file)!, seed);
      writeFileSync(join(root, file), text);
      // The CPU time of this process, not the time on the clock: a check that runs away (an alias bomb) is caught
      // however busy the machine is, and a busy machine does not make a quick check look slow.
      const cpu = process.cpuUsage();
      const { code, stdout, stderr } = await run(["check", ".", "--format", "json"], root);
      const used = process.cpuUsage(cpu);
      const seconds = (used.user + used.system) / 1e6;
      const problem = (why: string) => failures.push(`seed ${seed} (${file}${root === whole ? "" : `, in ${folder}/ alone`}: ${applied.join(" + ")}): ${why}`);
      if (code !== 0 && code !== 1) problem(`exit ${code}: ${stderr.slice(0, 300)}`);
      else if (seconds > 10) problem(`took ${seconds.toFixed(1)} s of CPU time`);
      else {
        const result = JSON.parse(stdout) as { errors: number; problems: { line: number; column: number; message: string; severity: string }[] };
        if ((code === 1) !== result.errors > 0) problem(`exit ${code} with ${result.errors} errors`);
        for (const p of result.problems) if (!(p.line >= 1 && p.column >= 1 && p.message)) problem(`a problem without place or message: ${JSON.stringify(p)}`);
        // What check passes, build must render. A repository with errors gets from build the same check and
        // nothing more (test/build.test.ts shows that), so building it again would only double the case's cost.
        if (code === 0) {
          const build = await run(["build", ".", "--out", out, "--no-pdf"], root);
          if (build.code !== 0) problem(`check exits 0 but build ${build.code}: ${build.stderr.slice(0, 300)}`);
          if (/internal error|\n\s+at /.test(build.stderr)) problem(`build crashed: ${build.stderr.slice(0, 300)}`);
        }
      }
      writeFileSync(join(root, file), originals.get(file)!);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
});
