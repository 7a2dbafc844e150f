import { z } from "zod";
import { phrase } from "../format/message.js";

export const KOLADA_FOLDER = "data/kolada";

export const kpiId = z
  .string()
  .regex(/^[NU]\d{5}$/, phrase("a Kolada KPI id: `N` or `U` and five digits, e.g. `N15419`"))
  .describe("Kolada KPI id: `N` (kommun) or `U` (organisational unit) and five digits, e.g. `N15419`.");

export const municipalityId = z
  .string()
  .regex(/^\d{4}$/, phrase('a four-digit municipality id as a quoted string, e.g. "1441"'))
  .describe('Kolada municipality id: the four-digit kommunkod as a quoted string, e.g. `"1441"`.');

const measured = z.number().nullable().optional();

/**
 * `data/kolada/<kpi>-<municipality>.yaml`: the values of one Kolada KPI for one municipality,
 * sorted by year, as `plan kolada import` writes them. One file per KPI and municipality keeps
 * a re-import's diff small and reviewable.
 */
export const koladaData = z
  .strictObject({
    kpi: kpiId,
    municipality: municipalityId,
    title: z.string().min(1).optional().describe("The KPI's title in Kolada, for the reader."),
    values: z
      .array(
        z.strictObject({
          year: z.int().min(1900).max(2200),
          total: measured.describe("Kolada gender `T`."),
          women: measured.describe("Kolada gender `K`."),
          men: measured.describe("Kolada gender `M`."),
        }),
      )
      .default([])
      .describe("Values per year, sorted by year."),
  })
  .describe("Values of one Kolada KPI for one municipality, written by `plan kolada import`.");

export type KoladaData = z.infer<typeof koladaData>;
