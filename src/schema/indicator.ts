import { z } from "zod";
import { documentBase, year } from "./common.js";
import { kpiId, municipalityId } from "./kolada.js";
import { BOARD_REPORT } from "../vocabulary.js";

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

export const indicatorUnit = z.enum(["percent", "count", "per-1000", "kronor", "index"]).describe("`percent`, `count`, `per-1000`, `kronor` or `index`.");
export const indicatorDirection = z.enum(["higher-is-better", "lower-is-better"]).describe("Which way is better.");

/**
 * A figure as a board's report writes it: a number (`66`, `-2.4`), or text in its notation: a
 * sign (`+5 %`, `-2,4 %`, `−2,4 %`), a decimal comma, a range (`5-10`), or for a target a value to
 * come close to (`ca 0 %`, `nära 90 %`: met within 5 % of the value, and at least one unit of its
 * last written digit). Read as an exact decimal, never a float; leave out (or `~`) where the
 * report's cell is blank, which is not 0.
 */
export const writtenFigure = z
  .union([z.number(), z.string().min(1)])
  .describe(
    "A figure as written: a number, or text such as `+5 %`, `-2,4 %`, `5-10` (a range) or, for a target, `ca 0 %` / `nära 90 %` (close to: within 5 % of the value, at least one unit of its last written digit).",
  );

export const writtenValue = z
  .strictObject({
    year,
    total: writtenFigure.nullable().optional().describe("Value for everyone; alone where the year is not split by sex."),
    women: writtenFigure.nullable().optional().describe("Value for women or girls."),
    men: writtenFigure.nullable().optional().describe("Value for men or boys."),
    parts: z
      .array(z.strictObject({ label: z.string().min(1).describe("What the value measures, e.g. `utförande`."), value: writtenFigure }))
      .optional()
      .describe("Two or more values of the year under one indicator, each with its label (`utförande 86 %`, `tid 47 %`)."),
  })
  .describe("The values of one year, as written.");

export const goalIndicator = z
  .strictObject({
    title: z.string().min(1).describe(`The indicator as written (${BOARD_REPORT.indicator}).`),
    unit: indicatorUnit,
    direction: indicatorDirection,
    values: z.array(writtenValue).default([]).describe("Values by year: the final accounts (Boksl) of earlier years and the utfall of the year."),
    targets: z
      .array(z.strictObject({ year, value: writtenFigure }))
      .default([])
      .describe("Targets (Mål) by year: a value, a range (`5-10`) or a value to come close to (`ca 0 %`)."),
    note: z.string().min(1).optional().describe("A footnote printed under the annex's table, e.g. why a year has no value."),
  })
  .describe(`An indicator of a board's goal, written in its report's annex (${BOARD_REPORT.annex}).`);

export const indicator = z
  .strictObject({
    kind: z.literal("indicator"),
    ...documentBase,
    unit: indicatorUnit,
    direction: indicatorDirection,
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
export type GoalIndicator = z.infer<typeof goalIndicator>;
export type WrittenFigure = z.infer<typeof writtenFigure>;
