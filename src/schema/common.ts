import { z } from "zod";
import { phrase } from "../format/message.js";

/** Names that every JavaScript object has and that the id pattern lets through (see `RESERVED_KEYS` in source/load.ts). */
const RESERVED_IDS = new Set(["constructor", "prototype"]);

/** Ids of parties, goals, interventions and budget lines: lower case, digits, `-` and `_`. */
export const localId = z
  .string()
  .regex(/^[a-z0-9åäö][a-z0-9åäö_-]*$/, phrase("lower-case letters, digits, '-' or '_', e.g. `plattform-lerum`"))
  // Party ids become keys of maps (`parties: { lerum: … }`); a name every object already has would be misread there.
  .refine((id) => !RESERVED_IDS.has(id), { message: phrase("a name of its own, not `constructor` or `prototype`") })
  .describe("Short id, unique within its list: lower-case letters, digits, `-`, `_`.");

/**
 * Ids of goals: as a local id, or as a board writes them, the number of the kommunfullmäktige goal
 * and its own after a colon (`1:1`, `6:3`).
 */
export const goalId = z
  .string()
  .regex(/^(?:[a-z0-9åäö][a-z0-9åäö_-]*|\d+:\d+)$/, phrase("lower-case letters, digits, '-' or '_', e.g. `trygghet`, or a board's numbering, e.g. `6:1`"))
  .refine((id) => !RESERVED_IDS.has(id), { message: phrase("a name of its own, not `constructor` or `prototype`") })
  .describe("Id of a goal: lower-case letters, digits, `-`, `_` (`trygghet`), or a board's numbering, its kommunfullmäktige goal and its own (`6:1`).");

/** A reference to another document: its path from the repository root without `.md`, or the `id` it sets. */
export const documentRef = z
  .string()
  .min(1)
  .describe("Id of another document: its path from the repository root without `.md` (e.g. `lerum/plan-2019`), or the `id` it sets.");

/**
 * A party's id, declared once here: `partiesIn` (src/schema/reference.ts) finds every field of
 * this schema, and every map keyed by `partyKey`, so the party check needs no list of them.
 */
export const partyRef = localId.meta({ party: true }).describe("Id of a party declared in `plan.config.yaml`.");

/** The keys of a map by party (`parties: { lerum: 110000 }`): any text, so that an unknown one is told as an unknown party, with a did-you-mean. */
export const partyKey = z.string().meta({ party: true });

export const year = z.int().min(1900).max(2200).describe("Year, e.g. `2019`.");

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, phrase("a date written YYYY-MM-DD, e.g. 2018-12-20"))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: phrase("a real calendar date, e.g. 2018-12-20"),
  })
  .describe("Date as `YYYY-MM-DD`, e.g. `2018-12-20`.");

/** Money: whole kronor, never negative, within the safe integer range. */
export const kronor = z
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ kronor: true })
  .describe("Amount in whole kronor, without spaces or unit: `1000000` for 1 000 000 kr.");

export const financingType = z
  .enum(["cash", "in-kind", "referred"])
  .describe(
    "How a party pays: `cash` (money in the joint budget), `in-kind` (schablonkostnad: staff time of the party's own staff), `referred` (money that exists elsewhere in the party's budget, e.g. föreningsbidrag).",
  );

export const status = z
  .enum(["draft", "decided"])
  .describe("`draft` while being written; `decided` once it is final: put before the board, or adopted by it (placeholder text then becomes an error).");

export const decision = z
  .strictObject({
    date: isoDate.describe("Date of the decision."),
    body: z.string().min(1).describe("Who decided, e.g. `Kommunstyrelsens arbetsutskott`."),
    dnr: z.string().min(1).optional().describe("Case number of the decision."),
    paragraph: z.string().min(1).optional().describe("Paragraph in the minutes, e.g. `§ 12`."),
  })
  .describe("The decision that adopted the document.");

export const person = z.strictObject({
  name: z.string().min(1).describe("Full name."),
  title: z.string().min(1).optional().describe("Job title, e.g. `Verksamhetsutvecklare`."),
  email: z.email().optional().describe("E-mail address."),
  phone: z.string().min(1).optional().describe("Telephone number."),
});

/** Common fields of every document's frontmatter. */
export const documentBase = {
  id: documentRef.optional().describe("Overrides the id taken from the file's path."),
  title: z.string().min(1).describe("Title as printed on the document."),
  status: status.default("draft"),
};
