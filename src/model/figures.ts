import { groupDigits, NBSP, NNBSP } from "../format/swedish.js";
import { count, listOf, t, type Message } from "../format/message.js";
import { UNIT } from "../vocabulary.js";
import type { GoalIndicator } from "../schema/indicator.js";
import type { MoneyTable } from "../schema/table.js";
import { figuresOf } from "./board-goals.js";
import { formatMeasure, SCALE_DECIMALS } from "./measure.js";
import { lineTotal, sharesOf } from "./money.js";
import type { LoneDocument } from "./repository.js";
import { closest } from "./suggest.js";
import { THIS_KIND } from "./kinds.js";
import { columnLabel, inKronor, KRONOR_PER_UNIT, workTable, type WorkedRow, type WorkedTable } from "./table.js";

/*
 * A figure the prose cites from the document's data (`:figure{…}` in a paragraph): a cell of a
 * money table, the change between two of its columns (in money or in per cent), a budget line of
 * a plan, or a value or target of a board goal's indicator; printed in the unit asked for, the
 * Swedish way. The check (`body/figure`) and the pages read figures only through this module.
 */

/** The units a figure is printed in: money in kronor, tkr or mnkr; a share in per cent; a count as it is. */
export type FigureUnit = "kr" | "tkr" | "mnkr" | "%" | "";
const MONEY_UNITS = ["kr", "tkr", "mnkr"] as const;

/** An exact ratio, in kronor for money and in per cent for a share: never a float. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export interface CitedFigure {
  /** The figure in its dimension's base (kronor, per cent, a count), signed, before `abs`. */
  value: Ratio;
  dimension: "money" | "percent" | "count";
  unit: FigureUnit;
  decimals: number;
  abs: boolean;
  /** As the page prints it: `2,7 mnkr`, `−1 760 tkr`, `18 %` (narrow no-break spaces, real minus). */
  text: string;
  /** Where it comes from, for messages: `Nettokostnad, Utfall 2016 − Bokslut 2015 in Organisatorisk fördelning: 177 246 − 179 992 = −2 746 tkr`. */
  source: Message | string;
}

export type FigureResult = { ok: true; figure: CitedFigure } | { ok: false; reason: Message; fix: Message };

/** The attributes a figure takes, by what it cites; `unit`, `decimals` and `abs` go with any of them. */
export const FIGURE_ATTRIBUTES = {
  table: ["table", "row", "col", "from"],
  line: ["line", "party"],
  goal: ["goal", "indicator", "year", "target", "sex", "part"],
  print: ["unit", "decimals", "abs"],
} as const;

const ALL_ATTRIBUTES: readonly string[] = Object.values(FIGURE_ATTRIBUTES).flat();

const code = (s: string | number) => `\`${s}\``;
const fail = (reason: Message, fix: Message): FigureResult => ({ ok: false, reason, fix });
const suggest = (word: string, candidates: readonly string[], attribute: string): Message => {
  const guess = closest(word, candidates);
  return guess ? t`Write ${code(`${attribute}=${/[\s:"]/.test(guess) ? `"${guess}"` : guess}`)}.` : t`Write one of ${candidates.map(code).join(", ")}.`;
};

const abs = (n: bigint) => (n < 0n ? -n : n);

/** `r` rounded to `decimals` decimals, half away from zero, as an integer of 10^-decimals. */
function roundTo(r: Ratio, decimals: number): bigint {
  const scaled = r.num * 10n ** BigInt(decimals);
  const q = (abs(scaled) * 2n + r.den) / (2n * r.den);
  return scaled < 0n ? -q : q;
}

/** An integer of 10^-decimals in Swedish print: `2,7`, `−1 760`, `1 000 000`. */
function printScaled(n: bigint, decimals: number): string {
  const whole = abs(n) / 10n ** BigInt(decimals);
  const fraction = (abs(n) % 10n ** BigInt(decimals)).toString().padStart(decimals, "0");
  return `${n < 0n ? "\u2212" : ""}${groupDigits(whole, NNBSP)}${decimals ? `,${fraction}` : ""}`;
}

/** A figure in Swedish print, in `unit` (kronor divided into tkr or mnkr), to `decimals`. */
export function printFigure(value: Ratio, unit: FigureUnit, decimals: number, magnitude: boolean): string {
  const inUnit = unit === "kr" || unit === "tkr" || unit === "mnkr" ? { num: value.num, den: value.den * KRONOR_PER_UNIT[unit] } : value;
  const rounded = roundTo(magnitude ? { num: abs(inUnit.num), den: inUnit.den } : inUnit, decimals);
  return `${printScaled(rounded, decimals)}${unit ? `${NBSP}${unit}` : ""}`;
}

/** A figure as the author wrote it in prose: `2,7 tkr`, `28 %`, `−1 760`, `9 609 tkr`. */
export interface WrittenFigureText {
  value: Ratio;
  dimension: CitedFigure["dimension"];
  unit: FigureUnit;
  decimals: number;
  signed: boolean;
  /** Where it stands in the text it was found in. */
  index: number;
  length: number;
}

const WRITTEN = new RegExp(
  String.raw`(?<![\p{L}\p{N},])([+\-−–]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:,(\d+))?(?:[ \u00A0\u202F]?(mnkr|tkr|kr|kronor|%|${UNIT.percent})(?![\p{L}\p{N}]))?`,
  "gu",
);

/** Every figure written in `text`: a number with a decimal comma and thousands spaces, and the unit after it if any. */
export function writtenFigures(text: string): WrittenFigureText[] {
  const found: WrittenFigureText[] = [];
  for (const m of text.matchAll(WRITTEN)) {
    const [all, sign = "", whole = "", fraction = "", word] = m;
    const digits = BigInt(whole.replace(/[ \u00A0\u202F]/gu, "") + fraction);
    const signed = sign !== "";
    const negative = sign === "-" || sign === "−" || sign === "–";
    const unit: FigureUnit = word === "%" || word === UNIT.percent ? "%" : word === "kronor" ? "kr" : ((word ?? "") as FigureUnit);
    const dimension = unit === "%" ? "percent" : unit ? "money" : "count";
    const scale = unit === "kr" || unit === "tkr" || unit === "mnkr" ? KRONOR_PER_UNIT[unit] : 1n;
    found.push({
      value: { num: (negative ? -digits : digits) * scale, den: 10n ** BigInt(fraction.length) },
      dimension,
      unit,
      decimals: fraction.length,
      signed,
      index: m.index,
      length: all.length,
    });
  }
  return found;
}

/**
 * Whether a figure written by hand says the cited one: the same dimension, and the cited figure,
 * rounded to the written figure's decimals in its unit, is the written one. A figure written
 * without a sign is compared by size (the sign is in the words: "minskat med 2,7 mnkr").
 */
export function agrees(written: WrittenFigureText, cited: CitedFigure): boolean {
  // A figure written without a unit is read in the unit the cited figure is printed in (`9 609` for 9 609 tkr).
  const unit = written.dimension === "count" ? (cited.dimension === "money" ? cited.unit : "") : written.unit;
  if (written.dimension !== "count" && written.dimension !== cited.dimension) return false;
  const money = unit === "kr" || unit === "tkr" || unit === "mnkr";
  const inUnit = money ? { num: cited.value.num, den: cited.value.den * KRONOR_PER_UNIT[unit] } : cited.value;
  // A written money figure holds kronor; a unitless one its own digits.
  const writtenInUnit = money && written.unit === unit ? { num: written.value.num, den: written.value.den * KRONOR_PER_UNIT[unit] } : written.value;
  const writtenScaled = roundTo(writtenInUnit, written.decimals);
  const citedScaled = roundTo(inUnit, written.decimals);
  return written.signed && !cited.abs ? writtenScaled === citedScaled : abs(writtenScaled) === abs(citedScaled);
}

const PRINT_DEFAULT_DECIMALS: Record<FigureUnit, number> = { kr: 0, tkr: 0, mnkr: 1, "%": 1, "": 0 };

function printOptions(
  attributes: Record<string, string>,
  dimension: CitedFigure["dimension"],
  natural: { unit: FigureUnit; decimals: number },
): { unit: FigureUnit; decimals: number; abs: boolean } | FigureResult {
  const wanted = attributes.unit;
  let unit = natural.unit;
  if (wanted !== undefined) {
    const allowed: readonly string[] = dimension === "money" ? [...MONEY_UNITS, "%"] : dimension === "percent" ? ["%"] : [""];
    if (!allowed.includes(wanted))
      return fail(
        dimension === "count"
          ? t`${code(`unit=${wanted}`)} is not a unit this figure can be printed in (it is a count).`
          : t`${code(`unit=${wanted}`)} is not a unit this figure can be printed in.`,
        allowed.filter(Boolean).length
          ? t`Write ${listOf(
              allowed.filter(Boolean).map((u) => code(`unit=${u}`)),
              "or",
            )}.`
          : t`Leave out \`unit\`.`,
      );
    unit = wanted as FigureUnit;
  }
  let decimals = unit === natural.unit ? natural.decimals : PRINT_DEFAULT_DECIMALS[unit];
  if (attributes.decimals !== undefined) {
    if (!/^\d$/.test(attributes.decimals))
      return fail(t`${code(`decimals=${attributes.decimals}`)} is not a number of decimals from 0 to 9.`, t`Write e.g. \`decimals=1\`.`);
    decimals = Number(attributes.decimals);
  }
  if (attributes.abs !== undefined && attributes.abs !== "")
    return fail(t`${code("abs")} takes no value; it prints the figure without its sign.`, t`Write \`abs\` alone.`);
  return { unit, decimals, abs: attributes.abs !== undefined };
}

function finish(
  attributes: Record<string, string>,
  value: Ratio,
  dimension: CitedFigure["dimension"],
  natural: { unit: FigureUnit; decimals: number },
  source: Message | string,
): FigureResult {
  const options = printOptions(attributes, dimension, natural);
  if ("ok" in options) return options;
  return {
    ok: true,
    figure: { value, dimension, ...options, text: printFigure(value, options.unit, options.decimals, options.abs), source },
  };
}

/** The tables, budget lines and goals a document holds for its figures. */
function tablesOf(doc: LoneDocument): readonly MoneyTable[] {
  return doc.kind === "plan" || doc.kind === "report" || doc.kind === "budget" ? (doc.data.tables ?? []) : [];
}

function rowIn(worked: WorkedTable, name: string): WorkedRow | undefined {
  const lower = name.toLowerCase();
  return worked.rows.find((r) => r.role !== "heading" && r.id === name) ?? worked.rows.find((r) => r.role !== "heading" && r.label.toLowerCase() === lower);
}

function tableFigure(doc: LoneDocument, attributes: Record<string, string>): FigureResult {
  const tables = tablesOf(doc);
  const id = attributes.table ?? "";
  const at = tables.findIndex((x) => x.id === id);
  if (at < 0)
    return tables.length
      ? fail(
          t`${THIS_KIND[doc.kind]} has no money table ${code(id)}; it has ${tables.map((x) => code(x.id)).join(", ")}.`,
          suggest(
            id,
            tables.map((x) => x.id),
            "table",
          ),
        )
      : fail(t`${THIS_KIND[doc.kind]} has no money tables (\`tables:\`) to cite.`, t`Cite a figure of a document that has them, or write the figure as text.`);
  const worked = workTable(tables[at]!, ["tables", at]);
  const table = worked.table;
  const rowName = attributes.row;
  const rows = worked.rows.filter((r) => r.role !== "heading");
  const names = [...new Set(rows.flatMap((r) => (r.id ? [r.id, r.label] : [r.label])))];
  if (rowName === undefined)
    return fail(
      t`A figure of the table ${code(id)} names its row: \`row=\` with the row's id or label.`,
      t`Add e.g. ${code(`row="${rows.at(-1)?.label ?? ""}"`)}.`,
    );
  const row = rowIn(worked, rowName);
  if (!row) return fail(t`The table ${code(id)} has no row ${code(rowName)}.`, suggest(rowName, names, "row"));
  const columnIds = table.columns.map((c) => c.id);
  const cellOf = (name: string | undefined, attribute: string): { i: number; figure: bigint } | FigureResult => {
    if (name === undefined)
      return fail(
        t`A figure of the table ${code(id)} names its column: \`${attribute}=\` with the column's id.`,
        t`Add e.g. ${code(`${attribute}=${columnIds.at(-1) ?? ""}`)}.`,
      );
    const i = columnIds.indexOf(name);
    if (i < 0)
      return fail(t`The table ${code(id)} has no column ${code(name)}; it has ${columnIds.map(code).join(", ")}.`, suggest(name, columnIds, attribute));
    const figure = row.cells[i]?.shown;
    if (figure === undefined)
      return fail(
        t`The cell of ${code(row.label)} under ${code(columnLabel(table.columns[i]!))} is blank: there is no figure to cite (blank is not 0).`,
        t`Cite a cell with a figure, or write the text without one.`,
      );
    return { i, figure };
  };
  const to = cellOf(attributes.col, "col");
  if ("ok" in to) return to;
  const where = `${row.label}, ${columnLabel(table.columns[to.i]!)}`;
  const caption = table.caption ?? table.id;
  const unit = table.unit;
  const print = (n: bigint) => `${groupDigits(n, NNBSP)}`;
  if (attributes.from === undefined) {
    if (attributes.unit === "%")
      return fail(
        t`${code("unit=%")} prints a change in per cent, which needs the column it is measured from: \`from=\`.`,
        t`Add e.g. ${code(`from=${columnIds[0]}`)}, or leave out ${code("unit=%")}.`,
      );
    return finish(
      attributes,
      { num: inKronor(to.figure, unit)!, den: 1n },
      "money",
      { unit, decimals: 0 },
      t`${where} in ${caption}: ${print(to.figure)} ${unit}`,
    );
  }
  const from = cellOf(attributes.from, "from");
  if ("ok" in from) return from;
  const change = to.figure - from.figure;
  const described = t`${`${row.label}, ${columnLabel(table.columns[to.i]!)} − ${columnLabel(table.columns[from.i]!)}`} in ${caption}: ${`${print(to.figure)} − ${print(from.figure)} = ${print(change)} ${unit}`}`;
  if (attributes.unit === "%") {
    if (from.figure === 0n)
      return fail(
        t`The change is measured from ${code(columnLabel(table.columns[from.i]!))}, which is 0: it has no share.`,
        t`Cite the change in money instead.`,
      );
    const value = { num: change * 100n * (from.figure < 0n ? -1n : 1n), den: abs(from.figure) };
    return finish(attributes, value, "percent", { unit: "%", decimals: 1 }, t`${described} (${printFigure(value, "", 1, false)} % of ${print(from.figure)})`);
  }
  return finish(attributes, { num: inKronor(change, unit)!, den: 1n }, "money", { unit, decimals: 0 }, described);
}

function lineFigure(doc: LoneDocument, attributes: Record<string, string>): FigureResult {
  if (doc.kind !== "plan")
    return fail(
      t`Only a plan has budget lines to cite with \`line=\`; this is \`kind: ${doc.kind}\`.`,
      t`Cite a money table (\`table=\`) or a goal (\`goal=\`).`,
    );
  const id = attributes.line ?? "";
  const line = doc.data.budget.find((l) => l.id === id);
  if (!line)
    return fail(
      t`The plan has no budget line ${code(id)}.`,
      suggest(
        id,
        doc.data.budget.map((l) => l.id),
        "line",
      ),
    );
  if (attributes.party === undefined) {
    const total = lineTotal(line);
    if (total === undefined)
      return fail(t`The budget line ${code(id)} has no amount to cite.`, t`Give the line its amounts, or write the text without a figure.`);
    return finish(attributes, { num: total, den: 1n }, "money", { unit: "kr", decimals: 0 }, `${line.title}: ${groupDigits(total, NNBSP)} kr`);
  }
  const shares = sharesOf(line);
  const share = shares.find((s) => s.party === attributes.party);
  if (!share || share.amount === undefined)
    return fail(
      t`The budget line ${code(id)} has no amount of the party ${code(attributes.party)}${shares.length ? t`; it has ${shares.map((s) => code(s.party)).join(", ")}` : ""}.`,
      shares.length
        ? suggest(
            attributes.party,
            shares.map((s) => s.party),
            "party",
          )
        : t`Leave out \`party=\` for the line's total.`,
    );
  return finish(
    attributes,
    { num: BigInt(share.amount), den: 1n },
    "money",
    { unit: "kr", decimals: 0 },
    `${line.title}, ${share.party}: ${groupDigits(BigInt(share.amount), NNBSP)} kr`,
  );
}

function goalFigure(doc: LoneDocument, attributes: Record<string, string>): FigureResult {
  if (doc.kind !== "report" || doc.data.organisation === undefined)
    return fail(
      t`Only a board's own report has goals with indicators to cite with \`goal=\`.`,
      t`Cite a money table (\`table=\`) or a budget line (\`line=\`).`,
    );
  const id = attributes.goal ?? "";
  const goals = doc.data.goals;
  const withIndicators = goals.filter((g) => g.goal === id && g.indicators.length);
  if (!withIndicators.length) {
    const ids = [...new Set(goals.filter((g) => g.indicators.length).map((g) => g.goal))];
    return goals.some((g) => g.goal === id)
      ? fail(t`The goal ${code(id)} has no indicators to cite.`, t`Cite a goal with indicators: ${ids.map(code).join(", ")}.`)
      : fail(t`The report has no goal ${code(id)}.`, suggest(id, ids, "goal"));
  }
  const indicators: GoalIndicator[] = withIndicators[0]!.indicators;
  let n = 1;
  if (attributes.indicator !== undefined) {
    n = Number(attributes.indicator);
    if (!Number.isInteger(n) || n < 1 || n > indicators.length)
      return fail(
        t`${code(`indicator=${attributes.indicator}`)}: the goal ${code(id)} has ${count(indicators.length, "indicator")}, numbered from 1 in the order written.`,
        t`Write ${listOf(
          indicators.map((_, i) => code(`indicator=${i + 1}`)),
          "or",
        )}.`,
      );
  } else if (indicators.length > 1)
    return fail(
      t`The goal ${code(id)} has ${indicators.length} indicators; the figure does not say which.`,
      t`Add ${listOf(
        indicators.map((ind, i) => `${code(`indicator=${i + 1}`)} (${ind.title})`),
        "or",
      )}.`,
    );
  const indicator = indicators[n - 1]!;
  const target = attributes.target !== undefined;
  if (target && attributes.target !== "")
    return fail(t`${code("target")} takes no value; it cites the indicator's target of the year.`, t`Write \`target\` alone.`);
  const year = Number(attributes.year);
  const figures = figuresOf(indicator).filter((f) => f.target === target);
  const years = [...new Set(figures.map((f) => f.year))];
  if (attributes.year === undefined || !years.includes(year))
    return fail(
      attributes.year === undefined
        ? t`The figure names no year (${indicator.title}).`
        : target
          ? t`The indicator has no target for ${code(attributes.year)} (${indicator.title}).`
          : t`The indicator has no value for ${code(attributes.year)} (${indicator.title}).`,
      years.length ? suggest(attributes.year ?? "", years.map(String), "year") : t`Write the figure as text: the indicator has none to cite.`,
    );
  const key = (f: (typeof figures)[number]) => String(f.path.at(-1) === "value" && f.path.includes("parts") ? "part" : f.path.at(-1));
  const ofYear = figures.filter((f) => f.year === year);
  let chosen = ofYear.find((f) => key(f) === (attributes.sex ?? "total") || (target && key(f) === "value"));
  if (attributes.part !== undefined) {
    const parts = indicator.values.find((v) => v.year === year)?.parts ?? [];
    const index = parts.findIndex((p) => p.label === attributes.part);
    if (index < 0)
      return fail(
        t`The value of ${year} has no part ${code(attributes.part)}.`,
        parts.length
          ? suggest(
              attributes.part,
              parts.map((p) => p.label),
              "part",
            )
          : t`Leave out \`part=\`.`,
      );
    chosen = ofYear.find((f) => f.path.includes("parts") && f.path.includes(index));
  } else if (attributes.sex !== undefined && attributes.sex !== "women" && attributes.sex !== "men")
    return fail(t`${code(`sex=${attributes.sex}`)} names no value; a value is split into \`women\` and \`men\`.`, t`Write \`sex=women\` or \`sex=men\`.`);
  if (!chosen || !chosen.parsed.ok)
    return fail(
      attributes.sex !== undefined
        ? t`The indicator has no ${attributes.sex} value for ${year} to cite (${indicator.title}).`
        : attributes.part !== undefined
          ? t`The indicator has no part ${attributes.part} value for ${year} to cite (${indicator.title}).`
          : t`The indicator has no total value for ${year} to cite (${indicator.title}).`,
      t`Name what it has: \`sex=women\`, \`sex=men\` or \`part=\`.`,
    );
  const measure = chosen.parsed.measure;
  const percent = indicator.unit === "percent";
  const source = target
    ? t`${indicator.title}, target of ${year}: ${formatMeasure(measure, percent)}`
    : t`${indicator.title}, value of ${year}: ${formatMeasure(measure, percent)}`;
  if (measure.kind !== "point") {
    const options = printOptions(attributes, percent ? "percent" : "count", { unit: percent ? "%" : "", decimals: 0 });
    if ("ok" in options) return options;
    const text = formatMeasure(measure, percent);
    return { ok: true, figure: { value: { num: 0n, den: 1n }, dimension: percent ? "percent" : "count", ...options, text, source } };
  }
  const value = { num: measure.value.units, den: 10n ** BigInt(SCALE_DECIMALS) };
  return finish(attributes, value, percent ? "percent" : "count", { unit: percent ? "%" : "", decimals: measure.value.decimals }, source);
}

/** The figure `attributes` name in `doc`, computed, or why it cannot be. */
export function citeFigure(doc: LoneDocument, attributes: Record<string, string>): FigureResult {
  for (const name of Object.keys(attributes)) {
    if (ALL_ATTRIBUTES.includes(name)) continue;
    const guess = closest(name, ALL_ATTRIBUTES);
    return fail(t`A figure takes no ${code(name)}; it takes ${ALL_ATTRIBUTES.map(code).join(", ")}.`, guess ? t`Write ${code(guess)}.` : t`Remove it.`);
  }
  const kinds = (["table", "line", "goal"] as const).filter((k) => attributes[k] !== undefined);
  if (kinds.length !== 1)
    return fail(
      kinds.length ? t`A figure cites one thing; this one names ${listOf(kinds.map((k) => code(k)))}.` : t`The figure names nothing to cite.`,
      t`Name a money table (\`table=drift row=netto col=utfall\`), a budget line of a plan (\`line=sroi\`) or a board goal's indicator (\`goal="7:1" year=2016\`).`,
    );
  for (const k of kinds) {
    const foreign = Object.keys(attributes).filter(
      (a) => !(FIGURE_ATTRIBUTES[k] as readonly string[]).includes(a) && !(FIGURE_ATTRIBUTES.print as readonly string[]).includes(a),
    );
    if (foreign.length)
      return fail(
        foreign.length === 1
          ? t`${code(foreign[0]!)} does not go with \`${k}=\`, which takes ${FIGURE_ATTRIBUTES[k].map(code).join(", ")}.`
          : t`${foreign.map(code).join(", ")} do not go with \`${k}=\`, which takes ${FIGURE_ATTRIBUTES[k].map(code).join(", ")}.`,
        t`Remove ${foreign.map(code).join(", ")}.`,
      );
  }
  return kinds[0] === "table" ? tableFigure(doc, attributes) : kinds[0] === "line" ? lineFigure(doc, attributes) : goalFigure(doc, attributes);
}
