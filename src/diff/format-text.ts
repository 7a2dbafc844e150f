import { bold, cyan, dim, green, red } from "../format/ansi.js";
import { count, say, t, type Lang, type Message } from "../format/message.js";
import { tableToText } from "../rollup/format.js";
import type { Row, Table } from "../rollup/table.js";
import {
  changeWord,
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
export function formatText(result: DiffResult, style: TextStyle, lang: Lang = "en"): string {
  const s = (message: Message) => say(message, lang);
  const out = [style.bold(`plan diff: ${revisionLabel(result.base, lang)} → ${revisionLabel(result.head, lang)}`)];
  if (result.documents.length === 0) {
    out.push(s(t`No differences in the plans.`));
    if (result.editedOnly.length) out.push(style.dim(s(t`Edited without a change in meaning: ${result.editedOnly.join(", ")}`)));
    return `${out.join("\n")}\n`;
  }
  out.push("", style.bold(documentsLine(documentCounts(result), lang)));
  const width = Math.max(...result.documents.map((d) => d.id.length));
  const statusWidth = Math.max(8, ...result.documents.map((d) => changeWord(d.status, lang).length + 1));
  for (const doc of result.documents) {
    const word = changeWord(doc.status, lang).padEnd(statusWidth);
    const status = doc.status === "added" ? style.green(word) : doc.status === "removed" ? style.red(word) : word;
    out.push(`  ${status}${doc.id.padEnd(width)}  ${style.dim(`${doc.pathBefore ? s(t`(from ${doc.pathBefore}) `) : ""}${doc.title}`)}`);
  }
  if (result.editedOnly.length) out.push(style.dim(`  ${s(t`Edited without a change in meaning: ${result.editedOnly.join(", ")}`)}`));

  if (result.money.length) {
    out.push("", style.bold(s(t`Money per agreement and year (carry-overs aside)`)));
    for (const m of result.money) {
      const rows: Row[] = m.parties.map((p) => ({
        cells: { party: partyLabel(result, p.party), before: kr(p.before), after: kr(p.after), difference: signedKr(p.difference) },
      }));
      if (m.income)
        rows.push({ cells: { party: s(t`Other income`), before: kr(m.income.before), after: kr(m.income.after), difference: signedKr(m.income.difference) } });
      rows.push({ cells: { party: s(t`Total`), before: kr(m.total.before), after: kr(m.total.after), difference: signedKr(m.total.difference) }, total: true });
      out.push(indent(tableToText(moneyTable(`${m.agreement}, ${m.year}`, [{ key: "party", label: s(t`Party`) }], rows, lang)), "  "));
    }
  }
  if (result.splits.length) {
    out.push("", style.bold(s(t`Split`)));
    for (const split of result.splits) {
      const verdict = split.after ? style.green(splitVerdict(split, lang)) : style.red(splitVerdict(split, lang));
      const figures = split.after ? "" : `: ${splitFigures(result, split, lang)}`;
      out.push(`  ${split.plan} ${verdict} (${split.agreement}, ${s(t`split ${split.rule}`)})${figures}.`);
    }
  }
  out.push(
    "",
    style.bold(s(result.problems.length ? t`New problems (found by plan check in head, not in base): ${result.problems.length}` : t`No new problems.`)),
  );
  for (const p of result.problems) {
    const severity = p.severity === "error" ? style.red(s(t`error`)) : s(t`warning`);
    out.push(`  ${p.file}:${p.line}:${p.column}: ${severity} ${style.dim(`[${p.ruleId}]`)} ${p.message}`);
    if (p.fix) out.push(`    ${style.bold(s(t`fix:`))} ${p.fix}`);
  }
  if (result.scope.checked < result.scope.total) {
    out.push(
      style.dim(
        `  ${s(t`(Checked ${result.scope.checked} of ${result.scope.total} files: those that changed and those they refer to or that refer to them.)`)}`,
      ),
    );
  }

  for (const doc of result.documents) {
    const details = documentDetails(result, doc, style, lang);
    if (details) out.push("", style.bold(style.cyan(`${doc.id} (${documentNotes(doc, lang)})`)) + style.dim(`: ${doc.title}`), details);
  }
  return `${out.join("\n")}\n`;
}

function moneyTable(caption: string, first: Table["columns"], rows: Row[], lang: Lang): Table {
  return {
    name: "diff",
    caption,
    columns: [
      ...first,
      { key: "before", label: say(t`Before`, lang), money: true },
      { key: "after", label: say(t`After`, lang), money: true },
      { key: "difference", label: say(t`Difference`, lang), money: true },
    ],
    rows,
  };
}

function linesTable(result: DiffResult, caption: string, lines: LineChange[], lang: Lang): string | undefined {
  const rows: Row[] = [];
  for (const line of lines) {
    if (line.change === "changed" && line.parties.length === 0 && line.total.difference === 0) continue;
    const label = line.change === "changed" ? line.title : `${line.title} (${changeWord(line.change, lang)})`;
    line.parties.forEach((p, i) =>
      rows.push({
        cells: { line: i === 0 ? label : "", party: partyLabel(result, p.party), before: kr(p.before), after: kr(p.after), difference: signedKr(p.difference) },
      }),
    );
    rows.push({
      cells: {
        line: line.parties.length ? "" : label,
        party: say(t`Line total`, lang),
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
          { key: "line", label: say(t`Line`, lang) },
          { key: "party", label: say(t`Party`, lang) },
        ],
        rows,
        lang,
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

const fieldText = (field: FieldChange, style: TextStyle, lang: Lang) =>
  field.words ? `${field.field}: ${words(compactWords(field.words), style)}` : fieldLine(field, lang);

function sectionText(section: SectionChange, style: TextStyle, lang: Lang): string[] {
  const head =
    section.change === "renamed"
      ? `${section.headingBefore} → ${section.heading} (${changeWord("renamed", lang)})`
      : `${section.heading || say(t`(before the first heading)`, lang)} (${changeWord(section.change, lang)})`;
  const out = [`    ${style.bold(head)}`];
  if (section.change === "added" || section.change === "removed") {
    const n = section.paragraphs.length;
    out.push(
      `      ${section.change === "added" ? style.green("+") : style.red("-")} ${say(count(n, "paragraph"), lang)}: ${shorten(section.paragraphs[0]?.after ?? section.paragraphs[0]?.before ?? "", 160)}`,
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
function tableText(table: TableChange, style: TextStyle, lang: Lang): string[] {
  const out = [`  ${style.bold(tableTitle(table, lang))}`];
  for (const note of tableNotes(table, lang)) out.push(`    ${note.sign === "+" ? style.green("+") : note.sign === "-" ? style.red("-") : "~"} ${note.text}`);
  for (const [caption, totals] of [
    [t`Changed figures`, false],
    [t`Totals that changed`, true],
  ] as const) {
    const rows = figureChanges(table, totals, lang).map((cells): Row => ({ cells }));
    if (rows.length === 0) continue;
    const columns: Table["columns"] = [
      { key: "row", label: say(t`Row`, lang) },
      { key: "column", label: say(t`Column`, lang) },
      { key: "before", label: say(t`Before`, lang), money: true },
      { key: "after", label: say(t`After`, lang), money: true },
      { key: "difference", label: say(t`Difference`, lang), money: true },
    ];
    out.push(indent(tableToText({ name: "diff", caption: say(caption, lang), columns, rows }), "    "));
  }
  return out;
}

/** An allocation's amounts per member, before and after, with the amount allocated. */
function allocationTable(result: DiffResult, doc: DocumentChange, lang: Lang): string | undefined {
  if (!doc.allocation) return undefined;
  const { members, total } = doc.allocation;
  const rows: Row[] = members.map((m) => ({
    cells: { member: partyFullName(result, m.party), before: kr(m.before), after: kr(m.after), difference: signedKr(m.difference) },
  }));
  const s = (message: Message) => say(message, lang);
  rows.push({ cells: { member: s(t`Allocated`), before: kr(total.before), after: kr(total.after), difference: signedKr(total.difference) }, total: true });
  return indent(tableToText(moneyTable(s(t`Allocation per member`), [{ key: "member", label: s(t`Member`) }], rows, lang)), "  ");
}

function documentDetails(result: DiffResult, doc: DocumentChange, style: TextStyle, lang: Lang): string {
  const s = (message: Message) => say(message, lang);
  const out: string[] = [];
  const allocation = allocationTable(result, doc, lang);
  if (allocation) out.push(allocation);
  const budget = linesTable(result, s(t`Budget lines`), doc.budget, lang);
  if (budget) out.push(budget);
  const outcome = linesTable(result, s(t`Outcome (utfall)`), doc.outcome, lang);
  if (outcome) out.push(outcome);
  for (const table of doc.tables) out.push(...tableText(table, style, lang));
  const lineFields = [...doc.budget, ...doc.outcome].flatMap((l) => l.fields.map((f) => `    ~ ${l.title}: ${fieldText(f, style, lang)}`));
  if (lineFields.length) out.push(`  ${s(t`Other changes on budget lines`)}`, ...lineFields);
  if (doc.items.length) {
    out.push(`  ${s(t`Goals, interventions and indicators`)}`);
    for (const item of doc.items) {
      const { sign, text } = itemLine(item, lang);
      out.push(`    ${sign === "+" ? style.green("+") : sign === "-" ? style.red("-") : "~"} ${text}`);
      for (const f of item.fields) out.push(`        ${fieldText(f, style, lang)}`);
    }
  }
  if (doc.fields.length) out.push(`  ${s(t`Fields`)}`, ...doc.fields.map((f) => `    ${fieldText(f, style, lang)}`));
  if (doc.sections.length) out.push(`  ${s(t`Sections`)}`, ...doc.sections.flatMap((section) => sectionText(section, style, lang)));
  return out.join("\n");
}
