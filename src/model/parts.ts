import { betweenMarkers } from "../format/text.js";
import { t, type Message } from "../format/message.js";
import type { DocumentKind } from "../schema/index.js";

/**
 * The parts `plan build` generates for a document's page, by kind, and the directives that place
 * them in the markdown body (`::budget` on a line of its own). One table: the check
 * (`body/directive`), the views that render the parts and the README's list read it.
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

const tables: PartInfo[] = [
  { name: "tables", summary: "Every money table of the document (`tables:`), under one heading (Ekonomi; a budget: Budget and its year)." },
  {
    name: "table",
    summary: "One money table, by its id; its caption heads it.",
    pick: { attribute: "id", names: t`a table of \`tables:\``, example: "::table{#drift}" },
    of: "tables",
  },
];

/** The parts of each kind of document, in the order a page shows them when its body places none. */
export const PARTS: Record<DocumentKind, readonly PartInfo[]> = {
  plan: [
    { name: "goals", summary: "The goals, by level (national, regional, local by area), each with its focus and indicators." },
    {
      name: "goals",
      summary: "The local goals of one area, as a list without heading (for the goals under a principle's own text).",
      pick: { attribute: "area", names: t`the \`area\` of a local goal`, example: '::goals{area="Hälsa"}' },
      of: "goals",
    },
    { name: "budget", summary: "The joint budget: the total per party, how the split is met, and the budget per intervention area and line." },
    { name: "carry-over", summary: "The work and money carried over from earlier years (budget lines of `type: carry-over`)." },
    { name: "interventions", summary: "One card per intervention: area, goals, what and how, budget, indicators and follow-up." },
    {
      name: "intervention",
      summary: "The card of one intervention, by its id (under the heading of its own section).",
      pick: { attribute: "id", names: t`an intervention of \`interventions:\``, example: "::intervention{#plattform-lerum}" },
      of: "interventions",
    },
    ...tables,
  ],
  agreement: [
    { name: "financing", summary: "Finansiering: the split, the contributions per party and year, and a per-inhabitant split's figures." },
    { name: "plans", summary: "The plans under the agreement, by year, with their status, reports and memos." },
  ],
  report: [
    { jointPlan: true, name: "outcome", summary: "Budget, utfall and avvikelse per party and budget line, with the comments on the utfall." },
    { jointPlan: true, name: "goals", summary: "Måluppfyllelse: each goal of the plan with its assessment." },
    { jointPlan: true, name: "indicators", summary: "The indicators of the plan's goals and interventions, with their values." },
    { jointPlan: true, name: "carry-over", summary: "Överföring till kommande år: the money carried over to later years." },
    ...tables,
  ],
  budget: tables,
  indicator: [
    { name: "values", summary: "The indicator's values: a table and a chart." },
    { name: "plans", summary: "The plans whose goals or interventions use the indicator." },
  ],
  // The memo's sections are its own (Förslag till beslut, Ekonomi, Jämställdhet…): it places no parts.
  memo: [],
  // A kallelse's items and lists are its frontmatter's, printed in the seed's order: it places no parts.
  meeting: [],
  // A plan hierarchy (seed 004): each level with its goals and the level below it.
  strategy: [
    { name: "goals", summary: "The strategy's goals." },
    { name: "plans", summary: "The multi-year plans under the strategy, with their periods and status." },
  ],
  "multi-year-plan": [
    { name: "goals", summary: "The plan's goals, each with the strategy's goals it works towards." },
    { name: "action-plans", summary: "The action plans that carry out the plan, with their periods, and the plan's yearly follow-ups." },
  ],
  "action-plan": [
    { name: "goals", summary: "The action plan's goals, each with the plan's goals it works towards." },
    { name: "activities", summary: "The activities: a table of each activity, its goals, its years and who carries it out." },
  ],
  "follow-up": [
    { name: "status", summary: "The status of each action plan and activity of the year, in text and symbol, rolled up to the action plans and the plan." },
    { name: "goals", summary: "The status of the plan's and the action plans' goals, with their comments." },
  ],
  // A form's headings are the sections of its documents; it places where a memo's signatures go.
  form: [{ name: "signatures", summary: "In a form for memos: where the memo's signatures go among its sections (default: after the last)." }],
  fund: [
    {
      name: "ledger",
      summary: "The fund's ledger per year: the balance at the start, what is set aside, granted and repaid, and the balance at the end.",
    },
    { name: "applications", summary: "The list of applications: title, sector, actors, amount granted per year, decision and status." },
    { name: "evaluations", summary: "Per application: its purpose, the actors working together and the plan for evaluating its effect." },
    {
      name: "evaluation",
      summary: "The purpose, actors and effect evaluation of one application, by its id (under the heading of its own section).",
      pick: { attribute: "id", names: t`an application of \`applications:\``, example: "::evaluation{#fotosyntes}" },
      of: "evaluations",
    },
  ],
  allocation: [
    {
      name: "allocation",
      summary:
        "The allocation: per member its figure in each measure, its share and its amount in whole kronor, a total row, and the key's weights and sources.",
    },
  ],
  "internal-control": [
    { name: "risks", summary: "The table of risks: each process, what is checked, its score (probability × consequence), who checks it and the result." },
    { name: "scale", summary: "The organisation's scale for the score: the levels of probability and of consequence." },
  ],
};

/** The part a directive names in a document of `kind`: the picking form where it gives the attribute, else the whole. */
export function partOf(kind: DocumentKind, name: string, attributes: Record<string, string>): PartInfo | undefined {
  const candidates = PARTS[kind].filter((p) => p.name === name);
  return candidates.find((p) => p.pick && p.pick.attribute in attributes) ?? candidates.find((p) => !p.pick) ?? candidates[0];
}

/** The distinct directive names of a kind, in order. */
export const partNames = (kind: DocumentKind): string[] => [...new Set(PARTS[kind].map((p) => p.name))];

export const PARTS_START = "<!-- parts:start (written by `npm run rules-table` from src/model/parts.ts) -->";
export const PARTS_END = "<!-- parts:end -->";

/** The README's list of directives, one table row per part and kind. */
export function partsTable(): string {
  const rows = Object.entries(PARTS).flatMap(([kind, parts]) =>
    parts.map((p) => {
      const directive = p.pick ? p.pick.example : `::${p.name}`;
      return `| \`${kind}\` | \`${directive}\` | ${p.summary.replace(/\|/g, "\\|")} |`;
    }),
  );
  return ["| Kind | Directive | What it places |", "|---|---|---|", ...rows].join("\n");
}

/** `readme` with the text between the markers replaced by the list; `undefined` when the markers are missing. */
export function withPartsTable(readme: string): string | undefined {
  return betweenMarkers(readme, PARTS_START, PARTS_END, partsTable());
}
