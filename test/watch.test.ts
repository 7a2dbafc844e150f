import { describe, expect, it } from "vitest";
import { main } from "../src/commands/main.js";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyExamples, edit, write } from "./helpers/repo.js";

/** Starts `plan check --watch` in-process; `next(pattern)` waits for output matching it after the last wait. */
function startWatch(root: string) {
  const stop = new AbortController();
  let out = "";
  let seen = 0;
  const done = main(["check", ".", "--watch"], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: { NO_COLOR: "1" }, cwd: root, signal: stop.signal });
  const next = async (pattern: RegExp, timeoutMs = 10_000) => {
    const started = Date.now();
    for (;;) {
      const fresh = out.slice(seen);
      const match = pattern.exec(fresh);
      if (match) {
        seen += match.index + match[0].length;
        return fresh;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`no output matching ${pattern} within ${timeoutMs} ms; got:\n${fresh}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { next, stop: async () => (stop.abort(), done) };
}

describe("plan check --watch", () => {
  it("checks again when a file is saved, and clears the problem once it is fixed", async () => {
    const root = copyExamples();
    const watcher = startWatch(root);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/0 errors and \d+ warnings/);

    edit(root, "lerum/plan-2019.md", "total: 220000", "total: 230000");
    const broken = await watcher.next(/Watching \. for changes/);
    expect(broken).toContain("error [money/line-total]");
    expect(broken).toMatch(/1 error and \d+ warnings/);

    // Many editors save by writing a new file and renaming it over the old one.
    const plan = join(root, "lerum/plan-2019.md");
    writeFileSync(`${plan}.tmp`, readFileSync(plan, "utf8").replace("total: 230000", "total: 220000"));
    renameSync(`${plan}.tmp`, plan);
    const fixed = await watcher.next(/Watching \. for changes/);
    expect(fixed).not.toContain("money/line-total");
    expect(fixed).toMatch(/0 errors and \d+ warnings/);

    // …and again: the watch must survive the file it watched being replaced.
    writeFileSync(`${plan}.tmp`, readFileSync(plan, "utf8").replace("total: 220000", "total: 240000"));
    renameSync(`${plan}.tmp`, plan);
    expect(await watcher.next(/Watching \. for changes/)).toContain("its total says 240 000 kr");
    writeFileSync(`${plan}.tmp`, readFileSync(plan, "utf8").replace("total: 240000", "total: 220000"));
    renameSync(`${plan}.tmp`, plan);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/0 errors and \d+ warnings/);

    // A new file is picked up, and so is its removal.
    write(root, "lerum/ny.md", "---\nkind: indicator\ntitle: Ny\nunit: procent\ndirection: higher-is-better\n---\n");
    expect(await watcher.next(/Watching \. for changes/)).toContain("lerum/ny.md:4:7: error [schema/enum]");
    rmSync(join(root, "lerum/ny.md"));
    expect(await watcher.next(/Watching \. for changes/)).not.toContain("lerum/ny.md");

    // A change in one document that breaks a rule in another is found too.
    edit(root, "lerum/avtal-2017-2020.md", "period: { from: 2017, to: 2020 }", "period: { from: 2017, to: 2018 }");
    expect(await watcher.next(/Watching \. for changes/)).toContain("so it has no plan for 2019");
    expect(await watcher.stop()).toBe(1);
  });
});
