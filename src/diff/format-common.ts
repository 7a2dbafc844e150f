import { revisionName } from "./snapshot.js";
import { groupDigits, kronor } from "../format/swedish.js";
import { say, t, type Lang, type Message, type Part } from "../format/message.js";
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

/** `main (9802d30)`, `working tree`, in `lang` (the result keeps the English, as its JSON). */
export function revisionLabel(revision: DiffResult["base"], lang: Lang): string {
  const short = shortCommit(revision.commit);
  const name = say(revisionName(revision), lang);
  return short && !revision.name.startsWith(short) ? `${name} (${short})` : name;
}

/** `Documents: 1 changed, 0 added, 0 removed, 1 moved`. */
export const documentsLine = (counts: { added: number; removed: number; changed: number; moved: number }, lang: Lang) =>
  say(t`Documents: ${counts.changed} changed, ${counts.added} added, ${counts.removed} removed, ${counts.moved} moved`, lang);

/** What happened to a document, a section, a line: `added`, `removed`, `changed`, `moved`, `renamed`, in the language of the run. */
const CHANGE: Record<string, Message> = { added: t`added`, removed: t`removed`, changed: t`changed`, moved: t`moved`, renamed: t`renamed` };
export const changeWord = (change: string, lang: Lang) => (CHANGE[change] ? say(CHANGE[change], lang) : change);

/** A field's value in a sentence. */
export function valueText(value: Value | undefined, lang: Lang, money = false): string {
  if (value === undefined) return say(t`(none)`, lang);
  if (value === null) return say(t`(empty)`, lang);
  if (money && typeof value === "number") return kr(value);
  return String(value);
}

/** What happened to a document, for its heading: `changed, moved from lerum/plan.md`. */
export function documentNotes(doc: DocumentChange, lang: Lang): string {
  const moved = t`moved from ${doc.pathBefore ?? ""}`;
  const notes = [doc.status === "moved" ? say(moved, lang) : changeWord(doc.status, lang)];
  if (doc.status !== "moved" && doc.pathBefore) notes.push(say(moved, lang));
  if (doc.idBefore) notes.push(say(t`id was ${doc.idBefore}`, lang));
  if (doc.invalid) notes.push(say(t`not valid in ${doc.invalid === "both" ? t`base and head` : doc.invalid}; see plan check`, lang));
  return notes.join(", ");
}

/** Whether a plan keeps its agreement's split, in words: the headline's verdict. */
export function splitVerdict(check: SplitCheck, lang: Lang): string {
  if (check.after) return say(check.before === false ? t`keeps the agreement's split again` : t`keeps the agreement's split`, lang);
  return say(
    check.before === true
      ? t`no longer keeps the agreement's split`
      : check.before === false
        ? t`still does not keep the agreement's split`
        : t`does not keep the agreement's split`,
    lang,
  );
}

/** The figures behind a broken split: what the financiers pay and what the split gives. */
export function splitFigures(result: DiffResult, check: SplitCheck, lang: Lang): string {
  const paid = check.parties.map((p) => `${partyLabel(result, p.party)} ${kr(p.amount)}`).join(", ");
  const wanted = check.parties.map((p) => `${partyLabel(result, p.party)} ${kr(p.expected)}`).join(", ");
  return say(t`the lines give ${paid}, where the split gives ${wanted}`, lang);
}

const ITEM: Record<string, Message> = { goal: t`goal`, intervention: t`intervention`, indicator: t`indicator`, "goal follow-up": t`goal follow-up` };

export function itemLine(item: ItemChange, lang: Lang): { sign: "+" | "-" | "~"; text: string } {
  const what = ITEM[item.what] ?? item.what;
  if (item.change === "added") return { sign: "+", text: say(t`${what} added: ${item.id} "${item.title}"`, lang) };
  if (item.change === "removed") return { sign: "-", text: say(t`${what} removed: ${item.id} "${item.title}"`, lang) };
  const id = item.idBefore ? `${item.idBefore} → ${item.id}` : item.id;
  if (item.change === "renamed") return { sign: "~", text: say(t`${what} renamed: ${id} "${item.titleBefore ?? ""}" → "${item.title}"`, lang) };
  return { sign: "~", text: say(t`${what} changed: ${id} "${item.title}"`, lang) };
}

/** A field change as `field: before → after`; for long texts the caller shows the word diff instead. */
export function fieldLine(field: FieldChange, lang: Lang): string {
  return `${field.field}: ${valueText(field.before, lang, field.money)} → ${valueText(field.after, lang, field.money)}`;
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
export const figureText = (n: number | null, unit: string, lang: Lang) => (n === null ? say(t`blank`, lang) : `${groupDigits(n)} ${unit}`);

/** A difference in a table's unit, `+10 tkr`; empty where there is none (a blank cell, a changed unit). */
export const signedFigure = (n: number | null, unit: string) => (n === null ? "" : `${n > 0 ? "+" : ""}${groupDigits(n)} ${unit}`);

/** `Money table "Investeringar" (investeringar, tkr): changed`. */
export function tableTitle(table: TableChange, lang: Lang): string {
  const notes = [changeWord(table.change, lang), ...(table.idBefore ? [say(t`id was ${table.idBefore}`, lang)] : [])];
  return say(t`Money table "${table.caption}" (${table.id}, ${table.unit}): ${notes.join(", ")}`, lang);
}

const place = (group: string | null): Part => (group === null ? t`the table's top level` : group);

/** The figures of a row added or removed, in a sentence: `Tillägg/ ombudg 2016 2 650 tkr, Summa Budget 2016 2 650 tkr`. */
const figuresOf = (row: RowChange, unit: string, lang: Lang) =>
  row.cells.map((c) => `${c.label} ${figureText(row.change === "added" ? c.after : c.before, unit, lang)}`).join(", ");

const ROLE_WORDS: Record<RowChange["role"], Message> = {
  line: t`a line`,
  memo: t`a memo row`,
  formula: t`a formula row`,
  total: t`a total`,
  heading: t`a heading`,
};

/** What changed in a money table's meaning, sentence by sentence: the unit, its fields and columns, the sign convention, rows added, removed, moved, renamed. */
export function tableNotes(table: TableChange, lang: Lang): { sign: "+" | "-" | "~"; text: string }[] {
  const notes: { sign: "+" | "-" | "~"; text: string }[] = [];
  const note = (sign: "+" | "-" | "~", text: Message | string) => notes.push({ sign, text: say(text, lang) });
  if (table.unitBefore)
    note(
      "~",
      t`${table.unitBefore} → ${table.unit}: figures are not comparable; each is shown in its own unit, and listed only where its amount in kronor changed.`,
    );
  for (const field of table.fields) note("~", fieldLine(field, lang));
  for (const column of table.columns) {
    if (column.change !== "changed") {
      note(
        column.change === "added" ? "+" : "-",
        column.change === "added" ? t`column added: ${column.label} (${column.id})` : t`column removed: ${column.label} (${column.id})`,
      );
      continue;
    }
    if (column.convention) {
      const c = column.convention;
      const listed = (n: number) =>
        n === 1 ? t`it is listed below with its difference read the new way` : t`they are listed below with their differences read the new way`;
      const turnedIts = (n: number) => (n === 1 ? t`1 figure turned its sign with it` : t`${n} figures turned their sign with it`);
      const turned = !c.reversed
        ? ""
        : c.turned && c.notTurned
          ? t`: ${turnedIts(c.turned)}; ${c.notTurned} did not, and ${listed(c.notTurned)}`
          : c.turned
            ? t`: ${turnedIts(c.turned)}`
            : c.notTurned
              ? t`: no figure turned its sign with it; ${listed(c.notTurned)}`
              : "";
      note("~", t`${column.label} now ${c.after}, was ${c.before}${turned}`);
    }
    if (column.labelBefore) note("~", t`column ${column.id}: heading "${column.labelBefore}" → "${column.label}"`);
    for (const field of column.fields.filter((f) => f.field !== "label")) note("~", t`column ${column.id}: ${fieldLine(field, lang)}`);
  }
  for (const row of table.rows) {
    const role = row.role === "line" ? "" : t`${ROLE_WORDS[row.role]}, `;
    if (row.change === "added") {
      const figures = row.cells.length ? `: ${figuresOf(row, table.unit, lang)}` : "";
      note("+", t`${row.label} (${role}added to ${place(row.group)})${figures}`);
    } else if (row.change === "removed") {
      const figures = row.cells.length ? `: ${figuresOf(row, table.unitBefore ?? table.unit, lang)}` : "";
      note("-", t`${row.label} (${role}removed from ${place(row.group)})${figures}`);
    } else {
      if (row.labelBefore !== undefined) note("~", t`"${row.labelBefore}" renamed "${row.label}"`);
      if (row.roleBefore) note("~", t`${row.label} is now ${ROLE_WORDS[row.role]}, was ${ROLE_WORDS[row.roleBefore]}`);
      if (row.moved) note("~", t`${row.label} moved from ${place(row.moved.from)} to ${place(row.moved.to)}`);
    }
  }
  return notes;
}

/** The changed figures of a money table's rows (`totals` false) or of its totals and formula rows (`totals` true), one line per cell. */
export function figureChanges(table: TableChange, totals: boolean, lang: Lang) {
  const units = { before: table.unitBefore ?? table.unit, after: table.unit };
  return table.rows
    .filter((row) => row.change === "changed" && (row.role === "total" || row.role === "formula") === totals)
    .flatMap((row) =>
      row.cells.map((cell, i) => ({
        row: i === 0 ? row.label : "",
        column: cell.label,
        before: figureText(cell.before, units.before, lang),
        after: figureText(cell.after, units.after, lang),
        difference: signedFigure(cell.difference, table.unit),
      })),
    );
}
