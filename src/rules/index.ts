import { decidedLate, planInPeriod, reportOfPlan } from "./dates.js";
import { reportOutcome, reportSubject } from "./report.js";
import { goalsBySex, incompleteIndicators, indicatorsBySex, unfundedGoals } from "./goals.js";
import { councilGoals, reportParts, sameGoalText, writtenFigures } from "./board-goals.js";
import { goalStatus, koladaMunicipality, targetYears, valueRange, valuesBySex } from "./indicators.js";
import { memoDnr, memoHandler, memoSelfAttachment, memoSignatures, placeholders } from "./memo.js";
import { meetingDecides, meetingDnr, meetingDraft, meetingOrder } from "./meeting.js";
import { accountSums } from "./accounts.js";
import { carryOvers, contributions, declaredTotals, financingTypes, income, lineTotals, splits, sumRange } from "./money.js";
import { documentReferences, duplicateIds, localReferences, outputNames, partyReferences } from "./references.js";
import { partyMembers } from "./parties.js";
import { hiddenPaths, localPaths, nameLength, outputTaken } from "./paths.js";
import { activeFiles } from "./active.js";
import { bodyDirectives } from "./body.js";
import { blankStated, signs, statedTotals, tableShape, unbalanced } from "./tables.js";
import { ruleSettings } from "./settings.js";
import { followUpComplete, followUpIds, hierarchyGoals, hierarchyPeriods } from "./hierarchy.js";
import { formRules } from "./forms.js";
import { fundActors, fundBalance, fundDecision, fundEvaluation } from "./fund.js";
import { allocationInputs, allocationMembers, allocationWeights, allocationYears } from "./allocation.js";
import { copiedText } from "./copied.js";
import type { LoneDocument, Repository } from "../model/repository.js";
import { incrementalRules, type BetweenState } from "./incremental.js";
import { figureReferences, figureText } from "./figures.js";
import { riskScore } from "./internal-control.js";
import { runDocumentRules, runRepositoryRules, type Rule } from "./rule.js";
import type { RuleInfo } from "../diagnostics/report.js";
import { modelRules } from "../model/rules.js";
import { sourceRules } from "../source/rules.js";

/** Every rule `plan check` runs after the schemas, in the order their messages are most useful. */
export const rules: readonly Rule[] = [
  duplicateIds,
  outputNames,
  nameLength,
  documentReferences,
  partyReferences,
  partyMembers,
  localReferences,
  sumRange,
  lineTotals,
  income,
  declaredTotals,
  accountSums,
  contributions,
  splits,
  financingTypes,
  carryOvers,
  tableShape,
  statedTotals,
  blankStated,
  signs,
  unbalanced,
  planInPeriod,
  reportSubject,
  reportOfPlan,
  decidedLate,
  reportOutcome,
  memoDnr,
  memoSelfAttachment,
  meetingDnr,
  meetingDecides,
  meetingDraft,
  meetingOrder,
  placeholders,
  unfundedGoals,
  goalsBySex,
  indicatorsBySex,
  incompleteIndicators,
  valueRange,
  valuesBySex,
  targetYears,
  koladaMunicipality,
  writtenFigures,
  councilGoals,
  reportParts,
  goalStatus,
  bodyDirectives,
  sameGoalText,
  localPaths,
  activeFiles,
  hiddenPaths,
  ruleSettings,
  outputTaken,
  hierarchyGoals,
  hierarchyPeriods,
  followUpIds,
  followUpComplete,
  ...formRules,
  fundBalance,
  fundDecision,
  fundActors,
  fundEvaluation,
  allocationWeights,
  allocationInputs,
  allocationMembers,
  allocationYears,
  copiedText,
  figureReferences,
  figureText,
  riskScore,
  memoHandler,
  memoSignatures,
];

/**
 * Every rule `plan` has, each id once: those run while files are read and validated (declared
 * beside their loaders), then the rules above. Nothing reports a finding without one of these
 * (`report` takes the rule, and a test runs a corpus that sets off every id); the README's rule
 * table and the `rules:` settings of `plan.config.yaml` are read from here.
 */
export const registry: readonly RuleInfo[] = [...new Map([...sourceRules, ...modelRules, ...rules].map((rule) => [rule.id, rule])).values()];

/** Every rule's check of one document alone: what loading runs on each document it validates. */
export const checkDocument = (doc: LoneDocument) => runDocumentRules(doc, rules);

/** Every rule's check between documents, over a repository whose documents were loaded with `checkDocument`. */
export const checkBetweenDocuments = (repo: Repository) => runRepositoryRules(repo, rules);

/** The same checks for a repository checked again after each change: only what a change can reach is checked again. */
export const betweenDocumentsChecker = (store?: { last?: BetweenState | undefined }) => incrementalRules(rules, store);

export type { Rule } from "./rule.js";
export type { BetweenState, Findings } from "./incremental.js";
