import { t, type Message } from "../format/message.js";

/**
 * The parts `plan build` generates for a document's page, and the directives that place them in
 * the markdown body (`::budget` on a line of its own). Each kind declares its own (`KINDS` in
 * index.ts); the check (`body/directive`), the views that render the parts and the README's list
 * read them (model/parts.ts).
 */
export interface PartInfo {
  /** The directive's name: `::goals`. */
  name: string;
  /** What the part shows, for the README and the check's messages. */
  summary: string;
  /** The attribute that picks one item (`#id` is the attribute `id`), and what it names; the part then shows that item only. */
  pick?: { attribute: "id" | "area"; names: Message; example: string };
  /** The part that shows everything this one picks from: the two placed together would show an item twice. */
  of?: string;
  /** A report's part that only the report of a joint plan (`plan`) has; a board's own report (`organisation`) has no plan to follow up. */
  jointPlan?: true;
}

/** The money tables of a document (`tables:`), whole or one by one: the parts of every kind that has tables. */
export const TABLE_PARTS: readonly PartInfo[] = [
  { name: "tables", summary: "Every money table of the document (`tables:`), under one heading (Ekonomi; a budget: Budget and its year)." },
  {
    name: "table",
    summary: "One money table, by its id; its caption heads it.",
    pick: { attribute: "id", names: t`a table of \`tables:\``, example: "::table{#drift}" },
    of: "tables",
  },
];
