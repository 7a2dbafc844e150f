import { describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { copyExamples, edit, write } from "./helpers/repo.js";
import { startWatch } from "./helpers/watch.js";

/** What these tests use of the examples: Lerum's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka"] };

describe("plan check --watch", () => {
  it("checks again when a file is saved, and clears the problem once it is fixed", async () => {
    const root = copyExamples(PART);
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

  it("keeps watching a folder that is removed and made again, as a checkout of another branch does", async () => {
    const root = copyExamples(PART);
    const watcher = startWatch(root, ["check", ".", "--watch", "--format", "json"]);
    const documents = async () => Number(/"documents": (\d+)/.exec(await watcher.next(/Watching \. for changes/))?.[1]);
    const all = await documents();
    const saved = join(root, "..", `${basename(root)}-sjobacka`);
    renameSync(join(root, "sjobacka"), saved);
    expect(await documents()).toBeLessThan(all);
    cpSync(saved, join(root, "sjobacka"), { recursive: true });
    rmSync(saved, { recursive: true });
    expect(await documents()).toBe(all);

    // A save in the folder made again is seen.
    edit(root, "sjobacka/plan-2020.md", "total: 65000", "total: 66000");
    expect(await watcher.next(/Watching \. for changes/)).toContain('"ruleId": "money/line-total"');
    expect(await watcher.stop()).toBe(1);
  });
});

describe("plan build --watch", () => {
  it("builds again on a save, writes only what changed, and keeps the last good build while there are errors", async () => {
    const root = copyExamples(PART);
    const page = (file: string) => readFileSync(join(root, "dist", file), "utf8");
    const watcher = startWatch(root, ["build", ".", "--watch", "--no-pdf"]);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/\d+ files written in dist/);
    const lerumPage = statSync(join(root, "dist/lerum/plan-2019.html")).mtimeMs;
    const indexBefore = page("index.html");

    // Prose in one plan: its page is written again, another municipality's page is not.
    edit(root, "sjobacka/plan-2020.md", "## ", "## Nytt stycke\n\nTillagt under arbetet.\n\n## ");
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/plan: \d\d:\d\d:\d\d \d+ files? written in dist/);
    expect(page("sjobacka/plan-2020.html")).toContain("Tillagt under arbetet.");
    expect(statSync(join(root, "dist/lerum/plan-2019.html")).mtimeMs).toBe(lerumPage);

    // An error: the errors alone are shown, nothing is built, the last build stays.
    edit(root, "sjobacka/plan-2020.md", "parties: { hsn-vast: 40000, sjobacka: 25000 }", "parties: { hsn-vast: 41000, sjobacka: 25000 }");
    const broken = await watcher.next(/Watching \. for changes/);
    expect(broken).toContain("error [money/line-total]");
    expect(broken).not.toContain("warning [");
    expect(broken).toContain("nothing built; dist keeps the last build without errors");
    expect(page("sjobacka/plan-2020.html")).not.toMatch(/41\s000/);

    // Fixed: built again.
    edit(root, "sjobacka/plan-2020.md", "parties: { hsn-vast: 41000, sjobacka: 25000 }", "parties: { hsn-vast: 40000, sjobacka: 25000 }");
    const fixed = await watcher.next(/Watching \. for changes/);
    expect(fixed).not.toContain("error [");
    expect(fixed).toMatch(/files? written in dist/);
    expect(page("sjobacka/plan-2020.html")).toMatch(/40\s000/);
    expect(page("index.html")).toBe(indexBefore);

    // A file in the way of the output: said, and the watch goes on; once it is gone, the next save builds.
    rmSync(join(root, "dist/sjobacka"), { recursive: true });
    write(root, "dist/sjobacka", "i vägen\n");
    edit(root, "sjobacka/plan-2020.md", "Tillagt under arbetet.", "Tillagt och ändrat under arbetet.");
    expect(await watcher.next(/Watching \. for changes/)).toContain(
      `plan: Could not write the folder ${join(root, "dist/sjobacka")}: a file of that name is in the way`,
    );
    // …and a document removed meanwhile still takes its page with it.
    rmSync(join(root, "dist/sjobacka"));
    rmSync(join(root, "lerum/tjansteskrivelse-ks18-1375.md"));
    // With the kallelse that puts the memo on its agenda, which would otherwise name a document that is gone.
    rmSync(join(root, "lerum/ksau-2019-01-09.md"));
    edit(root, "sjobacka/plan-2020.md", "Tillagt och ändrat under arbetet.", "Tillagt under arbetet.");
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/files? written, 2 removed in dist/);
    expect(page("sjobacka/plan-2020.html")).toContain("Tillagt under arbetet.");
    expect(existsSync(join(root, "dist/lerum/tjansteskrivelse-ks18-1375.html"))).toBe(false);

    // A removed document takes its page with it.
    rmSync(join(root, "sjobacka/tjansteskrivelse-2020.md"));
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/written, 1 removed in dist/);
    expect(existsSync(join(root, "dist/sjobacka/tjansteskrivelse-2020.html"))).toBe(false);
    expect(await watcher.stop()).toBe(0);
  });
});
