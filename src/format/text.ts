/** Small helpers for the English text of the command line and the order of strings. */

/** `1 file`, `3 files`; `plural(2, "file is", "files are")` where the plural is not the word with `s`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Strings in code-unit order: the same on every machine and in every locale, so that files,
 * ids and output come out in one order everywhere (a collator would follow the locale).
 */
export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `lägre värde är bättre` → `Lägre värde är bättre`. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);

/**
 * `text` with what lies between the lines `start` and `end` replaced by `content`: a generated
 * part of the README (the rule table, the field reference, …); `undefined` when a marker is missing.
 */
export function betweenMarkers(text: string, start: string, end: string, content: string): string | undefined {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** `a, b och c` (or with another conjunction: `a, b and c` in the command line's English). */
export function list(items: readonly string[], conjunction = "och"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
