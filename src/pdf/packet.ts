import fontkit from "@pdf-lib/fontkit";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, rgb, type PDFDict, type PDFFont, type PDFPage, type PDFRef } from "pdf-lib";
import type { OutputFile } from "../render/site.js";
import type { PacketPlan } from "../render/views/meeting.js";
import { at } from "../write/outputs.js";
import { fontFile } from "./fonts.js";

/** The packet's running page number, as the seed's packet prints it at the foot of every page. */
const pageLabel = (n: number, of: number) => `Sida ${n} av ${of}`;

const MM = 72 / 25.4;
/** A4 in points, as the pages Chromium prints (print.hbs: `size: A4`). */
const A4: [number, number] = [210 * MM, 297 * MM];

/** One bookmark of the packet: its title, the page it opens, and the bookmarks below it. */
interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** Noto Sans, the font every PDF of plan is set in (npm @fontsource/noto-sans), regular and bold. */
function fontFiles(): { regular: Uint8Array; bold: Uint8Array } {
  const file = (weight: number) => fontFile("@fontsource/noto-sans", `files/noto-sans-latin-${weight}-normal.woff`);
  return { regular: file(400), bold: file(700) };
}

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

/** A cover page before an item's documents, as Lerum's packet has them: the item's title and its diarienummer. */
function drawCover(page: PDFPage, cover: NonNullable<PacketPlan["items"][number]["cover"]>, fonts: { regular: PDFFont; bold: PDFFont }): void {
  const [width, height] = A4;
  const size = 20;
  const lines = wrap(cover.title, fonts.bold, size, width - 44 * MM);
  let y = height / 2 + (lines.length * size * 1.3) / 2;
  for (const line of lines) {
    page.drawText(line, { x: 22 * MM, y, size, font: fonts.bold, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.3;
  }
  if (cover.dnr) page.drawText(cover.dnr, { x: 22 * MM, y: y - 6, size: 14, font: fonts.regular, color: rgb(0.1, 0.1, 0.1) });
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
 * page numbered `Sida n av m` at its foot, under the document's own footer, while each document
 * keeps its own header (`TJÄNSTESKRIVELSE 1 (3)`, `Sida 2 av 10`). None when a part's PDF is
 * missing: `missing` names it. The parts' tags (structure tree) are not carried over: pdf-lib
 * copies pages, not the structure of a tagged PDF, so the packet is untagged while each PDF of
 * its parts, beside it, stays tagged.
 */
export async function joinPacket(plan: PacketPlan, read: ReadPdf, day: string | undefined): Promise<{ pdf: Uint8Array } | { missing: string }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const fonts = { regular: await doc.embedFont(files.regular, { subset: true }), bold: await doc.embedFont(files.bold, { subset: true }) };
  const bookmarks: Bookmark[] = [];

  const append = async (path: string): Promise<number | undefined> => {
    const bytes = read(path);
    if (!bytes) return undefined;
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const first = doc.getPageCount();
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
    return first;
  };

  const kallelse = await append(plan.kallelse.pdf);
  if (kallelse === undefined) return { missing: plan.kallelse.pdf };
  bookmarks.push({ title: plan.kallelse.bookmark, page: kallelse, children: [] });
  for (const item of plan.items) {
    const start = doc.getPageCount();
    if (item.cover) drawCover(doc.addPage(A4), item.cover, fonts);
    const children: Bookmark[] = [];
    for (const part of item.documents) {
      const first = await append(part.pdf);
      if (first === undefined) return { missing: part.pdf };
      children.push({ title: part.bookmark, page: first, children: [] });
    }
    // An item with nothing in the packet (its documents are not in the repository, and it has no cover) has no bookmark: there is no page to open.
    if (doc.getPageCount() > start) bookmarks.push({ title: item.bookmark, page: start, children });
  }

  const pages = doc.getPages();
  const size = 8;
  pages.forEach((page, i) => {
    const text = pageLabel(i + 1, pages.length);
    const { width } = page.getSize();
    page.drawText(text, { x: (width - fonts.regular.widthOfTextAtSize(text, size)) / 2, y: 8 * MM, size, font: fonts.regular, color: rgb(0.1, 0.1, 0.1) });
  });
  writeOutline(doc, bookmarks);

  doc.setTitle(plan.title, { showInWindowTitleBar: true });
  doc.setLanguage("sv-SE");
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
