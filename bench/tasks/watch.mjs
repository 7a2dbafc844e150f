// `plan check --watch` and `plan build --watch --no-pdf` on the 1,000-plan repository: the
// time from saving a file to the end of the new round (its result printed, or the changed
// files written), as the user sees it. Issue 7 aims at under 200 ms.
//
// The output is watched as it arrives (each chunk is searched, with the tail of the one
// before), so that the measuring process does not compete for the CPU with the one measured.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SAVES = 15;
const MARK = "Watching";
const FILE = "k0001/lerum/plan-2019.md";

/** Starts `plan <args>` in `cwd`; `nextRound()` resolves at the next end of a round, with the time it was seen. */
function start(cli, args, cwd) {
  // In English, whatever the machine's locale: the end of a round is found by its English words (MARK).
  const child = spawn("node", [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", LC_ALL: "en" }, stdio: ["ignore", "pipe", "inherit"] });
  let tail = "";
  let waiting;
  let rounds = 0;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    const text = tail + chunk;
    const found = text.split(MARK).length - 1;
    tail = text.slice(-MARK.length + 1);
    if (found === 0) return;
    rounds += found;
    const at = performance.now();
    if (waiting) waiting(at);
    waiting = undefined;
  });
  const nextRound = (timeoutMs = 300_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no round from plan ${args.join(" ")} in ${timeoutMs / 1000} s`)), timeoutMs);
      waiting = (at) => (clearTimeout(timer), resolve(at));
    });
  return { nextRound, rounds: () => rounds, stop: () => child.kill("SIGINT") };
}

/** The saved file, its text and the text of the save: a change to the prose, valid either way, so every round checks and (for build) renders. */
function saves(clone) {
  const file = join(clone, FILE);
  const original = readFileSync(file, "utf8");
  const edited = original.replace("## ", "## Ändrat stycke\n\nSparat under mätningen.\n\n## ");
  if (edited === original) throw new Error(`no heading to edit in ${FILE}`);
  return { file, original, edited };
}

async function measure({ cli, clone, args, log }) {
  const { file, original, edited } = saves(clone);
  const watch = start(cli, args, clone);
  try {
    await watch.nextRound();
    log(`plan ${args.join(" ")}: first round done; saving ${FILE} ${SAVES} times`);
    const times = [];
    for (let i = 0; i < SAVES; i++) {
      const round = watch.nextRound();
      const saved = performance.now();
      writeFileSync(file, i % 2 === 0 ? edited : original);
      times.push((await round) - saved);
      // Let the editor's save settle, as between two saves of a person.
      await new Promise((r) => setTimeout(r, 400));
    }
    return times.sort((a, b) => a - b);
  } finally {
    watch.stop();
    writeFileSync(file, original);
  }
}

/**
 * The same round in this process, by stage, to show where the time of a round goes: the
 * changed file read and the repository assembled, the rules between documents, the pages
 * rendered (not written).
 */
async function stages({ root, clone }) {
  const dist = (path) => import(pathToFileURL(join(root, "dist", path)).href);
  const { incrementalRepository } = await dist("watch/incremental.js");
  const { checkLoaded } = await dist("check/check.js");
  const { betweenDocumentsChecker, checkDocument } = await dist("rules/index.js");
  const { siteRenderer } = await dist("render/site.js");
  const { file, original, edited } = saves(clone);
  const model = incrementalRepository(clone, clone, { checkDocument });
  const between = betweenDocumentsChecker();
  const render = siteRenderer({ buildDate: "2026-01-01" });
  render(checkLoaded(model.refresh(), between).repo);
  const times = { read: [], rules: [], render: [] };
  try {
    for (let i = 0; i < SAVES; i++) {
      writeFileSync(file, i % 2 === 0 ? edited : original);
      model.touch(file);
      const t0 = performance.now();
      const repo = model.refresh();
      const t1 = performance.now();
      checkLoaded(repo, between);
      const t2 = performance.now();
      render(repo);
      times.read.push(t1 - t0);
      times.rules.push(t2 - t1);
      times.render.push(performance.now() - t2);
    }
  } finally {
    writeFileSync(file, original);
  }
  const median = (list) => Math.round(list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  return `reading and assembling ${median(times.read)} ms, rules between documents ${median(times.rules)} ms, rendering ${median(times.render)} ms (medians over ${SAVES} saves)`;
}

const summary = (times) =>
  `median ${Math.round(times[Math.floor(times.length / 2)])} ms, min ${Math.round(times[0])} ms, max ${Math.round(times.at(-1))} ms over ${times.length} saves`;

export default async function ({ repoDir, tmpDir, root, cli, note, log }) {
  const clone = join(tmpDir, "watch");
  spawnSync("git", ["clone", "-q", repoDir, clone], { stdio: "ignore" });
  const check = await measure({ cli, clone, args: ["check", ".", "--watch"], log });
  note("plan check --watch: a saved file to its new result, 1,000 plans (aim: under 200 ms, issue 7)", summary(check));
  const build = await measure({ cli, clone, args: ["build", ".", "--watch", "--no-pdf", "--out", join(tmpDir, "out")], log });
  note("plan build --watch --no-pdf: a saved file to its pages written, 1,000 plans (aim: under 200 ms, issue 7)", summary(build));
  note("plan build --watch: one round in process, by stage, 1,000 plans", await stages({ root, clone }));
}
