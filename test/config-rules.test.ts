import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, run } from "./helpers/repo.js";

const CONFIG = "plan.config.yaml";
const PLAN = "lerum/plan-2019.md";

/** The examples with `rules:` settings added to their configuration. */
function withRules(settings: Record<string, string>): string {
  const root = copyExamples();
  appendFileSync(
    join(root, CONFIG),
    `rules:\n${Object.entries(settings)
      .map(([id, s]) => `  ${id}: ${s}\n`)
      .join("")}`,
  );
  return root;
}

async function check(root: string, ...flags: string[]) {
  const { code, findings } = await checkJson(root, flags);
  return { code, problems: findings };
}

const of = ofRule;

describe("rule severities in plan.config.yaml", () => {
  it("off removes every finding of that rule and no other", async () => {
    const before = await check(copyExamples());
    expect(of(before.problems, "indicator/incomplete").length).toBeGreaterThan(0);
    const after = await check(withRules({ "indicator/incomplete": "off" }));
    expect(after.code).toBe(0);
    expect(of(after.problems, "indicator/incomplete")).toEqual([]);
    expect(after.problems).toEqual(before.problems.filter((p) => p.rule !== "indicator/incomplete"));
  });

  it("warning downgrades an error, so check passes; --strict still fails on it", async () => {
    const root = withRules({ "money/line-total": "warning" });
    edit(root, PLAN, "total: 220000", "total: 230000");
    const { code, problems } = await check(root);
    expect(code).toBe(0);
    expect(of(problems, "money/line-total")).toEqual([
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "total: 230000"), column: 12, severity: "warning" }),
    ]);
    expect((await check(root, "--strict")).code).toBe(1);
  });

  it("error upgrades a warning, so check fails at the warning's place", async () => {
    const root = withRules({ "date/decided-late": "error" });
    const { code, problems } = await check(root);
    expect(code).toBe(1);
    expect(of(problems, "date/decided-late")).toEqual([
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "date: 2019-01-09"), column: 9, severity: "error" }),
    ]);
    // The text reporter counts it as an error too.
    const text = await run(["check", "."], root);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "date: 2019-01-09")}:9: error [date/decided-late]`);
  });

  it("an unknown rule id is an error at its key, with a did-you-mean", async () => {
    const root = withRules({ "goal/unfundd": "off" });
    const { code, problems } = await check(root);
    expect(code).toBe(1);
    expect(of(problems, "config/unknown-rule")).toEqual([
      expect.objectContaining({
        file: CONFIG,
        line: lineOf(root, CONFIG, "goal/unfundd"),
        column: 3,
        severity: "error",
        message: "No rule has the id `goal/unfundd`. Did you mean `goal/unfunded`?",
      }),
    ]);
    // A setting with an unknown id does nothing: the rule it meant still reports.
    expect(of(problems, "goal/unfunded").length).toBeGreaterThan(0);
  });

  it("a setting other than off, warning or error is a schema error at its value", async () => {
    const root = withRules({ "goal/unfunded": "of" });
    const { code, problems } = await check(root);
    expect(code).toBe(1);
    expect(of(problems, "schema/enum")).toEqual([
      expect.objectContaining({ file: CONFIG, line: lineOf(root, CONFIG, "goal/unfunded"), column: 18, severity: "error" }),
    ]);
  });
});
