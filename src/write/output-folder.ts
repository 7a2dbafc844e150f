import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";
import type { OutputFile } from "../render/site.js";
import { isInside, realRoot } from "../source/read-inside.js";

/** The mark a build leaves in its output folder: a folder that has it may be replaced by the next build. */
export const OUTPUT_MARK = ".plan-build";
/** Outputs of builds from before the mark carry the PDF cache; they count as marked. */
const OLD_MARK = ".plan-cache.json";

/** Whether `inner` is `outer` or lies inside it (both absolute): the same test as the readers', in argument order that reads here. */
const within = (inner: string, outer: string) => isInside(outer, inner);

/** Whether anything (a file, a folder, a link, even a dangling one) is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first symbolic link on the way from `from` (not included) to `path` (included), among
 * the parts of it that exist; `undefined` when there is none. Parts that do not exist yet are
 * made by plan as real folders.
 */
export function linkOnTheWay(path: string, from: string): string | undefined {
  const rel = relative(from, path);
  if (rel === "") return undefined;
  let at = from;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (isLink) return at;
  }
  return undefined;
}

/** `path` with its existing part resolved to the real path, the rest as written. */
function realOf(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

export interface OutputFolderRequest {
  /** The repository root. */
  root: string;
  /** `--out` as given, from `cwd`; the default is `dist` in the repository. */
  out: string | undefined;
  cwd: string;
  /** Files the repository is made of (documents, data, configuration, templates): an output folder holding one is refused. */
  sources: readonly string[];
}

/**
 * The output folder of a build, checked before anything is rendered. It is refused when it, or
 * a folder on the way to it, is a symbolic link (plan writes into real folders only, so nothing
 * lands elsewhere through a link); when it is the repository or holds it; when, inside the
 * repository and other than `dist`, it holds files of the repository's sources; and when it
 * holds files but no mark of a previous build, since a build replaces the folder as a whole.
 */
export function outputFolder(request: OutputFolderRequest): string {
  const given = request.out;
  const root = resolve(request.root);
  const out = given ? resolve(request.cwd, given) : join(root, "dist");
  const name = given ?? (relative(request.cwd, out) || out);
  // Links are looked for in what the repository or the user's --out decides; those above (the system's, the user's home) are not plan's to judge.
  const from = within(out, root) ? root : !isAbsolute(given ?? "") && within(out, request.cwd) ? request.cwd : parse(out).root;
  const link = linkOnTheWay(out, from);
  if (link) {
    throw new UserError(
      link === out
        ? t`The output folder ${name} is a symbolic link; plan writes only into real folders, so that nothing lands elsewhere through a link. Give the real path with --out, or remove the link. Nothing was written.`
        : t`The output folder ${name} lies under ${link}, which is a symbolic link; plan writes only into real folders, so that nothing lands elsewhere through a link. Give the real path with --out, or remove the link. Nothing was written.`,
    );
  }
  const rootReal = realRoot(root);
  const realOut = realOf(out);
  if (within(rootReal, realOut)) {
    throw new UserError(t`The output folder ${name} is the repository or contains it; choose a folder of its own, e.g. --out dist. Nothing was written.`);
  }
  if (within(realOut, rootReal) && realOut !== join(rootReal, "dist")) {
    // Only sources that exist: `--out templates` in a repository without templates/ holds none.
    const source = request.sources
      .map((s) => resolve(root, s))
      .filter(exists)
      .map(realOf)
      .find((s) => within(s, realOut));
    if (source) {
      throw new UserError(
        t`The output folder ${name} holds ${relative(rootReal, source)}, a file of the repository's sources; a build replaces its output folder as a whole. Choose a folder of its own, e.g. --out dist. Nothing was written.`,
      );
    }
  }
  if (existsSync(out)) {
    if (!lstatSync(out).isDirectory())
      throw new UserError(t`The output folder ${name} is a file, not a folder; remove it, or choose another with --out. Nothing was written.`);
    const names = readdirSync(out);
    if (names.length > 0 && !names.includes(OUTPUT_MARK) && !names.includes(OLD_MARK)) {
      throw new UserError(
        t`The output folder ${name} holds files that plan did not build (it has no ${OUTPUT_MARK} mark), and a build replaces the folder as a whole. Choose a new or empty folder with --out, or empty this one. Nothing was written.`,
      );
    }
  }
  return out;
}

/** The mark, as a file of the output: a folder that has it is a build's output, which the next build may replace. */
export const outputMark = (): OutputFile => ({ path: OUTPUT_MARK, content: "Built by plan. The next `plan build` replaces this folder as a whole.\n" });
