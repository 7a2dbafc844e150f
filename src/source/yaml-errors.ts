import { parseDocument, type YAMLError } from "yaml";
import { t, type Message } from "../format/message.js";

/**
 * The YAML parser's errors told in the user's terms. The parser speaks of its grammar ("Nested
 * mappings are not allowed in compact mappings"); the user wrote a colon in a title, forgot a
 * colon, or indented with a tab. Each common mistake is recognised from the source line it is
 * on and explained once, with the line as it should be written; one mistake that the parser
 * reports several times (a tab that shifts every line after it) gives one message.
 */
export interface YamlMistake {
  /** Offsets into the YAML text. */
  from: number;
  to: number;
  reason: Message;
  fix: Message;
}

/** A line of a block map or list item: indentation, an optional `- `, a key. */
const KEYED = /^(?<lead>[ ]*(?:- +)?)(?<key>[\p{L}\p{N}_-]+):[ ]+(?<value>.*)$/u;
/** A line that looks like a field without its colon: `status draft`. */
const NO_COLON = /^(?<lead>[ ]*(?:- +)?)(?<key>[\p{L}\p{N}_-]+)[ ]+(?<value>[^:#\s].*)$/u;

/** A line that begins with a field name and its colon. */
const FIELD_START = /^(?:- +)?[\p{L}\p{N}_-]+:(\s|$)/u;

const lineAt = (text: string, offset: number) => {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
};

/** A value as YAML would read it whole: in double quotes, its quotes and backslashes escaped. */
const quoted = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** What one parser error means, from its source line; the parser's own words where no common mistake fits. */
export function explainYamlError(text: string, error: YAMLError): YamlMistake {
  const [from, to] = error.pos;
  const line = lineAt(text, from);
  const keyed = KEYED.exec(line.text)?.groups;
  // `title: Föräldraskapsstöd: gruppträffar`: a plain value with ": " in it reads as a second key.
  if (keyed && /^[^"'[{|>&*!#%@`]/.test(keyed["value"]!) && /:\s/.test(keyed["value"]!)) {
    const value = keyed["value"]!.replace(/\s+#.*$/, "").trimEnd();
    return {
      from: line.start + keyed["lead"]!.length + keyed["key"]!.length + 2,
      to: line.start + line.text.length,
      reason: t`The value of \`${keyed["key"]!}\` holds a colon followed by a space (\`${value}\`), which YAML reads as the start of another field.`,
      fix: t`Put the value in quotes: \`${keyed["lead"]!.replace(/^ +/, "")}${keyed["key"]!}: ${quoted(value)}\`.`,
    };
  }
  // A plain value written over several lines, with `: ` on a line that goes on with it.
  const continued = colonInContinuation(text, line, keyed);
  if (continued) return continued;
  // `status draft`: a field without its colon.
  const bare = KEYED.test(line.text) ? undefined : NO_COLON.exec(line.text)?.groups;
  if (bare) {
    const start = line.start + bare["lead"]!.length;
    return {
      from: start,
      to: start + bare["key"]!.length,
      reason: t`\`${line.text.trim()}\` has no colon after its field name, so YAML cannot tell the field from its value.`,
      fix: t`Write a colon and a space after the field name: \`${bare["lead"]!.replace(/^ +/, "")}${bare["key"]!}: ${bare["value"]!}\`.`,
    };
  }
  return {
    from,
    to: Math.max(to, from + 1),
    reason: t`YAML syntax: ${error.message.replace(/ at line \d+, column \d+.*$/s, "")}.`,
    fix: t`Check the indentation, quotes and colons on this line.`,
  };
}

/**
 * A plain value begun on `line` (after `key: ` or `- `) that goes on over the more indented lines
 * after it, one of which holds `: `: YAML reads that as a field. The mistake is told at that
 * line, with the whole value in quotes as the fix.
 */
function colonInContinuation(text: string, line: { start: number; text: string }, keyed: Record<string, string> | undefined): YamlMistake | undefined {
  const lead = keyed?.["lead"] ?? /^[ ]*(?:- +)?/.exec(line.text)![0];
  const first = (keyed ? keyed["value"]! : line.text.slice(lead.length)).trimEnd();
  if (!first || !/^[^"'[{|>&*!#%@`]/.test(first)) return undefined;
  // A value goes on on lines indented past its key (whose sibling fields stand at the key's column), or past an item's dash.
  const indent = keyed ? lead.length : /^ */.exec(line.text)![0].length;
  const parts = [first];
  let at = line.start + line.text.length + 1;
  let found: { start: number; text: string } | undefined;
  while (at < text.length) {
    const next = lineAt(text, at);
    const content = next.text.trim();
    if (!content || content.startsWith("#") || /^ */.exec(next.text)![0].length <= indent) break;
    parts.push(content);
    // A line that begins with a field name (`parties: …`) is rather a field whose line above lacks its colon.
    if (!found && /:(\s|$)/.test(content) && !FIELD_START.test(content)) found = next;
    at = next.start + next.text.length + 1;
  }
  if (!found) return undefined;
  const from = found.start + found.text.length - found.text.trimStart().length;
  const field = keyed ? `${keyed["lead"]!.trimStart()}${keyed["key"]}: ` : lead.trimStart();
  return {
    from,
    to: found.start + found.text.trimEnd().length,
    reason: t`This line goes on with the value begun above it (\`${first}\`) and holds a colon followed by a space (\`${found.text.trim()}\`), which YAML reads as the start of another field.`,
    fix: t`Put the value in quotes: \`${field}${quoted(parts.join(" "))}\`.`,
  };
}

/** One message per line: the parser often reports one mistake twice at one place. */
export function explainYamlErrors(text: string, errors: readonly YAMLError[]): YamlMistake[] {
  const seen = new Set<number>();
  return errors.flatMap((error) => {
    const line = lineAt(text, error.pos[0]).start;
    if (seen.has(line)) return [];
    seen.add(line);
    return [explainYamlError(text, error)];
  });
}

/**
 * The width, in spaces, that the indenting tabs of `text` must have for it to read without errors
 * (the first that works of the usual ones), if any.
 */
export function tabWidthThatReads(text: string, read: (text: string) => { errors: unknown[] } = (t) => parseDocument(t)): number | undefined {
  return [2, 4, 8, 1, 3, 6].find((width) => read(text.replace(/^[ \t]*\t[ \t]*/gm, (indent) => indent.replace(/\t/g, " ".repeat(width)))).errors.length === 0);
}
