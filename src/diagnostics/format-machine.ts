import type { VFileMessage } from "vfile-message";
import { safeJson, visible } from "../format/control.js";
import { countMessages, type FileMessages } from "./collect.js";
import { isError } from "./report.js";

function place(message: VFileMessage) {
  const p = message.place;
  const start = p && "start" in p ? p.start : p;
  const end = p && "end" in p ? p.end : start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, endLine: end?.line ?? 1, endColumn: end?.column ?? 1 };
}

/** One JSON object: every problem with its file, place, rule, severity, message and fix. */
export function formatJson(files: FileMessages[], documents: number): string {
  const problems = files.flatMap(({ file, messages }) =>
    messages.map((m) => ({
      file: file.path,
      ...place(m),
      severity: isError(m) ? "error" : "warning",
      ruleId: m.ruleId,
      message: m.reason,
      fix: m.note ?? null,
    })),
  );
  return `${safeJson({ ...countMessages(files), documents, problems }, 2)}\n`;
}

// The log that shows the annotations is a terminal too: control characters from the documents are shown as escapes.
const escapeData = (s: string) => visible(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: each problem becomes an annotation on its line in the pull request. */
export function formatGithub(files: FileMessages[]): string {
  const lines = files.flatMap(({ file, messages }) =>
    messages.map((m) => {
      const p = place(m);
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(m.ruleId ?? "plan")}`,
      ].join(",");
      return `::${isError(m) ? "error" : "warning"} ${properties}::${escapeData(m.note ? `${m.reason}\nFix: ${m.note}` : m.reason)}`;
    }),
  );
  return lines.length ? `${lines.join("\n")}\n` : "";
}
