import { z } from "zod";
import { documentBase, partyRef } from "./common.js";
import { KIND } from "../vocabulary.js";

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
