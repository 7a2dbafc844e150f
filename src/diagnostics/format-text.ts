import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { bold, cyan, dim, red, yellow } from "../format/ansi.js";
import { visible } from "../format/control.js";
import { count, say, t, type Lang } from "../format/message.js";
import { lineIndex, type LineIndex } from "./positions.js";
import { countMessages, summaryLine, type FileMessages } from "./collect.js";
import { fixIn, frameLinesOf, isError, reasonIn, relatedPlaces } from "./report.js";

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

export const colours: Style = { red, yellow, dim, bold, cyan };
export const plain: Style = { red: String, yellow: String, dim: String, bold: String, cyan: String };

/** The offending source line with the one before it, and a marker under the place, as hledger and rustc show it. */
export function codeFrame(lines: Pick<LineIndex, "line">, message: VFileMessage, style: Style): string {
  return frameOf(lines, message.place, isError(message) ? style.red : style.yellow, style);
}

/** `codeFrame` of a place, its marker in `colour`. */
function frameOf(lines: Pick<LineIndex, "line">, place: VFileMessage["place"], colour: (s: string) => string, style: Style): string {
  const start = place && "start" in place ? place.start : place;
  const end = place && "end" in place ? place.end : undefined;
  if (!start?.line) return "";
  const raw = (n: number) => (lines.line(n) ?? "").replace(TABS, " ");
  // A source line is text from the document: a control character in it is shown as an escape (`\x1b`), never sent to the terminal.
  const width = String(start.line).length;
  let out = "";
  if (start.line > 1) {
    const before = visible(raw(start.line - 1));
    if (before.trim()) out = `    ${style.dim(`${String(start.line - 1).padStart(width)} | `)}${before}\n`;
  }
  const text = raw(start.line);
  const line = visible(text);
  out += `    ${style.dim(`${String(start.line).padStart(width)} | `)}${line}\n`;
  // Columns count the source's characters; an escape takes several, so the marker is placed by the shown text.
  const shownWidth = (columns: number) => (text === line ? text.slice(0, columns) : visible(text.slice(0, columns))).length;
  const from = shownWidth((start.column ?? 1) - 1);
  const to = end && end.line === start.line ? Math.max(from + 1, shownWidth((end.column ?? 1) - 1)) : Math.max(from + 1, line.length);
  return `${out}    ${style.dim(`${"".padStart(width)} | `)}${" ".repeat(from)}${colour("^".repeat(Math.min(to - from, Math.max(1, line.length - from))))}`;
}

const TABS = /\t/g;

/**
 * The lines of a file that its messages' code frames show: those the messages carry (`FrameLines`,
 * kept by `plan check`'s cache), else read from the file's text, which is then read once.
 */
function frameSource(file: VFile, messages: readonly VFileMessage[]): Pick<LineIndex, "line"> {
  const kept = new Map<number, string>();
  for (const message of messages) for (const [n, text] of frameLinesOf(message) ?? []) kept.set(n, text);
  let read: LineIndex | undefined;
  return { line: (n) => kept.get(n) ?? (read ??= lineIndex(String(file.value))).line(n) };
}

/** `2 errors, 1 warning` in `lang`: what a file has, leaving out what it has none of. */
export function countsText(counts: { errors: number; warnings: number }, lang: Lang): string {
  return [counts.errors && count(counts.errors, "error"), counts.warnings && count(counts.warnings, "warning")]
    .filter((c) => c !== 0)
    .map((c) => say(c, lang))
    .join(", ");
}

/** Problems grouped by file, in `lang`: place, severity and rule, what was expected and found, the source, the fix. */
export function formatText(files: FileMessages[], documents: number, style: Style, lang: Lang): string {
  return [...textPieces(files, documents, style, lang)].join("");
}

/** `formatText`'s text in pieces, a file at a time, to be written as they are made (a large repository's report is tens of megabytes). */
export function* textPieces(files: FileMessages[], documents: number, style: Style, lang: Lang): Generator<string> {
  const words = { error: say(t`error`, lang), warning: say(t`warning`, lang), see: say(t`see:`, lang), fix: say(t`fix:`, lang) };
  const severities = { error: style.red(words.error), warning: style.yellow(words.warning) };
  const see = `    ${style.bold(words.see)} `;
  const fixWord = `    ${style.bold(words.fix)} `;
  // A report of thousands of files says the same few counts again and again: `1 varning`, `2 varningar`.
  const headers = new Map<string, string>();
  for (const { file, messages } of files) {
    const { errors, warnings } = countMessages([{ file, messages }]);
    let header = headers.get(`${errors} ${warnings}`);
    if (header === undefined) headers.set(`${errors} ${warnings}`, (header = style.dim(` (${countsText({ errors, warnings }, lang)})`)));
    // File names, messages and fixes quote the documents: their control characters are shown as escapes.
    const path = visible(file.path);
    let out = style.bold(style.cyan(path)) + header;
    const lines = frameSource(file, messages);
    for (const message of messages) {
      const error = isError(message);
      out += `\n\n  ${path}:${message.line ?? 1}:${message.column ?? 1}: ${error ? severities.error : severities.warning} ${style.dim(`[${message.ruleId}]`)}`;
      out += `\n    ${visible(reasonIn(message, lang))}`;
      const frame = frameOf(lines, message.place, error ? style.red : style.yellow, style);
      if (frame) out += `\n${frame}`;
      for (const r of relatedPlaces(message)) {
        const start = r.place.start;
        out += `\n${see}${visible(r.file)}:${start.line}:${start.column}: ${visible(say(r.reason, lang))}`;
        // A place in this file is shown with its source line; one in another file by its place alone.
        if (r.file === file.path) {
          const shown = frameOf(lines, r.place, style.cyan, style);
          if (shown) out += `\n${shown}`;
        }
      }
      const fix = fixIn(message, lang);
      if (fix) out += `\n${fixWord}${visible(fix)}`;
    }
    // Each file's block, then the summary, with a blank line between.
    yield `${out}\n\n`;
  }
  const counts = countMessages(files);
  const summary = summaryLine(counts, documents, lang);
  yield `${counts.errors ? style.red(style.bold(summary)) : counts.warnings ? style.yellow(summary) : summary}\n`;
}
