import { groupDigits } from "../format/swedish.js";
import { sharesOf } from "../model/money.js";
import { missingOutcomes } from "../model/outcome.js";
import { lookup } from "../model/repository.js";
import { code, ofKind, partyLabel, type Rule } from "./rule.js";
import { t } from "../format/message.js";

/** A report follows up a joint plan, or is a board's own: it says which by naming one of the two. */
export const reportSubject: Rule = {
  id: "report/subject",
  severity: "error",
  example: "The report names neither `plan` (the joint plan it follows up) nor `organisation` (the board whose own report it is).",
  summary:
    "A report names exactly one of `plan` (the joint plan it follows up) and `organisation` (the board whose own report it is); a board's report has no plan's `outcome` or `carryOver`, and writes each goal's `title`; a plan's report has no `councilGoals` or `parts`, nor a board's goal fields (`title`, `unit`, `indicators`, …).",
  document: ofKind("report", (r, report) => {
    const { plan, organisation } = r.data;
    if (plan !== undefined && organisation !== undefined)
      report(r.source, ["kind"], {
        key: true,
        reason: t`The report names both \`plan: ${plan}\` (the joint plan it follows up) and \`organisation: ${organisation}\` (the board whose own report it is); a report is one or the other.`,
        fix: t`Keep \`plan\` for the report of a joint plan (its parties come from the plan's agreement), or \`organisation\` for a board's own report.`,
      });
    else if (plan === undefined && organisation === undefined)
      report(r.source, ["kind"], {
        key: true,
        reason: t`The report names neither \`plan\` (the joint plan it follows up) nor \`organisation\` (the board whose own report it is).`,
        fix: t`Add \`plan: <id of the plan>\` for the report of a joint plan, or \`organisation: <party id>\` (declared in plan.config.yaml) for a board's own report.`,
      });
    if (plan !== undefined && organisation !== undefined) return;
    if (plan !== undefined) {
      // What only a board's own report has: its kommunfullmäktige goals and its parts.
      for (const field of ["councilGoals", "parts"] as const) {
        if (r.data[field].length === 0) continue;
        report(r.source, [field], {
          key: true,
          reason: t`\`${field}\` belongs to a board's own report, but the report follows up the joint plan \`${plan}\`, whose goals it takes.`,
          fix: t`Leave \`${field}\` out, or make it a board's own report with \`organisation\` instead of \`plan\`.`,
        });
      }
      // A goal of a joint plan's report is the plan's: the fields that place and word a board's goal would not be printed.
      r.data.goals.forEach((g, i) => {
        const written: string[] = [
          ...(["title", "council", "part", "unit", "heading", "activities"] as const).filter((f) => g[f] !== undefined),
          ...(g.indicators.length ? ["indicators"] : []),
          ...(g.passedOn ? [] : ["passedOn"]),
        ];
        for (const field of written)
          report(r.source, ["goals", i, field], {
            key: true,
            reason: t`\`${field}\` of the goal ${code(g.goal)} belongs to a board's own report, but the report follows up the joint plan \`${plan}\`, whose goals it takes.`,
            fix: t`Leave \`${field}\` out: the report prints the goal as the plan writes it.`,
          });
      });
      return;
    }
    // A board's goals have no plan to take their text from.
    r.data.goals.forEach((g, i) => {
      if (g.title === undefined)
        report(r.source, ["goals", i, "goal"], {
          key: true,
          reason: t`The goal ${code(g.goal)} has no \`title\`; a board's own report has no plan to take the goal's text from.`,
          fix: t`Write the goal as the report prints it under \`title:\`.`,
        });
    });
    // What follows up a plan's budget lines has nothing to follow up in a board's own report, and would not be shown.
    for (const field of ["outcome", "carryOver"] as const) {
      if (r.data[field].length === 0) continue;
      report(r.source, [field], {
        key: true,
        reason: organisation
          ? t`\`${field}\` follows up the budget lines of a joint plan, but the report names no \`plan\` (it is the own report of \`${organisation}\`).`
          : t`\`${field}\` follows up the budget lines of a joint plan, but the report names no \`plan\`.`,
        fix: t`Write a board's budget and utfall in \`tables:\` (money tables), or name the plan the report follows up.`,
      });
    }
  }),
};

/** Rules about a report (verksamhetsberättelse) and its plan. */
export const reportOutcome: Rule = {
  id: "report/outcome",
  severity: "error",
  example:
    'The report is decided, but it gives no utfall for Sjöbacka kommun (`sjobacka`) on the line "Föräldragrupper" of the plan `sjobacka/plan-2019`, whose budget there is 20 000 kr.',
  summary:
    "A decided report gives the utfall of every budget line of its plan (carry-overs aside) for every party whose budget on the line has an amount; blank is not 0. A draft may leave some empty.",
  repository(repo, report) {
    for (const r of repo.reports) {
      if (r.data.status !== "decided") continue;
      const plan = lookup(repo, r.data.plan, "plan");
      if (!plan) continue;
      for (const missing of missingOutcomes(plan.data, r.data)) {
        const { line, entry } = missing;
        // At the line's entry, where the utfall goes; at `outcome` where the line has none.
        const at = entry === undefined ? ["outcome"] : ["outcome", entry, "parties"];
        const key = entry === undefined;
        if (missing.parties.length === 0) {
          report(r.source, at, {
            key,
            reason: t`The report is decided, but it gives no utfall on the line "${line.title}" of the plan ${code(plan.id)}.`,
            fix: t`Write each party's utfall for \`line: ${line.id}\` under \`outcome:\` (0 where nothing was spent), or set \`status: draft\` until it is known.`,
          });
          continue;
        }
        for (const party of missing.parties) {
          const budget = sharesOf(line).find((s) => s.party === party)!.amount!;
          report(r.source, at, {
            key,
            reason: t`The report is decided, but it gives no utfall for ${partyLabel(repo, party)} on the line "${line.title}" of the plan ${code(plan.id)}, whose budget there is ${groupDigits(budget)} kr.`,
            fix:
              entry === undefined
                ? t`Write \`${party}:\` with its utfall for \`line: ${line.id}\` under \`outcome:\` (0 where nothing was spent; a blank is not 0), or set \`status: draft\` until it is known.`
                : t`Write \`${party}:\` with its utfall in the line's \`parties:\` (0 where nothing was spent; a blank is not 0), or set \`status: draft\` until it is known.`,
          });
        }
      }
    }
  },
};
