/** Links a PDF can keep: to a place in the same document, to the web, to an e-mail address. */
const KEPT_LINK = /^(#|https?:|mailto:)/i;

/**
 * The print variant of a built page: the same HTML with the PDF's style sheet (print.hbs) and
 * the shipped font added to its head. The page's Content-Security-Policy stays in force; it
 * only gains `font-src data:` so the inlined font may load. Links to the other pages of the
 * output lose their address (the PDF is read on its own); links within the page, to the web
 * and to e-mail addresses stay.
 */
export function printHtml(page: string, printCss: string, fontCss: string): string {
  // Nothing in the style sheet may end the <style> element early (`<\/` is the same in CSS).
  const styleBlock = `<style>\n${fontCss}\n${printCss.replace(/<\/(?=style)/gi, "<\\/")}\n</style>\n`;
  // A link to another page of the output would become an absolute file: address of this machine in the
  // PDF; the PDF shows its text instead.
  const links = page.replace(/(<a\b[^>]*?)\s+href="([^"]*)"/gi, (all, start: string, href: string) => (KEPT_LINK.test(href.trim()) ? all : start));
  const withCsp = links.replace(/(<meta\s+http-equiv=["']?content-security-policy["']?\s+content=")([^"]*)(")/i, (all, start: string, policy: string, end: string) =>
    /(^|;)\s*font-src\b/i.test(policy) ? all : `${start}${policy.replace(/;?\s*$/, "")}; font-src data:${end}`,
  );
  const head = /<\/head\s*>/i.exec(withCsp);
  if (head) return withCsp.slice(0, head.index) + styleBlock + withCsp.slice(head.index);
  // A layout without </head>: the style goes first, where the browser puts it in the head.
  const doctype = /^\s*<!doctype[^>]*>\s*/i.exec(withCsp);
  const at = doctype ? doctype[0].length : 0;
  return withCsp.slice(0, at) + styleBlock + withCsp.slice(at);
}
