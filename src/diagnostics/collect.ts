import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { compareMessage } from "vfile-sort";
import { statistics } from "vfile-statistics";
import { plural } from "../format/text.js";

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

/** Errors are fatal messages and warnings the others (`report` makes no informational ones). */
export function countMessages(files: FileMessages[]) {
  const counts = statistics(files.flatMap((f) => f.messages));
  return { errors: counts.fatal, warnings: counts.nonfatal, files: files.length };
}

/** `3 errors and 2 warnings in 2 files`, or `No problems in 14 documents.` */
export function summaryLine(counts: { errors: number; warnings: number; files: number }, documents: number): string {
  if (counts.errors + counts.warnings === 0) return `No problems in ${plural(documents, "document")}.`;
  return `${plural(counts.errors, "error")} and ${plural(counts.warnings, "warning")} in ${plural(counts.files, "file")}`;
}
