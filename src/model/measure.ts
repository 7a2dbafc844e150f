/**
 * Figures as a board's report writes them (`+5 %`, `-2,4 %`, `5-10`, `ca 0 %`), read as exact
 * decimals: an integer of ten-thousandths, so that comparing a value with its target never
 * depends on how a float rounds.
 */
import { groupDigits, NBSP, NNBSP } from "../format/swedish.js";
import type { indicatorDirection } from "../schema/indicator.js";
import type { FULFILMENT } from "../vocabulary.js";
import type { z } from "zod";
import { t, type Message } from "../format/message.js";

/** Decimals kept: a figure written with more is refused rather than rounded. */
export const SCALE_DECIMALS = 4;
const SCALE = 10n ** BigInt(SCALE_DECIMALS);

/** An exact decimal: `units` ten-thousandths, with the decimals and the sign as written (for printing it back). */
export interface Decimal {
  units: bigint;
  decimals: number;
  /** Written with a leading `+`. */
  plus: boolean;
}

export type Measure =
  | { kind: "point"; value: Decimal; percent: boolean }
  | { kind: "range"; from: Decimal; to: Decimal; percent: boolean }
  | { kind: "about"; value: Decimal; percent: boolean };

export type Parsed = { ok: true; measure: Measure } | { ok: false; reason: Message; fix: Message };

const NUMBER = String.raw`([+\-−–]?)\s*(\d{1,3}(?:[  \u202F]\d{3})+|\d+)(?:,(\d+))?`;
const POINT = new RegExp(`^${NUMBER}$`, "u");
const RANGE = new RegExp(`^${NUMBER}\\s*[-–]\\s*${NUMBER}$`, "u");

/** A decimal as written, or none where it has more decimals than are kept. */
function decimalOf(sign: string, whole: string, fraction: string | undefined): Decimal | undefined {
  const decimals = fraction?.length ?? 0;
  if (decimals > SCALE_DECIMALS) return undefined;
  const digits = whole.replace(/[  \u202F]/gu, "") + (fraction ?? "").padEnd(SCALE_DECIMALS, "0");
  const units = BigInt(digits);
  return { units: sign === "-" || sign === "−" || sign === "–" ? -units : units, decimals, plus: sign === "+" };
}

/** An example of the notation, for a fix. */
const NOTATION = t`a number with a decimal comma, a sign where it matters and \`%\` for a share: \`95 %\`, \`-2,4 %\`, \`+5 %\`, a range \`5-10\``;
/** A figure with more decimals than are kept. */
const tooPrecise = (text: string): Parsed => ({
  ok: false,
  reason: t`${text} has more than ${SCALE_DECIMALS} decimals`,
  fix: t`Round it to at most ${SCALE_DECIMALS} decimals.`,
});

/**
 * Reads a figure. `target` allows a value to come close to (`ca`, `nära`); `percent` says
 * whether the indicator's unit is a share, for which `%` may be written (and elsewhere not).
 */
export function parseFigure(written: number | string, options: { target: boolean; percent: boolean }): Parsed {
  if (typeof written === "number") {
    if (!Number.isFinite(written)) return { ok: false, reason: t`${String(written)} is not a figure`, fix: t`Write ${NOTATION}.` };
    // A YAML number: its shortest decimal form is what was written (66, -2.4, 0.5).
    const text = String(written);
    if (/e/i.test(text)) return { ok: false, reason: t`${text} is written in exponent form`, fix: t`Write it out, e.g. as text: ${NOTATION}.` };
    const [whole = "0", fraction] = text.replace("-", "").split(".");
    const d = decimalOf(written < 0 ? "-" : "", whole, fraction);
    if (d === undefined) return tooPrecise(text);
    return { ok: true, measure: { kind: "point", value: d, percent: false } };
  }
  let text = written.trim();
  let about = false;
  const prefix = /^(ca\.?|cirka|nära)\s+/iu.exec(text);
  if (prefix) {
    if (!options.target)
      return {
        ok: false,
        reason: t`"${written}" is a value to come close to, which only a target can be`,
        fix: t`Write the value measured, e.g. \`86 %\`; \`ca\` and \`nära\` are for a target.`,
      };
    about = true;
    text = text.slice(prefix[0].length);
  }
  let percent = false;
  if (/\s*%$/u.test(text)) {
    percent = true;
    text = text.replace(/\s*%$/u, "");
  }
  if (percent && !options.percent)
    return {
      ok: false,
      reason: t`"${written}" is a share (%), but the indicator's unit is not \`percent\``,
      fix: t`Leave out \`%\`, or set \`unit: percent\`.`,
    };
  if (/^[+\-−–]?\s*\d+\.\d+/u.test(text) && !/,/.test(text))
    return {
      ok: false,
      reason: t`"${written}" has a decimal point`,
      fix: t`Write a decimal comma: "${written.replace(".", ",")}" (or the number without quotes).`,
    };
  const point = POINT.exec(text);
  if (point) {
    const d = decimalOf(point[1]!, point[2]!, point[3]);
    if (d === undefined) return tooPrecise(`"${written}"`);
    return { ok: true, measure: { kind: about ? "about" : "point", value: d, percent } };
  }
  const range = RANGE.exec(text);
  if (range && !about) {
    const from = decimalOf(range[1]!, range[2]!, range[3]);
    const to = decimalOf(range[4]!, range[5]!, range[6]);
    if (from === undefined || to === undefined) return tooPrecise(`"${written}"`);
    if (from.units >= to.units)
      return { ok: false, reason: t`The range "${written}" does not go from a lower to a higher value`, fix: t`Write the lower value first, e.g. \`5-10\`.` };
    return { ok: true, measure: { kind: "range", from, to, percent } };
  }
  return {
    ok: false,
    reason: t`"${written}" is not a figure in the report's notation`,
    fix: options.target ? t`Write ${NOTATION}, or \`ca 0 %\` for a target to come close to.` : t`Write ${NOTATION}.`,
  };
}

/** The margin within which a value is close to an `about` target: 5 % of it, and at least one unit of its last written digit. */
export function tolerance(target: Decimal): bigint {
  const abs = target.units < 0n ? -target.units : target.units;
  const fivePercent = (abs * 5n) / 100n;
  const lastDigit = SCALE / 10n ** BigInt(target.decimals);
  return fivePercent > lastDigit ? fivePercent : lastDigit;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

export type Direction = z.infer<typeof indicatorDirection>;
export type Fulfilment = keyof typeof FULFILMENT;

/** How far a value is from meeting a target, 0 when it meets it (for telling whether it moved the right way). */
function shortfall(value: bigint, target: Measure, direction: Direction): bigint {
  switch (target.kind) {
    case "about": {
      const off = abs(value - target.value.units) - tolerance(target.value);
      return off > 0n ? off : 0n;
    }
    case "range":
      // Beyond the range on the better side meets it too: at least 5-10 people, 14 is more than enough.
      if (direction === "higher-is-better") return value >= target.from.units ? 0n : target.from.units - value;
      return value <= target.to.units ? 0n : value - target.to.units;
    case "point":
      if (direction === "higher-is-better") return value >= target.value.units ? 0n : target.value.units - value;
      return value <= target.value.units ? 0n : value - target.value.units;
  }
}

/**
 * A value against its target: `met` when it reaches it (a point by the direction, a range by
 * its better end, an `about` target within the tolerance); `partly-met` when it has not but is
 * nearer to it than the year before; `not-met` otherwise.
 */
export function assessValue(value: Decimal, target: Measure, direction: Direction, previous: Decimal | undefined): Fulfilment {
  const now = shortfall(value.units, target, direction);
  if (now === 0n) return "met";
  if (previous !== undefined && now < shortfall(previous.units, target, direction)) return "partly-met";
  return "not-met";
}

/** A goal's fulfilment from its values' and indicators': all met, all not met, or partly; `not-assessed` with none assessed. */
export function combineFulfilment(statuses: readonly Fulfilment[]): Fulfilment {
  const assessed = statuses.filter((s) => s !== "not-assessed");
  if (assessed.length === 0) return "not-assessed";
  if (assessed.every((s) => s === "met")) return "met";
  if (assessed.every((s) => s === "not-met")) return "not-met";
  return "partly-met";
}

/** A decimal in Swedish print: decimal comma, narrow no-break spaces between thousands, real minus, `+` where written. */
export function formatDecimal(d: Decimal, thousands = NNBSP): string {
  const negative = d.units < 0n;
  const units = abs(d.units);
  const fraction = (units % SCALE).toString().padStart(SCALE_DECIMALS, "0").slice(0, d.decimals);
  return `${negative ? "\u2212" : d.plus ? "+" : ""}${groupDigits(units / SCALE, thousands)}${d.decimals ? `,${fraction}` : ""}`;
}

/** A measure in Swedish print: `−2,4 %`, `+5 %`, `5–10`, `ca 0 %`; `%` for a share, whether or not it was written. */
export function formatMeasure(m: Measure, share: boolean, thousands = NNBSP): string {
  const unit = share || m.percent ? `${NBSP}%` : "";
  switch (m.kind) {
    case "point":
      return `${formatDecimal(m.value, thousands)}${unit}`;
    case "about":
      return `ca ${formatDecimal(m.value, thousands)}${unit}`;
    case "range":
      return `${formatDecimal(m.from, thousands)}–${formatDecimal(m.to, thousands)}${unit}`;
  }
}
