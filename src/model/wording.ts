/**
 * The sentences `plan` writes into a board's documents about the money, each as an official
 * writes it in the seeds; `wordings.ts` lists every generated wording for the README.
 */
import { groupDigits, NBSP, NNBSP } from "../format/swedish.js";
import { list } from "../format/text.js";
import type { Agreement } from "../schema/agreement.js";
import { PARTY_SELF, SPLIT_RULE, UNIT } from "../vocabulary.js";
import { financiersOf, own, populationFor, rateFor } from "./money.js";
import type { Repository } from "./repository.js";

/** Each of two to ten financiers' equal share in words: `hälften`, `en tredjedel` (and `vardera` after it). */
const FRACTION: Readonly<Record<number, string>> = {
  2: "hälften",
  3: "en tredjedel",
  4: "en fjärdedel",
  5: "en femtedel",
  6: "en sjättedel",
  7: "en sjundedel",
  8: "en åttondel",
  9: "en niondel",
  10: "en tiondel",
};

/** A sentence and the facts that say the same where an author wrote them: a phrase, the amounts. */
export interface Sentence {
  text: string;
  /** Phrases or figures which, all found in an author's text, mean the author already said it (see `statedIn`); of a list, any one. */
  facts: (string | string[])[];
}

/**
 * Text as compared for facts: lower case, `procent` as `%`, `kronor` as `kr`, dashes as hyphens,
 * a figure's thousands written together (`1 000 000` as `1000000`), other spaces as one.
 */
const normal = (text: string) =>
  text
    .toLocaleLowerCase("sv")
    .replace(new RegExp(`\\s*${UNIT.percent}\\b`, "g"), "%")
    .replace(/\bkronor\b/g, "kr")
    .replace(/[\u2012-\u2015\u2212]/g, "-")
    .replace(/(\d)[\s\u00A0\u202F](?=\d{3}(?!\d))/g, "$1")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .replace(/ ?% ?/g, "%")
    .replace(/ ?kr\b/g, "kr");

/** Whether `text` holds `fact`, a figure as a whole figure: `1000000` is not in `11000000`. */
const holds = (text: string, fact: string) =>
  new RegExp(`${/^\d/.test(fact) ? "(?<![\\d,])" : ""}${fact.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${/\d$/.test(fact) ? "(?![\\d,])" : ""}`).test(text);

/** Whether an author's text already says what the sentence says: every one of its facts is in it. */
export function statedIn(text: string, sentence: Sentence): boolean {
  const t = normal(text);
  return sentence.facts.length > 0 && sentence.facts.every((f) => [f].flat().some((one) => holds(t, normal(one))));
}

/** An equal split in other words than `hälften vardera`. */
const EQUAL = ["hälften var", "lika delar", "lika stora delar", "delas lika", "lika mycket"];

/** A contribution is yearly: an author's amount without it (a plan's budget) is not the agreement's. */
const YEARLY = ["per år", "och år"];

/** `1 000 000 kronor` with narrow no-break spaces, as a sentence prints an amount. */
const kronorText = (n: number) => `${groupDigits(n, NNBSP)}${NBSP}kronor`;

/** A sentence begins with a capital, also where it begins with `kommunen`. */
const capital = (text: string) => `${text.charAt(0).toLocaleUpperCase("sv")}${text.slice(1)}`;

/** `a, b och c`. */
const and = (items: readonly string[]) => list(items);

/**
 * How running text names a party: the document's own organisation, between two financiers, by what
 * it is (`kommunen`); a party whose short name is an abbreviation by it (`HSN`); any other by its name.
 */
export function partyInText(repo: Repository, party: string, self?: string, financiers = 2): string {
  const p = repo.parties.get(party);
  if (!p) return party;
  if (party === self && financiers === 2 && p.type !== "annan" && !p.members) return PARTY_SELF[p.type];
  if (p.short && /^[A-ZÅÄÖ]{2,}$/u.test(p.short)) return p.short;
  return p.name;
}

/** The agreement's split as an official states it: `Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen.` */
export function splitSentence(repo: Repository, agreement: Agreement, self?: string): Sentence {
  const financiers = financiersOf(agreement);
  const name = (p: string) => partyInText(repo, p, self, financiers.length);
  const names = financiers.map(name);
  const split = agreement.split;
  if (financiers.length === 1) return { text: `${names[0]} svarar ensam för finansieringen.`, facts: [`${names[0]} svarar ensam`] };
  const principle = (phrase: string, facts: Sentence["facts"]) => ({ text: `Fördelningsprincipen för finansieringen är ${phrase}.`, facts });
  if (split.rule === "none") return { text: `Avtalet anger ingen fördelningsprincip; ${SPLIT_RULE.eachOwn}.`, facts: ["ingen fördelningsprincip"] };
  if (split.rule === "equal") {
    const fraction = FRACTION[financiers.length];
    const phrase = fraction ? `${fraction} vardera` : "lika stora delar";
    // Other ways officials say an equal split count as saying it too.
    return principle(`${phrase} för ${and(names)}`, [[phrase, ...EQUAL]]);
  }
  if (split.rule === "shares") {
    const all = financiers.reduce((a, p) => a + (own(split.shares, p) ?? 0), 0);
    const percents = financiers.map((p) => `${all ? Math.round(((own(split.shares, p) ?? 0) / all) * 100) : 0}${NBSP}%`);
    return principle(and(financiers.map((p, i) => `${percents[i]} för ${name(p)}`)), percents);
  }
  // Per inhabitant: each rate with the financiers that pay it, in the agreement's order.
  const rates = new Map<number, string[]>();
  for (const p of financiers) rates.set(rateFor(split, p), [...(rates.get(rateFor(split, p)) ?? []), p]);
  const phrase = [...rates]
    .map(([rate, who]) => `${rate}${NBSP}kr ${SPLIT_RULE.perInhabitant}${who.length > 1 ? ` vardera för ${and(who.map(name))}` : ` för ${name(who[0]!)}`}`)
    .join(" samt ");
  // One number of inhabitants for every financier and year is stated; several are in the table beside the sentence.
  const figures = financiers.flatMap((p) => agreementYears(agreement).map((y) => populationFor(split, p, y)));
  const first = figures[0];
  const one = first && figures.every((f) => f?.inhabitants === first.inhabitants && f.date === first.date) ? first : undefined;
  const basis = one ? `räknat på ${groupDigits(one.inhabitants, NNBSP)} invånare${one.date ? ` den ${one.date}` : ""}` : SPLIT_RULE.perParty;
  return principle(
    `${phrase}, ${basis}`,
    [...rates.keys()].map((r) => `${r} kr per invånare`),
  );
}

const agreementYears = (agreement: Agreement) =>
  Array.from({ length: Math.max(0, agreement.period.to - agreement.period.from + 1) }, (_, i) => agreement.period.from + i);

/** Each financier's yearly contribution over the period: `HSN och kommunen ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år.` */
export function contributionSentence(repo: Repository, agreement: Agreement, self?: string): Sentence {
  const financiers = financiersOf(agreement);
  const name = (p: string) => partyInText(repo, p, self, financiers.length);
  const period = `${agreement.period.from}–${agreement.period.to}`;
  const years = agreementYears(agreement);
  const differing = (c: Agreement["contributions"][number]) =>
    years
      .filter((y) => c.years && own(c.years, String(y)) !== undefined && own(c.years, String(y)) !== c.amount)
      .map((y) => ({ year: y, amount: own(c.years!, String(y))! }));
  const amounts = [...new Set(agreement.contributions.flatMap((c) => [c.amount, ...differing(c).map((d) => d.amount)]))].map((a) => groupDigits(a, " "));
  const same = agreement.contributions.every((c) => c.amount === agreement.contributions[0]!.amount && differing(c).length === 0);
  if (same && financiers.length > 1) {
    return {
      text: `${capital(and(financiers.map(name)))} ersätter för perioden ${period}, vardera ${kronorText(agreement.contributions[0]!.amount)} per år.`,
      facts: [...amounts, YEARLY],
    };
  }
  const each = agreement.contributions.map((c) => {
    const other = differing(c).map((d) => `${d.year}: ${kronorText(d.amount)}`);
    return `${name(c.party)} ${kronorText(c.amount)} per år${other.length ? ` (${other.join(", ")})` : ""}`;
  });
  return { text: `För perioden ${period} ersätter ${and(each)}.`, facts: [...amounts, YEARLY] };
}
