import { z } from "zod";
import { t } from "../format/message.js";
import { agreement } from "./agreement.js";
import { allocation } from "./allocation.js";
import { budget } from "./budget.js";
import { fund } from "./fund.js";
import { indicator } from "./indicator.js";
import { internalControl } from "./internal-control.js";
import { meeting } from "./meeting.js";
import { memo } from "./memo.js";
import { plan } from "./plan.js";
import { report } from "./report.js";
import { form } from "./form.js";
import { documentKinds, type DocumentKind } from "./kinds.js";
import { TABLE_PARTS, type PartInfo } from "./parts.js";
import { KIND } from "../vocabulary.js";
import { actionPlan, followUp, multiYearPlan, strategy } from "./hierarchy.js";

export { config } from "./config.js";
export { koladaData, KOLADA_FOLDER } from "./kolada.js";

export { documentKinds, type DocumentKind } from "./kinds.js";
export type { PartInfo } from "./parts.js";

/**
 * Each kind of document, declared once: its schema (as Astro has one per collection), the name
 * of its list in a repository (`repository.plans`), what it is called (src/vocabulary.ts) and
 * the parts its page generates, which its body may place (`::goals`). The schemas, the
 * repository's lists, the check of directives and the README derive from this table; the page
 * of each kind is the render layer's (`KIND_PAGES` in render/views/kinds.ts), the one table of
 * the layers above. A kind added to `documentKinds` (kinds.ts) without an entry here fails to
 * compile, and test/kinds.test.ts walks every kind through both tables.
 */
export const KINDS = {
  agreement: {
    schema: agreement,
    list: "agreements",
    label: KIND.agreement,
    parts: [
      { name: "financing", summary: "Finansiering: the split, the contributions per party and year, and a per-inhabitant split's figures." },
      { name: "plans", summary: "The plans under the agreement, by year, with their status, reports and memos." },
    ],
  },
  plan: {
    schema: plan,
    list: "plans",
    label: KIND.plan,
    parts: [
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
      ...TABLE_PARTS,
    ],
  },
  report: {
    schema: report,
    list: "reports",
    label: KIND.report,
    parts: [
      { jointPlan: true, name: "outcome", summary: "Budget, utfall and avvikelse per party and budget line, with the comments on the utfall." },
      { jointPlan: true, name: "goals", summary: "Måluppfyllelse: each goal of the plan with its assessment." },
      { jointPlan: true, name: "indicators", summary: "The indicators of the plan's goals and interventions, with their values." },
      { jointPlan: true, name: "carry-over", summary: "Överföring till kommande år: the money carried over to later years." },
      ...TABLE_PARTS,
    ],
  },
  memo: {
    schema: memo,
    list: "memos",
    label: KIND.memo,
    // The memo's sections are its own (Förslag till beslut, Ekonomi, Jämställdhet…): it places no parts.
    parts: [],
  },
  indicator: {
    schema: indicator,
    list: "indicators",
    label: KIND.indicator,
    parts: [
      { name: "values", summary: "The indicator's values: a table and a chart." },
      { name: "plans", summary: "The plans whose goals or interventions use the indicator." },
    ],
  },
  budget: {
    schema: budget,
    list: "budgets",
    label: KIND.budget,
    parts: TABLE_PARTS,
  },
  meeting: {
    schema: meeting,
    list: "meetings",
    label: KIND.meeting,
    // A kallelse's items and lists are its frontmatter's, printed in the seed's order: it places no parts.
    parts: [],
  },
  strategy: {
    schema: strategy,
    list: "strategies",
    label: KIND.strategy,
    // A plan hierarchy (seed 004): each level with its goals and the level below it.
    parts: [
      { name: "goals", summary: "The strategy's goals." },
      { name: "plans", summary: "The multi-year plans under the strategy, with their periods and status." },
    ],
  },
  "multi-year-plan": {
    schema: multiYearPlan,
    list: "multiYearPlans",
    label: KIND["multi-year-plan"],
    parts: [
      { name: "goals", summary: "The plan's goals, each with the strategy's goals it works towards." },
      { name: "action-plans", summary: "The action plans that carry out the plan, with their periods, and the plan's yearly follow-ups." },
    ],
  },
  "action-plan": {
    schema: actionPlan,
    list: "actionPlans",
    label: KIND["action-plan"],
    parts: [
      { name: "goals", summary: "The action plan's goals, each with the plan's goals it works towards." },
      { name: "activities", summary: "The activities: a table of each activity, its goals, its years and who carries it out." },
    ],
  },
  "follow-up": {
    schema: followUp,
    list: "followUps",
    label: KIND["follow-up"],
    parts: [
      { name: "status", summary: "The status of each action plan and activity of the year, in text and symbol, rolled up to the action plans and the plan." },
      { name: "goals", summary: "The status of the plan's and the action plans' goals, with their comments." },
    ],
  },
  form: {
    schema: form,
    list: "forms",
    label: KIND.form,
    // A form's headings are the sections of its documents; it places where a memo's signatures go.
    parts: [{ name: "signatures", summary: "In a form for memos: where the memo's signatures go among its sections (default: after the last)." }],
  },
  fund: {
    schema: fund,
    list: "funds",
    label: KIND.fund,
    parts: [
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
  },
  allocation: {
    schema: allocation,
    list: "allocations",
    label: KIND.allocation,
    parts: [
      {
        name: "allocation",
        summary:
          "The allocation: per member its figure in each measure, its share and its amount in whole kronor, a total row, and the key's weights and sources.",
      },
    ],
  },
  "internal-control": {
    schema: internalControl,
    list: "internalControls",
    label: KIND["internal-control"],
    parts: [
      { name: "risks", summary: "The table of risks: each process, what is checked, its score (probability × consequence), who checks it and the result." },
      { name: "scale", summary: "The organisation's scale for the score: the levels of probability and of consequence." },
    ],
  },
} as const satisfies { [K in DocumentKind]: KindDeclaration<K> };

/** What a kind of document declares (see `KINDS`). */
export interface KindDeclaration<K extends DocumentKind> {
  /** What a document of the kind holds, validated: its frontmatter. */
  schema: z.ZodType;
  /** The name of the repository's list of documents of the kind (`repository.plans`). */
  list: string;
  /** What the kind is called, in Swedish (src/vocabulary.ts). */
  label: (typeof KIND)[K];
  /** The parts its page generates, in the order a page shows them when its body places none. */
  parts: readonly PartInfo[];
}

/** One zod schema per kind of document (see `KINDS`): what the check validates with and the references are read from. */
export const documentSchemas = Object.fromEntries(documentKinds.map((kind) => [kind, KINDS[kind].schema])) as {
  [K in DocumentKind]: (typeof KINDS)[K]["schema"];
};

/** Any document: the union of the kinds' schemas, told apart by `kind` (the JSON Schema of an editor). */
export const anyDocument = z.discriminatedUnion("kind", Object.values(documentSchemas) as [DocumentSchema, ...DocumentSchema[]]);

type DocumentSchema = (typeof documentSchemas)[DocumentKind];

/** The data of each kind of document, as its schema gives it. */
export type DocumentData = { [K in DocumentKind]: z.infer<(typeof documentSchemas)[K]> };
