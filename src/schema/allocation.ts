import { z } from "zod";
import { decision, documentBase, kronor, localId, partyKey, partyRef, year } from "./common.js";
import { KIND } from "../vocabulary.js";

/**
 * A measure's weight in the key: a percentage (`50`, `33.25`: the decimals as written are taken
 * exactly, never as a float), or a fraction of the whole written as text (`"1/3"`), for weights
 * that no finite decimal gives. The weights of a key add up to exactly 100 % (`alloc/weights`).
 */
export const weight = z
  .union([
    z.number().positive().max(100),
    z.string().regex(/^\s*[1-9]\d{0,8}\s*\/\s*[1-9]\d{0,8}\s*$/, 'a fraction of the whole written as text, e.g. `"1/3"`'),
  ])
  .describe('Weight of the measure in the key: a percentage (`50`, `33.25`), or a fraction of the whole as text (`"1/3"`). The weights add up to 100 %.');

/** A figure of a measure: a count of people, never negative. */
const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe("A count (inhabitants, people enrolled), whole and not negative.");

/** One member's figure of a measure, where it is cited apart from the measure's year and source. */
export const input = z.union([
  count,
  z.null().describe("`~`: the figure is not known; the amounts cannot be computed until it is."),
  z
    .strictObject({
      value: count,
      year: year.optional().describe("The year of this figure, where it is not the measure's."),
      source: z.string().min(1).optional().describe("Where this figure comes from, where it is not the measure's source."),
      note: z.string().min(1).optional().describe("A note on the figure, printed under the table."),
    })
    .describe("A figure with its own year or source (`{ value: 31402, year: 2017, source: … }`)."),
]);

export const measure = z
  .strictObject({
    id: localId,
    label: z.string().min(1).describe("The measure as the table's column names it, e.g. `Befolkning`, `Inskrivna i kommunal hälso- och sjukvård`."),
    unit: z.string().min(1).optional().describe("What is counted, in the plural, e.g. `invånare`, `personer`."),
    weight,
    year: year.describe("The year of the figures; the key's `basisYear` unless a member's figure says otherwise."),
    source: z.string().min(1).describe("Where the figures come from, e.g. `SCB, folkmängd den 31 december 2018`."),
    values: z.record(partyKey, input).describe("Each member's figure, by party id: `{ ale: 31402, alingsas: 41420, … }`."),
  })
  .describe("One measure of the key: its weight, the year and source of its figures, and each member's figure.");

export const allocation = z
  .strictObject({
    kind: z.literal("allocation"),
    ...documentBase,
    organisation: partyRef.optional().describe("Id of the party that makes the allocation (its letterhead and footer), e.g. `gr`."),
    year: year.describe("The year the money is for, e.g. `2020`."),
    funder: z.string().min(1).optional().describe("Where the money comes from, e.g. `Staten, Överenskommelsen Nära vård 2020`."),
    amount: kronor.describe("The amount to split between the members, in whole kronor."),
    basisYear: year.describe('The year of the key\'s figures, e.g. `2018` (the seed: "… inskrivna i kommunal hälso- och sjukvård 2018").'),
    members: z.array(partyRef).min(1).describe("The parties the amount is split between, in the order the table lists them."),
    measures: z.array(measure).min(1).describe("The measures of the key, each with its weight."),
    decision: decision.optional(),
  })
  .describe(
    `${KIND.allocation.name}: an amount split between members by weighted measures (population, people enrolled), in whole kronor that add up to the amount exactly.`,
  );

export type Allocation = z.infer<typeof allocation>;
export type Measure = z.infer<typeof measure>;
export type Input = z.infer<typeof input>;
