import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { fixIn, isError, reasonIn } from "../diagnostics/report.js";
import type { Lang } from "../format/message.js";
import type { Side } from "./load.js";
import type { NewProblem } from "./model.js";

interface Found {
  file: VFile;
  message: VFileMessage;
  /** Its file, rule and message, without places, which move when lines are added above. */
  exact: string;
  /** The same, but with quoted text left out and the source line it points at added: the same problem about a renamed thing (a goal's new title in its message). */
  loose: string;
}

function found(side: Side, rename: (path: string) => string): Found[] {
  const pathOf = new Map(side.repo.sources.map((s) => [s.file, s.relPath]));
  return side.problems.flatMap(({ file, messages }) => {
    const path = rename(pathOf.get(file) ?? file.path);
    const lines = String(file.value).split(/\r?\n/);
    return messages.map((message) => {
      const reason = message.reason.replace(/:\d+:\d+\b/g, ":#").replace(/line \d+, column \d+/g, "line #");
      const line = message.line ? (lines[message.line - 1] ?? "").trim() : "";
      const rule = `${path}\u0000${message.ruleId}\u0000${isError(message) ? "error" : "warning"}`;
      return { file, message, exact: `${rule}\u0000${reason}`, loose: `${rule}\u0000${reason.replace(/"[^"]*"/g, '""')}\u0000${line}` };
    });
  });
}

/** Takes one item with `key` out of the groups, if there is one. */
const take = (groups: Map<string, Found[]>, key: string) => groups.get(key)?.pop();

const group = (items: Found[], key: (f: Found) => string) => {
  const groups = new Map<string, Found[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * Problems `plan check` finds in head that it does not find in base. A problem is the same in
 * both when its file (a moved file's new path), rule, severity and message agree, or, failing
 * that, all but the quoted names in its message, and the source line it points at. Their
 * messages and fixes are said in `lang`; they are matched in English.
 */
export function newProblems(base: Side, head: Side, moved: Map<string, string>, lang: Lang = "en"): NewProblem[] {
  const before = found(base, (p) => moved.get(p) ?? p);
  const after = found(head, (p) => p);
  const exact = group(before, (f) => f.exact);
  const unmatched = after.filter((f) => !take(exact, f.exact));
  const loose = group([...exact.values()].flat(), (f) => f.loose);
  return unmatched
    .filter((f) => !take(loose, f.loose))
    .map(({ file, message }) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: isError(message) ? "error" : "warning",
      ruleId: message.ruleId ?? "plan",
      message: reasonIn(message, lang),
      fix: fixIn(message, lang) ?? null,
    }));
}
