import type { Definition, Image, ImageReference, Link, Parent, PhrasingContent, Root } from "mdast";
import { statSync } from "node:fs";
import { posix } from "node:path";
import type { Plugin } from "unified";
import { visit, SKIP } from "unist-util-visit";
import { activeContent, type ActiveMemo } from "../../model/active-content.js";
import { resolveAsset, type Ignored } from "../../model/assets.js";
import type { Pages } from "../../model/pages.js";
import { compareStrings } from "../../format/text.js";

/** A file of the repository that a rendered page refers to, copied beside it. */
export interface Asset {
  /** Absolute path of the file in the repository. */
  from: string;
  /** Its path in the output, from the output folder, with `/`. */
  to: string;
}

export interface MarkdownContext {
  root: string;
  /** Files git ignores, by path from the root: not published (see `resolveAsset`). */
  ignored: Ignored;
  /** The verdicts on linked SVGs the check made (\`Repository.active\`): an unchanged file is not read again. */
  active?: ActiveMemo;
  /** The document's path from the repository root, e.g. `lerum/plan-2019.md`. */
  docRelPath: string;
  /** The rendered page's path from the output folder, e.g. `lerum/plan-2019.html`. */
  pageRelPath: string;
  pages: Pages;
  /** A figure cited in the body (`:figure{…}`) as the page prints it, computed from the document's data; `undefined` where it cannot be. */
  figure?: (attributes: Record<string, string>) => string | undefined;
}

declare module "vfile" {
  interface DataMap {
    /** The page a markdown body is rendered into: given to `remarkLocalUrls`. */
    markdownContext: MarkdownContext;
    /** The files the page refers to, sorted by their path in the output: what `remarkLocalUrls` found. */
    assets: Asset[];
  }
}

/**
 * Links and images pointed at what the build publishes: links to other documents at their
 * rendered pages, local images and files at copies beside the page. What cannot be published
 * (a remote image, a missing or ignored file, active content) is shown as its text. One
 * processor serves every page, so the page comes in `file.data.markdownContext` and the files
 * to copy go out in `file.data.assets`.
 */
const remarkLocalUrls: Plugin<[], Root> = function () {
  return (tree, file) => {
    const context = file.data.markdownContext;
    if (!context) throw new Error("remarkLocalUrls needs file.data.markdownContext");
    file.data.assets = rewriteUrls(tree, context);
  };
};
export default remarkLocalUrls;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
export const isRemote = (url: string) => SCHEME.test(url) || url.startsWith("//");

function splitUrl(url: string): { path: string; hash: string } {
  const i = url.search(/[?#]/);
  if (i < 0) return { path: url, hash: "" };
  const hashAt = url.indexOf("#");
  return { path: url.slice(0, i), hash: hashAt >= 0 ? url.slice(hashAt) : "" };
}

const relativeUrl = (fromPage: string, toFile: string) => {
  const rel = posix.relative(posix.dirname(fromPage), toFile);
  return rel.split("/").map(encodeURIComponent).join("/");
};

/** Where a link points: a rendered page, a copied file, or nowhere (the text stays, the link goes). */
function linkTarget(url: string, context: MarkdownContext, assets: Map<string, Asset>): string | undefined {
  if (url.startsWith("#") || isRemote(url)) return url;
  const { path, hash } = splitUrl(url);
  if (path === "") return url;
  const target = resolveAsset(context.root, context.docRelPath, url, context.ignored);
  if (target.kind === "local") {
    const page = context.pages.byRelPath.get(target.relPath);
    if (page) return relativeUrl(context.pageRelPath, page) + hash;
    if (/\.md$/i.test(target.relPath)) return undefined; // markdown that is not a document: nothing is rendered from it
    if (!isFile(target.absPath) || activeContent(target.absPath, context.active)) return undefined; // `plan check` says why (path/active-content)
    assets.set(target.relPath, { from: target.absPath, to: target.relPath });
    return relativeUrl(context.pageRelPath, target.relPath) + hash;
  }
  const id = linkedId(url);
  const page = id === undefined ? undefined : context.pages.byId.get(id);
  return page ? relativeUrl(context.pageRelPath, page) + hash : undefined;
}

/** The document's id a link names (`lerum/plan-2019`, with or without `.md`); `undefined` for one that cannot be decoded. */
export function linkedId(url: string): string | undefined {
  try {
    return decodeURIComponent(splitUrl(url).path).replace(/^\.\//, "").replace(/\.md$/i, "");
  } catch {
    return undefined;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A local image, copied beside the page; `undefined` for one that cannot be shown without the network or at all. */
function imageTarget(url: string, context: MarkdownContext, assets: Map<string, Asset>): string | undefined {
  if (isRemote(url)) return undefined;
  const target = resolveAsset(context.root, context.docRelPath, url, context.ignored);
  // Active content (an SVG with a script) is never copied, even when the build was not checked: `plan check` says why.
  if (target.kind !== "local" || !isFile(target.absPath) || activeContent(target.absPath, context.active)) return undefined;
  assets.set(target.relPath, { from: target.absPath, to: target.relPath });
  return relativeUrl(context.pageRelPath, target.relPath);
}

function rewriteUrls(tree: Root, context: MarkdownContext): Asset[] {
  const assets = new Map<string, Asset>();
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (node) => {
    definitions.set(node.identifier, node);
  });
  // Images first: a definition used by an image is resolved as an image.
  const imageDefinitions = new Map<string, string | undefined>();
  visit(tree, (node, index, parent) => {
    if (node.type !== "image" && node.type !== "imageReference") return;
    const image = node as Image | ImageReference;
    const definition = image.type === "imageReference" ? definitions.get(image.identifier) : undefined;
    const url = image.type === "image" ? image.url : definition?.url;
    const src = url === undefined ? undefined : imageTarget(url, context, assets);
    if (src === undefined) {
      // Shown as its text instead: the build makes no request to the network.
      const text: PhrasingContent = { type: "text", value: image.alt ? `[Bild: ${image.alt}]` : "" };
      if (parent && index !== undefined) parent.children.splice(index, 1, text as never);
      return [SKIP, index];
    }
    if (image.type === "image") image.url = src;
    else imageDefinitions.set(image.identifier, src);
    return undefined;
  });
  visit(tree, (node, index, parent) => {
    if (node.type === "definition") {
      const definition = node as Definition;
      const image = imageDefinitions.get(definition.identifier);
      definition.url = image ?? linkTarget(definition.url, context, assets) ?? "";
      return;
    }
    if (node.type === "linkReference") {
      const definition = definitions.get(node.identifier);
      if (definition && definition.url === "" && parent && index !== undefined) {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return [SKIP, index];
      }
      return;
    }
    if (node.type !== "link") return;
    const link = node as Link;
    const href = linkTarget(link.url, context, assets);
    if (href === undefined && parent && index !== undefined) {
      (parent as Parent).children.splice(index, 1, ...(link.children as never[]));
      return [SKIP, index];
    }
    link.url = href ?? "";
    return undefined;
  });
  return [...assets.values()].sort((a, b) => compareStrings(a.to, b.to));
}
