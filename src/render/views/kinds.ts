import type { Entry } from "../../model/repository.js";
import type { DocumentData, DocumentKind } from "../../schema/index.js";
import { agreementView } from "./agreement.js";
import { allocationView } from "./allocation.js";
import { budgetView } from "./budget-document.js";
import type { PageView, ViewContext } from "./common.js";
import { formView } from "./form.js";
import { fundView } from "./fund.js";
import { actionPlanView, followUpView, multiYearPlanView, strategyView } from "./hierarchy.js";
import { indicatorView } from "./indicator.js";
import { internalControlView } from "./internal-control.js";
import { meetingView } from "./meeting.js";
import { memoView } from "./memo.js";
import { planView } from "./plan.js";
import { reportView } from "./report.js";

/** What the site makes of a kind of document (the render layer's part of its declaration; the rest is `KINDS` in schema/index.ts). */
export interface KindPage<K extends DocumentKind> {
  /** The document's page. */
  view: (ctx: ViewContext, entry: Entry<K>, at: string) => PageView;
  /** Whether the index's line of what the repository holds (`2 samverkansavtal, 3 verksamhetsplaner …`) counts the kind. */
  counted: boolean;
  /** The fields of its data the index shows nothing of (long lists): a change to them leaves the index as it was (see `indexFacts`). */
  notInIndex?: readonly (keyof DocumentData[K])[];
}

/**
 * The page of each kind of document, declared once. A kind without one fails to compile, and
 * test/kinds.test.ts walks every kind through this table and `KINDS`. The index counts the kinds
 * in the order of this table.
 */
export const KIND_PAGES: { [K in DocumentKind]: KindPage<K> } = {
  agreement: { view: agreementView, counted: true },
  plan: { view: planView, counted: true, notInIndex: ["goals", "interventions", "budget", "totals", "tables"] },
  memo: { view: memoView, counted: true },
  report: { view: reportView, counted: true, notInIndex: ["outcome", "goals", "carryOver", "tables"] },
  // The indicators have a list of their own in the index.
  indicator: { view: indicatorView, counted: false, notInIndex: ["baseline", "targets", "values"] },
  budget: { view: budgetView, counted: true, notInIndex: ["tables"] },
  meeting: { view: meetingView, counted: true },
  strategy: { view: strategyView, counted: true },
  "multi-year-plan": { view: multiYearPlanView, counted: true },
  "action-plan": { view: actionPlanView, counted: true, notInIndex: ["activities"] },
  "follow-up": { view: followUpView, counted: true, notInIndex: ["goals", "actionPlans"] },
  form: { view: formView, counted: true },
  fund: { view: fundView, counted: true },
  allocation: { view: allocationView, counted: true },
  "internal-control": { view: internalControlView, counted: true },
};

/** The page of a document, by the view of its kind. */
export const pageOf = <K extends DocumentKind>(ctx: ViewContext, entry: Entry<K>, at: string): PageView => KIND_PAGES[entry.kind].view(ctx, entry, at);
