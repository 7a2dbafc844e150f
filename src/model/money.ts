import type { BudgetLine, Share } from "../schema/plan.js";
import type { Agreement, Split } from "../schema/agreement.js";
import type { Report } from "../schema/report.js";
import { groupDigits } from "../format/swedish.js";
import { t, type Message } from "../format/message.js";

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
export const unsplit = (line: BudgetLine): boolean =>
  line.income === undefined && line.total !== undefined && sharesOf(line).every((s) => s.amount === undefined);

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

/** Income that is no party's contribution (`income`) on the lines given, per source as written, in order; lines without an amount are left out. */
export function incomeTotals(lines: Iterable<BudgetLine>): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const line of lines) {
    if (line.income === undefined || line.total === undefined) continue;
    totals.set(line.income, (totals.get(line.income) ?? 0n) + BigInt(line.total));
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

/** An exact amount of kronor: numerator / denominator, so that rounding is judged without floats. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/** A fraction rounded to whole kronor, halves up. */
export const rounded = (f: Fraction) => (f.numerator * 2n + f.denominator) / (2n * f.denominator);

type PerInhabitant = Extract<Split, { rule: "per-inhabitant" }>;

/** The kronor per inhabitant a financier pays under a per-inhabitant split: its own in `rates`, else `rate`. */
export const rateFor = (split: PerInhabitant, party: string): number => (split.rates && own(split.rates, party)) ?? split.rate;

/** A number of inhabitants a financier's amount is computed from, and where it is written: `index` into `populations`, none for the older `population`. */
export interface PopulationFigure {
  inhabitants: number;
  date: string | undefined;
  index: number | undefined;
}

/**
 * The number of inhabitants a per-inhabitant split computes a financier's amount from in a year:
 * the most particular entry of `populations` (the party's and year's, the party's, the year's,
 * the one for all; the first written where two are as particular), else the older `population`.
 */
export function populationFor(split: PerInhabitant, party: string, year: number): PopulationFigure | undefined {
  let best: { rank: number; index: number } | undefined;
  (split.populations ?? []).forEach((p, index) => {
    if ((p.party !== undefined && p.party !== party) || (p.year !== undefined && p.year !== year)) return;
    const rank = (p.party !== undefined ? 2 : 0) + (p.year !== undefined ? 1 : 0);
    if (!best || rank > best.rank) best = { rank, index };
  });
  if (best) {
    const p = split.populations![best.index]!;
    return { inhabitants: p.inhabitants, date: p.date, index: best.index };
  }
  if (!split.populations && split.population !== undefined) return { inhabitants: split.population, date: split.populationDate, index: undefined };
  return undefined;
}

/** The financiers of an agreement, in its order: the parties (or groups of parties) with a contribution. */
export const financiersOf = (agreement: Agreement): string[] => agreement.contributions.map((c) => c.party);

/**
 * Each financier's weight under the split in a year: the same for all (`equal`), its share
 * (`shares`), its rate times its inhabitants (`per-inhabitant`). None where the agreement has no
 * split rule (`none`), or a per-inhabitant split lacks a financier's population for the year.
 */
export function splitWeights(agreement: Agreement, year: number): Map<string, bigint> | undefined {
  const parties = financiersOf(agreement);
  const split = agreement.split;
  if (split.rule === "none") return undefined;
  if (split.rule === "equal") return new Map(parties.map((p) => [p, 1n]));
  if (split.rule === "shares") {
    // Weights may be decimals such as 33.33: scale them to integers first.
    const scale = 10n ** 6n;
    return new Map(parties.map((p) => [p, BigInt(Math.round((own(split.shares, p) ?? 0) * Number(scale)))]));
  }
  const weights = new Map<string, bigint>();
  for (const p of parties) {
    const population = populationFor(split, p, year);
    if (!population) return undefined;
    weights.set(p, BigInt(rateFor(split, p)) * BigInt(population.inhabitants));
  }
  return weights;
}

/**
 * Each financier's expected share of `total` in a year under the agreement's split, as an exact
 * fraction; none where the split gives no weights (see `splitWeights`).
 */
export function expectedShares(agreement: Agreement, total: bigint, year: number): Map<string, Fraction> | undefined {
  const weights = splitWeights(agreement, year);
  if (!weights) return undefined;
  const all = sum(weights.values());
  return new Map([...weights].map(([p, w]) => [p, { numerator: total * w, denominator: all || 1n }]));
}

/** Whether `actual` is the exact share, or differs from it only by rounding to whole kronor. */
export function withinRounding(actual: bigint, expected: Fraction): boolean {
  const diff = actual * expected.denominator - expected.numerator;
  return (diff < 0n ? -diff : diff) < expected.denominator;
}

/** What the split rule says one financier pays in one year, and the rule's figure in words: `14 kr × 42 000 inhabitants (2018-12-31)`, `1/3 of 3 000 000 kr`. */
export interface RuleFigure {
  party: string;
  expected: Fraction;
  figure: Message;
  /** Where a per-inhabitant figure is written (see `PopulationFigure`). */
  population?: PopulationFigure;
}

/** A weight as written, without the float's noise: `33.33`, not `33.330000000000005`. */
const weight = (n: number) => String(Number(n.toFixed(6)));

/**
 * What the agreement's split rule makes each financier pay in a year, with the rule's figures:
 * per inhabitant, its rate times its inhabitants; equal or in shares, its share of what all
 * contribute that year. `missing` names the financiers a per-inhabitant split has no population
 * for; none at all for an agreement without a split rule.
 */
export function ruleFigures(agreement: Agreement, year: number): { figures: RuleFigure[]; missing: string[] } | undefined {
  const split = agreement.split;
  const parties = financiersOf(agreement);
  if (split.rule === "none") return undefined;
  if (split.rule === "per-inhabitant") {
    const figures: RuleFigure[] = [];
    const missing: string[] = [];
    for (const party of parties) {
      const population = populationFor(split, party, year);
      if (!population) {
        missing.push(party);
        continue;
      }
      const rate = rateFor(split, party);
      figures.push({
        party,
        expected: { numerator: BigInt(rate) * BigInt(population.inhabitants), denominator: 1n },
        figure: population.date
          ? t`${groupDigits(rate)} kr × ${groupDigits(population.inhabitants)} inhabitants (${population.date})`
          : t`${groupDigits(rate)} kr × ${groupDigits(population.inhabitants)} inhabitants`,
        population,
      });
    }
    return { figures, missing };
  }
  // Every financier has a contribution (the schema sees to that), so their sum is never blank.
  const total = sum(parties.map((p) => contributionFor(agreement, p, year))) ?? 0n;
  const expected = expectedShares(agreement, total, year)!;
  const written = split.rule === "shares" ? parties.reduce((a, p) => a + (own(split.shares, p) ?? 0), 0) : 0;
  const figures = parties.map((party) => ({
    party,
    expected: expected.get(party)!,
    figure:
      split.rule === "equal"
        ? t`1/${parties.length} of ${groupDigits(total)} kr`
        : t`${weight(own(split.shares, party) ?? 0)}/${weight(written)} of ${groupDigits(total)} kr`,
  }));
  return { figures, missing: [] };
}

/** The split rule's name in messages: `the equal split`, `the per-inhabitant split`. */
export function splitName(split: Split): Message {
  return { equal: t`the equal split`, shares: t`the split in shares`, "per-inhabitant": t`the per-inhabitant split`, none: t`no split rule` }[split.rule];
}

/** The split in words, as messages state it: `equally`, `per inhabitant (14 kr each)`, `in shares a 60 : b 40`, `by no rule`. */
export function describeSplit(split: Split): Message {
  if (split.rule === "equal") return t`equally`;
  if (split.rule === "none") return t`by no rule`;
  if (split.rule === "per-inhabitant") {
    const others = Object.entries(split.rates ?? {}).map(([p, r]) => `${p} ${r} kr`);
    return others.length ? t`per inhabitant (${split.rate} kr each, but ${others.join(", ")})` : t`per inhabitant (${split.rate} kr each)`;
  }
  return t`in shares ${Object.entries(split.shares)
    .map(([p, w]) => `${p} ${w}`)
    .join(" : ")}`;
}

/**
 * Whether a plan's budget keeps its agreement's split for the plan as a whole (carry-overs and
 * income aside): each financier's total against its share of the financiers' sum in the plan's
 * year, within rounding. None where the split gives no shares (see `splitWeights`).
 * A financier with no amount on any line (a blank total) pays nothing of its share, and keeps
 * it only where its share is nothing; a plan where no financier has an amount has nothing to split. Lines that give
 * only a total are not split between the parties and stay out (`unsplitTotal`).
 */
export function planSplit(agreement: Agreement, budget: BudgetLine[], year: number) {
  const totals = partyTotals(contributingLines(budget));
  const financiers = financiersOf(agreement);
  const total = sum(financiers.map((p) => totals.get(p)));
  const expected = expectedShares(agreement, total ?? 0n, year);
  if (!expected) return undefined;
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
  /** A sum whose avvikelse leaves out budgets with no utfall: it is not the budget − utfall shown beside it. */
  partial?: true;
}

/** The sum of each figure over `values`, where any of them is known. */
export function addOutcomes(values: readonly OutcomeMoney[]): OutcomeMoney {
  const known = (k: "budget" | "outcome" | "deviation") => values.map((v) => v[k]).filter((v): v is bigint => v !== undefined);
  const pick = (k: "budget" | "outcome" | "deviation") => (known(k).length ? sum(known(k)) : undefined);
  const deviation = pick("deviation");
  const partial = deviation !== undefined && values.some((v) => v.partial || (v.budget !== undefined && v.outcome === undefined));
  return { budget: pick("budget"), outcome: pick("outcome"), deviation, ...(partial ? { partial: true as const } : {}) };
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
