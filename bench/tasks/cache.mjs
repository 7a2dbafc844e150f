// `plan check` with its cache (.plan-cache/check.bin) on the 1,000-plan repository, each figure
// beside its floor (issue 20):
//   - floor (read only): reading every file and hashing it, parsing nothing (bench/floor.mjs --read):
//     a check that takes every unchanged file from its cache reads and hashes them all;
//   - plan check, cached, nothing changed;
//   - plan check, cached, 10 files changed: before each run a line is added to the end of 10 plans
//     of 10 copies (10 groups of connected documents), so each run parses and checks those anew;
//   - plan build --no-pdf, nothing changed since the last build: it writes nothing;
//   - plan build --no-pdf after 10 files changed, and what it says it wrote.
// The cold check (`--no-cache`) and its floor (read + parse) are the runner's first rows; the ratio
// of each cached check to both floors is noted.
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { join } from "node:path";

const CHANGED = 10;
const READ_LABEL = "floor (read only)";

export default async function ({ repoDir, measure, tmpDir, cli, note, log, root }) {
  const dir = join(tmpDir, "repo");
  execFileSync("git", ["clone", "-q", repoDir, dir]);
  const floor = join(root, "bench", "floor.mjs");
  // 10 plans spread over the copies (each in a group of connected documents of its own), whatever the number of plans.
  const plans = execFileSync("git", ["grep", "-l", "-z", "^kind: plan", "--", "*.md"], { cwd: dir, encoding: "utf8" }).split("\0").filter(Boolean).sort();
  if (plans.length < CHANGED) throw new Error(`the repository has ${plans.length} plans, fewer than the ${CHANGED} to change`);
  const files = Array.from({ length: CHANGED }, (_, i) => join(dir, plans[Math.floor((i * plans.length) / CHANGED)]));
  log("the first check, which writes the cache");
  // From the folder the measured runs start in: the cache holds for one working folder (its messages name files from there).
  execFileSync(process.execPath, [cli, "check", dir], { stdio: "ignore", cwd: tmpDir });

  const read = measure(READ_LABEL, ["node", floor, "--read", dir], { cwd: tmpDir });
  const same = measure("plan check, cached, nothing changed", ["node", cli, "check", dir], { cwd: tmpDir, floor: READ_LABEL });
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
    { cwd: tmpDir, floor: READ_LABEL, aim: { seconds: 1.5, issue: 20, text: `plan check with the cache, ${CHANGED} files changed: under 1.5 s` } },
  );
  // plan build --no-pdf with nothing changed since the last: it writes nothing (issue 20: at most 2 s).
  const out = join(tmpDir, "site");
  execFileSync(process.execPath, [cli, "build", dir, "--out", out, "--no-pdf"], { stdio: "ignore", cwd: tmpDir });
  const build = measure("plan build --no-pdf, nothing changed", ["node", cli, "build", dir, "--out", out, "--no-pdf"], {
    cwd: tmpDir,
    floor: READ_LABEL,
    aim: { seconds: 2, issue: 20, text: "plan build --no-pdf with nothing changed: under 2 s" },
  });
  // plan build --no-pdf after 10 files changed (issue 20: it renders only the pages they reach); what it wrote, from its own report.
  const changedBuild = measure(
    `plan build --no-pdf, ${CHANGED} files changed`,
    [
      "sh",
      "-c",
      'node="$1" cli="$2" dir="$3" out="$4"; shift 4; for f in "$@"; do printf "\\n" >> "$f"; done; exec "$node" "$cli" build "$dir" --out "$out" --no-pdf',
      "sh",
      process.execPath,
      cli,
      dir,
      out,
      ...files,
    ],
    { cwd: tmpDir, floor: READ_LABEL },
  );
  for (const f of files) appendFileSync(f, "\n");
  const said = execFileSync(process.execPath, [cli, "build", dir, "--out", out, "--no-pdf"], {
    cwd: tmpDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  note(
    `plan build --no-pdf, ${CHANGED} files changed: what it wrote`,
    said
      .trim()
      .split("\n")
      .find((line) => /built|rendered|wrote/.test(line)) ?? said.trim(),
  );
  for (const row of [same, changed, build, changedBuild]) note(`${row.label} ÷ floor (read only)`, `${(row.median / read.median).toFixed(2)}×`);
}
