/** The one shape every table on every page is rendered from (`partials/table.hbs`). */

export interface MarkerView {
  symbol: string;
  /** Id of the note it points at. */
  target: string;
}

export interface CellView {
  text: string;
  /** `th` for a header cell (with its scope), `td` for data. */
  tag: "th" | "td";
  /** A header cell. */
  th?: boolean;
  scope?: "row" | "col" | "rowgroup" | "colgroup";
  colspan?: number;
  rowspan?: number;
  /** An amount: right-aligned, tabular figures. */
  num?: boolean;
  href?: string;
  /** Smaller second line, e.g. a remark on a budget line. */
  detail?: string;
  marker?: MarkerView;
  /** A symbol shown before the text, hidden from screen readers because the text says the same. */
  symbol?: string;
}

export interface RowView {
  cells: CellView[];
  /** `total` for a total row, `group` for a group's heading row, `memo` for a memo row (a part of the total above it, in italics). */
  kind?: "total" | "group" | "memo";
}

export interface NoteView {
  id: string;
  symbol: string;
  text: string;
}

export interface TableView {
  caption: string;
  /** The caption is for screen readers only: a heading right above says the same. */
  captionHidden?: boolean;
  className?: string;
  head: RowView[];
  /** One `<tbody>` per group of rows. */
  bodies: RowView[][];
  notes?: NoteView[];
}

export const th = (text: string, scope: CellView["scope"] = "row", extra: Partial<CellView> = {}): CellView => ({ text, tag: "th", th: true, scope, ...extra });
export const td = (text: string, extra: Partial<CellView> = {}): CellView => ({ text, tag: "td", ...extra });
export const num = (text: string, extra: Partial<CellView> = {}): CellView => ({ text, tag: "td", num: true, ...extra });
