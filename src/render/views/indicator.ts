import type { Entry } from "../../model/repository.js";
import { measured } from "../helpers.js";
import { agreementOf, docLink, isFictional, municipalityOf, organisationParty, type LinkView, type PageView, type ViewContext } from "./common.js";
import { chartView, indicatorData, indicatorTable, type ChartView } from "./indicator-data.js";
import { DIRECTION, KIND, UNIT } from "../../vocabulary.js";
import { documentPage } from "./page.js";
import type { TableView } from "./table.js";

export interface IndicatorBlock {
  id: string;
  title: string;
  link: LinkView;
  facts: { label: string; value: string }[];
  table: TableView;
  chart: ChartView | undefined;
}

function sourceText(indicator: Entry<"indicator">): string {
  const source = indicator.data.source;
  if (!source) return "";
  if (source.type === "kolada") return `Kolada, nyckeltal ${source.kpi}, kommun ${source.municipality}`;
  if (source.type === "survey") return `${source.name}${source.question ? `: ${source.question}` : ""}`;
  return source.description;
}

/** What a page shows of one indicator: its facts, its values as a table, and the same as a chart. */
export function indicatorBlock(ctx: ViewContext, page: string, indicator: Entry<"indicator">, n: number): IndicatorBlock {
  const data = indicatorData(ctx.repo, indicator);
  const { unit, direction, baseline, targets, bySex } = indicator.data;
  const facts = [
    { label: "Enhet", value: UNIT[unit] },
    { label: "Riktning", value: DIRECTION[direction] },
    { label: "Uppdelat på kön", value: bySex ? "ja" : "nej" },
    { label: "Källa", value: sourceText(indicator) },
    { label: "Utgångsvärde", value: baseline ? `${measured(baseline.value, unit)} (${baseline.year})` : "" },
    { label: "Målvärden", value: targets.map((t) => `${measured(t.value, unit)} (${t.year})`).join(", ") },
  ].filter((f) => f.value);
  return {
    id: `${KIND.indicator.one}-${n}`,
    title: indicator.data.title,
    link: docLink(ctx, page, indicator.id),
    facts,
    table: indicatorTable(indicator, data, `${indicator.data.title}: värden per år`),
    chart: chartView(`diagram-${n}`, indicator, data),
  };
}

export function indicatorView(ctx: ViewContext, indicator: Entry<"indicator">, page: string): PageView {
  const block = indicatorBlock(ctx, page, indicator, 1);
  const plans = ctx.repo.referrers.plansUsingIndicator.get(indicator.id) ?? [];
  const source = indicator.data.source;
  const measuredIn = source?.type === "kolada" ? [...ctx.repo.parties.values()].find((p) => p.kommunkod === source.municipality) : undefined;
  const fictional = Boolean(measuredIn?.fictional);
  // The municipality the values are about: the Kolada municipality's, else that of a plan using it.
  const party = measuredIn ?? plans.map((p) => municipalityOf(ctx.repo, agreementOf(ctx.repo, p))).find(Boolean) ?? organisationParty(ctx.repo);
  // A web page only: no PDF is made of an indicator.
  return documentPage(ctx, indicator, page, {
    organisation: party,
    fictional: fictional || plans.some((p) => isFictional(ctx.repo, p)),
    header: { doctype: KIND.indicator.name, facts: [] },
    content: {},
    parts: {
      defaults: ["values", "plans"],
      place(name, _attributes, at) {
        if (name === "values") return { partial: "indicator-part-values", part: name, ...at, indicator: block };
        if (name === "plans" && plans.length) return { partial: "indicator-plans", part: name, ...at, plans: plans.map((p) => docLink(ctx, page, p.id)) };
        return undefined;
      },
    },
  });
}
