import { z } from "zod";
import { phrase } from "../format/message.js";
import { documentBase, isoDate, partyRef, person } from "./common.js";
import { reference } from "./reference.js";
import { DELIVERY, KIND, MEETING, PASSED_ON } from "../vocabulary.js";

/** A time of day as the kallelse gives it: `13:00` (printed `13.00` in the föredragningslista). */
export const clock = z
  .string()
  .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, phrase("a time of day written HH:MM, e.g. 13:05"))
  .describe("Time of day, `HH:MM`, e.g. `13:05`.");

const delivery = z
  .enum(["attached", "shown"])
  .describe(
    `How the members get the document: \`attached\` (${DELIVERY.attached.mark}: sent with the kallelse, and part of the meeting packet) or \`shown\` (${DELIVERY.shown.mark}: presented at the meeting).`,
  );

export const decides = z
  .enum(["board", "KS", "KF", "info"])
  .describe(
    `Beslutsorgan: where the final decision on the item is made. \`board\`: the meeting's own board (printed as its party's \`short\`, e.g. SN); \`KS\`: ${PASSED_ON.bodies.KS}; \`KF\`: ${PASSED_ON.bodies.KF}; \`info\`: information, no decision.`,
  );

export const itemDocument = z
  .strictObject({
    document: reference(["memo", "plan", "report", "budget", "agreement", "indicator", "internal-control"])
      .optional()
      .describe("Id of the document when it is in the repository (a memo, plan, report, …): its PDF goes into the meeting packet."),
    title: z.string().min(1).optional().describe("Title of a document not in the repository; for one in it, the title to print instead of its own."),
    dnr: z.string().min(1).optional().describe("Its number in the registry where it has one of its own, e.g. `KS18.1375-1`."),
    delivery: delivery.default("attached"),
  })
  .describe("A document of an item: one in the repository (`document`), or one named by its `title`.");

const presenter = z.string().min(1).describe("Föredragande (or a comment), e.g. `Controller`.");

export const openingItem = z
  .strictObject({
    time: clock.optional(),
    title: z.string().min(1).describe("E.g. `Sammanträdets öppnande`, `Upprop`, `Val av justerare och tid för justering`."),
    presenter: presenter.optional(),
  })
  .describe("An unnumbered item before the numbered ones.");

export const meetingItem = z
  .strictObject({
    number: z.int().min(1).describe("The item's number on the agenda (NR), 1, 2, 3, … in order."),
    time: clock.optional().describe("When the item is taken up (KL), `HH:MM`; times rise through the agenda."),
    decides: decides.optional(),
    title: z.string().min(1).describe("Ärende: the item's title."),
    dnr: z.string().min(1).optional().describe("The case's diarienummer; two items may share one. It must be the diarienummer of the item's memo."),
    documents: z.array(itemDocument).default([]).describe("The item's documents (handlingar), in the order of the packet: the memo first."),
    presenter: presenter.optional(),
    proposal: z
      .array(z.string().min(1))
      .optional()
      .describe("Förslag till beslut as the kallelse prints it; leave out where the item's memo gives it (its `proposal`)."),
    summary: z
      .string()
      .min(1)
      .optional()
      .describe("Sammanfattning as the kallelse prints it; leave out where the item's memo gives it (its `## Sammanfattning`)."),
  })
  .describe("A numbered item of the föredragningslista.");

export const listEntry = z
  .strictObject({
    title: z.string().min(1).describe("E.g. `FSG protokoll`."),
    dnr: z.string().min(1).optional().describe("Its diarienummer, where it has one."),
    delivery: delivery.optional().describe("Attached (`attached`, X) or shown at the meeting (`shown`, VS); none where nothing is sent."),
  })
  .describe("One entry of the list of meddelanden or delegeringsbeslut, numbered in order.");

export const meetingList = z
  .strictObject({
    time: clock.optional(),
    decides: decides.optional(),
    presenter: presenter.optional(),
    entries: z.array(listEntry).min(1).describe("The entries, in the order of the list."),
  })
  .describe("The list of meddelanden or of delegeringsbeslut, and its row in the föredragningslista.");

export const meeting = z
  .strictObject({
    kind: z.literal("meeting"),
    ...documentBase,
    organisation: partyRef.describe(
      "Id of the board's party in `plan.config.yaml` (whose letterhead, footer, diarienummer and cover pages the kallelse uses), e.g. `herrljunga-sn`.",
    ),
    board: z.string().min(1).describe("Instans: the body that meets, as the kallelse names it, e.g. `Socialnämnden`, `Kommunstyrelsens arbetsutskott`."),
    date: isoDate.describe("Date of the meeting."),
    time: clock.describe("When the meeting begins."),
    end: clock.optional().describe("When it is planned to end, where the kallelse says so (`kl. 09:00-16:00`)."),
    sent: isoDate.optional().describe("Datum of the kallelse, where it carries one."),
    place: z.string().min(1).describe("Plats, e.g. `Nossan (A), Kommunhuset`."),
    chair: person.optional().describe("Ordförande, where the kallelse names the chair."),
    secretary: person.optional().describe("Sekreterare."),
    notes: z.array(z.string().min(1)).default([]).describe("The kallelse's paragraphs before the agenda, as printed."),
    opening: z.array(openingItem).default([]).describe("The unnumbered items first (Sammanträdets öppnande, Upprop, Val av justerare)."),
    items: z.array(meetingItem).min(1).describe("The numbered items, in the order of the agenda."),
    messages: meetingList.optional().describe(`The ${MEETING.messageList} (meddelanden to the board) and its row in the agenda.`),
    delegations: meetingList.optional().describe("Delegeringsbeslut reported to the board, and their row in the agenda."),
  })
  .describe(
    `${KIND.meeting.name}: the kallelse to a board's meeting with its föredragningslista; \`plan build\` prints it and the meeting packet (the kallelse and every item's attached documents in one PDF).`,
  );

export type Meeting = z.infer<typeof meeting>;
export type MeetingItem = z.infer<typeof meetingItem>;
