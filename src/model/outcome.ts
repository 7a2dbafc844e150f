import type { BudgetLine } from "../schema/plan.js";
import type { Report } from "../schema/report.js";

/**
 * The budget lines of a plan whose utfall a report does not give: every line but the carry-overs
 * (their money is accounted for in the year it was budgeted) and income that is no party's
 * contribution (a report's utfall is per party), unless the report's `outcome` has
 * an amount for at least one party on it. An entry with no amounts (a comment alone) gives none.
 * One definition for the rule that a decided report is complete (`report/outcome`) and for the
 * report page's note of what is not reported.
 */
export function linesWithoutOutcome(plan: { budget: readonly BudgetLine[] }, report: Pick<Report, "outcome">): BudgetLine[] {
  const given = new Set(report.outcome.filter((o) => Object.keys(o.parties).length > 0).map((o) => o.line));
  return plan.budget.filter((line) => line.type !== "carry-over" && line.income === undefined && !given.has(line.id));
}
