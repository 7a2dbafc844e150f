// `plan diff` between two revisions of the 1,000-plan repository that differ in 10 plans,
// one amount each. Issue 5 aims at under 2 s.
//
// The runner's repository is left as it is: the task clones it (hard links, so it is quick),
// commits the change in the clone and measures there.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, parseDocument } from "yaml";

const CHANGED = 10;
const frontmatterRe = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/;

/** Raises the first party amount written as a plain number on a budget line by 10 000 kr, and the line's total with it. */
function raiseOneAmount(path) {
  const text = readFileSync(path, "utf8");
  const fm = frontmatterRe.exec(text);
  if (!fm) return false;
  const doc = parseDocument(fm[2]);
  const budget = doc.get("budget");
  for (const line of budget?.items ?? []) {
    const parties = line.get("parties");
    if (!isMap(parties)) continue;
    const share = parties.items.find((pair) => isScalar(pair.value) && typeof pair.value.value === "number");
    if (!share) continue;
    share.value.value += 10000;
    if (typeof line.get("total") === "number") line.set("total", line.get("total") + 10000);
    writeFileSync(path, fm[1] + doc.toString({ lineWidth: 0 }) + fm[3] + text.slice(fm[0].length));
    return true;
  }
  return false;
}

export default async function ({ repoDir, measure, tmpDir, cli, commitAll, log }) {
  const clone = join(tmpDir, "diff");
  execFileSync("git", ["clone", "-q", "--local", repoDir, clone]);
  const plans = execFileSync("git", ["grep", "-l", "-z", "^kind: plan", "--", "*.md"], { cwd: clone, encoding: "utf8" }).split("\0").filter(Boolean).sort();
  // Spread the changed plans over the repository rather than taking the first ten; where a plan has no amount to raise, the next one.
  const step = Math.max(1, Math.floor(plans.length / CHANGED));
  const changed = [];
  const tried = new Set();
  for (let i = 0; tried.size < plans.length && changed.length < CHANGED; i = (i + step) % plans.length) {
    while (tried.has(i)) i = (i + 1) % plans.length;
    tried.add(i);
    if (raiseOneAmount(join(clone, plans[i]))) changed.push(plans[i]);
  }
  if (changed.length !== CHANGED) throw new Error(`changed ${changed.length} plans instead of ${CHANGED}`);
  commitAll(clone, `Raise one amount in ${CHANGED} plans`);
  log(`changed ${changed.join(", ")}`);
  await measure(`plan diff (${CHANGED} files changed, ${plans.length.toLocaleString("en")} plans)`, ["node", cli, "diff", "HEAD~1", "HEAD"], {
    cwd: clone,
    aim: { seconds: 2, issue: 5 },
  });
}
