import { bold, cyan, dim, green, red } from "../format/ansi.js";
import { tableToText } from "../rollup/format.js";
import type { Row, Table } from "../rollup/table.js";
import {
  compactWords,
  documentNotes,
  documentsLine,
  fieldLine,
  figureChanges,
  itemLine,
  kr,
  partyFullName,
  partyLabel,
  revisionLabel,
  shorten,
  signedKr,
  splitFigures,
  splitVerdict,
  tableNotes,
  tableTitle,
  type Segment,
} from "./format-common.js";
import { documentCounts, type DiffResult, type DocumentChange, type FieldChange, type LineChange, type SectionChange, type TableChange } from "./model.js";

export interface TextStyle {
  /** Whether removed and added words are shown by colour alone, rather than by `[-…-]` and `{+…+}`. */
  colour: boolean;
  red(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

export const colours: TextStyle = { colour: true, red, green, bold, dim, cyan };
export const plain: TextStyle = { colour: false, red: String, green: String, bold: String, dim: String, cyan: String };

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

/** The diff for a terminal: the headline, then each document's changes. Colour marks what was removed and added; without it, `[-…-]` and `{+…+}` do. */
export function formatText(result: DiffResult, style: TextStyle): string {
  const out = [style.bold(`plan diff: ${revisionLabel(result.base)} → ${revisionLabel(result.head)}`)];
  if (result.documents.length === 0) {
    out.push("No differences in the plans.");
    if (result.editedOnly.length) out.push(style.dim(`Edited without a change in meaning: ${result.editedOnly.join(", ")}`));
    return `${out.join("\n")}\n`;
  }
  out.push("", style.bold(documentsLine(documentCounts(result))));
  const width = Math.max(...result.documents.map((d) => d.id.length));
  for (const doc of result.documents) {
    const status =
      doc.status === "added" ? style.green(doc.status.padEnd(8)) : doc.status === "removed" ? style.red(doc.status.padEnd(8)) : doc.status.padEnd(8);
    out.push(`  ${status}${doc.id.padEnd(width)}  ${style.dim(`${doc.pathBefore ? `(from ${doc.pathBefore}) ` : ""}${doc.title}`)}`);
  }
  if (result.editedOnly.length) out.push(style.dim(`  Edited without a change in meaning: ${result.editedOnly.join(", ")}`));

  if (result.money.length) {
    out.push("", style.bold("Money per agreement and year (carry-overs aside)"));
    for (const m of result.money) {
      const rows: Row[] = m.parties.map((p) => ({
        cells: { party: partyLabel(result, p.party), before: kr(p.before), after: kr(p.after), difference: signedKr(p.difference) },
      }));
      if (m.income)
        rows.push({ cells: { party: "Other income", before: kr(m.income.before), after: kr(m.income.after), difference: signedKr(m.income.difference) } });
      rows.push({ cells: { party: "Total", before: kr(m.total.before), after: kr(m.total.after), difference: signedKr(m.total.difference) }, total: true });
      out.push(indent(tableToText(moneyTable(`${m.agreement}, ${m.year}`, [{ key: "party", label: "Party" }], rows)), "  "));
    }
  }
  if (result.splits.length) {
    out.push("", style.bold("Split"));
    for (const s of result.splits) {
      const verdict = s.after ? style.green(splitVerdict(s)) : style.red(splitVerdict(s));
      out.push(`  ${s.plan} ${verdict} (${s.agreement}, split ${s.rule})${s.after ? "" : `: ${splitFigures(result, s)}`}.`);
    }
  }
  out.push("", style.bold(result.problems.length ? `New problems (found by plan check in head, not in base): ${result.problems.length}` : "No new problems."));
  for (const p of result.problems) {
    const severity = p.severity === "error" ? style.red("error") : "warning";
    out.push(`  ${p.file}:${p.line}:${p.column}: ${severity} ${style.dim(`[${p.ruleId}]`)} ${p.message}`);
    if (p.fix) out.push(`    ${style.bold("fix:")} ${p.fix}`);
  }
  if (result.scope.checked < result.scope.total) {
    out.push(
      style.dim(`  (Checked ${result.scope.checked} of ${result.scope.total} files: those that changed and those they refer to or that refer to them.)`),
    );
  }

  for (const doc of result.documents) {
    const details = documentDetails(result, doc, style);
    if (details) out.push("", style.bold(style.cyan(`${doc.id} (${documentNotes(doc)})`)) + style.dim(`: ${doc.title}`), details);
  }
  return `${out.join("\n")}\n`;
}

function moneyTable(caption: string, first: Table["columns"], rows: Row[]): Table {
  return {
    name: "diff",
    caption,
    columns: [
      ...first,
      { key: "before", label: "Before", money: true },
      { key: "after", label: "After", money: true },
      { key: "difference", label: "Difference", money: true },
    ],
    rows,
  };
}

function linesTable(result: DiffResult, caption: string, lines: LineChange[]): string | undefined {
  const rows: Row[] = [];
  for (const line of lines) {
    if (line.change === "changed" && line.parties.length === 0 && line.total.difference === 0) continue;
    const label = line.change === "changed" ? line.title : `${line.title} (${line.change})`;
    line.parties.forEach((p, i) =>
      rows.push({
        cells: { line: i === 0 ? label : "", party: partyLabel(result, p.party), before: kr(p.before), after: kr(p.after), difference: signedKr(p.difference) },
      }),
    );
    rows.push({
      cells: {
        line: line.parties.length ? "" : label,
        party: "Line total",
        before: kr(line.total.before),
        after: kr(line.total.after),
        difference: signedKr(line.total.difference),
      },
    });
  }
  if (rows.length === 0) return undefined;
  return indent(
    tableToText(
      moneyTable(
        caption,
        [
          { key: "line", label: "Line" },
          { key: "party", label: "Party" },
        ],
        rows,
      ),
    ),
    "  ",
  );
}

const words = (segments: Segment[], style: TextStyle) =>
  segments
    .map((s) =>
      s.op === "…"
        ? style.dim("…")
        : s.op === "="
          ? s.text
          : s.op === "-"
            ? style.colour
              ? style.red(s.text)
              : `[-${s.text}-]`
            : style.colour
              ? style.green(s.text)
              : `{+${s.text}+}`,
    )
    .join("");

const fieldText = (field: FieldChange, style: TextStyle) => (field.words ? `${field.field}: ${words(compactWords(field.words), style)}` : fieldLine(field));

function sectionText(section: SectionChange, style: TextStyle): string[] {
  const head =
    section.change === "renamed"
      ? `${section.headingBefore} → ${section.heading} (renamed)`
      : `${section.heading || "(before the first heading)"} (${section.change})`;
  const out = [`    ${style.bold(head)}`];
  if (section.change === "added" || section.change === "removed") {
    const n = section.paragraphs.length;
    out.push(
      `      ${section.change === "added" ? style.green("+") : style.red("-")} ${n} paragraph${n === 1 ? "" : "s"}: ${shorten(section.paragraphs[0]?.after ?? section.paragraphs[0]?.before ?? "", 160)}`,
    );
    return out;
  }
  for (const p of section.paragraphs) {
    if (p.change === "changed") out.push(`      ~ ${words(compactWords(p.words!), style)}`);
    else if (p.change === "added") out.push(`      ${style.green("+")} ${shorten(p.after!, 300)}`);
    else out.push(`      ${style.red("-")} ${shorten(p.before!, 300)}`);
  }
  return out;
}

/** A money table's changes: what changed in its meaning, then its changed figures, then the totals that changed with them. */
function tableText(table: TableChange, style: TextStyle): string[] {
  const out = [`  ${style.bold(tableTitle(table))}`];
  for (const note of tableNotes(table)) out.push(`    ${note.sign === "+" ? style.green("+") : note.sign === "-" ? style.red("-") : "~"} ${note.text}`);
  for (const [caption, totals] of [
    ["Changed figures", false],
    ["Totals that changed", true],
  ] as const) {
    const rows = figureChanges(table, totals).map((cells): Row => ({ cells }));
    if (rows.length === 0) continue;
    const columns: Table["columns"] = [
      { key: "row", label: "Row" },
      { key: "column", label: "Column" },
      { key: "before", label: "Before", money: true },
      { key: "after", label: "After", money: true },
      { key: "difference", label: "Difference", money: true },
    ];
    out.push(indent(tableToText({ name: "diff", caption, columns, rows }), "    "));
  }
  return out;
}

/** An allocation's amounts per member, before and after, with the amount allocated. */
function allocationTable(result: DiffResult, doc: DocumentChange): string | undefined {
  if (!doc.allocation) return undefined;
  const { members, total } = doc.allocation;
  const rows: Row[] = members.map((m) => ({
    cells: { member: partyFullName(result, m.party), before: kr(m.before), after: kr(m.after), difference: signedKr(m.difference) },
  }));
  rows.push({ cells: { member: "Allocated", before: kr(total.before), after: kr(total.after), difference: signedKr(total.difference) }, total: true });
  return indent(tableToText(moneyTable("Allocation per member", [{ key: "member", label: "Member" }], rows)), "  ");
}

function documentDetails(result: DiffResult, doc: DocumentChange, style: TextStyle): string {
  const out: string[] = [];
  const allocation = allocationTable(result, doc);
  if (allocation) out.push(allocation);
  const budget = linesTable(result, "Budget lines", doc.budget);
  if (budget) out.push(budget);
  const outcome = linesTable(result, "Outcome (utfall)", doc.outcome);
  if (outcome) out.push(outcome);
  for (const table of doc.tables) out.push(...tableText(table, style));
  const lineFields = [...doc.budget, ...doc.outcome].flatMap((l) => l.fields.map((f) => `    ~ ${l.title}: ${fieldText(f, style)}`));
  if (lineFields.length) out.push("  Other changes on budget lines", ...lineFields);
  if (doc.items.length) {
    out.push("  Goals, interventions and indicators");
    for (const item of doc.items) {
      const { sign, text } = itemLine(item);
      out.push(`    ${sign === "+" ? style.green("+") : sign === "-" ? style.red("-") : "~"} ${text}`);
      for (const f of item.fields) out.push(`        ${fieldText(f, style)}`);
    }
  }
  if (doc.fields.length) out.push("  Fields", ...doc.fields.map((f) => `    ${fieldText(f, style)}`));
  if (doc.sections.length) out.push("  Sections", ...doc.sections.flatMap((s) => sectionText(s, style)));
  return out.join("\n");
}
