import type { Element, ElementContent, Root, RootContent } from "hast";
import { parseHtml } from "./parse-html.js";
import { toHtml } from "hast-util-to-html";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from "pdf-lib";

/**
 * Footnotes at the foot of the page of their reference. Chromium prints no page-foot floats
 * (`float: footnote`), and a page cannot ask where the browser will break it, so the printed PDF
 * is asked instead: Chromium writes a named destination (page and height) for every element a
 * link points to, and a link annotation on the page of every link. A first print, with the notes
 * moved to the end and an empty marker after each block of the flow, tells the page of each
 * reference, the height of each note and where each block ends; the notes of a page are then set
 * in a box after the last block of that page that leaves room for them, as tall as the rest of
 * the page, with the notes at its bottom, and the blocks after it go to the next page. The final
 * print is checked the same way (each note on its reference's page, at its foot): once every
 * note has its box, the final print is itself measured as a print with probes would be (the
 * probes are empty and take no room), kept where each note is at its foot, else its room is
 * corrected and it is printed again; where that does not come right, the page is printed as it
 * was, with each note after the block that cites it.
 */

/** A print of a variant of the page: the PDF's bytes. */
export type Print = (html: string) => Promise<Uint8Array>;

/** Whether a print page has footnotes to set: the fast path for every other page. */
export const hasFootnotes = (html: string): boolean => /<aside\b[^>]*\bclass="footnote\b/.test(html);

/** Elements whose children are blocks of the flow: a note may be set between two of them. */
const isFlow = (e: Element): boolean =>
  ["main", "article", "section"].includes(e.tagName) || (e.tagName === "div" && classes(e).some((c) => c === "body" || c === "titled-part"));

const classes = (e: Element): string[] => (Array.isArray(e.properties["className"]) ? e.properties["className"].map(String) : []);
const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === "element";

const PROBE = "plan-fn-probe-";
const FOOT = `${PROBE}foot`;
/** Points of slack between a note's measured height and the room left for it. */
const SLACK_PT = 6;
/** How far off its place a note may be printed, in points. */
const TOLERANCE_PT = 2;
/** At most this many prints for one document (about two per page with notes); beyond, the notes follow their blocks. */
const MAX_ROUNDS = 12;

interface Note {
  id: string;
  element: Element;
}

/** One block of the flow: where a box of notes may follow it. */
interface Block {
  element: Element;
  parent: Element;
  probe: string;
}

interface Placement {
  notes: string[];
  /** Each note's height, in points, as measured. */
  heights: number[];
  /** The probe of the block the box follows. */
  after: string;
  /** The room above the notes in their box: what is left of the page, less the notes and the slack. */
  spacePt: number;
}

/** Prints `html` with its footnotes at the foot of their pages where it can (see above), else as it is. */
export async function printWithFootnotes(html: string, print: Print): Promise<Uint8Array> {
  if (!hasFootnotes(html)) return print(html);
  const tree = parseHtml(html);
  const notes = notesOf(tree);
  if (notes.length === 0) return print(html);
  const placements: Placement[] = [];
  let footY = 0;
  // What the margins inside a box added, learnt from the first: given to the boxes after it at once.
  let learnt = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (placements.length && notes.every((n) => placements.some((p) => p.notes.includes(n.id)))) {
      // Every note has its box: the final print is measured as a print with probes would be (the probes take no room),
      // and kept where each note is at its foot; else the room is corrected as after a probe, and it is printed again.
      const finalPdf = await print(toHtml(arrange(tree, notes, placements, false).tree));
      const final = await readPdf(finalPdf);
      const offsets = placements.map((p) => offFoot(final, p, footY));
      if (offsets.some((o) => o === undefined)) return print(html);
      if (offsets.every((o) => Math.abs(o!) <= TOLERANCE_PT)) return finalPdf;
      placements.forEach((p, i) => (p.spacePt += offsets[i]!));
      if (placements.some((p) => p.spacePt < 0)) return print(html);
      continue;
    }
    const variant = arrange(tree, notes, placements, true);
    const found = await readPdf(await print(toHtml(variant.tree)));
    const foot = found.dests.get(FOOT);
    if (!foot) return print(html);
    footY = foot.y;
    // Margins inside the box that were not in the measure put the notes a little off the foot: the room is corrected once.
    const offsets = placements.map((p) => offFoot(found, p, footY));
    if (offsets.some((o) => o === undefined)) return print(html);
    if (offsets.some((o) => Math.abs(o!) > TOLERANCE_PT)) {
      placements.forEach((p, i) => (p.spacePt += offsets[i]!));
      learnt += offsets.at(-1)!;
      if (placements.some((p) => p.spacePt < 0)) return print(html);
      continue;
    }
    const next = nextPlacement(found, notes, placements, variant.blocks, footY);
    // Never "done" here: a print with probes is made only while a note has no box.
    if (next === "done") continue;
    if (next === undefined || next.spacePt + learnt < 0) return print(html);
    placements.push({ ...next, spacePt: next.spacePt + learnt });
  }
  return print(html);
}

function notesOf(tree: Root): Note[] {
  const notes: Note[] = [];
  const walk = (parent: Root | Element) =>
    parent.children.forEach((c) => {
      if (!isElement(c)) return;
      if (c.tagName === "aside" && classes(c).includes("footnote") && typeof c.properties["id"] === "string")
        notes.push({ id: c.properties["id"], element: c });
      else walk(c);
    });
  walk(tree);
  return notes;
}

/**
 * A copy of the page with the placed notes in their boxes; with `probes`, the other notes at the
 * end of the flow (measured, out of the way), an empty marker after each block, one fixed to the
 * foot of the page, and links to all of them (Chromium writes a destination only for a target).
 */
function arrange(tree: Root, notes: readonly Note[], placements: readonly Placement[], probes: boolean): { tree: Root; blocks: Block[] } {
  const copy = structuredClone(tree);
  const byId = new Map(notesOf(copy).map((n) => [n.id, n.element]));
  const unplaced = notes.filter((n) => !placements.some((p) => p.notes.includes(n.id))).map((n) => byId.get(n.id)!);
  const moved = new Set(byId.values());
  // Every note leaves its place: set in its box, or at the end.
  const detach = (parent: Root | Element) => {
    parent.children = parent.children.filter((c) => !(isElement(c) && moved.has(c))) as typeof parent.children;
    parent.children.forEach((c) => isElement(c) && detach(c));
  };
  detach(copy);
  const blocks: Block[] = [];
  let n = 0;
  const mark = (parent: Element) => {
    const children: ElementContent[] = [];
    for (const child of parent.children) {
      children.push(child);
      if (!isElement(child)) continue;
      if (isFlow(child)) mark(child);
      const probe = `${PROBE}${n++}`;
      blocks.push({ element: child, parent, probe });
      if (probes) children.push(marker(probe));
      const placement = placements.find((p) => p.after === probe);
      if (placement) children.push(box(placement, byId));
    }
    parent.children = children;
  };
  const main = find(copy, (e) => e.tagName === "main") ?? find(copy, (e) => e.tagName === "body");
  if (main) mark(main);
  if (probes && main) {
    const links = [FOOT, ...blocks.map((b) => b.probe), ...unplaced.map((e) => String(e.properties["id"]))];
    main.children.push(
      { type: "element", tagName: "div", properties: {}, children: unplaced },
      marker(`${PROBE}end`),
      { type: "element", tagName: "div", properties: { id: FOOT, style: "position:fixed;bottom:0;height:0" }, children: [] },
      {
        type: "element",
        tagName: "div",
        properties: {},
        children: [...links, `${PROBE}end`].map((id) => ({ type: "element", tagName: "a", properties: { href: `#${id}` }, children: [] })),
      },
    );
  }
  return { tree: copy, blocks };
}

const marker = (id: string): Element => ({ type: "element", tagName: "div", properties: { id, style: "height:0;margin:0;padding:0" }, children: [] });

/** The notes of a page, pushed down to its foot by the room above them; what follows goes to the next page. */
const box = (placement: Placement, notes: Map<string, Element>): Element => ({
  type: "element",
  tagName: "div",
  properties: {
    className: ["page-foot"],
    style: `padding-top:${placement.spacePt.toFixed(2)}pt;margin:0;break-inside:avoid;break-after:page`,
  },
  children: placement.notes.map((id) => notes.get(id)!),
});

function find(parent: Root | Element, test: (e: Element) => boolean): Element | undefined {
  for (const c of parent.children) {
    if (!isElement(c)) continue;
    if (test(c)) return c;
    const inner = find(c, test);
    if (inner) return inner;
  }
  return undefined;
}

interface Found {
  /** Named destinations: the page (from 0) and the height from the bottom, in points. */
  dests: Map<string, { page: number; y: number }>;
  /** The pages that hold a link to each destination. */
  linkPages: Map<string, number[]>;
}

async function readPdf(bytes: Uint8Array): Promise<Found> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const dests = new Map<string, { page: number; y: number }>();
  const named = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  for (const [name, value] of named?.entries() ?? []) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!(dest instanceof PDFArray)) continue;
    const [page, y] = [dest.get(0), dest.get(3)];
    const index = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (index !== undefined && y instanceof PDFNumber) dests.set(name.decodeText(), { page: index, y: y.asNumber() });
  }
  const linkPages = new Map<string, number[]>();
  pages.forEach((page, index) => {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      const dest = annot instanceof PDFDict ? annot.get(PDFName.of("Dest")) : undefined;
      if (dest instanceof PDFName) linkPages.set(dest.decodeText(), [...(linkPages.get(dest.decodeText()) ?? []), index]);
    }
  });
  return { dests, linkPages };
}

/**
 * How far above where it belongs (the notes under it and the slack above the foot) the first
 * note of a box is printed, in points (below: negative); undefined when a note of the box is not
 * on the page of its reference.
 */
function offFoot(found: Found, placement: Placement, footY: number): number | undefined {
  const onItsPage = placement.notes.every((id) => {
    const dest = found.dests.get(id);
    return dest !== undefined && dest.page === Math.min(...(found.linkPages.get(id) ?? [Infinity]));
  });
  if (!onItsPage) return undefined;
  const expected = footY + SLACK_PT + placement.heights.reduce((a, b) => a + b, 0);
  return found.dests.get(placement.notes[0]!)!.y - expected;
}

/** The box for the notes of the first page that has unplaced ones, `"done"` when none is left, or undefined when they cannot be set at the foot. */
function nextPlacement(
  found: Found,
  notes: readonly Note[],
  placements: readonly Placement[],
  blocks: readonly Block[],
  footY: number,
): Placement | "done" | undefined {
  const unplaced = notes.filter((n) => !placements.some((p) => p.notes.includes(n.id)));
  if (unplaced.length === 0) return "done";
  const pageOf = (id: string) => Math.min(...(found.linkPages.get(id) ?? [Infinity]));
  const page = Math.min(...unplaced.map((n) => pageOf(n.id)));
  if (!Number.isFinite(page)) return undefined;
  const group = unplaced.filter((n) => pageOf(n.id) === page);
  // The notes stand one after another at the end: each is as tall as the distance to the next (the last, to the end marker).
  const order = unplaced.map((n) => n.id);
  const heightOf = (id: string) => {
    const next = order[order.indexOf(id) + 1] ?? `${PROBE}end`;
    const [a, b] = [found.dests.get(id), found.dests.get(next)];
    return a && b && a.page === b.page ? a.y - b.y : undefined;
  };
  const measured = group.map((n) => heightOf(n.id));
  if (measured.some((h) => h === undefined)) return undefined;
  const heights = measured as number[];
  const needed = heights.reduce((s, h) => s + h, 0) + SLACK_PT;
  // The box follows a block that ends on the page, after the blocks citing the notes (the blocks are in the order they
  // end, a block after those inside it: the first that holds a reference is the innermost), the last such that leaves room.
  const citings = group.map((n) => blocks.findIndex((b) => cites(b.element, n.id)));
  if (citings.includes(-1)) return undefined;
  const citing = Math.max(...citings);
  let chosen: Placement | undefined;
  for (const block of blocks.slice(citing)) {
    const end = found.dests.get(block.probe);
    // Not after a heading, which goes with what follows it.
    if (!end || end.page !== page || /^h[1-6]$/.test(block.element.tagName)) continue;
    const room = end.y - footY;
    if (room >= needed) chosen = { notes: group.map((n) => n.id), heights, after: block.probe, spacePt: room - needed };
  }
  return chosen;
}

function cites(element: Element, id: string): boolean {
  if (element.tagName === "a" && element.properties["href"] === `#${id}`) return true;
  return element.children.some((c) => isElement(c) && cites(c, id));
}
