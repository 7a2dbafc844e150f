import { linesWithoutOutcome } from "../model/outcome.js";
import { lookup } from "../model/repository.js";
import { code, type Rule } from "./rule.js";

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
