import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

const isElement = (node: RootContent | ElementContent | Root, tag?: string): node is Element =>
  node.type === "element" && (tag === undefined || node.tagName === tag);

/** Whether `node` holds a link to `#id`. */
function refersTo(node: RootContent, id: string): boolean {
  let found = false;
  visit(node as Element, "element", (e) => {
    if (e.tagName === "a" && e.properties["href"] === `#${id}`) found = true;
  });
  return found;
}

export interface FootnotesInlineOptions {
  /** What a reference is called for a screen reader, by its number: `Fotnot 1`. */
  referenceLabel: (n: number) => string;
}

/**
 * A body's footnotes are set after the block that cites them (the paragraph, list or table),
 * each as a note (`aside.footnote`, role `doc-footnote`) beginning with its number, instead of as
 * a list at the end of the body with "↩" links back. Chromium prints no CSS footnotes (`float:
 * footnote`), so this is what keeps a note on the page of its reference in a browser's print: the
 * note follows its block, and the print style keeps the two together (`templates/style.css`,
 * "Footnotes"); plan's PDFs then move it to the foot of that page (src/pdf/footnotes.ts).
 * A note cited from several blocks follows the first.
 */
const rehypeFootnotesInline: Plugin<[FootnotesInlineOptions], Root> = function (options) {
  return (tree) => {
    const index = tree.children.findIndex((n) => isElement(n, "section") && n.properties["dataFootnotes"] !== undefined);
    if (index < 0) return;
    const section = tree.children[index] as Element;
    tree.children.splice(index, 1);
    const items: Element[] = [];
    visit(section, "element", (e) => {
      if (e.tagName === "li" && typeof e.properties["id"] === "string") items.push(e);
    });
    // The references pointed at the list's label, which is gone: each says what it is instead.
    visit(tree, "element", (e) => {
      if (e.properties["dataFootnoteRef"] === undefined) return;
      delete e.properties["ariaDescribedBy"];
      const n = Number(e.children.find((c) => c.type === "text")?.value);
      if (n) e.properties["ariaLabel"] = options.referenceLabel(n);
    });
    const notesAfter = new Map<RootContent, Element[]>();
    items.forEach((item, i) => {
      const id = item.properties["id"] as string;
      // The text of the note without its link back.
      visit(item, "element", (e, at, parent) => {
        if (e.properties["dataFootnoteBackref"] !== undefined && parent && at !== undefined) {
          parent.children.splice(at, 1);
          const before = parent.children[at - 1];
          if (before?.type === "text") before.value = before.value.replace(/\s+$/, "");
          return at;
        }
        return undefined;
      });
      const number: Element = {
        type: "element",
        tagName: "span",
        properties: { className: ["footnote-number"] },
        children: [{ type: "text", value: String(i + 1) }],
      };
      const content = item.children.filter((c) => !(c.type === "text" && !c.value.trim()));
      const first = content.find((c) => isElement(c, "p"));
      if (first) first.children.unshift(number, { type: "text", value: " " });
      else content.unshift(number);
      const note: Element = { type: "element", tagName: "aside", properties: { id, className: ["footnote"], role: "doc-footnote" }, children: content };
      const block = tree.children.find((n) => refersTo(n, id));
      const key = block ?? tree.children.at(-1)!;
      notesAfter.set(key, [...(notesAfter.get(key) ?? []), note]);
    });
    for (const [block, notes] of notesAfter) {
      const at = tree.children.indexOf(block);
      tree.children.splice(at + 1, 0, ...notes.flatMap((n): RootContent[] => [{ type: "text", value: "\n" }, n]));
    }
  };
};
export default rehypeFootnotesInline;
