import type { Entry } from "../../model/repository.js";
import { bodyParser } from "../../source/load.js";
import { INTERNAL_CONTROL, KIND, LABEL } from "../../vocabulary.js";
import { isFictional, partyName, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";

/** A risk as the table prints it: the process as the row's header, the score as the seed writes it (`6 (2 × 3)`), markdown cells as HTML. */
export interface RiskView {
  process: string;
  controlsHtml: string;
  score: string;
  scoreValue: number;
  /** The score's terms read aloud: `risk 2 gånger väsentlighet 3`. */
  scoreText: string;
  responsible: string;
  resultHtml: string;
}

/**
 * A board's internal-control plan and its follow-up (seed 001, "Uppföljning av Intern kontroll
 * 2016"): the table of risks with the seed's five columns, and the scale below it.
 */
export function internalControlView(ctx: ViewContext, entry: Entry<"internal-control">, page: string): PageView {
  const { repo } = ctx;
  const data = entry.data;
  const context = { root: repo.root, ignored: repo.ignored, active: repo.active, docRelPath: entry.source.relPath, pageRelPath: page, pages: ctx.pages };
  const assets: PageView["assets"] = [];
  const markdown = (text: string | undefined, prefix: string) => {
    if (!text) return "";
    const tree = bodyParser.parse(text);
    const out = ctx.markdown.render(tree.children, context, { idPrefix: prefix, baseDepth: 3 });
    assets.push(...out.assets);
    return out.html;
  };
  const risks: RiskView[] = data.risks.map((r, i) => ({
    process: r.process,
    controlsHtml: markdown(r.controls, `risk-${i + 1}-kontroll-`),
    scoreValue: r.score,
    score: `${r.score} (${r.probability}\u00a0×\u00a0${r.consequence})`,
    scoreText: `${INTERNAL_CONTROL.probability.toLowerCase()} ${r.probability} ${INTERNAL_CONTROL.times} ${INTERNAL_CONTROL.consequence.toLowerCase()} ${r.consequence}`,
    responsible: r.responsible,
    resultHtml: markdown(r.result, `risk-${i + 1}-resultat-`),
  }));
  // The headings may break after a slash ("Risk i process/rutin/system"): the first column is narrow.
  const columns = Object.fromEntries(Object.entries(INTERNAL_CONTROL.columns).map(([k, v]) => [k, v.replace(/\//g, "/\u200b")]));
  const scale = [
    {
      id: "risk",
      heading: INTERNAL_CONTROL.probability,
      lead: data.scale.probability.heading ?? INTERNAL_CONTROL.probabilityLevels,
      levels: data.scale.probability.levels,
    },
    {
      id: "vasentlighet",
      heading: INTERNAL_CONTROL.consequence,
      lead: data.scale.consequence.heading ?? INTERNAL_CONTROL.consequenceLevels,
      levels: data.scale.consequence.levels,
    },
  ];
  const view = documentPage(ctx, entry, page, {
    organisation: repo.parties.get(data.organisation),
    fictional: isFictional(repo, entry),
    // Five columns, the result a page of text: set on A4 turned on its side.
    print: { header: "document", landscape: true },
    header: {
      doctype: KIND["internal-control"].name,
      facts: [
        { label: "Organisation", text: partyName(repo, data.organisation) },
        { label: "År", text: String(data.year) },
        data.decision && { label: LABEL.decision, text: [data.decision.body, data.decision.date, data.decision.paragraph].filter(Boolean).join(", ") },
      ],
    },
    content: { year: data.year },
    parts: {
      defaults: ["risks", "scale"],
      place(name, _attributes, at) {
        if (name === "risks")
          return { partial: "internal-control-risks", part: name, ...at, caption: data.caption ?? partyName(repo, data.organisation), columns, risks };
        if (name === "scale") return { partial: "internal-control-scale", part: name, ...at, title: INTERNAL_CONTROL.scale, scale };
        return undefined;
      },
    },
  });
  view.assets.push(...assets);
  return view;
}
