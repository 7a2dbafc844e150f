import { z } from "zod";
import { decision, documentBase, localId, partyRef, year } from "./common.js";
import { reference } from "./reference.js";
import { fulfilment } from "./report.js";
import { KIND } from "../vocabulary.js";

/*
 * A plan hierarchy, as the GR network and Östersund keep theirs (seed 004, lines 53-55: "en
 * långsiktig strategi … Fleråriga handlingsplaner finns kopplat till strategin … Varje
 * handlingsplan och aktivitet har mål som följs upp årligen"): a strategy, the multi-year plans
 * under it, the action plans under each plan, and the activities of each action plan. The
 * activities are entries of their action plan, not documents: the seed lists them as lines of a
 * plan ("Några exempel på aktiviteter är: …", lines 57-64), each one sentence. A yearly
 * follow-up of a multi-year plan gives each goal and activity of the year a status.
 *
 * These documents hold no money: they are no `plan` (verksamhetsplan) and belong to no
 * agreement, so the money rules, which read the plans of agreements, never see them.
 */

/** The years a plan or an activity runs, both included. */
export const period = z
  .strictObject({
    from: year.describe("First year."),
    to: year.optional().describe("Last year; leave out for a strategy that runs until further notice."),
  })
  .describe("The years it runs, e.g. `{ from: 2015, to: 2025 }`.");

const levelGoal = (parent: string) =>
  z
    .strictObject({
      id: localId,
      title: z.string().min(1).describe("The goal as written."),
      serves: z.array(localId).default([]).describe(`Ids of the goals of the ${parent} this goal works towards.`),
    })
    .describe("A goal of this level.");

const common = {
  ...documentBase,
  organisation: partyRef.describe("Id of the party whose document it is (a kommun, a förvaltning, GR), declared in `plan.config.yaml`."),
  decision: decision.optional(),
};

export const strategy = z
  .strictObject({
    kind: z.literal("strategy"),
    ...common,
    period: period.describe("The years the strategy runs; `to` may be left out."),
    goals: z
      .array(
        z.strictObject({ id: localId, title: z.string().min(1).describe("The goal as written.") }).describe("A goal of the strategy (a challenge it meets)."),
      )
      .default([])
      .describe("The strategy's long-term goals."),
  })
  .describe(`${KIND.strategy.name}: the long-term strategy that multi-year plans serve.`);

export const multiYearPlan = z
  .strictObject({
    kind: z.literal("multi-year-plan"),
    ...common,
    strategy: reference("strategy", { belongsTo: true }).describe("Id of the strategy the plan serves."),
    period: period.required({ to: true }).describe("The years the plan runs, e.g. `{ from: 2015, to: 2025 }`."),
    goals: z.array(levelGoal("strategy")).default([]).describe("The plan's goals; `serves` names the strategy's goals."),
  })
  .describe(`${KIND["multi-year-plan"].name}: a plan over several years under a strategy, carried out through action plans.`);

export const activity = z
  .strictObject({
    id: localId,
    title: z.string().min(1).describe("The activity as written, e.g. `Säkra steg – fallprevention`."),
    goals: z.array(localId).default([]).describe("Ids of the action plan's goals the activity works towards."),
    years: period.optional().describe("The years the activity runs; default: the action plan's period."),
    responsible: z.string().min(1).optional().describe("Who carries it out."),
    description: z.string().min(1).optional().describe("What is done, in a sentence or two."),
  })
  .describe("An activity of an action plan.");

export const actionPlan = z
  .strictObject({
    kind: z.literal("action-plan"),
    ...common,
    plan: reference("multi-year-plan", { belongsTo: true }).describe("Id of the multi-year plan the action plan carries out."),
    period: period.required({ to: true }).describe("The years the action plan runs."),
    goals: z.array(levelGoal("multi-year plan")).default([]).describe("The action plan's goals; `serves` names the plan's goals."),
    activities: z.array(activity).min(1).describe("The activities, each with its goals and years."),
  })
  .describe(`${KIND["action-plan"].name}: the activities that carry out a multi-year plan over some of its years.`);

const followedGoal = z
  .strictObject({
    goal: localId.describe("Id of the goal."),
    status: fulfilment,
    comment: z.string().min(1).optional().describe("What was achieved, or why not."),
  })
  .describe("A goal's status in the year.");

export const followUp = z
  .strictObject({
    kind: z.literal("follow-up"),
    ...common,
    plan: reference("multi-year-plan", { belongsTo: true }).describe("Id of the multi-year plan followed up."),
    year: year.describe("The year followed up."),
    goals: z.array(followedGoal).default([]).describe("The status of each of the plan's goals."),
    actionPlans: z
      .array(
        z
          .strictObject({
            actionPlan: reference("action-plan").describe("Id of the action plan."),
            comment: z.string().min(1).optional().describe("A comment on the action plan as a whole."),
            goals: z.array(followedGoal).default([]).describe("The status of each of the action plan's goals."),
            activities: z
              .array(
                z
                  .strictObject({
                    activity: localId.describe("Id of the activity."),
                    status: fulfilment,
                    comment: z.string().min(1).optional().describe("What was done, or why not."),
                  })
                  .describe("An activity's status in the year."),
              )
              .default([])
              .describe("The status of each activity of the year."),
          })
          .describe("The follow-up of one action plan of the year."),
      )
      .default([])
      .describe("Each action plan that runs in the year, with its goals and activities."),
  })
  .describe(`${KIND["follow-up"].name}: the yearly follow-up of a multi-year plan, its action plans and their activities.`);

export type Strategy = z.infer<typeof strategy>;
export type MultiYearPlan = z.infer<typeof multiYearPlan>;
export type ActionPlan = z.infer<typeof actionPlan>;
export type FollowUp = z.infer<typeof followUp>;
