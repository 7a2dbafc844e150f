import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { plural } from "../format/text.js";
import { isError } from "./report.js";

export interface FileMessages {
  file: VFile;
  messages: VFileMessage[];
}

/** Files with messages, each file's messages sorted by place, in the files' own order. */
export function collectMessages(files: VFile[]): FileMessages[] {
  return files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      file,
      messages: [...file.messages].sort(
        (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || Number(isError(b)) - Number(isError(a)),
      ),
    }));
}

export function countMessages(files: FileMessages[]) {
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const m of f.messages) isError(m) ? errors++ : warnings++;
  return { errors, warnings, files: files.length };
}

/** `3 errors and 2 warnings in 2 files`, or `No problems in 14 documents.` */
export function summaryLine(counts: { errors: number; warnings: number; files: number }, documents: number): string {
  if (counts.errors + counts.warnings === 0) return `No problems in ${plural(documents, "document")}.`;
  return `${plural(counts.errors, "error")} and ${plural(counts.warnings, "warning")} in ${plural(counts.files, "file")}`;
}
