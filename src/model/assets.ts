import { dirname, isAbsolute, resolve, sep } from "node:path";
import { t, type Part } from "../format/message.js";
import { ignoredPaths, type Ignored } from "../source/git-ignore.js";
import type { SourceDocument } from "../source/load.js";
import { activeContent, type ActiveMemo } from "./active-content.js";
import { fromRealRoot, isInside, realRoot, repositoryPath, whereInside } from "../source/read-inside.js";

export type AssetTarget =
  | { kind: "local"; absPath: string; relPath: string }
  | { kind: "remote"; url: string }
  | { kind: "anchor" }
  | { kind: "outside"; reason: Part }
  | { kind: "hidden"; reason: Part }
  | { kind: "missing"; relPath: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Files not to publish for git's sake, by real path from the root's real path: why each is refused. */
export type { Ignored };

// eslint-disable-next-line no-restricted-syntax -- an empty constant, never filled: `Ignored` is a ReadonlyMap
const NONE: Ignored = new Map();

/**
 * Where a URL written in a document (an image, a link) points. Local paths must stay inside the
 * repository, also after following symbolic links; nothing outside it is read or copied. Hidden
 * files (`.git/config`, `.env`) and those git ignores, or could not say it does not (`ignored`,
 * see `ignoredTargets`), are never published, whatever name the link gives them.
 */
export function resolveAsset(root: string, documentRelPath: string, url: string, ignored: Ignored = NONE): AssetTarget {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (url.startsWith("#")) return { kind: "anchor" };
  if (scheme === "http" || scheme === "https" || url.startsWith("//")) return { kind: "remote", url };
  if (scheme === "mailto" || scheme === "tel") return { kind: "anchor" };
  if (scheme) return { kind: "outside", reason: t`the scheme \`${scheme}:\` is not allowed` };
  const absPath = localPath(root, documentRelPath, url);
  if (absPath === undefined) return { kind: "outside", reason: t`it is an absolute path` };
  if (!isInside(root, absPath)) return { kind: "outside", reason: t`it leads out of the repository` };
  const relPath = repositoryPath(root, absPath);
  const where = whereInside(root, absPath);
  if (where.kind === "missing") return { kind: "missing", relPath };
  if (where.kind === "outside" || where.kind === "special") return { kind: "outside", reason: where.reason };
  const realRel = fromRealRoot(root, where.realPath).split(sep).join("/");
  if (isHidden(relPath) || isHidden(realRel)) {
    return {
      kind: "hidden",
      reason: t`it is a hidden file (its name, or a folder's on the way, starts with \`.\`), and hidden files such as \`.git/config\` and \`.env\` are never published`,
    };
  }
  const why = ignored.get(realRel);
  if (why !== undefined) return { kind: "hidden", reason: why };
  return { kind: "local", absPath, relPath };
}

/** The absolute path a local URL names, or `undefined` for an absolute one. */
function localPath(root: string, documentRelPath: string, url: string): string | undefined {
  const path = decodeURIComponent(url.split(/[?#]/)[0]!);
  if (isAbsolute(path) || /^[a-z]:[\\/]/i.test(path)) return undefined;
  return resolve(root, dirname(documentRelPath), path);
}

/** Whether a path from the root has a part starting with `.` (`.git/config`, `.env`, `a/.hidden/b`). */
const isHidden = (relPath: string) => relPath.split("/").some((part) => part.startsWith(".") && part !== "." && part !== "..");

/**
 * The kind of target of each URL a document's text names: besides the documents, what its page
 * and its checks depend on. A local file that must not be published (`activeContent`) is
 * `active`, so that watch mode checks and renders again when an SVG gains or loses a script.
 */
export const linkTargetKinds = (
  root: string,
  source: Pick<SourceDocument, "relPath" | "outline">,
  ignored: Ignored = NONE,
  active?: ActiveMemo,
): (AssetTarget["kind"] | "active")[] =>
  (source.outline?.urls ?? []).map((u) => {
    const target = resolveAsset(root, source.relPath, u.url, ignored);
    return target.kind === "local" && activeContent(target.absPath, active) ? "active" : target.kind;
  });

/**
 * The local files the documents link to that git ignores, by their real paths from the root's
 * real path (git refuses a path through a linked folder), asked of git once for all of them
 * (`ignoredPaths`), each with why it is refused. Without git, or outside a git repository,
 * none. When git fails inside a git repository (a path in a submodule, a repository git will
 * not read), it fails closed: the files it could not judge are refused too, with git's own words.
 */
export function ignoredTargets(root: string, sources: readonly Pick<SourceDocument, "relPath" | "outline">[]): Ignored {
  const candidates = new Set<string>();
  for (const source of sources) {
    for (const { url } of source.outline?.urls ?? []) {
      if (SCHEME.test(url) || url.startsWith("#") || url.startsWith("//")) continue;
      const target = resolveAsset(root, source.relPath, url);
      if (target.kind !== "local") continue;
      const where = whereInside(root, target.absPath);
      if (where.kind !== "file" && where.kind !== "folder") continue;
      const realRel = fromRealRoot(root, where.realPath).split(sep).join("/");
      // The root itself (a link to `.` or `..`) is "", which git refuses as a pathspec; git never ignores it.
      if (realRel !== "") candidates.add(realRel);
    }
  }
  return candidates.size === 0 ? NONE : ignoredPaths(realRoot(root), candidates).ignored;
}
