import type { Root } from "hast";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { isRemote } from "./remark-local-urls.js";

/**
 * An image left without a local source after sanitising is shown as its alternative text: a
 * page makes no request to the network. `remarkLocalUrls` already replaces such images in the
 * markdown; this holds for whatever reaches the HTML another way.
 */
const rehypeNoRemoteImages: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "img" || !parent || index === undefined) return;
      const src = String(node.properties["src"] ?? "");
      if (src !== "" && !isRemote(src)) return;
      parent.children.splice(index, 1, { type: "text", value: String(node.properties["alt"] ?? "") });
      return [SKIP, index + 1];
    });
  };
};
export default rehypeNoRemoteImages;
