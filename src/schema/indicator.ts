import { z } from "zod";
import { documentBase, year } from "./common.js";
import { kpiId, municipalityId } from "./kolada.js";

export const indicatorSource = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("kolada"),
      kpi: kpiId,
      municipality: municipalityId,
    }),
    z.strictObject({
      type: z.literal("survey"),
      name: z.string().min(1).describe("The survey, e.g. `CAN` (drogvaneundersökning)."),
      question: z.string().min(1).optional().describe("The question or measure used."),
    }),
    z.strictObject({
      type: z.literal("local"),
      description: z.string().min(1).describe("How the measure is collected."),
    }),
  ])
  .describe("Where the values come from.");

const measured = z.number().describe("Value in the indicator's unit.");

export const indicatorValue = z
  .strictObject({
    year,
    total: measured.nullable().optional().describe("Value for everyone (Kolada gender `T`)."),
    women: measured.nullable().optional().describe("Value for women or girls (Kolada gender `K`)."),
    men: measured.nullable().optional().describe("Value for men or boys (Kolada gender `M`)."),
  })
  .describe("Values of one year.");

export const indicator = z
  .strictObject({
    kind: z.literal("indicator"),
    ...documentBase,
    unit: z.enum(["percent", "count", "per-1000", "kronor", "index"]).describe("`percent`, `count`, `per-1000`, `kronor` or `index`."),
    direction: z.enum(["higher-is-better", "lower-is-better"]).describe("Which way is better."),
    bySex: z.boolean().default(false).describe("Whether the indicator is split by sex (women/men, girls/boys)."),
    source: indicatorSource.optional(),
    baseline: z.strictObject({ year, value: measured }).optional().describe("Starting value."),
    targets: z
      .array(z.strictObject({ year, value: measured }))
      .default([])
      .describe("Target values by year."),
    values: z.array(indicatorValue).default([]).describe("Measured values by year."),
  })
  .describe("An indicator: a long-term indicator or a process measure.");

export type Indicator = z.infer<typeof indicator>;
export type IndicatorValue = z.infer<typeof indicatorValue>;
