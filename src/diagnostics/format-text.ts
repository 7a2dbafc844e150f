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
  const start = message.place && "start" in message.place ? message.place.start : message.place;
  const end = message.place && "end" in message.place ? message.place.end : undefined;
  if (!start?.line) return "";
  const read = new Map<number, string>();
  const raw = (n: number) => {
    let text = read.get(n);
    if (text === undefined) read.set(n, (text = (lines.line(n) ?? "").replace(/\t/g, " ")));
    return text;
  };
  // A source line is text from the document: a control character in it is shown as an escape (`\x1b`), never sent to the terminal.
  const show = (n: number) => visible(raw(n));
  const width = String(start.line).length;
  const gutter = (n: number | "") => style.dim(`${String(n).padStart(width)} | `);
  const out: string[] = [];
  if (start.line > 1 && show(start.line - 1).trim()) out.push(`    ${gutter(start.line - 1)}${show(start.line - 1)}`);
  const line = show(start.line);
  out.push(`    ${gutter(start.line)}${line}`);
  // Columns count the source's characters; an escape takes several, so the marker is placed by the shown text.
  const shownWidth = (columns: number) => visible(raw(start.line).slice(0, columns)).length;
  const from = shownWidth((start.column ?? 1) - 1);
  const to = end && end.line === start.line ? Math.max(from + 1, shownWidth((end.column ?? 1) - 1)) : Math.max(from + 1, line.length);
  const colour = isError(message) ? style.red : style.yellow;
  out.push(`    ${gutter("")}${" ".repeat(from)}${colour("^".repeat(Math.min(to - from, Math.max(1, line.length - from))))}`);
  return out.join("\n");
}

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
  for (const { file, messages } of files) {
    const header = countsText(countMessages([{ file, messages }]), lang);
    // File names, messages and fixes quote the documents: their control characters are shown as escapes.
    const path = visible(file.path);
    const parts = [style.bold(style.cyan(path)) + style.dim(` (${header})`)];
    const lines = frameSource(file, messages);
    for (const message of messages) {
      const severity = isError(message) ? style.red(words.error) : style.yellow(words.warning);
      parts.push(
        [
          `  ${path}:${message.line ?? 1}:${message.column ?? 1}: ${severity} ${style.dim(`[${message.ruleId}]`)}`,
          `    ${visible(reasonIn(message, lang))}`,
          codeFrame(lines, message, style),
          ...relatedPlaces(message).map((r) => {
            const start = r.place.start;
            // A place in this file is shown with its source line; one in another file by its place alone.
            const frame = r.file === file.path ? codeFrame(lines, { place: r.place, fatal: false } as VFileMessage, { ...style, yellow: style.cyan }) : "";
            return [`    ${style.bold(words.see)} ${visible(r.file)}:${start.line}:${start.column}: ${visible(say(r.reason, lang))}`, frame]
              .filter(Boolean)
              .join("\n");
          }),
          fixIn(message, lang) ? `    ${style.bold(words.fix)} ${visible(fixIn(message, lang)!)}` : "",
        ]
          .filter(Boolean)
          .join("\n"),
      );
    }
    // Each file's block, then the summary, with a blank line between.
    yield `${parts.join("\n\n")}\n\n`;
  }
  const counts = countMessages(files);
  const summary = summaryLine(counts, documents, lang);
  yield `${counts.errors ? style.red(style.bold(summary)) : counts.warnings ? style.yellow(summary) : summary}\n`;
}
