import { decidedLate, planInPeriod, reportOfPlan, reportOutcome } from "./dates.js";
import { goalsBySex, incompleteIndicators, indicatorsBySex, unfundedGoals } from "./goals.js";
import { goalStatus, koladaMunicipality, targetYears, valueRange, valuesBySex } from "./indicators.js";
import { memoDnr, memoSections, placeholders } from "./memo.js";
import { carryOvers, contributions, declaredTotals, financingTypes, lineTotals, splits } from "./money.js";
import { documentReferences, duplicateIds, localReferences, partyReferences } from "./references.js";
import { localPaths } from "./paths.js";
import type { Rule } from "./rule.js";

/** Every rule `plan check` runs after the schemas, in the order their messages are most useful. */
export const rules: readonly Rule[] = [
  duplicateIds,
  documentReferences,
  partyReferences,
  localReferences,
  lineTotals,
  declaredTotals,
  contributions,
  splits,
  financingTypes,
  carryOvers,
  planInPeriod,
  reportOfPlan,
  decidedLate,
  reportOutcome,
  memoDnr,
  memoSections,
  placeholders,
  unfundedGoals,
  goalsBySex,
  indicatorsBySex,
  incompleteIndicators,
  valueRange,
  valuesBySex,
  targetYears,
  koladaMunicipality,
  goalStatus,
  localPaths,
];

export { runRules, type Rule } from "./rule.js";
