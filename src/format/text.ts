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
