import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from "pdf-lib";
import { markUnmarkedAsArtifacts } from "./content.js";
import { pageContent, setPageContent } from "./page-content.js";

/**
 * The logical structure (tags) of a PDF joined from tagged PDFs, such as the meeting packet
 * (ISO 32000-1, 14.7 "Logical structure" and 14.8 "Tagged PDF"). pdf-lib's `copyPages` copies
 * a page and what it refers to, but a page does not refer to its structure: the structure
 * elements point at the page (`/Pg`), the page only carries the key of its entry in the
 * document's parent tree (`/StructParents`). So the copied pages keep their marked content
 * (`/P <</MCID 3>> BDC`) while nothing in the joined PDF says what it is.
 *
 * Here each part is copied with one object copier: its pages first, each by its reference, so
 * that the copier knows where each page went; then the elements below its StructTreeRoot, whose
 * `/Pg`, marked-content references and annotation references (OBJR) the copier then points at
 * the copied pages and annotations. The part's top element (Chromium's `Document`) becomes a
 * `Part` of the joined document's `Document`. The part's parent tree is carried over with its
 * keys moved past those already taken, and the copied pages' `/StructParents` and annotations'
 * `/StructParent` moved by as much, so that every marked-content sequence still finds its
 * element. Element ids (`/ID`, referred to from table cells' `/Headers`) and named
 * destinations (the links of a memo's footnotes) are made unique by a prefix per part, since
 * Chromium numbers them from 1 in every PDF. Text added to the joined pages is either tagged
 * here (a cover page's heading) or marked as an artifact (the packet's page numbers).
 */

const N = (name: string) => PDFName.of(name);

/** The entries of a number tree (7.9.7): its /Nums, and those of its /Kids. */
function numberTree(node: PDFDict | undefined, out: [number, PDFObject][] = []): [number, PDFObject][] {
  if (!node) return out;
  const nums = node.lookupMaybe(N("Nums"), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = node.lookupMaybe(N("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) numberTree(kids.lookup(i, PDFDict), out);
  return out;
}

/** The entries of a name tree (7.9.6): its /Names, and those of its /Kids. */
function nameTree(node: PDFDict | undefined, out: [string, PDFObject][] = []): [string, PDFObject][] {
  if (!node) return out;
  const names = node.lookupMaybe(N("Names"), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) out.push([key.decodeText(), names.get(i + 1)]);
  }
  const kids = node.lookupMaybe(N("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) nameTree(kids.lookup(i, PDFDict), out);
  return out;
}

/** The elements of a `/K` entry: a reference, a dictionary or an array of them (MCIDs and marked-content references are not elements). */
function kids(k: PDFObject | undefined): PDFObject[] {
  if (k === undefined) return [];
  if (k instanceof PDFArray) return k.asArray();
  return [k];
}

const isElement = (dict: PDFDict) => {
  const type = dict.get(N("Type"));
  return dict.has(N("S")) && (type === undefined || type === N("StructElem"));
};

/** A string of a PDF (literal or hex) with `prefix` before it, of the same kind. */
function prefixed(value: PDFObject, prefix: string): PDFObject {
  if (value instanceof PDFString) return PDFString.of(prefix + value.asString());
  if (value instanceof PDFHexString) return PDFHexString.fromText(prefix + value.decodeText());
  return value;
}

/**
 * A property list written inline in a content stream (`<</MCID 3>>`): pdf-lib's operators take
 * no dictionary, but write a string operand as it is. Values are PDF tokens (`/Footer`, `3`).
 */
const properties = (entries: Record<string, string>) =>
  `<<${Object.entries(entries)
    .map(([key, value]) => ` /${key} ${value}`)
    .join("")} >>`;

/** `page` of `doc` with what it shows outside marked content marked as artifacts (content.ts), in one new content stream. */
function markPageArtifacts(doc: PDFDocument, page: PDFPage): void {
  const text = pageContent(doc, page);
  if (text === undefined) return;
  const marked = markUnmarkedAsArtifacts(text);
  if (marked.marked) setPageContent(doc, page, marked.text);
}

/** Where marked content of a page belongs: the structure element the drawing between `begin` and `end` is part of. */
export interface Marked {
  begin: PDFOperator;
  end: PDFOperator;
}

/** The packet's page numbers and other added text that is no content: `/Artifact <</Type /Pagination /Subtype /Footer>> BDC … EMC` (14.8.2.2). */
export function footerArtifact(): Marked {
  return {
    begin: PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [N("Artifact"), properties({ Type: "/Pagination", Subtype: "/Footer" })]),
    end: PDFOperator.of(PDFOperatorNames.EndMarkedContent),
  };
}

export class JoinedStructure {
  private readonly root: PDFDict;
  private readonly rootRef: PDFRef;
  /** The joined document's top element, `Document`. */
  readonly document: PDFRef;
  private readonly parentTree: PDFObject[] = [];
  private nextKey = 0;
  private readonly ids: [string, PDFRef][] = [];
  private readonly dests = new Map<string, PDFObject>();
  private parts = 0;

  constructor(
    private readonly doc: PDFDocument,
    lang: string,
  ) {
    const context = doc.context;
    this.rootRef = context.nextRef();
    this.root = context.obj({ Type: "StructTreeRoot" });
    this.document = this.element(this.rootRef, "Document");
    context.lookup(this.document, PDFDict).set(N("Lang"), PDFString.of(lang));
    this.root.set(N("K"), context.obj([this.document]));
    context.assign(this.rootRef, this.root);
  }

  /** A new element of role `role` (a standard structure type, 14.8.4) at the end of `parent`'s kids. */
  element(parent: PDFRef, role: string): PDFRef {
    const context = this.doc.context;
    const ref = context.register(context.obj({ Type: "StructElem", S: role, P: parent, K: [] }));
    if (parent !== this.rootRef) this.kidsOf(parent).push(ref);
    return ref;
  }

  private kidsOf(element: PDFRef): PDFArray {
    const dict = this.doc.context.lookup(element, PDFDict);
    let k = dict.get(N("K"));
    if (!(k instanceof PDFArray)) {
      k = this.doc.context.obj(k === undefined ? [] : [k]);
      dict.set(N("K"), k);
    }
    return k as PDFArray;
  }

  /**
   * Marked content on `page` that is the content of a new element of role `role` below
   * `parent`: the page's next MCID, the element pointing at it, the page's parent-tree entry
   * pointing back. Drawn between `begin` and `end`.
   */
  mark(page: PDFPage, parent: PDFRef, role: string): Marked {
    const context = this.doc.context;
    let key = page.node.lookupMaybe(N("StructParents"), PDFNumber)?.asNumber();
    if (key === undefined) {
      key = this.nextKey++;
      page.node.set(N("StructParents"), PDFNumber.of(key));
      this.parentTree.push(PDFNumber.of(key), context.register(context.obj([])));
    }
    const entry = this.entryOf(key);
    const mcid = entry.size();
    const element = this.element(parent, role);
    const dict = context.lookup(element, PDFDict);
    dict.set(N("Pg"), page.ref);
    dict.set(N("K"), PDFNumber.of(mcid));
    entry.push(element);
    return {
      begin: PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [N(role), properties({ MCID: String(mcid) })]),
      end: PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    };
  }

  private entryOf(key: number): PDFArray {
    for (let i = 0; i < this.parentTree.length; i += 2) {
      if ((this.parentTree[i] as PDFNumber).asNumber() === key) return this.doc.context.lookup(this.parentTree[i + 1] as PDFRef, PDFArray);
    }
    throw new Error(`no parent-tree entry ${key}`);
  }

  /**
   * Appends the pages of `source` to the joined document, and its structure below `parent`: the
   * source's `Document` becomes a `Part` (named by its own H1). Returns the appended pages. A
   * source without structure has its pages appended untagged.
   */
  append(source: PDFDocument, parent: PDFRef): PDFPage[] {
    const context = this.doc.context;
    const copier = PDFObjectCopier.for(source.context, context);
    const prefix = `p${++this.parts}-`;
    const root = source.catalog.lookupMaybe(N("StructTreeRoot"), PDFDict);
    // What the source's pages show outside its structure (Chromium's page margin boxes): artifacts, in the source, before its pages are copied.
    if (root) for (const page of source.getPages()) markPageArtifacts(source, page);
    // Each page by its reference: the copier then maps the source's page to the copied one wherever the structure names it.
    const pages = source.getPages().map((page) => {
      const ref = copier.copy(page.ref) as PDFRef;
      const copied = PDFPage.of(context.lookup(ref) as PDFPageLeaf, ref, this.doc);
      this.doc.addPage(copied);
      return copied;
    });

    const offset = this.nextKey;
    if (root) {
      // The top elements, without their parent (the source's root, which is not copied): they go below `parent`.
      for (const kid of kids(root.get(N("K")))) {
        const dict = source.context.lookup(kid);
        if (!(dict instanceof PDFDict) || !isElement(dict)) continue;
        dict.delete(N("P"));
        if (dict.get(N("S")) === N("Document")) dict.set(N("S"), N("Part"));
        const copy = copier.copy(kid);
        const copied = copy instanceof PDFRef ? copy : context.register(copy);
        context.lookup(copied, PDFDict).set(N("P"), parent);
        this.kidsOf(parent).push(copied);
        this.renameIds(copied, prefix);
      }
      for (const key of ["RoleMap", "ClassMap"]) {
        const map = root.lookupMaybe(N(key), PDFDict);
        if (!map) continue;
        const into = this.root.lookupMaybe(N(key), PDFDict) ?? context.obj({});
        for (const [name, value] of map.entries()) if (!into.has(name)) into.set(name, copier.copy(value));
        this.root.set(N(key), into);
      }
      const entries = numberTree(root.lookupMaybe(N("ParentTree"), PDFDict));
      for (const [key, value] of entries) this.parentTree.push(PDFNumber.of(key + offset), copier.copy(value));
      const next = root.lookupMaybe(N("ParentTreeNextKey"), PDFNumber)?.asNumber() ?? 0;
      this.nextKey = Math.max(offset + next, ...entries.map(([key]) => key + offset + 1));
    }

    // The copied pages and their annotations point into the parent tree by key: moved as the keys were.
    for (const page of pages) {
      const node = page.node;
      const key = node.lookupMaybe(N("StructParents"), PDFNumber);
      if (key && root) node.set(N("StructParents"), PDFNumber.of(key.asNumber() + offset));
      else node.delete(N("StructParents"));
      const annots = node.lookupMaybe(N("Annots"), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookup(i);
        if (!(annot instanceof PDFDict)) continue;
        const parentKey = annot.lookupMaybe(N("StructParent"), PDFNumber);
        if (parentKey && root) annot.set(N("StructParent"), PDFNumber.of(parentKey.asNumber() + offset));
        else annot.delete(N("StructParent"));
        this.renameDestination(annot, prefix);
      }
    }
    this.carryDestinations(source, copier, prefix);
    return pages;
  }

  /** The ids of `element` and the elements below it, and the table cells' `/Headers` naming them, with the part's prefix; each id in the id tree. */
  private renameIds(element: PDFRef, prefix: string): void {
    const context = this.doc.context;
    const seen = new Set<PDFDict>();
    const walk = (ref: PDFObject) => {
      const dict = context.lookup(ref);
      if (!(dict instanceof PDFDict) || !isElement(dict) || seen.has(dict)) return;
      seen.add(dict);
      const id = dict.get(N("ID"));
      if (id instanceof PDFString || id instanceof PDFHexString) {
        const renamed = prefixed(id, prefix) as PDFString | PDFHexString;
        dict.set(N("ID"), renamed);
        if (ref instanceof PDFRef) this.ids.push([renamed.decodeText(), ref]);
      }
      const attributes = dict.lookup(N("A"));
      for (const attribute of attributes instanceof PDFArray ? attributes.asArray() : [attributes]) {
        const owner = context.lookup(attribute);
        const headers = owner instanceof PDFDict ? owner.lookupMaybe(N("Headers"), PDFArray) : undefined;
        for (let i = 0; headers && i < headers.size(); i++) headers.set(i, prefixed(headers.get(i), prefix));
      }
      for (const kid of kids(dict.get(N("K")))) walk(kid);
    };
    walk(element);
  }

  /** A link to a named destination of its own document (`/Dest /name`, or a GoTo action's `/D`): to the part's name. */
  private renameDestination(annot: PDFDict, prefix: string): void {
    const rename = (holder: PDFDict, key: string) => {
      const name = holder.get(N(key));
      if (name instanceof PDFName) holder.set(N(key), N(prefix + name.decodeText()));
      else if (name instanceof PDFString || name instanceof PDFHexString) holder.set(N(key), prefixed(name, prefix));
    };
    rename(annot, "Dest");
    const action = annot.lookupMaybe(N("A"), PDFDict);
    if (action?.get(N("S")) === N("GoTo")) rename(action, "D");
  }

  /** The source's named destinations (`/Dests` of the catalog, or the `/Names` tree's), under the part's names. */
  private carryDestinations(source: PDFDocument, copier: PDFObjectCopier, prefix: string): void {
    const dests = source.catalog.lookupMaybe(N("Dests"), PDFDict);
    for (const [name, value] of dests?.entries() ?? []) this.dests.set(prefix + name.decodeText(), copier.copy(value));
    const tree = source.catalog.lookupMaybe(N("Names"), PDFDict)?.lookupMaybe(N("Dests"), PDFDict);
    for (const [name, value] of nameTree(tree)) this.dests.set(prefix + name, copier.copy(value));
  }

  /** Writes the structure tree root, `/MarkInfo`, the parent and id trees and the named destinations into the catalog. */
  finish(): void {
    const context = this.doc.context;
    // A number tree's keys in ascending order (7.9.7).
    const pairs: [PDFObject, PDFObject][] = [];
    for (let i = 0; i < this.parentTree.length; i += 2) pairs.push([this.parentTree[i]!, this.parentTree[i + 1]!]);
    pairs.sort(([a], [b]) => (a as PDFNumber).asNumber() - (b as PDFNumber).asNumber());
    this.root.set(N("ParentTree"), context.register(context.obj({ Nums: pairs.flat() })));
    this.root.set(N("ParentTreeNextKey"), PDFNumber.of(this.nextKey));
    if (this.ids.length) {
      // A name tree's keys in byte order (7.9.6); the ids are ASCII.
      const names = [...this.ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([id, ref]) => [PDFString.of(id), ref]);
      this.root.set(N("IDTree"), context.register(context.obj({ Names: names })));
    }
    // Chromium tags <strong> and <em> with PDF 2.0's Strong and Em, which a PDF 1.7 reader (poppler) does not know: mapped to Span, as 14.8.4 has the role map do for types outside the standard.
    const roles = this.root.lookupMaybe(N("RoleMap"), PDFDict) ?? context.obj({});
    for (const role of ["Strong", "Em"]) if (!roles.has(N(role))) roles.set(N(role), N("Span"));
    this.root.set(N("RoleMap"), roles);
    const catalog = this.doc.catalog;
    catalog.set(N("StructTreeRoot"), this.rootRef);
    catalog.set(N("MarkInfo"), context.obj({ Marked: true }));
    if (this.dests.size) {
      const dests = context.obj({});
      for (const [name, value] of this.dests) dests.set(N(name), value);
      catalog.set(N("Dests"), context.register(dests));
    }
  }
}
