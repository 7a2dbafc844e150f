import { z } from "zod";
import { documentBase, financingType, isoDate, kronor, partyRef, year } from "./common.js";
import { KIND } from "../vocabulary.js";

export const contribution = z
  .strictObject({
    party: partyRef,
    amount: kronor.describe("The party's contribution per year, in whole kronor."),
    years: z
      .record(z.string().regex(/^\d{4}$/, "a year such as 2019"), kronor)
      .optional()
      .describe("Contribution in particular years where it differs from `amount`, e.g. `{ 2020: 1100000 }`."),
    financing: z.array(financingType).min(1).default(["cash"]).describe("Financing types the party may use in plans under this agreement. Default: `[cash]`."),
  })
  .describe("What one party pays each year.");

export const split = z
  .discriminatedUnion("rule", [
    z.strictObject({
      rule: z.literal("equal").describe("`equal`: every financier pays the same (hälften vardera for two parties)."),
    }),
    z.strictObject({
      rule: z.literal("shares").describe("`shares`: fixed shares, given in `shares`."),
      shares: z.record(z.string(), z.number().positive()).describe("Weight per party id, e.g. `{ hsn-vast: 60, lerum: 40 }` (percent or any proportion)."),
    }),
    z.strictObject({
      rule: z.literal("per-inhabitant").describe("`per-inhabitant`: each financier pays `rate` kronor per inhabitant and year."),
      rate: kronor.describe("Kronor per inhabitant and year, e.g. `14`."),
      population: z.int().positive().describe("Number of inhabitants the amount is computed from."),
      populationDate: isoDate.optional().describe("Date of the population figure, e.g. `2018-12-31`."),
    }),
  ])
  .default({ rule: "equal" })
  .describe("How the joint budget is split between the financiers. Default: `{ rule: equal }`.");

export const agreement = z
  .strictObject({
    kind: z.literal("agreement"),
    ...documentBase,
    parties: z.array(partyRef).min(2).describe("The parties to the agreement."),
    period: z
      .strictObject({ from: year.describe("First year."), to: year.describe("Last year.") })
      .describe("Years the agreement runs, e.g. `{ from: 2017, to: 2020 }`."),
    contributions: z.array(contribution).min(1).describe("Each financier's yearly contribution."),
    split,
    signed: isoDate.optional().describe("Date the agreement was signed."),
  })
  .describe(`${KIND.agreement.name}: a multi-year agreement between the parties.`);

export type Agreement = z.infer<typeof agreement>;
export type Split = z.infer<typeof split>;
