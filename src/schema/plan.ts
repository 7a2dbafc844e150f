import { z } from "zod";
import { decision, documentBase, financingType, goalId, kronor, localId, partyKey, partyRef, year } from "./common.js";
import { formFields } from "./form.js";
import { reference } from "./reference.js";
import { moneyTable } from "./table.js";
import { KIND } from "../vocabulary.js";

export const goalLevel = z
  .enum(["national", "regional", "local"])
  .describe("`national` (riksdagens mål), `regional` (regionens mål) or `local` (kommunens mål).");

export const goal = z
  .strictObject({
    id: goalId,
    level: goalLevel.default("local"),
    area: z.string().min(1).optional().describe("Principle or target area the goal sits under, e.g. `Kompetens`."),
    title: z.string().min(1).describe("The goal as written, e.g. `Minska ohälsan bland unga kvinnor och män`."),
    focus: z.string().min(1).optional().describe("Its focus, e.g. `fler flickor och pojkar med godkända betyg`."),
    note: z.string().min(1).optional().describe("A footnote to the goal's title, set at the foot of the page, e.g. what `S.M.A.R.T` stands for."),
    indicators: z.array(reference("indicator")).default([]).describe("Ids of indicator documents that follow the goal up."),
  })
  .describe("A goal of the plan.");

export const intervention = z
  .strictObject({
    id: localId,
    title: z.string().min(1).describe("Name of the intervention (insats)."),
    area: z.string().min(1).describe("Intervention area (insatsområde) it belongs to; budget tables group by it."),
    goals: z.array(goalId).default([]).describe("Ids of the plan's goals it works towards."),
    what: z.string().min(1).optional().describe("Vad? What is done."),
    how: z.string().min(1).optional().describe("Hur? How it is done."),
    indicators: z.array(reference("indicator")).default([]).describe("Ids of indicator documents (long-term indicators)."),
    measures: z.array(z.string().min(1)).default([]).describe("Effect goals and process measures to follow up, as text."),
  })
  .describe("An intervention (insats).");

export const share = z
  .union([
    kronor,
    z.null().describe("Nothing written (`lerum:` with no value): an empty cell, as if the party were left out."),
    z.strictObject({
      amount: kronor.optional().describe("Amount in whole kronor; leave out for an empty cell (which is not 0)."),
      financing: financingType.default("cash"),
      note: z.string().min(1).optional().describe("Footnote text, e.g. `Kommunens motfinansiering hänvisas till kommunens föreningsbidrag`."),
    }),
  ])
  .describe("A party's share of a line: an amount in kronor (cash), nothing (an empty cell, not 0), or `{ amount, financing, note }`.");

export const budgetLineType = z
  .enum(["intervention", "staff", "carry-over"])
  .describe("`intervention` (insats), `staff` (tjänst) or `carry-over` (medel överförda från ett tidigare år).");

export const budgetLine = z
  .strictObject({
    id: localId,
    type: budgetLineType.default("intervention"),
    title: z.string().min(1).describe("Text of the line, e.g. `Utbildningsinsatser föräldrastöd`."),
    intervention: localId.optional().describe("Id of the intervention the line funds."),
    goal: goalId.optional().describe("Id of the goal the line funds, where no intervention is named."),
    total: kronor.optional().describe("The line's total as written; checked against the sum of the parties' shares."),
    parties: z.record(partyKey, share).default({}).describe("Each party's share, by party id. A party left out is an empty cell."),
    income: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Makes the line income that is no party's contribution, and says whose money it is, e.g. `Statsbidrag från Länsstyrelsen` or `Deltagaravgifter`. Its amount is `total` (and no `parties`): counted in the plan's totals, not in any party's contribution or the split.",
      ),
    from: year.optional().describe("For a carry-over: the year the money comes from."),
    decision: z.string().min(1).optional().describe("For a carry-over: the decision that moved the money, e.g. `presidiedialog 2018-10-12`."),
    note: z.string().min(1).optional().describe("A remark printed with the line."),
  })
  .describe("A line of the plan's budget.");

export const declaredTotal = z
  .strictObject({
    label: z.string().min(1).describe("Text of the total row, e.g. `Totalt insatser`."),
    includes: z.array(budgetLineType).min(1).describe("Line types the total adds up, e.g. `[intervention]` or `[intervention, staff]`."),
    total: kronor.optional().describe("The total as written."),
    parties: z.record(partyKey, kronor).default({}).describe("Each party's total as written, by party id."),
  })
  .describe("A total or subtotal row as written in the decided table; `plan check` recomputes it.");

export const plan = z
  .strictObject({
    kind: z.literal("plan"),
    ...documentBase,
    agreement: reference("agreement", { belongsTo: true })
      .optional()
      .describe(
        "Id of the agreement the plan belongs to. A plan of an organisation's own, outside any agreement (a kommunalförbund's unit plan), names its `organisation` instead.",
      ),
    organisation: partyRef
      .optional()
      .describe("Id of the party whose own plan it is, where it belongs to no agreement, e.g. `sjuharad` for the unit plans of Sjuhärads kommunalförbund."),
    form: reference("form")
      .optional()
      .describe("Id of the form (`kind: form`) the plan follows. Default: its organisation's form for plans (`forms:` of its party), else none."),
    fields: formFields,
    year: year.describe("The year the plan is for."),
    decision: decision.optional(),
    goals: z.array(goal).default([]),
    interventions: z.array(intervention).default([]),
    budget: z.array(budgetLine).default([]),
    totals: z.array(declaredTotal).default([]),
    tables: z.array(moneyTable).default([]).describe("Other money tables of the plan, as it prints them."),
  })
  .describe(`${KIND.plan.name}: one agreement's plan for one year.`);

export type Plan = z.infer<typeof plan>;
export type BudgetLine = z.infer<typeof budgetLine>;
export type Share = z.infer<typeof share>;
export type Goal = z.infer<typeof goal>;
export type Intervention = z.infer<typeof intervention>;
