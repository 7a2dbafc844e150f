/** A table of a roll-up: the one shape that text, CSV, JSON and HTML output all render. */
export interface Column {
  key: string;
  label: string;
  /** Amounts in kronor, right-aligned and formatted. */
  money?: boolean;
}

export type Cell = string | number | undefined;

export interface Row {
  cells: Record<string, Cell>;
  /** A total or subtotal row. */
  total?: boolean;
}

export interface Table {
  /** A stable name, used for CSV file names: `lerum-plan-2019-per-party`. */
  name: string;
  caption: string;
  columns: Column[];
  rows: Row[];
}

/** A cell of kronor: the amount, or blank (`undefined`) for a sum of blanks, which is not 0. */
export const kronorCell = (value: bigint | undefined): number | undefined => (value === undefined ? undefined : exactNumber(value));

/** Converts an exact sum (in kronor, or in a table's `unit`) to a number; a sum beyond the safe range would be silently wrong, so it stops instead. */
export function exactNumber(value: bigint, unit: string = "kr"): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`a sum of ${value} ${unit} is beyond the range that can be shown exactly`);
  }
  return Number(value);
}

/** A roll-up's file name from a document's or party's id: `lerum/plan-2019` → `lerum-plan-2019`. */
export const slug = (id: string) =>
  id
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
