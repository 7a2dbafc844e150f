import { t, type Message } from "../format/message.js";
import type { DocumentKind } from "../schema/index.js";

/** "this plan", "this memo": the document a message is about, by its kind (in Swedish "den här verksamhetsplanen"). */
export const THIS_KIND: Record<DocumentKind, Message> = {
  agreement: t`this agreement`,
  plan: t`this plan`,
  report: t`this report`,
  memo: t`this memo`,
  budget: t`this budget`,
  meeting: t`this meeting`,
  strategy: t`this strategy`,
  "multi-year-plan": t`this multi-year plan`,
  "action-plan": t`this action plan`,
  "follow-up": t`this follow-up`,
  form: t`this form`,
  fund: t`this fund`,
  allocation: t`this allocation`,
  "internal-control": t`this internal-control plan`,
  indicator: t`this indicator`,
};
