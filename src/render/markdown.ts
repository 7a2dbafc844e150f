import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Definition, Heading, Image, ImageReference, Link, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { statSync } from "node:fs";
import { posix } from "node:path";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import { visit, SKIP } from "unist-util-visit";
import { activeContent } from "../model/active-content.js";
import { resolveAsset, type Ignored } from "../model/assets.js";
import type { Pages } from "./pages.js";

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
  /** The document's path from the repository root, e.g. `lerum/plan-2019.md`. */
  docRelPath: string;
  /** The rendered page's path from the output folder, e.g. `lerum/plan-2019.html`. */
  pageRelPath: string;
  pages: Pages;
}

export interface MarkdownOptions {
  /** Prefix of the ids footnotes create, unique within the page. */
  idPrefix: string;
  /** The level the body's top headings get: 2 under the page's single h1, 3 inside a section. */
  baseDepth: 2 | 3;
}

export interface RenderedMarkdown {
  html: string;
  assets: Asset[];
}

/**
 * Markdown to safe HTML: GitHub-flavoured tables and footnotes; raw HTML is dropped and the
 * result sanitised (no script, no event handlers, no `javascript:` links, no iframes); links
 * to other documents point at their rendered pages; local images and files are copied.
 */
export class MarkdownRenderer {
  private readonly processors = new Map<string, Processor<Root, Root, HastRoot, undefined, undefined>>();

  render(nodes: readonly RootContent[], context: MarkdownContext, options: MarkdownOptions): RenderedMarkdown {
    const tree: Root = { type: "root", children: nodes.filter((n) => n.type !== "yaml").map(copyNode) };
    const assets = rewriteUrls(tree, context);
    normaliseHeadings(tree, options.baseDepth);
    const hast = this.processor(options).runSync(tree);
    finishHast(hast, options);
    return { html: this.stringifier.stringify(hast), assets };
  }

  private readonly stringifier = unified().use(rehypeStringify);

  private processor(options: MarkdownOptions) {
    const key = `${options.idPrefix}\u0000${options.baseDepth}`;
    let processor = this.processors.get(key);
    if (!processor) {
      processor = unified()
        .use(remarkRehype, {
          clobberPrefix: options.idPrefix,
          footnoteLabel: "Fotnoter",
          footnoteLabelTagName: `h${options.baseDepth}`,
          footnoteBackLabel: (index: number) => `Tillbaka till hänvisning ${index + 1}`,
        })
        .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" }) as unknown as Processor<Root, Root, HastRoot, undefined, undefined>;
      this.processors.set(key, processor);
    }
    return processor;
  }
}

/** A copy of a node to change while rendering: the parsed source is shared with the checks and stays as it is. Positions are left out. */
function copyNode<T>(node: T): T {
  if (Array.isArray(node)) return node.map(copyNode) as T;
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== "position") copy[key] = copyNode(value);
  return copy as T;
}

/** A body cut at its top headings: what comes before the first, one part per heading, and the definitions all parts share. */
export interface BodySections {
  preamble: RootContent[];
  sections: { title: string; heading: Heading; nodes: RootContent[] }[];
  /** Link and footnote definitions: any part may refer to them; a part shows only the footnotes it refers to. */
  shared: RootContent[];
}

export function splitSections(body: Root | undefined): BodySections {
  const children = (body?.children ?? []).filter((n) => n.type !== "yaml");
  const shared = children.filter((n) => n.type === "definition" || n.type === "footnoteDefinition");
  const content = children.filter((n) => n.type !== "footnoteDefinition" && n.type !== "definition");
  const depths = content.filter((n): n is Heading => n.type === "heading").map((h) => h.depth);
  const top = depths.length ? Math.min(...depths) : 0;
  const result: BodySections = { preamble: [], sections: [], shared };
  for (const node of content) {
    if (node.type === "heading" && node.depth === top && top <= 2) result.sections.push({ title: toString(node).trim(), heading: node, nodes: [] });
    else (result.sections.at(-1)?.nodes ?? result.preamble).push(node);
  }
  return result;
}

/** Whether a list of nodes has anything to show besides definitions. */
export function hasContent(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) => n.type !== "definition" && n.type !== "footnoteDefinition" && n.type !== "yaml");
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const isRemote = (url: string) => SCHEME.test(url) || url.startsWith("//");

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
    if (!isFile(target.absPath) || activeContent(target.absPath)) return undefined; // `plan check` says why (path/active-content)
    assets.set(target.relPath, { from: target.absPath, to: target.relPath });
    return relativeUrl(context.pageRelPath, target.relPath) + hash;
  }
  // A document's id (`lerum/plan-2019`), with or without `.md`.
  let id: string;
  try {
    id = decodeURIComponent(path).replace(/^\.\//, "").replace(/\.md$/i, "");
  } catch {
    return undefined;
  }
  const page = context.pages.byId.get(id);
  return page ? relativeUrl(context.pageRelPath, page) + hash : undefined;
}

function isFile(path: string): boolean {
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
  if (target.kind !== "local" || !isFile(target.absPath) || activeContent(target.absPath)) return undefined;
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
  return [...assets.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/**
 * The page has one h1, its title: the body's top headings become `base`, and no heading is
 * more than one level below the one before it.
 */
export function normaliseHeadings(tree: Root, base: number): void {
  const headings: Heading[] = [];
  visit(tree, "heading", (h) => {
    headings.push(h);
  });
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => h.depth));
  let previous = base - 1;
  for (const heading of headings) {
    const shifted = heading.depth - top + base;
    const depth = Math.min(shifted, previous + 1, 6);
    heading.depth = depth as Heading["depth"];
    previous = depth;
  }
}

/** Structural touches after sanitising: table headers with scope and a caption, unique footnote label ids, no remote images. */
function finishHast(tree: HastRoot, options: MarkdownOptions): void {
  const labelId = `${options.idPrefix}footnote-label`;
  let tables = 0;
  let lastHeading: string | undefined;
  const walk = (parent: HastRoot | Element) => {
    const children = parent.children as (HastContent | ElementContent)[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== "element") continue;
      if (/^h[1-6]$/.test(node.tagName)) lastHeading = textOf(node);
      if (node.tagName === "img") {
        const src = String(node.properties["src"] ?? "");
        if (src === "" || isRemote(src)) {
          children.splice(i, 1, { type: "text", value: String(node.properties["alt"] ?? "") });
          continue;
        }
      }
      if (node.properties["id"] === "footnote-label") node.properties["id"] = labelId;
      const describedBy = node.properties["ariaDescribedBy"];
      if (Array.isArray(describedBy) && describedBy.includes("footnote-label")) node.properties["ariaDescribedBy"] = [labelId];
      if (node.tagName === "table") {
        tables++;
        i -= addCaption(node, children, i, lastHeading, tables);
      }
      if (node.tagName === "th") node.properties["scope"] = "col";
      walk(node);
    }
  };
  walk(tree);
}

/** A body table's caption: a paragraph just before it that starts with `Tabell`, else the heading it stands under. */
function addCaption(table: Element, siblings: (HastContent | ElementContent)[], index: number, heading: string | undefined, n: number): number {
  let caption: ElementContent[] | undefined;
  let removed = 0;
  let j = index - 1;
  while (j >= 0 && siblings[j]!.type === "text" && !(siblings[j] as { value: string }).value.trim()) j--;
  const before = siblings[j];
  if (before?.type === "element" && before.tagName === "p" && /^tabell\b/i.test(textOf(before).trim())) {
    caption = before.children;
    removed = index - j;
    siblings.splice(j, removed);
  }
  caption ??= [{ type: "text", value: heading ? `Tabell ${n}: ${heading}` : `Tabell ${n}` }];
  table.children.unshift({ type: "element", tagName: "caption", properties: {}, children: caption });
  return removed;
}

function textOf(node: ElementContent | HastContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
