import { kronor } from "../format/swedish.js";
import type { DiffResult, DocumentChange, FieldChange, ItemChange, SplitCheck, Value, WordPart } from "./model.js";

/** `1 000 000 kr`; `–` for an empty cell or a missing plan. */
export const kr = (n: number | null) => (n === null ? "–" : kronor(n));

/** `+50 000 kr`, `−50 000 kr`, `0 kr`. */
export const signedKr = (n: number) => `${n > 0 ? "+" : ""}${kronor(n)}`;

/** A party as table headers show it: its short name (HSN, Kommun), else its name, else its id. */
export const partyLabel = (result: DiffResult, id: string) => result.parties[id]?.short ?? result.parties[id]?.name ?? id;

export const shortCommit = (commit: string | null) => (commit ? commit.slice(0, 7) : undefined);

/** `main (9802d30)`, `working tree`. */
export function revisionLabel(revision: DiffResult["base"]): string {
  const short = shortCommit(revision.commit);
  return short && !revision.name.startsWith(short) ? `${revision.name} (${short})` : revision.name;
}

/** `Documents: 1 changed, 0 added, 0 removed, 1 moved`. */
export const documentsLine = (counts: { added: number; removed: number; changed: number; moved: number }) =>
  `Documents: ${counts.changed} changed, ${counts.added} added, ${counts.removed} removed, ${counts.moved} moved`;

/** A field's value in a sentence. */
export function valueText(value: Value | undefined, money = false): string {
  if (value === undefined) return "(none)";
  if (value === null) return "(empty)";
  if (money && typeof value === "number") return kr(value);
  return String(value);
}

/** What happened to a document, for its heading: `changed, moved from lerum/plan.md`. */
export function documentNotes(doc: DocumentChange): string {
  const notes = [doc.status === "moved" ? `moved from ${doc.pathBefore}` : doc.status];
  if (doc.status !== "moved" && doc.pathBefore) notes.push(`moved from ${doc.pathBefore}`);
  if (doc.idBefore) notes.push(`id was ${doc.idBefore}`);
  if (doc.invalid) notes.push(`not valid in ${doc.invalid === "both" ? "base and head" : doc.invalid}; see plan check`);
  return notes.join(", ");
}

/** Whether a plan keeps its agreement's split, in words: the headline's verdict. */
export function splitVerdict(check: SplitCheck): string {
  if (check.after) return check.before === false ? "keeps the agreement's split again" : "keeps the agreement's split";
  return check.before === true
    ? "no longer keeps the agreement's split"
    : check.before === false
      ? "still does not keep the agreement's split"
      : "does not keep the agreement's split";
}

/** The figures behind a broken split: what the financiers pay and what the split gives. */
export function splitFigures(result: DiffResult, check: SplitCheck): string {
  const paid = check.parties.map((p) => `${partyLabel(result, p.party)} ${kr(p.amount)}`).join(", ");
  const wanted = check.parties.map((p) => `${partyLabel(result, p.party)} ${kr(p.expected)}`).join(", ");
  return `the lines give ${paid}, where the split gives ${wanted}`;
}

export function itemLine(item: ItemChange): { sign: "+" | "-" | "~"; text: string } {
  const what = item.what;
  if (item.change === "added") return { sign: "+", text: `${what} added: ${item.id} "${item.title}"` };
  if (item.change === "removed") return { sign: "-", text: `${what} removed: ${item.id} "${item.title}"` };
  const id = item.idBefore ? `${item.idBefore} → ${item.id}` : item.id;
  if (item.change === "renamed") return { sign: "~", text: `${what} renamed: ${id} "${item.titleBefore}" → "${item.title}"` };
  return { sign: "~", text: `${what} changed: ${id} "${item.title}"` };
}

/** A field change as `field: before → after`; for long texts the caller shows the word diff instead. */
export function fieldLine(field: FieldChange): string {
  return `${field.field}: ${valueText(field.before, field.money)} → ${valueText(field.after, field.money)}`;
}

export type Segment = WordPart | { op: "…" };

const tokens = (text: string) => text.split(/(?<=\s)(?=\S)/);

/**
 * A word diff cut down to the changes and a few words around each: long unchanged stretches
 * become `…`, as in a compact review.
 */
export function compactWords(parts: WordPart[], context = 6): Segment[] {
  const out: Segment[] = [];
  parts.forEach((part, i) => {
    if (part.op !== "=") return void out.push(part);
    const words = tokens(part.text);
    const first = i === 0;
    const last = i === parts.length - 1;
    if (first && words.length > context) out.push({ op: "…" }, { op: "=", text: words.slice(-context).join("") });
    else if (last && words.length > context) out.push({ op: "=", text: words.slice(0, context).join("") }, { op: "…" });
    else if (!first && !last && words.length > 2 * context)
      out.push({ op: "=", text: words.slice(0, context).join("") }, { op: "…" }, { op: "=", text: words.slice(-context).join("") });
    else out.push(part);
  });
  return out;
}

/** A text shortened to about `max` characters at a word boundary. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))} …`;
}
