import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { git } from "./helpers/git.js";
import { copyExamples, read, run, tempDir, write } from "./helpers/repo.js";
import { movedYear } from "../src/scaffold/drafts.js";

const REPO = resolve(import.meta.dirname, "..");
/** What these tests use of the examples: Lerum's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka"] };

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

  it("writes a GitHub workflow that installs plan from .plan/, checks pull requests with annotations, posts the diff and builds main", async () => {
    const { dir } = await init();
    const workflow = parse(read(dir, ".github/workflows/plan.yml"));
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.on.push.branches).toEqual(["main"]);
    const check = workflow.jobs.check.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(check.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    // The pull request's own .plan/ runs in this job: no checkout keeps the token in .git/config.
    for (const job of Object.values(workflow.jobs as Record<string, { steps: typeof check }>))
      for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/checkout"))) expect(step.with?.["persist-credentials"]).toBe(false);
    expect(check.find((s) => s.uses?.startsWith("actions/setup-node"))?.with).toMatchObject({
      cache: "npm",
      "cache-dependency-path": ".plan/package-lock.json",
    });
    expect(check.some((s) => s.run?.includes("npm ci --prefix .plan"))).toBe(true);
    expect(check.some((s) => s.run?.includes("plan check --format github"))).toBe(true);
    expect(check.some((s) => s.run?.includes("plan diff") && s.run.includes("--format markdown") && s.run.includes("GITHUB_STEP_SUMMARY"))).toBe(true);
    expect(check.some((s) => s.run?.includes("gh pr comment"))).toBe(true);
    const build = workflow.jobs.build.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(build.find((s) => s.run?.includes("plan build"))?.run).toBe("plan build --out dist --pdf");
    expect(build.find((s) => s.uses?.startsWith("actions/cache"))?.with?.["path"]).toBe("dist");
    expect(build.find((s) => s.uses?.startsWith("actions/upload-artifact"))?.with?.["path"]).toBe("dist/");
    // Nothing is installed that is not in the repository or published: no package spec, no apt-get on GitHub.
    expect(read(dir, ".github/workflows/plan.yml")).not.toMatch(/folkhalsoplan@|npm install --global|apt-get/);
  });

  it("writes the equivalent GitLab CI, with a Code Quality report and the diff written when the check fails", async () => {
    const { dir } = await init();
    const ci = parse(read(dir, ".gitlab-ci.yml"));
    expect(ci.default.image).toBe("node:22-bookworm");
    expect(ci.default.cache).toEqual({ key: { files: [".plan/package-lock.json"] }, paths: [".npm/"] });
    expect(ci.check.script.join("\n")).toMatch(
      /plan check --format codequality > gl-code-quality-report.json[\s\S]*plan check && status=0 \|\| status=\$\?[\s\S]*plan diff[\s\S]*exit \$status/,
    );
    expect(ci.check.artifacts.reports.codequality).toBe("gl-code-quality-report.json");
    expect(ci.build.script.join("\n")).toContain("apt-get install -y -qq --no-install-recommends chromium");
    expect(ci.build.artifacts.paths).toEqual(["dist/"]);
  });

  it("writes a copy of this plan into .plan/: its packed package and a lock of its dependencies, without development's", async () => {
    const { dir } = await init();
    const pkg = JSON.parse(read(dir, ".plan/package.json"));
    expect(pkg.dependencies).toEqual({ folkhalsoplan: "file:folkhalsoplan-0.1.0.tgz" });
    const lock = JSON.parse(read(dir, ".plan/package-lock.json"));
    const tarball = readFileSync(join(dir, ".plan/folkhalsoplan-0.1.0.tgz"));
    expect(lock.packages["node_modules/folkhalsoplan"]).toMatchObject({
      version: "0.1.0",
      resolved: "file:folkhalsoplan-0.1.0.tgz",
      integrity: `sha512-${createHash("sha512").update(tarball).digest("base64")}`,
      bin: { plan: "dist/cli.js" },
    });
    expect(lock.packages["node_modules/yaml"].version).toBe(JSON.parse(read(REPO, "package-lock.json")).packages["node_modules/yaml"].version);
    expect(lock.packages["node_modules/vitest"]).toBeUndefined();
    expect(Object.values(lock.packages).some((p) => (p as { dev?: boolean }).dev)).toBe(false);
    // The package as npm packs it, with a shrinkwrap that pins the same versions.
    const files = execFileSync("tar", ["tzf", "-"], { input: tarball, encoding: "utf8" }).trim().split("\n");
    expect(files).toEqual(
      expect.arrayContaining(["package/package.json", "package/dist/cli.js", "package/templates/layout.hbs", "package/npm-shrinkwrap.json"]),
    );
    expect(files.every((f) => f.startsWith("package/"))).toBe(true);
    const shrinkwrap = JSON.parse(execFileSync("tar", ["xzOf", "-", "package/npm-shrinkwrap.json"], { input: tarball, encoding: "utf8" }));
    expect(shrinkwrap.packages["node_modules/yaml"]).toEqual(lock.packages["node_modules/yaml"]);
    // The same plan packs to the same bytes.
    const { dir: again } = await init();
    expect(readFileSync(join(again, ".plan/folkhalsoplan-0.1.0.tgz")).equals(tarball)).toBe(true);
  });

  it("refuses a folder that is not empty (a usage error, exit 2) and says what to do", async () => {
    const { dir } = await init();
    const again = await run(["init", "."], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("plan: . is not empty (it has .gitattributes, .github, .gitignore, .gitlab-ci.yml and 8 more); nothing was written.");
    expect(again.stderr).toContain(
      "Give a new or empty folder (`plan init folkhalsoplan`), or renew only the copy of plan in .plan/ with `plan init --update .`",
    );
    const other = tempDir();
    write(other, "notes.txt", "x");
    const refused = await run(["init", "."], other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "plan: . is not empty (it has notes.txt); nothing was written.\nGive a new or empty folder (`plan init folkhalsoplan`), or add --force to write the files into it.\n",
    );
    expect(existsSync(join(other, "plan.config.yaml"))).toBe(false);
    // A fresh `git init` counts as empty.
    const fresh = tempDir();
    git(fresh, "init", "-q");
    expect((await run(["init", "."], fresh)).code).toBe(0);
    write(dir, ".plan/folkhalsoplan-0.0.9.tgz", "old");
    expect((await run(["init", ".", "--force"], dir)).code).toBe(0);
    expect(existsSync(join(dir, ".plan/folkhalsoplan-0.0.9.tgz"))).toBe(false);
  });

  it("--update renews only .plan/, removing an older plan's package", async () => {
    const { dir } = await init();
    write(dir, "plan-2027.md", "changed by the user\n");
    write(dir, ".plan/folkhalsoplan-0.0.9.tgz", "old");
    const renewed = await run(["init", "--update", "."], dir);
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).toBe(
      "Renewed the copy of plan in .plan: folkhalsoplan-0.1.0.tgz (replacing folkhalsoplan-0.0.9.tgz).\nCommit .plan/; CI installs this plan from the next run on.\n",
    );
    expect(existsSync(join(dir, ".plan/folkhalsoplan-0.0.9.tgz"))).toBe(false);
    expect(read(dir, "plan-2027.md")).toBe("changed by the user\n");
    expect((await run(["init", "--update", "."], dir)).stdout).toContain("is already this plan (folkhalsoplan-0.1.0.tgz); nothing changed.");
    const notPlan = await run(["init", "--update", "."], tempDir());
    expect(notPlan.code).toBe(2);
    expect(notPlan.stderr).toContain("has no plan.config.yaml, so it is not a plan repository; nothing was written.");
  });
});

describe("plan new", () => {
  it("drafts next year's plan from this year's, amounts kept, carry-overs and decision dropped", async () => {
    const root = copyExamples(PART);
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
    const root = copyExamples(PART);
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
      "Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) has no amount on the lines of 2020, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr.",
    );
  });

  it("drafts the year's report with every budget line and its budget, and an empty utfall", async () => {
    const root = copyExamples(PART);
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
    const root = copyExamples(PART);
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

  it("moves the year in the title, the prose and the headings, and changes nothing else the author wrote in the frontmatter", async () => {
    const root = copyExamples(PART);
    expect((await run(["new", "plan", "--from", "lerum/plan-2019"], root)).code).toBe(0);
    const [before, after] = [read(root, "lerum/plan-2019.md"), read(root, "lerum/plan-2020.md")];
    const frontmatter = (text: string) => text.slice(0, text.indexOf("\n---\n") + 5);
    const body = (text: string) => text.slice(text.indexOf("\n---\n") + 5);
    // The frontmatter as written, flow lists (`[ohalsa-unga]`), comments and blank lines included, with only these changes.
    const expected = frontmatter(before)
      .replace(/^(title: .*)2019(.*)$/m, "$12020$2")
      .replace(/^status: decided$/m, "status: draft")
      .replace(/^year: 2019$/m, "year: 2020")
      .replace(/^decision:\n(?: {2}.*\n)+/m, "")
      .replace(/^ {2}- id: overforing-plattform-2018\n(?: {4}.*\n)+\n/m, "");
    expect(frontmatter(after)).toBe(expected);
    expect(frontmatter(after)).toContain("goals: [ohalsa-unga]");
    // The plan's year moves where it stands alone; dates, periods and other years stay.
    expect(body(after)).toContain("##### Fortsatt arbete 2020\n");
    expect(body(after)).toContain("Fokus för hälso- och sjukvårdsnämnden under 2020 är att rikta satsningar för");
    expect(body(after)).toContain("på plats från och med december 2018. Under 2020 kommer fokus bland annat vara");
    expect(body(after)).not.toMatch(/(?<![\d–-])2019(?![\d–-])/);
    expect(body(after).match(/2018/g)?.length).toBe(body(before).match(/2018/g)?.length);
    // Not in a file name: an image's link keeps finding its file.
    expect(movedYear("Se ![karta](bilder/karta_2019.png) och bilaga 2019.pdf för 2019.", 2019, 2020)).toBe(
      "Se ![karta](bilder/karta_2019.png) och bilaga 2019.pdf för 2020.",
    );
  });

  it("--clear-amounts keeps each party's financing and note beside the emptied amount", async () => {
    const root = copyExamples(PART);
    await run(["new", "plan", "--from", "lerum/plan-2019", "--clear-amounts"], root);
    const text = read(root, "lerum/plan-2020.md");
    expect(text).toContain("    parties: { hsn-vast: ~, lerum: ~ }\n");
    expect(text).toContain("      lerum: { financing: in-kind, note: Schablonkostnad för deltagande personal }\n");
    expect(text).not.toMatch(/^ {4}total: /m);
    expect(text).not.toMatch(/^totals:/m);
  });

  it("takes the unit, handläggare, board and signatures of the memo from the issuer's last memo", async () => {
    const root = copyExamples(PART);
    expect((await run(["new", "memo", "--for", "lerum/plan-2019", "--force"], root)).code).toBe(0);
    const data = parse(
      read(root, "lerum/tjansteskrivelse-plan-2019.md")
        .split("\n---\n")[0]!
        .replace(/^---\n/, ""),
    );
    const last = parse(
      read(root, "lerum/tjansteskrivelse-ks18-1375.md")
        .split("\n---\n")[0]!
        .replace(/^---\n/, ""),
    );
    expect(data).toMatchObject({
      unit: "Stab och Utveckling",
      handler: { name: "Karin Gertzen", title: "Verksamhetsutvecklare", email: "karin.gertzen@lerum.se" },
      recipient: "Kommunstyrelsen",
      decidedBy: "Kommunstyrelsens arbetsutskott",
      sendTo: last.sendTo,
      signatures: last.signatures,
    });
    expect(data.proposal[0]).toMatch(/^Kommunstyrelsens arbetsutskott beslutar att godkänna verksamhetsplan /);
  });

  it("takes the kind in Swedish and the plan by its file, from the repository or the folder the user is in", async () => {
    const root = copyExamples(PART);
    // A file name alone, where one plan has it.
    const memo = await run(["new", "tjänsteskrivelse", "--for", "plan-2020", "--force"], root);
    expect(memo.code, memo.stderr).toBe(0);
    expect(memo.stdout).toContain("Wrote sjobacka/tjansteskrivelse-plan-2020.md (a draft).");
    const report = await run(["new", "rapport", "--from", "lerum/plan-2019.md"], root);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain("Wrote lerum/rapport-2019.md (a draft).");
    const plan = await run(["new", "verksamhetsplan", "--from", "plan-2019.md"], join(root, "lerum"));
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("Wrote lerum/plan-2020.md (a draft).");
    // Two plans have the file name: the user is asked for the id.
    const both = await run(["new", "report", "--from", "plan-2019.md"], root);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Several plans are called plan-2019: lerum/plan-2019, sjobacka/plan-2019. Give one of these ids.");
    const unknown = await run(["new", "protokoll", "--from", "lerum/plan-2019"], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('plan new makes a plan, a report or a memo, not "protokoll".');
  });

  it("refuses an unknown plan with the ids that exist", async () => {
    const { code, stderr } = await run(["new", "report", "--from", "lerum/plan-2018"], copyExamples(PART));
    expect(code).toBe(2);
    expect(stderr).toContain("No plan has the id lerum/plan-2018. Plans here: ");
  });
});
