import { groupDigits, kronor } from "../format/swedish.js";
import { plural } from "../format/text.js";
import type { DiffResult, DocumentChange, FieldChange, ItemChange, RowChange, SplitCheck, TableChange, Value, WordPart } from "./model.js";

/** `1 000 000 kr`; `–` for an empty cell or a missing plan. */
export const kr = (n: number | null) => (n === null ? "–" : kronor(n));

/** `+50 000 kr`, `−50 000 kr`, `0 kr`. */
export const signedKr = (n: number) => `${n > 0 ? "+" : ""}${kronor(n)}`;

/** A party as table headers show it: its short name (HSN, Kommun), else its name, else its id. */
export const partyLabel = (result: DiffResult, id: string) => result.parties[id]?.short ?? result.parties[id]?.name ?? id;

/** A party's full name: the members of an allocation, whose short names (`Kommun`) would not tell them apart. */
export const partyFullName = (result: DiffResult, id: string) => result.parties[id]?.name ?? id;

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

/** A figure of a money table with its unit, `3 591 tkr`; `blank` for a blank cell, which is not 0. */
export const figureText = (n: number | null, unit: string) => (n === null ? "blank" : `${groupDigits(n)} ${unit}`);

/** A difference in a table's unit, `+10 tkr`; empty where there is none (a blank cell, a changed unit). */
export const signedFigure = (n: number | null, unit: string) => (n === null ? "" : `${n > 0 ? "+" : ""}${groupDigits(n)} ${unit}`);

/** `Money table "Investeringar" (investeringar, tkr): changed`. */
export function tableTitle(table: TableChange): string {
  const notes = [table.change, ...(table.idBefore ? [`id was ${table.idBefore}`] : [])];
  return `Money table "${table.caption}" (${table.id}, ${table.unit}): ${notes.join(", ")}`;
}

const place = (group: string | null) => (group === null ? "the table's top level" : group);

/** The figures of a row added or removed, in a sentence: `Tillägg/ ombudg 2016 2 650 tkr, Summa Budget 2016 2 650 tkr`. */
const figuresOf = (row: RowChange, unit: string) =>
  row.cells.map((c) => `${c.label} ${figureText(row.change === "added" ? c.after : c.before, unit)}`).join(", ");

const ROLE_WORDS: Record<RowChange["role"], string> = { line: "a line", memo: "a memo row", formula: "a formula row", total: "a total", heading: "a heading" };

/** What changed in a money table's meaning, sentence by sentence: the unit, its fields and columns, the sign convention, rows added, removed, moved, renamed. */
export function tableNotes(table: TableChange): { sign: "+" | "-" | "~"; text: string }[] {
  const notes: { sign: "+" | "-" | "~"; text: string }[] = [];
  if (table.unitBefore)
    notes.push({
      sign: "~",
      text: `${table.unitBefore} → ${table.unit}: figures are not comparable; each is shown in its own unit, and listed only where its amount in kronor changed.`,
    });
  for (const field of table.fields) notes.push({ sign: "~", text: fieldLine(field) });
  for (const column of table.columns) {
    if (column.change !== "changed") {
      notes.push({ sign: column.change === "added" ? "+" : "-", text: `column ${column.change}: ${column.label} (${column.id})` });
      continue;
    }
    if (column.convention) {
      const c = column.convention;
      const listed = (n: number) => `${n === 1 ? "it is" : "they are"} listed below with ${n === 1 ? "its difference" : "their differences"} read the new way`;
      const turned = !c.reversed
        ? ""
        : c.turned && c.notTurned
          ? `: ${plural(c.turned, "figure")} turned ${c.turned === 1 ? "its" : "their"} sign with it; ${c.notTurned} did not, and ${listed(c.notTurned)}`
          : c.turned
            ? `: ${plural(c.turned, "figure")} turned ${c.turned === 1 ? "its" : "their"} sign with it`
            : c.notTurned
              ? `: no figure turned its sign with it; ${listed(c.notTurned)}`
              : "";
      notes.push({ sign: "~", text: `${column.label} now ${c.after}, was ${c.before}${turned}` });
    }
    if (column.labelBefore) notes.push({ sign: "~", text: `column ${column.id}: heading "${column.labelBefore}" → "${column.label}"` });
    for (const field of column.fields.filter((f) => f.field !== "label")) notes.push({ sign: "~", text: `column ${column.id}: ${fieldLine(field)}` });
  }
  for (const row of table.rows) {
    if (row.change === "added")
      notes.push({
        sign: "+",
        text: `${row.label} (${row.role === "line" ? "" : `${ROLE_WORDS[row.role]}, `}added to ${place(row.group)})${row.cells.length ? `: ${figuresOf(row, table.unit)}` : ""}`,
      });
    else if (row.change === "removed")
      notes.push({
        sign: "-",
        text: `${row.label} (${row.role === "line" ? "" : `${ROLE_WORDS[row.role]}, `}removed from ${place(row.group)})${row.cells.length ? `: ${figuresOf(row, table.unitBefore ?? table.unit)}` : ""}`,
      });
    else {
      if (row.labelBefore !== undefined) notes.push({ sign: "~", text: `"${row.labelBefore}" renamed "${row.label}"` });
      if (row.roleBefore) notes.push({ sign: "~", text: `${row.label} is now ${ROLE_WORDS[row.role]}, was ${ROLE_WORDS[row.roleBefore]}` });
      if (row.moved) notes.push({ sign: "~", text: `${row.label} moved from ${place(row.moved.from)} to ${place(row.moved.to)}` });
    }
  }
  return notes;
}

/** The changed figures of a money table's rows (`totals` false) or of its totals and formula rows (`totals` true), one line per cell. */
export function figureChanges(table: TableChange, totals: boolean) {
  const units = { before: table.unitBefore ?? table.unit, after: table.unit };
  return table.rows
    .filter((row) => row.change === "changed" && (row.role === "total" || row.role === "formula") === totals)
    .flatMap((row) =>
      row.cells.map((cell, i) => ({
        row: i === 0 ? row.label : "",
        column: cell.label,
        before: figureText(cell.before, units.before),
        after: figureText(cell.after, units.after),
        difference: signedFigure(cell.difference, table.unit),
      })),
    );
}
