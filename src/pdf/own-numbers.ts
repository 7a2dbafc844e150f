import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from "pdf-lib";
import { PAGE } from "../vocabulary.js";
import { markedDepthAfter, operations, TEXT_SHOWING } from "./content.js";
import { pageContent, setPageContent } from "./page-content.js";

/**
 * A document's own page numbers taken out of its pages, for a meeting packet, which numbers its
 * pages itself (`Sida 7 av 19`): a board member reading page 7 of the packet should not see a
 * second number beside it. Chromium prints the page margin boxes of templates/print.hbs outside
 * any marked content, each piece of their `content` a text object of its own (`BT … ET`), the
 * counters too: the text objects of `Sida 2 av 9` (`Sid 2 av 9`, Herrljunga's memo form) or of
 * the ` 1 (3)` after `TJÄNSTESKRIVELSE` are taken out, where the numbers they show are the page's
 * own number and its document's count of pages, on one line. Nothing else changes: the
 * document's own PDF keeps its numbers.
 */
export function removeOwnPageNumbers(doc: PDFDocument): number {
  const pages = doc.getPages();
  // A document's pages share its fonts (Chromium embeds each once): each font's map is read once.
  const fonts = new Map<PDFRef | PDFDict, FontMap | undefined>();
  let removed = 0;
  pages.forEach((page, i) => {
    const text = pageContent(doc, page);
    if (text === undefined) return;
    const without = withoutOwnNumber(text, fontDecoders(doc, page, fonts), i + 1, pages.length);
    if (without.removed === 0) return;
    setPageContent(doc, page, without.text);
    removed += without.removed;
  });
  return removed;
}

/** A text object outside marked content: where it stands in the stream, the line it is set on (its `Tm`'s y), and the text it shows. */
interface Run {
  start: number;
  end: number;
  line: string | undefined;
  text: string;
}

/**
 * The content stream `text` without the text objects that show page `n` of `of` (see
 * removeOwnPageNumbers); `decode` gives the text of a string shown in a font (by its resource name).
 */
export function withoutOwnNumber(text: string, decode: (font: string, operand: string) => string, n: number, of: number): { text: string; removed: number } {
  const runs: Run[] = [];
  let depth = 0;
  let font = "";
  let current: (Run & { marked: boolean }) | undefined;
  for (const o of operations(text)) {
    const nested = markedDepthAfter(o.op, depth);
    if (nested !== undefined) {
      depth = nested;
      if (current) current.marked = true;
    } else if (o.op === "BT") current = { start: o.start, end: o.end, line: undefined, text: "", marked: depth > 0 };
    else if (o.op === "Tf") font = o.operands[0] ?? "";
    else if (o.op === "Tm" && current) current.line = o.operands[5];
    else if (TEXT_SHOWING.has(o.op) && current) current.text += o.operands.map((operand) => decode(font, operand)).join("");
    else if (o.op === "ET" && current) {
      if (!current.marked) runs.push({ start: current.start, end: o.end, line: current.line, text: current.text });
      current = undefined;
    }
  }
  const [number, count] = [String(n), String(of)];
  const remove: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    if (runs[k]!.text !== number || runs[k + 2]?.text !== count) continue;
    const oneLine = (from: number, to: number) => runs.slice(from, to + 1).every((r) => r.line !== undefined && r.line === runs[k]!.line);
    // `TJÄNSTESKRIVELSE 1 (3)`: the number, ` (`, the count, `)`.
    if (runs[k + 1]!.text === " (" && runs[k + 3]?.text === ")" && oneLine(k, k + 3)) remove.push(...runs.slice(k, k + 4));
    // `Sida 2 av 9`, `Sid 2 av 2`: the word, the number, ` av `, the count.
    else if (k > 0 && [`${PAGE.page} `, `${PAGE.short} `].includes(runs[k - 1]!.text) && runs[k + 1]!.text === ` ${PAGE.of} ` && oneLine(k - 1, k + 2))
      remove.push(...runs.slice(k - 1, k + 3));
  }
  if (!remove.length) return { text, removed: 0 };
  let out = "";
  let at = 0;
  for (const run of remove) {
    out += text.slice(at, run.start);
    // With the line break after its `ET`, as Chromium writes one text object a line.
    at = text[run.end] === "\n" ? run.end + 1 : run.end;
  }
  return { text: out + text.slice(at), removed: remove.length };
}

/** A font's character codes and the text each stands for, and how many bytes a code takes. */
interface FontMap {
  map: Map<number, string>;
  bytes: number;
}

/** The map of the font `ref` names, by its ToUnicode CMap; none for a font without one. */
function fontMap(doc: PDFDocument, ref: PDFRef | PDFDict): FontMap | undefined {
  const font = ref instanceof PDFDict ? ref : doc.context.lookup(ref);
  if (!(font instanceof PDFDict)) return undefined;
  const toUnicode = font.lookup(PDFName.of("ToUnicode"));
  if (!(toUnicode instanceof PDFRawStream)) return undefined;
  const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString("latin1");
  // A composite font (Type0, as Chromium embeds every font) shows two bytes a character.
  return { map: unicodeMap(cmap), bytes: font.get(PDFName.of("Subtype")) === PDFName.of("Type0") ? 2 : 1 };
}

/** The text of a string operand (`<002F0048>`, or an array of them) in each of the page's fonts, by their ToUnicode maps (kept in `known`). */
function fontDecoders(doc: PDFDocument, page: PDFPage, known: Map<PDFRef | PDFDict, FontMap | undefined>): (font: string, operand: string) => string {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
  const maps = new Map<string, FontMap>();
  for (const [name, value] of fonts?.entries() ?? []) {
    if (!(value instanceof PDFRef) && !(value instanceof PDFDict)) continue;
    if (!known.has(value)) known.set(value, fontMap(doc, value));
    const found = known.get(value);
    if (found) maps.set(name.toString(), found);
  }
  return (font, operand) => {
    const found = maps.get(font);
    if (!found) return "\uFFFD";
    const codes = [...operand.matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((m) => m[1]!.replace(/\s/g, "")).join("");
    const step = found.bytes * 2;
    let out = "";
    for (let i = 0; i + step <= codes.length; i += step) out += found.map.get(parseInt(codes.slice(i, i + step), 16)) ?? "\uFFFD";
    // A literal string `(…)` is not how Chromium shows text: it is read as nothing, which matches no number.
    return out;
  };
}

/** The character codes of a ToUnicode CMap (`beginbfchar`, `beginbfrange`) and the text each stands for. */
function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const [from, to] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
      if (m[3]!.startsWith("[")) {
        [...m[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1]!)));
        continue;
      }
      const base = m[3]!.slice(1, -1);
      const last = parseInt(base.slice(-4), 16);
      for (let code = from; code <= to && code - from < 65536; code++) map.set(code, utf16(base.slice(0, -4)) + String.fromCharCode(last + code - from));
    }
  }
  return map;
}
