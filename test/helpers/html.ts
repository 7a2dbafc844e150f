import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Reading the built HTML back in tests, without a DOM: the output is regular, made by our templates. */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", "#x3D": "=", "#x60": "`", nbsp: "\u00A0" };

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (ENTITIES[e] !== undefined) return ENTITIES[e]!;
    if (/^#x/i.test(e)) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (/^#\d/.test(e)) return String.fromCodePoint(Number(e.slice(1)));
    return m;
  });
}

/** The text of an HTML fragment as read: block tags become spaces, inline tags go, entities decoded, white space collapsed (no-break spaces kept). */
export function text(html: string): string {
  const blocks = /<\/?(p|div|dl|dt|dd|ul|ol|li|br|table|caption|thead|tbody|tr|th|td|h[1-6]|section|header|footer|figure|figcaption)\b[^>]*>/g;
  return decode(html.replace(blocks, " ").replace(/<[^>]+>/g, ""))
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}

export interface Cell {
  tag: "th" | "td";
  attrs: string;
  html: string;
  text: string;
}

export interface HtmlTable {
  caption: string;
  rows: { attrs: string; cells: Cell[] }[];
}

export function tables(html: string): HtmlTable[] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => {
    const inner = m[1]!;
    const caption = text(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(inner)?.[1] ?? "");
    const rows = [...inner.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map((r) => ({
      attrs: r[1]!,
      cells: [...r[2]!.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map((c) => ({ tag: c[1] as "th" | "td", attrs: c[2]!, html: c[3]!, text: text(c[3]!) })),
    }));
    return { caption, rows };
  });
}

export function tableByCaption(html: string, caption: string | RegExp): HtmlTable {
  const found = tables(html).find((t) => (typeof caption === "string" ? t.caption.includes(caption) : caption.test(t.caption)));
  if (!found)
    throw new Error(
      `no table with the caption ${String(caption)}; captions: ${tables(html)
        .map((t) => t.caption)
        .join(" | ")}`,
    );
  return found;
}

/** Headings in document order: their level and text. */
export function headings(html: string): { level: number; text: string }[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: text(m[2]!) }));
}

/** Every file below `dir`, as paths with `/` from it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

/** Plain spaces for the three kinds Swedish print uses, to compare figures as written in DOMAIN.md. */
export const spaces = (s: string) => s.replace(/[\u00A0\u202F]/g, " ");
