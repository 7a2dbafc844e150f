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

function more<T>(items: T[], render: (item: T) => string, what: string): string[] {
  const shown = items.slice(0, HEADLINE_ITEMS).map(render);
  if (items.length > HEADLINE_ITEMS) shown.push(`- … and ${items.length - HEADLINE_ITEMS} more ${what}; run \`plan diff\` locally to see them all.`);
  return shown;
}

/** The headline: revisions, documents, money per agreement and year, split, new problems. Bounded in length. */
function headline(result: DiffResult): string {
  const out = [`### plan diff: ${escape(revisionLabel(result.base))} → ${escape(revisionLabel(result.head))}`, ""];
  if (result.documents.length === 0) {
    out.push("No differences in the plans.");
    if (result.editedOnly.length) out.push("", `Edited without a change in meaning: ${result.editedOnly.slice(0, HEADLINE_ITEMS).map(code).join(", ")}`);
    return out.join("\n");
  }
  out.push(`**${documentsLine(documentCounts(result))}**`, "");
  out.push(
    ...more(result.documents, (d) => `- ${d.status}: ${code(d.id)} ${d.pathBefore ? `(from ${code(d.pathBefore)}) ` : ""}${escape(d.title)}`, "documents"),
  );
  if (result.editedOnly.length) out.push(`- edited without a change in meaning: ${result.editedOnly.slice(0, HEADLINE_ITEMS).map(code).join(", ")}`);

  if (result.money.length) {
    out.push(
      "",
      "**Money per agreement and year** (carry-overs aside)",
      "",
      row(["Agreement", "Year", "Party", "Before", "After", "Difference"]),
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
      if (m.income) out.push(row(["", "", "Other income", kr(m.income.before), kr(m.income.after), signedKr(m.income.difference)]));
      out.push(row(["", "", "**Total**", `**${kr(m.total.before)}**`, `**${kr(m.total.after)}**`, `**${signedKr(m.total.difference)}**`]));
    }
    if (result.money.length > HEADLINE_ITEMS) out.push("", `… and ${result.money.length - HEADLINE_ITEMS} more agreements and years.`);
  }
  if (result.splits.length) {
    out.push("", "**Split**", "");
    out.push(
      ...more(
        result.splits,
        (s) =>
          `- ${code(s.plan)} ${s.after ? splitVerdict(s) : `**${splitVerdict(s)}**`} (${code(s.agreement)}, split ${escape(s.rule)})${s.after ? "" : `: ${escape(splitFigures(result, s))}`}.`,
        "plans",
      ),
    );
  }
  out.push("", result.problems.length ? `**New problems** (found by \`plan check\` in head, not in base): ${result.problems.length}` : "**No new problems.**");
  if (result.problems.length) {
    out.push("");
    out.push(
      ...more(
        result.problems,
        (p) =>
          `- **${p.severity}** ${code(p.ruleId)} ${code(`${p.file}:${p.line}:${p.column}`)}: ${message(p.message)}${p.fix ? ` *Fix:* ${message(p.fix)}` : ""}`,
        "problems",
      ),
    );
  }
  if (result.scope.checked < result.scope.total)
    out.push(
      "",
      `<sub>Checked ${result.scope.checked} of ${result.scope.total} files: those that changed and those they refer to or that refer to them.</sub>`,
    );
  return out.join("\n");
}

function linesTable(result: DiffResult, caption: string, lines: LineChange[]): string | undefined {
  const rows: string[] = [];
  for (const line of lines) {
    if (line.change === "changed" && line.parties.length === 0 && line.total.difference === 0) continue;
    const label = `${escape(line.title)}${line.change === "changed" ? "" : ` (${line.change})`}`;
    line.parties.forEach((p, i) =>
      rows.push(row([i === 0 ? label : "", escape(partyLabel(result, p.party)), kr(p.before), kr(p.after), signedKr(p.difference)])),
    );
    rows.push(row([line.parties.length ? "" : label, "*Line total*", kr(line.total.before), kr(line.total.after), signedKr(line.total.difference)]));
  }
  if (rows.length === 0) return undefined;
  return [`**${caption}**`, "", row(["Line", "Party", "Before", "After", "Difference"]), row(["---", "---", "--:", "--:", "--:"]), ...rows].join("\n");
}

const fieldText = (f: FieldChange) => (f.words ? `${code(f.field)}: ${words(compactWords(f.words))}` : escape(fieldLine(f)));

function sectionChunks(section: SectionChange): string[] {
  const head =
    section.change === "renamed"
      ? `${escape(section.headingBefore ?? "")} → ${escape(section.heading)} (renamed)`
      : `${escape(section.heading || "(before the first heading)")} (${section.change})`;
  const items = section.paragraphs.map((p) =>
    p.change === "changed"
      ? `- *changed:* ${words(compactWords(p.words!))}`
      : p.change === "added"
        ? `- *added:* <ins>${escape(shorten(p.after!, 600))}</ins>`
        : `- *removed:* <del>${escape(shorten(p.before!, 600))}</del>`,
  );
  return [`*${head}*\n\n${items.join("\n")}`];
}

/** A money table's changes as one piece of markdown: its meaning, then its changed figures and totals in tables. */
function tableChunk(table: TableChange): string {
  const out = [`**${escape(tableTitle(table))}**`, ""];
  out.push(...tableNotes(table).map((n) => `- ${escape(n.text)}`));
  for (const [caption, totals] of [
    ["Changed figures", false],
    ["Totals that changed", true],
  ] as const) {
    const rows = figureChanges(table, totals);
    if (rows.length === 0) continue;
    out.push("", `*${caption}*`, "", row(["Row", "Column", "Before", "After", "Difference"]), row(["---", "---", "--:", "--:", "--:"]));
    for (const r of rows) out.push(row([escape(r.row), escape(r.column), r.before, r.after, r.difference]));
  }
  return out.join("\n").trim();
}

/** A document's details as pieces that are each whole markdown, so that the output can stop between any two. */
function documentChunks(result: DiffResult, doc: DocumentChange): string[] {
  const chunks: string[] = [];
  if (doc.allocation) {
    const { members, total } = doc.allocation;
    chunks.push(
      [
        "**Allocation per member**",
        "",
        row(["Member", "Before", "After", "Difference"]),
        row(["---", "--:", "--:", "--:"]),
        ...members.map((m) => row([escape(partyFullName(result, m.party)), kr(m.before), kr(m.after), signedKr(m.difference)])),
        row(["*Allocated*", kr(total.before), kr(total.after), signedKr(total.difference)]),
      ].join("\n"),
    );
  }
  const budget = linesTable(result, "Budget lines", doc.budget);
  if (budget) chunks.push(budget);
  const outcome = linesTable(result, "Outcome (utfall)", doc.outcome);
  if (outcome) chunks.push(outcome);
  for (const table of doc.tables) chunks.push(tableChunk(table));
  const lineFields = [...doc.budget, ...doc.outcome].flatMap((l) => l.fields.map((f) => `- ${escape(l.title)}: ${fieldText(f)}`));
  if (lineFields.length) chunks.push(["**Other changes on budget lines**", "", ...lineFields].join("\n"));
  if (doc.items.length) {
    const items = doc.items.map((item) => `- ${escape(itemLine(item).text)}${item.fields.map((f) => `\n  - ${fieldText(f)}`).join("")}`);
    chunks.push(["**Goals, interventions and indicators**", "", ...items].join("\n"));
  }
  if (doc.fields.length) chunks.push(["**Fields**", "", ...doc.fields.map((f) => `- ${fieldText(f)}`)].join("\n"));
  if (doc.sections.length) chunks.push("**Sections**", ...doc.sections.flatMap(sectionChunks));
  return chunks;
}

/**
 * The diff for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the headline first, each
 * document's details folded in a `<details>` block, and the whole within GitHub's limit for a
 * comment; details that do not fit are left out with a note saying so.
 */
export function formatMarkdown(result: DiffResult, limit = GITHUB_COMMENT_LIMIT): string {
  const head = `${headline(result)}\n`;
  const note = (left: number) =>
    `\n> [!NOTE]\n> The details of ${left} more document${left === 1 ? "" : "s"} are left out to stay within GitHub's limit of ${limit} characters for a comment; run \`plan diff\` on the same revisions to see them.\n`;
  const budget = limit - 600;
  // The headline's lists are bounded, but a headline of long messages could still be too long.
  let out = head.length <= budget ? head : `${head.slice(0, head.lastIndexOf("\n", budget))}\n\n*… the headline is cut here to stay within GitHub's limit.*\n`;
  const docs = result.documents.map((doc) => ({ doc, chunks: documentChunks(result, doc) })).filter((d) => d.chunks.length > 0);
  for (const [i, { doc, chunks }] of docs.entries()) {
    const open = `\n<details><summary>${code(doc.id)} (${escape(documentNotes(doc))}): ${escape(doc.title)}</summary>\n\n`;
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
    if (cut) block += "\n\n*… the rest of this document's changes are left out to keep the comment within GitHub's limit.*";
    out += block + close;
    const left = docs.length - i - 1;
    if (cut) return left > 0 ? out + note(left) : out;
  }
  return out;
}
