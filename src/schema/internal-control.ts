import { z } from "zod";
import { decision, documentBase, partyRef, year } from "./common.js";
import { INTERNAL_CONTROL, KIND } from "../vocabulary.js";

/** A level of the organisation's scale: its number, its name and what it means (`Möjlig; Det finns risk för att fel ska uppstå. (3)`). */
const level = z
  .strictObject({
    level: z.int().min(1).max(10).describe("The level's number, e.g. `3`."),
    label: z.string().min(1).describe("Its name, e.g. `Möjlig`."),
    description: z.string().min(1).optional().describe("What it means, e.g. `Det finns risk för att fel ska uppstå.`"),
  })
  .describe("A level of the scale.");

const levels = z.array(level).min(2).describe("The levels, from the lowest, numbered 1, 2, 3, … in order.");

export const riskScale = z
  .strictObject({
    probability: z
      .strictObject({ heading: z.string().min(1).optional().describe(`The heading of the levels, e.g. \`${INTERNAL_CONTROL.probabilityLevels}\`.`), levels })
      .describe(`${INTERNAL_CONTROL.probability}: how likely an error is.`),
    consequence: z
      .strictObject({ heading: z.string().min(1).optional().describe(`The heading of the levels, e.g. \`${INTERNAL_CONTROL.consequenceLevels}\`.`), levels })
      .describe(`${INTERNAL_CONTROL.consequence}: what an error would do to the work or its cost.`),
  })
  .describe(`The organisation's scale (${INTERNAL_CONTROL.scale}): a risk's score is its probability times its consequence.`);

export const risk = z
  .strictObject({
    process: z.string().min(1).describe(`${INTERNAL_CONTROL.columns.process}, e.g. \`Myndighetsutövning\`.`),
    controls: z.string().min(1).describe(`${INTERNAL_CONTROL.columns.controls}: markdown, e.g. a list of what is checked.`),
    probability: z.int().describe("The level of probability on the scale, e.g. `2`."),
    consequence: z.int().describe("The level of consequence (väsentlighet) on the scale, e.g. `3`."),
    score: z.int().describe("The score as the document writes it, probability × consequence: `6` for the seed's `6 (2*3)`."),
    responsible: z.string().min(1).describe(`${INTERNAL_CONTROL.columns.responsible}, e.g. \`TÖS/Kvalitets-samordnare\`.`),
    result: z.string().min(1).optional().describe(`${INTERNAL_CONTROL.columns.result}: markdown; left out in a plan not yet followed up.`),
  })
  .describe("A risk of the plan: the process or routine, what is checked, its assessment, who checks it and what the control found.");

export const internalControl = z
  .strictObject({
    kind: z.literal("internal-control"),
    ...documentBase,
    organisation: partyRef.describe("Id of the board whose internal control it is, declared in `plan.config.yaml`."),
    year: year.describe("The year the plan is for."),
    caption: z.string().min(1).optional().describe("The caption of the table as printed, e.g. `Socialnämnden`."),
    decision: decision.optional(),
    scale: riskScale,
    risks: z.array(risk).min(1).describe("The risks, in the order the table prints them."),
  })
  .describe(`${KIND["internal-control"].name}: a board's internal-control plan and its follow-up, each risk scored on the organisation's scale.`);

export type InternalControl = z.infer<typeof internalControl>;
