const KINDS = [
  "agreement",
  "plan",
  "report",
  "memo",
  "indicator",
  "budget",
  "meeting",
  "strategy",
  "multi-year-plan",
  "action-plan",
  "follow-up",
  "form",
  "fund",
  "allocation",
  "internal-control",
] as const;

/** A kind of document; `documentSchemas` has one schema for each. */
export type DocumentKind = (typeof KINDS)[number];

/**
 * The kinds of document, in the order messages list them. Apart from `index.ts` so that a schema
 * can name the kinds its references point to (`reference("agreement")`) without importing the
 * schemas that import it.
 */
export const documentKinds: DocumentKind[] = [...KINDS];
