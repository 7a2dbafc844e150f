import type { Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { computeBoardGoal, councilGoalOf, partOf, type ReportPart } from "../../model/board-goals.js";
import { formatMeasure, parseFigure } from "../../model/measure.js";
import type { Entry } from "../../model/repository.js";
import type { GoalIndicator, WrittenFigure } from "../../schema/indicator.js";
import type { GoalFollowUp } from "../../schema/report.js";
import { hasContent, splitSections, type Asset } from "../markdown.js";
import { moneyTables } from "./budget-document.js";
import { figuresOf, type ViewContext } from "./common.js";
import { ASSESSED_BY_INDICATORS, BOARD_REPORT, COLUMN_KIND, FULFILMENT, SEX } from "../../vocabulary.js";
import { num, td, th, type NoteView, type RowView, type TableView } from "./table.js";

/**
 * A board's own report in its parts, as seed 001 prints it: each part (del 1 to
 * kommunfullmäktige, del 2 "Endast till nämnd") with its table of contents, its goal tables
 * under kommunfullmäktige's goals, its money tables, its text, and del 1's indicator annex.
 */

/** An entry of a part's contents, with the entries below it (a goal under Mål, a section under a heading of the text). */
export interface ContentsEntry {
  text: string;
  target: string;
  children: ContentsEntry[];
}

/** Adds an entry at level 1 (the part's sections) or 2 (under the last entry of level 1). */
function addEntry(contents: ContentsEntry[], text: string, target: string, level: number): void {
  const entry = { text, target, children: [] };
  const parent = contents.at(-1);
  if (level > 1 && parent) parent.children.push(entry);
  else contents.push(entry);
}

interface GoalGroupView {
  id: string;
  heading: string;
  area?: string;
  tables: TableView[];
}

export interface PartView {
  id: string;
  title: string;
  /** Whom the part is for; none for the goals of a report without parts. */
  audience?: string;
  contents: ContentsEntry[];
  contentsId: string;
  goalsId: string;
  goalsHeading: string;
  contentsHeading: string;
  /** The goal tables under kommunfullmäktige's goals, then del 2's per unit with their activities. */
  goalSections: GoalGroupView[];
  money: { id: string; heading: string; tables: TableView[] } | undefined;
  body: string;
  annex: { id: string; heading: string; groups: GoalGroupView[] } | undefined;
}

/** `Uppfyllt per 161231`: the report's closing date as the seed writes it. */
const fulfilledBy = (year: number) => `${BOARD_REPORT.fulfilledBy} ${String(year % 100).padStart(2, "0")}1231`;

const goalLabel = (g: GoalFollowUp) => `${g.goal} ${g.title ?? ""}`.trim();

/** A written figure in print: read and formatted (`−2,4 %`, `5–10`), or as written where it cannot be read. */
function figure(written: WrittenFigure | null | undefined, ind: GoalIndicator, target: boolean): string {
  if (written === undefined || written === null) return "";
  const share = ind.unit === "percent";
  const parsed = parseFigure(written, { target, percent: share });
  return parsed.ok ? formatMeasure(parsed.measure, share) : String(written);
}

/** The values of a year in one cell: the total, each labelled part, women and men beside the total. */
function valueCell(ind: GoalIndicator, year: number): string {
  const v = ind.values.find((x) => x.year === year);
  if (!v) return "";
  if (v.parts?.length) return v.parts.map((p) => `${p.label} ${figure(p.value, ind, false)}`).join(", ");
  const bySex = [
    [SEX.women, v.women],
    [SEX.men, v.men],
  ].filter(([, x]) => x !== undefined && x !== null) as [string, WrittenFigure][];
  const total = figure(v.total, ind, false);
  if (bySex.length === 0) return total;
  return [total, ...bySex.map(([label, x]) => `${label} ${figure(x, ind, false)}`)].filter(Boolean).join(", ");
}

/** The status a goal table prints, as text and symbol: the stated one, else the one computed from its indicators (the comment says so, as the joint plan's report does). */
function statusCells(goal: GoalFollowUp, year: number) {
  const stated = goal.status;
  const status = stated ?? computeBoardGoal(goal, year).status;
  const f = FULFILMENT[status];
  const comment = [goal.comment, stated === undefined && goal.indicators.length ? ASSESSED_BY_INDICATORS : ""].filter(Boolean).join(" ");
  return [td(f.text, { symbol: f.symbol }), td(comment)];
}

/** Del 1's goal table of one kommunfullmäktige goal: `Prioriterat mål | Uppfyllt per 161231 | Kommentar`. */
function goalTable(goals: GoalFollowUp[], year: number, first: string, caption: string): TableView {
  return {
    caption,
    className: "goals board-goals",
    head: [{ cells: [th(first, "col"), th(fulfilledBy(year), "col"), th(BOARD_REPORT.comment, "col")] }],
    bodies: [goals.map((g) => ({ cells: [th(goalLabel(g)), ...statusCells(g, year)] }))],
  };
}

/** The annex's table of one kommunfullmäktige goal: each goal's indicators, Boksl of the two years before, Mål and Utfall of the year. */
function annexTable(goals: GoalFollowUp[], year: number, first: string, caption: string, idPrefix: string): TableView {
  const notes: NoteView[] = [];
  const bodies: RowView[][] = goals.map((g) => {
    const indicators = g.indicators.length ? g.indicators : [undefined];
    return indicators.map((ind, i) => {
      const goalCell = i === 0 ? [th(goalLabel(g), "row", indicators.length > 1 ? { rowspan: indicators.length } : {})] : [];
      if (!ind) return { cells: [...goalCell, td(""), num(""), num(""), num(""), num("")] };
      const target = ind.targets.find((t) => t.year === year);
      let marker: { symbol: string; target: string } | undefined;
      if (ind.note) {
        const id = `${idPrefix}-not-${notes.length + 1}`;
        notes.push({ id, symbol: "*".repeat(notes.length + 1), text: ind.note });
        marker = { symbol: "*".repeat(notes.length), target: id };
      }
      return {
        cells: [
          ...goalCell,
          td(ind.title, marker ? { marker } : {}),
          num(valueCell(ind, year - 2)),
          num(valueCell(ind, year - 1)),
          num(figure(target?.value, ind, true)),
          num(valueCell(ind, year)),
        ],
      };
    });
  });
  return {
    caption,
    className: "goal-indicators",
    head: [
      {
        cells: [
          th(first, "col"),
          th(BOARD_REPORT.indicator, "col"),
          th(`${BOARD_REPORT.finalAccounts} ${year - 2}`, "col", { num: true }),
          th(`${BOARD_REPORT.finalAccounts} ${year - 1}`, "col", { num: true }),
          th(`${BOARD_REPORT.goals} ${year}`, "col", { num: true }),
          th(`${COLUMN_KIND.outcome.label} ${year}`, "col", { num: true }),
        ],
      },
    ],
    bodies,
    notes,
  };
}

/** Del 2's table of a unit's goals: the goals under each short heading, with the activities and comment they share. */
function unitTable(goals: GoalFollowUp[], first: string, caption: string): TableView {
  const bodies: RowView[][] = [];
  let i = 0;
  while (i < goals.length) {
    const heading = goals[i]!.heading;
    // The goals sharing a row: those after the first under the same heading with no activities or comment of their own.
    let end = i + 1;
    while (end < goals.length && goals[end]!.heading === heading && !goals[end]!.activities && !goals[end]!.comment) end++;
    const shared = goals.slice(i, end);
    const rows: RowView[] = heading ? [{ kind: "group", cells: [th(heading, "rowgroup", { colspan: 3 })] }] : [];
    shared.forEach((g, j) => {
      const span = shared.length > 1 ? { rowspan: shared.length } : {};
      rows.push({ cells: [th(goalLabel(g)), ...(j === 0 ? [td(g.activities ?? "", span), td(g.comment ?? "", span)] : [])] });
    });
    bodies.push(rows);
    i = end;
  }
  return {
    caption,
    className: "goals unit-goals",
    head: [{ cells: [th(first, "col"), th(BOARD_REPORT.activities, "col"), th(BOARD_REPORT.fulfilmentComment, "col")] }],
    bodies,
  };
}

/** The body's nodes by part: a top-level heading (`# …`) naming a part's `heading` starts it; what comes before is the first part's. */
function bodyByPart(report: Entry<"report">): Map<string, RootContent[]> {
  const { preamble, sections, shared } = splitSections(report.source.body);
  const parts = report.data.parts;
  const byPart = new Map<string, RootContent[]>(parts.map((p) => [p.id, []]));
  let current = parts[0]!.id;
  byPart.get(current)!.push(...preamble);
  for (const section of sections) {
    const part = section.heading.depth === 1 ? parts.find((p) => p.heading === section.title) : undefined;
    if (part) {
      current = part.id;
      byPart.get(current)!.push(...section.nodes);
    } else byPart.get(current)!.push(section.heading, ...section.nodes);
  }
  for (const nodes of byPart.values()) if (hasContent(nodes)) nodes.push(...shared);
  return byPart;
}

/** Ids for the body's headings, for the table of contents: a copy of each heading with its id (the parsed source stays as it is). */
function withHeadingIds(nodes: RootContent[], prefix: string): { nodes: RootContent[]; headings: { text: string; id: string; depth: number }[] } {
  const headings: { text: string; id: string; depth: number }[] = [];
  const out = nodes.map((n) => {
    if (n.type !== "heading") return n;
    const id = `${prefix}-${headings.length + 1}`;
    headings.push({ text: toString(n).trim(), id, depth: n.depth });
    return { ...n, data: { ...n.data, hProperties: { ...(n.data?.hProperties ?? {}), id } } } satisfies Heading;
  });
  return { nodes: out, headings };
}

/** The goals of kommunfullmäktige with the board's goals under each, in the order of `councilGoals`; goals under none last. */
function byCouncilGoal(report: Entry<"report">, goals: GoalFollowUp[]) {
  const groups = report.data.councilGoals.map((c) => ({ council: c, goals: goals.filter((g) => councilGoalOf(g)?.id === c.id) }));
  const rest = goals.filter((g) => !groups.some((gr) => gr.goals.includes(g)));
  return { groups: groups.filter((g) => g.goals.length), rest };
}

export function boardReportParts(ctx: ViewContext, report: Entry<"report">, page: string): { parts: PartView[]; assets: Asset[]; unplacedTables: string[] } {
  const data = report.data;
  const year = data.year;
  // A report with goals but no parts: its goals and annex as one part to kommunfullmäktige, its text and tables as every document's.
  const implicit = data.parts.length === 0;
  const declared: ReportPart[] = implicit ? [{ id: "mal", title: BOARD_REPORT.goalsHeading, audience: "council", tables: [] }] : data.parts;
  const partOfGoal = (g: GoalFollowUp) => (implicit ? declared[0] : partOf(data, g));
  const bodies = implicit ? new Map<string, RootContent[]>() : bodyByPart(report);
  const assets: Asset[] = [];
  const context = {
    root: ctx.repo.root,
    ignored: ctx.repo.ignored,
    active: ctx.repo.active,
    docRelPath: report.source.relPath,
    pageRelPath: page,
    pages: ctx.pages,
    figure: figuresOf(report),
  };
  const placed = new Set(declared.flatMap((p) => p.tables));

  const parts = declared.map((part: ReportPart): PartView => {
    const id = part.id;
    const inPart = data.goals.filter((g) => partOfGoal(g) === part);
    const contents: ContentsEntry[] = [];
    const goalsId = `${id}-mal`;

    // The goal tables under kommunfullmäktige's goals: those passed on in the part to kommunfullmäktige; those the board keeps to itself in the board's part.
    const tableGoals =
      part.audience === "council"
        ? inPart.filter((g) => g.unit === undefined && g.passedOn)
        : data.goals.filter((g) => g.unit === undefined && !g.passedOn && (partOfGoal(g) === part || partOfGoal(g)?.audience === "council"));
    const goals: GoalGroupView[] = [];
    if (part.audience === "council") {
      const { groups, rest } = byCouncilGoal(report, tableGoals);
      for (const { council, goals: gs } of groups) {
        const gid = `${id}-mal-${council.id}`;
        goals.push({
          id: gid,
          heading: `${council.id}. ${council.title}`,
          ...(council.area ? { area: council.area } : {}),
          tables: [goalTable(gs, year, BOARD_REPORT.priorityGoal, `${BOARD_REPORT.priorityGoals} ${BOARD_REPORT.under} ${council.id}`)],
        });
      }
      if (rest.length)
        goals.push({
          id: `${id}-mal-ovriga`,
          heading: BOARD_REPORT.priorityGoals,
          tables: [goalTable(rest, year, BOARD_REPORT.priorityGoal, BOARD_REPORT.priorityGoals)],
        });
    } else if (tableGoals.length) {
      goals.push({
        id: `${id}-verksamhetsmal`,
        heading: `${BOARD_REPORT.activityGoal}: ${BOARD_REPORT.notPassedOn}`,
        tables: [goalTable(tableGoals, year, BOARD_REPORT.activityGoal, BOARD_REPORT.activityGoal)],
      });
    }
    // Del 2's tables per unit.
    const unitNames = [...new Set(inPart.flatMap((g) => (g.unit === undefined ? [] : [g.unit])))];
    const units: GoalGroupView[] = unitNames.map((unit, u) => {
      const gs = inPart.filter((g) => g.unit === unit);
      const priority = gs.filter((g) => g.passedOn);
      const own = gs.filter((g) => !g.passedOn);
      return {
        id: `${id}-enhet-${u + 1}`,
        heading: unit,
        tables: [
          ...(priority.length ? [unitTable(priority, BOARD_REPORT.priorityGoals, `${BOARD_REPORT.priorityGoals}: ${unit}`)] : []),
          ...(own.length ? [unitTable(own, BOARD_REPORT.activityGoal, `${BOARD_REPORT.activityGoal}: ${unit}`)] : []),
        ],
      };
    });
    if (goals.length || units.length) {
      addEntry(contents, BOARD_REPORT.goals, goalsId, 1);
      for (const g of [...goals, ...units]) addEntry(contents, g.heading, g.id, 2);
    }

    const money = part.tables.length
      ? (() => {
          const t = moneyTables(
            ctx.repo,
            data.tables.filter((x) => part.tables.includes(x.id)),
            "Ekonomi",
          );
          const mid = `${id}-ekonomi`;
          addEntry(contents, t.tablesHeading, mid, 1);
          return { id: mid, heading: t.tablesHeading, tables: t.tables };
        })()
      : undefined;

    const nodes = bodies.get(id) ?? [];
    let body = "";
    if (hasContent(nodes)) {
      const { nodes: withIds, headings } = withHeadingIds(nodes, `${id}-text`);
      const top = Math.min(...headings.map((h) => h.depth));
      for (const h of headings) if (h.depth - top < 2) addEntry(contents, h.text, h.id, h.depth - top + 1);
      const rendered = ctx.markdown.render(withIds, context, { idPrefix: `${id}-`, baseDepth: 3 });
      body = rendered.html;
      assets.push(...rendered.assets);
    }

    // The annex: del 1's goals with indicators by kommunfullmäktige goal; in the board's part, those the board keeps to itself.
    const annexGoals = tableGoals.filter((g) => g.indicators.length);
    let annex: PartView["annex"];
    if (annexGoals.length) {
      const aid = `${id}-bilaga`;
      // As the goal tables: by kommunfullmäktige goal, and the goals under none last (all of them where the report declares none).
      const byCouncil = byCouncilGoal(report, annexGoals);
      const groupsOf =
        part.audience === "council"
          ? [
              ...byCouncil.groups.map((g) => ({
                key: g.council.id,
                heading: `${g.council.id}. ${g.council.title}`,
                area: g.council.area,
                goals: g.goals,
              })),
              ...(byCouncil.rest.length ? [{ key: "ovriga", heading: BOARD_REPORT.priorityGoals, area: undefined, goals: byCouncil.rest }] : []),
            ]
          : [{ key: "verksamhetsmal", heading: BOARD_REPORT.activityGoal, area: undefined, goals: annexGoals }];
      annex = {
        id: aid,
        heading: BOARD_REPORT.annex,
        groups: groupsOf.map((g) => ({
          id: `${aid}-${g.key}`,
          heading: g.heading,
          ...(g.area ? { area: g.area } : {}),
          tables: [
            annexTable(
              g.goals,
              year,
              part.audience === "council" ? BOARD_REPORT.priorityGoal : BOARD_REPORT.activityGoal,
              `${BOARD_REPORT.annex} ${g.heading}`,
              `${aid}-${g.key}`,
            ),
          ],
        })),
      };
      addEntry(contents, BOARD_REPORT.annex, aid, 1);
    }

    return {
      id,
      title: part.title,
      ...(implicit ? {} : { audience: BOARD_REPORT.audience[part.audience] }),
      contents: implicit ? [] : contents,
      contentsId: `${id}-innehall`,
      goalsId,
      goalsHeading: BOARD_REPORT.goals,
      contentsHeading: BOARD_REPORT.contents,
      goalSections: [...goals, ...units],
      money,
      body,
      annex,
    };
  });
  return { parts, assets, unplacedTables: data.tables.map((t) => t.id).filter((t) => !placed.has(t)) };
}
