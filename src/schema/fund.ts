import { z } from "zod";
import { decision, documentBase, isoDate, kronor, localId, partyRef, year } from "./common.js";
import { APPLICATION_PHASE, FUND, GRANT_OUTCOME, KIND } from "../vocabulary.js";

/*
 * A social investment fund, as Ale kommun's (seed 002): capital set aside once (or more often) by
 * a decision, applications from the municipality's sectors decided one by one, grants per year,
 * repayments into the fund. The applications are inside the fund's document: the seed presents
 * them as the fund's list ("Beviljade investeringsaktiviteter", line 18), and the ledger, the
 * balance per year and its rule are the fund's, computed over all of them at once.
 */

/** A year as the key of a map of amounts (`{ 2013: 1200000 }`), within the range of `year`. */
const yearKey = z
  .string()
  .regex(/^\d{4}$/, "a year such as 2013")
  .refine((y) => Number(y) >= 1900 && Number(y) <= 2200, { message: "a year from 1900 to 2200, e.g. 2013" });

export const capital = z
  .strictObject({
    year: year.describe("The year the money is set aside in the fund."),
    amount: kronor.describe("The amount set aside, in whole kronor (`10000000` for 10 miljoner kronor)."),
    decision: decision.optional().describe("The decision that set the money aside."),
    note: z.string().min(1).optional().describe("A remark printed with the amount."),
  })
  .describe(`Capital set aside in the fund (${FUND.setAside}).`);

export const actor = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe("The actor as the application names it, e.g. `Sektor utbildning, kultur och fritid` or `Folkhälsokommittén, Västra Götalandsregionen`."),
    municipal: z
      .boolean()
      .default(false)
      .describe(
        "`true` for a municipal actor: a sector, förvaltning or unit of the fund's municipality. Every application needs at least two (rule `fund/actors`).",
      ),
  })
  .describe("An actor that works together in the application.");

export const grantOutcome = z
  .enum(["granted", "refused"])
  .describe(`\`granted\` (${GRANT_OUTCOME.granted.toLocaleLowerCase("sv")}) or \`refused\` (${GRANT_OUTCOME.refused.toLocaleLowerCase("sv")}).`);

export const grantDecision = z
  .strictObject({
    outcome: grantOutcome,
    date: isoDate.describe("Date of the decision."),
    body: z.string().min(1).describe("Who decided, e.g. `Kommunstyrelsen`."),
    dnr: z.string().min(1).optional().describe("Case number of the decision."),
    paragraph: z.string().min(1).optional().describe("Paragraph in the minutes, e.g. `§ 45`."),
    years: z
      .record(yearKey, kronor)
      .optional()
      .describe("For a granted application: the amount granted for each year, in whole kronor, e.g. `{ 2013: 1200000, 2014: 1200000 }`."),
  })
  .describe("The decision on the application: granted or refused, when, by whom, and the amount per year.");

export const repayment = z
  .strictObject({
    year: year.describe("The year the money is paid back into the fund."),
    amount: kronor.describe("The amount paid back, in whole kronor."),
    note: z.string().min(1).optional().describe("A remark printed with the amount, e.g. what the saving that pays it back is."),
  })
  .describe(`Money an application pays back into the fund (${FUND.repaid}).`);

export const applicationPhase = z
  .enum(["startup", "ongoing", "finished"])
  .describe(
    `Where a granted application stands: \`startup\` (${APPLICATION_PHASE.startup}), \`ongoing\` (${APPLICATION_PHASE.ongoing}) or \`finished\` (${APPLICATION_PHASE.finished}).`,
  );

export const application = z
  .strictObject({
    id: localId,
    title: z.string().min(1).describe("Name of the investment activity, e.g. `Fotosyntes`."),
    applicant: z.string().min(1).describe("The sector of the municipality that applies: an application always comes from one (seed 002, line 22)."),
    actors: z.array(actor).default([]).describe("The actors that work together in it, municipal and others."),
    purpose: z.string().min(1).optional().describe(`What it is for (${FUND.purpose}).`),
    evaluation: z
      .string()
      .min(1)
      .optional()
      .describe(
        `The plan for evaluating its effect (${FUND.evaluation}): who evaluates, how, and against what. Required unless the application is refused (rule \`fund/evaluation\`).`,
      ),
    decision: grantDecision.optional().describe("The decision on the application; leave out while it is being prepared (under beredning)."),
    phase: applicationPhase.optional(),
    repayments: z.array(repayment).default([]).describe("Money paid back into the fund, by year."),
  })
  .describe("An application to the fund (an investment activity).");

export const fund = z
  .strictObject({
    kind: z.literal("fund"),
    ...documentBase,
    organisation: partyRef.describe("Id of the municipality whose fund it is, declared in `plan.config.yaml`."),
    decision: decision.optional(),
    capital: z.array(capital).min(1).describe("The money set aside in the fund, by year."),
    to: year.optional().describe("The last year the ledger shows; default: the last year with money set aside, granted or paid back."),
    applications: z.array(application).default([]).describe("The applications to the fund, in the order the fund's list prints them."),
  })
  .describe(`${KIND.fund.name}: capital set aside over several years, the applications it is granted to, and what they pay back.`);

export type Fund = z.infer<typeof fund>;
export type Application = z.infer<typeof application>;
