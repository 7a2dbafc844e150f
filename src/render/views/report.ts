import { moneyTables } from "./budget-document.js";
import { computeGoalFulfilment, indicatorsOfGoal } from "../../model/indicators.js";
import { addOutcomes, reportMoney, sum, type OutcomeMoney, type ReportMoney } from "../../model/money.js";
import { missingOutcomes } from "../../model/outcome.js";
import { indicatorsOf, lookup, type Entry, type Repository } from "../../model/repository.js";
import { planParties } from "../../rollup/rollups.js";
import { amount, krText, list } from "../helpers.js";
import { budgetLayout, lineDetail } from "./budget.js";
import { boardReportParts } from "./board-report.js";
import { agreementOf, docLink, isFictional, municipalityOf, partyLabels, partyName, type PageView, type ViewContext } from "./common.js";
import { indicatorBlock } from "./indicator.js";
import { documentPage } from "./page.js";
import { tableParts } from "./budget-document.js";
import { ASSESSED_BY_INDICATORS, BLANK, BOARD_REPORT, FULFILMENT, KIND, COLUMN_KIND, LABEL } from "../../vocabulary.js";
import { num, td, th, type RowView, type TableView } from "./table.js";

/** The note under an outcome table whose sums of avvikelser leave out lines with no utfall. */
const PARTIAL_NOTE = { id: "avvikelse-redovisade", symbol: "*", text: BLANK.partialDeviation };

const moneyCells = (m: OutcomeMoney) => [
  num(amount(m.budget)),
  num(amount(m.outcome)),
  num(amount(m.deviation), m.partial ? { marker: { symbol: PARTIAL_NOTE.symbol, target: PARTIAL_NOTE.id } } : {}),
];

/** Budget against outcome, grouped as the plan's table, with a column group per party and one for the total. */
export function outcomeTable(repo: Repository, plan: Entry<"plan">, money: ReportMoney, caption: string): TableView {
  const labels = partyLabels(repo, money.parties);
  const groups = [...money.parties.map((p) => labels.get(p)!), "Totalt"];
  const head: RowView[] = [
    { cells: [th("Budgetpost", "col", { rowspan: 2 }), ...groups.map((g) => th(g, "col", { colspan: 3 }))] },
    {
      cells: groups.flatMap(() => [
        th(COLUMN_KIND.budget.label, "col", { num: true }),
        th(COLUMN_KIND.outcome.label, "col", { num: true }),
        th(COLUMN_KIND.deviation.label, "col", { num: true }),
      ]),
    },
  ];
  const byLine = new Map(money.lines.map((l) => [l.line.id, l]));
  const bodies: RowView[][] = [];
  const columns = 1 + groups.length * 3;
  for (const item of budgetLayout(plan)) {
    if (item.type === "group") {
      const rows: RowView[] = [{ kind: "group", cells: [th(item.label, "rowgroup", { colspan: columns })] }];
      for (const line of item.lines) {
        const m = byLine.get(line.id)!;
        const detail = lineDetail(line);
        rows.push({
          cells: [th(line.title, "row", detail ? { detail } : {}), ...money.parties.flatMap((p) => moneyCells(m.byParty.get(p)!)), ...moneyCells(m.total)],
        });
      }
      bodies.push(rows);
    } else {
      const ms = item.lines.map((l) => byLine.get(l.id)!);
      const byParty = money.parties.map((p) => addOutcomes(ms.map((m) => m.byParty.get(p)!)));
      bodies.push([{ kind: "total", cells: [th(item.label), ...byParty.flatMap(moneyCells), ...moneyCells(addOutcomes(byParty))] }]);
    }
  }
  const partial = bodies.some((rows) => rows.some((row) => row.cells.some((cell) => cell.marker?.target === PARTIAL_NOTE.id)));
  return { caption, className: "outcome", head, bodies, ...(partial ? { notes: [PARTIAL_NOTE] } : {}) };
}

export function reportView(ctx: ViewContext, report: Entry<"report">, page: string): PageView {
  const plan = lookup(ctx.repo, report.data.plan, "plan");
  return plan ? planReportView(ctx, report, plan, page) : boardReportView(ctx, report, page);
}

/**
 * A board's own report (`organisation`, no joint plan): its header, body and money tables. It has
 * no plan's budget lines to follow up, so no outcome per line and party, goals or carry-over.
 */
function boardReportView(ctx: ViewContext, report: Entry<"report">, page: string): PageView {
  const { repo } = ctx;
  const data = report.data;
  // A report in parts (del 1, del 2) prints each with its contents, goals, tables, text and annex; the money tables of no part after them.
  // A report with goals but no parts prints its goals and annex before its tables, and its text as every document's.
  const inParts = data.parts.length || data.goals.length ? boardReportParts(ctx, report, page) : undefined;
  const tables = inParts ? data.tables.filter((t) => inParts.unplacedTables.includes(t.id)) : data.tables;
  return documentPage(ctx, report, page, {
    ...(inParts && data.parts.length ? { body: { assets: inParts.assets } } : {}),
    organisation: data.organisation === undefined ? undefined : repo.parties.get(data.organisation),
    fictional: isFictional(repo, report),
    print: { header: "document" },
    header: {
      doctype: KIND.report.name,
      facts: [
        data.organisation !== undefined && { label: "Organisation", text: partyName(repo, data.organisation) },
        { label: "Verksamhetsår", text: String(data.year) },
      ],
      seeAlso: (repo.referrers.memosAbout.get(report.id) ?? []).map((m) => docLink(ctx, page, m.id)),
    },
    // A report in parts has printed its text within them: the tables no part places follow them. Otherwise the body places the tables.
    content: {
      year: data.year,
      ...(inParts ? { boardParts: inParts.parts } : {}),
      ...(inParts && data.parts.length ? { unplaced: { ...moneyTables(repo, tables, "Ekonomi"), heading: true, level: 2, sub: 3 } } : {}),
    },
    parts: tableParts(tables, moneyTables(repo, tables, "Ekonomi")),
  });
}

/** The report of a joint plan: budget against utfall per line and party, goal fulfilment, indicators, carry-over, and its money tables. */
function planReportView(ctx: ViewContext, report: Entry<"report">, plan: Entry<"plan">, page: string): PageView {
  const { repo } = ctx;
  const data = report.data;
  const agreement = agreementOf(repo, report);
  const money = reportMoney(plan.data.budget, data.outcome, planParties(repo, plan));
  const comments = data.outcome
    .filter((o) => o.comment)
    .map((o) => ({ line: plan.data.budget.find((l) => l.id === o.line)?.title ?? o.line, comment: o.comment! }));

  const stated = new Map(data.goals.map((g) => [g.goal, g]));
  const goalRows: RowView[] = plan.data.goals
    .filter((g) => stated.has(g.id) || indicatorsOfGoal(repo, plan, g.id).length > 0)
    .map((goal) => {
      const followUp = stated.get(goal.id);
      const computed = followUp?.status === undefined;
      const status = followUp?.status ?? computeGoalFulfilment(repo, plan, goal.id, data.year).status;
      const f = FULFILMENT[status];
      const comment = [followUp?.comment, computed ? ASSESSED_BY_INDICATORS : ""].filter(Boolean).join(" ");
      return { cells: [th(goal.title, "row", goal.focus ? { detail: `Fokus: ${goal.focus}` } : {}), td(f.text, { symbol: f.symbol }), td(comment)] };
    });
  const goals: TableView = {
    caption: `Måluppfyllelse ${data.year}`,
    className: "goals",
    head: [{ cells: [th("Mål", "col"), th("Bedömning", "col"), th(BOARD_REPORT.comment, "col")] }],
    bodies: [goalRows],
  };

  const indicators = indicatorsOf(plan)
    .map((id) => lookup(repo, id, "indicator"))
    .filter((i): i is Entry<"indicator"> => Boolean(i))
    .map((indicator, n) => indicatorBlock(ctx, page, indicator, n + 1));

  const carryParties = money.parties.filter((p) => data.carryOver.some((c) => c.parties?.[p] !== undefined));
  const carryOver: TableView = {
    caption: `Överföring av medel från ${data.year} (kronor)`,
    className: "carry-over",
    head: [
      {
        cells: [
          th("Till år", "col"),
          ...carryParties.map((p) => th(partyName(repo, p), "col", { num: true })),
          th("Totalt", "col", { num: true }),
          th(LABEL.decision, "col"),
          th("Avser", "col"),
        ],
      },
    ],
    bodies: [
      data.carryOver.map((c) => {
        const amounts = Object.values(c.parties ?? {});
        return {
          cells: [
            th(String(c.to)),
            ...carryParties.map((p) => num(amount(c.parties?.[p]))),
            num(amounts.length ? amount(sum(amounts)) : "anges inte"),
            td(c.decision ?? ""),
            td(c.note ?? ""),
          ],
        };
      }),
    ],
  };

  const t = money.totals;
  const tables = moneyTables(repo, data.tables, "Ekonomi");
  return documentPage(ctx, report, page, {
    organisation: municipalityOf(repo, agreement),
    fictional: isFictional(repo, report),
    print: { header: "document" },
    header: {
      doctype: KIND.report.name,
      facts: [
        { label: KIND.plan.short, links: [docLink(ctx, page, plan.id)] },
        agreement && { label: KIND.agreement.short, links: [docLink(ctx, page, agreement.id)] },
        { label: "Verksamhetsår", text: String(data.year) },
      ],
      seeAlso: (ctx.repo.referrers.memosAbout.get(report.id) ?? []).map((m) => docLink(ctx, page, m.id)),
    },
    content: { year: data.year },
    parts: {
      defaults: ["outcome", "goals", "indicators", "carry-over", "tables"],
      place(name, attributes, at) {
        const base = { part: name, ...at, year: data.year };
        switch (name) {
          case "outcome":
            return {
              partial: "report-outcome",
              ...base,
              outcome: outcomeTable(repo, plan, money, `Budget, utfall och avvikelse ${data.year} per budgetpost och part (kronor)`),
              summary: money.parties.map((p) => {
                const m = t.byParty.get(p)!;
                return { party: partyName(repo, p), budget: krText(m.budget), outcome: krText(m.outcome), deviation: krText(m.deviation) };
              }),
              total: { budget: krText(t.total.budget), outcome: krText(t.total.outcome), deviation: krText(t.total.deviation) },
              // A line with no utfall at all by its title; one with some by its title and the parties whose utfall is missing.
              missing: missingOutcomes(plan.data, data).map((m) =>
                m.none ? m.line.title : `${m.line.title} för ${list(m.parties.map((p) => partyName(repo, p)))}`,
              ),
              comments,
            };
          case "goals":
            // Under a heading, its own "Måluppfyllelse 2019" or the author's, the table's caption says the same: it is for screen readers only.
            return goalRows.length ? { partial: "report-goals", ...base, goals: { ...goals, captionHidden: true } } : undefined;
          case "indicators":
            return indicators.length ? { partial: "report-indicators", ...base, indicators } : undefined;
          case "carry-over":
            return data.carryOver.length ? { partial: "report-carry-over", ...base, carryOver } : undefined;
          default:
            return tableParts(data.tables, tables).place(name, attributes, at);
        }
      },
    },
  });
}
