import { z } from "zod";
import { phrase } from "../format/message.js";
import { documentBase, financingType, isoDate, kronor, partyKey, partyRef, year } from "./common.js";
import { KIND } from "../vocabulary.js";

export const contribution = z
  .strictObject({
    party: partyRef,
    amount: kronor.describe("The party's contribution per year, in whole kronor."),
    years: z
      .record(z.string().regex(/^\d{4}$/, phrase("a year such as 2019")), kronor)
      .optional()
      .describe("Contribution in particular years where it differs from `amount`, e.g. `{ 2020: 1100000 }`."),
    financing: z.array(financingType).min(1).default(["cash"]).describe("Financing types the party may use in plans under this agreement. Default: `[cash]`."),
  })
  .describe("What one party pays each year.");

export const population = z
  .strictObject({
    party: partyRef
      .optional()
      .describe(
        "Whose inhabitants: the financier whose amount is computed from the figure. Leave out for a figure every financier's amount is computed from (a municipality's inhabitants, from which the region's board pays too).",
      ),
    year: year.optional().describe("The year of the agreement the figure is used for; leave out for every year of the period."),
    inhabitants: z.int().positive().describe("Number of inhabitants, e.g. `42000`."),
    date: isoDate.optional().describe("Date of the figure, e.g. `2018-12-31` (folkmängd den 31 december)."),
  })
  .describe(
    "A population figure of the per-inhabitant split. For a financier and a year the most particular entry counts: its party's and year's, else its party's for every year, else the year's for every financier, else the one for all.",
  );

export const split = z
  .discriminatedUnion("rule", [
    z.strictObject({
      rule: z.literal("equal").describe("`equal`: every financier pays the same share, however many they are (hälften vardera for two)."),
    }),
    z.strictObject({
      rule: z.literal("shares").describe("`shares`: fixed shares, given in `shares`."),
      shares: z.record(partyKey, z.number().positive()).describe("Weight per party id, e.g. `{ hsn-vast: 60, lerum: 40 }` (percent or any proportion)."),
    }),
    z.strictObject({
      rule: z
        .literal("per-inhabitant")
        .describe(
          "`per-inhabitant`: each financier pays its rate (`rate`, or its own in `rates`) times its number of inhabitants in each year (`populations`).",
        ),
      rate: kronor.describe("Kronor per inhabitant and year, e.g. `14`."),
      rates: z
        .record(partyKey, kronor)
        .optional()
        .describe("Kronor per inhabitant and year of the financiers that pay another rate than `rate`, by party id, e.g. `{ varberg: 11, falkenberg: 11 }`."),
      populations: z
        .array(population)
        .min(1)
        .optional()
        .describe("The numbers of inhabitants each financier's amount is computed from, per party and year, with the date of each figure."),
      population: z
        .int()
        .positive()
        .optional()
        .describe(
          "The older, shorter form of `populations`: one number of inhabitants for every financier and every year, the same as `populations: [{ inhabitants: …, date: … }]`.",
        ),
      populationDate: isoDate.optional().describe("With `population`: the date of the figure, e.g. `2018-12-31`."),
    }),
    z.strictObject({
      rule: z.literal("none").describe("`none`: no split rule; each financier pays its contribution as written, and plans keep each contribution."),
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
    contributions: z
      .array(contribution)
      .min(1)
      .describe("Each financier's yearly contribution: any number of financiers, each a party or a group of parties (`members` in plan.config.yaml)."),
    split,
    signed: isoDate.optional().describe("Date the agreement was signed."),
  })
  .describe(`${KIND.agreement.name}: a multi-year agreement between the parties.`);

export type Agreement = z.infer<typeof agreement>;
export type Split = z.infer<typeof split>;
export type Population = z.infer<typeof population>;
