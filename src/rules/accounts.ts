import { groupDigits } from "../format/swedish.js";
import { tieAccounts, type AccountProblem, type AccountSpec, type RowSum, type Scope, type SummaryRow } from "../model/accounts.js";
import type { LoneDocument } from "../model/repository.js";
import { columnLabel, KRONOR_PER_UNIT, workTables, type WorkedTable } from "../model/table.js";
import { MONEY_UNIT } from "../vocabulary.js";
import { code, type Reporter, type Rule } from "./rule.js";
import { listOf, t, type Message, type Part } from "../format/message.js";

const kr = (n: bigint) => `${groupDigits(n)} kr`;

/** At most `max` codes, then how many more. */
function some(codes: readonly string[], max = 6): Message {
  return codes.length <= max ? listOf(codes) : t`${codes.slice(0, max).join(", ")} and ${codes.length - max} more`;
}

/** An entry as prose: `7020–7699`, `6560`. */
const spec = (s: AccountSpec) => (s.kind === "range" ? `${s.from}–${s.to}` : s.text);

/** What a summary row sums, in words: `the accounts 5611–5615 and 7020–7699 without 7460 and 7530`; whether it is one account. */
function accountsOf(row: SummaryRow, restCodes: readonly string[]): { text: Message; one: boolean } {
  const named = row.accounts.map((a) => spec(a.spec));
  const rest = restCodes.length ? t`the accounts no other row names (${some(restCodes)})` : t`the accounts no other row names`;
  const parts: Part[] = [...named, ...(row.rest ? [rest] : [])];
  const without = row.except.length ? t` without ${listOf(row.except.map((e) => spec(e.spec)))}` : "";
  if (!row.rest) {
    const one = named.length === 1 && row.accounts[0]!.spec.kind === "code";
    return { one, text: one ? t`the account ${listOf(parts)}${without}` : t`the accounts ${listOf(parts)}${without}` };
  }
  return { one: false, text: named.length ? t`the accounts ${listOf(parts)}${without}` : t`${rest}${without}` };
}

/** Where the accounts are: `"Detaljerad budget 2013 Basverksamhet"`, with its group where the row's group names one. */
const where = (scope: Scope): Part => (scope.group ? t`"${scope.detail.table.caption}" (group ${code(scope.group.id)})` : `"${scope.detail.table.caption}"`);

/** A figure of the summary in its unit: `7 022 tkr`, or `blank`. */
const figure = (n: bigint | undefined, table: WorkedTable): Part => (n === undefined ? t`blank` : `${groupDigits(n)} ${MONEY_UNIT[table.table.unit]}`);

/** The sum in kronor as the summary's unit would print it, rounded half away from zero. */
function inUnit(kronor: bigint, table: WorkedTable): bigint {
  const factor = KRONOR_PER_UNIT[table.table.unit];
  const half = factor / 2n;
  return kronor >= 0n ? (kronor + half) / factor : -((-kronor + half) / factor);
}

function reportSum(doc: LoneDocument, summary: WorkedTable, sum: RowSum, report: Reporter): void {
  const { summary: row, scope } = sum;
  const several = sum.columns.length > 1;
  const { text: what, one } = accountsOf(
    row,
    row.restMatched.map((a) => a.code),
  );
  for (const c of sum.columns) {
    if (c.agrees) continue;
    const head = several
      ? t`"${row.row.label}", ${columnLabel(summary.columns[c.column]!)} ${figure(c.stated, summary)}`
      : t`"${row.row.label}" ${figure(c.stated, summary)}`;
    const cell = row.row.cells[c.column]!;
    let found: Message;
    if (c.detailKronor !== undefined)
      found = one ? t`${what} in ${where(scope)} sums to ${kr(c.detailKronor)}` : t`${what} in ${where(scope)} sum to ${kr(c.detailKronor)}`;
    else if (row.matched.length === 0 && row.rest && row.accounts.length === 0) found = t`every account of ${where(scope)} is named by another row`;
    else if (row.matched.length === 0) found = one ? t`${what} is not in ${where(scope)}` : t`${what} are not in ${where(scope)}`;
    else found = one ? t`${what} is blank in ${where(scope)}` : t`${what} are blank in ${where(scope)}`;
    const fix =
      c.detailKronor === undefined
        ? row.matched.length === 0
          ? t`Check the codes against the account rows of ${where(scope)}, or the group the row's group names with \`detail\`.`
          : t`Fill in the accounts' amounts, or make the figure blank (\`~\`).`
        : t`Write \`${inUnit(c.detailKronor, summary)}\` if the accounts are right; else correct the row's \`accounts\` and \`except\`, or the account rows.`;
    report(doc.source, cell.path, { reason: t`${head}; ${found}.`, fix });
  }
}

function reportProblem(doc: LoneDocument, summary: WorkedTable, problem: AccountProblem, report: Reporter): void {
  const caption = `"${summary.table.caption}"`;
  switch (problem.kind) {
    case "unknown-table":
      return report(doc.source, problem.path, {
        reason: t`${caption} takes its accounts from the table ${code(problem.id)}, which is no other table of this document.`,
        fix: problem.known.length
          ? t`Use the id of the table of accounts: ${listOf(problem.known.map(code), "or")}.`
          : t`Add the table of accounts to \`tables\`, with an \`id\`.`,
      });
    case "unknown-group":
      return report(doc.source, problem.path, {
        reason: t`The group's accounts are to be in the group ${code(problem.id)} of "${problem.detail.table.caption}", which has no group of that id.`,
        fix: problem.known.length ? t`Use ${listOf(problem.known.map(code), "or")}.` : t`Give the group of "${problem.detail.table.caption}" an \`id\`.`,
      });
    case "no-detail":
      return report(doc.source, problem.path, {
        reason:
          problem.what === "group"
            ? t`The group names a group of the table of accounts, but ${caption} names no table of accounts.`
            : t`"${problem.row!.label}" sums accounts, but ${caption} names no table of accounts.`,
        fix: t`Add \`detail:\` with the id of the table of accounts to the table.`,
      });
    case "no-columns":
      return report(doc.source, problem.path, {
        reason: t`No column of ${caption} has a counterpart in "${problem.detail.table.caption}" (the same \`id\`, or the same kind, year and party), so no account can be compared.`,
        fix: t`Give the columns of the two tables that hold the same figures the same \`id\`.`,
      });
    case "reversed-range":
      return report(doc.source, problem.path, {
        reason: t`The range ${code(problem.spec.text)} ends before it begins: it names no account.`,
        fix: t`Write \`${problem.spec.to}-${problem.spec.from}\`.`,
      });
    case "except-rest":
      return report(doc.source, problem.path, {
        reason: t`\`rest\` cannot be left out: it is what no row names.`,
        fix: t`Name the accounts to leave out, e.g. \`except: [7460, 7530]\`.`,
      });
    case "except-alone":
      return report(doc.source, problem.path, {
        reason: t`"${problem.row.label}" leaves accounts out (\`except\`), but names none (\`accounts\`).`,
        fix: t`Add \`accounts:\` with the codes and ranges the row sums, or remove \`except\`.`,
      });
    case "second-rest":
      return report(doc.source, problem.path, {
        reason: t`"${problem.row.row.label}" and "${problem.first.row.label}" both sum the accounts no other row names (\`rest\`) of ${where(problem.scope)}.`,
        fix: t`Keep \`rest\` on one row; name the other row's accounts.`,
        related: [{ source: doc.source, at: problem.first.rest!.path, reason: t`"${problem.first.row.label}" sums the rest here` }],
      });
    case "duplicate": {
      const { first, second, codes } = problem;
      const a = first.row.row.label;
      const b = second.row.row.label;
      const except = `${codes.slice(0, 2).join(", ")}${codes.length > 2 ? ", …" : ""}`;
      return report(
        doc.source,
        second.path,
        codes.length === 1
          ? {
              reason: t`The account ${codes[0]!} is named by both "${a}" and "${b}" in ${caption}; each account of ${where(problem.scope)} belongs to one row.`,
              fix: t`Leave it out of one of the rows (\`except: [${except}]\` for a range).`,
              related: [{ source: doc.source, at: first.path, reason: t`"${a}" names it here` }],
            }
          : {
              reason: t`The accounts ${some(codes)} are named by both "${a}" and "${b}" in ${caption}; each account of ${where(problem.scope)} belongs to one row.`,
              fix: t`Leave them out of one of the rows (\`except: [${except}]\` for a range).`,
              related: [{ source: doc.source, at: first.path, reason: t`"${a}" names them here` }],
            },
      );
    }
    case "unnamed": {
      const { account, scope } = problem;
      const amounts = account.row.cells.map((c) => c.shown).filter((n) => n !== undefined);
      const amount = amounts.length === 1 ? ` (${groupDigits(amounts[0]!)} ${MONEY_UNIT[scope.detail.table.unit]})` : "";
      return report(doc.source, account.path, {
        severity: "warning",
        reason: t`The account ${account.code}${amount} of ${where(scope)} is in no row of ${caption}: no figure there includes it.`,
        fix: t`Add ${account.code} to the \`accounts\` of the row it belongs to, or give ${caption} a row with \`accounts: [rest]\`.`,
      });
    }
  }
}

export const accountSums: Rule = {
  id: "money/accounts",
  severity: "error",
  otherSeverity: "warning",
  example:
    '"Personalkostnader" 7 022 tkr; the accounts 5611–5615 and 7020–7699 without 7460 and 7530 in "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) sum to 7 822 000 kr.',
  summary:
    "Summary rows that name accounts (`accounts`: codes, ranges, `rest`, with `except`) agree with the account rows of the `detail` table, within half a unit of the summary's unit; each account belongs to one row (an account in none is a warning).",
  document(doc, report) {
    if (doc.kind !== "plan" && doc.kind !== "report" && doc.kind !== "budget") return;
    for (const tie of tieAccounts(workTables(doc.data.tables))) {
      for (const problem of tie.problems) reportProblem(doc, tie.summary, problem, report);
      for (const sum of tie.sums) reportSum(doc, tie.summary, sum, report);
    }
  },
};
