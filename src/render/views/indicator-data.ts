import { valuesOf } from "../../model/indicators.js";
import type { Entry, Repository } from "../../model/repository.js";
import { capitalise } from "../../format/text.js";
import { DIRECTION, SEX, UNIT } from "../../vocabulary.js";
import { fixed, measured } from "../helpers.js";
import { td, th, num, type RowView, type TableView } from "./table.js";

/** The series an indicator's values fall into: everyone, and where the data has it, women and men. */
export interface Series {
  key: "total" | "women" | "men";
  label: string;
  /** Line pattern and marker shape: the series differ by more than colour. */
  dash: string;
  marker: "circle" | "square" | "triangle";
  points: { year: number; value: number }[];
}

const SERIES = [
  { key: "total", label: "Totalt", dash: "", marker: "circle" },
  { key: "women", label: SEX.women, dash: "8 4", marker: "square" },
  { key: "men", label: SEX.men, dash: "2 3", marker: "triangle" },
] as const;

export interface IndicatorData {
  years: number[];
  series: Series[];
  targets: { year: number; value: number }[];
  bySex: boolean;
}

export function indicatorData(repo: Repository, indicator: Entry<"indicator">): IndicatorData {
  const values = valuesOf(repo, indicator);
  const bySex = indicator.data.bySex || values.some((v) => typeof v.women === "number" || typeof v.men === "number");
  const series: Series[] = SERIES.filter((s) => s.key === "total" || bySex)
    .map((s) => ({ ...s, points: values.flatMap((v) => (typeof v[s.key] === "number" ? [{ year: v.year, value: v[s.key] as number }] : [])) }))
    .filter((s) => s.points.length > 0 || s.key === "total");
  const targets = [...indicator.data.targets].sort((a, b) => a.year - b.year);
  const years = [...new Set([...values.map((v) => v.year), ...targets.map((t) => t.year)])].sort((a, b) => a - b);
  return { years, series, targets, bySex };
}

/** Values per year as a table: total, women/girls and men/boys where split by sex, and the target. */
export function indicatorTable(indicator: Entry<"indicator">, data: IndicatorData, caption: string): TableView {
  const unit = indicator.data.unit;
  const columns = data.series.map((s) => s.key);
  const hasTargets = data.targets.length > 0;
  const head: RowView[] = [
    { cells: [th("År", "col"), ...data.series.map((s) => th(s.label, "col", { num: true })), ...(hasTargets ? [th("Målvärde", "col", { num: true })] : [])] },
  ];
  const rows: RowView[] = data.years.map((year) => ({
    cells: [
      th(String(year)),
      ...columns.map((key) => num(measured(data.series.find((s) => s.key === key)?.points.find((p) => p.year === year)?.value, unit))),
      ...(hasTargets ? [num(measured(data.targets.find((t) => t.year === year)?.value, unit))] : []),
    ],
  }));
  if (rows.length === 0) rows.push({ cells: [td("Inga värden är registrerade.", { colspan: head[0]!.cells.length })] });
  return { caption, className: "indicator", head, bodies: [rows] };
}

export interface ChartView {
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  series: { label: string; dash: string; path: string; markers: { x: number; y: number; shape: string; points?: string }[]; legendY: number }[];
  targets: { x: number; y: number; points: string; label: string }[];
  /** The legend, right of the plot: a sample of each line, then the target's diamond. */
  legend: { x1: number; x2: number; textX: number };
  targetLegend: { y: number; points: string };
}

const round = (n: number) => Math.round(n * 10) / 10;

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/**
 * A line chart of the values, as geometry for `partials/chart.hbs`. Series differ by line
 * pattern and marker shape, are named in a legend, and the chart has a title and a
 * description that says every value in words.
 */
export function chartView(id: string, indicator: Entry<"indicator">, data: IndicatorData): ChartView | undefined {
  const all = [...data.series.flatMap((s) => s.points), ...data.targets];
  if (data.series.every((s) => s.points.length === 0)) return undefined;
  const unit = indicator.data.unit;
  const width = 640;
  const height = 280;
  const plot = { left: 64, right: 470, top: 20, bottom: 240 };
  let min = Math.min(...all.map((p) => p.value));
  let max = Math.max(...all.map((p) => p.value));
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const step = niceStep(max - min, 4);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  if (unit !== "index" && min < 0 && Math.min(...all.map((p) => p.value)) >= 0) min = 0;
  const years = data.years;
  const first = years[0]!;
  const last = years.at(-1)!;
  const x = (year: number) => round(first === last ? (plot.left + plot.right) / 2 : plot.left + ((year - first) / (last - first)) * (plot.right - plot.left));
  const y = (value: number) => round(plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top));
  const yTicks: ChartView["yTicks"] = [];
  for (let v = min, i = 0; v <= max + step / 1e6 && i < 20; v += step, i++) yTicks.push({ y: y(v), label: fixed(v, Number.isInteger(step) ? 0 : 1) });
  const xTicks = years.map((year) => ({ x: x(year), label: String(year) }));
  const marker = (shape: string, cx: number, cy: number) =>
    shape === "square"
      ? { x: round(cx - 4), y: round(cy - 4), shape }
      : shape === "triangle"
        ? { x: cx, y: cy, shape, points: `${cx},${round(cy - 5)} ${round(cx + 5)},${round(cy + 4)} ${round(cx - 5)},${round(cy + 4)}` }
        : { x: cx, y: cy, shape };
  const series = data.series
    .filter((s) => s.points.length)
    .map((s, i) => ({
      label: s.label,
      dash: s.dash,
      path: s.points.map((p, j) => `${j ? "L" : "M"}${x(p.year)} ${y(p.value)}`).join(" "),
      markers: s.points.map((p) => marker(s.marker, x(p.year), y(p.value))),
      legendY: plot.top + 10 + i * 24,
    }));
  const targets = data.targets.map((t) => {
    const cx = x(t.year);
    const cy = y(t.value);
    return { x: cx, y: cy, points: `${cx},${round(cy - 6)} ${round(cx + 6)},${cy} ${cx},${round(cy + 6)} ${round(cx - 6)},${cy}`, label: `Mål ${t.year}` };
  });
  const targetY = plot.top + 10 + series.length * 24;
  const title = `${indicator.data.title} ${years.length > 1 ? `${first}–${last}` : first}`;
  const words = data.series.filter((s) => s.points.length).map((s) => `${s.label}: ${s.points.map((p) => `${p.year} ${measured(p.value, unit)}`).join(", ")}.`);
  const targetWords = data.targets.length ? [`Målvärde: ${data.targets.map((t) => `${t.year} ${measured(t.value, unit)}`).join(", ")}.`] : [];
  const direction = `${capitalise(DIRECTION[indicator.data.direction])}.`;
  return {
    id,
    width,
    height,
    title,
    desc: [`Linjediagram, ${UNIT[unit]} per år.`, ...words, ...targetWords, direction].join(" "),
    plot,
    yTicks,
    xTicks,
    series,
    targets,
    legend: { x1: plot.right + 24, x2: plot.right + 52, textX: plot.right + 60 },
    targetLegend: {
      y: targetY,
      points: `${plot.right + 38},${targetY - 6} ${plot.right + 44},${targetY} ${plot.right + 38},${targetY + 6} ${plot.right + 32},${targetY}`,
    },
  };
}
