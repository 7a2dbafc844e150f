// `npm run bench`: speed and memory of plan on a generated repository of 1,000 plans.
//
// Builds nothing itself (the npm script runs tsc first). It generates the repository
// (bench/generate.mjs) in a temporary folder and measures, each command in a child
// process of its own:
//   - the floor (bench/floor.mjs: read and parse the same files with the same parsers, no checks)
//   - `plan check` on the same repository, interleaved with the floor run by run so both see
//     the same machine load,
//   - every task in bench/tasks/*.mjs, in name order,
//   - `plan check` once on 10,000 plans, for its peak memory.
// It prints a table and the aims of the issues to stdout, then one line of JSON with every
// figure; progress goes to stderr.
//
// How it measures: wall time is taken around the child in this process (median and minimum
// of the runs); peak memory is the child's maximum resident set size as the kernel counts it
// (getrusage), read with GNU time: `/usr/bin/time -f "%e %M %U %S"`, from the Debian package
// `time`. If that is missing, commands run by node get `--import bench/maxrss-hook.mjs`, which
// writes `process.resourceUsage().maxRSS` at exit; other commands then have no memory figure.
// With GNU time, the figure for a command that starts other processes (a browser) is the
// largest single process of the tree, not their sum. MB here are 10^6 bytes, so 1 GB = 1000 MB.
//
// Tasks: bench/tasks/NAME.mjs exports
//   export default async function ({ repoDir, measure, tmpDir, ...more }) { … }
// - repoDir: the generated 1,000-plan repository, a git repository with everything in one
//   commit. Do not change it (copy it, e.g. `git clone repoDir tmpDir/x`, or use `git worktree`);
//   the runner restores it after each task and warns if a task left it changed.
// - tmpDir: an empty folder of the task's own, removed afterwards.
// - measure(label, argv, { cwd = repoDir, env, runs = 5, expectExit = 0, limitS, aim }) runs
//   argv (e.g. ["node", cli, "build", repoDir, "--out", out]) as a child process the same
//   way as `plan check` is measured, records a row and returns it:
//   { label, median, min, peakMB, wall: [s…], … }. `expectExit` is a code or a list of codes;
//   another exit code fails the task. `aim` puts the row in the aims section:
//   { seconds: 3, issue: 3 } (median under 3 s), { mb: 1000 } (peak memory),
//   { ratioTo: "label of another row", ratio: 1.3 } (median ÷ that row's median at most 1.3),
//   optionally with `text` to describe it.
// - measureTogether([{ label, argv, … }, …], { runs }) measures several commands as measure does,
//   run after run in alternating order (a command and its floor meet the same load), and returns their rows.
// - more: root (the project folder), cli (dist/cli.js), plans (1000), generateRepository and
//   commitAll (from bench/generate.mjs), note(label, value) to add a free-form figure to the
//   output, log(...) for progress on stderr.
// A task that throws is reported as failed and the run goes on.
//
// Settings (environment): BENCH_RUNS (5), BENCH_BUDGET_S (45 per command: once 3 runs of a
// measurement have taken longer than this, it stops repeating), BENCH_LIMIT_S (300: a single
// run is stopped after this long), BENCH_PLANS (1000), BENCH_BIG_PLANS (10000; 0 skips),
// BENCH_BIG_LIMIT_S (120: the 10,000-plan check is stopped after this long and its peak memory
// so far is reported as a lower bound), BENCH_ONLY=cache,build (only these tasks; the cold
// check and its floor always run), BENCH_KEEP=1
// keeps the temporary folder, BENCH_TASKS=dir runs the tasks of another folder,
// BENCH_NO_GNU_TIME=1 tries the fallback for peak memory.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { commitAll, generateRepository } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "..");
const CLI = join(ROOT, "dist", "cli.js");
const FLOOR = join(here, "floor.mjs");
const HOOK = join(here, "maxrss-hook.mjs");
const TASKS = process.env.BENCH_TASKS ? resolve(process.env.BENCH_TASKS) : join(here, "tasks");

const envNumber = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not ${value}`);
  return n;
};
const RUNS = Math.max(1, Math.round(envNumber("BENCH_RUNS", 5)));
const BUDGET_S = envNumber("BENCH_BUDGET_S", 45);
const LIMIT_S = envNumber("BENCH_LIMIT_S", 300);
const PLANS = Math.round(envNumber("BENCH_PLANS", 1000));
const BIG_PLANS = Math.round(envNumber("BENCH_BIG_PLANS", 10000));
const BIG_LIMIT_S = envNumber("BENCH_BIG_LIMIT_S", 120);
const ONLY = process.env.BENCH_ONLY
  ? process.env.BENCH_ONLY.split(",")
      .map((name) => name.trim().replace(/\.mjs$/, ""))
      .filter(Boolean)
  : undefined;
const AIM_MB = 1000;

const log = (...args) => console.error("bench:", ...args);

// ---------------------------------------------------------------------------------------------
// Running one command

function works(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return !r.error && r.status === 0;
}
const GNU_TIME =
  process.env.BENCH_NO_GNU_TIME === "1"
    ? undefined
    : ["/usr/bin/time", "/bin/time"].find((t) => existsSync(t) && works(t, ["-f", "%M", "-o", "/dev/null", "true"]));
const TIMEOUT = works("timeout", ["--version"]) ? "timeout" : undefined;
const MEMORY_TOOL = GNU_TIME
  ? `GNU time (${GNU_TIME} -f %M: max RSS)`
  : "node --import bench/maxrss-hook.mjs (process.resourceUsage().maxRSS; node commands only)";

let scratch; // a folder for the figures files
let counter = 0;

/** Runs argv once; returns { seconds, peakMB, cpuSeconds, status, signal, timedOut, stderr }. */
function runOnce(argv, { cwd, env, limitS = LIMIT_S }) {
  const [first, ...args] = argv;
  const cmd = first === "node" ? process.execPath : first;
  const figures = join(scratch, `figures-${++counter}.txt`);
  let full;
  const childEnv = { ...process.env, ...env };
  if (GNU_TIME) {
    const limit = TIMEOUT ? [TIMEOUT, "-k", "5", String(limitS), cmd, ...args] : [cmd, ...args];
    full = [GNU_TIME, "-f", "%e %M %U %S", "-o", figures, ...limit];
  } else {
    const isNode = cmd === process.execPath || basename(cmd) === "node";
    full = isNode ? [cmd, "--import", pathToFileURL(HOOK).href, ...args] : [cmd, ...args];
    childEnv.BENCH_MAXRSS_FILE = figures;
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), {
    cwd,
    env: childEnv,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    timeout: TIMEOUT || !GNU_TIME ? (limitS + 30) * 1000 : undefined,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw new Error(`${argv.join(" ")}: ${r.error.message}`);
  let peakMB, cpuSeconds;
  const status = r.status;
  if (existsSync(figures)) {
    const text = readFileSync(figures, "utf8").trim();
    if (GNU_TIME) {
      // Last line holds the figures; a line before it says "Command exited with non-zero status N".
      const [, maxKiB, user, sys] = text.split("\n").pop().split(/\s+/).map(Number);
      peakMB = (maxKiB * 1024) / 1e6;
      cpuSeconds = user + sys;
    } else {
      const [maxKiB, user, sys] = text.split(/\s+/).map(Number);
      peakMB = (maxKiB * 1024) / 1e6;
      cpuSeconds = user + sys;
    }
    rmSync(figures, { force: true });
  }
  const timedOut = (TIMEOUT && GNU_TIME && status === 124) || r.signal === "SIGTERM";
  const stderr = (r.stderr ?? Buffer.alloc(0)).toString("utf8");
  return { seconds, peakMB, cpuSeconds, status, signal: r.signal, timedOut, stderr: stderr.slice(-2000) };
}

// ---------------------------------------------------------------------------------------------
// Measuring: several runs, figures per row

const rows = [];
const aims = [];
const notes = [];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measures several commands, run after run, alternating their order each round so that
 * a change in machine load affects them alike. Returns their rows.
 */
function measureGroup(specs, { runs = RUNS, budgetS = BUDGET_S } = {}) {
  const results = specs.map(() => []);
  const failed = specs.map(() => undefined);
  const start = Date.now();
  for (let round = 0; round < runs; round++) {
    const order = specs.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      if (failed[i]) continue;
      const spec = specs[i];
      const r = runOnce(spec.argv, spec);
      const expected = [spec.expectExit ?? 0].flat();
      if (r.timedOut) failed[i] = `stopped after ${spec.limitS ?? LIMIT_S} s`;
      else if (r.signal) failed[i] = `killed by ${r.signal}`;
      else if (!expected.includes(r.status))
        failed[i] = `exit code ${r.status}${r.stderr.trim() ? `: ${r.stderr.trim().split("\n").slice(-3).join(" / ")}` : ""}`;
      results[i].push(r);
      log(`${spec.label}: run ${round + 1}: ${r.seconds.toFixed(2)} s, ${r.peakMB?.toFixed(0) ?? "?"} MB${failed[i] ? ` (${failed[i]})` : ""}`);
    }
    if (failed.every(Boolean)) break;
    if (round + 1 >= 3 && (Date.now() - start) / 1000 > budgetS * specs.length) {
      if (round + 1 < runs) log(`over the budget of ${budgetS * specs.length} s after ${round + 1} runs; stopping there`);
      break;
    }
  }
  return specs.map((spec, i) => {
    const done = results[i];
    const ok = failed[i] ? done.slice(0, -1) : done;
    const wall = ok.map((r) => r.seconds);
    const peaks = done.map((r) => r.peakMB).filter((x) => x !== undefined);
    const row = {
      label: spec.label,
      plans: spec.plans,
      argv: spec.argv.map((a) => (typeof a === "string" ? a.replace(scratchRoot, "$TMP").replace(ROOT, ".") : a)),
      runs: wall.length,
      median: wall.length ? median(wall) : undefined,
      min: wall.length ? Math.min(...wall) : undefined,
      wall,
      // The largest over all runs (a failed run's peak counts: it is a lower bound).
      peakMB: peaks.length ? Math.max(...peaks) : undefined,
      cpuMedian: ok.length && ok.every((r) => r.cpuSeconds !== undefined) ? median(ok.map((r) => r.cpuSeconds)) : undefined,
      failed: failed[i],
      ...(spec.floor ? { floor: spec.floor } : {}),
    };
    rows.push(row);
    if (spec.aim) addAim(row, spec.aim, spec.source);
    return row;
  });
}

function addAim(row, aim, source) {
  const issue = aim.issue ? `issue ${aim.issue}` : source;
  if (aim.seconds !== undefined)
    aims.push({ row: row.label, kind: "seconds", limit: aim.seconds, text: aim.text ?? `${row.label}: under ${aim.seconds} s`, issue });
  if (aim.mb !== undefined) aims.push({ row: row.label, kind: "mb", limit: aim.mb, text: aim.text ?? `${row.label}: peak memory under ${aim.mb} MB`, issue });
  if (aim.ratioTo !== undefined)
    aims.push({
      row: row.label,
      kind: "ratio",
      of: aim.ratioTo,
      limit: aim.ratio,
      text: aim.text ?? `${row.label}: within ${aim.ratio}× ${aim.ratioTo}`,
      issue,
    });
}

function evaluateAims() {
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return aims.map((aim) => {
    const row = byLabel.get(aim.row);
    let value, measured, met;
    if (aim.kind === "seconds") {
      value = row?.median;
      measured = value === undefined ? (row?.failed ?? "no figure") : `${value.toFixed(2)} s`;
      met = value !== undefined && !row.failed && value < aim.limit;
    } else if (aim.kind === "mb") {
      value = row?.peakMB;
      measured = value === undefined ? "no figure" : `${row.failed ? "≥ " : ""}${value.toFixed(0)} MB`;
      met = value !== undefined && !row.failed && value < aim.limit;
    } else {
      const base = byLabel.get(aim.of);
      value = row?.median !== undefined && base?.median ? row.median / base.median : undefined;
      measured = value === undefined ? "no figure" : `${value.toFixed(2)}×`;
      met = value !== undefined && !row.failed && value <= aim.limit;
    }
    return { ...aim, value, measured, met };
  });
}

// ---------------------------------------------------------------------------------------------
// Output

function table(headers, body, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (align[i] === "r" ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

const fmt = (x, digits = 2) => (x === undefined || Number.isNaN(x) ? "-" : x.toFixed(digits));

/** A row's median and CPU time ÷ those of its floor: the row it names (`floor`), else the cold check's floor for a `plan check` of as many plans. */
function ratiosToFloor(row, coldFloor) {
  const floor = row.floor
    ? rows.find((r) => r.label === row.floor)
    : row.label.startsWith("plan check") && row.plans === coldFloor?.plans
      ? coldFloor
      : undefined;
  return [
    [row.median, floor?.median],
    [row.cpuMedian, floor?.cpuMedian],
  ].map(([x, base]) => (base && x !== undefined ? `${(x / base).toFixed(2)}×` : ""));
}

function print(context) {
  const floorRow = rows.find((r) => r.label === context.floorLabel);
  const out = [];
  out.push(
    `plan bench: ${context.repo.plans.toLocaleString("en")} plans (${context.repo.documents.toLocaleString("en")} documents in ${context.repo.copies} copies of the examples)` +
      `${context.big ? `; ${context.big.plans.toLocaleString("en")} plans (${context.big.documents.toLocaleString("en")} documents) for memory` : ""}`,
  );
  out.push(
    `node ${process.version}, ${context.cpus} CPUs (${context.cpuModel}), load average at start ${context.load.map((l) => l.toFixed(2)).join(" ")}; peak memory: ${MEMORY_TOOL}; MB = 10^6 bytes`,
  );
  if (context.load[0] > 0.5 * context.cpus)
    out.push(`note: the machine was busy when the bench started (load ${context.load[0].toFixed(2)}); times are noisy, CPU seconds less so`);
  out.push(
    "median s and min s: wall time over the runs; cpu s: median user + system CPU time of the child (more than the wall time where the GC works in parallel); peak MB: its largest max RSS",
  );
  out.push(
    `÷ its floor: median (and CPU time) ÷ that of the floor measured beside it: ${context.floorLabel} for a cold plan check, the floor a task names for its rows (see the table's floor rows)`,
  );
  if (context.only) out.push(`only the tasks ${context.only.join(", ")} (BENCH_ONLY)`);
  out.push("");
  const body = rows.map((r) => [
    r.label,
    r.plans?.toLocaleString("en") ?? "",
    r.runs,
    fmt(r.median),
    fmt(r.min),
    fmt(r.cpuMedian),
    r.peakMB === undefined ? "-" : `${r.failed ? "≥ " : ""}${r.peakMB.toFixed(0)}`,
    ...ratiosToFloor(r, floorRow),
    r.failed ? `FAILED: ${r.failed}` : "",
  ]);
  out.push(
    table(["task", "plans", "runs", "median s", "min s", "cpu s", "peak MB", "÷ its floor", "cpu ÷ floor", ""], body, [
      "l",
      "r",
      "r",
      "r",
      "r",
      "r",
      "r",
      "r",
      "r",
      "l",
    ]),
  );
  if (notes.length) {
    out.push("", "other figures:");
    for (const n of notes) out.push(`  ${n.label}: ${n.value}`);
  }
  const evaluated = evaluateAims();
  out.push("");
  out.push(
    table(
      ["aim", "from", "measured", "met"],
      evaluated.map((a) => [a.text, a.issue ?? "", a.measured, a.met ? "yes" : "NO"]),
      ["l", "l", "r", "l"],
    ),
  );
  console.log(out.join("\n"));
  console.log(
    JSON.stringify({
      bench: "plan",
      date: new Date().toISOString(),
      node: process.version,
      cpus: context.cpus,
      cpuModel: context.cpuModel,
      memoryGB: +(totalmem() / 1e9).toFixed(1),
      loadAtStart: context.load,
      memoryTool: MEMORY_TOOL,
      repository: context.repo,
      bigRepository: context.big,
      rows,
      notes,
      aims: evaluated.map(({ text, issue, kind, limit, of, value, met }) => ({ text, issue, kind, limit, of, value, met })),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Main

let scratchRoot;

async function runTasks(repoDir, head) {
  if (!existsSync(TASKS)) return;
  const files = readdirSync(TASKS)
    .filter((f) => f.endsWith(".mjs") && (!ONLY || ONLY.includes(basename(f, ".mjs"))))
    .sort();
  for (const file of files) {
    const name = basename(file, ".mjs");
    const tmpDir = join(scratchRoot, `task-${name}`);
    mkdirSync(tmpDir, { recursive: true });
    log(`task ${file}`);
    const source = `bench/tasks/${file}`;
    const measure = (label, argv, options = {}) => {
      const [row] = measureGroup([{ label, argv, cwd: repoDir, plans: PLANS, source, ...options }], { runs: options.runs ?? RUNS });
      if (row.failed) throw new Error(`${label}: ${row.failed}`);
      return row;
    };
    // Several commands measured together, run after run in alternating order, so that a change in the machine's load meets them alike.
    const measureTogether = (specs, options = {}) => {
      const rows = measureGroup(
        specs.map((spec) => ({ cwd: repoDir, plans: PLANS, source, ...spec })),
        { runs: options.runs ?? RUNS },
      );
      for (const row of rows) if (row.failed) throw new Error(`${row.label}: ${row.failed}`);
      return rows;
    };
    const note = (label, value) => notes.push({ label, value: String(value), source });
    // A figure the task took itself (e.g. a time the command reports of one of its stages), as a row of the table.
    const record = (label, seconds, options = {}) => {
      const wall = [seconds].flat();
      const row = {
        label,
        plans: options.plans ?? PLANS,
        runs: wall.length,
        median: median(wall),
        min: Math.min(...wall),
        wall,
        ...(options.floor ? { floor: options.floor } : {}),
      };
      rows.push(row);
      if (options.aim) addAim(row, options.aim, source);
      return row;
    };
    try {
      const mod = await import(pathToFileURL(join(TASKS, file)).href);
      if (typeof mod.default !== "function") throw new Error("it has no default export function");
      await mod.default({
        repoDir,
        measure,
        measureTogether,
        tmpDir,
        root: ROOT,
        cli: CLI,
        plans: PLANS,
        generateRepository,
        commitAll,
        note,
        record,
        log: (...a) => log(`${name}:`, ...a),
      });
    } catch (error) {
      log(`task ${file} failed: ${error.stack ?? error}`);
      rows.push({ label: `task ${name}`, runs: 0, failed: String(error.message ?? error).split("\n")[0] });
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
      restore(repoDir, head, file);
    }
  }
}

function restore(repoDir, head, file) {
  const git = (...args) => spawnSync("git", args, { cwd: repoDir, encoding: "utf8" });
  const now = git("rev-parse", "HEAD").stdout.trim();
  const dirty = git("status", "--porcelain", "--untracked-files=all").stdout.trim();
  if (now !== head || dirty) {
    log(`warning: task ${file} left the benchmark repository changed; restoring it`);
    git("checkout", "-q", "--detach", head);
    git("reset", "-q", "--hard", head);
    git("clean", "-qfdx");
  }
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench does)`);
  const context = {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    load: loadavg(),
    floorLabel: `floor (read + parse)`,
    only: ONLY,
  };
  scratchRoot = mkdtempSync(join(tmpdir(), "plan-bench-"));
  scratch = join(scratchRoot, "figures");
  mkdirSync(scratch);
  log(`working in ${scratchRoot}; peak memory by ${MEMORY_TOOL}`);
  try {
    const repoDir = join(scratchRoot, `repo-${PLANS}`);
    let t = Date.now();
    context.repo = generateRepository(repoDir, { plans: PLANS, git: true });
    delete context.repo.dir;
    log(`generated ${context.repo.plans} plans, ${context.repo.documents} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: repoDir, encoding: "utf8" }).stdout.trim();

    measureGroup([
      { label: context.floorLabel, argv: ["node", FLOOR, repoDir], cwd: scratchRoot, plans: PLANS },
      {
        label: "plan check",
        // Cold: every file read, parsed and checked, as the first check of a clone (the cache is bench/tasks/cache.mjs's).
        argv: ["node", CLI, "check", repoDir, "--no-cache"],
        cwd: scratchRoot,
        plans: PLANS,
        source: "issue 2",
        aim: { seconds: 1.5, issue: 2, text: `plan check, ${PLANS.toLocaleString("en")} plans: under 1.5 s` },
      },
    ]);
    aims.push({ row: "plan check", kind: "ratio", of: context.floorLabel, limit: 1.5, text: "plan check: within 1.5× the floor", issue: "issue 2" });
    aims.push({ row: "plan check", kind: "ratio", of: context.floorLabel, limit: 1.0, text: "plan check, cold: at or below the floor", issue: "issue 20" });

    await runTasks(repoDir, head);

    if (BIG_PLANS > 0) {
      const bigDir = join(scratchRoot, `repo-${BIG_PLANS}`);
      t = Date.now();
      context.big = generateRepository(bigDir, { plans: BIG_PLANS });
      delete context.big.dir;
      log(`generated ${context.big.plans} plans, ${context.big.documents} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      const label = `plan check (${BIG_PLANS.toLocaleString("en")} plans)`;
      measureGroup([{ label, argv: ["node", CLI, "check", bigDir, "--no-cache"], cwd: scratchRoot, plans: BIG_PLANS, limitS: BIG_LIMIT_S }], { runs: 1 });
      aims.push({
        row: label,
        kind: "mb",
        limit: AIM_MB,
        text: `plan check, ${BIG_PLANS.toLocaleString("en")} plans: peak memory under 1 GB`,
        issue: "issue 2",
      });
    }
    print(context);
  } finally {
    if (process.env.BENCH_KEEP === "1") log(`kept ${scratchRoot}`);
    else rmSync(scratchRoot, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 2;
});
