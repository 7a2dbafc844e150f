import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, type PDFDocument, type PDFPage } from "pdf-lib";

/**
 * A page's content streams, decoded, one after the other, as latin1 text (the operators of
 * content.ts read it so); none where one cannot be decoded, so that a page is never written
 * back without part of what it showed.
 */
export function pageContent(doc: PDFDocument, page: PDFPage): string | undefined {
  const contents = page.node.Contents();
  if (!contents) return undefined;
  const streams = contents instanceof PDFArray ? contents.asArray().map((item) => doc.context.lookup(item)) : [contents];
  if (!streams.every((s) => s instanceof PDFRawStream)) return undefined;
  return (streams as PDFRawStream[]).map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1")).join("\n");
}

/** Replaces a page's content streams with one holding `text` (latin1, as `pageContent` gives it); the old ones are left to no one. */
export function setPageContent(doc: PDFDocument, page: PDFPage, text: string): void {
  page.node.set(PDFName.of("Contents"), doc.context.register(doc.context.flateStream(Buffer.from(text, "latin1"))));
}
