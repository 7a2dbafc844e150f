import type { Root as HastRoot } from "hast";
import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import { VFile } from "vfile";
import rehypeFootnoteLabel from "./plugins/rehype-footnote-label.js";
import rehypeNoRemoteImages from "./plugins/rehype-no-remote-images.js";
import rehypeTableCaptions from "./plugins/rehype-table-captions.js";
import remarkHeadingLevels from "./plugins/remark-heading-levels.js";
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
    const tree: Root = { type: "root", children: nodes.filter((n) => n.type !== "yaml").map(copyNode) };
    const file = new VFile();
    file.data.markdownContext = context;
    const processor = this.processor(options);
    const html = processor.stringify(processor.runSync(tree, file), file);
    return { html, assets: file.data.assets ?? [] };
  }

  /** One processor per id prefix and heading level, made once: a build renders every body with a few of them. */
  private processor(options: MarkdownOptions): MarkdownProcessor {
    const key = `${options.idPrefix}\u0000${options.baseDepth}`;
    let processor = this.processors.get(key);
    if (!processor) {
      processor = unified()
        .use(remarkLocalUrls)
        .use(remarkHeadingLevels, { base: options.baseDepth })
        .use(remarkRehype, {
          clobberPrefix: options.idPrefix,
          footnoteLabel: "Fotnoter",
          footnoteLabelTagName: `h${options.baseDepth}`,
          footnoteBackLabel: (index: number) => `Tillbaka till hänvisning ${index + 1}`,
        })
        .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" })
        // After sanitising: what these add is ours, not the author's.
        .use(rehypeNoRemoteImages)
        .use(rehypeFootnoteLabel, { idPrefix: options.idPrefix })
        .use(rehypeTableCaptions)
        .use(rehypeStringify) as unknown as MarkdownProcessor;
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
