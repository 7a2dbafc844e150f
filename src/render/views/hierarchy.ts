import { actionPlansOf, followUpStatus, followUpsOf, plansOfStrategy, type RolledUp } from "../../model/hierarchy.js";
import type { Fulfilment } from "../../model/measure.js";
import { lookup, type Entry } from "../../model/repository.js";
import { BOARD_REPORT, FULFILMENT, HIERARCHY, KIND, LABEL, STATUS } from "../../vocabulary.js";
import { date } from "../helpers.js";
import { docLink, isFictional, partyName, type FactView, type LinkView, type PageView, type ViewContext } from "./common.js";
import { documentPage, type PartLevel, type PartSource, type PartView } from "./page.js";
import { td, th, type CellView, type RowView, type TableView } from "./table.js";

/*
 * The pages of a plan hierarchy (seed 004): a strategy with its goals and its multi-year plans, a
 * multi-year plan with its goals and action plans, an action plan with its goals and activities,
 * and a yearly follow-up with the status of every action plan and activity, rolled up the tree
 * (see `model/hierarchy.ts`), in text and symbol.
 */

type Level = Entry<"strategy"> | Entry<"multi-year-plan"> | Entry<"action-plan"> | Entry<"follow-up">;

/** `2015–2025`; a strategy without an end, `2013 – tills vidare`. */
const periodText = (p: { from: number; to?: number | undefined }) =>
  p.to === undefined ? `${p.from} – ${HIERARCHY.untilFurther}` : p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;

/** The facts every level's header begins with: whose document it is, and the decision that adopted it. */
function ownFacts(ctx: ViewContext, entry: Level): FactView[] {
  const d = entry.data.decision;
  return [
    { label: "Organisation", text: partyName(ctx.repo, entry.data.organisation) },
    ...(d ? [{ label: LABEL.decision, text: [d.body, date(d.date), d.paragraph, d.dnr && `Dnr ${d.dnr}`].filter(Boolean).join(", ") }] : []),
  ];
}

/** A level's page: the organisation's header, its own facts (organisation, decision) and those given, its parts. */
function levelPage(ctx: ViewContext, entry: Level, page: string, facts: FactView[], parts: PartSource): PageView {
  return documentPage(ctx, entry, page, {
    organisation: ctx.repo.parties.get(entry.data.organisation),
    fictional: isFictional(ctx.repo, entry),
    print: { header: "document" },
    header: { doctype: KIND[entry.kind].name, facts: [...ownFacts(ctx, entry), ...facts] },
    content: {},
    parts,
  });
}

/** A status as a table prints it: the words, and the symbol before them (hidden from screen readers, which read the words). */
const statusCell = (status: Fulfilment, extra: Partial<CellView> = {}): CellView =>
  td(FULFILMENT[status].text, { symbol: FULFILMENT[status].symbol, ...extra });

const COUNT_ORDER: Fulfilment[] = ["met", "partly-met", "not-met", "not-assessed"];

/** What a rolled-up status rests on: `3 aktiviteter: 2 uppfyllda, 1 ej bedömd`. */
function basis(rolled: RolledUp, one: string, many: string): string {
  const counted = COUNT_ORDER.flatMap((s) => {
    const n = rolled.counts[s];
    return n ? [`${n} ${HIERARCHY.counted[s][n === 1 ? 0 : 1]}`] : [];
  });
  return `${rolled.parts} ${rolled.parts === 1 ? one : many}${counted.length ? `: ${counted.join(", ")}` : ""}`;
}

interface GoalView {
  title: string;
  serves?: string;
}

/** A level's goals, with the goals of the level above they work towards. */
function goalsPart(
  at: PartLevel,
  goals: { id: string; title: string; serves?: string[] }[],
  above: { id: string; title: string }[] | undefined,
): PartView | undefined {
  if (!goals.length) return undefined;
  const views: GoalView[] = goals.map((g) => {
    // Goals are written as sentences ("Bostad och boendeutveckling."): one after the other, not joined by "och".
    const served = (g.serves ?? []).map((id) => (above?.find((a) => a.id === id)?.title ?? id).replace(/\.$/, ""));
    return { title: g.title, ...(served.length ? { serves: `${HIERARCHY.serves}: ${served.join("; ")}` } : {}) };
  });
  return { partial: "hierarchy-part", part: "goals", ...at, id: "mal", headingText: HIERARCHY.goals, goals: views };
}

/** A link to a document of the level below, with its period and status: `Handlingsplan … (2020, beslutad)`. */
function childLink(ctx: ViewContext, page: string, entry: Entry<"multi-year-plan" | "action-plan">): LinkView {
  return { ...docLink(ctx, page, entry.id), note: `${periodText(entry.data.period)}, ${STATUS[entry.data.status].short}` };
}

export function strategyView(ctx: ViewContext, strategy: Entry<"strategy">, page: string): PageView {
  const data = strategy.data;
  const plans = plansOfStrategy(ctx.repo, strategy.id).map((p) => childLink(ctx, page, p));
  return levelPage(ctx, strategy, page, [{ label: HIERARCHY.period, text: periodText(data.period) }], {
    defaults: ["goals", "plans"],
    place(name, _attributes, at) {
      if (name === "goals") return goalsPart(at, data.goals, undefined);
      if (name === "plans" && plans.length)
        return { partial: "hierarchy-part", part: name, ...at, id: "planer", headingText: capitalised(KIND["multi-year-plan"].many), links: plans };
      return undefined;
    },
  });
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);

export function multiYearPlanView(ctx: ViewContext, plan: Entry<"multi-year-plan">, page: string): PageView {
  const { repo } = ctx;
  const data = plan.data;
  const strategy = lookup(repo, data.strategy, "strategy");
  const actionPlans = actionPlansOf(repo, plan.id).map((a) => childLink(ctx, page, a));
  const followUps = followUpsOf(repo, plan.id).map((f) => ({
    ...docLink(ctx, page, f.id, `${KIND["follow-up"].short} ${f.data.year}`),
    note: STATUS[f.data.status].short,
  }));
  const facts = [
    { label: KIND.strategy.short, links: [docLink(ctx, page, data.strategy)] },
    { label: HIERARCHY.period, text: periodText(data.period) },
  ];
  return levelPage(ctx, plan, page, facts, {
    defaults: ["goals", "action-plans"],
    place(name, _attributes, at) {
      if (name === "goals") return goalsPart(at, data.goals, strategy?.data.goals);
      if (name === "action-plans" && (actionPlans.length || followUps.length))
        return {
          partial: "hierarchy-part",
          part: name,
          ...at,
          id: "action-plans",
          headingText: capitalised(KIND["action-plan"].many),
          links: actionPlans,
          followUps,
          followUpsHeading: HIERARCHY.followedUp,
        };
      return undefined;
    },
  });
}

export function actionPlanView(ctx: ViewContext, actionPlan: Entry<"action-plan">, page: string): PageView {
  const { repo } = ctx;
  const data = actionPlan.data;
  const plan = lookup(repo, data.plan, "multi-year-plan");
  const goalTitle = (id: string) => data.goals.find((g) => g.id === id)?.title ?? id;
  // With one goal, the goals above say what every activity works towards: the column would repeat it on each row.
  const goalColumn = data.goals.length > 1;
  const activities: TableView = {
    caption: HIERARCHY.activities,
    captionHidden: true,
    className: "activities",
    head: [
      {
        cells: [
          th(HIERARCHY.activity, "col"),
          ...(goalColumn ? [th(HIERARCHY.goals, "col")] : []),
          th(HIERARCHY.years, "col"),
          th(HIERARCHY.responsible, "col"),
        ],
      },
    ],
    bodies: [
      data.activities.map((a) => ({
        cells: [
          th(a.title, "row", a.description ? { detail: a.description } : {}),
          ...(goalColumn ? [td(a.goals.map(goalTitle).join("; "))] : []),
          td(periodText(a.years ?? data.period)),
          td(a.responsible ?? ""),
        ],
      })),
    ],
  };
  const facts = [
    { label: KIND["multi-year-plan"].short, links: [docLink(ctx, page, data.plan)] },
    { label: HIERARCHY.period, text: periodText(data.period) },
  ];
  return levelPage(ctx, actionPlan, page, facts, {
    defaults: ["goals", "activities"],
    place(name, _attributes, at) {
      if (name === "goals") return goalsPart(at, data.goals, plan?.data.goals);
      if (name === "activities")
        return { partial: "hierarchy-part", part: name, ...at, id: "aktiviteter", headingText: HIERARCHY.activities, tables: [activities] };
      return undefined;
    },
  });
}

export function followUpView(ctx: ViewContext, followUp: Entry<"follow-up">, page: string): PageView {
  const { repo } = ctx;
  const data = followUp.data;
  const tree = followUpStatus(repo, followUp);
  const activitiesWord = [HIERARCHY.activity.toLocaleLowerCase("sv"), HIERARCHY.activities.toLocaleLowerCase("sv")] as const;
  const commentHead = th(BOARD_REPORT.comment, "col");
  const status: TableView = {
    caption: `${HIERARCHY.overview} ${data.year}`,
    className: "follow-up",
    head: [{ cells: [th(HIERARCHY.part, "col"), th(LABEL.status, "col"), th(HIERARCHY.basis, "col"), commentHead] }],
    bodies: [
      [
        {
          kind: "total",
          cells: [
            th(tree.plan?.data.title ?? data.plan, "row", tree.plan ? hrefOf(ctx, page, tree.plan.id) : {}),
            statusCell(tree.rolledUp.status),
            td(basis(tree.rolledUp, KIND["action-plan"].one, KIND["action-plan"].many)),
            td(""),
          ],
        },
      ],
      ...tree.actionPlans.map((a): RowView[] => [
        {
          kind: "group",
          cells: [
            th(a.entry.data.title, "row", hrefOf(ctx, page, a.entry.id)),
            statusCell(a.rolledUp.status),
            td(basis(a.rolledUp, ...activitiesWord)),
            td(a.stated?.comment ?? ""),
          ],
        },
        ...a.activities.map((act) => ({
          cells: [th(act.title), statusCell(act.status, act.stated ? {} : { detail: HIERARCHY.notFollowedUp }), td(""), td(act.stated?.comment ?? "")],
        })),
      ]),
    ],
    notes: [{ id: "sammanvagd-status", symbol: "", text: HIERARCHY.rule }],
  };
  const goalRow = (goal: { id: string; title: string }, stated: typeof data.goals): RowView => {
    const said = stated.find((g) => g.goal === goal.id);
    return {
      cells: [th(goal.title), statusCell(said?.status ?? "not-assessed", said ? {} : { detail: HIERARCHY.notFollowedUp }), td(said?.comment ?? "")],
    };
  };
  const groupRow = (title: string): RowView => ({ kind: "group", cells: [th(title, "colgroup", { colspan: 3 })] });
  const goalBodies: RowView[][] = [
    ...(tree.plan?.data.goals.length ? [[groupRow(tree.plan.data.title), ...tree.plan.data.goals.map((g) => goalRow(g, data.goals))]] : []),
    ...tree.actionPlans
      .filter((a) => a.entry.data.goals.length)
      .map((a) => [groupRow(a.entry.data.title), ...a.entry.data.goals.map((g) => goalRow(g, a.stated?.goals ?? []))]),
  ];
  const goals: TableView = {
    caption: `${HIERARCHY.goalStatus} ${data.year}`,
    className: "follow-up-goals",
    head: [{ cells: [th(HIERARCHY.goals, "col"), th(LABEL.status, "col"), commentHead] }],
    bodies: goalBodies,
  };
  const facts = [
    { label: KIND["multi-year-plan"].short, links: [docLink(ctx, page, data.plan)] },
    { label: HIERARCHY.years, text: String(data.year) },
    { label: HIERARCHY.rolledUp, text: FULFILMENT[tree.rolledUp.status].text },
  ];
  return levelPage(ctx, followUp, page, facts, {
    defaults: ["status", "goals"],
    place(name, _attributes, at) {
      if (name === "status")
        return {
          partial: "hierarchy-part",
          part: name,
          ...at,
          id: "status",
          headingText: status.caption,
          tables: [{ ...status, captionHidden: at.heading }],
        };
      if (name === "goals" && goalBodies.length)
        return {
          partial: "hierarchy-part",
          part: name,
          ...at,
          id: "maluppfyllelse",
          headingText: goals.caption,
          tables: [{ ...goals, captionHidden: at.heading }],
        };
      return undefined;
    },
  });
}

/** A header cell's link to a document's page. */
function hrefOf(ctx: ViewContext, page: string, id: string): Partial<CellView> {
  const link = docLink(ctx, page, id);
  return link.href ? { href: link.href } : {};
}
