import { readFileSync } from "node:fs";
import { operations, TEXT_SHOWING } from "../../src/pdf/content.js";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";

/**
 * What a tagged PDF's pages draw, read from their content streams (tokenised by src/pdf/content.ts) (ISO 32000-1, 14.6 "Marked
 * content", 14.7.4.4 "Finding structure elements from content items"): every text-showing
 * operator (`Tj`, `TJ`, `'`, `"`) and every XObject drawn (`Do`), with the marked-content
 * sequences around it. Each is then either in an artifact (`/Artifact … BDC`, no content) or in a
 * sequence with an MCID that the page's entry in the parent tree (`/StructParents`) maps to a
 * structure element that names this page and MCID and hangs below the StructTreeRoot. What is
 * neither is content a screen reader never reaches.
 */

/** A drawing operator of a page and where it stands. */
export interface Drawn {
  /** 1-based page. */
  page: number;
  operator: string;
  /** The tags of the marked-content sequences around it, outermost first (`Artifact`, `P`, `H1`). */
  tags: string[];
  /** The MCID of the innermost sequence that has one. */
  mcid: number | undefined;
  /** The structure element that MCID belongs to, found through the parent tree and checked from the element back (its /K names the MCID on this page, its /P chain reaches the root): its role, or why it is not found. */
  element: { role: string } | { missing: string } | undefined;
}

function streams(doc: PDFDocument, contents: PDFObject | undefined): Uint8Array[] {
  const object = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (object instanceof PDFArray) return object.asArray().flatMap((item) => streams(doc, item));
  if (object instanceof PDFRawStream) return [decodePDFRawStream(object).decode()];
  return [];
}

/** The number tree's value for `key` (7.9.7). */
function numberTreeGet(doc: PDFDocument, node: PDFDict | undefined, key: number): PDFObject | undefined {
  if (!node) return undefined;
  const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) if ((nums.lookup(i) as PDFNumber).asNumber() === key) return nums.get(i + 1);
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const found = numberTreeGet(doc, kids.lookup(i, PDFDict), key);
    if (found) return found;
  }
  return undefined;
}

/** Every text and XObject drawn on every page of `pdf`, with the structure element it belongs to. */
export async function drawnContent(pdf: string): Promise<Drawn[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const parentTree = root?.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
  const rootRef = doc.catalog.get(PDFName.of("StructTreeRoot"));
  const out: Drawn[] = [];

  const elementOf = (page: PDFRef, key: number | undefined, mcid: number): Drawn["element"] => {
    if (key === undefined) return { missing: "the page has no /StructParents" };
    const entry = context.lookup(numberTreeGet(doc, parentTree, key));
    if (!(entry instanceof PDFArray)) return { missing: `the parent tree has no array for key ${key}` };
    const ref = entry.get(mcid);
    const element = context.lookup(ref);
    if (!(element instanceof PDFDict)) return { missing: `the parent tree's entry ${key} has no element for MCID ${mcid}` };
    // The element names this MCID on this page: /K an integer, a marked-content reference, or an array of them.
    const pg = element.get(PDFName.of("Pg"));
    const k = element.get(PDFName.of("K"));
    const items = k instanceof PDFArray ? k.asArray() : [k];
    const names = items.some((item) => {
      const value = context.lookup(item);
      if (value instanceof PDFNumber) return value.asNumber() === mcid && pg === page;
      if (value instanceof PDFDict && value.get(PDFName.of("Type")) === PDFName.of("MCR")) {
        const on = value.get(PDFName.of("Pg")) ?? pg;
        return (value.lookup(PDFName.of("MCID")) as PDFNumber).asNumber() === mcid && on === page;
      }
      return false;
    });
    if (!names) return { missing: `the element ${String(ref)} does not name MCID ${mcid} on this page` };
    // Up its parents to the structure tree root.
    const seen = new Set<PDFObject>();
    for (let at: PDFObject | undefined = ref; ;) {
      if (at === rootRef) break;
      if (!at || seen.has(at)) return { missing: `the element ${String(ref)} does not hang below the StructTreeRoot` };
      seen.add(at);
      at = context.lookup(at, PDFDict).get(PDFName.of("P"));
    }
    return { role: (element.get(PDFName.of("S")) as PDFName).decodeText() };
  };

  doc.getPages().forEach((page, index) => {
    const key = page.node.lookupMaybe(PDFName.of("StructParents"), PDFNumber)?.asNumber();
    const stack: { tag: string; mcid: number | undefined }[] = [];
    for (const bytes of streams(doc, page.node.get(PDFName.of("Contents")))) {
      for (const { op, operands } of operations(Buffer.from(bytes).toString("latin1"))) {
        if (op === "BMC") stack.push({ tag: operands[0]!.slice(1), mcid: undefined });
        else if (op === "BDC") {
          const mcid = /\/MCID\s+(\d+)/.exec(operands[1] ?? "")?.[1];
          stack.push({ tag: operands[0]!.slice(1), mcid: mcid === undefined ? undefined : Number(mcid) });
        } else if (op === "EMC") stack.pop();
        else if (TEXT_SHOWING.has(op) || op === "Do") {
          const tags = stack.map((s) => s.tag);
          const mcid = [...stack].reverse().find((s) => s.mcid !== undefined)?.mcid;
          const element = tags.includes("Artifact") || mcid === undefined ? undefined : elementOf(page.ref, key, mcid);
          out.push({ page: index + 1, operator: op, tags, mcid, element });
        }
      }
    }
  });
  return out;
}

/** What is drawn neither as an artifact nor as the content of a structure element found from it: each as `page N: Tj in [tags]: why`. */
export function orphans(drawn: readonly Drawn[]): string[] {
  return drawn
    .filter((d) => !d.tags.includes("Artifact") && !(d.element && "role" in d.element))
    .map((d) => `page ${d.page}: ${d.operator} in [${d.tags.join(" ")}]: ${d.element && "missing" in d.element ? d.element.missing : "no MCID"}`);
}
