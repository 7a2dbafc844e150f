import { lstatSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";

/** Writes a file so that readers see the old content or the new one, never half of it. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a record of plan's own (a build's, into `.plan-cache/`) only where its folder is a real
 * folder and the record a real file or none: a link in either place is never written through.
 * Whatever stops it (no cache folder, a repository read-only to this user) leaves no record, and
 * the next run does all its work again.
 */
export function writeRecord(path: string, data: () => string | Uint8Array): void {
  try {
    if (!lstatSync(dirname(path)).isDirectory()) return;
    const existing = lstatSync(path, { throwIfNoEntry: false });
    if (existing && !existing.isFile()) return;
    writeFileAtomic(path, data());
  } catch {
    // Not recorded: see above.
  }
}
