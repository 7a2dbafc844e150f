import { toString } from "mdast-util-to-string";
import { own, populationFor, rateFor, rounded, ruleFigures } from "../../model/money.js";
import { contributionSentence, splitSentence, statedIn } from "../../model/wording.js";
import type { Entry } from "../../model/repository.js";
import { amount, list } from "../helpers.js";
import { FINANCING, KIND } from "../../vocabulary.js";
import { docLink, isFictional, municipalityOf, partyName, statusView, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";
import { partyHeader } from "./budget.js";
import { relatedTo } from "./plan.js";
import { num, td, th, type TableView } from "./table.js";

export function agreementView(ctx: ViewContext, agreement: Entry<"agreement">, page: string): PageView {
  const { repo } = ctx;
  const data = agreement.data;
  const years = Array.from({ length: Math.max(0, data.period.to - data.period.from + 1) }, (_, i) => data.period.from + i);
  const contributions: TableView = {
    caption: `Bidrag per part och år (kronor)`,
    className: "summary",
    head: [{ cells: [th("Part", "col"), ...years.map((y) => th(String(y), "col", { num: true })), th("Finansieringsformer", "col")] }],
    bodies: [
      data.contributions.map((c) => ({
        cells: [
          partyHeader(repo, c.party),
          ...years.map((y) => num(amount((c.years && own(c.years, String(y))) ?? c.amount))),
          td(c.financing.map((f) => FINANCING[f].label.toLocaleLowerCase("sv")).join(", ")),
        ],
      })),
    ],
  };
  const figures = ruleFiguresTable(ctx, agreement, years);
  const plans = [...(ctx.repo.referrers.plansOfAgreement.get(agreement.id) ?? [])]
    .sort((a, b) => a.data.year - b.data.year)
    .map((p) => ({ year: p.data.year, link: docLink(ctx, page, p.id), status: statusView(p.data).text, related: relatedTo(ctx, page, p.id) }));
  return documentPage(ctx, agreement, page, {
    organisation: municipalityOf(repo, agreement),
    fictional: isFictional(repo, agreement),
    print: { header: "document" },
    header: {
      doctype: KIND.agreement.name,
      facts: [
        { label: "Parter", text: list(data.parties.map((p) => partyName(repo, p))) },
        { label: "Avtalsperiod", text: `${data.period.from}–${data.period.to}` },
        { label: "Undertecknat", text: data.signed },
      ],
    },
    content: {},
    parts: {
      defaults: ["financing", "plans"],
      place(name, _attributes, at) {
        if (name === "financing")
          return { partial: "agreement-financing", part: name, ...at, financing: financingSentences(ctx, agreement), contributions, figures };
        if (name === "plans" && plans.length) return { partial: "agreement-plans", part: name, ...at, plans };
        return undefined;
      },
    },
  });
}

/**
 * The split and each financier's contribution in sentences, as an official writes them; a sentence
 * whose figures the agreement's own text already gives is left out, so that the split is stated once.
 */
function financingSentences(ctx: ViewContext, agreement: Entry<"agreement">): string[] {
  const self = municipalityOf(ctx.repo, agreement)?.id;
  return [splitSentence(ctx.repo, agreement.data, self), contributionSentence(ctx.repo, agreement.data, self)]
    .filter((s) => !statedIn(agreement.source.body ? toString(agreement.source.body) : "", s))
    .map((s) => s.text);
}

/**
 * A per-inhabitant split's figures, financier by financier and year: its inhabitants, the date of
 * the figure, its rate and the amount they give. Shown where the figures are the financiers' own
 * (`populations`, `rates`); the older form, one population for all, says it in a sentence.
 */
function ruleFiguresTable(ctx: ViewContext, agreement: Entry<"agreement">, years: number[]): TableView | undefined {
  const split = agreement.data.split;
  if (split.rule !== "per-inhabitant" || (!split.populations && !split.rates)) return undefined;
  const rows = agreement.data.contributions.flatMap((c) =>
    years.map((year) => {
      const population = populationFor(split, c.party, year);
      const figure = ruleFigures(agreement.data, year)?.figures.find((f) => f.party === c.party);
      return {
        cells: [
          th(partyName(ctx.repo, c.party)),
          td(String(year)),
          num(amount(population?.inhabitants)),
          td(population?.date ?? ""),
          num(amount(rateFor(split, c.party))),
          num(figure ? amount(rounded(figure.expected)) : ""),
        ],
      };
    }),
  );
  return {
    caption: "Fördelning per invånare: bidrag per part och år (kronor)",
    className: "summary",
    head: [
      {
        cells: [
          th("Part", "col"),
          th("År", "col"),
          th("Invånare", "col", { num: true }),
          th("Folkmängd den", "col"),
          th("Kronor per invånare", "col", { num: true }),
          th("Belopp enligt fördelningen", "col", { num: true }),
        ],
      },
    ],
    bodies: [rows],
  };
}
