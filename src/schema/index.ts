import { z } from "zod";
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
import type { DocumentKind } from "./kinds.js";
import { actionPlan, followUp, multiYearPlan, strategy } from "./hierarchy.js";

export { config } from "./config.js";
export { koladaData, KOLADA_FOLDER } from "./kolada.js";

export { documentKinds, type DocumentKind } from "./kinds.js";

/** One zod schema per kind of document, as Astro has one per collection. */
export const documentSchemas = {
  agreement,
  plan,
  report,
  memo,
  indicator,
  budget,
  meeting,
  strategy,
  "multi-year-plan": multiYearPlan,
  "action-plan": actionPlan,
  "follow-up": followUp,
  form,
  fund,
  allocation,
  "internal-control": internalControl,
} as const satisfies Record<DocumentKind, z.ZodType>;

export const anyDocument = z.discriminatedUnion("kind", [
  agreement,
  plan,
  report,
  memo,
  indicator,
  budget,
  meeting,
  strategy,
  multiYearPlan,
  actionPlan,
  followUp,
  form,
  fund,
  allocation,
  internalControl,
]);

export type DocumentData = {
  agreement: z.infer<typeof agreement>;
  plan: z.infer<typeof plan>;
  report: z.infer<typeof report>;
  memo: z.infer<typeof memo>;
  indicator: z.infer<typeof indicator>;
  budget: z.infer<typeof budget>;
  meeting: z.infer<typeof meeting>;
  strategy: z.infer<typeof strategy>;
  "multi-year-plan": z.infer<typeof multiYearPlan>;
  "action-plan": z.infer<typeof actionPlan>;
  "follow-up": z.infer<typeof followUp>;
  form: z.infer<typeof form>;
  fund: z.infer<typeof fund>;
  allocation: z.infer<typeof allocation>;
  "internal-control": z.infer<typeof internalControl>;
};
