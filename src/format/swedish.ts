/** Swedish number formatting: space as thousands separator, decimal comma, `%` after a space. */

/** Narrow no-break space, the thousands separator in print. */
export const NNBSP = "\u202F";
/** No-break space between a number and its unit. */
export const NBSP = "\u00A0";

export function groupDigits(n: number | bigint, separator = " "): string {
  const negative = n < 0;
  const digits = (negative ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return negative ? `\u2212${grouped}` : grouped;
}

/** `1 000 000 kr`; plain spaces for a terminal, narrow no-break spaces for print. */
export function kronor(n: number | bigint, print = false): string {
  return print ? `${groupDigits(n, NNBSP)}${NBSP}kr` : `${groupDigits(n)} kr`;
}

/** A number with decimal comma, at most `decimals` decimals: `82,4`. */
export function decimal(n: number, decimals = 1, print = false): string {
  // Trailing zeros go only after a decimal point: 50 stays 50, 82.40 becomes 82,4.
  const fixed = n.toFixed(decimals).replace(/\.(\d*?)0+$/, (_, kept: string) => (kept ? `.${kept}` : ""));
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = groupDigits(BigInt(whole.replace("-", "")), print ? NNBSP : " ");
  const sign = whole.startsWith("-") ? "\u2212" : "";
  return `${sign}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** `25 %`, from a ratio (0.25) or from parts of a whole. */
export function percent(ratio: number, decimals = 0, print = false): string {
  return `${decimal(ratio * 100, decimals, print)}${print ? NBSP : " "}%`;
}

/**
 * Reads an amount written as Swedish text ("1 000 000", "1,5 mnkr", "220 tkr", "2 000 000 kr")
 * and returns whole kronor, or `undefined` when the text is not an amount. Used to tell the
 * user which integer to write instead.
 */
export function parseSwedishAmount(text: string): number | undefined {
  const m = /^\s*(-?[\d\s\u00A0\u202F]+(?:[,.]\d+)?)\s*(kr|kronor|tkr|mnkr|mkr|msek|sek)?\s*$/i.exec(text);
  if (!m) return undefined;
  const digits = m[1]!.replace(/[\s\u00A0\u202F]/g, "");
  // `240.000` and `240,000` group thousands; `1,5` is a decimal comma.
  const number = /^-?\d{1,3}(?:[.,]\d{3})+$/.test(digits) ? Number(digits.replace(/[.,]/g, "")) : Number(digits.replace(",", "."));
  if (!Number.isFinite(number)) return undefined;
  const unit = (m[2] ?? "kr").toLowerCase();
  const factor = unit === "tkr" ? 1_000 : unit === "mnkr" || unit === "mkr" || unit === "msek" ? 1_000_000 : 1;
  return Math.round(number * factor);
}
