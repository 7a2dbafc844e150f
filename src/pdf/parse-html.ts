import type { Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { parse } from "parse5";

/**
 * A page parsed as hast-util-from-html parses it (parse5, scripting off, the HTML space), but
 * without the source positions of its nodes: nothing that is printed reads them, and computing
 * them is about a fifth of the parse of every page the printer gets, and more of each copy of it.
 */
export function parseHtml(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}
