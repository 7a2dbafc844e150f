import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { compareMessage } from "vfile-sort";
import { statistics } from "vfile-statistics";

export interface FileMessages {
  file: VFile;
  messages: VFileMessage[];
}

/** Files with messages, each file's messages sorted by place (errors first at one place), in the files' own order. */
export function collectMessages(files: VFile[]): FileMessages[] {
  return files.filter((file) => file.messages.length > 0).map((file) => ({ file, messages: [...file.messages].sort(compareMessage) }));
}

/** Errors are fatal messages and warnings the others (`report` makes no informational ones). */
export function countMessages(files: FileMessages[]) {
  const counts = statistics(files.flatMap((f) => f.messages));
  return { errors: counts.fatal, warnings: counts.nonfatal, files: files.length };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `3 errors and 2 warnings in 2 files`, or `No problems in 14 documents.` */
export function summaryLine(counts: { errors: number; warnings: number; files: number }, documents: number): string {
  if (counts.errors + counts.warnings === 0) return `No problems in ${plural(documents, "document")}.`;
  return `${plural(counts.errors, "error")} and ${plural(counts.warnings, "warning")} in ${plural(counts.files, "file")}`;
}
