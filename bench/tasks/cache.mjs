// `plan check` with its cache (.plan-cache/check.bin) on the 1,000-plan repository, each figure
// beside its floor (issue 20):
//   - floor (read only): reading every file and hashing it, parsing nothing (bench/floor.mjs --read):
//     a check that takes every unchanged file from its cache reads and hashes them all;
//   - plan check, cached, nothing changed;
//   - plan check, cached, 10 files changed: before each run a line is added to the end of 10 plans
//     of 10 copies (10 groups of connected documents), so each run parses and checks those anew;
//   - plan build --no-pdf, nothing changed since the last build: it writes nothing.
// The cold check (`--no-cache`) and its floor (read + parse) are the runner's first rows; the ratio
// of each cached check to both floors is noted.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const CHANGED = 10;

export default async function ({ repoDir, measure, tmpDir, cli, note, log, root }) {
  const dir = join(tmpDir, "repo");
  execFileSync("git", ["clone", "-q", repoDir, dir]);
  const floor = join(root, "bench", "floor.mjs");
  const files = Array.from({ length: CHANGED }, (_, i) => join(dir, `k${String(1 + i * 7).padStart(4, "0")}`, "lerum", "plan-2019.md"));
  log("the first check, which writes the cache");
  execFileSync(process.execPath, [cli, "check", dir], { stdio: "ignore" });

  const read = measure("floor (read only)", ["node", floor, "--read", dir], { cwd: tmpDir });
  const same = measure("plan check, cached, nothing changed", ["node", cli, "check", dir], { cwd: tmpDir });
  // sh adds a line to each file and then becomes plan (exec): the time is that of the check, and of 10 small writes.
  const changed = measure(
    `plan check, cached, ${CHANGED} files changed`,
    [
      "sh",
      "-c",
      'node="$1" cli="$2" dir="$3"; shift 3; for f in "$@"; do printf "\\n" >> "$f"; done; exec "$node" "$cli" check "$dir"',
      "sh",
      process.execPath,
      cli,
      dir,
      ...files,
    ],
    { cwd: tmpDir, aim: { seconds: 1.5, issue: 20, text: `plan check with the cache, ${CHANGED} files changed: under 1.5 s` } },
  );
  // plan build --no-pdf with nothing changed since the last: it writes nothing (issue 20: at most 2 s).
  const out = join(tmpDir, "site");
  execFileSync(process.execPath, [cli, "build", dir, "--out", out, "--no-pdf"], { stdio: "ignore" });
  const build = measure("plan build --no-pdf, nothing changed", ["node", cli, "build", dir, "--out", out, "--no-pdf"], {
    cwd: tmpDir,
    aim: { seconds: 2, issue: 20, text: "plan build --no-pdf with nothing changed: under 2 s" },
  });
  for (const row of [same, changed, build]) note(`${row.label} ÷ floor (read only)`, `${(row.median / read.median).toFixed(2)}×`);
}
