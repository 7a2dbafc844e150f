import { compareStrings } from "../format/text.js";
import { say } from "../format/message.js";
import { contributingLines, contributionFor, describeSplit, incomeTotals, lineTotal, partyTotals, planSplit, sum } from "../model/money.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { exactNumber } from "../rollup/table.js";
import type { AgreementYear, DocumentChange, SplitCheck } from "./model.js";

/** The two repositories, and how base's document ids map to head's where a document was renamed. */
export interface MoneyContext {
  base: Repository;
  head: Repository;
  /** Base id → head id, for documents whose id changed. */
  renamed: Map<string, string>;
}

const headId = (ctx: MoneyContext, id: string) => ctx.renamed.get(id) ?? id;
const big = (n: bigint | undefined) => (n === undefined ? null : exactNumber(n));

/** The agreements and years whose plans changed in money (or were added or removed), and of every plan of a changed agreement. */
function touched(ctx: MoneyContext, documents: DocumentChange[]): Map<string, { agreement: string; year: number }> {
  const pairs = new Map<string, { agreement: string; year: number }>();
  const add = (agreement: string, year: number) => pairs.set(`${agreement}\u0000${year}`, { agreement, year });
  for (const doc of documents) {
    if (doc.kind === "plan") {
      const money =
        doc.status === "added" || doc.status === "removed" || doc.budget.length > 0 || doc.fields.some((f) => f.field === "agreement" || f.field === "year");
      if (!money) continue;
      const after = lookup(ctx.head, doc.id, "plan");
      const before = lookup(ctx.base, doc.idBefore ?? doc.id, "plan");
      // A plan of an organisation's own (no agreement) has no contributions to compare.
      if (after?.data.agreement) add(after.data.agreement, after.data.year);
      if (before?.data.agreement) add(headId(ctx, before.data.agreement), before.data.year);
    } else if (doc.kind === "agreement" && doc.status !== "moved") {
      for (const plan of ctx.head.plans) if (plan.data.agreement === doc.id) add(doc.id, plan.data.year);
      for (const plan of ctx.base.plans) if (plan.data.agreement && headId(ctx, plan.data.agreement) === doc.id) add(doc.id, plan.data.year);
    }
  }
  return pairs;
}

/**
 * For each agreement and year a change touches: each party's total of the plans (carry-overs
 * aside), before → after, and the plans' total (lines that give only a total included). A party
 * with no amount is blank (`null`), as is a side with no plan.
 */
export function moneyChanges(ctx: MoneyContext, documents: DocumentChange[]): AgreementYear[] {
  const result: AgreementYear[] = [];
  for (const { agreement: id, year } of touched(ctx, documents).values()) {
    const after = ctx.head.plans.filter((p) => p.data.agreement === id && p.data.year === year);
    const before = ctx.base.plans.filter((p) => p.data.agreement !== undefined && headId(ctx, p.data.agreement) === id && p.data.year === year);
    const agreement = lookup(ctx.head, id, "agreement") ?? ctx.base.agreements.find((a) => headId(ctx, a.id) === id);
    const totalsAfter = partyTotals(after.flatMap((p) => contributingLines(p.data.budget)));
    const totalsBefore = partyTotals(before.flatMap((p) => contributingLines(p.data.budget)));
    const incomeAfter = incomeTotals(after.flatMap((p) => contributingLines(p.data.budget)));
    const incomeBefore = incomeTotals(before.flatMap((p) => contributingLines(p.data.budget)));
    const income = (plans: Entry<"plan">[], totals: Map<string, bigint>) => (plans.length === 0 ? undefined : sum(totals.values()));
    const parties = [...new Set([...(agreement?.data.contributions.map((c) => c.party) ?? []), ...totalsAfter.keys(), ...totalsBefore.keys()])];
    const side = (plans: Entry<"plan">[], totals: Map<string, bigint>, party: string) => (plans.length === 0 ? undefined : totals.get(party));
    const total = (plans: Entry<"plan">[]) => sum(plans.flatMap((p) => contributingLines(p.data.budget)).map(lineTotal));
    const row = (x: bigint | undefined, y: bigint | undefined) => ({ before: big(x), after: big(y), difference: exactNumber((y ?? 0n) - (x ?? 0n)) });
    result.push({
      agreement: id,
      title: agreement?.data.title ?? id,
      year,
      plans: (after.length ? after : before).map((p) => p.id),
      parties: parties.map((party) => {
        const contribution = agreement ? contributionFor(agreement.data, party, year) : undefined;
        return { party, ...row(side(before, totalsBefore, party), side(after, totalsAfter, party)), contribution: big(contribution) };
      }),
      ...(incomeAfter.size || incomeBefore.size ? { income: row(income(before, incomeBefore), income(after, incomeAfter)) } : {}),
      total: row(total(before), total(after)),
    });
  }
  return result.sort((a, b) => compareStrings(a.agreement, b.agreement) || a.year - b.year);
}

/** Whether a plan keeps its agreement's split, as the rule `money/split` judges it; none without an agreement or a split to keep. */
function keepsSplit(repo: Repository, plan: Entry<"plan">) {
  const agreement = lookup(repo, plan.data.agreement, "agreement");
  if (!agreement) return undefined;
  const split = planSplit(agreement.data, plan.data.budget, plan.data.year);
  if (!split) return undefined;
  return { agreement, kept: split.kept, parties: split.parties.map((p) => ({ party: p.party, amount: big(p.amount), expected: exactNumber(p.expected) })) };
}

/** For each plan that changed or was added, and each plan of a changed agreement: does it keep the split, and did it before? */
export function splitChecks(ctx: MoneyContext, documents: DocumentChange[]): SplitCheck[] {
  const plans = new Map<string, string | undefined>();
  for (const doc of documents) {
    if (doc.kind === "plan" && doc.status !== "removed" && doc.status !== "moved")
      plans.set(doc.id, doc.idBefore ?? (doc.status === "added" ? undefined : doc.id));
    if (doc.kind === "agreement" && doc.status !== "removed" && doc.status !== "moved") {
      for (const plan of ctx.head.plans)
        if (plan.data.agreement === doc.id && !plans.has(plan.id)) plans.set(plan.id, [...ctx.renamed].find(([, h]) => h === plan.id)?.[0] ?? plan.id);
    }
  }
  const checks: SplitCheck[] = [];
  for (const [id, baseId] of plans) {
    const plan = lookup(ctx.head, id, "plan");
    const now = plan && keepsSplit(ctx.head, plan);
    if (!now) continue;
    const basePlan = baseId === undefined ? undefined : lookup(ctx.base, baseId, "plan");
    const then = basePlan && keepsSplit(ctx.base, basePlan);
    checks.push({
      plan: id,
      agreement: now.agreement.id,
      // The diff speaks English for now (issue 19: its messages are translated with the commands').
      rule: say(describeSplit(now.agreement.data.split), "en"),
      before: then ? then.kept : null,
      after: now.kept,
      parties: now.parties,
    });
  }
  return checks.sort((a, b) => compareStrings(a.plan, b.plan));
}
