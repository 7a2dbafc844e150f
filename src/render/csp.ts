import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";

/**
 * The Content-Security-Policy of every published page: no script, no request but the page's
 * own images; styles only inline. It is plan's, not the template's: `withPagePolicy` puts it
 * into each page after templating, so a repository's layout cannot leave it out or weaken it.
 */
export const PAGE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const policyMeta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

/**
 * The start of a page made by the shipped layout, up to its policy: nothing before the
 * policy can hide or end it, so such a page needs no parsing (the common case, and fast).
 */
const SHIPPED_START = new RegExp(
  `^<!DOCTYPE html>\\s*<html(?: lang="[a-z-]+")?>\\s*<head>\\s*(?:<meta charset="utf-8">\\s*)?(?:<meta name="viewport" content="[^"<>]*">\\s*)?${escape(policyMeta(PAGE_POLICY))}`,
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A page with plan's policy as the first element of its head, no other policy and no refresh
 * (a template's `<meta http-equiv="refresh">` would send the reader elsewhere). The shipped
 * start with no `http-equiv` but the policy's needs no parsing; any other (a refresh, however
 * its value is written with entities) is parsed and dropped.
 */
export function withPagePolicy(html: string): string {
  if (SHIPPED_START.test(html) && html.match(/http-equiv/gi)?.length === 1) return html;
  const tree = fromHtml(html);
  setPolicy(tree, PAGE_POLICY);
  return toHtml(tree);
}

/** Whether an element is a `<meta http-equiv="content-security-policy">`. */
const isPolicyMeta = (node: Element) =>
  node.tagName === "meta" && [node.properties["httpEquiv"] ?? []].flat().join(" ").trim().toLowerCase() === "content-security-policy";

/** Whether an element is a `<meta http-equiv="refresh">`, which loads another address by itself. */
const isRefreshMeta = (node: Element) => node.tagName === "meta" && [node.properties["httpEquiv"] ?? []].flat().join(" ").trim().toLowerCase() === "refresh";

/**
 * Replaces every policy of a parsed page with `policy`, as the first element of its head (which
 * the parser always makes), and drops every refresh.
 */
export function setPolicy(tree: Root, policy: string): void {
  const remove = (parent: Root | Element) => {
    parent.children = parent.children.filter((child) => !(child.type === "element" && (isPolicyMeta(child) || isRefreshMeta(child))));
    for (const child of parent.children)
      if (child.type === "element") remove(child.tagName === "template" && child.content ? (child.content as unknown as Element) : child);
  };
  remove(tree);
  const head = findElement(tree, "head");
  if (!head) throw new Error("a parsed page has a head");
  const meta: Element = { type: "element", tagName: "meta", properties: { httpEquiv: ["Content-Security-Policy"], content: policy }, children: [] };
  // First: a policy applies only to what comes after it.
  head.children.unshift(meta);
}

export function findElement(parent: Root | Element, tagName: string): Element | undefined {
  for (const child of parent.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}
