import { z } from "zod";
import { documentBase, partyRef } from "./common.js";
import { KIND, MEMO } from "../vocabulary.js";

/** The kinds of document a form can be the form of. */
export const formKind = z.enum(["plan", "memo"]).describe("The kind of document the form is for: `plan` or `memo`.");

export const formField = z
  .strictObject({
    label: z
      .string()
      .min(1)
      .describe("The field as the header prints it, e.g. `Ansvarig tjänsteman`; a document gives its value under `fields:` by this label."),
    required: z.boolean().default(false).describe("Whether every document of the form must give it (`form/field`)."),
  })
  .describe("A line of the document's header block, e.g. `Ansvarig tjänsteman: Lena Brännmar`.");

/** How Förslag till beslut sets the decisions. */
const proposalStyle = z.enum(["numbered", "paragraphs", "plain"]);

/**
 * How an organisation's memos are printed: the header block on every page and the page numbers, as
 * its own tjänsteskrivelser have them (Lerum's `TJÄNSTESKRIVELSE 1 (3)` with Datum and Dnr, seed 000
 * line 232, the default; Herrljunga's `Tjänsteskrivelse`, date, `DNR SN 16/2017`, `Sid 2 av 2` under
 * `HERRLJUNGA KOMMUN`, the unit and the handläggare, seed 001 lines 1399-1408).
 */
export const memoPrint = z
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
      .describe("The name at the head of every page where it is not the issuer's, e.g. a board's memos headed by its municipality: `HERRLJUNGA KOMMUN`."),
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
    proposals: proposalStyle
      .default("numbered")
      .describe(
        "How Förslag till beslut sets the decisions: `numbered` (1., 2., …, Lerum's), `paragraphs` (each a paragraph of its own: Herrljunga's memos, seed 001 lines 1186-1188, 1273-1275) or `plain` (one decision as a paragraph, several as a bulleted list).",
      ),
    politicalProposals: proposalStyle
      .optional()
      .describe(
        "The same for a political proposal (`type: political`), where it differs: Herrljunga's list several decisions as bullets (seed 001, lines 1359-1360, 1564-1565). Default: `proposals`.",
      ),
    signatures: z
      .enum(["row", "stacked"])
      .default("row")
      .describe(
        "How the signatures stand: `row`, side by side under the organisation's name (Lerum's); `stacked`, one under the other, each with its role, without it (Herrljunga's, seed 001 lines 360-361, 1567-1574). Where they stand is the place of `::signatures` in the form's body.",
      ),
  })
  .describe(`How the ${KIND.memo.many} of the form are printed: the header block and the page numbers (a form for memos only). Default: Lerum's (seed 000).`);

export type MemoPrint = z.infer<typeof memoPrint>;

/**
 * A form (mall): the template of a kind of document, declared once in the repository. Its body's
 * `##` headings are the sections every document of the form has, in order, and the `###` headings
 * under one of them its fixed sub-headings; the text under a heading is guidance for the writer.
 */
export const form = z
  .strictObject({
    kind: z.literal("form"),
    ...documentBase,
    for: formKind,
    organisation: partyRef.optional().describe("Id of the party whose form it is, whose name heads its page. Default: the configuration's `organisation`."),
    fields: z.array(formField).default([]).describe("The header fields of the documents of the form, in the order the header prints them."),
    optional: z
      .array(z.string().min(1))
      .default([])
      .describe("Headings of the body that a document may leave out, e.g. `[Jämställdhet, Barnkonsekvensanalys, Miljö]`; every other heading is required."),
    money: z
      .enum(["required", "optional", "absent"])
      .default("required")
      .describe(
        "Whether a plan of the form has a budget: `required` (its budget meets its agreement's contributions), `optional` (a plan without budget lines is valid and prints no budget table) or `absent` (it has none).",
      ),
    print: memoPrint.optional(),
    severity: z
      .enum(["error", "warning"])
      .default("error")
      .describe("How a required heading that is missing, empty or out of order is reported: `warning` where the form is guidance rather than a requirement."),
  })
  .describe(`${KIND.form.name} (mall): the form of the ${KIND.plan.many} or ${KIND.memo.many} that name it, or of a party's, by default.`);

/** A document's header fields, by the labels its form declares. */
export const formFields = z
  .record(z.string().min(1), z.string().min(1))
  .optional()
  .describe("The header fields its form declares, by their labels as printed, e.g. `{ Ansvarig tjänsteman: Lena Brännmar, Datum: 2012-11-23 }`.");

export type Form = z.infer<typeof form>;
