import type { Path } from "../source/locate.js";
import { t, type Message } from "../format/message.js";
import type { GoalIndicator, WrittenFigure } from "../schema/indicator.js";
import type { GoalFollowUp, Report } from "../schema/report.js";
import { assessValue, combineFulfilment, formatMeasure, parseFigure, type Decimal, type Fulfilment, type Measure, type Parsed } from "./measure.js";

/**
 * A board's own report: kommunfullmäktige's goals, the board's goals under them with their
 * indicators as the annex writes them, and the parts (del 1 to kommunfullmäktige, del 2 for the
 * board only) they are printed in.
 */

/** One written figure of an indicator: where it is (below the indicator), what it says, and how it reads. */
export interface PlacedFigure {
  path: Path;
  written: WrittenFigure;
  target: boolean;
  year: number;
  parsed: Parsed;
}

/** Every figure an indicator writes, values and targets, each read. */
export function figuresOf(ind: GoalIndicator): PlacedFigure[] {
  const percent = ind.unit === "percent";
  const out: PlacedFigure[] = [];
  const add = (path: Path, written: WrittenFigure | null | undefined, year: number, target: boolean) => {
    if (written === undefined || written === null) return;
    out.push({ path, written, target, year, parsed: parseFigure(written, { target, percent }) });
  };
  ind.values.forEach((v, i) => {
    for (const key of ["total", "women", "men"] as const) add(["values", i, key], v[key], v.year, false);
    v.parts?.forEach((p, j) => add(["values", i, "parts", j, "value"], p.value, v.year, false));
  });
  ind.targets.forEach((t, i) => add(["targets", i, "value"], t.value, t.year, true));
  return out;
}

const read = (written: WrittenFigure | null | undefined, target: boolean, percent: boolean): Measure | undefined => {
  if (written === undefined || written === null) return undefined;
  const parsed = parseFigure(written, { target, percent });
  return parsed.ok ? parsed.measure : undefined;
};

const pointOf = (m: Measure | undefined): Decimal | undefined => (m?.kind === "point" ? m.value : undefined);

export interface IndicatorStanding {
  indicator: GoalIndicator;
  target: { year: number; measure: Measure } | undefined;
  /** The values of the year assessed: the total, or each labelled part, or women and men where there is no total. */
  values: { label?: string; measure: Measure }[];
  status: Fulfilment;
}

/** The target due in `year`: that year's, else the latest before it. */
function targetOf(ind: GoalIndicator, year: number) {
  const percent = ind.unit === "percent";
  const due = ind.targets.filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  const measure = due ? read(due.value, true, percent) : undefined;
  return due && measure ? { year: due.year, measure } : undefined;
}

/**
 * How an indicator stands in `year`: each value of the year against the target due (see
 * `assessValue`), with the latest earlier total as the year before; `not-assessed` without a
 * value, a target, or with a value that is a range.
 */
export function assessGoalIndicator(ind: GoalIndicator, year: number): IndicatorStanding {
  const percent = ind.unit === "percent";
  const target = targetOf(ind, year);
  const entry = ind.values.find((v) => v.year === year);
  const values: IndicatorStanding["values"] = [];
  if (entry?.parts?.length) {
    for (const p of entry.parts) {
      const m = read(p.value, false, percent);
      if (m) values.push({ label: p.label, measure: m });
    }
  } else if (entry) {
    const total = read(entry.total, false, percent);
    if (total) values.push({ measure: total });
    else
      for (const key of ["women", "men"] as const) {
        const m = read(entry[key], false, percent);
        if (m) values.push({ label: key, measure: m });
      }
  }
  const earlier = ind.values
    .filter((v) => v.year < year)
    .sort((a, b) => b.year - a.year)
    .map((v) => pointOf(read(v.total, false, percent)))
    .find((d) => d !== undefined);
  const statuses = values.map((v) => {
    const value = pointOf(v.measure);
    return target && value ? assessValue(value, target.measure, ind.direction, earlier) : ("not-assessed" as const);
  });
  return { indicator: ind, target, values, status: combineFulfilment(statuses) };
}

/** A goal's fulfilment computed from its indicators, with how each stands. */
export function computeBoardGoal(goal: GoalFollowUp, year: number) {
  const standings = goal.indicators.map((i) => assessGoalIndicator(i, year));
  return { status: combineFulfilment(standings.map((s) => s.status)), standings };
}

/** A standing in words for a message: `Andel …: 95 % against target 100 % (2016)`. */
export function standingText(s: IndicatorStanding): Message {
  const share = s.indicator.unit === "percent";
  const values = s.values.map((v) => `${v.label ? `${v.label} ` : ""}${formatMeasure(v.measure, share, " ").replace("\u00A0", " ")}`).join(", ");
  return s.target
    ? t`${s.indicator.title} ${values} against target ${formatMeasure(s.target.measure, share, " ").replace("\u00A0", " ")} (${s.target.year})`
    : t`${s.indicator.title} ${values} against no target`;
}

/** The kommunfullmäktige goal a board's goal serves: `council`, else the number before the colon of its id (`6` of `6:1`). */
export function councilGoalOf(goal: GoalFollowUp): { id: string; explicit: boolean } | undefined {
  if (goal.council !== undefined) return { id: goal.council, explicit: true };
  const prefix = /^(\d+):\d+$/.exec(goal.goal);
  return prefix ? { id: prefix[1]!, explicit: false } : undefined;
}

export type ReportPart = Report["parts"][number];

/** The part a follow-up is in: the one it names, else the first. */
export function partOf(report: Report, goal: GoalFollowUp): ReportPart | undefined {
  return goal.part === undefined ? report.parts[0] : report.parts.find((p) => p.id === goal.part);
}

/** A goal's text as compared between documents and parts: case, spacing and a closing full stop aside. */
export function goalTextKey(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .replace(/\s+/g, " ")
    .replace(/[.!]\s*$/, "")
    .trim();
}
