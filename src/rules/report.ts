import { linesWithoutOutcome } from "../model/outcome.js";
import { lookup } from "../model/repository.js";
import { code, ofKind, type Rule } from "./rule.js";

/** A report follows up a joint plan, or is a board's own: it says which by naming one of the two. */
export const reportSubject: Rule = {
  id: "report/subject",
  severity: "error",
  example: "The report names neither `plan` (the joint plan it follows up) nor `organisation` (the board whose own report it is).",
  summary:
    "A report names exactly one of `plan` (the joint plan it follows up) and `organisation` (the board whose own report it is); a board's report has no plan's `outcome`, `goals` or `carryOver`.",
  document: ofKind("report", (r, report) => {
    const { plan, organisation } = r.data;
    if (plan !== undefined && organisation !== undefined)
      report(r.source, ["kind"], {
        key: true,
        reason: `The report names both \`plan: ${plan}\` (the joint plan it follows up) and \`organisation: ${organisation}\` (the board whose own report it is); a report is one or the other.`,
        fix: "Keep `plan` for the report of a joint plan (its parties come from the plan's agreement), or `organisation` for a board's own report.",
      });
    else if (plan === undefined && organisation === undefined)
      report(r.source, ["kind"], {
        key: true,
        reason: "The report names neither `plan` (the joint plan it follows up) nor `organisation` (the board whose own report it is).",
        fix: "Add `plan: <id of the plan>` for the report of a joint plan, or `organisation: <party id>` (declared in plan.config.yaml) for a board's own report.",
      });
    if (plan !== undefined) return;
    // What follows up a plan's budget lines and goals has nothing to follow up in a board's own report, and would not be shown.
    for (const field of ["outcome", "goals", "carryOver"] as const) {
      if (r.data[field].length === 0) continue;
      report(r.source, [field], {
        key: true,
        reason: `\`${field}\` follows up the budget lines and goals of a joint plan, but the report names no \`plan\`${organisation ? ` (it is the own report of \`${organisation}\`)` : ""}.`,
        fix: "Write a board's budget and utfall in `tables:` (money tables), or name the plan the report follows up.",
      });
    }
  }),
};

/** Rules about a report (verksamhetsberättelse) and its plan. */
export const reportOutcome: Rule = {
  id: "report/outcome",
  severity: "error",
  example: 'The report is decided, but the line of the plan `sjobacka/plan-2019` has no utfall: "Föräldragrupper".',
  summary: "A decided report gives the utfall of every budget line of its plan (carry-overs aside); a draft may leave some empty.",
  repository(repo, report) {
    for (const r of repo.reports) {
      if (r.data.status !== "decided") continue;
      const plan = lookup(repo, r.data.plan, "plan");
      if (!plan) continue;
      const missing = linesWithoutOutcome(plan.data, r.data);
      if (missing.length === 0) continue;
      report(r.source, ["outcome"], {
        key: true,
        reason: `The report is decided, but ${missing.length === 1 ? "the line" : `${missing.length} lines`} of the plan ${code(plan.id)} ${missing.length === 1 ? "has" : "have"} no utfall: ${missing.map((l) => `"${l.title}"`).join(", ")}.`,
        fix: "Write each party's utfall under `outcome:` (0 where nothing was spent), or set `status: draft` until it is known.",
      });
    }
  },
};
