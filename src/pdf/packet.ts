import fontkit from "@pdf-lib/fontkit";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, rgb, type PDFDict, type PDFFont, type PDFPage, type PDFRef } from "pdf-lib";
import type { OutputFile } from "../render/site.js";
import type { PacketPlan } from "../render/views/meeting.js";
import { at } from "../write/outputs.js";
import { fontFile } from "./fonts.js";
import { footerArtifact, JoinedStructure } from "./tags.js";
import { lazy } from "../lazy.js";
import { pageNumber } from "../vocabulary.js";
import { removeOwnPageNumbers } from "./own-numbers.js";

/** The packet's running page number, as the seed's packet prints it at the foot of every page. */
const pageLabel = pageNumber;

/** The packet's language, as its parts' (templates/layout.hbs: `<html lang="sv">`, which Chromium writes as `/Lang (sv)`). */
const LANG = "sv";

const MM = 72 / 25.4;
/** A4 in points, as the pages Chromium prints (print.hbs: `size: A4`). */
const A4: [number, number] = [210 * MM, 297 * MM];

/** One bookmark of the packet: its title, the page it opens, and the bookmarks below it. */
interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/**
 * The font file inside a WOFF 1.0 file (W3C WOFF 1.0, section 4): each table inflated where it
 * is compressed, in the order and with the checksums the WOFF gives. fontkit reads the WOFF
 * itself, with an inflater in JavaScript, on every packet; node's zlib, once, gives the same
 * tables, and so the same embedded font.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 file");
  const tables = Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const n = tables.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const head = Buffer.alloc(12 + 16 * n);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(n * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((table, i) => {
    table.tag.copy(head, 12 + i * 16);
    head.writeUInt32BE(table.checksum, 12 + i * 16 + 4);
    head.writeUInt32BE(offset, 12 + i * 16 + 8);
    head.writeUInt32BE(table.data.length, 12 + i * 16 + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** Noto Sans, the font every PDF of plan is set in (npm @fontsource/noto-sans), regular and bold; read the first time a packet is made. */
const fontFiles = lazy((): { regular: Uint8Array; bold: Uint8Array } => {
  const file = (weight: number) => woffToSfnt(fontFile("@fontsource/noto-sans", `files/noto-sans-latin-${weight}-normal.woff`));
  return { regular: file(400), bold: file(700) };
});

/** The lines of `text` set in `font` at `size` that fit in `width`, broken between words. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(tried, size) > width) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A cover page before an item's documents, as Lerum's packet has them: the item's title and its
 * diarienummer, tagged as the item's heading (H1) and a paragraph below `item`.
 */
function drawCover(
  page: PDFPage,
  cover: NonNullable<PacketPlan["items"][number]["cover"]>,
  fonts: { regular: PDFFont; bold: PDFFont },
  tags: JoinedStructure,
  item: PDFRef,
): void {
  const [width, height] = A4;
  const size = 20;
  const lines = wrap(cover.title, fonts.bold, size, width - 44 * MM);
  let y = height / 2 + (lines.length * size * 1.3) / 2;
  const heading = tags.mark(page, item, "H1");
  page.pushOperators(heading.begin);
  for (const line of lines) {
    page.drawText(line, { x: 22 * MM, y, size, font: fonts.bold, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.3;
  }
  page.pushOperators(heading.end);
  if (cover.dnr) {
    const dnr = tags.mark(page, item, "P");
    page.pushOperators(dnr.begin);
    page.drawText(cover.dnr, { x: 22 * MM, y: y - 6, size: 14, font: fonts.regular, color: rgb(0.1, 0.1, 0.1) });
    page.pushOperators(dnr.end);
  }
}

/** The outline (bookmarks) of the packet, written as the PDF's /Outlines. */
function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const pages = doc.getPages();
  const context = doc.context;
  const root = context.obj({ Type: "Outlines" });
  const rootRef = context.register(root);
  const place = (items: Bookmark[], parent: PDFRef, parentDict: PDFDict): number => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const dict = context.obj({});
      dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title));
      dict.set(PDFName.of("Parent"), parent);
      dict.set(PDFName.of("Dest"), context.obj([pages[item.page]!.ref, PDFName.of("Fit")]) as PDFArray);
      if (i > 0) dict.set(PDFName.of("Prev"), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of("Next"), refs[i + 1]!);
      const below = item.children.length ? place(item.children, refs[i]!, dict) : 0;
      // Closed items (a negative count) would hide each item's documents; they open at once.
      if (below) dict.set(PDFName.of("Count"), PDFNumber.of(below));
      context.assign(refs[i]!, dict);
      count += 1 + below;
    });
    if (refs.length) {
      parentDict.set(PDFName.of("First"), refs[0]!);
      parentDict.set(PDFName.of("Last"), refs.at(-1)!);
    }
    return count;
  };
  const count = place(bookmarks, rootRef, root);
  root.set(PDFName.of("Count"), PDFNumber.of(count));
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  doc.catalog.set(PDFName.of("ViewerPreferences"), context.obj({ DisplayDocTitle: true }));
}

/** What joining a packet needs of the build: the bytes of a PDF of the output by its path, none where it is missing. */
export type ReadPdf = (path: string) => Uint8Array | undefined;

/**
 * The meeting packet: the kallelse, then per item its cover page (where the organisation uses
 * them) and its attached documents, in agenda order; a bookmark per part and per item; every
 * page numbered `Sida n av m` at its foot, under the document's own footer, the one numbering of
 * the packet: each document's own number (`TJÄNSTESKRIVELSE 1 (3)`, `Sida 2 av 10`) is taken out
 * of its pages there (removeOwnPageNumbers), its own PDF keeps it. None when a part's PDF is
 * missing: `missing` names it. The packet is a tagged PDF as its parts are (tags.ts): its
 * Document holds the kallelse's structure, then per item a section with the cover's heading and
 * each document's structure, in agenda order; the page numbers are artifacts.
 */
export async function joinPacket(plan: PacketPlan, read: ReadPdf, day: string | undefined): Promise<{ pdf: Uint8Array } | { missing: string }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const fonts = { regular: await doc.embedFont(files.regular, { subset: true }), bold: await doc.embedFont(files.bold, { subset: true }) };
  const bookmarks: Bookmark[] = [];

  const tags = new JoinedStructure(doc, LANG);
  const append = async (path: string, parent: PDFRef): Promise<number | undefined> => {
    const bytes = read(path);
    if (!bytes) return undefined;
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    removeOwnPageNumbers(source);
    const first = doc.getPageCount();
    tags.append(source, parent);
    return first;
  };

  const kallelse = await append(plan.kallelse.pdf, tags.document);
  if (kallelse === undefined) return { missing: plan.kallelse.pdf };
  bookmarks.push({ title: plan.kallelse.bookmark, page: kallelse, children: [] });
  for (const item of plan.items) {
    // An item with nothing in the packet (its documents are not in the repository, and it has no cover) has no section and no bookmark: nothing of it is printed.
    if (!item.cover && !item.documents.length) continue;
    const start = doc.getPageCount();
    const section = tags.element(tags.document, "Sect");
    if (item.cover) drawCover(doc.addPage(A4), item.cover, fonts, tags, section);
    const children: Bookmark[] = [];
    for (const part of item.documents) {
      const first = await append(part.pdf, section);
      if (first === undefined) return { missing: part.pdf };
      children.push({ title: part.bookmark, page: first, children: [] });
    }
    bookmarks.push({ title: item.bookmark, page: start, children });
  }

  const pages = doc.getPages();
  const size = 8;
  pages.forEach((page, i) => {
    const text = pageLabel(i + 1, pages.length);
    const { width } = page.getSize();
    // The packet's own numbering is no content of any document: an artifact, which a screen reader skips.
    const artifact = footerArtifact();
    page.pushOperators(artifact.begin);
    page.drawText(text, { x: (width - fonts.regular.widthOfTextAtSize(text, size)) / 2, y: 8 * MM, size, font: fonts.regular, color: rgb(0.1, 0.1, 0.1) });
    page.pushOperators(artifact.end);
  });
  tags.finish();
  writeOutline(doc, bookmarks);

  doc.setTitle(plan.title, { showInWindowTitleBar: true });
  doc.setLanguage(LANG);
  doc.setCreator("plan");
  doc.setProducer("plan (pdf-lib)");
  // The same input gives the same bytes: the date is the build's source date, else the kallelse's.
  const date = new Date(`${day ?? plan.date}T00:00:00Z`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return { pdf: await doc.save({ useObjectStreams: false }) };
}

/**
 * Joins the packet of every kallelse among `files` from the PDFs in `folder` (the new output,
 * every PDF in place) and writes it there, beside the kallelse's PDF. A packet one of whose
 * parts has no PDF (another shard's) is not made; the answer names it.
 */
export async function writePackets(folder: string, files: readonly OutputFile[], day: string | undefined): Promise<{ joined: string[]; incomplete: string[] }> {
  const joined: string[] = [];
  const incomplete: string[] = [];
  const read: ReadPdf = (path) => {
    try {
      return readFileSync(join(folder, path));
    } catch {
      return undefined;
    }
  };
  for (const file of files) {
    if (!file.packet) continue;
    const result = await joinPacket(file.packet, read, day);
    if ("missing" in result) {
      incomplete.push(`${file.packet.path} (${result.missing} is missing)`);
      continue;
    }
    const target = join(folder, file.packet.path);
    try {
      // A new file, not written into the old one: the one there may be a link to the previous output's (see carryOver).
      rmSync(target, { force: true });
      writeFileSync(target, result.pdf);
    } catch (error) {
      throw at(error, target);
    }
    joined.push(file.packet.path);
  }
  return { joined, incomplete };
}
