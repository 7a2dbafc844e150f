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

/** A kind of document; `KINDS` (index.ts) declares each, and a name here without its entry there fails to compile. */
export type DocumentKind = (typeof KINDS)[number];

/**
 * The kinds of document, in the order messages list them. Apart from `index.ts` so that a schema
 * can name the kinds its references point to (`reference("agreement")`) without importing the
 * schemas that import it (a type of `KINDS`' keys would be one of the schemas' own types).
 */
export const documentKinds: DocumentKind[] = [...KINDS];
