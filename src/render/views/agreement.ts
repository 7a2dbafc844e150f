import { own, splitText } from "../../model/money.js";
import type { Entry } from "../../model/repository.js";
import { amount, list } from "../helpers.js";
import { FINANCING, KIND } from "../../vocabulary.js";
import { docLink, isFictional, municipalityOf, partyName, statusView, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";
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
          th(partyName(repo, c.party)),
          ...years.map((y) => num(amount((c.years && own(c.years, String(y))) ?? c.amount))),
          td(c.financing.map((f) => FINANCING[f].label.toLocaleLowerCase("sv")).join(", ")),
        ],
      })),
    ],
  };
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
    content: { split: splitText(repo, agreement), contributions, plans },
  });
}
