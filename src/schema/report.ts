import { z } from "zod";
import { decision, documentBase, kronor, localId, partyKey, partyRef, year } from "./common.js";
import { reference } from "./reference.js";
import { moneyTable } from "./table.js";
import { FULFILMENT, KIND } from "../vocabulary.js";

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
    goal: localId.describe("Id of the plan's goal."),
    status: fulfilment.optional().describe("Stated fulfilment; leave out to have it computed from the goal's indicators."),
    comment: z.string().min(1).optional().describe("What was achieved."),
  })
  .describe("Follow-up of one goal.");

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
    carryOver: z.array(carryOut).default([]),
    tables: z.array(moneyTable).default([]).describe("Money tables of the report (budget against utfall, investments), as it prints them."),
  })
  .describe(
    `${KIND.report.name}: the yearly report of a joint plan (\`plan\`), or a board's own report (\`organisation\`); a report names exactly one of the two.`,
  );

export type Report = z.infer<typeof report>;
