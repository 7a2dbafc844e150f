import { code, ofKind, type Rule } from "./rule.js";
import { listOf, t } from "../format/message.js";

/** Words that make a goal or indicator about people, and the pairs that split it by sex. */
const PEOPLE =
  /\b(invånare|elever|unga|ungdomar|barn|äldre|vuxna|personer|föräldrar|individer|människor|befolkning|medborgare|deltagare|brukare|elev|studenter)\b/iu;
const WOMEN = /\b(kvinnor|flickor|tjejer|kvinnliga)\b/iu;
const MEN = /\b(män|pojkar|killar|manliga)\b/iu;

/** Whether a text speaks of people without naming women and men (or girls and boys). */
export function aboutPeopleUnsplit(text: string): boolean {
  return PEOPLE.test(text) && !(WOMEN.test(text) && MEN.test(text));
}

export const unfundedGoals: Rule = {
  id: "goal/unfunded",
  severity: "warning",
  example: 'No intervention or budget line works towards the goal "Öka andelen kvinnor och män som rör sig".',
  summary: "A local goal that no intervention works towards and no budget line funds.",
  document: ofKind("plan", (plan, report) => {
    const funded = new Set([...plan.data.interventions.flatMap((i) => i.goals), ...plan.data.budget.flatMap((l) => (l.goal ? [l.goal] : []))]);
    plan.data.goals.forEach((goal, i) => {
      if (goal.level !== "local" || funded.has(goal.id)) return;
      report(plan.source, ["goals", i, "id"], {
        reason: t`No intervention or budget line works towards the goal "${goal.title}".`,
        fix: t`Add ${code(goal.id)} to an intervention's \`goals\`, or say in the text why the goal has no intervention this year.`,
      });
    });
  }),
};

export const goalsBySex: Rule = {
  id: "goal/not-split-by-sex",
  severity: "warning",
  example: 'The measure "Högre andel elever godkända betyg från grundskolan" is about people but not split by sex.',
  summary:
    "A goal or effect goal about people (elever, unga, invånare, …) that does not name both women and men, or girls and boys (goals are to be bekönade).",
  document: ofKind("plan", (plan, report) => {
    plan.data.goals.forEach((goal, i) => {
      if (goal.level === "local" && aboutPeopleUnsplit(`${goal.title} ${goal.focus ?? ""}`)) {
        report(plan.source, ["goals", i, "title"], {
          reason: t`The goal "${goal.title}" is about people but not split by sex.`,
          fix: t`Name the groups by sex, e.g. "flickor och pojkar", "kvinnor och män".`,
        });
      }
    });
    plan.data.interventions.forEach((n, i) =>
      n.measures.forEach((m, j) => {
        if (aboutPeopleUnsplit(m))
          report(plan.source, ["interventions", i, "measures", j], {
            reason: t`The measure "${m}" is about people but not split by sex.`,
            fix: t`Follow it up for women and men (girls and boys) separately and say so.`,
          });
      }),
    );
  }),
};

export const indicatorsBySex: Rule = {
  id: "indicator/not-split-by-sex",
  severity: "warning",
  example: 'The indicator "Antal föräldrar som deltagit på informationsmöte" is about people but is not split by sex.',
  summary: "An indicator about people whose values are not split by sex (`bySex: false`).",
  document: ofKind("indicator", (ind, report) => {
    if (!ind.data.bySex && aboutPeopleUnsplit(ind.data.title)) {
      report(ind.source, ["title"], {
        reason: t`The indicator "${ind.data.title}" is about people but is not split by sex.`,
        fix: t`Collect values for women and men and set \`bySex: true\`.`,
      });
    }
  }),
};

export const incompleteIndicators: Rule = {
  id: "indicator/incomplete",
  severity: "warning",
  example: 'The indicator "Andelen flickor och pojkar som är behöriga till gymnasieskolan" has no baseline and no targets, so it cannot be followed up.',
  summary: "An indicator without a source, a baseline or a target cannot be followed up.",
  document: ofKind("indicator", (ind, report) => {
    const fields = { source: t`no source`, baseline: t`no baseline`, targets: t`no targets` };
    const missing = (["source", "baseline", "targets"] as const).filter((f) => (f === "targets" ? ind.data.targets.length === 0 : !ind.data[f]));
    if (missing.length === 0) return;
    report(ind.source, ["kind"], {
      reason: t`The indicator "${ind.data.title}" has ${listOf(missing.map((m) => fields[m]))}, so it cannot be followed up.`,
      fix: t`Add ${missing.map((m) => `\`${m}:\``).join(", ")}.`,
    });
  }),
};
