import { z } from "zod";
import { documentBase, isoDate, partyRef, person } from "./common.js";
import { reference } from "./reference.js";
import { formFields } from "./form.js";
import { KIND } from "../vocabulary.js";

const dnr = z.string().min(1).describe("Diarienummer, e.g. `KS18.1375`.");

export const attachment = z
  .strictObject({
    title: z.string().min(1).describe("Title of the attached document."),
    dnr: z.string().min(1).optional().describe("Its number in the registry, e.g. `KS18.1375-1`."),
    document: reference().optional().describe("Id of the attached document when it is in the repository; links to its rendered file."),
  })
  .describe("A document the decision is based on (beslutsunderlag).");

export const genderEquality = z
  .strictObject({
    affects: z.boolean().describe("Berör ärendet kvinnor, män, flickor eller pojkar?"),
    visible: z.boolean().describe("Synliggör ärendet kvinnor, män, flickor och pojkar?"),
    differentEffects: z.boolean().describe("Kan ärendet få olika effekter för kvinnor och män, flickor och pojkar?"),
    goals: z.string().min(1).describe("Hur påverkar ärendet kommunens jämställdhetsmål?"),
  })
  .describe(
    "The fixed gender-equality questionnaire (Jämställdhet); free text goes under the body's `Jämställdhet` heading. Required where the memo's form has the section Jämställdhet (the default form has).",
  );

export const memo = z
  .strictObject({
    kind: z.literal("memo"),
    ...documentBase,
    type: z
      .enum(["official", "political"])
      .default("official")
      .describe(
        `\`official\`: a ${KIND.memo.one} of the förvaltning, with its handläggare; \`political\`: a proposal written and signed by politicians (the chair, the vice chair, a member of the arbetsutskott), which has no handläggare and must carry their \`signatures\`.`,
      ),
    issuer: partyRef.optional().describe("Id of the party that issues the memo. Default: the configuration's `organisation`."),
    dnr: z.union([dnr, z.array(dnr).min(1)]).describe("Diarienummer; a list where the memo is in several registers."),
    date: isoDate.optional().describe("Datum of the memo. Leave out only where the source gives none: the header's date is then blank, never made up."),
    unit: z.string().min(1).describe("Issuing unit, e.g. `Stab och Utveckling`."),
    handler: person.optional().describe("Handläggare: name, title and e-mail. Every `official` memo has one; a `political` proposal has none."),
    recipient: z.string().min(1).describe("The board the memo is addressed to, e.g. `Kommunstyrelsen`."),
    decidedBy: z.string().min(1).optional().describe("The body that decides, where it differs from the recipient, e.g. `Kommunstyrelsens arbetsutskott`."),
    about: reference(["plan", "report", "agreement"], { belongsTo: true })
      .optional()
      .describe("Id of the plan, report or agreement the memo is about; Ekonomi takes its figures from a plan or report."),
    form: reference("form")
      .optional()
      .describe(
        "Id of the form (`kind: form`) the memo follows. Default: its issuer's form for memos (`forms:` of its party), else Lerum's order of sections.",
      ),
    fields: formFields,
    proposal: z.array(z.string().min(1)).min(1).describe("Förslag till beslut, one decision per item, worded as the decision itself."),
    proposalLead: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Words printed before the decisions where the source leads into them, e.g. `Socialförvaltningen uppdras att:` before a list whose items go on from it (`Under första halvåret 2017 skicka ut …`).",
      ),
    genderEquality: genderEquality.optional(),
    attachments: z.array(attachment).default([]).describe("Beslutsunderlag."),
    sendTo: z.array(z.string().min(1)).default([]).describe("Beslutet ska skickas till."),
    forInformation: z.array(z.string().min(1)).default([]).describe("För kännedom till."),
    signatures: z
      .array(person)
      .default([])
      .describe(
        "Who signs, each with the role printed under the name: head of unit and handläggare; for a `political` proposal the politicians, e.g. `{ name: Lennart Ottosson, title: Socialnämndens ordförande }`.",
      ),
  })
  .describe(`${KIND.memo.name}: the official memo a board decides on.`);

export type Memo = z.infer<typeof memo>;
