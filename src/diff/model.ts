import type { DocumentKind } from "../schema/index.js";

/** What `plan diff` found: plain data, which the text, markdown and JSON formats only render. */
export interface DiffResult {
  base: RevisionInfo;
  head: RevisionInfo;
  /** Names of the parties that appear below, by id. */
  parties: Record<string, { name: string; short: string | undefined }>;
  /** Documents added, removed, changed or moved; plan.config.yaml and data files too. */
  documents: DocumentChange[];
  /** Files whose text changed without a change in meaning (reordered lines, comments, line breaks). */
  editedOnly: string[];
  /** Each party's total per agreement and year, where a plan changed. */
  money: AgreementYear[];
  /** Whether each changed plan keeps its agreement's split. */
  splits: SplitCheck[];
  /** Problems `plan check` finds in head but not in base. */
  problems: NewProblem[];
  /** How many of the repository's files were read to look for problems (those that changed and those related to them). */
  scope: { checked: number; total: number };
}

export interface RevisionInfo {
  /** As the user named it, e.g. `main`, `HEAD~1`, `working tree`. */
  name: string;
  /** The commit, or `null` for the working tree. */
  commit: string | null;
  /** For the common ancestor of a range `A...B` (or of HEAD and the default branch): the two revisions, as the user named them. */
  mergeBaseOf?: [string, string];
}

export type DocumentStatus = "added" | "removed" | "changed" | "moved";

export interface DocumentChange {
  id: string;
  /** The id in base, where it differs (a renamed file whose id is its path). */
  idBefore?: string;
  /** The kind of document; `config` and `data` for plan.config.yaml and data files, `unknown` where it cannot be read. */
  kind: DocumentKind | "config" | "data" | "unknown";
  title: string;
  /** `moved` is a move alone; a document that moved and changed is `changed` with `pathBefore`. */
  status: DocumentStatus;
  /** Path from the repository root, in head (in base for a removed document). */
  path: string;
  pathBefore?: string;
  /** Where the document could not be read or validated; `plan check` says why. */
  invalid?: "base" | "head" | "both";
  /** Budget lines changed (plans), matched by id. */
  budget: LineChange[];
  /** Outcome (utfall) lines changed (reports), matched by budget line. */
  outcome: LineChange[];
  /** Money tables (`tables:` of plans, reports and budgets) added, removed or changed, matched by id. */
  tables: TableChange[];
  /** Goals, interventions, indicators used, goal follow-ups: added, removed, renamed or changed. */
  items: ItemChange[];
  /** Other fields of the frontmatter: status, dnr, dates, decision, contributions, … */
  fields: FieldChange[];
  /** Prose sections of the body. */
  sections: SectionChange[];
  /** An allocation (`kind: allocation`): what a changed input, weight or amount does to each member's amount. */
  allocation?: AllocationChange;
}

/** The amounts of an allocation, member by member, before and after: the inputs that changed are among the fields. */
export interface AllocationChange {
  /** Each member whose amount changed, in the order of head's members; `null` where it had none (no member then, or the key gave no amounts there). */
  members: PartyAmount[];
  /** The amount allocated: the sum of the members' amounts, `null` where the key gave none. */
  total: Amounts;
}

export type Value = string | number | boolean | null;

export interface FieldChange {
  /** Dotted path, with list items by their key: `decision.date`, `contributions[lerum].amount`. */
  field: string;
  /** `undefined`: the field is not there. */
  before: Value | undefined;
  after: Value | undefined;
  /** The values are kronor. */
  money?: boolean;
  /** A word-level diff, for long texts. */
  words?: WordPart[];
}

export interface WordPart {
  op: "=" | "+" | "-";
  text: string;
}

export interface Amounts {
  /** `null` is an empty cell (or no line), which is not 0. */
  before: number | null;
  after: number | null;
  /** after − before, empty cells counting as 0. */
  difference: number;
}

export interface PartyAmount extends Amounts {
  party: string;
}

export interface LineChange {
  id: string;
  title: string;
  change: "added" | "removed" | "changed";
  /** The parties whose amount changed. */
  parties: PartyAmount[];
  /** The line's total. */
  total: Amounts;
  /** Other changes on the line: title, financing, note, intervention, … */
  fields: FieldChange[];
}

/** A money table added, removed or changed: in money (its cells, in the table's unit) and in meaning (unit, sign convention, rows moved). */
export interface TableChange {
  /** The table's id (in head; in base for a removed table). */
  id: string;
  idBefore?: string;
  caption: string;
  change: "added" | "removed" | "changed";
  unit: string;
  /** The unit in base, where it changed: the figures of the two are not comparable cell by cell. */
  unitBefore?: string;
  /** Other fields of the table: caption, stub, perspective, note, detail. */
  fields: FieldChange[];
  columns: ColumnChange[];
  /** Rows added, removed, moved between groups, renamed or with changed figures; totals and formula rows among them. */
  rows: RowChange[];
}

export interface ColumnChange {
  id: string;
  label: string;
  labelBefore?: string;
  change: "added" | "removed" | "changed";
  /** kind, year, party, label, `of` as changed. */
  fields: FieldChange[];
  /** A deviation whose `of` changed: what it subtracts now and before, in the columns' headings. */
  convention?: {
    before: string;
    after: string;
    /** Whether `of` is the same two columns the other way round; then the cells whose sign turned with it are no change. */
    reversed: boolean;
    /** Cells whose figure turned its sign with the convention (no change in meaning), and those that did not. */
    turned: number;
    notTurned: number;
  };
}

export type TableRowRole = "line" | "memo" | "formula" | "total" | "heading";

export interface RowChange {
  /** The row's id, or its group's for a total. */
  id?: string;
  label: string;
  labelBefore?: string;
  role: TableRowRole;
  roleBefore?: TableRowRole;
  change: "added" | "removed" | "changed";
  /** The group the row is in (its total's label, else its heading, else its id); `null` at the table's top level. For a moved row, where it was before. */
  group: string | null;
  moved?: { from: string | null; to: string | null };
  /** Figures that changed, or for an added or removed row those it has. */
  cells: CellChange[];
}

export interface CellChange {
  /** The column's id and heading (in head; in base for a removed row). */
  column: string;
  label: string;
  /** In the table's unit (in base's and head's unit where the unit changed); `null` is a blank cell, which is not 0. */
  before: number | null;
  after: number | null;
  /** after − before in the table's unit; `null` where either is blank or the unit changed. In a deviation whose convention turned (`of` reversed), after − (−before): the change read the new way. */
  difference: number | null;
}

export interface ItemChange {
  what: "goal" | "intervention" | "indicator" | "goal follow-up";
  id: string;
  idBefore?: string;
  title: string;
  titleBefore?: string;
  change: "added" | "removed" | "renamed" | "changed";
  fields: FieldChange[];
}

export interface SectionChange {
  /** Headings from the top, joined with ` › `; empty before the first heading. */
  heading: string;
  headingBefore?: string;
  change: "added" | "removed" | "renamed" | "changed";
  paragraphs: ParagraphChange[];
}

export interface ParagraphChange {
  change: "added" | "removed" | "changed";
  before?: string;
  after?: string;
  words?: WordPart[];
}

export interface AgreementYear {
  agreement: string;
  title: string;
  year: number;
  /** The plans of the agreement and year, in head (or base). */
  plans: string[];
  parties: (PartyAmount & { contribution: number | null })[];
  /** Income that is no party's contribution (budget lines with `income`), where either side has any. */
  income?: Amounts;
  /** The parties' and the income's sum. */
  total: Amounts;
}

export interface SplitCheck {
  plan: string;
  agreement: string;
  /** The split in words: `equally`, `in shares hsn-vast 60 : lerum 40`. */
  rule: string;
  /** Whether base kept it; `null` where the plan or its agreement was not in base. */
  before: boolean | null;
  after: boolean;
  /** Each financier's total in head (`null` where it has no amount) and its share under the split (rounded down to whole kronor). */
  parties: { party: string; amount: number | null; expected: number }[];
}

export interface NewProblem {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  ruleId: string;
  message: string;
  fix: string | null;
}

/** Whether the result has any difference (for `--exit-code`). */
export const hasDifferences = (result: DiffResult) => result.documents.length > 0;

export function documentCounts(result: DiffResult) {
  const docs = result.documents;
  return {
    added: docs.filter((d) => d.status === "added").length,
    removed: docs.filter((d) => d.status === "removed").length,
    changed: docs.filter((d) => d.status === "changed").length,
    moved: docs.filter((d) => d.pathBefore !== undefined).length,
  };
}
