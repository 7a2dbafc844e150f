import { moneyTables } from "./budget-document.js";
import { incomeTotals, lineTotal, partyTotals, sharesOf, sum } from "../../model/money.js";
import { lookup, type Entry } from "../../model/repository.js";
import { planParties } from "../../rollup/rollups.js";
import type { Goal } from "../../schema/plan.js";
import { kr, krText, list } from "../helpers.js";
import { budgetDetailTable, financingSummary } from "./budget.js";
import { docLink, isFictional, municipalityOf, partyName, type LinkView, type PageView, type ViewContext } from "./common.js";
import { documentPage, type PartSource } from "./page.js";
import type { FootnoteDefinition, ListItem, PhrasingContent, RootContent } from "mdast";
import { GOAL_LEVEL, KIND, MEMO } from "../../vocabulary.js";
import { formOf, headingKey, moneyOptional, type ResolvedForm } from "../../model/forms.js";

const LEVELS = (["national", "regional", "local"] as const).map((level) => ({ level, heading: GOAL_LEVEL[level] }));

interface GoalView {
  title: string;
  /** The goal's note as a footnote of the list: its number in the goals' part, and its id. */
  note?: { number: number; id: string; text: string } | undefined;
  focus: string | undefined;
  prefix: string | undefined;
  indicators: LinkView[];
}

function goalView(ctx: ViewContext, page: string, goal: Goal): GoalView {
  // Local goals are grouped under their area; national and regional goals name it before the goal.
  return {
    title: goal.title,
    focus: goal.focus,
    prefix: goal.level === "local" ? undefined : goal.area,
    indicators: goal.indicators.map((id) => docLink(ctx, page, id)),
    note: goal.note ? { number: 0, id: `malnot-${goal.id}`, text: goal.note } : undefined,
  };
}

/** Documents that refer to a plan: its reports and the memos about it. */
export function relatedTo(ctx: ViewContext, page: string, id: string): LinkView[] {
  const reports = (ctx.repo.referrers.reportsOfPlan.get(id) ?? []).map((r) => ({
    ...docLink(ctx, page, r.id),
    note: KIND.report.name.toLocaleLowerCase("sv"),
  }));
  const memos = (ctx.repo.referrers.memosAbout.get(id) ?? []).map((m) => ({
    ...docLink(ctx, page, m.id),
    note: `${(m.data.type === "political" ? MEMO.political : KIND.memo.name).toLocaleLowerCase("sv")} ${[m.data.dnr].flat().join(", ")}`,
  }));
  return [...memos, ...reports];
}

export function planView(ctx: ViewContext, plan: Entry<"plan">, page: string): PageView {
  const { repo } = ctx;
  const data = plan.data;
  const agreement = lookup(repo, data.agreement, "agreement");
  const parties = planParties(repo, plan);

  let notes = 0;
  const levels = LEVELS.map(({ level, heading }) => {
    const goals = data.goals.filter((g) => g.level === level);
    const areas = new Map<string, GoalView[]>();
    for (const goal of goals) {
      const area = level === "local" ? (goal.area ?? "Övriga mål") : "";
      areas.set(area, [...(areas.get(area) ?? []), goalView(ctx, page, goal)]);
    }
    const grouped = [...areas].map(([area, goals]) => {
      for (const g of goals) if (g.note) g.note.number = ++notes;
      return { area, goals, notes: goals.flatMap((g) => (g.note ? [g.note] : [])) };
    });
    return { heading, grouped: level === "local", areas: grouped, any: goals.length > 0 };
  }).filter((l) => l.any);

  const cards = data.interventions.map((intervention) => {
    const lines = data.budget.filter((l) => l.intervention === intervention.id && l.type !== "carry-over");
    const totals = partyTotals(lines);
    const paidBy = [
      ...parties.filter((p) => totals.has(p)).map((p) => `${partyName(repo, p)} ${kr(totals.get(p))}`),
      ...[...incomeTotals(lines)].map(([source, value]) => `${source} ${kr(value)}`),
    ];
    return {
      id: `insats-${intervention.id}`,
      title: intervention.title,
      area: intervention.area,
      goals: intervention.goals.map((id) => data.goals.find((g) => g.id === id)?.title ?? id),
      what: intervention.what,
      how: intervention.how,
      budget: lines.length ? `${krText(sum(lines.map(lineTotal)))}${paidBy.length ? ` (${paidBy.join(", ")})` : ""}` : "",
      lines: lines.map((l) => l.title),
      indicators: intervention.indicators.map((id) => docLink(ctx, page, id)),
      measures: intervention.measures,
    };
  });

  const carryOvers = data.budget
    .filter((l) => l.type === "carry-over")
    .map((line) => {
      const shares = sharesOf(line).filter((s) => s.amount !== undefined);
      const written = line.total !== undefined || shares.length > 0;
      // As the seed writes it (000, line 254): "Planering och avsatta medel för Plattform Lerum 2018 förs, enligt beslut på presidiedialog den 12 oktober, över till 2019."
      const sentence = `${line.title}${written ? ` (${kr(lineTotal(line))})` : ""} förs${line.decision ? `, enligt beslut på ${line.decision},` : ""} över${
        line.from !== undefined && !line.decision ? ` från ${line.from}` : ""
      } till ${data.year}.${written ? "" : " Beslutet anger inget belopp."}${line.note ? ` ${line.note}` : ""}`;
      return {
        sentence,
        title: line.title,
        from: line.from,
        decision: line.decision,
        note: line.note,
        amount: written
          ? `${kr(lineTotal(line))}${shares.length ? ` (${shares.map((s) => `${partyName(repo, s.party)} ${kr(s.amount)}`).join(", ")})` : ""}`
          : "anges inte i beslutet",
        intervention: data.interventions.find((i) => i.id === line.intervention)?.title,
      };
    });

  const summary = financingSummary(repo, plan, `Gemensam budget för verksamhetsåret ${data.year} per part (kronor)`);
  const tables = moneyTables(repo, data.tables, "Ekonomi");
  const detail = budgetDetailTable(repo, plan, `Budget ${data.year} per insatsområde och budgetpost (kronor)`);
  const parts: PartSource = {
    defaults: ["goals", "budget", "carry-over", "interventions", "tables"],
    place(name, attributes, at) {
      switch (name) {
        case "goals":
          return levels.length ? { partial: "plan-goals", part: name, ...at, areaLevel: Math.min(at.sub + 1, 6), levels } : undefined;
        case "budget":
          // A plan without money where its form allows it prints no budget table, not one of 0 kr.
          if (data.budget.length === 0 && moneyOptional(repo, plan)) return undefined;
          return { partial: "plan-budget", part: name, ...at, year: data.year, summary: summary.table, detail };
        case "carry-over":
          return carryOvers.length ? { partial: "plan-carry-over", part: name, ...at, carryOvers } : undefined;
        case "interventions":
          return cards.length
            ? { partial: "plan-interventions", part: name, ...at, interventions: cards.map((c) => ({ ...c, heading: true, level: at.sub })) }
            : undefined;
        case "intervention": {
          const card = cards.find((c) => c.id === `insats-${attributes["id"]}`);
          return card ? { partial: "plan-intervention", part: name, ...card, ...at } : undefined;
        }
        case "tables":
          return { partial: "money-tables", part: name, ...at, ...tables };
        case "table": {
          const table = tables.tables[data.tables.findIndex((t) => t.id === attributes["id"])];
          return table ? { partial: "money-table", part: name, ...at, table } : undefined;
        }
        default:
          return undefined;
      }
    },
    form: sectionsOf(formOf(repo, plan)),
    expand: (directive) => (directive.name === "goals" && directive.attributes?.["area"] ? goalList(data.goals, directive.attributes["area"]) : undefined),
  };
  return documentPage(ctx, plan, page, {
    organisation: data.organisation ? repo.parties.get(data.organisation) : municipalityOf(repo, agreement),
    fictional: isFictional(repo, plan),
    print: { header: "document" },
    header: {
      doctype: KIND.plan.name,
      facts: [
        ...headerFields(formOf(repo, plan), data.fields),
        agreement && { label: KIND.agreement.short, links: [docLink(ctx, page, agreement.id)] },
        !agreement && data.organisation !== undefined && { label: "Organisation", text: partyName(repo, data.organisation) },
        parties.length > 0 && { label: "Parter", text: list(parties.map((p) => partyName(repo, p))) },
        { label: "Verksamhetsår", text: String(data.year) },
      ],
      seeAlso: relatedTo(ctx, page, plan.id),
    },
    content: { year: data.year },
    parts,
  });
}

/** Where a section of the body goes in its form, and the form's heading for it; none without a form. */
function sectionsOf(form: ResolvedForm | undefined): PartSource["form"] {
  if (!form) return undefined;
  return (title) => {
    const index = form.sections.findIndex((s) => headingKey(s.title) === headingKey(title));
    return index === -1 ? undefined : { index, title: form.sections[index]!.title };
  };
}

/** The header fields a document gives (`fields:`), as its header prints them: in its form's order, then any other. */
export function headerFields(form: ResolvedForm | undefined, fields: Record<string, string> | undefined): { label: string; text: string }[] {
  const given = Object.entries(fields ?? {});
  const order = (form?.fields ?? []).map((f) => f.label);
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  return given.sort(([a], [b]) => rank(a) - rank(b)).map(([label, text]) => ({ label, text }));
}

/**
 * The local goals of one area as the body's own list, as the plan writes them under its
 * principle: `Öka andelen kvinnor och män som rör sig - fokus …`; a goal's note is a footnote
 * of the body, numbered with the author's.
 */
function goalList(goals: readonly Goal[], area: string): RootContent[] {
  const picked = goals.filter((g) => g.level === "local" && g.area === area);
  const notes: FootnoteDefinition[] = [];
  const items: ListItem[] = picked.map((goal) => {
    const inline: PhrasingContent[] = [{ type: "text", value: goal.title }];
    if (goal.note) {
      const identifier = `mal-${goal.id}`;
      inline.push({ type: "footnoteReference", identifier, label: identifier });
      notes.push({
        type: "footnoteDefinition",
        identifier,
        label: identifier,
        children: [{ type: "paragraph", children: [{ type: "text", value: goal.note }] }],
      });
    }
    if (goal.focus) inline.push({ type: "text", value: ` - fokus ${goal.focus}` });
    return { type: "listItem", spread: false, children: [{ type: "paragraph", children: inline }] };
  });
  return [{ type: "list", ordered: false, spread: false, children: items }, ...notes];
}
