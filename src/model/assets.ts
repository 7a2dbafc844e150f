import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { SourceDocument } from "../source/load.js";
import { activeContent } from "./active-content.js";

export type AssetTarget =
  | { kind: "local"; absPath: string; relPath: string }
  | { kind: "remote"; url: string }
  | { kind: "anchor" }
  | { kind: "outside"; reason: string }
  | { kind: "missing"; relPath: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Where a URL written in a document (an image, a link) points. Local paths must stay inside the
 * repository, also after following symbolic links; nothing outside it is read or copied.
 */
export function resolveAsset(root: string, documentRelPath: string, url: string): AssetTarget {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (url.startsWith("#")) return { kind: "anchor" };
  if (scheme === "http" || scheme === "https" || url.startsWith("//")) return { kind: "remote", url };
  if (scheme === "mailto" || scheme === "tel") return { kind: "anchor" };
  if (scheme) return { kind: "outside", reason: `the scheme \`${scheme}:\` is not allowed` };
  const path = decodeURIComponent(url.split(/[?#]/)[0]!);
  if (isAbsolute(path) || /^[a-z]:[\\/]/i.test(path)) return { kind: "outside", reason: "it is an absolute path" };
  const absPath = resolve(root, dirname(documentRelPath), path);
  if (!inside(root, absPath)) return { kind: "outside", reason: "it leads out of the repository" };
  const relPath = relative(root, absPath).split(sep).join("/");
  if (!existsSync(absPath)) return { kind: "missing", relPath };
  if (!inside(realpathSync(root), realpathSync(absPath))) return { kind: "outside", reason: "it is a symbolic link that leads out of the repository" };
  return { kind: "local", absPath, relPath };
}

/**
 * The kind of target of each URL a document's text names: besides the documents, what its page
 * and its checks depend on. A local file that must not be published (`activeContent`) is
 * `active`, so that watch mode checks and renders again when an SVG gains or loses a script.
 */
export const linkTargetKinds = (root: string, source: Pick<SourceDocument, "relPath" | "outline">): (AssetTarget["kind"] | "active")[] =>
  (source.outline?.urls ?? []).map((u) => {
    const target = resolveAsset(root, source.relPath, u.url);
    return target.kind === "local" && activeContent(target.absPath) ? "active" : target.kind;
  });

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
