import type { BudgetLine } from "../schema/plan.js";
import type { Report } from "../schema/report.js";
import { sharesOf } from "./money.js";

/** A budget line of a plan whose utfall a report does not give, in full or for some parties. */
export interface MissingOutcome {
  line: BudgetLine;
  /**
   * The parties whose budget cell on the line has an amount and whose utfall the report does
   * not give, in the line's order; empty for a line whose budget gives no party's amount (only
   * a total, or nothing), which misses its utfall as a whole.
   */
  parties: string[];
  /** Whether the report gives no utfall at all on the line. */
  none: boolean;
  /** The index of the report's first `outcome` entry for the line; none where it has none. */
  entry: number | undefined;
}

/**
 * The budget lines of a plan whose utfall a report does not give: every line but the carry-overs
 * (their money is accounted for in the year it was budgeted) and income that is no party's
 * contribution (a report's utfall is per party), each party whose budget cell has an
 * amount needing its own utfall. Blank is not 0: an utfall left out is missing, `0` is an utfall.
 * A line whose budget gives no party's amount needs the utfall of at least one party. An entry
 * with no amounts (a comment alone) gives none. One definition for the rule that a decided report
 * is complete (`report/outcome`) and for the report page's note of what is not reported.
 */
export function missingOutcomes(plan: { budget: readonly BudgetLine[] }, report: Pick<Report, "outcome">): MissingOutcome[] {
  const spent = new Map<string, Set<string>>();
  const entries = new Map<string, number>();
  report.outcome.forEach((o, i) => {
    if (!entries.has(o.line)) entries.set(o.line, i);
    const parties = spent.get(o.line) ?? new Set();
    for (const party of Object.keys(o.parties)) parties.add(party);
    spent.set(o.line, parties);
  });
  return plan.budget.flatMap((line): MissingOutcome[] => {
    if (line.type === "carry-over" || line.income !== undefined) return [];
    const given = spent.get(line.id) ?? new Set<string>();
    const budgeted = sharesOf(line)
      .filter((s) => s.amount !== undefined)
      .map((s) => s.party);
    const parties = budgeted.filter((p) => !given.has(p));
    const none = given.size === 0;
    if (budgeted.length ? parties.length === 0 : !none) return [];
    return [{ line, parties, none, entry: entries.get(line.id) }];
  });
}
