import type { Element, Root, RootContent } from "hast";
import { parseHtml } from "./parse-html.js";
import { toHtml } from "hast-util-to-html";
import { findElement, PAGE_POLICY, setPolicy } from "../render/csp.js";

/** Links a PDF can keep: to a place in the same document, to the web, to an e-mail address. */
const KEPT_LINK = /^(#|https?:|mailto:)/i;

/** The page's policy, and the inlined font (a `data:` URL) allowed. */
export const PRINT_POLICY = `${PAGE_POLICY}; font-src data:`;

/**
 * Elements the printer never gets: they load another document or a resource, run a script,
 * connect ahead (`<link rel=preconnect>` opens a connection without making a request, so no
 * interception sees it), change the base of addresses, or leave the page (a refresh). The
 * style sheets are inlined by plan, so no `<link>` is needed.
 */
const DROPPED = new Set([
  "link",
  "base",
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
  "fencedframe",
  "audio",
  "video",
  "source",
  "track",
]);

/** Attributes (as hast names them) whose value is an address the browser loads. */
const URL_PROPERTIES = [
  "src",
  "srcSet",
  "href",
  "xLinkHref",
  "poster",
  "data",
  "background",
  "imageSrcSet",
  "longDesc",
  "cite",
  "action",
  "formAction",
  "manifest",
  "icon",
  "codeBase",
  "archive",
];

/** An address the printer may load: a file beside the page (the staging folder) or inline data. */
const isLocal = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && !/^[\\/]{2}/.test(url.trim());
const isInline = (url: string) => /^data:/i.test(url.trim());

/**
 * The print variant of a built page: the page parsed, stripped of everything that could make
 * the printer connect to anything (`DROPPED`, `<meta http-equiv>` other than the charset,
 * remote addresses in attributes, `ping`), given plan's own policy as the first element of
 * its head (whatever the template's layout said), with the PDF's style sheet (print.hbs) and
 * the shipped font added. What CSS in a template asks for (`url(…)`, `@import`, `@font-face`)
 * the policy forbids. Links to the other pages of the output lose their address (the PDF is
 * read on its own); links within the page, to the web and to e-mail addresses stay.
 */
export function printHtml(page: string, printCss: string, fontCss: string): string {
  const tree = parseHtml(page);
  clean(tree);
  markSmallTables(tree);
  setPolicy(tree, PRINT_POLICY);
  const head = findElement(tree, "head")!;
  // The variant is written as UTF-8; without the layout's `<meta http-equiv="content-type">`, which went, the browser must still know.
  if (!head.children.some((c) => c.type === "element" && c.tagName === "meta" && c.properties["charSet"] !== undefined)) {
    head.children.unshift({ type: "element", tagName: "meta", properties: { charSet: "utf-8" }, children: [] });
  }
  // Nothing in the style sheet may end the <style> element early (`<\/` is the same in CSS).
  const css = `\n${fontCss}\n${printCss}\n`.replace(/<\/(?=style)/gi, "<\\/");
  head.children.push({ type: "element", tagName: "style", properties: {}, children: [{ type: "text", value: css }] });
  return toHtml(tree);
}

/** Tables of up to this many rows (the header rows not counted) are printed on one page (`.keep` in style.css). */
export const KEPT_TABLE_ROWS = 10;

/**
 * Paragraphs of up to this many characters, three lines at most, are printed on one page: with
 * two lines at least on either side of a break they cannot be split, but Chromium splits one
 * two and one under a heading (whose `break-after: avoid` it keeps, not the paragraph's widows).
 */
export const KEPT_PARAGRAPH_CHARACTERS = 280;

const addClass = (node: Element, name: string) => {
  const classes = node.properties["className"];
  node.properties["className"] = [...(Array.isArray(classes) ? classes.map(String) : []), name];
};

const textLength = (node: Element | Root): number =>
  node.children.reduce((n, c) => n + (c.type === "text" ? c.value.trim().length : c.type === "element" ? textLength(c) : 0), 0);

/** Gives tables of at most KEPT_TABLE_ROWS rows and paragraphs of at most KEPT_PARAGRAPH_CHARACTERS the class `keep`: CSS alone cannot count rows of several `<tbody>`, nor lines. */
function markSmallTables(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "table" && bodyRows(child) <= KEPT_TABLE_ROWS) addClass(child, "keep");
    if (child.tagName === "p" && textLength(child) <= KEPT_PARAGRAPH_CHARACTERS) addClass(child, "keep");
    markSmallTables(child);
  }
}

/** The rows of a table outside its `<thead>`, not those of a table inside it. */
function bodyRows(node: Element): number {
  let rows = 0;
  for (const child of node.children) {
    if (child.type !== "element" || child.tagName === "table" || child.tagName === "thead") continue;
    rows += child.tagName === "tr" ? 1 : bodyRows(child);
  }
  return rows;
}

function clean(parent: Root | Element): void {
  parent.children = parent.children.filter((child: RootContent) => child.type !== "element" || keep(child));
  for (const child of parent.children) {
    if (child.type !== "element") continue;
    cleanAddresses(child);
    clean(child);
    if (child.tagName === "template" && child.content) clean(child.content as unknown as Root);
  }
}

function keep(node: Element): boolean {
  if (DROPPED.has(node.tagName)) return false;
  // A refresh would leave the page while it prints; no other http-equiv is needed (the charset is `<meta charset>`).
  if (node.tagName === "meta" && node.properties["httpEquiv"] !== undefined) return false;
  return true;
}

function cleanAddresses(node: Element): void {
  delete node.properties["ping"];
  for (const name of URL_PROPERTIES) {
    const value = node.properties[name];
    if (value === undefined || value === null) continue;
    const url = Array.isArray(value) ? value.join(" ") : String(value);
    if (node.tagName === "a" && name === "href") {
      // A link to another page of the output would become an absolute file: address of this machine in the PDF; the PDF shows its text instead.
      if (!KEPT_LINK.test(url.trim())) delete node.properties[name];
      continue;
    }
    const allowed =
      name === "srcSet" || name === "imageSrcSet"
        ? url.split(",").every((candidate) => isLocal(candidate.trim()) || isInline(candidate.trim()))
        : isLocal(url) || isInline(url);
    if (!allowed) delete node.properties[name];
  }
}
