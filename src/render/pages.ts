/** A link from one page of the output to another file in it. */
export function href(fromPage: string, to: string): string {
  const from = fromPage.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.length - common;
  return [...Array<string>(up).fill(".."), ...target.slice(common)].map((p) => (p === ".." ? p : encodeURIComponent(p))).join("/");
}
