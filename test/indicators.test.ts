import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { computeGoalFulfilment } from "../src/model/indicators.js";
import { lookup } from "../src/model/repository.js";
import { checkJson, ofRule, said } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, write } from "./helpers/repo.js";

/** What these tests use of the examples: Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["sjobacka"] };

const IND = "sjobacka/indikatorer/behoriga-yrkesprogram.md";
const DATA = "data/kolada/N15428-9999.yaml";
const REPORT = "sjobacka/rapport-2019.md";

/** A copy of the examples with the Kolada values of N15428 for Sjöbacka replaced by `rows`. */
function withValues(rows: string[]): string {
  const root = copyExamples(PART);
  mkdirSync(join(root, "data/kolada"), { recursive: true });
  write(root, DATA, `kpi: N15428\nmunicipality: "9999"\nvalues:\n${rows.map((r) => `  - ${r}\n`).join("")}`);
  return root;
}

describe("indicator checks", () => {
  it("indicator/value-range: a share above 100 % is an error at the value, in the data file", async () => {
    const root = withValues(["{ year: 2018, total: 84.0, women: 86.2, men: 81.9 }", "{ year: 2019, total: 852, women: 87.5, men: 83.0 }"]);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(ofRule(findings, "indicator/value-range")).toContainEqual(
      expect.objectContaining({ file: DATA, line: lineOf(root, DATA, "total: 852"), column: 26, severity: "error" }),
    );
    expect(said(findings)).toContain("the 2019 value 852 is out of range; the unit `percent` needs a share between 0 and 100 %");
  });

  it("indicator/sex-values: declared split by sex, but a year lacks values for men", async () => {
    const root = withValues(["{ year: 2018, total: 84.0, women: 86.2, men: 81.9 }", "{ year: 2019, total: 85.2, women: 87.5, men: null }"]);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(ofRule(findings, "indicator/sex-values")).toContainEqual(
      expect.objectContaining({ file: IND, line: lineOf(root, IND, "bySex: true"), column: 8, severity: "error" }),
    );
    expect(said(findings)).toContain("the year 2019 lacks values for women and men");
  });

  it("indicator/target-year: a target outside the agreement's period", async () => {
    const root = copyExamples(PART);
    edit(root, IND, "{ year: 2022, value: 90.0 }", "{ year: 2025, value: 90.0 }");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(said(findings)).toContain(
      "The target year 2025 lies outside the agreement of the plans using the indicator (`sjobacka/avtal-2019-2022` 2019–2022).",
    );
  });

  it("indicator/municipality: a Kolada municipality that is not the plan's municipality", async () => {
    const root = copyExamples(PART);
    edit(root, IND, 'municipality: "9999"', 'municipality: "1441"');
    const { findings } = await checkJson(root);
    expect(said(findings)).toContain('The Kolada municipality `"1441"` is not the kommunkod of Sjöbacka kommun (9999)');
  });

  it("a Kolada KPI id of the wrong form is an error at the id", async () => {
    const root = copyExamples(PART);
    edit(root, IND, "kpi: N15428", "kpi: N1542");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(ofRule(findings, "schema/format")).toContainEqual(
      expect.objectContaining({ file: IND, line: lineOf(root, IND, "kpi: N1542"), column: 8, severity: "error" }),
    );
    expect(said(findings)).toContain("must be a Kolada KPI id: `N` or `U` and five digits, e.g. `N15419`");
  });
});

describe("goal fulfilment", () => {
  it("is computed from the indicators against their targets and direction", () => {
    const root = withValues(["{ year: 2018, total: 84.0, women: 86.2, men: 81.9 }", "{ year: 2019, total: 85.2, women: 87.5, men: 83.0 }"]);
    const { repo } = checkRepository(root, { cwd: root });
    const plan = lookup(repo, "sjobacka/plan-2019", "plan")!;
    // 85.2 misses the 2019 target of 86.0 but is above the 2018 baseline of 84.0.
    expect(computeGoalFulfilment(repo, plan, "behorighet", 2019).status).toBe("partly-met");
  });

  it("reaching the target is met; falling below the baseline is not met", () => {
    const reached = withValues(["{ year: 2019, total: 86.5, women: 88, men: 85 }"]);
    const a = checkRepository(reached, { cwd: reached });
    expect(computeGoalFulfilment(a.repo, lookup(a.repo, "sjobacka/plan-2019", "plan")!, "behorighet", 2019).status).toBe("met");
    const fell = withValues(["{ year: 2019, total: 82.0, women: 84, men: 80 }"]);
    const b = checkRepository(fell, { cwd: fell });
    expect(computeGoalFulfilment(b.repo, lookup(b.repo, "sjobacka/plan-2019", "plan")!, "behorighet", 2019).status).toBe("not-met");
  });

  it("goal/status-mismatch: a stated status that the indicators contradict is a warning", async () => {
    const root = withValues(["{ year: 2018, total: 84.0, women: 86.2, men: 81.9 }", "{ year: 2019, total: 85.2, women: 87.5, men: 83.0 }"]);
    edit(root, REPORT, /goal: behorighet\n {4}status: partly-met/, "goal: behorighet\n    status: met");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    expect(ofRule(findings, "goal/status-mismatch")).toContainEqual(
      expect.objectContaining({ file: REPORT, line: lineOf(root, REPORT, "status: met"), column: 13, severity: "warning" }),
    );
    expect(said(findings)).toContain("The report says `met` (uppfyllt), but the goal's indicators give `partly-met` (delvis uppfyllt)");
    expect(said(findings)).toContain("85,2 against target 86 (2019)");
  });
});
