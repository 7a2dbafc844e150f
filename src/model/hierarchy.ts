import type { ActionPlan, FollowUp } from "../schema/hierarchy.js";
import { combineFulfilment, type Fulfilment } from "./measure.js";
import { lookup, type Entry, type Repository } from "./repository.js";

/*
 * A plan hierarchy (strategy → multi-year plan → action plans → activities, seed 004) and how a
 * yearly follow-up's statuses roll up it. The rule, the same as a goal's fulfilment from its
 * indicators (`combineFulfilment`): a whole is met when all its assessed parts are met, not met
 * when all its assessed parts are not met, partly met in between, and not assessed when none of
 * its parts is assessed. An action plan's status is rolled up from its activities of the year, the
 * multi-year plan's from its action plans' rolled-up statuses. An activity the follow-up leaves
 * out counts as not assessed (a decided follow-up may not leave one out: `hierarchy/left-out`).
 */

/** Whether a period (both years included; an open end runs on) holds a year. */
export const runsIn = (period: { from: number; to?: number | undefined }, year: number) =>
  period.from <= year && (period.to === undefined || year <= period.to);

/** The multi-year plans under a strategy, by their first year. */
export function plansOfStrategy(repo: Repository, strategy: string): Entry<"multi-year-plan">[] {
  return repo.multiYearPlans.filter((p) => p.data.strategy === strategy).sort((a, b) => a.data.period.from - b.data.period.from);
}

/** The action plans of a multi-year plan, by their first year, in the repository's order. */
export function actionPlansOf(repo: Repository, plan: string): Entry<"action-plan">[] {
  return repo.actionPlans.filter((a) => a.data.plan === plan).sort((a, b) => a.data.period.from - b.data.period.from);
}

/** The follow-ups of a multi-year plan, by year. */
export function followUpsOf(repo: Repository, plan: string): Entry<"follow-up">[] {
  return repo.followUps.filter((f) => f.data.plan === plan).sort((a, b) => a.data.year - b.data.year);
}

/** The activities of an action plan that run in a year (an activity without years runs for the action plan's). */
export const activitiesIn = (actionPlan: ActionPlan, year: number) => actionPlan.activities.filter((a) => runsIn(a.years ?? actionPlan.period, year));

/** A status of the roll-up, with the parts it was rolled up from. */
export interface RolledUp {
  status: Fulfilment;
  /** The parts' statuses, counted; empty for a stated status (an activity's). */
  counts: Partial<Record<Fulfilment, number>>;
  parts: number;
}

export interface ActivityStatus {
  id: string;
  title: string;
  /** The follow-up's entry for it; none where it is left out. */
  stated: FollowUp["actionPlans"][number]["activities"][number] | undefined;
  status: Fulfilment;
}

export interface ActionPlanStatus {
  entry: Entry<"action-plan">;
  /** The follow-up's entry for it; none where it is left out. */
  stated: FollowUp["actionPlans"][number] | undefined;
  activities: ActivityStatus[];
  rolledUp: RolledUp;
}

export interface FollowUpStatus {
  plan: Entry<"multi-year-plan"> | undefined;
  actionPlans: ActionPlanStatus[];
  rolledUp: RolledUp;
}

function rollUp(statuses: readonly Fulfilment[]): RolledUp {
  const counts: Partial<Record<Fulfilment, number>> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return { status: combineFulfilment(statuses), counts, parts: statuses.length };
}

/**
 * A follow-up's statuses up the tree: each action plan of its plan that runs in the year with
 * its activities of the year, each action plan's status rolled up from them, and the plan's from
 * the action plans. Action plans and activities are those of the repository, not only those the
 * follow-up names: one it leaves out is there, not assessed.
 */
export function followUpStatus(repo: Repository, followUp: Entry<"follow-up">): FollowUpStatus {
  const { year } = followUp.data;
  const plan = lookup(repo, followUp.data.plan, "multi-year-plan");
  const actionPlans = actionPlansOf(repo, followUp.data.plan)
    .filter((a) => runsIn(a.data.period, year))
    .map((entry): ActionPlanStatus => {
      const stated = followUp.data.actionPlans.find((f) => f.actionPlan === entry.id);
      const activities = activitiesIn(entry.data, year).map((a): ActivityStatus => {
        const said = stated?.activities.find((s) => s.activity === a.id);
        return { id: a.id, title: a.title, stated: said, status: said?.status ?? "not-assessed" };
      });
      return { entry, stated, activities, rolledUp: rollUp(activities.map((a) => a.status)) };
    });
  return { plan, actionPlans, rolledUp: rollUp(actionPlans.map((a) => a.rolledUp.status)) };
}
