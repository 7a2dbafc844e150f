import { actionPlansOf, activitiesIn, runsIn } from "../model/hierarchy.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { suggestion } from "../model/suggest.js";
import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { FULFILMENT } from "../vocabulary.js";
import { code, type Reporter, type Rule } from "./rule.js";
import { count, t, type Message } from "../format/message.js";

/*
 * The rules of a plan hierarchy (seed 004): strategy → multi-year plan → action plans →
 * activities, each level's goals serving the goals above, and the yearly follow-up that gives
 * each goal and activity of its year a status. A parent that does not exist is `ref/document`'s
 * (the references are declared in src/schema/hierarchy.ts).
 */

const statuses = Object.keys(FULFILMENT).map(code).join(", ");
type YearSpan = { from: number; to?: number | undefined };
const period = (p: YearSpan): Message | string => (p.to === undefined ? t`from ${p.from}` : p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`);

/** Whether a period runs within another: from a year of it to a year of it, or open-ended only where the other is. */
const within = (inner: YearSpan, outer: YearSpan) => runsIn(outer, inner.from) && (inner.to === undefined ? outer.to === undefined : runsIn(outer, inner.to));
const noneOr = (ids: readonly string[]): Message | string => ids.map(code).join(", ") || t`it has none`;

/** Reports each id of `ids` (at `path` + index) that is none of `known`, with a did-you-mean. */
function knownIds(report: Reporter, source: SourceDocument, path: Path, ids: readonly string[], known: { id: string }[], what: Message, fix: Message) {
  const candidates = known.map((k) => k.id);
  ids.forEach((id, i) => {
    if (candidates.includes(id)) return;
    report(source, [...path, i], {
      reason: t`${what} has no goal ${code(id)}.${suggestion(id, candidates)}`,
      fix: candidates.length ? t`${fix} Its goals: ${candidates.map(code).join(", ")}.` : t`${fix} It has no goals yet.`,
    });
  });
}

export const hierarchyGoals: Rule = {
  id: "hierarchy/goal",
  severity: "error",
  example: "The multi-year plan `gr/plan-2019-2020` has no goal `nara-vrd`. Did you mean `nara-vard`?",
  summary:
    "The goals a plan hierarchy's goal serves (`serves`) are goals of the level above (a multi-year plan's of its strategy, an action plan's of its plan), and an activity's `goals` are its action plan's.",
  repository(repo, report) {
    for (const plan of repo.multiYearPlans) {
      const strategy = lookup(repo, plan.data.strategy, "strategy");
      if (!strategy) continue;
      plan.data.goals.forEach((g, i) =>
        knownIds(
          report,
          plan.source,
          ["goals", i, "serves"],
          g.serves,
          strategy.data.goals,
          t`The strategy ${code(strategy.id)}`,
          t`Name a goal of the strategy.`,
        ),
      );
    }
    for (const actionPlan of repo.actionPlans) {
      const plan = lookup(repo, actionPlan.data.plan, "multi-year-plan");
      if (plan) {
        actionPlan.data.goals.forEach((g, i) =>
          knownIds(
            report,
            actionPlan.source,
            ["goals", i, "serves"],
            g.serves,
            plan.data.goals,
            t`The multi-year plan ${code(plan.id)}`,
            t`Name a goal of the plan.`,
          ),
        );
      }
    }
  },
  document(doc, report) {
    if (doc.kind !== "action-plan") return;
    doc.data.activities.forEach((a, i) =>
      knownIds(
        report,
        doc.source,
        ["activities", i, "goals"],
        a.goals,
        doc.data.goals,
        t`This action plan`,
        t`Name one of the action plan's goals under \`goals\`.`,
      ),
    );
  },
};

export const hierarchyPeriods: Rule = {
  id: "hierarchy/period",
  severity: "error",
  example: "The activity `branschrad` runs 2020–2022, outside its action plan's period 2020–2021.",
  summary:
    "An action plan runs within its multi-year plan's period, an activity within its action plan's, a multi-year plan within its strategy's, and a follow-up's year is a year of its plan.",
  repository(repo, report) {
    for (const plan of repo.multiYearPlans) {
      const strategy = lookup(repo, plan.data.strategy, "strategy");
      if (strategy && !within(plan.data.period, strategy.data.period))
        report(plan.source, ["period"], {
          reason: t`The plan runs ${period(plan.data.period)}, outside its strategy's period ${period(strategy.data.period)}.`,
          fix: t`Correct the plan's \`period\`, or the strategy's (${code(strategy.id)}).`,
        });
    }
    for (const actionPlan of repo.actionPlans) {
      const plan = lookup(repo, actionPlan.data.plan, "multi-year-plan");
      if (plan && !within(actionPlan.data.period, plan.data.period))
        report(actionPlan.source, ["period"], {
          reason: t`The action plan runs ${period(actionPlan.data.period)}, outside its multi-year plan's period ${period(plan.data.period)}.`,
          fix: t`Correct the action plan's \`period\`, or the plan's (${code(plan.id)}).`,
        });
    }
    for (const followUp of repo.followUps) {
      const plan = lookup(repo, followUp.data.plan, "multi-year-plan");
      if (plan && !runsIn(plan.data.period, followUp.data.year))
        report(followUp.source, ["year"], {
          reason: t`The follow-up is of ${followUp.data.year}, but the plan ${code(plan.id)} runs ${period(plan.data.period)}.`,
          fix: t`Write a year of the plan's period, or follow up the plan that runs in ${followUp.data.year}.`,
        });
    }
  },
  document(doc, report) {
    if (doc.kind !== "action-plan") return;
    const outer = doc.data.period;
    doc.data.activities.forEach((a, i) => {
      if (a.years && !within(a.years, outer))
        report(doc.source, ["activities", i, "years"], {
          reason: t`The activity ${code(a.id)} runs ${period(a.years)}, outside its action plan's period ${period(outer)}.`,
          fix: t`Correct the activity's \`years\`, or the action plan's \`period\`.`,
        });
    });
  },
};

/** Every entry of a follow-up: the ids it names, checked against the plan, its action plans and their activities of the year. */
function checkNamed(repo: Repository, followUp: Entry<"follow-up">, report: Reporter): void {
  const { year } = followUp.data;
  const plan = lookup(repo, followUp.data.plan, "multi-year-plan");
  if (!plan) return;
  const goalIds = plan.data.goals.map((g) => g.id);
  const seenGoals = new Set<string>();
  followUp.data.goals.forEach((g, i) => {
    if (!goalIds.includes(g.goal))
      report(followUp.source, ["goals", i, "goal"], {
        reason: t`The plan ${code(plan.id)} has no goal ${code(g.goal)}.${suggestion(g.goal, goalIds)}`,
        fix: t`Name one of the plan's goals: ${noneOr(goalIds)}.`,
      });
    else if (seenGoals.has(g.goal))
      report(followUp.source, ["goals", i, "goal"], { reason: t`The goal ${code(g.goal)} is followed up twice.`, fix: t`Keep one entry per goal.` });
    seenGoals.add(g.goal);
  });
  const seenPlans = new Set<string>();
  followUp.data.actionPlans.forEach((entry, i) => {
    const actionPlan = lookup(repo, entry.actionPlan, "action-plan");
    if (!actionPlan) return; // ref/document reports it, with a did-you-mean.
    if (seenPlans.has(actionPlan.id)) {
      report(followUp.source, ["actionPlans", i, "actionPlan"], {
        reason: t`The action plan ${code(actionPlan.id)} is followed up twice.`,
        fix: t`Keep one entry per action plan.`,
      });
      return;
    }
    seenPlans.add(actionPlan.id);
    if (actionPlan.data.plan !== plan.id) {
      report(followUp.source, ["actionPlans", i, "actionPlan"], {
        reason: t`The action plan ${code(actionPlan.id)} carries out ${code(actionPlan.data.plan)}, not the plan followed up (${code(plan.id)}).`,
        fix: t`Name an action plan of ${code(plan.id)}: ${noneOr(actionPlansOf(repo, plan.id).map((a) => a.id))}.`,
      });
      return;
    }
    if (!runsIn(actionPlan.data.period, year)) {
      report(followUp.source, ["actionPlans", i, "actionPlan"], {
        reason: t`The action plan ${code(actionPlan.id)} runs ${period(actionPlan.data.period)}, not in ${year}.`,
        fix: t`Leave it out of the follow-up of ${year}, or correct its \`period\`.`,
      });
      return;
    }
    const apGoals = actionPlan.data.goals.map((g) => g.id);
    entry.goals.forEach((g, j) => {
      if (!apGoals.includes(g.goal))
        report(followUp.source, ["actionPlans", i, "goals", j, "goal"], {
          reason: t`The action plan ${code(actionPlan.id)} has no goal ${code(g.goal)}.${suggestion(g.goal, apGoals)}`,
          fix: t`Name one of its goals: ${noneOr(apGoals)}.`,
        });
    });
    const ofYear = activitiesIn(actionPlan.data, year).map((a) => a.id);
    const all = actionPlan.data.activities.map((a) => a.id);
    const seen = new Set<string>();
    entry.activities.forEach((a, j) => {
      const at = ["actionPlans", i, "activities", j, "activity"];
      if (seen.has(a.activity))
        report(followUp.source, at, { reason: t`The activity ${code(a.activity)} is followed up twice.`, fix: t`Keep one entry per activity.` });
      else if (!all.includes(a.activity))
        report(followUp.source, at, {
          reason: t`The action plan ${code(actionPlan.id)} has no activity ${code(a.activity)}.${suggestion(a.activity, all)}`,
          fix: t`Name one of its activities of ${year}: ${noneOr(ofYear)}.`,
        });
      else if (!ofYear.includes(a.activity)) {
        const activity = actionPlan.data.activities.find((x) => x.id === a.activity)!;
        report(followUp.source, at, {
          reason: t`The activity ${code(a.activity)} runs ${period(activity.years ?? actionPlan.data.period)}, not in ${year}.`,
          fix: t`Leave it out of the follow-up of ${year}, or correct its \`years\` in ${code(actionPlan.id)}.`,
        });
      }
      seen.add(a.activity);
    });
  });
}

export const followUpIds: Rule = {
  id: "hierarchy/follow-up",
  severity: "error",
  example: "The action plan `gr/nara-vard` has no activity `fou-arbete`. Did you mean `fou-arbeten`?",
  summary: "A follow-up names goals of its plan, action plans of its plan that run in its year, and their goals and activities of the year, each once.",
  repository(repo, report) {
    for (const followUp of repo.followUps) checkNamed(repo, followUp, report);
  },
};

export const followUpComplete: Rule = {
  id: "hierarchy/left-out",
  severity: "error",
  example: 'The decided follow-up of 2020 leaves out the activity `kick-off` ("Kick-off för projektet") of the action plan `gr/nara-vard`, which runs in 2020.',
  summary:
    "A decided follow-up gives every goal of its plan, every action plan of its year, and each of their goals and activities of the year a status (a draft's gaps are warnings).",
  repository(repo, report) {
    for (const followUp of repo.followUps) {
      const plan = lookup(repo, followUp.data.plan, "multi-year-plan");
      if (!plan) continue;
      const { year } = followUp.data;
      const decided = followUp.data.status === "decided";
      const severity = decided ? "error" : "warning";
      const which = decided ? t`The decided follow-up of ${year}` : t`The follow-up of ${year}`;
      const add = (what: string, where: Message) =>
        t`Add \`- { ${what}, status: …, comment: … }\` under ${where}, with the status one of ${statuses}${decided ? "" : t`, before the follow-up is decided`}.`;
      for (const goal of plan.data.goals) {
        if (followUp.data.goals.some((g) => g.goal === goal.id)) continue;
        report(followUp.source, ["goals"], {
          severity,
          key: true,
          reason: t`${which} leaves out the goal ${code(goal.id)} ("${goal.title}") of the plan ${code(plan.id)}.`,
          fix: add(`goal: ${goal.id}`, t`\`goals\``),
        });
      }
      for (const actionPlan of actionPlansOf(repo, plan.id).filter((a) => runsIn(a.data.period, year))) {
        const i = followUp.data.actionPlans.findIndex((a) => a.actionPlan === actionPlan.id);
        if (i < 0) {
          report(followUp.source, ["actionPlans"], {
            severity,
            key: true,
            reason: t`${which} leaves out the action plan ${code(actionPlan.id)} ("${actionPlan.data.title}"), which runs in ${year}, with its ${count(activitiesIn(actionPlan.data, year).length, "activity", "activities")} of the year.`,
            fix: t`Add \`- actionPlan: ${actionPlan.id}\` under \`actionPlans\`, with the status of each of its goals and activities of ${year}.`,
          });
          continue;
        }
        const entry = followUp.data.actionPlans[i]!;
        for (const goal of actionPlan.data.goals) {
          if (entry.goals.some((g) => g.goal === goal.id)) continue;
          report(followUp.source, ["actionPlans", i, entry.goals.length ? "goals" : "actionPlan"], {
            severity,
            key: entry.goals.length > 0,
            reason: t`${which} leaves out the goal ${code(goal.id)} ("${goal.title}") of the action plan ${code(actionPlan.id)}.`,
            fix: add(`goal: ${goal.id}`, t`the action plan's \`goals\``),
          });
        }
        for (const activity of activitiesIn(actionPlan.data, year)) {
          if (entry.activities.some((a) => a.activity === activity.id)) continue;
          report(followUp.source, ["actionPlans", i, entry.activities.length ? "activities" : "actionPlan"], {
            severity,
            key: entry.activities.length > 0,
            reason: t`${which} leaves out the activity ${code(activity.id)} ("${activity.title}") of the action plan ${code(actionPlan.id)}, which runs in ${year}.`,
            fix: add(`activity: ${activity.id}`, t`the action plan's \`activities\``),
          });
        }
      }
    }
  },
};
