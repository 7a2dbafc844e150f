import { parseXml, XmlDocumentType, XmlElement, XmlError, XmlProcessingInstruction, type XmlNode } from "@rgrove/parse-xml";
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { t, type Message } from "../format/message.js";
import { settledStat } from "../source/settled.js";

/** Why a file of the repository must not be published: what it holds, and where in it when that is known. */
export interface ActiveContent {
  /** What was found, in words: "a `<script>` element". */
  what: Message;
  /** Line and column in the file itself (an SVG), 1-based. */
  line?: number;
  column?: number;
}

/**
 * Files a browser runs, or renders as a page that can run a script, when a reader opens them
 * from the published site: pages (HTML, XHTML, MHTML, HTA), scripts, and XML, which a browser
 * renders with its style sheets (XSLT) and whose XHTML elements run. SVG is decided by its
 * content (`svgActiveContent`); a compressed SVG cannot be looked into and is refused.
 */
const ACTIVE_EXTENSIONS = new Map<string, Message>([
  ...["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "hta"].map((e): [string, Message] => [e, t`an HTML page`]),
  ...["js", "mjs", "cjs"].map((e): [string, Message] => [e, t`a JavaScript file`]),
  ...["xml", "xsl", "xslt"].map((e): [string, Message] => [e, t`an XML file, which a browser renders with its style sheets and scripts`]),
  ["svgz", t`a compressed SVG, whose content cannot be checked`],
]);

/**
 * The verdicts on a repository's SVGs, by file and its state on disk: the check, watch mode's
 * groups and the renderer each ask of the same files. Kept by the repository (`Repository.active`)
 * and lent to the one assembled next (watch mode), where an unchanged file keeps its verdict.
 */
export interface ActiveMemo {
  verdicts: Map<string, { key: string; verdict: ActiveContent | undefined }>;
}

export const activeMemo = (): ActiveMemo => ({ verdicts: new Map() });

/**
 * Whether the repository file `absPath` (an image or a file a document links to) is active
 * content that must not be published, and what makes it so; `undefined` for a passive file.
 * With `memo`, an SVG unchanged since it was last asked keeps its verdict, unread.
 */
export function activeContent(absPath: string, memo?: ActiveMemo): ActiveContent | undefined {
  const extension = extname(absPath).slice(1).toLowerCase();
  // Only pages, scripts and SVGs can be active: other files (images, PDFs) need no look at the disk.
  if (extension !== "svg" && !ACTIVE_EXTENSIONS.has(extension)) return undefined;
  let key: string | undefined;
  try {
    const stat = statSync(absPath);
    // A folder or a missing file is not published; what to say about it is another rule's.
    if (!stat.isFile()) return undefined;
    // Its settled state, as the loader takes a document's: with the change time, which every write sets and nothing
    // sets back (a file rewritten in place to the same size can be given its old modification time: `cp -p`, an
    // unpacked archive), and none for a file changed within the tick of a coarse clock, which is read every time.
    key = settledStat(stat);
  } catch {
    return undefined;
  }
  const byName = ACTIVE_EXTENSIONS.get(extension);
  if (byName) return { what: byName };
  if (extension !== "svg") return undefined;
  const known = memo?.verdicts.get(absPath);
  if (key !== undefined && known?.key === key) return known.verdict;
  const verdict = svgActiveContent(readFileSync(absPath, "utf8"));
  if (key === undefined) memo?.verdicts.delete(absPath);
  else memo?.verdicts.set(absPath, { key, verdict });
  return verdict;
}

const XHTML = "http://www.w3.org/1999/xhtml";
/** Elements that run a script, embed another document or page, or change attributes while the image is shown. */
const ACTIVE_ELEMENTS = new Map<string, Message>([
  ["script", t`a \`<script>\` element`],
  ["foreignobject", t`a \`<foreignObject>\` element, which embeds HTML`],
  ["iframe", t`an \`<iframe>\` element`],
  ["embed", t`an \`<embed>\` element`],
  ["object", t`an \`<object>\` element`],
  ["handler", t`a \`<handler>\` element, which runs a script`],
  ["listener", t`a \`<listener>\` element`],
]);
const ANIMATIONS = new Set(["set", "animate", "animatemotion", "animatetransform", "animatecolor"]);
/** Inline images an SVG may carry; anything else that is not a place in the SVG itself is a request or a script. */
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);/i;
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

/**
 * What in an SVG can run or make a request when it is opened: parsed as XML (not searched
 * for text), every element and attribute is looked at. Accepted only without scripts, event
 * handlers (`on…`), embedded HTML, animations of links or handlers, style sheets from
 * processing instructions, entity declarations, and references to anything but a place in
 * the SVG itself (`#id`) or an inline raster image.
 */
export function svgActiveContent(svg: string): ActiveContent | undefined {
  const text = svg.replace(/^\uFEFF/, "");
  let document;
  try {
    document = parseXml(text, { includeOffsets: true, preserveDocumentType: true });
  } catch (error) {
    const e = error as XmlError;
    return {
      what: t`XML that cannot be read (${e.message.split("\n")[0]!.replace(/ \(line \d+, column \d+\)$/, "")}) (a browser may read it otherwise)`,
      line: e.line,
      column: e.column,
    };
  }
  const at = (node: XmlNode, what: Message): ActiveContent => ({ what, ...lineColumn(text, node.start) });
  const visit = (node: XmlNode): ActiveContent | undefined => {
    if (node instanceof XmlDocumentType && node.internalSubset) return at(node, t`a DOCTYPE with declarations (entities can bring in markup)`);
    if (node instanceof XmlProcessingInstruction && node.name.toLowerCase() === "xml-stylesheet")
      return at(node, t`an \`<?xml-stylesheet?>\` instruction, which loads a style sheet or XSLT`);
    if (!(node instanceof XmlElement)) return undefined;
    const local = localName(node.name).toLowerCase();
    const element = ACTIVE_ELEMENTS.get(local);
    if (element) return at(node, element);
    for (const [name, value] of Object.entries(node.attributes)) {
      const attribute = localName(name).toLowerCase();
      if (attribute.startsWith("on")) return at(node, t`an event handler \`${name}\` on \`<${node.name}>\``);
      if (/^xmlns(:|$)/.test(name) && value.trim() === XHTML) return at(node, t`HTML elements (the XHTML namespace)`);
      if (ANIMATIONS.has(local) && attribute === "attributename" && (/^(xlink:)?href$/i.test(value.trim()) || /^on/i.test(value.trim()))) {
        return at(node, t`an \`<${node.name}>\` that changes \`${value.trim()}\``);
      }
      if (attribute === "href" || attribute === "src") {
        const url = value.trim();
        if (SCRIPT_URL.test(url) && !INLINE_IMAGE.test(url)) return at(node, t`a \`${url.split(":")[0]!}:\` address in \`${name}\``);
        // A link the reader follows is not loaded by the image; everything else that is not inside the SVG is.
        if (local !== "a" && !url.startsWith("#") && !INLINE_IMAGE.test(url)) return at(node, t`a reference to \`${url}\` outside the SVG`);
      }
      const external = externalCss(value);
      if (external) return at(node, t`a reference to \`${external}\` outside the SVG in \`${name}\``);
    }
    if (local === "style") {
      const css = node.text;
      if (/@import/i.test(css)) return at(node, t`a style sheet that imports another (\`@import\`)`);
      const external = externalCss(css);
      if (external) return at(node, t`a reference to \`${external}\` outside the SVG in a style sheet`);
    }
    for (const child of node.children) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const child of document.children) {
    const found = visit(child);
    if (found) return found;
  }
  return undefined;
}

/** The first `url(…)` in CSS that is neither a place in the SVG (`#id`) nor an inline image. */
function externalCss(css: string): string | undefined {
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const url = m[2]!.trim();
    if (!url.startsWith("#") && !INLINE_IMAGE.test(url)) return url;
  }
  return undefined;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
