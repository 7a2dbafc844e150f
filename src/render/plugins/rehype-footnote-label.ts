import type { Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export interface FootnoteLabelOptions {
  /** Prefix of the ids footnotes create, unique within the page. */
  idPrefix: string;
}

/**
 * The heading of a body's footnotes gets an id unique within the page, and the references
 * that point at it follow: remark-rehype names it `footnote-label` in every body, and a page
 * has several bodies.
 */
const rehypeFootnoteLabel: Plugin<[FootnoteLabelOptions], Root> = function (options) {
  const labelId = `${options.idPrefix}footnote-label`;
  return (tree) => {
    visit(tree, "element", (node) => {
      if (node.properties["id"] === "footnote-label") node.properties["id"] = labelId;
      const describedBy = node.properties["ariaDescribedBy"];
      if (Array.isArray(describedBy) && describedBy.includes("footnote-label")) node.properties["ariaDescribedBy"] = [labelId];
    });
  };
};
export default rehypeFootnoteLabel;
