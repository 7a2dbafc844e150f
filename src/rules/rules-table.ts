import { betweenMarkers } from "../format/text.js";
import type { RuleInfo } from "../diagnostics/report.js";

export const TABLE_START = "<!-- rules-table:start (written by `npm run rules-table` from src/rules/index.ts) -->";
export const TABLE_END = "<!-- rules-table:end -->";

/** A code span that holds any text: a fence longer than any run of backticks in it, padded where the text begins or ends with one. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

// A `|` would end the table's cell.
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The README's table of rules: id, severity, what it checks and an example message, one row per registered rule. */
export function rulesTable(rules: readonly RuleInfo[]): string {
  const rows = rules.map((rule) => {
    const severity = rule.otherSeverity ? `${rule.severity} / ${rule.otherSeverity}` : rule.severity;
    return `| \`${rule.id}\` | ${severity} | ${cell(rule.summary)} | ${cell(codeSpan(rule.example))} |`;
  });
  return ["| Rule | Severity | What it checks | Example message |", "|---|---|---|---|", ...rows].join("\n");
}

/** `readme` with the text between the markers replaced by the table; `undefined` when the markers are missing. */
export function withRulesTable(readme: string, rules: readonly RuleInfo[]): string | undefined {
  return betweenMarkers(readme, TABLE_START, TABLE_END, rulesTable(rules));
}
