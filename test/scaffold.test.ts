import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { copyExamples, read, run, tempDir } from "./helpers/repo.js";

async function init(...args: string[]) {
  const dir = tempDir();
  const result = await run(
    ["init", ".", "--kommun", "Alingsås kommun", "--kommunkod", "1489", "--region", "Hälso- och sjukvårdsnämnd Väst", "--year", "2027", ...args],
    dir,
  );
  return { dir, ...result };
}

describe("plan init", () => {
  it("writes a repository that passes plan check and plan build at once", async () => {
    const { dir, code } = await init();
    expect(code).toBe(0);
    for (const f of [
      "plan.config.yaml",
      "avtal-2027-2030.md",
      "plan-2027.md",
      "tjansteskrivelse-plan-2027.md",
      "README.md",
      ".gitattributes",
      ".vscode/settings.json",
      "schemas/document.schema.json",
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const check = await run(["check", "."], dir);
    expect(check.code).toBe(0);
    // The dnr is left for the registrar, and texts to write are marked: placeholders, which a draft may carry.
    expect(check.stdout).toContain("0 errors and 3 warnings in 2 files");
    expect(check.stdout).toContain("Placeholder text `XXXX/XXX` in the frontmatter.");
    expect(read(dir, "plan.config.yaml")).toContain('kommunkod: "1489"');
    const build = await run(["build", ".", "--no-pdf"], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(dir, "dist/tjansteskrivelse-plan-2027.html"))).toBe(true);
    expect(existsSync(join(dir, "dist/plan-2027.html"))).toBe(true);
    expect(read(dir, "README.md")).toContain("# Folkhälsoplaner för Alingsås kommun");
  });

  it("writes a GitHub workflow that checks pull requests with annotations, posts the diff and builds main", async () => {
    const { dir } = await init("--package", "folkhalsoplan@1.2.3");
    const workflow = parse(read(dir, ".github/workflows/plan.yml"));
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.env.PLAN_PACKAGE).toBe("folkhalsoplan@1.2.3");
    const check = workflow.jobs.check.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(check.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    expect(check.some((s) => s.run?.includes("plan check --format github"))).toBe(true);
    expect(check.some((s) => s.run?.includes("plan diff") && s.run.includes("--format markdown") && s.run.includes("GITHUB_STEP_SUMMARY"))).toBe(true);
    expect(check.some((s) => s.run?.includes("gh pr comment"))).toBe(true);
    const build = workflow.jobs.build.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(build.some((s) => s.run?.includes("plan build"))).toBe(true);
    expect(build.find((s) => s.uses?.startsWith("actions/upload-artifact"))?.with?.["path"]).toBe("dist/");
  });

  it("writes the equivalent GitLab CI", async () => {
    const { dir } = await init();
    const ci = parse(read(dir, ".gitlab-ci.yml"));
    expect(ci.check.script.join("\n")).toMatch(/plan check[\s\S]*plan diff/);
    expect(ci.build.script.join("\n")).toContain("plan build");
    expect(ci.build.artifacts.paths).toEqual(["dist/"]);
  });

  it("refuses to overwrite existing files unless told to", async () => {
    const { dir } = await init();
    const again = await run(["init", "."], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has plan.config.yaml");
    expect((await run(["init", ".", "--force"], dir)).code).toBe(0);
  });
});

describe("plan new", () => {
  it("drafts next year's plan from this year's, amounts kept, carry-overs and decision dropped", async () => {
    const root = copyExamples();
    const { code, stdout } = await run(["new", "plan", "--from", "lerum/plan-2019"], root);
    expect(code).toBe(0);
    expect(stdout).toContain("Wrote lerum/plan-2020.md (a draft).");
    const text = read(root, "lerum/plan-2020.md");
    const data = parse(text.split("\n---\n")[0]!.replace(/^---\n/, ""));
    expect(data).toMatchObject({ kind: "plan", year: 2020, status: "draft" });
    expect(data.decision).toBeUndefined();
    expect(data.title).toContain("2020");
    expect(data.budget.some((l: { type?: string }) => l.type === "carry-over")).toBe(false);
    expect(data.goals.length).toBeGreaterThan(3);
    expect(text).toContain("## Mål för det gemensamma folkhälsoarbetet");
    const check = await run(["check", "."], root);
    expect(check.code).toBe(0);
  });

  it("--clear-amounts leaves every amount empty, and plan check says what is missing", async () => {
    const root = copyExamples();
    await run(["new", "plan", "--from", "lerum/plan-2019", "--clear-amounts"], root);
    const data = parse(
      read(root, "lerum/plan-2020.md")
        .split("\n---\n")[0]!
        .replace(/^---\n/, ""),
    );
    expect(
      data.budget.every(
        (l: { total?: number; parties: Record<string, unknown> }) =>
          l.total === undefined && Object.values(l.parties).every((v) => v === null || typeof v === "object"),
      ),
    ).toBe(true);
    const check = await run(["check", "."], root);
    // Cleared amounts are blank, not 0.
    expect(check.stdout).toContain(
      "hsn-vast has no amount on the lines of 2020, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr.",
    );
  });

  it("drafts the year's report with every budget line and its budget, and an empty utfall", async () => {
    const root = copyExamples();
    const { code } = await run(["new", "report", "--from", "lerum/plan-2019"], root);
    expect(code).toBe(0);
    const text = read(root, "lerum/rapport-2019.md");
    const data = parse(text.split("\n---\n")[0]!.replace(/^---\n/, ""));
    expect(data.outcome.map((o: { line: string }) => o.line)).toEqual([
      "foraldrastod-tjanst",
      "utbildning-foraldrastod",
      "sroi",
      "informationsinsatser",
      "andt-arbete",
      "actionplan-can",
      "interna-externa-initiativ",
      "verksamhetsutvecklare",
    ]);
    expect(data.outcome.every((o: { parties: object }) => Object.keys(o.parties).length === 0)).toBe(true);
    expect(text).toContain("# SROI År 7-18 i Plattform Lerum: budget HSN 100 000 kr, Kommun 100 000 kr.");
    expect((await run(["check", "."], root)).code).toBe(0);
  });

  it("drafts the memo about a plan with Ekonomi left to the build and the dnr left for the registrar", async () => {
    const root = copyExamples();
    const { code } = await run(["new", "memo", "--for", "lerum/plan-2019", "--force"], root);
    expect(code).toBe(0);
    const text = read(root, "lerum/tjansteskrivelse-plan-2019.md");
    expect(text).toMatch(/^dnr: XXXX$/m);
    // Ekonomi leaves the figures to the build, and says nothing about the software: the TODO is the author's to replace.
    expect(text).toContain(
      "## Ekonomi\n\nTODO: Beskriv vad parternas insatser består av och var medlen finns. Fördelningsprincipen, parternas bidrag enligt avtalet och budgeten per part står under rubriken när tjänsteskrivelsen byggs.\n",
    );
    expect(text).not.toMatch(/räknas fram|Beloppen/);
    const check = await run(["check", "."], root);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/tjansteskrivelse-plan-2019\.md:\d+:\d+: warning \[text\/placeholder\]/);
  });

  it("refuses an unknown plan with the ids that exist", async () => {
    const { code, stderr } = await run(["new", "report", "--from", "lerum/plan-2018"], copyExamples());
    expect(code).toBe(2);
    expect(stderr).toContain("No plan has the id lerum/plan-2018. Plans here: ");
  });
});
