import { t, type Part } from "../format/message.js";
import type { Path } from "../source/locate.js";

/* How messages name a field, a value and a type. */

/** The value at `path` in parsed YAML, if there is one. */
export function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment as string];
  }
  return value;
}

/** `budget[2].parties.lerum` → "`budget[2].parties.lerum`". */
export function describeField(path: Path): string {
  if (path.length === 0) return "The frontmatter";
  const text = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("");
  return `\`${text}\``;
}

/** How a message names the field at `path`: `` `budget[2].parties.lerum` ``, or the frontmatter. */
export function fieldName(path: Path): Part {
  return path.length === 0 ? t`The frontmatter` : describeField(path);
}

/** How a message names a value it found: `the text "…"`, `a list`, `` `12` ``. */
export function valueText(value: unknown): Part {
  if (value === undefined) return t`nothing`;
  if (value === null) return t`an empty value`;
  if (typeof value === "string") return t`the text "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (Array.isArray(value)) return t`a list`;
  if (typeof value === "object") return t`a map of fields`;
  return `\`${String(value)}\``;
}

/** How a message names a type a field must have: `text`, `a number`, `a list`. */
export function typeName(expected: string): Part {
  const names: Record<string, Part> = {
    string: t`text`,
    number: t`a number`,
    int: t`a whole number`,
    boolean: t`\`true\` or \`false\``,
    array: t`a list`,
    object: t`a map of fields`,
    record: t`a map of fields`,
  };
  return names[expected] ?? expected;
}

/** The values a field may take, as a message lists them: `` `a`, `b`, `c` ``. */
export const choices = (options: readonly string[]): string => options.map((o) => `\`${o}\``).join(", ");

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return `the text "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map of fields";
  return `\`${String(value)}\``;
}

export function article(expected: string): string {
  const names: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "`true` or `false`",
    array: "a list",
    object: "a map of fields",
    record: "a map of fields",
  };
  return names[expected] ?? expected;
}
