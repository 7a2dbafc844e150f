import { z } from "zod";
import { kpiId, municipalityId } from "../schema/kolada.js";

/*
 * The shape of a Kolada `data` response, as saved to disk from the API.
 *
 * Sources (read 2026; no field below is a guess unless its comment says so):
 *
 * - v2, https://github.com/Hypergene/kolada README.rst ("Routes", "Query data"): every response is
 *   `{ "values": [obj…], "count": <int> (length of values), "previous_page": "<string>" (optional,
 *   full URL), "next_page": "<string>" (optional, full URL) }`, at most 5000 items a page; a data
 *   `obj` is `{ "kpi": "<string>", "municipality": "<string>", "period": "<string>", "values":
 *   [{ "count": <int>, "gender": "T|K|F", "status": "<string>", "value": <float> or null }] }`,
 *   at most three entries, one per gender. The README's "F" is a slip: the API and every client
 *   use `M` for men (e.g. isakskogstad/Kolada-MCP src/config/types.ts: `gender?: 'M' | 'K' | 'T'`;
 *   aerugo/kolada-mcp tests/fixtures/sample_data.py), and DOMAIN.md says T/K/M.
 * - v3, https://api.kolada.se/v3 (docs at /v3/docs; v3 replaced v2 on 2025-04-04, v2 now answers
 *   410 Gone): same data objects and paths, but paging is `next_url` / `previous_url` (full URLs,
 *   `null` on the first/last page) beside `values` and `count` (count = items on the page), with
 *   `page` and `per_page` (default 5000) query parameters. Sources: xemarap/koladapy
 *   koladapy/api.py (`_paginate_request` follows `response.get('next_url')`) and
 *   tests/test_pagination.py (`"next_url": ..., "previous_url": ..., "count": ...`); a
 *   fact-finding report of live calls quoting the OpenAPI spec ("Pagination: `values`,
 *   `next_url`, `previous_url`, `count`"). In v3 each gender entry also carries `isdeleted`
 *   (boolean): xemarap/koladapy DEVDOCS.md `flatten_data` reads `value_item.get('isdeleted')`,
 *   and nordicintel's Kolada client tests record `{"gender": "T", "value": 1.0, "status": "",
 *   "count": 1, "isdeleted": False}`. The same sources show `period` as a number in v3
 *   (`"period": 2023`), where the v2 README writes a string.
 *
 * Not found in any source: the spelling `is_deleted`. It is accepted as well, because a row a
 * Kolada export marks deleted must never be imported; the v2 README documents no deleted flag,
 * but one in an older export is honoured the same way. Fields not listed here (e.g. `status`
 * texts, future additions) are read past, not rejected: only the fields `plan` uses, and the
 * structure around them, are checked.
 */

export type Gender = "T" | "K" | "M";

/** One value of a data response: a KPI for a municipality, a year and a gender. */
export interface KoladaRow {
  kpi: string;
  municipality: string;
  year: number;
  gender: Gender;
  value: number | null;
}

/** A received value for a message, cut short. */
function shown(input: unknown): string {
  const text = input === undefined ? "nothing" : JSON.stringify(input);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const objectOf = (what: string) => ({ error: (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}` });

const gender = z.enum(["T", "K", "M"], {
  error: (issue) => `expected a gender "T" (total), "K" (women) or "M" (men), got ${shown(issue.input)}`,
});

const notAYear = {
  error: (issue: { input?: unknown }) => `expected a year as a number or a four-digit string (e.g. 2019 or "2019"), got ${shown(issue.input)}`,
};
const period = z.union([z.int(notAYear).min(1900, notAYear).max(2200, notAYear), z.string(notAYear).regex(/^\d{4}$/, notAYear)], notAYear);

const value = z.number({ error: (issue) => `expected a number or null, got ${shown(issue.input)}` }).nullable();

const deletedFlag = z.boolean({ error: (issue) => `expected true or false, got ${shown(issue.input)}` }).optional();

const genderValue = z.object(
  {
    gender,
    value,
    count: z.number().int().nonnegative().optional(),
    status: z.string().nullable().optional(),
    /** v3; see above. */
    isdeleted: deletedFlag,
    /** Spelling not documented anywhere; accepted so that no deleted row slips in. */
    is_deleted: deletedFlag,
  },
  objectOf("a value of one gender, { gender, value, … }"),
);

const dataRow = z.object(
  {
    kpi: z
      .string({ error: (issue) => `expected a KPI id, got ${shown(issue.input)}` })
      .refine((id) => kpiId.safeParse(id).success, { error: (issue) => `expected a KPI id such as "N15419", got ${shown(issue.input)}` }),
    municipality: z
      .string({ error: (issue) => `expected a municipality id as a string (organisational-unit data, \`ou\`, is not supported), got ${shown(issue.input)}` })
      .refine((id) => municipalityId.safeParse(id).success, {
        error: (issue) => `expected a four-digit municipality id such as "1441", got ${shown(issue.input)}`,
      }),
    period,
    values: z.array(genderValue, { error: (issue) => `expected a list of values per gender, got ${shown(issue.input)}` }),
  },
  objectOf("a row { kpi, municipality, period, values }"),
);

const link = z
  .url({ error: (issue) => `expected a URL or null, got ${shown(issue.input)}` })
  .nullable()
  .optional();
const values = z.array(dataRow, {
  error: (issue) => `expected \`values\`, the list of a Kolada data response, got ${shown(issue.input)}`,
});
const count = z.number().int().nonnegative().optional();

/** v2 (`api.kolada.se/v2/data/…`), as in the Hypergene/kolada README. */
export const koladaV2Response = z.object({ count, values, next_page: link, previous_page: link });

/** v3 (`api.kolada.se/v3/data/…`): paging by `next_url` / `previous_url`. */
export const koladaV3Response = z.object({ count, values, next_url: link, previous_url: link });

export type KoladaVersion = "v2" | "v3";

export interface ParsedResponse {
  /** `undefined` when the page has no paging field to tell (the data shapes are the same). */
  version: KoladaVersion | undefined;
  rows: KoladaRow[];
  /** Values Kolada marks deleted, left out of `rows`. */
  deleted: number;
  /** The next page, if any. */
  next: string | undefined;
}

export interface ResponseIssue {
  /** JSON path, e.g. `$.values[0].values[1].gender`. */
  path: string;
  message: string;
}

export class KoladaResponseError extends Error {
  constructor(readonly issues: ResponseIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  }
}

/** `$.values[0].gender` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, key) => {
    if (typeof key === "number") return `${s}[${key}]`;
    const k = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(k) ? `${s}.${k}` : `${s}[${JSON.stringify(k)}]`;
  }, "$");
}

const has = (data: object, key: string) => Object.prototype.hasOwnProperty.call(data, key);

/** Which API version wrote a response, by its paging fields. */
export function detectVersion(data: unknown): KoladaVersion | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  if (has(data, "next_url") || has(data, "previous_url")) return "v3";
  if (has(data, "next_page") || has(data, "previous_page")) return "v2";
  return undefined;
}

/** Validates a parsed JSON response and flattens it into one row per value, dropping deleted ones. */
export function parseResponse(data: unknown): ParsedResponse {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new KoladaResponseError([
      { path: "$", message: `expected an object with \`values\` (a Kolada data response), got ${Array.isArray(data) ? "a list" : shown(data)}` },
    ]);
  }
  const version = detectVersion(data);
  const result = (version === "v2" ? koladaV2Response : koladaV3Response).safeParse(data);
  if (!result.success) {
    throw new KoladaResponseError(result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })));
  }
  const parsed = result.data;
  const rows: KoladaRow[] = [];
  let deleted = 0;
  const seen = new Map<string, number>();
  const duplicates: ResponseIssue[] = [];
  parsed.values.forEach((row, i) => {
    const year = typeof row.period === "number" ? row.period : Number(row.period);
    row.values.forEach((v, j) => {
      if (v.isdeleted || v.is_deleted) return void deleted++;
      const key = `${row.kpi}|${row.municipality}|${year}|${v.gender}`;
      const first = seen.get(key);
      if (first !== undefined) {
        duplicates.push({
          path: `$.values[${i}].values[${j}]`,
          message: `a second value for ${row.kpi}, ${row.municipality}, ${year}, gender ${v.gender} (the first is at $.values[${first}])`,
        });
        return;
      }
      seen.set(key, i);
      rows.push({ kpi: row.kpi, municipality: row.municipality, year, gender: v.gender, value: v.value });
    });
  });
  if (duplicates.length) throw new KoladaResponseError(duplicates);
  const next = "next_url" in parsed ? parsed.next_url : "next_page" in parsed ? parsed.next_page : undefined;
  return { version, rows, deleted, next: next ?? undefined };
}

/** Parses the text of a saved response: JSON first, then the shape. */
export function parseResponseText(text: string): ParsedResponse {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new KoladaResponseError([{ path: "$", message: `not JSON: ${(error as Error).message}` }]);
  }
  return parseResponse(data);
}
