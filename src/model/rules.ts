import type { RuleInfo } from "../diagnostics/report.js";

/*
 * The rules whose check runs while documents are validated against their schema and gathered
 * into a repository: an invalid document never reaches the rules between documents. Declared
 * here, below the loader that emits them, and listed in the registry (`src/rules/index.ts`).
 */

export const schemaNotAMap: RuleInfo = {
  id: "schema/not-a-map",
  severity: "error",
  summary: "The frontmatter is a map of fields.",
  example: "The frontmatter must be a map of fields (`kind: plan`, `title: …`), but it is not.",
};

export const schemaKind: RuleInfo = {
  id: "schema/kind",
  severity: "error",
  summary: "Every document states a known `kind`.",
  example: "Every document states its kind, one of `agreement`, `plan`, `report`, `memo`, `indicator`; found `kind: pln`. Did you mean `plan`?",
};

export const schemaRequired: RuleInfo = {
  id: "schema/required",
  severity: "error",
  summary: "Required fields are present.",
  example: "`recipient` is required here but missing. (The board the memo is addressed to, e.g. `Kommunstyrelsen`.)",
};

export const schemaUnknownKey: RuleInfo = {
  id: "schema/unknown-key",
  severity: "error",
  summary: "No field outside the schema (typos).",
  example: "Unknown field `totl` in `budget[1]`. Did you mean `total`?",
};

export const schemaType: RuleInfo = {
  id: "schema/type",
  severity: "error",
  summary: "Values have the right type.",
  example: '`year` must be a number; found the text "tjugonitton".',
};

export const schemaEnum: RuleInfo = {
  id: "schema/enum",
  severity: "error",
  summary: "Values are one of the allowed words.",
  example: '`budget[6].parties.lerum.financing` must be one of `cash`, `in-kind`, `referred`; found the text "refered". Did you mean `referred`?',
};

export const schemaFormat: RuleInfo = {
  id: "schema/format",
  severity: "error",
  summary: "Dates, ids and codes have their form.",
  example: '`date` must be a real calendar date, e.g. 2018-12-20; found the text "2018-02-30".',
};

export const schemaRange: RuleInfo = {
  id: "schema/range",
  severity: "error",
  summary: "Numbers and lists within their bounds.",
  example: "`period.from` must be at least 1900; found `17`.",
};

export const schemaInvalid: RuleInfo = {
  id: "schema/invalid",
  severity: "error",
  summary: "Any other way a value breaks its schema.",
  example: "`title`: Invalid input.",
};

export const wholeKronor: RuleInfo = {
  id: "money/whole-kronor",
  severity: "error",
  summary: "Amounts are whole, non-negative kronor within the exact range, written in digits only (YAML reads `240.000` as 240).",
  example: '`budget[0].total` must be a number of whole kronor; found the text "220 000".',
};

export const tableAmount: RuleInfo = {
  id: "money/table-amount",
  severity: "error",
  summary:
    "A money table's amounts are whole numbers in the table's unit, with a sign where the source prints one, written in digits only (YAML reads `7.510` as 7,51 and `240.000` as 240).",
  example: '`tables[0].rows[5].values[4]` must be a whole number of tkr, or `~` for a blank cell; found the text "-74".',
};

/** Also checked inside a plan, for its goals, interventions and budget lines (`duplicateIds`). */
export const idDuplicate: RuleInfo = {
  id: "id/duplicate",
  severity: "error",
  summary:
    "Ids are unique: documents across the repository, parties in `plan.config.yaml`, Kolada data files per KPI and municipality, goals, interventions and budget lines within their plan; the first place is named.",
  example: "Another document already has the id `lerum/avtal-2017-2020`.",
};

/** Every rule that validating and gathering documents runs. */
export const modelRules: readonly RuleInfo[] = [
  schemaNotAMap,
  schemaKind,
  schemaRequired,
  schemaUnknownKey,
  schemaType,
  schemaEnum,
  schemaFormat,
  schemaRange,
  schemaInvalid,
  wholeKronor,
  tableAmount,
  idDuplicate,
];
