import { z } from "zod";
import { phrase } from "../format/message.js";
import { decision, documentBase, goalId, kronor, localId, partyKey, partyRef, year } from "./common.js";
import { goalIndicator } from "./indicator.js";
import { reference } from "./reference.js";
import { moneyTable } from "./table.js";
import { BOARD_REPORT, FULFILMENT, KIND } from "../vocabulary.js";

export const fulfilment = z.enum(["met", "partly-met", "not-met", "not-assessed"]).describe(
  `Goal fulfilment: ${Object.entries(FULFILMENT)
    .map(([value, f]) => `\`${value}\` (${[f.text.toLocaleLowerCase("sv"), "also" in f ? f.also : ""].filter(Boolean).join(" / ")})`)
    .join(", ")}.`,
);

export const outcomeLine = z
  .strictObject({
    line: localId.describe("Id of the plan's budget line."),
    parties: z.record(partyKey, kronor).default({}).describe("Utfall (actual outcome) per party id, in whole kronor."),
    comment: z.string().min(1).optional().describe("Remark on the outcome."),
  })
  .describe("The outcome (utfall) of one budget line.");

export const goalFollowUp = z
  .strictObject({
    goal: goalId.describe("Id of the plan's goal; in a board's own report, the goal's id as the board numbers it (`6:1`)."),
    status: fulfilment.optional().describe("Stated fulfilment; leave out to have it computed from the goal's indicators."),
    comment: z.string().min(1).optional().describe("What was achieved."),
    title: z
      .string()
      .min(1)
      .optional()
      .describe("A board's own report: the goal as written (there is no plan to take it from), e.g. `Antalet sjukfrånvarodagar ska minska.`"),
    council: z
      .string()
      .regex(/^\d+$/, phrase('the number of a goal of `councilGoals`, e.g. `"6"`'))
      .optional()
      .describe("A board's own report: the kommunfullmäktige goal (of `councilGoals`) the goal serves; leave out to take it from the id (`6` of `6:1`)."),
    passedOn: z
      .boolean()
      .default(true)
      .describe(
        `\`false\` for a goal the board keeps to itself ("${BOARD_REPORT.notPassedOn}"): the part to kommunfullmäktige leaves it out, the board's part shows it.`,
      ),
    part: localId.optional().describe("A board's own report: id of the part (`parts`) the follow-up is in; leave out for the first."),
    unit: z.string().min(1).optional().describe("A board's part per unit (del 2): the unit whose table the goal is in, e.g. `Bistånd`."),
    heading: z.string().min(1).optional().describe("The goal's short heading in a unit's table, e.g. `Öka inflytande delaktighet`."),
    activities: z.string().min(1).optional().describe(`A unit's activities for the goal (${BOARD_REPORT.activities}).`),
    indicators: z.array(goalIndicator).default([]).describe("A board's own report: the goal's indicators, as its annex writes them."),
  })
  .describe("Follow-up of one goal.");

export const councilGoal = z
  .strictObject({
    id: z.string().regex(/^\d+$/, phrase('the goal\'s number as a string, e.g. `"1"`')).describe('The goal\'s number, e.g. `"1"`.'),
    title: z.string().min(1).describe("The goal as written, e.g. `Herrljunga kommun är en kommun där det är gott att leva!`."),
    area: z.string().min(1).optional().describe("A heading above the goal, e.g. `Herrljunga kommun i egenskap av att vara arbetsgivare.`"),
  })
  .describe("A goal of kommunfullmäktige (inriktningsmål) that the board's goals serve.");

export const reportPart = z
  .strictObject({
    id: localId,
    title: z.string().min(1).describe("The part's title, e.g. `Del 1`."),
    audience: z
      .enum(["council", "board"])
      .describe(`\`council\`: the part passed on to kommunfullmäktige; \`board\`: the part for the board only ("${BOARD_REPORT.audience.board}").`),
    tables: z.array(localId).default([]).describe("Ids of the money tables (`tables`) printed in this part."),
    heading: z
      .string()
      .min(1)
      .optional()
      .describe("The text of the body's top-level heading (`# …`) where the part's text starts; the text before the first such heading is the first part's."),
  })
  .describe("A part of a board's report (del 1, del 2), with its own table of contents.");

export const carryOut = z
  .strictObject({
    to: year.describe("The year the money is carried to."),
    parties: z.record(partyKey, kronor).optional().describe("Amount per party id; leave out where the decision names none."),
    decision: z.string().min(1).optional().describe("The decision that carries it over."),
    note: z.string().min(1).optional().describe("What the money is for."),
  })
  .describe("Money carried over to a later year.");

export const report = z
  .strictObject({
    kind: z.literal("report"),
    ...documentBase,
    plan: reference("plan", { belongsTo: true })
      .optional()
      .describe("Id of the plan the report follows up (a joint plan's report); leave out in a board's own report, which names its `organisation`."),
    organisation: partyRef
      .optional()
      .describe(
        "Id of the board that reports, declared in `plan.config.yaml` (a board's own report, which follows up no joint plan); leave out where the report names its `plan`.",
      ),
    year: year.describe("The year reported; the plan's year."),
    decision: decision.optional(),
    outcome: z.array(outcomeLine).default([]),
    goals: z.array(goalFollowUp).default([]),
    councilGoals: z.array(councilGoal).default([]).describe("A board's own report: kommunfullmäktige's goals that its goals serve."),
    parts: z.array(reportPart).default([]).describe("A board's own report: its parts (del 1 to kommunfullmäktige, del 2 for the board only)."),
    carryOver: z.array(carryOut).default([]),
    tables: z.array(moneyTable).default([]).describe("Money tables of the report (budget against utfall, investments), as it prints them."),
  })
  .describe(
    `${KIND.report.name}: the yearly report of a joint plan (\`plan\`), or a board's own report (\`organisation\`); a report names exactly one of the two.`,
  );

export type Report = z.infer<typeof report>;
export type GoalFollowUp = z.infer<typeof goalFollowUp>;
