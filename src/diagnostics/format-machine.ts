import { createHash } from "node:crypto";
import type { VFileMessage } from "vfile-message";
import { safeJson, visible } from "../format/control.js";
import { say, t, type Lang } from "../format/message.js";
import { countMessages, type FileMessages } from "./collect.js";
import { fixIn, isError, reasonIn, relatedPlaces, type RelatedPlace } from "./report.js";

function place(message: Pick<VFileMessage, "place">) {
  const p = message.place;
  const start = p && "start" in p ? p.start : p;
  const end = p && "end" in p ? p.end : start;
  return { line: start?.line ?? 1, column: start?.column ?? 1, endLine: end?.line ?? 1, endColumn: end?.column ?? 1 };
}

/** One JSON object: every problem with its file, place, rule, severity, message and fix (in `lang`: the rule id is what stays). */
export function formatJson(files: FileMessages[], documents: number, lang: Lang): string {
  return [...jsonPieces(files, documents, lang)].join("");
}

/**
 * `formatJson`'s text in pieces, a file's problems at a time, to be written as they are made: on
 * 10,000 plans the whole text is 56 MB, and the objects it is made of as much again.
 */
export function* jsonPieces(files: FileMessages[], documents: number, lang: Lang): Generator<string> {
  // As `safeJson` indents the whole object: `problems` last, its elements two levels in.
  const head = safeJson({ ...countMessages(files), documents, problems: [] }, 2);
  const withProblems = files.some(({ messages }) => messages.length > 0);
  if (!withProblems) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, head.lastIndexOf("[]"))}[`;
  let first = true;
  for (const { file, messages } of files) {
    const parts: string[] = [];
    for (const m of messages) {
      const problem = {
        file: file.path,
        ...place(m),
        severity: isError(m) ? "error" : "warning",
        ruleId: m.ruleId,
        message: reasonIn(m, lang),
        fix: fixIn(m, lang) ?? null,
        // Only on messages with other places, so that the others keep their shape.
        ...related(m, lang),
      };
      parts.push(`${first ? "" : ","}\n    ${safeJson(problem, 2).replace(/\n/g, "\n    ")}`);
      first = false;
    }
    if (parts.length) yield parts.join("");
  }
  yield "\n  ]\n}\n";
}

/** The message's other places (the first of two duplicates), each with its file, place and what is there. */
function related(message: VFileMessage, lang: Lang): { related?: object[] } {
  const places = relatedPlaces(message);
  return places.length ? { related: places.map((r) => ({ file: r.file, ...place(r), message: say(r.reason, lang) })) } : {};
}

const placeText = (r: RelatedPlace) => `${r.file}:${r.place.start.line}:${r.place.start.column}`;

/** A message with its other places and its fix, in one text: what an annotation or a Code Quality issue shows. */
function wholeText(m: VFileMessage, lang: Lang): string[] {
  const fix = fixIn(m, lang);
  return [reasonIn(m, lang), ...relatedPlaces(m).map((r) => say(t`See ${placeText(r)}: ${r.reason}`, lang)), ...(fix ? [say(t`Fix: ${fix}`, lang)] : [])];
}

// The log that shows the annotations is a terminal too: control characters from the documents are shown as escapes.
const escapeData = (s: string) => visible(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: each problem becomes an annotation on its line in the pull request. */
export function formatGithub(files: FileMessages[], lang: Lang): string {
  const annotation = (level: string, path: string, at: Pick<VFileMessage, "place">, title: string, text: string) => {
    const p = place(at);
    const properties = [
      `file=${escapeProperty(path)}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `endLine=${p.endLine}`,
      `endColumn=${p.endColumn}`,
      `title=${escapeProperty(title)}`,
    ].join(",");
    return `::${level} ${properties}::${escapeData(text)}`;
  };
  const lines = files.flatMap(({ file, messages }) =>
    messages.flatMap((m) => {
      const others = relatedPlaces(m);
      const text = wholeText(m, lang).join("\n");
      // Each other place is annotated too, so that the pull request shows both ends of a duplicate.
      return [
        annotation(isError(m) ? "error" : "warning", file.path, m, m.ruleId ?? "plan", text),
        ...others.map((r) =>
          annotation(
            "notice",
            r.file,
            r,
            m.ruleId ?? "plan",
            say(t`${r.reason} (see ${file.path}:${m.line ?? 1}:${m.column ?? 1}: ${reasonIn(m, lang)})`, lang),
          ),
        ),
      ];
    }),
  );
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * GitLab's Code Quality report (the `codequality` artifact report, a subset of Code Climate's
 * issue format): each problem with its file and line, shown in the merge request beside the
 * changed lines. The fingerprint identifies a problem from run to run (GitLab compares the
 * reports of the two branches by it): its file, rule and message, and which of several alike it
 * is, but not its line, so that a line moved by an edit above it is the same problem.
 */
export function formatCodeQuality(files: FileMessages[], lang: Lang): string {
  const seen = new Map<string, number>();
  const issues = files.flatMap(({ file, messages }) =>
    messages.map((m) => {
      const description = wholeText(m, lang).join(" ");
      // The English, whatever the language of the run: a problem keeps its fingerprint when the runner's language changes.
      const key = `${file.path}\0${m.ruleId ?? ""}\0${m.reason}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const p = place(m);
      return {
        type: "issue",
        description: visible(description),
        check_name: m.ruleId ?? "plan",
        fingerprint: createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32),
        severity: isError(m) ? "major" : "minor",
        location: { path: file.path.split("\\").join("/"), lines: { begin: p.line, end: p.endLine } },
      };
    }),
  );
  return `${safeJson(issues, 2)}\n`;
}
