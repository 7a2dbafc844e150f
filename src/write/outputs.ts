import { mkdirSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { UserError } from "../commands/io.js";
import type { OutputFile } from "../render/site.js";

/** Files written at the same time: enough to keep the disk busy, few enough for any open-file limit. */
const CONCURRENCY = 16;

/**
 * Writes each file atomically: to a temporary file beside it, then renamed into place, so a
 * reader never sees half a file and a failure leaves the previous version. Paths must stay
 * inside `outDir`. The first failure stops the writing and is thrown; no temporary file stays.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const rel = normalize(file.path);
    if (isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
  }
  const dirs = [...new Set(files.map((f) => dirname(join(outDir, f.path))))].sort();
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw notWritten(dir, error, "folder");
    }
  }
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < files.length) {
      const n = next++;
      const file = files[n]!;
      const target = join(outDir, file.path);
      const temp = `${target}.tmp.${process.pid}.${n}`;
      try {
        await writeFile(temp, file.content);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        failed ??= notWritten(target, error, "file");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failed !== undefined) throw failed;
}

/** Why the disk refused a file or folder of the output, as the user can act on it. */
export function notWritten(path: string, error: unknown, what: "file" | "folder"): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: "permission denied; choose an output folder you may write to (--out)",
    EPERM: "permission denied; choose an output folder you may write to (--out)",
    ENOSPC: "the disk is full; make room and build again",
    EDQUOT: "the disk quota is used up; make room and build again",
    EROFS: "the file system is read-only; choose another output folder (--out)",
    EEXIST: "a file of that name is in the way; remove it, or choose another output folder (--out)",
    ENOTDIR: "a file is in the way where a folder is needed; remove it, or choose another output folder (--out)",
    EISDIR: "a folder of that name is in the way; remove it, or choose another output folder (--out)",
  };
  if (!code || !why[code]) return error;
  const written = what === "folder" ? "No file was written." : "Files written before it are in place; the others keep their previous version.";
  return new UserError(`Could not write the ${what} ${path}: ${why[code]}. ${written}`);
}
