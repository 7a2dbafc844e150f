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

/** Any document: the union of the kinds' schemas, told apart by `kind` (the JSON Schema of an editor). */
export const anyDocument = z.discriminatedUnion("kind", Object.values(documentSchemas) as [DocumentSchema, ...DocumentSchema[]]);

type DocumentSchema = (typeof documentSchemas)[DocumentKind];

/** The data of each kind of document, as its schema gives it. */
export type DocumentData = { [K in DocumentKind]: z.infer<(typeof documentSchemas)[K]> };
