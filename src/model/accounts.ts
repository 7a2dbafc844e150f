import type { LineRow, MoneyTable } from "../schema/table.js";
import type { Path } from "../source/locate.js";
import { isGroup, KRONOR_PER_UNIT, tableEntries, type Figure, type WorkedRow, type WorkedTable } from "./table.js";

/*
 * Summary rows tied to the accounts they sum. A summary table names a `detail` table of the same
 * document; its rows name account codes, ranges and `rest` (with `except`), each group of rows
 * in the scope of a group of the detail table (the group's `detail`) or of the whole detail
 * table. Here the accounts are matched and summed in kronor; the rule `money/accounts` words
 * what does not agree.
 */

/** What a summary row's `accounts` or `except` entry says. */
export type AccountSpec =
  | { kind: "code"; text: string; code: string; number: bigint | undefined }
  | { kind: "range"; text: string; from: bigint; to: bigint }
  | { kind: "rest"; text: string };

/** A written entry of `accounts` or `except`, where it is written. */
export interface WrittenSpec {
  spec: AccountSpec;
  path: Path;
}

/** An account row of a detail table. */
export interface DetailAccount {
  code: string;
  row: WorkedRow;
  /** Where its `account` is written. */
  path: Path;
}

/** A summary row that names accounts. */
export interface SummaryRow {
  row: WorkedRow;
  line: LineRow;
  accounts: WrittenSpec[];
  except: WrittenSpec[];
  /** Its `rest` entry, if it has one. */
  rest: WrittenSpec | undefined;
  /** The detail accounts it sums, in the detail table's order. */
  matched: DetailAccount[];
  /** Of those, the ones it sums as `rest`. */
  restMatched: DetailAccount[];
}

/** One column of the summary compared with one of the detail table. */
export interface ColumnSum {
  /** The column's index in the summary table. */
  column: number;
  /** The summary row's figure, in the summary's unit. */
  stated: Figure;
  /** The matched accounts' sum, in kronor: blank when every one is blank or none matched. */
  detailKronor: Figure;
  /** Whether the two agree within half a unit of the coarser of the two tables' units. */
  agrees: boolean;
}

/** A summary row's accounts against its figure, column by column. */
export interface RowSum {
  summary: SummaryRow;
  scope: Scope;
  columns: ColumnSum[];
}

/** The accounts of a detail table (or of one of its groups) and the summary rows that sum them. */
export interface Scope {
  detail: WorkedTable;
  /** The group of the detail table, or undefined for the whole table. */
  group: { id: string; path: Path } | undefined;
  accounts: DetailAccount[];
  rows: SummaryRow[];
}

export type AccountProblem =
  /** The table's or a group's `detail` names no other table, or no group of the detail table. */
  | { kind: "unknown-table"; path: Path; id: string; known: string[] }
  | { kind: "unknown-group"; path: Path; id: string; detail: WorkedTable; known: string[] }
  /** A group's `detail`, or a row's `accounts`, in a table without `detail`. */
  | { kind: "no-detail"; path: Path; what: "group" | "row"; row?: WorkedRow }
  /** No column of the summary has a counterpart in the detail table. */
  | { kind: "no-columns"; path: Path; detail: WorkedTable }
  | { kind: "reversed-range"; path: Path; spec: AccountSpec & { kind: "range" } }
  | { kind: "except-rest"; path: Path }
  | { kind: "except-alone"; path: Path; row: WorkedRow }
  /** A second row of one scope with `rest`. */
  | { kind: "second-rest"; path: Path; scope: Scope; row: SummaryRow; first: SummaryRow }
  /** Accounts two rows of one scope both name: reported at `second`'s entry, with `first`'s as the related place. */
  | { kind: "duplicate"; scope: Scope; codes: string[]; first: { row: SummaryRow; path: Path }; second: { row: SummaryRow; path: Path } }
  /** A detail account no row of its scope names, where no row has `rest`. */
  | { kind: "unnamed"; scope: Scope; account: DetailAccount };

export interface AccountTie {
  /** The summary table: a table with `detail` or rows with `accounts`. */
  summary: WorkedTable;
  sums: RowSum[];
  problems: AccountProblem[];
}

const NUMERIC = /^\d+$/;
const RANGE = /^(\d+)\s*[-–]\s*(\d+)$/;

/** A code as it is compared: trimmed text, and its number where it is digits only. */
export function normalCode(code: string | number): { code: string; number: bigint | undefined } {
  const text = String(code).trim();
  return { code: text, number: NUMERIC.test(text) ? BigInt(text) : undefined };
}

/** Reads an entry of `accounts` or `except`: `6560`, `7020-7699`, `rest`, or a name such as `Akt. 30`. */
export function parseSpec(written: string | number): AccountSpec {
  const text = String(written).trim();
  if (text === "rest") return { kind: "rest", text };
  const range = RANGE.exec(text);
  if (range) return { kind: "range", text, from: BigInt(range[1]!), to: BigInt(range[2]!) };
  return { kind: "code", text, ...normalCode(text) };
}

/** Whether an entry names an account: ranges and digit codes by number, other codes exactly; `rest` by no code of its own. */
export function specMatches(spec: AccountSpec, account: { code: string; number: bigint | undefined }): boolean {
  switch (spec.kind) {
    case "rest":
      return false;
    case "range":
      return account.number !== undefined && spec.from <= account.number && account.number <= spec.to;
    case "code":
      return spec.number !== undefined && account.number !== undefined ? spec.number === account.number : spec.code === account.code;
  }
}

/** Whether a summary row names an account: one of its `accounts` matches and none of its `except`. */
export function rowNames(row: Pick<SummaryRow, "accounts" | "except">, account: { code: string; number: bigint | undefined }): boolean {
  return row.accounts.some((a) => specMatches(a.spec, account)) && !row.except.some((e) => specMatches(e.spec, account));
}

const key = (path: Path) => path.map(String).join("\u0000");
const within = (path: Path, prefix: Path) => prefix.every((segment, i) => path[i] === segment);

/** The groups and subgroups of a table with an id, and where each is written. */
function groupsOf(table: MoneyTable, at: Path): Map<string, Path> {
  const found = new Map<string, Path>();
  for (const { row, path } of tableEntries(table, at)) if (isGroup(row) && row.id !== undefined && !found.has(row.id)) found.set(row.id, path);
  return found;
}

/** The account rows of a detail table within `prefix` (the table, or one of its groups). */
function accountsWithin(detail: WorkedTable, prefix: Path): DetailAccount[] {
  return detail.rows.flatMap((row) =>
    row.role === "line" && row.line?.account !== undefined && within(row.path, prefix)
      ? [{ code: normalCode(row.line.account).code, row, path: [...row.path, "account"] }]
      : [],
  );
}

/** The summary's columns paired with the detail's: the same id, else the same kind, year and party. Derived columns are left out. */
function pairColumns(summary: WorkedTable, detail: WorkedTable): [number, number][] {
  const pairs: [number, number][] = [];
  summary.columns.forEach((column, c) => {
    if (column.of) return;
    const same = detail.columns.findIndex((d) => d.id === column.id && !d.of);
    const like = detail.columns.findIndex((d) => !d.of && d.kind === column.kind && d.year === column.year && d.party === column.party);
    const d = same >= 0 ? same : like;
    if (d >= 0) pairs.push([c, d]);
  });
  return pairs;
}

/** The rows of a summary table that name accounts, each with the `detail` of its nearest group that has one. */
function summaryRows(
  table: MoneyTable,
  at: Path,
  byPath: Map<string, WorkedRow>,
): { line: LineRow; row: WorkedRow; path: Path; detail: { id: string; path: Path } | undefined }[] {
  return tableEntries(table, at).flatMap(({ row, path, groups }) => {
    if (isGroup(row) || !("accounts" in row || "except" in row)) return [];
    const worked = byPath.get(key(path));
    if (!worked?.line) return [];
    const nearest = groups.filter((g) => g.group.detail !== undefined).at(-1);
    return [{ line: worked.line, row: worked, path, detail: nearest && { id: nearest.group.detail!, path: [...nearest.path, "detail"] } }];
  });
}

/** The groups of a summary table that name a `detail` group. */
function detailGroups(table: MoneyTable, at: Path): { id: string; path: Path }[] {
  return tableEntries(table, at).flatMap(({ row, path }) => (isGroup(row) && row.detail !== undefined ? [{ id: row.detail, path: [...path, "detail"] }] : []));
}

const written = (specs: readonly (string | number)[] | undefined, at: Path): WrittenSpec[] =>
  (specs ?? []).map((s, k) => ({ spec: parseSpec(s), path: [...at, k] }));

/** Ties one summary table to its detail table: the problems of its references, then each scope's rows matched, duplicates and unnamed accounts. */
function tie(summary: WorkedTable, tables: readonly WorkedTable[]): AccountTie {
  const { table, path } = summary;
  const problems: AccountProblem[] = [];
  const sums: RowSum[] = [];
  const byPath = new Map(summary.rows.map((row) => [key(row.path), row]));
  const rows = summaryRows(table, path, byPath);

  // Entries that are wrong wherever they are.
  for (const { line, row, path: rowPath } of rows) {
    if (line.except && !line.accounts) problems.push({ kind: "except-alone", path: [...rowPath, "except"], row });
    written(line.except, [...rowPath, "except"]).forEach((e) => {
      if (e.spec.kind === "rest") problems.push({ kind: "except-rest", path: e.path });
    });
    for (const list of ["accounts", "except"] as const)
      written(line[list], [...rowPath, list]).forEach((e) => {
        if (e.spec.kind === "range" && e.spec.from > e.spec.to) problems.push({ kind: "reversed-range", path: e.path, spec: e.spec });
      });
  }

  const others = tables.filter((t) => t !== summary);
  if (table.detail === undefined) {
    for (const g of detailGroups(table, path)) problems.push({ kind: "no-detail", path: g.path, what: "group" });
    for (const r of rows) if (r.line.accounts) problems.push({ kind: "no-detail", path: [...r.path, "accounts"], what: "row", row: r.row });
    return { summary, sums, problems };
  }
  const detail = others.find((t) => t.table.id === table.detail);
  if (!detail) {
    problems.push({ kind: "unknown-table", path: [...path, "detail"], id: table.detail, known: others.map((t) => t.table.id) });
    return { summary, sums, problems };
  }
  const pairs = pairColumns(summary, detail);
  if (pairs.length === 0 && rows.some((r) => r.line.accounts)) problems.push({ kind: "no-columns", path: [...path, "columns"], detail });

  // The scopes: the whole detail table, or the groups that the summary's groups name.
  const groups = groupsOf(detail.table, detail.path);
  const scopes = new Map<string, Scope>();
  const scopeOf = (named: { id: string; path: Path } | undefined): Scope | undefined => {
    const id = named?.id ?? "";
    const existing = scopes.get(id);
    if (existing) return existing;
    const groupPath = named ? groups.get(named.id) : detail.path;
    if (!groupPath) return undefined;
    const scope: Scope = { detail, group: named ? { id: named.id, path: groupPath } : undefined, accounts: accountsWithin(detail, groupPath), rows: [] };
    scopes.set(id, scope);
    return scope;
  };
  for (const g of detailGroups(table, path))
    if (!groups.has(g.id)) problems.push({ kind: "unknown-group", path: g.path, id: g.id, detail, known: [...groups.keys()] });

  for (const r of rows) {
    if (!r.line.accounts) continue;
    const scope = scopeOf(r.detail);
    if (!scope) continue;
    const accounts = written(r.line.accounts, [...r.path, "accounts"]);
    scope.rows.push({
      row: r.row,
      line: r.line,
      accounts: accounts.filter((a) => a.spec.kind !== "rest"),
      except: written(r.line.except, [...r.path, "except"]).filter((e) => e.spec.kind !== "rest"),
      rest: accounts.find((a) => a.spec.kind === "rest"),
      matched: [],
      restMatched: [],
    });
  }

  for (const scope of scopes.values()) {
    const named = (account: DetailAccount) => scope.rows.some((row) => rowNames(row, normalCode(account.code)));
    const restRows = scope.rows.filter((row) => row.rest);
    for (const row of scope.rows) {
      const explicit = scope.accounts.filter((a) => rowNames(row, normalCode(a.code)));
      const rest =
        row.rest && row === restRows[0] ? scope.accounts.filter((a) => !named(a) && !row.except.some((e) => specMatches(e.spec, normalCode(a.code)))) : [];
      row.matched = scope.accounts.filter((a) => explicit.includes(a) || rest.includes(a));
      row.restMatched = rest;
    }
    for (const row of restRows.slice(1)) problems.push({ kind: "second-rest", path: row.rest!.path, scope, row, first: restRows[0]! });
    problems.push(...duplicates(scope));
    if (restRows.length === 0) for (const account of scope.accounts) if (!named(account)) problems.push({ kind: "unnamed", scope, account });

    const factor = KRONOR_PER_UNIT[table.unit];
    const tolerance = (factor > KRONOR_PER_UNIT[detail.table.unit] ? factor : KRONOR_PER_UNIT[detail.table.unit]) / 2n;
    for (const row of scope.rows) {
      if (row.rest && row !== restRows[0] && row.accounts.length === 0) continue;
      const columns = pairs.map(([c, d]): ColumnSum => {
        const stated = row.row.cells[c]!.shown;
        let total: bigint | undefined;
        for (const account of row.matched) {
          const figure = account.row.cells[d]!.shown;
          if (figure !== undefined) total = (total ?? 0n) + figure * KRONOR_PER_UNIT[detail.table.unit];
        }
        const agrees =
          stated === undefined || total === undefined ? stated === total : stated * factor - total <= tolerance && total - stated * factor <= tolerance;
        return { column: c, stated, detailKronor: total, agrees };
      });
      sums.push({ summary: row, scope, columns });
    }
  }
  return { summary, sums, problems };
}

/** The accounts two rows of a scope both name (among the detail's accounts and the single codes the rows write), one problem per pair of entries. */
function duplicates(scope: Scope): AccountProblem[] {
  const codes = new Map<string, { code: string; number: bigint | undefined }>();
  const add = (code: string) => {
    const normal = normalCode(code);
    codes.set(normal.number !== undefined ? normal.number.toString() : normal.code, normal);
  };
  for (const account of scope.accounts) add(account.code);
  for (const row of scope.rows) for (const a of row.accounts) if (a.spec.kind === "code") add(a.spec.code);

  const found = new Map<string, Extract<AccountProblem, { kind: "duplicate" }>>();
  for (const code of codes.values()) {
    const naming = scope.rows.filter((row) => rowNames(row, code));
    if (naming.length < 2) continue;
    const entry = (row: SummaryRow) => row.accounts.find((a) => specMatches(a.spec, code))!.path;
    const [first, ...rest] = naming;
    for (const second of rest) {
      const at = { first: { row: first!, path: entry(first!) }, second: { row: second, path: entry(second) } };
      const id = `${key(at.first.path)}|${key(at.second.path)}`;
      const problem = found.get(id) ?? { kind: "duplicate" as const, scope, codes: [], ...at };
      problem.codes.push(code.code);
      found.set(id, problem);
    }
  }
  return [...found.values()];
}

/**
 * Every summary table of a document (a table with `detail`, or with rows that name accounts)
 * tied to its detail table. `worked` are the document's tables as `workTables` gives them.
 */
export function tieAccounts(worked: readonly WorkedTable[]): AccountTie[] {
  const namesAccounts = (t: WorkedTable) => t.rows.some((row) => row.line?.accounts !== undefined || row.line?.except !== undefined);
  return worked.filter((t) => t.table.detail !== undefined || namesAccounts(t) || detailGroups(t.table, t.path).length > 0).map((t) => tie(t, worked));
}
