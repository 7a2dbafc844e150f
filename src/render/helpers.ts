import type Handlebars from "handlebars";
import { decimal, groupDigits, kronor, NBSP, NNBSP, percent } from "../format/swedish.js";
import { exactNumber } from "../rollup/table.js";
import { list } from "../format/text.js";
import { BLANK } from "../vocabulary.js";

/** Swedish formatting for printed documents: narrow no-break spaces between thousands, `kr` and `%` after a no-break space. */

type Amount = number | bigint | undefined | null;

const asNumber = (value: number | bigint) => (typeof value === "bigint" ? exactNumber(value) : value);

/** `1 000 000` (thousands separated by U+202F); an empty cell stays empty. */
export function amount(value: Amount): string {
  return value === undefined || value === null ? "" : groupDigits(asNumber(value), NNBSP);
}

/** `1 000 000 kr`; empty for no value. */
export function kr(value: Amount): string {
  return value === undefined || value === null ? "" : kronor(asNumber(value), true);
}

/** `25 %` from a ratio; `part / whole` as a percentage when given two amounts. */
export function pct(ratio: number, decimals = 0): string {
  return percent(ratio, decimals, true);
}

/** The share `part / whole` as `50 %`; empty when the whole is zero or either is blank. */
export function shareOf(part: bigint | undefined, whole: bigint | undefined, decimals = 0): string {
  return part === undefined || whole === undefined || whole === 0n ? "" : pct(Number(part) / Number(whole), decimals);
}

/** An amount in a sentence: `1 000 000 kr`, or the words for a blank (`ej redovisat`), never `0 kr`. */
export function krText(value: Amount): string {
  return value === undefined || value === null ? BLANK.sentence : kr(value);
}

/** A number with a fixed count of decimals and a decimal comma: `84,0`, `1 234,5`. */
export function fixed(value: number, decimals: number): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const sign = value < 0 && Number(value.toFixed(decimals)) !== 0 ? "\u2212" : "";
  return `${sign}${groupDigits(BigInt(whole), NNBSP)}${fraction ? `,${fraction}` : ""}`;
}

/** A measured value in its unit, with the same decimals down a column: `84,0 %`, `212`, `3,4 per 1 000`. */
export function measured(value: number | null | undefined, unit: string): string {
  if (value === undefined || value === null) return "";
  if (unit === "percent") return `${fixed(value, 1)}${NBSP}%`;
  if (unit === "kronor") return `${fixed(value, 0)}${NBSP}kr`;
  if (unit === "per-1000") return `${fixed(value, 1)} per${NBSP}1${NNBSP}000`;
  return Number.isInteger(value) ? fixed(value, 0) : decimal(value, 1, true);
}

/** Dates are written `2018-12-20`; anything that is not a date is returned as it is. */
export function date(value: string | Date | undefined): string {
  if (value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

export { list } from "../format/text.js";

/**
 * A quoted CSS string of any text, for `content:` in the print style sheet: quotes, backslashes,
 * line breaks, control characters and `<` `>` `&` (which could end the `<style>` element) are
 * written as CSS escapes, so no text can leave the string.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    const unsafe = code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029 || "\\\"'<>&".includes(ch);
    out += unsafe ? `\\${(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code).toString(16)} ` : ch;
  }
  return `${out}"`;
}

/**
 * The helpers templates may use. Their results are plain strings, which Handlebars escapes
 * like any other value.
 */
export function registerHelpers(hbs: typeof Handlebars): void {
  const num = (v: unknown): number | bigint | undefined =>
    typeof v === "number" || typeof v === "bigint" ? v : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined;
  hbs.registerHelper("kronor", (v: unknown) => kr(num(v)));
  hbs.registerHelper("belopp", (v: unknown) => amount(num(v)));
  hbs.registerHelper("procent", (v: unknown, decimals: unknown) => {
    const n = num(v);
    return n === undefined ? "" : pct(Number(n), typeof decimals === "number" ? decimals : 0);
  });
  hbs.registerHelper("datum", (v: unknown) => (typeof v === "string" || v instanceof Date ? date(v) : ""));
  hbs.registerHelper("lista", (v: unknown, conjunction: unknown) =>
    Array.isArray(v) ? list(v.map(String), typeof conjunction === "string" ? conjunction : "och") : "",
  );
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // For the print style sheet: `content: {{css title}};` gives a CSS string, not HTML.
  hbs.registerHelper("css", (v: unknown) => new hbs.SafeString(cssString(typeof v === "string" || typeof v === "number" ? String(v) : "")));
}
