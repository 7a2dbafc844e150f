import { z } from "zod";
import { agreement } from "./agreement.js";
import { indicator } from "./indicator.js";
import { memo } from "./memo.js";
import { plan } from "./plan.js";
import { report } from "./report.js";

export { config } from "./config.js";
export { koladaData, KOLADA_FOLDER } from "./kolada.js";

/** One zod schema per kind of document, as Astro has one per collection. */
export const documentSchemas = { agreement, plan, report, memo, indicator } as const;
export type DocumentKind = keyof typeof documentSchemas;
export const documentKinds = Object.keys(documentSchemas) as DocumentKind[];

export const anyDocument = z.discriminatedUnion("kind", [agreement, plan, report, memo, indicator]);

export type DocumentData = {
  agreement: z.infer<typeof agreement>;
  plan: z.infer<typeof plan>;
  report: z.infer<typeof report>;
  memo: z.infer<typeof memo>;
  indicator: z.infer<typeof indicator>;
};
