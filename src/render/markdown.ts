import type { Root as HastRoot } from "hast";
import type { Heading, Root, RootContent } from "mdast";
import type { LeafDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import rehypeFootnotesInline from "./plugins/rehype-footnotes-inline.js";
import rehypeNoRemoteImages from "./plugins/rehype-no-remote-images.js";
import rehypeTableCaptions from "./plugins/rehype-table-captions.js";
import remarkHeadingLevels from "./plugins/remark-heading-levels.js";
import remarkFigures from "./plugins/remark-figures.js";
import remarkLocalUrls from "./plugins/remark-local-urls.js";

import type { Asset, MarkdownContext } from "./plugins/remark-local-urls.js";

export type { Asset, MarkdownContext };

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

/** Where a directive of the body stands: the part it places goes there. */
export interface PlacedDirective {
  name: string;
  attributes: Record<string, string>;
  /** The level of the heading the directive stands under (0: none), as the page renders it. */
  depth: number;
}

/** A body cut at its directives: the author's text, and between the pieces of text the directives. */
/**
 * A piece of a body: the author's text, or a directive with the author's heading right above it
 * (`title`), which the part is printed in one block with (in print no browser keeps a heading that
 * ends one element with a table that begins the next).
 */
export type BodyPiece = { html: string } | { directive: PlacedDirective; title?: string };

const PART_TAG = "plan-part";

type MarkdownProcessor = Processor<Root, Root, HastRoot, HastRoot, string>;

/**
 * Markdown to safe HTML: GitHub-flavoured tables and footnotes; raw HTML is dropped and the
 * result sanitised (no script, no event handlers, no `javascript:` links, no iframes); links
 * to other documents point at their rendered pages; local images and files are copied. Each
 * step is a unified plugin of one processor (see `./plugins`).
 */
export class MarkdownRenderer {
  private readonly processors = new Map<string, MarkdownProcessor>();

  render(nodes: readonly RootContent[], context: MarkdownContext, options: MarkdownOptions): RenderedMarkdown {
    const { pieces, assets } = this.renderPieces(nodes, context, options);
    return { html: pieces.map((p) => ("html" in p ? p.html : "")).join(""), assets };
  }

  /**
   * Renders a body in one piece (footnotes numbered through it, headings levelled together) and
   * cuts the HTML at the directives on lines of their own at its top level, which `expand` does
   * not turn into markdown of its own. A directive elsewhere (in a list, a `:::` block) is left
   * out: `plan check` reports it.
   */
  renderPieces(
    nodes: readonly RootContent[],
    context: MarkdownContext,
    options: MarkdownOptions & { expand?: (directive: LeafDirective) => RootContent[] | undefined },
  ): { pieces: BodyPiece[]; assets: Asset[] } {
    const children: RootContent[] = [];
    for (const node of nodes) {
      if (node.type === "yaml") continue;
      const expanded = node.type === "leafDirective" ? options.expand?.(node) : undefined;
      children.push(...(expanded ?? [node]).map(copyNode));
    }
    const tree: Root = { type: "root", children };
    const file = new VFile();
    file.data.markdownContext = context;
    const processor = this.processor(options);
    const hast = processor.runSync(tree, file);
    const placed = (file.data.placedDirectives ?? []) as PlacedDirective[];
    const pieces: BodyPiece[] = [];
    let run: HastRoot["children"] = [];
    const flush = () => {
      if (run.some((n) => n.type !== "text" || n.value.trim())) pieces.push({ html: processor.stringify({ type: "root", children: run }, file) });
      run = [];
    };
    for (const node of hast.children) {
      if (node.type === "element" && node.tagName === PART_TAG) {
        const directive = placed[Number(node.properties["dataIndex"])];
        let last = run.length - 1;
        while (last >= 0 && run[last]!.type === "text" && !(run[last] as { value: string }).value.trim()) last--;
        const heading = directive ? run[last] : undefined;
        const title =
          heading?.type === "element" && /^h[1-6]$/.test(heading.tagName) ? processor.stringify({ type: "root", children: [heading] }, file) : undefined;
        if (title !== undefined) run = run.slice(0, last);
        flush();
        if (directive) pieces.push(title === undefined ? { directive } : { directive, title });
      } else run.push(node);
    }
    flush();
    return { pieces, assets: file.data.assets ?? [] };
  }

  /** One processor per id prefix and heading level, made once: a build renders every body with a few of them. */
  private processor(options: MarkdownOptions): MarkdownProcessor {
    const key = `${options.idPrefix}\u0000${options.baseDepth}`;
    let processor = this.processors.get(key);
    if (!processor) {
      processor = unified()
        .use(remarkLocalUrls)
        .use(remarkFigures)
        .use(remarkHeadingLevels, { base: options.baseDepth })
        .use(remarkPartMarkers)
        .use(remarkRehype, {
          clobberPrefix: options.idPrefix,
          footnoteLabel: "Fotnoter",
          footnoteLabelTagName: `h${options.baseDepth}`,
          footnoteBackLabel: (index: number) => `Tillbaka till hänvisning ${index + 1}`,
        })
        .use(rehypeSanitize, {
          ...defaultSchema,
          clobberPrefix: "",
          // The marks of the directives (see `remarkPartMarkers`): the author cannot write raw HTML, which is dropped before.
          tagNames: [...(defaultSchema.tagNames ?? []), PART_TAG],
          attributes: { ...defaultSchema.attributes, [PART_TAG]: ["dataIndex"] },
        })
        // After sanitising: what these add is ours, not the author's.
        .use(rehypeNoRemoteImages)
        .use(rehypeFootnotesInline, { referenceLabel: (n: number) => `Fotnot ${n}` })
        .use(rehypeTableCaptions)
        .use(rehypeStringify) as unknown as MarkdownProcessor;
      this.processors.set(key, processor);
    }
    return processor;
  }
}

/**
 * Marks each directive on a line of its own at the top level with an element the HTML is cut at
 * (`renderPieces`), and notes where it stands; drops the directives elsewhere, and unwraps a
 * `:::` block (both are `plan check` errors, so only a page built past the check shows this).
 */
function remarkPartMarkers() {
  return (tree: Root, file: VFile) => {
    const placed: PlacedDirective[] = [];
    let depth = 0;
    const children: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === "heading") depth = node.depth;
      if (node.type === "leafDirective") {
        const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));
        placed.push({ name: node.name, attributes, depth });
        children.push({ ...node, children: [], data: { hName: PART_TAG, hProperties: { dataIndex: placed.length - 1 } } });
      } else if (node.type === "containerDirective") children.push(...(node.children as RootContent[]));
      else children.push(node);
    }
    tree.children = children;
    visit(tree, (node, index, parent) => {
      if (parent && parent.type !== "root" && index !== undefined && (node.type === "leafDirective" || node.type === "containerDirective")) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
    file.data.placedDirectives = placed;
  };
}

declare module "vfile" {
  interface DataMap {
    placedDirectives: PlacedDirective[];
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
