import { compareStrings } from "../format/text.js";
import { koladaKey } from "../model/repository.js";
import type { KoladaData } from "../schema/kolada.js";
import type { Gender, KoladaRow } from "./response.js";

export interface MergeCounts {
  added: number;
  changed: number;
  unchanged: number;
}

/** Where each Kolada gender goes in a data file. */
export const FIELD = { T: "total", K: "women", M: "men" } as const satisfies Record<Gender, string>;

type YearValues = KoladaData["values"][number];

/** The rows grouped by KPI and municipality, in a stable order (by key). */
export function groupRows(rows: KoladaRow[]): Map<string, KoladaRow[]> {
  const groups = new Map<string, KoladaRow[]>();
  for (const row of rows) {
    const key = koladaKey(row.kpi, row.municipality);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return new Map([...groups].sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * Merges imported rows of one KPI and municipality into what a data file holds. A value counts as
 * added when the file had none for its year and gender, changed when it had another (a number
 * that became `null` included), unchanged otherwise. Years and genders the rows do not mention
 * are kept as they were. Pure: `existing` is not modified.
 */
export function mergeRows(existing: KoladaData | undefined, kpi: string, municipality: string, rows: KoladaRow[]): { data: KoladaData; counts: MergeCounts } {
  const counts: MergeCounts = { added: 0, changed: 0, unchanged: 0 };
  const byYear = new Map<number, YearValues>((existing?.values ?? []).map((v) => [v.year, { ...v }]));
  for (const row of rows) {
    if (row.kpi !== kpi || row.municipality !== municipality)
      throw new Error(`mergeRows: a row of ${row.kpi}-${row.municipality} given for ${kpi}-${municipality}`);
    const entry = byYear.get(row.year) ?? { year: row.year };
    byYear.set(row.year, entry);
    const field = FIELD[row.gender];
    const before = entry[field];
    if (before === undefined) counts.added++;
    else if (before === row.value) counts.unchanged++;
    else counts.changed++;
    entry[field] = row.value;
  }
  const values = [...byYear.values()].sort((a, b) => a.year - b.year).map(ordered);
  const data: KoladaData = { kpi, municipality, ...(existing?.title !== undefined ? { title: existing.title } : {}), values };
  return { data, counts };
}

/** One year's values with the keys in the order the files show them: year, total, women, men. */
function ordered(v: YearValues): YearValues {
  const out: YearValues = { year: v.year };
  for (const field of ["total", "women", "men"] as const) if (v[field] !== undefined) out[field] = v[field];
  return out;
}

export const sumCounts = (all: MergeCounts[]): MergeCounts =>
  all.reduce((s, c) => ({ added: s.added + c.added, changed: s.changed + c.changed, unchanged: s.unchanged + c.unchanged }), {
    added: 0,
    changed: 0,
    unchanged: 0,
  });
