import type { BudgetLine, Share } from "../schema/plan.js";
import type { Agreement, Split } from "../schema/agreement.js";
import type { Report } from "../schema/report.js";
import { groupDigits, kronor, NBSP, NNBSP } from "../format/swedish.js";
import { partyName } from "./parties.js";
import type { Entry, Repository } from "./repository.js";

/** The value a map of user data holds under `key` itself, never one its prototype lends (`constructor`). */
export const own = <T>(map: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

/** The largest sum of kronor that a number holds exactly, and so the largest any output shows: 9 007 199 254 740 991 kr. */
export const SAFE_KRONOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Where a running sum of `amounts` first leaves the safe range: the index of the amount that
 * takes it there, or `undefined` when the whole sum is safe. Each amount is safe on its own
 * (the schema sees to that); it is their sums that a roll-up, a page or a diff would show.
 */
export function overflowAt(amounts: readonly (number | bigint | undefined)[]): number | undefined {
  let total = 0n;
  for (const [i, v] of amounts.entries()) {
    if (v === undefined) continue;
    total += BigInt(v);
    if (total > SAFE_KRONOR || total < -SAFE_KRONOR) return i;
  }
  return undefined;
}

/**
 * Sums of kronor are exact: amounts are safe integers, their sums are bigints. Blank amounts
 * (`undefined`) are not 0: they are left out, and a sum with no amount known is blank itself.
 */
export function sum(values: Iterable<number | bigint | undefined>): bigint | undefined {
  let total: bigint | undefined;
  for (const v of values) if (v !== undefined) total = (total ?? 0n) + BigInt(v);
  return total;
}

export interface NormalShare {
  party: string;
  /** `undefined` is an empty cell, which is not 0. */
  amount: number | undefined;
  financing: "cash" | "in-kind" | "referred";
  note: string | undefined;
}

export function normalShare(party: string, share: Share): NormalShare {
  if (share === null) return { party, amount: undefined, financing: "cash", note: undefined };
  return typeof share === "number"
    ? { party, amount: share, financing: "cash", note: undefined }
    : { party, amount: share.amount, financing: share.financing, note: share.note };
}

export function sharesOf(line: BudgetLine): NormalShare[] {
  return Object.entries(line.parties).map(([party, share]) => normalShare(party, share));
}

/**
 * The line's total: the sum of its parts, or the written total where the line has no parts (a
 * line whose split is not given); blank where it has neither. A written total that disagrees
 * with its parts is reported once, on the line itself, and does not spread into the totals above it.
 */
export function lineTotal(line: BudgetLine): bigint | undefined {
  return sum(sharesOf(line).map((s) => s.amount)) ?? (line.total === undefined ? undefined : BigInt(line.total));
}

/** Whether a line gives a total but no party's amount: its split between the parties is not given. */
export const unsplit = (line: BudgetLine): boolean => line.total !== undefined && sharesOf(line).every((s) => s.amount === undefined);

/**
 * Each party's sum over the lines given. A party with no amount on any of them has no entry:
 * its total is blank, not 0. A line that gives only a total (`unsplit`) counts for no party.
 */
export function partyTotals(lines: Iterable<BudgetLine>): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const line of lines) {
    for (const share of sharesOf(line)) {
      if (share.amount !== undefined) totals.set(share.party, (totals.get(share.party) ?? 0n) + BigInt(share.amount));
    }
  }
  return totals;
}

/** Lines that count against the agreement's yearly contributions: all but carry-overs. */
export function contributingLines(budget: readonly BudgetLine[]): BudgetLine[] {
  return budget.filter((line) => line.type !== "carry-over");
}

/** What a party pays under the agreement in a given year. */
export function contributionFor(agreement: Agreement, party: string, year: number): bigint | undefined {
  const c = agreement.contributions.find((c) => c.party === party);
  if (!c) return undefined;
  return BigInt((c.years && own(c.years, String(year))) ?? c.amount);
}

/**
 * Each financier's expected share of `total` under the agreement's split, as an exact
 * fraction (numerator / denominator), so that rounding is judged without floats.
 */
export function expectedShares(agreement: Agreement, total: bigint): Map<string, { numerator: bigint; denominator: bigint }> {
  const parties = agreement.contributions.map((c) => c.party);
  const split = agreement.split;
  const result = new Map<string, { numerator: bigint; denominator: bigint }>();
  if (split.rule === "shares") {
    // Weights may be decimals such as 33.33: scale them to integers first.
    const scale = 10n ** 6n;
    const weights = parties.map((p) => BigInt(Math.round((own(split.shares, p) ?? 0) * Number(scale))));
    const all = weights.reduce((a, b) => a + b, 0n);
    parties.forEach((p, i) => result.set(p, { numerator: total * weights[i]!, denominator: all || 1n }));
  } else {
    // Equal halves, and per inhabitant where every financier pays the same rate.
    parties.forEach((p) => result.set(p, { numerator: total, denominator: BigInt(parties.length) }));
  }
  return result;
}

/** Whether `actual` is the exact share, or differs from it only by rounding to whole kronor. */
export function withinRounding(actual: bigint, expected: { numerator: bigint; denominator: bigint }): boolean {
  const diff = actual * expected.denominator - expected.numerator;
  return (diff < 0n ? -diff : diff) < expected.denominator;
}

/** The split in words, as messages state it: `equally`, `per inhabitant (14 kr each)`, `in shares a 60 : b 40`. */
export function describeSplit(split: Split): string {
  if (split.rule === "equal") return "equally";
  if (split.rule === "per-inhabitant") return `per inhabitant (${split.rate} kr each)`;
  return `in shares ${Object.entries(split.shares)
    .map(([p, w]) => `${p} ${w}`)
    .join(" : ")}`;
}

/**
 * The agreement's split in Swedish words, as the budget, the agreement's page, the memo and the
 * draft of next year's plan print it: `hälften vardera`, `HSN 60 %, Kommun 40 %`,
 * `14 kr per invånare och år`. Amounts as printed: narrow no-break spaces between thousands.
 */
export function splitText(repo: Repository, agreement: Entry<"agreement">): string {
  const split = agreement.data.split;
  const financiers = agreement.data.contributions.map((c) => c.party);
  if (split.rule === "equal") return financiers.length === 2 ? "hälften vardera" : `lika delar för de ${financiers.length} parterna`;
  if (split.rule === "shares") {
    const all = financiers.reduce((a, p) => a + (own(split.shares, p) ?? 0), 0);
    return financiers.map((p) => `${partyName(repo, p)} ${all ? Math.round(((own(split.shares, p) ?? 0) / all) * 100) : 0}${NBSP}%`).join(", ");
  }
  const population = `${groupDigits(split.population, NNBSP)} invånare${split.populationDate ? ` den ${split.populationDate}` : ""}`;
  return `${kronor(split.rate, true)} per invånare och år för varje part (${population})`;
}

/**
 * Whether a plan's budget keeps its agreement's split for the plan as a whole (carry-overs
 * aside): each financier's total against its share of the financiers' sum, within rounding.
 * A financier with no amount on any line (a blank total) pays nothing of its share, and keeps
 * it only where its share is nothing; a plan where no financier has an amount has nothing to split. Lines that give
 * only a total are not split between the parties and stay out (`unsplitTotal`).
 */
export function planSplit(agreement: Agreement, budget: BudgetLine[]) {
  const totals = partyTotals(contributingLines(budget));
  const financiers = agreement.contributions.map((c) => c.party);
  const total = sum(financiers.map((p) => totals.get(p)));
  const expected = expectedShares(agreement, total ?? 0n);
  const parties = financiers.map((party) => {
    const share = expected.get(party)!;
    const amount = totals.get(party);
    // A blank total keeps only a share of nothing.
    const kept = amount === undefined ? share.numerator === 0n : withinRounding(amount, share);
    return { party, amount, expected: share.numerator / share.denominator, kept };
  });
  return { total, parties, kept: total === undefined || parties.every((p) => p.kept) };
}

/**
 * The part of a plan's budget (carry-overs aside) that is not split between the parties: the
 * lines that give only a total, and what they add up to (blank where there are none).
 */
export function unsplitTotal(budget: readonly BudgetLine[]): { lines: BudgetLine[]; total: bigint | undefined } {
  const lines = contributingLines(budget).filter(unsplit);
  return { lines, total: sum(lines.map(lineTotal)) };
}

/** Budget, utfall and avvikelse of a line, a party or a sum of them; empty cells stay `undefined`. */
export interface OutcomeMoney {
  budget: bigint | undefined;
  outcome: bigint | undefined;
  /** budget − utfall; positive is an underspend. Known where the outcome is. */
  deviation: bigint | undefined;
}

/** The sum of each figure over `values`, where any of them is known. */
export function addOutcomes(values: readonly OutcomeMoney[]): OutcomeMoney {
  const known = <K extends keyof OutcomeMoney>(k: K) => values.map((v) => v[k]).filter((v): v is bigint => v !== undefined);
  const pick = (k: keyof OutcomeMoney) => (known(k).length ? sum(known(k)) : undefined);
  return { budget: pick("budget"), outcome: pick("outcome"), deviation: pick("deviation") };
}

/** Budget, utfall and avvikelse of one line and party. An empty budget cell stays empty; spending against it is a deviation. */
function lineOutcome(line: BudgetLine, outcome: Record<string, number> | undefined, party: string): OutcomeMoney {
  const share = sharesOf(line).find((s) => s.party === party);
  const budget = share?.amount !== undefined ? BigInt(share.amount) : undefined;
  const spent = outcome?.[party];
  const out = spent !== undefined ? BigInt(spent) : undefined;
  return { budget, outcome: out, deviation: out === undefined ? undefined : (budget ?? 0n) - out };
}

export interface ReportMoney {
  parties: readonly string[];
  lines: { line: BudgetLine; byParty: Map<string, OutcomeMoney>; total: OutcomeMoney }[];
  /** Over the lines that count against the contributions (carry-overs apart). */
  totals: { byParty: Map<string, OutcomeMoney>; total: OutcomeMoney };
}

/**
 * A report's money: per budget line of its plan and per party, budget, utfall and avvikelse,
 * and their sums. `parties` are the plan's, in the order the pages show them.
 */
export function reportMoney(budget: readonly BudgetLine[], outcome: Report["outcome"], parties: readonly string[]): ReportMoney {
  const outcomes = new Map(outcome.map((o) => [o.line, o]));
  const lines = budget.map((line) => {
    const spent = outcomes.get(line.id)?.parties;
    const byParty = new Map(parties.map((p) => [p, lineOutcome(line, spent, p)]));
    return { line, byParty, total: addOutcomes([...byParty.values()]) };
  });
  const counted = lines.filter((l) => l.line.type !== "carry-over");
  const byParty = new Map(parties.map((p) => [p, addOutcomes(counted.map((l) => l.byParty.get(p)!))]));
  return { parties, lines, totals: { byParty, total: addOutcomes([...byParty.values()]) } };
}
