import { z } from "zod";
import { localId, partyRef } from "./common.js";
import { KIND, MEMO } from "../vocabulary.js";

/** Whether a pattern is a regular expression as `memo/dnr` reads it. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export const dnrRule = z
  .strictObject({
    pattern: z
      .string()
      .min(1)
      .refine(compiles, { message: "a regular expression, e.g. ^KS\\d{2}\\.\\d{1,5}$" })
      .describe("Regular expression a diarienummer must match, e.g. `^KS\\d{2}\\.\\d{1,5}(-\\d+)?$`."),
    example: z.string().min(1).describe("A valid number, shown in messages, e.g. `KS18.1375`."),
  })
  .describe("Format of the organisation's diarienummer. There is no national format, so it is configured here.");

export const address = z
  .strictObject({
    street: z.string().min(1).optional().describe("Besöksadress."),
    postal: z.string().min(1).optional().describe("Postadress, e.g. `443 80 Lerum`."),
    phone: z.string().min(1).optional().describe("Telefon (växel)."),
    email: z.string().min(1).optional().describe("E-post."),
    web: z.string().min(1).optional().describe("Webbplats."),
  })
  .describe("Contact details printed in the footer of the organisation's documents.");

export const partyType = z
  .enum(["kommun", "region", "nämnd", "förbund", "annan"])
  .describe("What kind of body the party is: `kommun`, `region`, `nämnd` (a board such as HSN), `förbund` or `annan`.");

/**
 * How the party's memos are printed: the header block on every page and the page numbers, as its
 * own tjänsteskrivelser have them (Lerum's `TJÄNSTESKRIVELSE 1 (3)` with Datum and Dnr, seed 000
 * line 232; Herrljunga's `Tjänsteskrivelse`, date, `DNR SN 16/2017`, `Sid 2 av 2` under
 * `HERRLJUNGA KOMMUN`, the unit and the handläggare, seed 001 lines 1399-1408).
 */
export const memoForm = z
  .strictObject({
    doctype: z
      .string()
      .min(1)
      .optional()
      .describe(`The memo's name as its header prints it, e.g. \`${KIND.memo.name}\`. Default: \`${KIND.memo.name.toLocaleUpperCase("sv")}\`.`),
    pageNumbers: z
      .enum(["n (m)", "Sid n av m"])
      .default("n (m)")
      .describe(
        "How the header numbers the memo's own pages: `n (m)` after its name (`TJÄNSTESKRIVELSE 1 (3)`), or `Sid n av m` on a line of its own under the Dnr (`Sid 2 av 2`).",
      ),
    heading: z
      .string()
      .min(1)
      .optional()
      .describe("The name at the head of every page where it is not the party's, e.g. a board's memos headed by its municipality: `HERRLJUNGA KOMMUN`."),
    from: z
      .array(z.enum(["unit", "handler"]))
      .default([])
      .describe(
        "What the header carries under that name on every page, in order: the memo's `unit` and its `handler`'s name (Herrljunga's). Default: neither; the first page names them.",
      ),
    labels: z
      .strictObject({
        date: z.string().default(MEMO.date).describe('Before the date; `""` for none (Herrljunga\'s prints the date alone).'),
        dnr: z.string().default(MEMO.dnr).describe("Before the diarienummer, e.g. `DNR`."),
      })
      .default({ date: MEMO.date, dnr: MEMO.dnr })
      .describe("The words before the date and the diarienummer in the header."),
    recipient: z
      .boolean()
      .default(true)
      .describe("Whether the first page names the board the memo goes to (Lerum's: `Kommunstyrelsen`; Herrljunga's does not)."),
    proposals: z
      .enum(["numbered", "plain"])
      .default("numbered")
      .describe(
        "How Förslag till beslut lists the decisions: `numbered` (1., 2., …), or `plain`: one decision as a paragraph, several as a bulleted list (Herrljunga's, seed 001 lines 358 and 1564-1565).",
      ),
    signatures: z
      .enum(["end", "after-proposal"])
      .default("end")
      .describe("Where the signatures stand: at the end (Lerum's), or right after Förslag till beslut, before Expedieras till (Herrljunga's)."),
  })
  .describe(`How the party's ${KIND.memo.many} are printed: the header block and the page numbers of its own form.`);

export const party = z
  .strictObject({
    id: localId.describe("Id by which documents refer to the party, e.g. `lerum`, `hsn-vast`."),
    name: z.string().min(1).describe("Name as printed, e.g. `Lerums kommun`."),
    short: z.string().min(1).optional().describe("Short name for table headers, e.g. `HSN`, `Kommun`."),
    type: partyType,
    kommunkod: z
      .string()
      .regex(/^\d{4}$/, 'four digits as a quoted string, e.g. "1441"')
      .optional()
      .describe('Municipality code (four digits, quoted), e.g. `"1441"`; used for Kolada.'),
    orgnr: z
      .string()
      .regex(/^\d{6}-\d{4}$/, "NNNNNN-NNNN, e.g. 212000-1447")
      .optional()
      .describe("Organisationsnummer, e.g. `212000-1447`."),
    address: address.optional(),
    dnr: dnrRule.optional(),
    fictional: z.boolean().optional().describe("`true` for an invented party in examples; documents show that it is fictional."),
    meetings: z
      .strictObject({
        coverPages: z
          .boolean()
          .default(false)
          .describe("Whether the meeting packet puts a cover page (the item's title and diarienummer) before each item's documents, as Lerum's does."),
        details: z
          .boolean()
          .default(false)
          .describe(
            "Whether the kallelse gives each item's Förslag till beslut, Sammanfattning and documents after the list of items, as Lerum's does (Herrljunga's gives the table alone).",
          ),
      })
      .optional()
      .describe("How the party's meetings are printed (`kind: meeting`)."),
    memos: memoForm.optional(),
    members: z
      .array(partyRef)
      .min(1)
      .optional()
      .describe(
        "Makes the party a group of parties that finances as one, e.g. the member municipalities of a kommunalförbund: the ids of its members, each declared as a party of its own. Agreements name the group; its pages list the members under its name.",
      ),
  })
  .describe("A party to agreements: a municipality, a region's board, another financier, or a group of parties that finances as one (`members`).");

export const config = z
  .strictObject({
    organisation: partyRef.describe("Id of the party that keeps this repository; its details head its memos."),
    parties: z.array(party).min(1).describe("Every party the organisation works with, declared once."),
    memo: z
      .strictObject({
        requiredSections: z
          .array(z.string().min(1))
          .optional()
          .describe("Headings a memo's body must have. Default: Sammanfattning, Bakgrund, Ekonomi, Jämställdhet."),
      })
      .optional()
      .describe(`Rules for ${KIND.memo.many}.`),
    rules: z
      .record(z.string(), z.enum(["off", "warning", "error"]))
      .optional()
      .describe(
        "Severity per rule id, as ESLint's rule settings: `off` drops its findings, `warning` and `error` replace its default, e.g. `goal/unfunded: off`.",
      ),
  })
  .describe("`plan.config.yaml`: the organisation and its parties.");

export type Config = z.infer<typeof config>;
/** A rule's setting in `plan.config.yaml`. */
export type RuleSetting = "off" | "warning" | "error";
export type Party = z.infer<typeof party>;
