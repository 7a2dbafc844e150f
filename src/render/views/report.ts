import { computeGoalFulfilment, indicatorsOfGoal, type Fulfilment } from "../../model/indicators.js";
import { sharesOf, sum } from "../../model/money.js";
import { linesWithoutOutcome } from "../../model/outcome.js";
import { indicatorsOf, lookup, type Entry, type Repository } from "../../model/repository.js";
import { planParties } from "../../rollup/rollups.js";
import type { BudgetLine } from "../../schema/plan.js";
import { amount, kr } from "../helpers.js";
import { budgetLayout, lineDetail } from "./budget.js";
import { agreementOf, bodyParts, docLink, facts, isFictional, municipalityOf, organisationView, partyLabels, partyName, statusView, type PageView, type ViewContext } from "./common.js";
import { indicatorBlock } from "./indicator.js";
import { num, td, th, type RowView, type TableView } from "./table.js";

/** Goal fulfilment in words and as a symbol; the words alone say it, the symbol helps the eye. */
export const FULFILMENT: Record<Fulfilment, { text: string; symbol: string }> = {
  met: { text: "Uppfyllt", symbol: "✓" },
  "partly-met": { text: "Delvis uppfyllt", symbol: "◐" },
  "not-met": { text: "Ej uppfyllt", symbol: "✗" },
  "not-assessed": { text: "Ej bedömt", symbol: "–" },
};

interface Money {
  budget: bigint | undefined;
  outcome: bigint | undefined;
  /** budget − utfall; positive is an underspend. Known where the outcome is. */
  deviation: bigint | undefined;
}

const addUp = (values: Money[]): Money => {
  const known = <K extends keyof Money>(k: K) => values.map((v) => v[k]).filter((v): v is bigint => v !== undefined);
  const pick = (k: keyof Money) => (known(k).length ? sum(known(k)) : undefined);
  return { budget: pick("budget"), outcome: pick("outcome"), deviation: pick("deviation") };
};

/** Budget, utfall and avvikelse of one line and party. An empty budget cell stays empty; spending against it is a deviation. */
function lineMoney(line: BudgetLine, outcome: Record<string, number> | undefined, party: string): Money {
  const share = sharesOf(line).find((s) => s.party === party);
  const budget = share?.amount !== undefined ? BigInt(share.amount) : undefined;
  const spent = outcome?.[party];
  const out = spent !== undefined ? BigInt(spent) : undefined;
  return { budget, outcome: out, deviation: out === undefined ? undefined : (budget ?? 0n) - out };
}

export interface ReportMoney {
  parties: string[];
  lines: { line: BudgetLine; byParty: Map<string, Money>; total: Money }[];
  /** Over the lines that count against the contributions (carry-overs apart). */
  totals: { byParty: Map<string, Money>; total: Money };
  missing: string[];
}

/** The report's money: per budget line and party, budget, utfall and avvikelse, and their sums. */
export function reportMoney(repo: Repository, report: Entry<"report">, plan: Entry<"plan">): ReportMoney {
  const parties = planParties(repo, plan);
  const outcomes = new Map(report.data.outcome.map((o) => [o.line, o]));
  const lines = plan.data.budget.map((line) => {
    const outcome = outcomes.get(line.id)?.parties;
    const byParty = new Map(parties.map((p) => [p, lineMoney(line, outcome, p)]));
    return { line, byParty, total: addUp([...byParty.values()]) };
  });
  const counted = lines.filter((l) => l.line.type !== "carry-over");
  const byParty = new Map(parties.map((p) => [p, addUp(counted.map((l) => l.byParty.get(p)!))]));
  const missing = linesWithoutOutcome(plan.data, report.data).map((line) => line.title);
  return { parties, lines, totals: { byParty, total: addUp([...byParty.values()]) }, missing };
}

const moneyCells = (m: Money) => [num(amount(m.budget)), num(amount(m.outcome)), num(amount(m.deviation))];

/** Budget against outcome, grouped as the plan's table, with a column group per party and one for the total. */
export function outcomeTable(repo: Repository, plan: Entry<"plan">, money: ReportMoney, caption: string): TableView {
  const labels = partyLabels(repo, money.parties);
  const groups = [...money.parties.map((p) => labels.get(p)!), "Totalt"];
  const head: RowView[] = [
    { cells: [th("Budgetpost", "col", { rowspan: 2 }), ...groups.map((g) => th(g, "col", { colspan: 3 }))] },
    { cells: groups.flatMap(() => [th("Budget", "col", { num: true }), th("Utfall", "col", { num: true }), th("Avvikelse", "col", { num: true })]) },
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
        rows.push({ cells: [th(line.title, "row", detail ? { detail } : {}), ...money.parties.flatMap((p) => moneyCells(m.byParty.get(p)!)), ...moneyCells(m.total)] });
      }
      bodies.push(rows);
    } else {
      const ms = item.lines.map((l) => byLine.get(l.id)!);
      const byParty = money.parties.map((p) => addUp(ms.map((m) => m.byParty.get(p)!)));
      bodies.push([{ kind: "total", cells: [th(item.label), ...byParty.flatMap(moneyCells), ...moneyCells(addUp(byParty))] }]);
    }
  }
  return { caption, className: "outcome", head, bodies };
}

export function reportView(ctx: ViewContext, report: Entry<"report">, page: string): PageView {
  const { repo } = ctx;
  const data = report.data;
  const plan = lookup(repo, data.plan, "plan")!;
  const agreement = agreementOf(repo, report);
  const money = reportMoney(repo, report, plan);
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
      const comment = [followUp?.comment, computed ? "Bedömningen är beräknad från målets indikatorer." : ""].filter(Boolean).join(" ");
      return { cells: [th(goal.title, "row", goal.focus ? { detail: `Fokus: ${goal.focus}` } : {}), td(f.text, { symbol: f.symbol }), td(comment)] };
    });
  const goals: TableView = {
    caption: `Måluppfyllelse ${data.year}`,
    className: "goals",
    head: [{ cells: [th("Mål", "col"), th("Bedömning", "col"), th("Kommentar", "col")] }],
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
          th("Beslut", "col"),
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

  const body = bodyParts(ctx, report, page);
  const t = money.totals;
  return {
    template: "report",
    path: page,
    title: data.title,
    organisation: organisationView(municipalityOf(repo, agreement)),
    assets: body.assets,
    print: { header: "document", runningTitle: data.title, draft: data.status !== "decided" },
    view: {
      doctype: "Verksamhetsberättelse",
      title: data.title,
      year: data.year,
      status: statusView(data),
      fictional: isFictional(repo, report),
      facts: facts(
        { label: "Verksamhetsplan", links: [docLink(ctx, page, plan.id)] },
        agreement && { label: "Avtal", links: [docLink(ctx, page, agreement.id)] },
        { label: "Verksamhetsår", text: String(data.year) },
        { label: "Status", text: statusView(data).text },
        { label: "Se även", links: (ctx.repo.referrers.memosAbout.get(report.id) ?? []).map((m) => docLink(ctx, page, m.id)) },
      ),
      outcome: outcomeTable(repo, plan, money, `Budget, utfall och avvikelse ${data.year} per budgetpost och part (kronor)`),
      summary: money.parties.map((p) => {
        const m = t.byParty.get(p)!;
        return { party: partyName(repo, p), budget: kr(m.budget ?? 0n), outcome: kr(m.outcome ?? 0n), deviation: kr(m.deviation ?? 0n) };
      }),
      total: { budget: kr(t.total.budget ?? 0n), outcome: kr(t.total.outcome ?? 0n), deviation: kr(t.total.deviation ?? 0n) },
      missing: money.missing,
      comments,
      goals,
      hasGoals: goalRows.length > 0,
      indicators,
      carryOver,
      hasCarryOver: data.carryOver.length > 0,
      lead: body.lead,
      body: body.rest,
    },
  };
}
