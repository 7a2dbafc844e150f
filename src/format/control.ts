/**
 * Characters that make text lie about itself: C0 controls (ESC starts terminal escape
 * sequences, CR overwrites a line or adds a CSV row), DEL, C1 controls (a one-byte CSI) and the
 * bidirectional overrides and isolates that show text in another order than it is read
 * (Trojan Source). Tab and line feed are ordinary text and are not among them; CR is, except as
 * part of a line end in a body, which the callers allow for.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The first control character in `text`, with its offset; `undefined` where there is none. */
export function firstControlCharacter(text: string, allowLineEnds = false): { char: string; offset: number } | undefined {
  const pattern = new RegExp(CONTROL_CHARACTERS.source, "g");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (allowLineEnds && m[0] === "\r" && text[m.index + 1] === "\n") continue;
    return { char: m[0], offset: m.index };
  }
  return undefined;
}

/** A control character as it is written in a YAML double-quoted string: `\x1b`, `\u202e`. */
export function escapeOf(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Text from documents as a terminal may show it: control characters written as visible
 * escapes (`\x1b`), so that a title cannot move the cursor, recolour or clear the screen, or
 * hide what follows. Line feeds and tabs stay.
 */
export function visible(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapeOf);
}

/** Every string in plain data (objects, arrays) made `visible`: for output that quotes documents throughout, such as a diff. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === "string") return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, visibleStrings(v)])) as T;
}

/** C1 controls (and DEL) and the bidirectional overrides and isolates: JSON.stringify leaves them raw, escaping only C0. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Data as JSON that is safe to print: JSON.stringify escapes only C0 controls, so a C1 CSI
 * (`\u009b`) or a bidi override from a document would reach a terminal or a log raw. These are
 * written as `\uXXXX` too: the same data once parsed. They can stand only inside strings, so
 * replacing them in the whole text is exact.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
