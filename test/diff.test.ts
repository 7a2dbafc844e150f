import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/commands/main.js";
import { formatMarkdown } from "../src/diff/format-markdown.js";
import { diffRevisions } from "../src/diff/index.js";
import type { DiffResult } from "../src/diff/model.js";
import { commitAll, git } from "./helpers/git.js";
import { copyExamples, edit, read, run, tempDir, write } from "./helpers/repo.js";

const PLAN = "lerum/plan-2019.md";
const MINUS = "\u2212";

/**
 * The documents the changes below touch: Lerum's (the plan, its agreement and memo) and Sjöbacka's; the
 * diff checks both revisions, and the other examples would only be checked twice over for nothing.
 */
const PART = { only: ["lerum", "sjobacka"] };

/** A git repository holding a copy of (a part of) the examples in one commit on `main`, changed by `before` first. */
function repository(before: (root: string) => void = () => undefined): string {
  const root = copyExamples(PART);
  before(root);
  git(root, "init", "-q");
  commitAll(root, "The examples");
  return root;
}

/** A repository whose second commit makes `change`. */
function changed(change: (root: string) => void, before?: (root: string) => void): string {
  const root = repository(before);
  change(root);
  commitAll(root, "A change");
  return root;
}

async function json(root: string, ...args: string[]): Promise<DiffResult> {
  const { code, stdout, stderr } = await run(["diff", ...args, "--format", "json"], root);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout) as DiffResult;
}

/** The text output's lines, with runs of spaces made single, so that column widths do not matter. */
const squeeze = (text: string) => text.split("\n").map((l) => l.replace(/ {2,}/g, "  ").trim());

const raiseAndt = (root: string) =>
  edit(
    root,
    PLAN,
    "    total: 265000\n    parties: { hsn-vast: 100000, lerum: 165000 }",
    "    total: 315000\n    parties: { hsn-vast: 150000, lerum: 165000 }",
  );
const moveMoney = (root: string) => edit(root, PLAN, "parties: { hsn-vast: 100000, lerum: 165000 }", "parties: { hsn-vast: 110000, lerum: 155000 }");

describe("plan diff: money", () => {
  it("one changed amount of the Lerum plan: that line alone, with its difference, and each party's total for the agreement and year", async () => {
    const root = changed(raiseAndt);
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(code).toBe(0);
    const lines = squeeze(stdout);
    expect(lines).toContain("Documents: 1 changed, 0 added, 0 removed, 0 moved");
    // The headline: each party's total for lerum/avtal-2017-2020 in 2019.
    const money = lines.indexOf("lerum/avtal-2017-2020, 2019");
    expect(money).toBeGreaterThan(0);
    expect(lines.slice(money, money + 8)).toEqual(
      expect.arrayContaining([
        "HSN  1 000 000 kr  1 050 000 kr  +50 000 kr",
        "Kommun  1 000 000 kr  1 000 000 kr  0 kr",
        "Total  2 000 000 kr  2 050 000 kr  +50 000 kr",
      ]),
    );
    // The document's table: the changed line only, per party and in total.
    const table = lines.indexOf("Budget lines");
    expect(lines.slice(table)).toEqual(
      expect.arrayContaining(["ANDT-arbete i Lerum  HSN  100 000 kr  150 000 kr  +50 000 kr", "Line total  265 000 kr  315 000 kr  +50 000 kr"]),
    );
    expect(stdout.slice(stdout.indexOf("Budget lines"))).not.toContain("Actionplan");
    // plan check now finds the contribution exceeded; that is new in head.
    expect(stdout).toContain("New problems (found by plan check in head, not in base)");
    expect(stdout).toMatch(
      /lerum\/plan-2019\.md:\d+:\d+: error \[money\/contribution\] The lines of Hälso- och sjukvårdsnämnd Väst \(`hsn-vast`\) in 2019 add up to 1 050 000 kr/,
    );
  });

  it("the same change as data: one line with its parties' before, after and difference", async () => {
    const result = await json(changed(raiseAndt), "HEAD~1", "HEAD");
    expect(result.documents).toHaveLength(1);
    const [plan] = result.documents;
    expect(plan).toMatchObject({ id: "lerum/plan-2019", kind: "plan", status: "changed", path: PLAN });
    expect(plan!.budget).toEqual([
      {
        id: "andt-arbete",
        title: "ANDT-arbete i Lerum",
        change: "changed",
        parties: [{ party: "hsn-vast", before: 100000, after: 150000, difference: 50000 }],
        total: { before: 265000, after: 315000, difference: 50000 },
        fields: [],
      },
    ]);
    expect(result.money).toEqual([
      {
        agreement: "lerum/avtal-2017-2020",
        title: expect.stringContaining("Lerums kommun 2017–2020"),
        year: 2019,
        plans: ["lerum/plan-2019"],
        parties: [
          { party: "hsn-vast", before: 1000000, after: 1050000, difference: 50000, contribution: 1000000 },
          { party: "lerum", before: 1000000, after: 1000000, difference: 0, contribution: 1000000 },
        ],
        total: { before: 2000000, after: 2050000, difference: 50000 },
      },
    ]);
  });

  it("a line's written total changed while its parties' amounts did not: a change of that figure, not an edit without meaning", async () => {
    const result = await json(
      changed((r) => edit(r, PLAN, "    total: 220000\n", "    total: 230000\n")),
      "HEAD~1",
      "HEAD",
    );
    expect(result.editedOnly).toEqual([]);
    expect(result.documents[0]!.budget).toEqual([
      {
        id: "foraldrastod-tjanst",
        title: "25 % tjänst för utvecklande av Föräldrastödsarbetet",
        change: "changed",
        parties: [],
        total: { before: 220000, after: 220000, difference: 0 },
        fields: [{ field: "total", before: 220000, after: 230000, money: true }],
      },
    ]);
  });

  it("money moved from one party to the other on one line: the headline says the plan no longer keeps the split", async () => {
    const root = changed(moveMoney);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    const lines = squeeze(stdout);
    expect(lines).toContain(
      "lerum/plan-2019 no longer keeps the agreement's split (lerum/avtal-2017-2020, split equally): the lines give HSN 1 010 000 kr, Kommun 990 000 kr, where the split gives HSN 1 000 000 kr, Kommun 1 000 000 kr.",
    );
    expect(lines).toContain(`Kommun  1 000 000 kr  990 000 kr  ${MINUS}10 000 kr`);
    expect(lines).toContain("HSN  1 000 000 kr  1 010 000 kr  +10 000 kr");
    expect(lines).toContain("Total  2 000 000 kr  2 000 000 kr  0 kr");
    expect(stdout).toContain("[money/split]");
    // The headline comes before the document's details.
    expect(stdout.indexOf("no longer keeps")).toBeLessThan(stdout.indexOf("Budget lines"));

    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.splits).toEqual([
      {
        plan: "lerum/plan-2019",
        agreement: "lerum/avtal-2017-2020",
        rule: "equally",
        before: true,
        after: false,
        parties: [
          { party: "hsn-vast", amount: 1010000, expected: 1000000 },
          { party: "lerum", amount: 990000, expected: 1000000 },
        ],
      },
    ]);
  });

  it("a plan changed in its prose only still keeps the split, and the headline says so", async () => {
    const root = changed((r) => edit(r, PLAN, "fler skolor deltar", "alla skolor deltar"));
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.splits).toMatchObject([{ plan: "lerum/plan-2019", before: true, after: true }]);
    expect(result.money).toEqual([]);
    expect(result.problems).toEqual([]);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain("lerum/plan-2019 keeps the agreement's split");
    expect(stdout).toContain("No new problems.");
  });

  it("new problems: a warning become an error is new; the same warning about a renamed goal is not", async () => {
    const SJ = "sjobacka/plan-2020.md";
    const root = changed(
      (r) => {
        edit(r, SJ, "status: draft", "status: decided");
        edit(r, PLAN, "    title: Ökat socialt deltagande\n", "    title: Ökat socialt deltagande bland äldre\n");
      },
      (r) => write(r, SJ, `${read(r, SJ)}\nUppföljningen redovisas i ärende KSXX.XXX.\n`),
    );
    const problems = (await json(root, "HEAD~1", "HEAD")).problems;
    // In the draft the placeholder was a warning; in the decided plan it is an error.
    expect(problems).toEqual([expect.objectContaining({ file: SJ, severity: "error", ruleId: "text/placeholder" })]);
    // Its message is said in the run's language, word for word as \`plan check --format json\` says it.
    const sv = { LANG: "sv_SE.UTF-8" };
    const swedish = JSON.parse((await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root, sv)).stdout) as DiffResult;
    const checked = JSON.parse((await run(["check", ".", "--format", "json"], root, sv)).stdout) as { problems: { ruleId: string; message: string }[] };
    const placeholder = checked.problems.find((p) => p.ruleId === "text/placeholder")!;
    expect(placeholder.message).not.toBe(problems[0]!.message);
    expect(swedish.problems[0]!.message).toBe(placeholder.message);
    // The goal had no intervention before its new title too: that warning is not new.
    const check = await run(["check", "."], root);
    expect(check.stdout).toContain('No intervention or budget line works towards the goal "Ökat socialt deltagande bland äldre"');
  });

  it("a changed contribution in the agreement: problems in its unchanged plans are new in head", async () => {
    const root = changed((r) => edit(r, "lerum/avtal-2017-2020.md", "  - party: hsn-vast\n    amount: 1000000", "  - party: hsn-vast\n    amount: 1100000"));
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents.map((d) => [d.id, d.status])).toEqual([["lerum/avtal-2017-2020", "changed"]]);
    expect(result.documents[0]!.fields).toEqual([{ field: "contributions[hsn-vast].amount", before: 1000000, after: 1100000, money: true }]);
    expect(result.problems.map((p) => [p.file, p.ruleId])).toEqual(expect.arrayContaining([[PLAN, "money/contribution"]]));
    expect(result.money).toMatchObject([
      { agreement: "lerum/avtal-2017-2020", year: 2019, parties: [{ party: "hsn-vast", difference: 0, contribution: 1100000 }, { party: "lerum" }] },
    ]);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain("contributions[hsn-vast].amount: 1 000 000 kr → 1 100 000 kr");
  });
});

describe("plan diff: matching by id", () => {
  it("reordered budget lines are no change", async () => {
    const root = changed((r) => {
      const text = read(r, PLAN);
      const staff = /\n {2}- id: verksamhetsutvecklare\n(?: {4}.*\n)+/.exec(text)![0];
      const without = text.replace(staff, "\n");
      write(r, PLAN, without.replace("\nbudget:\n", `\nbudget:${staff}`));
    });
    expect(git(root, "diff", "--stat", "HEAD~1", "HEAD")).toContain(PLAN);
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents).toEqual([]);
    expect(result.money).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.editedOnly).toEqual([PLAN]);
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD", "--exit-code"], root);
    expect(code).toBe(0);
    expect(stdout).toContain("No differences in the plans.");
  });

  it("a moved file whose id is its path is a move, not a removal and an addition; references to the old id break", async () => {
    const root = changed((r) => {
      mkdirSync(join(r, "lerum/planer"));
      renameSync(join(r, PLAN), join(r, "lerum/planer/plan-2019.md"));
    });
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents).toEqual([
      expect.objectContaining({
        id: "lerum/planer/plan-2019",
        idBefore: "lerum/plan-2019",
        status: "changed",
        path: "lerum/planer/plan-2019.md",
        pathBefore: PLAN,
        budget: [],
        sections: [],
      }),
    ]);
    // The memo about the plan still names its old id: plan check says so.
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "lerum/tjansteskrivelse-ks18-1375.md", ruleId: "ref/document", message: expect.stringContaining("lerum/plan-2019") }),
      ]),
    );
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain("Documents: 1 changed, 0 added, 0 removed, 1 moved");
  });

  it("a moved file with an id of its own is a move and nothing else", async () => {
    const root = changed(
      (r) => {
        mkdirSync(join(r, "lerum/planer"));
        renameSync(join(r, PLAN), join(r, "lerum/planer/vp-2019.md"));
      },
      (r) => edit(r, PLAN, "kind: plan\n", "kind: plan\nid: lerum/plan-2019\n"),
    );
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents).toEqual([expect.objectContaining({ id: "lerum/plan-2019", status: "moved", path: "lerum/planer/vp-2019.md", pathBefore: PLAN })]);
    expect(result.documents[0]).not.toHaveProperty("idBefore");
    expect(result.problems).toEqual([]);
    expect(result.splits).toEqual([]);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain("Documents: 0 changed, 0 added, 0 removed, 1 moved");
  });

  it("goals and interventions added, removed and renamed; indicators no longer followed up; metadata changed", async () => {
    const root = changed((r) => {
      edit(r, PLAN, "    title: Ökat socialt deltagande\n", "    title: Ökat socialt deltagande bland äldre\n");
      edit(r, PLAN, / {2}- id: ater-smart\n(?: {4}.*\n)+\n/, "");
      edit(r, PLAN, "goals:\n", "goals:\n  - id: trygghet\n    area: Hälsa\n    title: Öka tryggheten för flickor och pojkar\n\n");
      edit(r, PLAN, "      - lerum/indikatorer/skolor-andt-handledning\n", "");
      edit(r, PLAN, "status: decided\n", "status: draft\n");
      edit(r, PLAN, "  dnr: KS18.1375\n", "  dnr: KS18.1376\n");
    });
    const [plan] = (await json(root, "HEAD~1", "HEAD")).documents;
    expect(plan!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: "goal", id: "trygghet", change: "added" }),
        expect.objectContaining({ what: "goal", id: "ater-smart", change: "removed" }),
        expect.objectContaining({
          what: "goal",
          id: "socialt-deltagande",
          change: "renamed",
          titleBefore: "Ökat socialt deltagande",
          title: "Ökat socialt deltagande bland äldre",
        }),
        expect.objectContaining({ what: "intervention", id: "andt-arbete", change: "changed" }),
        expect.objectContaining({ what: "indicator", id: "lerum/indikatorer/skolor-andt-handledning", change: "removed" }),
      ]),
    );
    expect(plan!.items).toHaveLength(5);
    expect(plan!.fields).toEqual([
      { field: "status", before: "decided", after: "draft" },
      { field: "decision.dnr", before: "KS18.1375", after: "KS18.1376" },
    ]);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain('goal renamed: socialt-deltagande "Ökat socialt deltagande" → "Ökat socialt deltagande bland äldre"');
    expect(stdout).toContain("status: decided → draft");
    expect(stdout).toContain("decision.dnr: KS18.1375 → KS18.1376");
  });

  it("a changed paragraph is shown as a compact word diff", async () => {
    const root = changed((r) => edit(r, PLAN, "fler skolor deltar och att fler föräldrar", "alla skolor deltar och att fler vårdnadshavare"));
    const { stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(stdout).toContain("Gemensamma insatser › ANDT-arbete i Lerum (changed)");
    expect(stdout).toContain("ambitionen att [-fler-]{+alla+} skolor deltar och att fler [-föräldrar-]{+vårdnadshavare+} tar del");
    // Compact: the unchanged start of the paragraph is cut.
    expect(stdout).not.toContain("Under 2019 fortsätter arbetet utifrån");
  });
});

describe("plan diff: other documents", () => {
  it("a report's outcome (utfall): the changed line with its title from the plan", async () => {
    const root = changed((r) =>
      edit(r, "sjobacka/rapport-2019.md", "parties: { hsn-vast: 40000, sjobacka: 20000 }", "parties: { hsn-vast: 45000, sjobacka: 20000 }"),
    );
    const [report] = (await json(root, "HEAD~1", "HEAD")).documents;
    expect(report).toMatchObject({ id: "sjobacka/rapport-2019", kind: "report", status: "changed" });
    expect(report!.outcome).toEqual([
      {
        id: "foraldragrupper",
        title: expect.any(String),
        change: "changed",
        parties: [{ party: "hsn-vast", before: 40000, after: 45000, difference: 5000 }],
        total: { before: 60000, after: 65000, difference: 5000 },
        fields: [],
      },
    ]);
    expect(report!.outcome[0]!.title).not.toBe("foraldragrupper");
  });

  it("plan.config.yaml changed: its fields, with every document checked again", async () => {
    const root = changed((r) => edit(r, "plan.config.yaml", "    short: HSN\n", "    short: HSN Väst\n"));
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents).toEqual([
      expect.objectContaining({
        id: "plan.config.yaml",
        kind: "config",
        status: "changed",
        fields: [{ field: "parties[hsn-vast].short", before: "HSN", after: "HSN Väst" }],
      }),
    ]);
    expect(result.scope.checked).toBe(result.scope.total);
  });

  it("a document added and one removed", async () => {
    const root = changed((r) => {
      rmSync(join(r, "lerum/indikatorer/skolor-andt-handledning.md"));
      write(
        r,
        "sjobacka/indikatorer/trygghet.md",
        "---\nkind: indicator\ntitle: Andel flickor och pojkar som känner sig trygga i skolan\nunit: percent\ndirection: higher-is-better\nbySex: true\n---\n",
      );
    });
    const result = await json(root, "HEAD~1", "HEAD");
    expect(result.documents.map((d) => [d.id, d.status])).toEqual([
      ["lerum/indikatorer/skolor-andt-handledning", "removed"],
      ["sjobacka/indikatorer/trygghet", "added"],
    ]);
    // The Lerum plan still names the removed indicator: a new problem in an unchanged file.
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: PLAN, ruleId: "ref/document" })]));
  });

  it("a plan repository in a folder of the git repository: named with -C, or found from a folder inside it", async () => {
    const top = tempDir();
    const plans = join(top, "plans");
    cpSync(copyExamples(PART), plans, { recursive: true });
    git(top, "init", "-q");
    commitAll(top, "Plans in a folder");
    raiseAndt(plans);
    commitAll(top, "More for ANDT");
    const fromTop = await run(["diff", "HEAD~1", "HEAD", "-C", "plans", "--format", "json"], top);
    const fromInside = await run(["diff", "HEAD~1", "HEAD", "--format", "json"], join(plans, "lerum"));
    for (const { code, stdout } of [fromTop, fromInside]) {
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as DiffResult).documents.map((d) => d.path)).toEqual([PLAN]);
    }
    // Messages name files from where the command runs.
    expect((JSON.parse(fromTop.stdout) as DiffResult).problems[0]!.file).toBe(`plans/${PLAN}`);
    expect((JSON.parse(fromInside.stdout) as DiffResult).problems[0]!.file).toBe("plan-2019.md");
  });
});

describe("plan diff: revisions", () => {
  it("without arguments: from the merge base with main to the working tree, committed and uncommitted changes alike", async () => {
    const root = repository();
    git(root, "checkout", "-q", "-b", "feature");
    raiseAndt(root);
    commitAll(root, "More for ANDT");
    // main moves on; its change is not part of this branch's diff.
    git(root, "checkout", "-q", "main");
    edit(root, "sjobacka/plan-2020.md", "status: draft", "status: decided");
    commitAll(root, "Sjöbacka decided");
    git(root, "checkout", "-q", "feature");
    edit(root, PLAN, "fler skolor deltar", "alla skolor deltar");
    write(root, "lerum/anteckning.md", "---\nkind: indicator\ntitle: Andel elever som känner sig trygga\nunit: percent\ndirection: higher-is-better\n---\n");
    const result = await json(root);
    expect(result.base.name).toBe("merge base of HEAD and main");
    expect(result.base.mergeBaseOf).toEqual(["HEAD", "main"]);
    expect(result.base.commit).toBe(git(root, "merge-base", "HEAD", "main").trim());
    // The text names it in the language of the run, from its parts.
    const swedish = await run(["diff"], root, { LANG: "sv_SE.UTF-8" });
    expect(swedish.stdout).toContain(`gemensam bas för HEAD och main (${result.base.commit!.slice(0, 7)})`);
    expect(result.head).toEqual({ name: "working tree", commit: null });
    expect(result.documents.map((d) => [d.id, d.status])).toEqual([
      ["lerum/anteckning", "added"],
      ["lerum/plan-2019", "changed"],
    ]);
    const plan = result.documents[1]!;
    expect(plan.budget.map((l) => l.id)).toEqual(["andt-arbete"]);
    expect(plan.sections).toHaveLength(1);
  });

  it("reads the revisions from git without touching the working tree or the index", async () => {
    const root = changed(raiseAndt);
    edit(root, PLAN, "fler skolor deltar", "alla skolor deltar");
    const hash = (path: string) =>
      createHash("sha256")
        .update(readFileSync(join(root, path)))
        .digest("hex");
    // `git status` refreshes the index itself, so it runs before the index is fingerprinted and after it is compared.
    const status = git(root, "status", "--porcelain");
    const before = { index: hash(".git/index"), plan: hash(PLAN) };
    const { code } = await run(["diff", "HEAD~1"], root);
    expect(code).toBe(0);
    expect({ index: hash(".git/index"), plan: hash(PLAN) }).toEqual(before);
    expect(git(root, "status", "--porcelain")).toBe(status);
  });

  it("A..B and A...B name the revisions as in git", async () => {
    const root = changed(raiseAndt);
    const range = await json(root, "HEAD~1..HEAD");
    const three = await json(root, "HEAD~1...HEAD");
    const two = await json(root, "HEAD~1", "HEAD");
    expect(range.documents).toEqual(two.documents);
    expect(three.documents).toEqual(two.documents);
  });
});

describe("plan diff: exit codes and errors", () => {
  it("0 by default; with --exit-code 1 when the plans differ, 0 when they do not", async () => {
    const root = changed(raiseAndt);
    expect((await run(["diff", "HEAD~1", "HEAD"], root)).code).toBe(0);
    expect((await run(["diff", "HEAD~1", "HEAD", "--exit-code"], root)).code).toBe(1);
    expect((await run(["diff", "HEAD", "HEAD", "--exit-code"], root)).code).toBe(0);
  });

  it("2 for a revision that does not exist", async () => {
    const root = changed(raiseAndt);
    const { code, stdout, stderr } = await run(["diff", "no-such-branch", "HEAD"], root);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Unknown revision `no-such-branch`");
  });

  it("2 outside a git repository", async () => {
    const root = copyExamples();
    const { code, stderr } = await run(["diff"], root);
    expect(code).toBe(2);
    expect(stderr).toContain("is not inside a git repository");
  });

  it("2 where the base revision has no plan.config.yaml", async () => {
    const root = copyExamples();
    const config = read(root, "plan.config.yaml");
    rmSync(join(root, "plan.config.yaml"));
    git(root, "init", "-q");
    commitAll(root, "Documents without configuration");
    write(root, "plan.config.yaml", config);
    commitAll(root, "Configuration");
    const { code, stderr } = await run(["diff", "HEAD~1", "HEAD"], root);
    expect(code).toBe(2);
    expect(stderr).toContain("There is no plan.config.yaml at HEAD~1");
  });

  it("in a shallow clone without the base: says so and how to fetch it", async () => {
    const origin = changed(raiseAndt);
    const clone = join(tempDir(), "clone");
    git(origin, "clone", "-q", "--depth", "1", `file://${origin}`, clone);
    const { code, stderr } = await run(["diff", "HEAD~1", "HEAD"], clone);
    expect(code).toBe(2);
    expect(stderr).toContain("shallow clone");
    expect(stderr).toContain("fetch-depth: 0");
    expect(stderr).toContain("git fetch --unshallow");
  });
});

describe("plan diff: formats", () => {
  it("markdown: the headline first, each document's details in a <details> block", async () => {
    const root = changed((r) => {
      moveMoney(r);
      edit(r, PLAN, "fler skolor deltar", "alla skolor deltar");
      edit(r, "sjobacka/plan-2020.md", "status: draft", "status: decided");
    });
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], root);
    expect(code).toBe(0);
    const details = stdout.indexOf("<details>");
    expect(details).toBeGreaterThan(0);
    const headline = stdout.slice(0, details);
    expect(headline).toContain("**Documents: 2 changed, 0 added, 0 removed, 0 moved**");
    expect(headline).toContain(
      "| <code>lerum/avtal-2017-2020</code> | 2019 | HSN | 1 000 000 kr | 1 010 000 kr | +10 000 kr |\n|  |  | Kommun | 1 000 000 kr | 990 000 kr | −10 000 kr |",
    );
    expect(headline).toContain("**no longer keeps the agreement's split**");
    expect(headline).toContain("<code>money/split</code>");
    expect(stdout.match(/<details>/g)).toHaveLength(2);
    expect(stdout.match(/<\/details>/g)).toHaveLength(2);
    expect(stdout).toContain("| ANDT-arbete i Lerum | HSN | 100 000 kr | 110 000 kr | +10 000 kr |");
    expect(stdout).toContain("att <del>fler</del><ins>alla</ins> skolor");
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it("markdown: details beyond the size limit are left out with a note, and the whole stays within it", async () => {
    const root = changed((r) => {
      moveMoney(r);
      edit(r, PLAN, "fler skolor deltar", "alla skolor deltar");
      edit(r, "sjobacka/plan-2020.md", "status: draft", "status: decided");
      edit(r, "sjobacka/plan-2019.md", /^title: .*$/m, "title: En annan titel");
    });
    const result = await diffRevisions({ cwd: root, path: ".", base: "HEAD~1", head: "HEAD" });
    const full = formatMarkdown(result);
    expect(full).not.toContain("left out");
    const limit = full.indexOf("<details>") + 1200;
    const cut = formatMarkdown(result, limit);
    expect(cut.length).toBeLessThanOrEqual(limit);
    expect(cut).toContain("left out to stay within GitHub's limit");
    expect(cut.match(/<details>/g)?.length ?? 0).toBe(cut.match(/<\/details>/g)?.length ?? 0);
    expect(cut.startsWith(full.slice(0, full.indexOf("<details>")))).toBe(true);
  });

  it("text: colour on a terminal, none with NO_COLOR or when piped", async () => {
    const root = changed(moveMoney);
    const runWith = async (isTTY: boolean, env: Record<string, string>) => {
      let out = "";
      await main(["diff", "HEAD~1", "HEAD"], {
        stdout: { write: (s: string) => (out += s), isTTY },
        stderr: { write: () => true },
        env: { LANG: "en", ...env },
        cwd: root,
      });
      return out;
    };
    expect(await runWith(true, {})).toMatch(/\u001b\[31m/);
    expect(await runWith(true, { NO_COLOR: "1" })).not.toMatch(/\u001b\[/);
    expect(await runWith(false, {})).not.toMatch(/\u001b\[/);
  });

  it("json: the whole result, amounts as whole kronor", async () => {
    const root = changed(moveMoney);
    const { stdout } = await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root);
    const result = JSON.parse(stdout) as DiffResult & { differences: boolean };
    expect(result.differences).toBe(true);
    expect(result.base.commit).toBe(git(root, "rev-parse", "HEAD~1").trim());
    expect(result.head.commit).toBe(git(root, "rev-parse", "HEAD").trim());
    expect(result.parties["hsn-vast"]).toEqual({ name: "Hälso- och sjukvårdsnämnd Väst", short: "HSN" });
    expect(result.documents[0]!.budget[0]!.parties).toEqual([
      { party: "hsn-vast", before: 100000, after: 110000, difference: 10000 },
      { party: "lerum", before: 165000, after: 155000, difference: -10000 },
    ]);
    expect(result.problems.map((p) => p.ruleId).sort()).toEqual([
      "money/contribution",
      "money/contribution",
      "money/declared-total",
      "money/declared-total",
      "money/declared-total",
      "money/declared-total",
      "money/split",
    ]);
  });
});
