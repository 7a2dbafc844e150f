import type { Root } from "mdast";
import type { TextDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

/**
 * Figures cited in prose (`:figure{…}`) printed as the data gives them: the page's context
 * computes each (`MarkdownContext.figure`); where it cannot (a page built past the check's error),
 * the text the author wrote in the brackets stands.
 */
const remarkFigures: Plugin<[], Root> = function () {
  return (tree, file) => {
    const figure = file.data.markdownContext?.figure;
    visit(tree, "textDirective", (node: TextDirective, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));
      const value = figure?.(attributes) ?? toString(node);
      parent.children.splice(index, 1, { type: "text", value });
      return index + 1;
    });
  };
};
export default remarkFigures;
