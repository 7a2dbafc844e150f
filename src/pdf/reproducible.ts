import { compareStrings } from "../format/text.js";
/**
 * Two prints of the same page by Chromium differ in two ways only: the moment of printing
 * (CreationDate, ModDate) and the ids of the structure elements of a tagged PDF (`/ID
 * (node00000982)`, referred to from table cells' `/Headers`), which count the browser's DOM
 * nodes and so depend on what the page printed before. Both are rewritten in place at the same
 * length, so the file's cross-reference offsets stay right: the dates become the source date
 * (SOURCE_DATE_EPOCH or the last commit, as for the HTML) and the ids are numbered in order of
 * first appearance. Two builds of the same input then give identical PDFs.
 */
export function reproducible(pdf: Uint8Array, day: string | undefined): Uint8Array {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // latin1 maps every byte to one character, so string offsets are byte offsets.
  const text = buffer.toString("latin1");
  const out = Buffer.from(buffer);
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (m) {
    const stamp = `${m[1]}${m[2]}${m[3]}000000`;
    for (const hit of text.matchAll(/\/(?:CreationDate|ModDate) ?\(D:(\d{14})([+-]\d{2}'\d{2}')?/g)) {
      const at = hit.index + hit[0].length - hit[1]!.length - (hit[2]?.length ?? 0);
      // The day at midnight UTC; a time zone written by the browser becomes UTC too, at the same length.
      out.write(stamp + (hit[2] ? "+00'00'" : ""), at, "latin1");
    }
  }
  // Structure element ids: whole PDF strings `(nodeNNNNNNNN)` (an escaped `\(` inside another string is not one).
  const ids = new Map<string, string>();
  for (const hit of text.matchAll(/(?<!\\)\(node(\d{1,12})\)/g)) {
    const digits = hit[1]!;
    let renumbered = ids.get(digits);
    if (renumbered === undefined) {
      renumbered = String(ids.size + 1).padStart(digits.length, "0");
      if (renumbered.length > digits.length) return out; // cannot keep the length: leave the ids as they are
      ids.set(digits, renumbered);
    }
    out.write(renumbered, hit.index + 5, "latin1");
  }
  sortIdTrees(out);
  return out;
}

/**
 * The ids' name tree lists them sorted by id, as the PDF format requires; renumbered, they are
 * sorted again (each leaf's pairs and its limits, at the same length), or the order would still
 * tell what was printed before.
 */
function sortIdTrees(out: Buffer): void {
  const text = out.toString("latin1");
  for (const leaf of text.matchAll(/(?:\/Limits \[\(node(\d+)\) \(node(\d+)\)\]\s*)?\/Names \[((?:\(node\d+\) \d+ \d+ R ?)+)\]/g)) {
    const pairs = [...leaf[3]!.matchAll(/\(node(\d+)\) (\d+ \d+ R)/g)].map((p) => ({ id: p[1]!, ref: p[2]! }));
    pairs.sort((a, b) => a.id.length - b.id.length || compareStrings(a.id, b.id));
    const sorted = pairs.map((p) => `(node${p.id}) ${p.ref}`).join(" ") + (leaf[3]!.endsWith(" ") ? " " : "");
    if (sorted.length !== leaf[3]!.length) continue;
    const namesAt = leaf.index + leaf[0].length - 1 - leaf[3]!.length;
    out.write(sorted, namesAt, "latin1");
    if (leaf[1] !== undefined && leaf[1].length === pairs[0]!.id.length && leaf[2]!.length === pairs.at(-1)!.id.length) {
      const limitsAt = leaf.index + "/Limits [(node".length;
      out.write(pairs[0]!.id, limitsAt, "latin1");
      out.write(pairs.at(-1)!.id, limitsAt + leaf[1].length + ") (node".length, "latin1");
    }
  }
}
