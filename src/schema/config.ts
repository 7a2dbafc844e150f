import { z } from "zod";
import { phrase } from "../format/message.js";
import { documentRef, localId, partyRef } from "./common.js";
import { formKind } from "./form.js";
import { KIND } from "../vocabulary.js";

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
      .refine(compiles, { message: phrase("a regular expression, e.g. ^KS\\d{2}\\.\\d{1,5}$") })
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

export const party = z
  .strictObject({
    id: localId.describe("Id by which documents refer to the party, e.g. `lerum`, `hsn-vast`."),
    name: z.string().min(1).describe("Name as printed, e.g. `Lerums kommun`."),
    short: z.string().min(1).optional().describe("Short name for table headers, e.g. `HSN`, `Kommun`."),
    type: partyType,
    kommunkod: z
      .string()
      .regex(/^\d{4}$/, phrase('four digits as a quoted string, e.g. "1441"'))
      .optional()
      .describe('Municipality code (four digits, quoted), e.g. `"1441"`; used for Kolada.'),
    orgnr: z
      .string()
      .regex(/^\d{6}-\d{4}$/, phrase("NNNNNN-NNNN, e.g. 212000-1447"))
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
    forms: z
      .partialRecord(formKind, documentRef)
      .optional()
      .describe(
        "The party's default form (`kind: form`) per kind of document, e.g. `{ memo: herrljunga/formular/tjansteskrivelse }`: the form of its memos (as issuer) and its plans (as organisation) that name none.",
      ),
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
