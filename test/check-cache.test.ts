import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";
import { availableParallelism } from "node:os";
import type { Position } from "unist";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateRepository } from "../bench/generate.mjs";
import { THREAD_SHARING, type ThreadSharing } from "../src/check/parallel.js";
import type { runCheck } from "../src/commands/check.js";
import { CACHE_FOLDER, CHECK_CACHE, shardOf } from "../src/check/cache.js";
import { bodyParser, commonMarkParser } from "../src/source/load.js";
import { githubWorkflow, gitlabCi } from "../src/scaffold/ci-templates.js";
import { listFiles } from "./helpers/html.js";
import { copyExamples, edit, EPOCH, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

/**
 * `plan check` keeps what it found in `.plan-cache/check.bin` and takes from there what no change
 * reached. Its output must be that of a check made anew (`--no-cache`) after every kind of change
 * a user makes, as watch mode's is (test/check-incremental.test.ts).
 */

afterEach(() => vi.restoreAllMocks());

const ROOT = resolve(import.meta.dirname, "..");

/** `plan check --format json` with the cache, then without; both outputs and exit codes must be the same. Returns the output. */
async function sameAsFresh(root: string, what: string, args: string[] = []): Promise<string> {
  const cached = await run(["check", ".", "--format", "json", ...args], root);
  const fresh = await run(["check", ".", "--format", "json", "--no-cache", ...args], root);
  expect(cached.stdout, what).toBe(fresh.stdout);
  expect(cached.code, what).toBe(fresh.code);
  expect(cached.stderr, what).toBe(fresh.stderr);
  return cached.stdout;
}

/** How many markdown bodies a check parses: a file taken from the cache is not parsed. */
async function bodiesParsed(root: string, args: string[] = []): Promise<number> {
  // A body with nothing of GitHub's extensions is parsed without them (see `bodyParserFor`).
  const parsers = [vi.spyOn(bodyParser, "parse"), vi.spyOn(commonMarkParser, "parse")];
  await run(["check", ".", "--format", "json", ...args], root);
  const calls = parsers.reduce((sum, parse) => sum + parse.mock.calls.length, 0);
  for (const parse of parsers) parse.mockRestore();
  return calls;
}

describe("the cache of plan check", () => {
  it("gives the output of a fresh check after every kind of change, and parses only the files that changed", async () => {
    const root = copyExamples({ only: ["lerum", "sjobacka"] });
    const documents = await bodiesParsed(root);
    expect(documents).toBeGreaterThan(10);
    expect(existsSync(join(root, CHECK_CACHE))).toBe(true);
    // Nothing changed: nothing is parsed again.
    expect(await bodiesParsed(root)).toBe(0);
    let json = await sameAsFresh(root, "nothing changed");
    expect(json).toContain('"ruleId"');

    // A value edited: a finding between documents (the plan's year outside its agreement's period).
    edit(root, "lerum/plan-2019.md", /\nyear: 2019\n/, "\nyear: 2021\n");
    expect(await bodiesParsed(root)).toBe(1);
    json = await sameAsFresh(root, "a year outside the agreement");
    expect(json).toContain('"ruleId": "date/plan-in-period"');

    // A memo's headings, which the cache keeps apart from the rest of its record, read again by the
    // rules between documents when only the plan it is about changed (its group checked again).
    const memo = read(root, "lerum/tjansteskrivelse-ks18-1375.md");
    edit(root, "lerum/tjansteskrivelse-ks18-1375.md", "\n## Jämställdhet\n", "\n## Jämlikhet\n");
    json = await sameAsFresh(root, "a memo's heading renamed");
    expect(json).toContain('"ruleId": "form/missing"');
    edit(root, "lerum/plan-2019.md", /\n## /, "\n## Nytt avsnitt\n\nText.\n\n## ");
    expect(await bodiesParsed(root)).toBe(1);
    json = await sameAsFresh(root, "the plan of a memo that lacks a heading edited");
    expect(json).toContain('"ruleId": "form/missing"');
    write(root, "lerum/tjansteskrivelse-ks18-1375.md", memo);

    // A split broken, and a document's own finding.
    edit(
      root,
      "sjobacka/plan-2020.md",
      "total: 65000\n    parties: { hsn-vast: 40000, sjobacka: 25000 }",
      "total: 66000\n    parties: { hsn-vast: 41000, sjobacka: 25000 }",
    );
    json = await sameAsFresh(root, "a split broken");
    expect(json).toContain('"ruleId": "money/split"');

    // Broken YAML, then mended.
    const before = read(root, "sjobacka/rapport-2019.md");
    write(root, "sjobacka/rapport-2019.md", before.replace(/\ntitle: /, "\ntitle: [unclosed "));
    json = await sameAsFresh(root, "broken YAML");
    expect(json).toContain('"ruleId": "yaml/syntax"');
    write(root, "sjobacka/rapport-2019.md", before);
    json = await sameAsFresh(root, "YAML mended");
    expect(json).not.toContain('"ruleId": "yaml/syntax"');

    // A referenced document changed: the agreement's period, which the plans that name it are checked against.
    edit(root, "sjobacka/avtal-2019-2022.md", "period: { from: 2019, to: 2022 }", "period: { from: 2019, to: 2019 }");
    json = await sameAsFresh(root, "the agreement's period shortened");
    expect(json).toContain('"file": "sjobacka/plan-2020.md"');

    // A reference to a missing agreement, then a document that takes its id.
    edit(root, "sjobacka/plan-2020.md", "agreement: sjobacka/avtal-2019-2022", "agreement: sjobacka/avtal-2021");
    json = await sameAsFresh(root, "a missing agreement");
    expect(json).toContain("No agreement has the id `sjobacka/avtal-2021`");
    write(root, "sjobacka/avtal-2021.md", read(root, "sjobacka/avtal-2019-2022.md").replace(/\nid: [^\n]*/, ""));
    json = await sameAsFresh(root, "the agreement written");
    expect(json).not.toContain("No agreement has the id");

    // A file renamed: its findings follow it; a file deleted: its findings go, and those of the documents naming it change.
    renameSync(join(root, "sjobacka/plan-2020.md"), join(root, "sjobacka/plan-2020-b.md"));
    json = await sameAsFresh(root, "a plan renamed");
    expect(json).toContain('"file": "sjobacka/plan-2020-b.md"');
    rmSync(join(root, "sjobacka/plan-2019.md"));
    json = await sameAsFresh(root, "a plan deleted");
    expect(json).not.toContain('"file": "sjobacka/plan-2019.md"');

    // Imported values out of range, reported in the data file through the indicator that uses it.
    edit(root, "data/kolada/N15428-9999.yaml", "{ year: 2019, total: 85.2", "{ year: 2019, total: 185.2");
    json = await sameAsFresh(root, "an imported value out of range");
    expect(json).toContain('"ruleId": "indicator/value-range"');

    // The configuration: every file is checked anew (a memo section required, a rule turned off).
    edit(
      root,
      "plan.config.yaml",
      "organisation: lerum\n",
      "organisation: lerum\nmemo:\n  requiredSections: [Sammanfattning, Bakgrund, Ekonomi, Jämställdhet, Miljö]\n",
    );
    expect(await bodiesParsed(root)).toBe(documents);
    json = await sameAsFresh(root, "a memo section required");
    expect(json).toContain('lacks the heading \\"Miljö\\"');
    edit(root, "plan.config.yaml", "organisation: lerum\n", "organisation: lerum\nrules:\n  indicator/value-range: off\n");
    json = await sameAsFresh(root, "a rule turned off");
    expect(json).not.toContain('"ruleId": "indicator/value-range"');

    // An image written before it exists, then saved (a file that is not a document, which no cache key holds).
    edit(root, "lerum/plan-2019.md", /\n## /, "\n![Karta](karta.png)\n\n## ");
    json = await sameAsFresh(root, "a missing image");
    expect(json).toContain("The image `karta.png` does not exist");
    write(root, "lerum/karta.png", "png");
    expect(await bodiesParsed(root)).toBe(0);
    json = await sameAsFresh(root, "the image saved");
    expect(json).not.toContain("karta.png");

    // A document made invalid, and the text format read from the same cache.
    edit(root, "lerum/plan-2019.md", /\nyear: 2021\n/, "\nyear: tjugo\n");
    json = await sameAsFresh(root, "an invalid plan");
    expect(json).toContain('"ruleId": "schema/type"');
    const text = await run(["check", "."], root);
    expect(text.stdout).toBe((await run(["check", ".", "--no-cache"], root)).stdout);
  });

  it("gives the output of a fresh check for every kind of document: budgets, meetings, memos", async () => {
    const root = copyExamples();
    await sameAsFresh(root, "every example");
    edit(root, "sjuharad/budget-2013.md", "values: [16494] }", "values: [16495] }");
    let json = await sameAsFresh(root, "a budget's figure changed");
    expect(json).toContain('"file": "sjuharad/budget-2013.md"');
    edit(root, "sjuharad/budget-2013.md", "party: sjuharad-medlemmar", "party: sjuharad-medlem");
    json = await sameAsFresh(root, "a budget's party misspelled");
    expect(json).toContain('"ruleId": "ref/party"');
    edit(root, "herrljunga/sammantrade-2017-02-28.md", /\n---\n/, "\n---\n\n![Karta](karta.png)\n");
    json = await sameAsFresh(root, "a meeting's missing image");
    expect(json).toContain("The image `karta.png` does not exist");
  });

  it("gives the output of a fresh check after a form changes, though the memos that follow it by their party's default name it nowhere", async () => {
    const root = copyExamples({ only: ["herrljunga"] });
    await sameAsFresh(root, "Herrljunga's documents");
    edit(root, "herrljunga/formular/tjansteskrivelse.md", ", Samverkan]", "]");
    const json = await sameAsFresh(root, "Samverkan made required by the form");
    expect(json).toContain('"ruleId": "form/missing"');
  });

  it("tells copied documents (text/copied) from the fingerprints it keeps as a fresh check does, as a copy is made, edited and undone", async () => {
    // The cache keeps each document's fingerprint, not its shingles: the exact comparison reads the body again.
    const root = copyExamples({ only: ["lerum"] });
    const fixtures = resolve(import.meta.dirname, "fixtures/copied");
    mkdirSync(join(root, "kopior"));
    write(root, "kopior/a.md", readFileSync(join(fixtures, "enhetsplan-social-valfard.md"), "utf8"));
    /** The files of kopior/ with a text/copied finding. */
    const copies = (json: string) =>
      (JSON.parse(json) as { problems: { ruleId: string; file: string }[] }).problems
        .filter((p) => p.ruleId === "text/copied" && p.file.startsWith("kopior/"))
        .map((p) => p.file);
    let json = await sameAsFresh(root, "one unit plan");
    expect(copies(json)).toEqual([]);
    write(root, "kopior/b.md", readFileSync(join(fixtures, "enhetsplan-utbildning.md"), "utf8"));
    json = await sameAsFresh(root, "a copy of it, a little changed");
    expect(copies(json)).toEqual(["kopior/a.md", "kopior/b.md"]);
    expect(json).toContain("95 % of the text of this plan is the same as that of `kopior/b`");
    write(root, "kopior/c.md", read(root, "kopior/b.md"));
    json = await sameAsFresh(root, "a second copy, unchanged");
    expect(copies(json)).toEqual(["kopior/a.md", "kopior/b.md", "kopior/c.md"]);
    edit(
      root,
      "kopior/b.md",
      /\n## /,
      "\n## Egen text\n\n" + Array.from({ length: 400 }, (_, i) => `Stycke ${i} handlar om ${i * 7} annat.`).join(" ") + "\n\n## ",
    );
    json = await sameAsFresh(root, "the first copy rewritten");
    expect(copies(json)).toEqual(["kopior/a.md", "kopior/c.md"]);
    expect(json).toContain("95 % of the text of this plan is the same as that of `kopior/c`");
    rmSync(join(root, "kopior/c.md"));
    json = await sameAsFresh(root, "the second copy removed");
    expect(copies(json)).toEqual([]);
  });

  it("checks again only the group a change reaches in a region's repository, where copies name the same Kolada values, not yet imported", async () => {
    // Two copies of the examples without their data/ folder: both copies' Sjöbacka indicators name the Kolada values of N15428
    // and N17473 for 9999, which no file holds. Named values that are not there join nothing: each copy is a group of its own.
    const root = join(tempDir(), "region");
    generateRepository(root, { plans: 14 });
    const sjobacka = (copy: string, file: string) => `${copy}/sjobacka/${file}`;
    expect(shardOf(sjobacka("k0001", "x.md"))).not.toBe(shardOf(sjobacka("k0002", "x.md")));
    expect(shardOf(sjobacka("k0001", "indikatorer/x.md"))).not.toBe(shardOf(sjobacka("k0002", "x.md")));
    expect(shardOf(sjobacka("k0002", "indikatorer/x.md"))).not.toBe(shardOf(sjobacka("k0001", "x.md")));
    const found = () =>
      new Map(readdirSync(join(root, CACHE_FOLDER)).flatMap((name) => (name.startsWith("found-") ? [[Number(name.split("-")[1]), name] as const] : [])));
    /** The shards of findings between documents the last check wrote again. */
    const rewritten = (before: Map<number, string>) => [...found()].filter(([n, name]) => before.get(n) !== name).map(([n]) => n);
    /** The files of the findings of `ruleId`, with their lines. */
    const where = (json: string, ruleId: string) =>
      (JSON.parse(json) as { problems: { ruleId: string; file: string; line: number }[] }).problems
        .filter((p) => p.ruleId === ruleId)
        .map((p) => `${p.file}:${p.line}`);
    // Settled from the first check on (see settledStat): a file in the same state is taken from the cache without being read.
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 60_000);
    await sameAsFresh(root, "two copies");
    const k0002 = [shardOf(sjobacka("k0002", "x.md")), shardOf(sjobacka("k0002", "indikatorer/x.md"))];

    // An indicator of k0001 changed: its target year outside the period of the agreement of the plans that use it.
    let before = found();
    const indicator = sjobacka("k0001", "indikatorer/hogskolebehorighet-3-ar.md");
    edit(root, indicator, "{ year: 2022, value: 72.0 }", "{ year: 2025, value: 72.0 }");
    expect(await bodiesParsed(root)).toBe(1);
    let json = await sameAsFresh(root, "a target year outside the agreement");
    expect(where(json, "indicator/target-year")).toEqual([`${indicator}:${lineOf(root, indicator, "{ year: 2025, value: 72.0 }")}`]);
    // k0002's Sjöbacka, which names the same Kolada values, was not checked again.
    expect(rewritten(before).filter((n) => k0002.includes(n))).toEqual([]);

    // A budget line renamed in k0001's plan: the report of that plan, which gives the line's outcome, has findings now.
    before = found();
    const plan = sjobacka("k0001", "plan-2019.md");
    const report = sjobacka("k0001", "rapport-2019.md");
    edit(root, plan, /\n {2}- id: foraldragrupper\n/, "\n  - id: foraldragrupp\n");
    json = await sameAsFresh(root, "a budget line renamed");
    expect(where(json, "ref/local")).toEqual([`${report}:${lineOf(root, report, "line: foraldragrupper")}`]);
    expect(where(json, "report/outcome").every((at) => at.startsWith(`${report}:`))).toBe(true);
    expect(where(json, "report/outcome")).toHaveLength(2);
    expect(rewritten(before).filter((n) => k0002.includes(n))).toEqual([]);

    // The agreement renamed: the plans that name it find no agreement; then named back.
    const agreement = sjobacka("k0001", "avtal-2019-2022.md");
    renameSync(join(root, agreement), join(root, sjobacka("k0001", "avtal-2019-2023.md")));
    json = await sameAsFresh(root, "the agreement renamed");
    expect(where(json, "ref/document").filter((at) => at.startsWith("k0001/sjobacka/plan-"))).toHaveLength(2);
    renameSync(join(root, sjobacka("k0001", "avtal-2019-2023.md")), join(root, agreement));
    json = await sameAsFresh(root, "the agreement named back");
    expect(where(json, "ref/document")).toEqual([]);

    // The Kolada values imported, one of them out of range: read by the indicators of both copies, which are joined through the file now.
    const examples = resolve(ROOT, "examples/data/kolada/N15428-9999.yaml");
    mkdirSync(join(root, "data/kolada"), { recursive: true });
    const data = "data/kolada/N15428-9999.yaml";
    write(root, data, readFileSync(examples, "utf8").replace("{ year: 2019, total: 85.2", "{ year: 2019, total: 185.2"));
    json = await sameAsFresh(root, "the Kolada values imported");
    // Once through each copy's indicator.
    expect(where(json, "indicator/value-range")).toEqual([`${data}:${lineOf(root, data, "total: 185.2")}`, `${data}:${lineOf(root, data, "total: 185.2")}`]);
    // Each report's goal followed up by the indicator, which the values now say is met.
    expect(where(json, "goal/status-mismatch").map((at) => at.split(":")[0])).toEqual([report, sjobacka("k0002", "rapport-2019.md")]);
    // A value mended: both copies' findings follow.
    edit(root, data, "{ year: 2019, total: 185.2", "{ year: 2019, total: 85.2");
    json = await sameAsFresh(root, "the value mended");
    expect(where(json, "indicator/value-range")).toEqual([]);
    // The values removed again: each copy on its own once more.
    rmSync(join(root, data));
    json = await sameAsFresh(root, "the Kolada values removed");
    expect(where(json, "goal/status-mismatch")).toEqual([]);
    before = found();
    edit(root, indicator, "{ year: 2025, value: 72.0 }", "{ year: 2022, value: 72.0 }");
    json = await sameAsFresh(root, "the target year mended");
    expect(where(json, "indicator/target-year")).toEqual([]);
    expect(rewritten(before).filter((n) => k0002.includes(n))).toEqual([]);
  });

  it("moves a kept finding's second place where the other file now has it, though only that file changed", async () => {
    // text/copied joins copies that do not refer to each other: k0002's warning names k0001's copy, a document of another group.
    const root = join(tempDir(), "region");
    generateRepository(root, { plans: 14 });
    const copy = "k0001/gr/handlingsplan-natverket-2019-2020.md";
    /** The line of the second place of k0002's text/copied warning, which names k0001's copy. */
    const relatedLine = (json: string) => {
      const problems = (JSON.parse(json) as { problems: { ruleId: string; file: string; related?: { file: string; line: number }[] }[] }).problems;
      const warning = problems.find((p) => p.ruleId === "text/copied" && p.file === copy.replace("k0001", "k0002"));
      const related = warning?.related?.find((r) => r.file === copy);
      if (!related) throw new Error(`no text/copied warning of k0002 naming ${copy}`);
      return related.line;
    };
    const before = relatedLine(await sameAsFresh(root, "two copies"));
    edit(root, copy, /\ntitle:/, "\n# En rad till\ntitle:");
    expect(relatedLine(await sameAsFresh(root, "a line added above the copy's text"))).toBe(before + 1);
  });

  it("adds a party's sums across plans of other groups from the sums it keeps of each plan, and names the amount that passes the limit", async () => {
    // Lerum's and Sjöbacka's plans are of two agreements, two groups: the party's sum is found at the configuration, checked every time.
    const root = copyExamples({ only: ["lerum", "sjobacka"] });
    const half = "5000000000000000";
    const big = (amount: string) => (m: string) =>
      `\n  - id: stor\n    type: staff\n    title: Stor post\n    parties: { hsn-vast: ${amount} }\n${m.startsWith("\ntotals") ? "\ntotals:" : ""}`;
    for (const file of ["lerum/plan-2019.md", "sjobacka/plan-2020.md"]) edit(root, file, /\ntotals:|$(?![\s\S])/, big(half));
    const partySum = (json: string) =>
      (JSON.parse(json) as { problems: { ruleId: string; file: string; message: string }[] }).problems
        .filter((p) => p.ruleId === "money/sum-range" && p.file === "plan.config.yaml")
        .map((p) => p.message);
    const amountAt = () => `sjobacka/plan-2020.md:${lineOf(root, "sjobacka/plan-2020.md", `hsn-vast: ${half} }`)}:`;
    // The first check writes the cache; the plans of 2019 (Lerum's) and 2020 (Sjöbacka's) each within range, together not.
    await run(["check", "."], root);
    let found = partySum(await sameAsFresh(root, "two plans past the limit together"));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`with the amount at ${amountAt()}`);
    // Only Lerum's plan changed, the amount still there: Sjöbacka's plan is taken from the cache, read for the amount that passes the limit.
    edit(root, "lerum/plan-2019.md", "title: Stor post", "title: Stor post i Lerum");
    found = partySum(await sameAsFresh(root, "the earlier plan edited"));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`with the amount at ${amountAt()}`);
    // Lerum's amount lowered: Sjöbacka's kept plan no longer passes the limit.
    edit(root, "lerum/plan-2019.md", `hsn-vast: ${half} }`, "hsn-vast: 1000 }");
    expect(partySum(await sameAsFresh(root, "the earlier plan's amount lowered"))).toEqual([]);
    // And raised again.
    edit(root, "lerum/plan-2019.md", "hsn-vast: 1000 }", `hsn-vast: ${half} }`);
    found = partySum(await sameAsFresh(root, "the earlier plan's amount raised again"));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`with the amount at ${amountAt()}`);
  });

  it("writes again only the shard of the folder that changed, and takes a shard cut short or gone as empty", async () => {
    const root = copyExamples({ only: ["lerum", "sjobacka"] });
    /** The shard files, by shard number. */
    const shards = (part = "check") =>
      new Map(
        readdirSync(join(root, CACHE_FOLDER))
          .filter((name) => name.startsWith(`${part}-`))
          .map((name) => [Number(name.split("-")[1]), name] as const),
      );
    // Every file settled from the first check on (see settledStat), whatever the time the checks take: only a change writes a shard.
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 60_000);
    await sameAsFresh(root, "the first check");
    const first = shards();
    const firstFound = shards("found");
    expect(first.has(shardOf("lerum/plan-2019.md")) && first.has(shardOf("sjobacka/plan-2020.md"))).toBe(true);
    expect(firstFound.size).toBeGreaterThan(0);
    // A prose change in one plan: its own file's record, and the findings of its group.
    edit(root, "lerum/plan-2019.md", /\n## /, "\n## Nytt avsnitt\n\nText.\n\n## ");
    await sameAsFresh(root, "one plan edited");
    const second = shards();
    const rewritten = [...second].filter(([n, name]) => first.get(n) !== name).map(([n]) => n);
    expect(rewritten).toEqual([shardOf("lerum/plan-2019.md")]);
    const secondFound = shards("found");
    const rewrittenFound = [...secondFound].filter(([n, name]) => firstFound.get(n) !== name).map(([n]) => n);
    // The plan's group: the plan and its indicators in lerum/indikatorer/ (the examples' other folders are in other shards).
    expect(rewrittenFound.every((n) => [shardOf("lerum/plan-2019.md"), shardOf("lerum/indikatorer/vanerokare-snusare.md")].includes(n))).toBe(true);
    expect(rewrittenFound).not.toContain(shardOf("sjobacka/plan-2020.md"));
    expect(second.size).toBe(first.size);
    expect(secondFound.size).toBe(firstFound.size);
    // A shard cut short, and one gone: their files are checked anew, and written again.
    const cut = join(root, CACHE_FOLDER, second.get(shardOf("lerum/plan-2019.md"))!);
    writeFileSync(cut, readFileSync(cut).subarray(0, 100));
    rmSync(join(root, CACHE_FOLDER, second.get(shardOf("sjobacka/plan-2020.md"))!));
    expect(await bodiesParsed(root)).toBeGreaterThan(0);
    expect(await bodiesParsed(root)).toBe(0);
    await sameAsFresh(root, "after a shard was cut short and one removed");
    expect(shards().size).toBe(first.size);
  });

  it("takes a settled file in the same state as the same text, and tells a change that kept its size and time of change", async () => {
    const root = copyExamples({ only: ["lerum"] });
    const path = join(root, "lerum/plan-2019.md");
    // The files were just written: their state says nothing yet. Ten seconds on, they have settled.
    const later = Date.now() + 10_000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    // A time of change in whole seconds, which can be set again exactly.
    const time = 1_700_000_000;
    utimesSync(path, time, time);
    await sameAsFresh(root, "the first check");
    const records = () => {
      const shards = readdirSync(join(root, CACHE_FOLDER)).filter((name) => /^check-\d+-/.test(name));
      const files = new Map<string, { stat?: string }>();
      for (const name of shards)
        for (const [relPath, record] of (deserialize(readFileSync(join(root, CACHE_FOLDER, name))) as { records: Map<string, { stat?: string }> }).records)
          files.set(relPath, record);
      return files;
    };
    expect(records().get("lerum/plan-2019.md")?.stat).toMatch(/^\d+ /);
    expect(await bodiesParsed(root)).toBe(0);
    // The same size and the same time of change, other bytes (a year changed): its change time (ctime) tells it.
    const { size } = statSync(path);
    edit(root, "lerum/plan-2019.md", /\nyear: 2019\n/, "\nyear: 2021\n");
    utimesSync(path, time, time);
    expect(statSync(path).size).toBe(size);
    expect(statSync(path).mtimeMs).toBe(time * 1000);
    expect(await bodiesParsed(root)).toBe(1);
    const json = await sameAsFresh(root, "a year changed, its size and time of change kept");
    expect(json).toContain('"ruleId": "date/plan-in-period"');
  });

  it("shows the source lines it keeps with each message of a file it did not read, and those of a file changed since, its time of change kept", async () => {
    const root = copyExamples({ only: ["lerum"] });
    const path = join(root, "lerum/plan-2019.md");
    // Settled from the first check on (see settledStat): a file in the same state is taken from the cache without being read.
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 60_000);
    const time = 1_700_000_000;
    utimesSync(path, time, time);
    /** The text report with the cache, which must be that of a fresh check. */
    const sameText = async (what: string) => {
      const cached = await run(["check", "."], root);
      expect(cached.stdout, what).toBe((await run(["check", ".", "--no-cache"], root)).stdout);
      return cached.stdout;
    };
    let text = await sameText("the first check");
    // The comment above a measure not split by sex, shown as the line before its place.
    const line = lineOf(root, "lerum/plan-2019.md", '# "Effektmål att utvärdera"');
    expect(text).toContain(`${line} |       # "Effektmål att utvärdera"`);
    // Kept with the message in the cache: the line of its place and the one before it.
    const kept = new Map<string, { messages: { ruleId?: string; lines?: [number, string][] }[] }>();
    for (const name of readdirSync(join(root, CACHE_FOLDER)).filter((n) => /^(check|found)-\d+-/.test(n)))
      for (const [relPath, record] of (deserialize(readFileSync(join(root, CACHE_FOLDER, name))) as { records: Map<string, never> }).records)
        if (relPath === "lerum/plan-2019.md") kept.set(name.split("-")[0]!, record);
    const measure = [...kept.values()].flatMap((r) => r.messages).find((m) => m.ruleId === "goal/not-split-by-sex");
    expect(measure?.lines).toEqual([
      [line, '      # "Effektmål att utvärdera"'],
      [line + 1, "      - Högre andel elever godkända betyg från grundskolan"],
    ]);
    expect(await sameText("nothing changed")).toBe(text);

    // The comment changed by a tool that keeps the file's size and time of change: its change time (ctime) tells it, and the line shown is the new one.
    const { size } = statSync(path);
    edit(root, "lerum/plan-2019.md", '# "Effektmål att utvärdera"', '# "Effektmål ATT utvärdera"');
    utimesSync(path, time, time);
    expect(statSync(path).size).toBe(size);
    text = await sameText("a line shown in a frame changed, its size and time of change kept");
    expect(text).toContain(`${line} |       # "Effektmål ATT utvärdera"`);
    expect(await sameText("nothing changed since")).toBe(text);

    // A rule's severity set in plan.config.yaml: every message of the rule is an error, shown with the lines kept.
    edit(root, "plan.config.yaml", "organisation: lerum\n", "organisation: lerum\nrules:\n  goal/not-split-by-sex: error\n");
    text = await sameText("a rule made an error");
    expect(text).toContain(`lerum/plan-2019.md:${line + 1}:9: error [goal/not-split-by-sex]`);
    expect(await sameText("the rule an error, nothing changed since")).toBe(text);
  });

  it("names files from where the check is run, with a cache written from elsewhere", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    edit(
      root,
      "sjobacka/plan-2020.md",
      "total: 65000\n    parties: { hsn-vast: 40000, sjobacka: 25000 }",
      "total: 66000\n    parties: { hsn-vast: 41000, sjobacka: 25000 }",
    );
    await run(["check", "."], root);
    const inside = join(root, "sjobacka");
    const cached = await run(["check", ".", "--format", "json"], inside);
    expect(cached.stdout).toContain('"file": "plan-2020.md"');
    expect(cached.stdout).toBe((await run(["check", ".", "--format", "json", "--no-cache"], inside)).stdout);
  });

  it("ignores a cache that is cut short, of another form or another tool, and writes it anew", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    const fresh = await run(["check", ".", "--format", "json", "--no-cache"], root);
    expect(existsSync(join(root, ".plan-cache")), "--no-cache writes no cache").toBe(false);
    mkdirSync(join(root, ".plan-cache"));
    const foreign = [
      Buffer.from("not a cache"),
      Buffer.alloc(0),
      serialize({ format: 1, key: "another tool", files: new Map([["sjobacka/plan-2020.md", { digest: "x" }]]) }),
      serialize({ format: 99, files: "nothing" }),
      serialize([1, 2, 3]),
    ];
    for (const bytes of foreign) {
      writeFileSync(join(root, CHECK_CACHE), bytes);
      const cached = await run(["check", ".", "--format", "json"], root);
      expect(cached.stdout).toBe(fresh.stdout);
      expect(readFileSync(join(root, CHECK_CACHE)).equals(bytes), "the cache written anew").toBe(false);
    }
    // A cache cut short halfway.
    const whole = readFileSync(join(root, CHECK_CACHE));
    writeFileSync(join(root, CHECK_CACHE), whole.subarray(0, whole.length >> 1));
    expect((await run(["check", ".", "--format", "json"], root)).stdout).toBe(fresh.stdout);
  });

  it("neither reads nor writes through a link put in the cache's place", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    const outside = tempDir();
    symlinkSync(outside, join(root, ".plan-cache"));
    const fresh = await run(["check", ".", "--format", "json", "--no-cache"], root);
    expect((await run(["check", ".", "--format", "json"], root)).stdout).toBe(fresh.stdout);
    expect(readdirSync(outside)).toEqual([]);
    // A link as the cache file, to a file outside: not read, and replaced rather than written through.
    rmSync(join(root, ".plan-cache"));
    mkdirSync(join(root, ".plan-cache"));
    writeFileSync(join(outside, "kept.bin"), "outside");
    symlinkSync(join(outside, "kept.bin"), join(root, CHECK_CACHE));
    expect((await run(["check", ".", "--format", "json"], root)).stdout).toBe(fresh.stdout);
    expect(readFileSync(join(outside, "kept.bin"), "utf8")).toBe("outside");
  });

  it("writes nothing when nothing changed", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    await run(["check", "."], root);
    const path = join(root, CHECK_CACHE);
    const written = readFileSync(path);
    rmSync(path);
    writeFileSync(path, written);
    const { mtimeMs } = statSync(path);
    await new Promise((done) => setTimeout(done, 20));
    await run(["check", "."], root);
    expect(statSync(path).mtimeMs).toBe(mtimeMs);
  });

  it("is ignored by git and kept by the CI workflows of plan init", async () => {
    const dir = join(tempDir(), "repo");
    const init = await run(["init", dir], tempDir());
    expect(init.code).toBe(0);
    expect(read(dir, ".gitignore").split("\n")).toContain(".plan-cache/");
    expect(githubWorkflow()).toMatch(/uses: actions\/cache@v4[^\n]*\n\s+with:\n\s+path: \.plan-cache\n/);
    expect(gitlabCi()).toMatch(/paths: \[\.plan-cache\/\]/);
  });
});

describe("plan build --no-pdf with nothing changed", () => {
  /** Every file of the output with the time it was last written. */
  const written = (out: string) => Object.fromEntries(listFiles(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));

  it("writes nothing, and builds again after any change to what the pages are made of, or to the output", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    const out = join(tempDir(), "site");
    const build = () => run(["build", ".", "--out", out, "--no-pdf"], root, EPOCH);
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("plan: built");
    const before = written(out);
    const again = await build();
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`plan: nothing changed since the last build: ${out} is as it was, and nothing was written.\n`);
    expect(written(out)).toEqual(before);

    // Each of these builds again, and the build after it writes nothing.
    const changes: [string, () => void][] = [
      ["a document edited", () => edit(root, "sjobacka/plan-2020.md", /\n## /, "\n## Nytt avsnitt\n\nText.\n\n## ")],
      ["an image added", () => write(root, "sjobacka/karta.png", "png")],
      [
        "a template of the repository's own",
        () => (mkdirSync(join(root, "templates"), { recursive: true }), write(root, "templates/style.css", "body { color: black; }\n")),
      ],
      ["a page of the output changed by hand", () => writeFileSync(join(out, "index.html"), "changed")],
      ["a file of the output removed", () => rmSync(join(out, "sjobacka/plan-2019.html"))],
    ];
    for (const [what, change] of changes) {
      change();
      const built = await build();
      expect(built.stdout, what).toContain("plan: built");
      expect((await build()).stdout, `${what}, then nothing`).toContain("nothing changed since the last build");
    }
    expect(read(out, "index.html")).not.toBe("changed");
    expect(existsSync(join(out, "sjobacka/plan-2019.html"))).toBe(true);

    // What git ignores decides which files are read: its own list of the repository (not a file the build walks) changed, built again.
    execFileSync("git", ["init", "-q"], { cwd: root });
    await build();
    expect((await build()).stdout, "in a git repository").toContain("nothing changed since the last build");
    write(root, ".git/info/exclude", "sjobacka/rapport-2019.md\n");
    const excluded = await build();
    expect(excluded.stdout, excluded.stderr).toContain("plan: built");
    expect(existsSync(join(out, "sjobacka/rapport-2019.html"))).toBe(false);

    // Another build date, or the colophon asked for: built again.
    expect((await run(["build", ".", "--out", out, "--no-pdf"], root, { SOURCE_DATE_EPOCH: "1600000000" })).stdout).toContain("plan: built");
    expect((await run(["build", ".", "--out", out, "--no-pdf", "--colophon"], root, { SOURCE_DATE_EPOCH: "1600000000" })).stdout).toContain("plan: built");
  });
});

describe.skipIf(availableParallelism() < 2)("a cold check on every core", () => {
  // Worker threads run the compiled code: dist/ built from the sources as they are (test/global-setup.ts compiles it when it is not),
  // and plan check's own runCheck from there, in this process, with lower figures for the threads than plan's (THREAD_SHARING):
  // a repository of a third of the size (two copies of the examples), parsed in two threads, without starting plan three times again.
  it("parses the files in worker threads and gives the output of one thread, then of its cache", async () => {
    const repo = join(tempDir(), "repo");
    generateRepository(repo, { plans: 9 });
    // Findings of every kind: a document's own, between documents, broken YAML.
    edit(repo, "k0001/lerum/plan-2019.md", /\nyear: 2019\n/, "\nyear: 2021\n");
    edit(repo, "k0001/sjobacka/plan-2020.md", "total: 65000", "total: 66000");
    edit(repo, "k0002/sjobacka/rapport-2019.md", /\ntitle: /, "\ntitle: [unclosed ");
    const files = listFiles(repo).filter((f) => f.endsWith(".md")).length;
    // Below plan's own figures, which would leave a repository this small to one thread; two threads with these.
    expect(files).toBeLessThan(THREAD_SHARING.minFiles);
    const threads: ThreadSharing = { minFiles: 2, filesPerThread: Math.floor(files / 2) };
    const inThisThread = await run(["check", ".", "--format", "json", "--no-cache"], repo);
    expect(inThisThread.stdout).toContain('"ruleId": "yaml/syntax"');
    expect(inThisThread.stdout).toContain('"ruleId": "money/line-total"');
    const compiled = (await import(pathToFileURL(join(ROOT, "dist", "commands", "check.js")).href)) as { runCheck: typeof runCheck };
    const check = async (cache: boolean) => {
      let stdout = "";
      let stderr = "";
      const io = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { NO_COLOR: "1", LANG: "en" },
        cwd: repo,
      };
      const code = await compiled.runCheck(".", { format: "json", strict: false, cache, threads }, io);
      return { code, stdout, stderr };
    };
    const inThreads = await check(false);
    expect(inThreads.stdout).toBe(inThisThread.stdout);
    expect(inThreads.stderr).toBe("");
    expect(inThreads.code).toBe(1);
    // Cold with the cache: parsed in threads and written; then taken from it.
    expect((await check(true)).stdout).toBe(inThisThread.stdout);
    expect(existsSync(join(repo, CHECK_CACHE))).toBe(true);
    expect((await check(true)).stdout).toBe(inThisThread.stdout);
  }, 300_000);

  // The rules between documents point into files the threads parsed, whose text and YAML tree this thread does not keep: the
  // threads find those places too (ParseThreads.place), each at the place this thread would have found, reading the file anew.
  it("finds the places of messages in the files the threads parsed, where this thread would", async () => {
    const root = join(tempDir(), "repo");
    generateRepository(root, { plans: 9 });
    const dist = (path: string) => import(pathToFileURL(join(ROOT, "dist", path)).href);
    const { parseInWorkers } = (await dist("check/parallel.js")) as typeof import("../src/check/parallel.js");
    const { CheckCache } = (await dist("check/cache.js")) as typeof import("../src/check/cache.js");
    const { loadRepository } = (await dist("model/load-repository.js")) as typeof import("../src/model/load-repository.js");
    const { checkBetweenDocuments, checkDocument } = (await dist("rules/index.js")) as typeof import("../src/rules/index.js");
    const { pendingPlaces } = (await dist("diagnostics/report.js")) as typeof import("../src/diagnostics/report.js");
    const { discover, CONFIG_FILE } = (await dist("source/discover.js")) as typeof import("../src/source/discover.js");
    const { PendingPlace } = (await dist("diagnostics/positions.js")) as typeof import("../src/diagnostics/positions.js");
    const discovered = discover(root);
    const files = [join(root, CONFIG_FILE), ...discovered.files];
    const cache = CheckCache.memory(root, root);
    const threads = await parseInWorkers(root, root, cache, files, { minFiles: 2, filesPerThread: Math.floor(files.length / 2) });
    expect(threads).toBeDefined();
    try {
      const repo = loadRepository(root, { cwd: root, keepBody: false, checkDocument, cache, discovered });
      // As plan check does: the places sent to the threads as the rules make them (their answers come once this thread waits).
      cache.onPending(threads!.soon);
      checkBetweenDocuments(repo);
      const pending = pendingPlaces(repo.sources.map((s) => s.file));
      const jobs = pending.map((p) => p.job as Record<string, unknown>);
      // Values of the YAML (goal/unfunded) wait for their places; bodies' first lines (text/copied) are known from the outlines.
      expect(jobs.filter((j) => "path" in j).length).toBeGreaterThan(0);
      expect(jobs.every((j) => "path" in j || "start" in j)).toBe(true);
      expect(repo.sources.some((s) => s.file.messages.some((m) => m.ruleId === "text/copied"))).toBe(true);
      // Where this thread finds each, as `settle` would (without keeping it: `find`, the place's own way).
      const inThisThread = pending.map((p) => {
        const found = (p as unknown as { find: () => Position }).find();
        return pointsOf(found instanceof PendingPlace ? found.settle() : found);
      });
      await threads!.place(pending);
      expect(pending.every((p) => p.settled)).toBe(true);
      expect(pending.map((p) => pointsOf(p.settle()))).toEqual(inThisThread);
      // The places are real ones: a value's place is on a line of the frontmatter (past the first `---`), a body's past it.
      for (const [i, p] of pending.entries()) expect(p.settle().start.line, JSON.stringify(jobs[i])).toBeGreaterThan(1);
    } finally {
      threads!.close();
    }
  }, 300_000);
});

const pointsOf = (place: Position) => ({ start: { ...place.start }, end: { ...place.end } });
