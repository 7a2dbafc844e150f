import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { say, t, type Message } from "../format/message.js";

/**
 * What a path in the repository turns out to be once its symbolic links are followed. Every
 * reader of repository content (configuration, documents, data, templates, images and
 * attachments) asks here first: a contributor controls the repository, and a link in it to
 * `/proc/self/environ` or a CI runner's `.git/config` must never be read, printed or published.
 */
export type Inside =
  | { kind: "file"; realPath: string }
  | { kind: "missing" }
  | { kind: "folder"; realPath: string }
  | { kind: "outside"; reason: Message }
  | { kind: "special"; reason: Message };

/** The root's real path, asked of the disk (as the files' real paths are asked, `whereInside`: the same spelling of the same folder on every disk). */
export function realRoot(root: string): string {
  return realpathSync.native(root);
}

/**
 * Whether the real path `realPath` lies inside the root's real path. Every folder of a real path
 * is real: one that lies inside the root as written (an absolute path without `..`) tells that
 * the root is its own real path, and the disk is asked for the root's only otherwise (a root
 * reached through a link, or a path that leads out). Nothing is remembered between calls, so a
 * root moved or linked elsewhere while `plan` runs (watch mode) is seen at once.
 */
export function insideRealRoot(root: string, realPath: string): boolean {
  return isInside(root, realPath) || isInside(realRoot(root), realPath);
}

/** The path of `realPath`, a real path inside the root's real path, from the root's real path. */
export function fromRealRoot(root: string, realPath: string): string {
  return relative(isInside(root, realPath) ? root : realRoot(root), realPath);
}

/**
 * `path.relative(from, to)` for two absolute paths, taken by slicing where `to` is written as a
 * path below `from` (a repository's files from its root, as `discover` names them): `path.relative`
 * resolves both paths anew on every call, and a check taken from its cache asks it several times of
 * each of thousands of files. Any other pair (a `.` or `..` or doubled separator in `to`, a path
 * outside) is `path.relative`'s.
 */
export function relativePath(from: string, to: string): string {
  if (to.length > from.length + 1 && to.charCodeAt(from.length) === SEP && to.startsWith(from) && !from.endsWith(sep) && plainBelow(to, from.length)) {
    return to.slice(from.length + 1);
  }
  return relative(from, to);
}

/** How the repository names the file at `absPath` (a `relPath`): its path from the root, with `/` between folders on every system. */
export const repositoryPath = (root: string, absPath: string): string => relativePath(root, absPath).split(sep).join("/");

const SEP = sep.charCodeAt(0);

/** Whether `path` from `at` (a separator) holds no empty, `.` or `..` segment, nor a trailing separator, which `path.relative` would change. */
function plainBelow(path: string, at: number): boolean {
  for (let i = at; i < path.length; i++) {
    if (path.charCodeAt(i) !== SEP) continue;
    const next = path.charCodeAt(i + 1);
    // An empty segment (`//`, or a separator at the end), or one starting with a dot: `.` and `..` are not taken apart here.
    if (Number.isNaN(next) || next === SEP || next === 0x2e) return false;
  }
  return true;
}

/** Whether `path` is `root` or lies below it; both absolute. */
export function isInside(root: string, path: string): boolean {
  const rel = relativePath(root, path);
  return rel === "" || (!(rel === ".." || rel.startsWith(`..${sep}`)) && !isAbsolute(rel));
}

/** Where `absPath` leads, and whether it may be read: a regular file or folder whose real path is inside the root's. */
export function whereInside(root: string, absPath: string): Inside {
  let realPath: string;
  try {
    realPath = realpathSync.native(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return danglingLink(root, absPath) ?? { kind: "missing" };
    if (code === "ELOOP") return { kind: "special", reason: t`it is a loop of symbolic links` };
    return { kind: "special", reason: t`it cannot be read (${code ?? "unknown error"})` };
  }
  let inside: boolean;
  try {
    inside = insideRealRoot(root, realPath);
  } catch (error) {
    // The root's real path, asked of the disk, is gone since the file's was found (removed or moved between two reads: watch mode, a long build).
    return { kind: "special", reason: rootUnreadable(root, error) };
  }
  if (!inside) return { kind: "outside", reason: t`it is a symbolic link that leads out of the repository (to ${realPath})` };
  let stats;
  try {
    stats = lstatSync(realPath);
  } catch {
    return { kind: "missing" };
  }
  if (stats.isDirectory()) return { kind: "folder", realPath };
  if (!stats.isFile()) return { kind: "special", reason: t`it is not a regular file (a pipe, socket or device)` };
  if (stats.nlink > 1) return { kind: "special", reason: hardLinked(stats.nlink) };
  return { kind: "file", realPath };
}

/** Why a file is refused whose repository's folder cannot be asked its real path any more. */
function rootUnreadable(root: string, error: unknown): Message {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR"
    ? t`the repository's folder ${root} is gone (removed or moved while plan ran)`
    : t`the repository's folder ${root} cannot be read (${code ?? "unknown error"})`;
}

/**
 * Why a file with several hard links is refused: each of its names is the same file, and one of
 * them may lie outside the repository (a runner's `~/.git-credentials`) where no path shows it.
 * git cannot make hard links, so only a local checkout can hold one.
 */
const hardLinked = (nlink: number) =>
  t`it is a hard link (the same file has ${nlink} names on the disk, and one may lie outside the repository); copy the file instead of linking it`;

/** A link whose target does not exist is missing, unless the target named would lie outside, which is said as such. */
function danglingLink(root: string, absPath: string): Inside | undefined {
  try {
    if (!lstatSync(absPath).isSymbolicLink()) return undefined;
    const target = resolve(dirname(absPath), readlinkSync(absPath));
    return isInside(root, target) || isInside(realRoot(root), target)
      ? undefined
      : { kind: "outside", reason: t`it is a symbolic link that leads out of the repository (to ${target})` };
  } catch {
    return undefined;
  }
}

/**
 * The state of a file that `readInside` would read as it is, found without opening it: a regular
 * file (not a symbolic link) with one name, whose real path lies inside the root's. `undefined`
 * for anything else, which `readInside` reads or refuses, saying why. `plan check` takes a file in
 * the state it was read in last time from its cache, its text unread (see `FileCache.settled`).
 * `folders`, given for the files of one run, keeps the real path of each folder asked of: a file
 * that is no link is where its folder's real path says, and a thousand files of one folder need
 * the disk to resolve it once.
 */
export function statInside(root: string, absPath: string, folders?: Map<string, string>): Stats | undefined {
  try {
    const stats = lstatSync(absPath);
    if (!stats.isFile() || stats.nlink !== 1) return undefined;
    return insideRealRoot(root, realPathOfFile(absPath, folders)) ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The real path of a file that is not a link, from its folder's (kept in `folders` when given). */
function realPathOfFile(absPath: string, folders: Map<string, string> | undefined): string {
  if (!folders) return realpathSync.native(absPath);
  const folder = dirname(absPath);
  let real = folders.get(folder);
  if (real === undefined) folders.set(folder, (real = realpathSync.native(folder)));
  return join(real, basename(absPath));
}

/** Thrown by `readInside` for a file that may not be read; `reason` completes "… is refused: ". */
export class RefusedPath extends Error {
  constructor(
    readonly absPath: string,
    readonly reason: Message,
    readonly kind: Exclude<Inside["kind"], "file">,
  ) {
    super(`${absPath} is refused: ${say(reason, "en")}.`);
  }
}

/**
 * Reads a file of the repository: only a regular file, with no other hard link, whose real path
 * lies inside the root's real path. The file is opened by that real path, without following a link swapped in at the
 * last moment, and checked again once open; `opened` is given its state then, before it is read.
 */
export function readInside(root: string, absPath: string): Buffer;
export function readInside(root: string, absPath: string, encoding: "utf8", opened?: (stats: Stats) => void): string;
export function readInside(root: string, absPath: string, encoding?: "utf8", opened?: (stats: Stats) => void): Buffer | string {
  const where = whereInside(root, absPath);
  if (where.kind !== "file") {
    const reason = where.kind === "missing" ? t`it does not exist` : where.kind === "folder" ? t`it is a folder` : where.reason;
    throw new RefusedPath(absPath, reason, where.kind);
  }
  let fd: number;
  try {
    fd = openSync(where.realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A link put in the file's place since it was looked at.
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new RefusedPath(absPath, t`it became a symbolic link while it was being read`, "special");
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new RefusedPath(absPath, t`it is not a regular file (a pipe, socket or device)`, "special");
    if (stats.nlink > 1) throw new RefusedPath(absPath, hardLinked(stats.nlink), "special");
    // The state of the file as opened, before a byte is read (plan check's cache: see `settledStat`).
    opened?.(stats);
    return encoding ? readFileSync(fd, encoding) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
