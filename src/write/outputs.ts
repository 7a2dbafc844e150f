import { mkdirSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { UserError } from "../errors.js";
import { t, type Message } from "../format/message.js";
import type { OutputFile } from "../render/site.js";
import { besideFolder } from "./swap.js";
import { linkOnTheWay } from "./output-folder.js";

/** Files written at the same time: enough to keep the disk busy, few enough for any open-file limit. */
const CONCURRENCY = 16;

/** The folders the files go into, after making sure that no path leads out of `outDir`. */
function foldersOf(outDir: string, files: readonly OutputFile[]): string[] {
  for (const file of files) {
    const rel = normalize(file.path);
    if (isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
  }
  return [...new Set(files.map((f) => dirname(join(outDir, f.path))))].sort();
}

/** Runs `write` on every file, `CONCURRENCY` at a time; the first failure stops the rest and is thrown. */
async function eachFile(files: readonly OutputFile[], write: (file: OutputFile, n: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (failed === undefined && next < files.length) {
      const n = next++;
      try {
        await write(files[n]!, n);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failed !== undefined) throw failed.error;
}

/**
 * Writes the files of a build into `folder`, a fresh folder that plan has just made: each file
 * is created, never opened if it exists, so nothing is written through a link (none can be
 * there). Failures are thrown as they are; the caller removes the folder.
 */
export async function writeFresh(folder: string, files: readonly OutputFile[]): Promise<void> {
  for (const dir of foldersOf(folder, files)) mkdirSync(dir, { recursive: true });
  await eachFile(files, (file) =>
    writeFile(join(folder, file.path), file.content, { flag: "wx" }).catch((error: unknown) => Promise.reject(at(error, join(folder, file.path)))),
  );
}

/**
 * Writes files into an existing output folder one by one (watch mode): each to a temporary file
 * in a folder beside the output, then renamed into place, so a reader never sees half a file,
 * a failure leaves the previous version, and no temporary file is ever inside the output.
 * Nothing is written into a folder reached through a symbolic link. The first failure stops
 * the writing and is thrown as the user's message.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  const dirs = foldersOf(outDir, files);
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw notWritten(dir, error, "folder");
    }
    const link = linkOnTheWay(dir, outDir);
    if (link)
      throw new UserError(
        t`Could not write into ${dir}: ${link} is a symbolic link, and plan writes only into real folders. Remove the link. No file was written.`,
      );
  }
  const staging = besideFolder(outDir, "watch");
  try {
    await eachFile(files, async (file, n) => {
      const target = join(outDir, file.path);
      const temp = join(staging.path, String(n));
      try {
        await writeFile(temp, file.content, { flag: "wx" });
        // A rename replaces a link at the target itself; it never writes through it.
        await rename(temp, target);
      } catch (error) {
        throw notWritten(target, error, "file");
      }
    });
  } finally {
    staging.done();
  }
}

/** Error codes of a disk that cannot take the files, with what the user can do. */
const DISK_PROBLEMS: Record<string, Message> = {
  EACCES: t`permission denied; choose an output folder you may write to (--out)`,
  EPERM: t`permission denied; choose an output folder you may write to (--out)`,
  ENOSPC: t`the disk is full; make room and build again`,
  EDQUOT: t`the disk quota is used up; make room and build again`,
  EROFS: t`the file system is read-only; choose another output folder (--out)`,
  // `plan check` refuses documents whose pages would have such names (path/name-length); a long --out path can still meet it.
  ENAMETOOLONG: t`a name in the path is longer than the file system takes (255 bytes, or the whole path too long); choose a shorter output folder (--out) or shorter file names`,
};

/** Why the disk refused a file or folder of the output, as the user can act on it. */
function notWritten(path: string, error: unknown, what: "file" | "folder"): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, Message> = {
    ...DISK_PROBLEMS,
    EEXIST: t`a file of that name is in the way; remove it, or choose another output folder (--out)`,
    ENOTDIR: t`a file is in the way where a folder is needed; remove it, or choose another output folder (--out)`,
    EISDIR: t`a folder of that name is in the way; remove it, or choose another output folder (--out)`,
  };
  if (!code || !why[code]) return error;
  return new UserError(
    what === "folder"
      ? t`Could not write the folder ${path}: ${why[code]}. No file was written.`
      : t`Could not write the file ${path}: ${why[code]}. Files written before it are in place; the others keep their previous version.`,
  );
}

/** The error, with the path it happened at where the system did not say (a failed write, as against a failed open, names none). */
export function at(error: unknown, path: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e === "object" && e.code && !e.path) e.path = path;
  return error;
}

/** A failure of the disk (full, read-only, not allowed) as the user's message, naming the path it happened at; other errors as they are. */
export function diskError(error: unknown, after: Message): unknown {
  const e = error as NodeJS.ErrnoException;
  const problem = e?.code ? DISK_PROBLEMS[e.code] : undefined;
  if (!problem) return error;
  return new UserError(t`Could not write ${e.path ?? t`the output`}: ${problem}. ${after}`);
}
