import type { Element, ElementContent, Root, RootContent } from "hast";
import { toString } from "hast-util-to-string";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

/**
 * Every body table has a caption and header cells with a scope, as screen readers need: the
 * caption is a paragraph just before the table that starts with `Tabell`, else `Tabell n:` and
 * the heading the table stands under.
 */
const rehypeTableCaptions: Plugin<[], Root> = function () {
  return (tree) => {
    let tables = 0;
    let lastHeading: string | undefined;
    visit(tree, "element", (node, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) lastHeading = toString(node);
      if (node.tagName === "th") node.properties["scope"] = "col";
      if (node.tagName !== "table" || !parent || index === undefined) return;
      tables++;
      const removed = addCaption(node, parent.children, index, lastHeading, tables);
      // The table moved back by the paragraph it took; go on after it, into its rows first.
      return index - removed + 1;
    });
  };
};
export default rehypeTableCaptions;

/** Puts the caption in the table; returns how many siblings before it were taken into it. */
function addCaption(table: Element, siblings: (RootContent | ElementContent)[], index: number, heading: string | undefined, n: number): number {
  let caption: ElementContent[] | undefined;
  let removed = 0;
  let j = index - 1;
  while (j >= 0 && siblings[j]!.type === "text" && !(siblings[j] as { value: string }).value.trim()) j--;
  const before = siblings[j];
  if (before?.type === "element" && before.tagName === "p" && /^tabell\b/i.test(toString(before).trim())) {
    caption = before.children;
    removed = index - j;
    siblings.splice(j, removed);
  }
  caption ??= [{ type: "text", value: heading ? `Tabell ${n}: ${heading}` : `Tabell ${n}` }];
  table.children.unshift({ type: "element", tagName: "caption", properties: {}, children: caption });
  return removed;
}
