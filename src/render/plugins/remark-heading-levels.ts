import type { Heading, Root } from "mdast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

export interface HeadingLevelsOptions {
  /** The level the body's top headings get: 2 under the page's single h1, 3 inside a section. */
  base: number;
}

/**
 * The page has one h1, its title: the body's top headings become `base`, and no heading is
 * more than one level below the one before it.
 */
const remarkHeadingLevels: Plugin<[HeadingLevelsOptions], Root> = function (options) {
  return (tree) => {
    const headings: Heading[] = [];
    visit(tree, "heading", (h) => {
      headings.push(h);
    });
    if (headings.length === 0) return;
    const top = Math.min(...headings.map((h) => h.depth));
    let previous = options.base - 1;
    for (const heading of headings) {
      const shifted = heading.depth - top + options.base;
      const depth = Math.min(shifted, previous + 1, 6);
      heading.depth = depth as Heading["depth"];
      previous = depth;
    }
  };
};
export default remarkHeadingLevels;
