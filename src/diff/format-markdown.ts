import { count, say, t, type Lang, type Message } from "../format/message.js";
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

/** GitHub refuses a comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** How many entries each list of the headline shows before it says how many more there are. */
const HEADLINE_ITEMS = 50;

/** Text that markdown and HTML show as it is: no emphasis, links, tables or tags from the plan's own text. */
export const escape = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~$#!{}]/g, "\\$&")
    .replace(/\r?\n/g, " ");
/** An id or a path in a code span (ids have no backticks, but a path could). */
const code = (s: string) => `<code>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;")}</code>`;

/** A message of `plan check`, whose `code` spans stay code. */
const message = (s: string) =>
  s
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? code(part.slice(1, -1)) : escape(part)))
    .join("");

const words = (segments: Segment[]) =>
  segments
    .map((s) => (s.op === "…" ? "… " : s.op === "=" ? escape(s.text) : s.op === "-" ? `<del>${escape(s.text)}</del>` : `<ins>${escape(s.text)}</ins>`))
    .join("");

const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

function more<T>(items: T[], render: (item: T) => string, what: string, lang: Lang): string[] {
  const shown = items.slice(0, HEADLINE_ITEMS).map(render);
  if (items.length > HEADLINE_ITEMS)
    shown.push(`- ${say(t`… and ${items.length - HEADLINE_ITEMS} more ${what}; run \`plan diff\` locally to see them all.`, lang)}`);
  return shown;
}

/** The headline: revisions, documents, money per agreement and year, split, new problems. Bounded in length. */
function headline(result: DiffResult, lang: Lang): string {
  const s = (message: Message) => say(message, lang);
  const out = [`### plan diff: ${escape(revisionLabel(result.base, lang))} → ${escape(revisionLabel(result.head, lang))}`, ""];
  if (result.documents.length === 0) {
    out.push(s(t`No differences in the plans.`));
    if (result.editedOnly.length) out.push("", s(t`Edited without a change in meaning: ${result.editedOnly.slice(0, HEADLINE_ITEMS).map(code).join(", ")}`));
    return out.join("\n");
  }
  out.push(`**${documentsLine(documentCounts(result), lang)}**`, "");
  out.push(
    ...more(
      result.documents,
      (d) => `- ${changeWord(d.status, lang)}: ${code(d.id)} ${d.pathBefore ? s(t`(from ${code(d.pathBefore)}) `) : ""}${escape(d.title)}`,
      s(t`documents`),
      lang,
    ),
  );
  if (result.editedOnly.length) out.push(`- ${s(t`edited without a change in meaning: ${result.editedOnly.slice(0, HEADLINE_ITEMS).map(code).join(", ")}`)}`);

  if (result.money.length) {
    out.push(
      "",
      s(t`**Money per agreement and year** (carry-overs aside)`),
      "",
      row([s(t`Agreement`), s(t`Year`), s(t`Party`), s(t`Before`), s(t`After`), s(t`Difference`)]),
      row(["---", "---", "---", "--:", "--:", "--:"]),
    );
    for (const m of result.money.slice(0, HEADLINE_ITEMS)) {
      m.parties.forEach((p, i) =>
        out.push(
          row([
            i === 0 ? code(m.agreement) : "",
            i === 0 ? String(m.year) : "",
            escape(partyLabel(result, p.party)),
            kr(p.before),
            kr(p.after),
            signedKr(p.difference),
          ]),
        ),
      );
      if (m.income) out.push(row(["", "", s(t`Other income`), kr(m.income.before), kr(m.income.after), signedKr(m.income.difference)]));
      out.push(row(["", "", `**${s(t`Total`)}**`, `**${kr(m.total.before)}**`, `**${kr(m.total.after)}**`, `**${signedKr(m.total.difference)}**`]));
    }
    if (result.money.length > HEADLINE_ITEMS) out.push("", s(t`… and ${result.money.length - HEADLINE_ITEMS} more agreements and years.`));
  }
  if (result.splits.length) {
    out.push("", `**${s(t`Split`)}**`, "");
    out.push(
      ...more(
        result.splits,
        (split) =>
          `- ${code(split.plan)} ${split.after ? splitVerdict(split, lang) : `**${splitVerdict(split, lang)}**`} (${code(split.agreement)}, ${s(t`split ${escape(split.rule)}`)})${split.after ? "" : `: ${escape(splitFigures(result, split, lang))}`}.`,
        s(t`plans`),
        lang,
      ),
    );
  }
  out.push(
    "",
    result.problems.length ? s(t`**New problems** (found by \`plan check\` in head, not in base): ${result.problems.length}`) : `**${s(t`No new problems.`)}**`,
  );
  if (result.problems.length) {
    out.push("");
    out.push(
      ...more(
        result.problems,
        (p) =>
          `- **${p.severity === "error" ? s(t`error`) : s(t`warning`)}** ${code(p.ruleId)} ${code(`${p.file}:${p.line}:${p.column}`)}: ${message(p.message)}${p.fix ? ` *${s(t`Fix:`)}* ${message(p.fix)}` : ""}`,
        s(t`problems`),
        lang,
      ),
    );
  }
  if (result.scope.checked < result.scope.total)
    out.push(
      "",
      `<sub>${s(t`Checked ${result.scope.checked} of ${result.scope.total} files: those that changed and those they refer to or that refer to them.`)}</sub>`,
    );
  return out.join("\n");
}

function linesTable(result: DiffResult, caption: string, lines: LineChange[], lang: Lang): string | undefined {
  const s = (message: Message) => say(message, lang);
  const rows: string[] = [];
  for (const line of lines) {
    if (line.change === "changed" && line.parties.length === 0 && line.total.difference === 0) continue;
    const label = `${escape(line.title)}${line.change === "changed" ? "" : ` (${changeWord(line.change, lang)})`}`;
    line.parties.forEach((p, i) =>
      rows.push(row([i === 0 ? label : "", escape(partyLabel(result, p.party)), kr(p.before), kr(p.after), signedKr(p.difference)])),
    );
    rows.push(row([line.parties.length ? "" : label, `*${s(t`Line total`)}*`, kr(line.total.before), kr(line.total.after), signedKr(line.total.difference)]));
  }
  if (rows.length === 0) return undefined;
  return [
    `**${caption}**`,
    "",
    row([s(t`Line`), s(t`Party`), s(t`Before`), s(t`After`), s(t`Difference`)]),
    row(["---", "---", "--:", "--:", "--:"]),
    ...rows,
  ].join("\n");
}

const fieldText = (f: FieldChange, lang: Lang) => (f.words ? `${code(f.field)}: ${words(compactWords(f.words))}` : escape(fieldLine(f, lang)));

function sectionChunks(section: SectionChange, lang: Lang): string[] {
  const head =
    section.change === "renamed"
      ? `${escape(section.headingBefore ?? "")} → ${escape(section.heading)} (${changeWord("renamed", lang)})`
      : `${escape(section.heading || say(t`(before the first heading)`, lang))} (${changeWord(section.change, lang)})`;
  const items = section.paragraphs.map((p) =>
    p.change === "changed"
      ? `- *${changeWord("changed", lang)}:* ${words(compactWords(p.words!))}`
      : p.change === "added"
        ? `- *${changeWord("added", lang)}:* <ins>${escape(shorten(p.after!, 600))}</ins>`
        : `- *${changeWord("removed", lang)}:* <del>${escape(shorten(p.before!, 600))}</del>`,
  );
  return [`*${head}*\n\n${items.join("\n")}`];
}

/** A money table's changes as one piece of markdown: its meaning, then its changed figures and totals in tables. */
function tableChunk(table: TableChange, lang: Lang): string {
  const s = (message: Message) => say(message, lang);
  const out = [`**${escape(tableTitle(table, lang))}**`, ""];
  out.push(...tableNotes(table, lang).map((n) => `- ${escape(n.text)}`));
  for (const [caption, totals] of [
    [t`Changed figures`, false],
    [t`Totals that changed`, true],
  ] as const) {
    const rows = figureChanges(table, totals, lang);
    if (rows.length === 0) continue;
    out.push("", `*${s(caption)}*`, "", row([s(t`Row`), s(t`Column`), s(t`Before`), s(t`After`), s(t`Difference`)]), row(["---", "---", "--:", "--:", "--:"]));
    for (const r of rows) out.push(row([escape(r.row), escape(r.column), r.before, r.after, r.difference]));
  }
  return out.join("\n").trim();
}

/** A document's details as pieces that are each whole markdown, so that the output can stop between any two. */
function documentChunks(result: DiffResult, doc: DocumentChange, lang: Lang): string[] {
  const s = (message: Message) => say(message, lang);
  const chunks: string[] = [];
  if (doc.allocation) {
    const { members, total } = doc.allocation;
    chunks.push(
      [
        `**${s(t`Allocation per member`)}**`,
        "",
        row([s(t`Member`), s(t`Before`), s(t`After`), s(t`Difference`)]),
        row(["---", "--:", "--:", "--:"]),
        ...members.map((m) => row([escape(partyFullName(result, m.party)), kr(m.before), kr(m.after), signedKr(m.difference)])),
        row([`*${s(t`Allocated`)}*`, kr(total.before), kr(total.after), signedKr(total.difference)]),
      ].join("\n"),
    );
  }
  const budget = linesTable(result, s(t`Budget lines`), doc.budget, lang);
  if (budget) chunks.push(budget);
  const outcome = linesTable(result, s(t`Outcome (utfall)`), doc.outcome, lang);
  if (outcome) chunks.push(outcome);
  for (const table of doc.tables) chunks.push(tableChunk(table, lang));
  const lineFields = [...doc.budget, ...doc.outcome].flatMap((l) => l.fields.map((f) => `- ${escape(l.title)}: ${fieldText(f, lang)}`));
  if (lineFields.length) chunks.push([`**${s(t`Other changes on budget lines`)}**`, "", ...lineFields].join("\n"));
  if (doc.items.length) {
    const items = doc.items.map((item) => `- ${escape(itemLine(item, lang).text)}${item.fields.map((f) => `\n  - ${fieldText(f, lang)}`).join("")}`);
    chunks.push([`**${s(t`Goals, interventions and indicators`)}**`, "", ...items].join("\n"));
  }
  if (doc.fields.length) chunks.push([`**${s(t`Fields`)}**`, "", ...doc.fields.map((f) => `- ${fieldText(f, lang)}`)].join("\n"));
  if (doc.sections.length) chunks.push(`**${s(t`Sections`)}**`, ...doc.sections.flatMap((section) => sectionChunks(section, lang)));
  return chunks;
}

/**
 * The diff for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the headline first, each
 * document's details folded in a `<details>` block, and the whole within GitHub's limit for a
 * comment; details that do not fit are left out with a note saying so.
 */
export function formatMarkdown(result: DiffResult, limit = GITHUB_COMMENT_LIMIT, lang: Lang = "en"): string {
  const s = (message: Message) => say(message, lang);
  const head = `${headline(result, lang)}\n`;
  const note = (left: number) =>
    `\n> [!NOTE]\n> ${s(t`The details of ${count(left, "more document", "more documents")} are left out to stay within GitHub's limit of ${limit} characters for a comment; run \`plan diff\` on the same revisions to see them.`)}\n`;
  const budget = limit - 600;
  // The headline's lists are bounded, but a headline of long messages could still be too long.
  let out =
    head.length <= budget ? head : `${head.slice(0, head.lastIndexOf("\n", budget))}\n\n*${s(t`… the headline is cut here to stay within GitHub's limit.`)}*\n`;
  const docs = result.documents.map((doc) => ({ doc, chunks: documentChunks(result, doc, lang) })).filter((d) => d.chunks.length > 0);
  for (const [i, { doc, chunks }] of docs.entries()) {
    const open = `\n<details><summary>${code(doc.id)} (${escape(documentNotes(doc, lang))}): ${escape(doc.title)}</summary>\n\n`;
    const close = "\n\n</details>\n";
    if (out.length + open.length + close.length + chunks[0]!.length + 2 > budget) return out + note(docs.length - i);
    let block = open + chunks[0]!;
    let cut = false;
    for (const chunk of chunks.slice(1)) {
      if (out.length + block.length + chunk.length + close.length + 200 > budget) {
        cut = true;
        break;
      }
      block += `\n\n${chunk}`;
    }
    if (cut) block += `\n\n*${s(t`… the rest of this document's changes are left out to keep the comment within GitHub's limit.`)}*`;
    out += block + close;
    const left = docs.length - i - 1;
    if (cut) return left > 0 ? out + note(left) : out;
  }
  return out;
}
