import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import type { IndicatorValue } from "../schema/indicator.js";
import { combineFulfilment, type Fulfilment } from "./measure.js";
import { koladaKey, lookup, type Entry, type Repository } from "./repository.js";

/** A value of an indicator with the place it was written: the indicator document or an imported data file. */
export interface PlacedValue extends IndicatorValue {
  source: SourceDocument;
  path: Path;
}

/**
 * An indicator's values by year: those written in the document, and those imported from
 * Kolada for its KPI and municipality. Where both give a year, the imported value counts.
 */
export function valuesOf(repo: Repository, indicator: Entry<"indicator">): PlacedValue[] {
  const byYear = new Map<number, PlacedValue>();
  indicator.data.values.forEach((v, i) => byYear.set(v.year, { ...v, source: indicator.source, path: ["values", i] }));
  const src = indicator.data.source;
  const imported = src?.type === "kolada" ? repo.kolada.get(koladaKey(src.kpi, src.municipality)) : undefined;
  imported?.data.values.forEach((v, i) => byYear.set(v.year, { ...v, source: imported.source, path: ["values", i] }));
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export type { Fulfilment };

export interface IndicatorAssessment {
  indicator: Entry<"indicator">;
  value: number | undefined;
  target: { year: number; value: number } | undefined;
  status: Fulfilment;
}

const better = (direction: string, a: number, b: number) => (direction === "lower-is-better" ? a <= b : a >= b);

/**
 * How an indicator stands in a year: `met` when its value reaches the target due by then;
 * `partly-met` when it has not, but has moved the right way from the baseline; `not-met`
 * otherwise; `not-assessed` without a value for the year, or with nothing to compare it to.
 */
export function assessIndicator(repo: Repository, indicator: Entry<"indicator">, year: number): IndicatorAssessment {
  const value = valuesOf(repo, indicator).find((v) => v.year === year)?.total ?? undefined;
  const due = indicator.data.targets.filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  const next = indicator.data.targets.filter((t) => t.year > year).sort((a, b) => a.year - b.year)[0];
  const target = due ?? next;
  const { direction, baseline } = indicator.data;
  let status: Fulfilment = "not-assessed";
  if (value !== undefined && value !== null) {
    const improved = baseline && baseline.year < year ? better(direction, value, baseline.value) && value !== baseline.value : undefined;
    if (due && better(direction, value, due.value)) status = "met";
    else if (improved) status = "partly-met";
    else if (due || improved === false) status = "not-met";
  }
  return { indicator, value: value ?? undefined, target, status };
}

/** The indicators that follow a goal up: its own, else those of the interventions working towards it. */
export function indicatorsOfGoal(repo: Repository, plan: Entry<"plan">, goalId: string): Entry<"indicator">[] {
  const goal = plan.data.goals.find((g) => g.id === goalId);
  const ids = goal?.indicators.length ? goal.indicators : plan.data.interventions.filter((i) => i.goals.includes(goalId)).flatMap((i) => i.indicators);
  return [...new Set(ids)].flatMap((id) => lookup(repo, id, "indicator") ?? []);
}

/** A goal's fulfilment computed from its indicators: all met, all not met, or partly. */
export function computeGoalFulfilment(repo: Repository, plan: Entry<"plan">, goalId: string, year: number) {
  const assessments = indicatorsOfGoal(repo, plan, goalId).map((i) => assessIndicator(repo, i, year));
  return { status: combineFulfilment(assessments.map((a) => a.status)), assessments };
}
