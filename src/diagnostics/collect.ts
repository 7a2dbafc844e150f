import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { compareMessage } from "vfile-sort";
import { statistics } from "vfile-statistics";
import { count, say, t, type Lang } from "../format/message.js";
import { settlePlaces } from "./report.js";

export interface FileMessages {
  file: VFile;
  messages: VFileMessage[];
}

/** A rule's severity as a repository sets it in `plan.config.yaml` (`rules:`). */
export type RuleSettings = Readonly<Record<string, "off" | "warning" | "error">>;

/**
 * Files with messages, each file's messages sorted by place (errors first at one place), in the
 * files' own order; with `settings`, a rule set `off` is left out and one set to a severity has it.
 */
export function collectMessages(files: VFile[], settings: RuleSettings = {}): FileMessages[] {
  settlePlaces(files);
  return files
    .map((file) => ({ file, messages: file.messages.flatMap((m) => asSet(m, settings)).sort(compareMessage) }))
    .filter(({ messages }) => messages.length > 0);
}

/**
 * The message as the settings have it. The file keeps the message as its rule reported it (watch
 * mode keeps files from round to round while the settings may change): a changed severity is a copy.
 */
function asSet(message: VFileMessage, settings: RuleSettings): VFileMessage[] {
  const setting = message.ruleId ? settings[message.ruleId] : undefined;
  if (setting === undefined) return [message];
  if (setting === "off") return [];
  const fatal = setting === "error";
  if (message.fatal === fatal) return [message];
  return [Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, { fatal })];
}

/**
 * In each file, the messages of a rule that `follows` another come after that rule's messages and
 * name the first of them as their cause (in the text, and as a related place); the causes come
 * first in the file. `follows` maps a rule id to the rule ids it follows (the registry's).
 */
export function causesFirst(files: FileMessages[], follows: ReadonlyMap<string, readonly string[]>): FileMessages[] {
  return files.map(({ file, messages }) => {
    const causeOf = (m: VFileMessage) => messages.find((c) => c !== m && c.ruleId !== undefined && (follows.get(m.ruleId ?? "") ?? []).includes(c.ruleId));
    const causes = new Set(messages.flatMap((m) => causeOf(m) ?? []));
    if (causes.size === 0) return { file, messages };
    const named = messages.map((m) => {
      const cause = causeOf(m);
      if (!cause) return m;
      const at = `${cause.line ?? 1}:${cause.column ?? 1}`;
      const own = m.said?.reason ?? m.reason;
      const reason = cause.fatal
        ? t`${own} This may follow from the ${cause.ruleId!} error at ${at}: fix that first.`
        : t`${own} This may follow from the ${cause.ruleId!} warning at ${at}: fix that first.`;
      return Object.assign(Object.create(Object.getPrototypeOf(m) as object) as VFileMessage, m, {
        reason: say(reason, "en"),
        said: { ...m.said, reason },
        cause: withPlace(cause, file.path, m.cause),
      });
    });
    // A stable sort: the causes, then the rest, each in the order of their places.
    const rank = (i: number) => (causes.has(messages[i]!) ? 0 : 1);
    return {
      file,
      messages: named
        .map((m, i) => ({ m, i }))
        .sort((a, b) => rank(a.i) - rank(b.i) || a.i - b.i)
        .map(({ m }) => m),
    };
  });
}

/** The cause as a related place of a message: its place in `path`, what it says, then the message's own related places. */
function withPlace(cause: VFileMessage, path: string, rest: unknown): VFileMessage {
  const related = new VFileMessage(cause.reason, { place: cause.place, source: "plan", cause: rest instanceof VFileMessage ? rest : undefined });
  related.file = path;
  if (cause.said) related.said = { reason: cause.said.reason };
  return related;
}

/**
 * Errors are fatal messages and warnings the others (`report` makes no informational ones), as
 * vfile-statistics counts them (`fatal` and `nonfatal`), file by file: one list of every file's
 * messages, thousands in a large repository, would be made only to be counted.
 */
export function countMessages(files: FileMessages[]) {
  let errors = 0;
  let warnings = 0;
  for (const { messages } of files) {
    const counted = statistics(messages);
    errors += counted.fatal;
    warnings += counted.nonfatal;
  }
  return { errors, warnings, files: files.length };
}

/** `3 errors and 2 warnings in 2 files`, or `No problems in 14 documents.`, in `lang`. */
export function summaryLine(counts: { errors: number; warnings: number; files: number }, documents: number, lang: Lang): string {
  if (counts.errors + counts.warnings === 0) return say(t`No problems in ${count(documents, "document")}.`, lang);
  return say(t`${count(counts.errors, "error")} and ${count(counts.warnings, "warning")} in ${count(counts.files, "file")}`, lang);
}
