import type { Allocation, Input, Measure } from "../schema/allocation.js";
import { own, type Fraction } from "./money.js";

/*
 * An allocation key: an amount split between members by weighted measures, in whole kronor that
 * add up to the amount exactly. Everything is exact: weights are fractions, shares are fractions
 * over one common denominator, and the rounding is the largest remainder method (Hare–Niemeyer):
 * each member gets the whole kronor of its exact amount, and the kronor left over go one each to
 * the members with the largest remainders. Ties between equal remainders are broken by the
 * members' party ids in code-point order, so that the amounts do not depend on the order the
 * document lists the members in.
 */

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x;
};
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** A fraction in lowest terms, with a positive denominator. */
export function reduce(f: Fraction): Fraction {
  const g = gcd(f.numerator, f.denominator) || 1n;
  const sign = f.denominator < 0n ? -1n : 1n;
  return { numerator: (sign * f.numerator) / g, denominator: (sign * f.denominator) / g };
}

const addFractions = (a: Fraction, b: Fraction): Fraction =>
  reduce({ numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator });

/**
 * A weight as an exact fraction of the whole: `50` is 1/2, `33.25` is 133/400 (the decimals as
 * YAML wrote them: JavaScript's shortest form of the number, which gives back the written
 * digits), `"1/3"` is 1/3.
 */
export function weightFraction(weight: Measure["weight"]): Fraction {
  if (typeof weight === "string") {
    const [n, d] = weight.split("/").map((s) => BigInt(s.trim())) as [bigint, bigint];
    return reduce({ numerator: n, denominator: d });
  }
  const text = String(weight);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    // Exponent notation (1e-7): the schema takes it, and no weight of a real key is written so.
    const [mantissa = "0", exponent = "0"] = text.split("e");
    const [whole = "0", decimals = ""] = mantissa.split(".");
    const e = Number(exponent) - decimals.length;
    const digits = BigInt(whole + decimals);
    return e >= 0 ? reduce({ numerator: digits * 10n ** BigInt(e), denominator: 100n }) : reduce({ numerator: digits, denominator: 100n * 10n ** BigInt(-e) });
  }
  const decimals = m[2] ?? "";
  return reduce({ numerator: BigInt(m[1]! + decimals), denominator: 100n * 10n ** BigInt(decimals.length) });
}

/** The sum of the key's weights, exactly: 1 where they add up to 100 %. */
export const weightSum = (measures: readonly Measure[]): Fraction =>
  measures.reduce<Fraction>((s, m) => addFractions(s, weightFraction(m.weight)), { numerator: 0n, denominator: 1n });

/** A member's figure of a measure, with the year and source it is cited with. */
export interface Figure {
  value: number;
  year: number;
  source: string;
  note: string | undefined;
}

/** The figure a member has in a measure, with its own year and source where it gives them; none where it has none or it is `~`. */
export function figureOf(measure: Measure, member: string): Figure | undefined {
  const input: Input | undefined = own(measure.values, member);
  if (input === undefined || input === null) return undefined;
  if (typeof input === "number") return { value: input, year: measure.year, source: measure.source, note: undefined };
  return { value: input.value, year: input.year ?? measure.year, source: input.source ?? measure.source, note: input.note };
}

/** Why a key gives no amounts. */
export type Unallocated = { reason: "weights"; sum: Fraction } | { reason: "missing"; measure: number; member: string } | { reason: "zero"; measure: number };

/** One member's part of the amount. */
export interface MemberAmount {
  member: string;
  /** Its share of the amount, exactly (the weighted shares of the measures). */
  share: Fraction;
  /** Its exact part of the amount, in kronor. */
  exact: Fraction;
  /** Whole kronor: the whole kronor of `exact`, plus one where the largest remainders take the kronor left over. */
  amount: bigint;
  /** Whether it got one of the kronor left over. */
  roundedUp: boolean;
}

export interface Allocated {
  members: MemberAmount[];
  /** The sum of each measure's figures, in the order of the measures. */
  totals: bigint[];
  /** The kronor that the whole kronor of the exact amounts left over, given one each by the largest remainder. */
  leftOver: bigint;
}

/**
 * Splits `amount` between `members` by the weighted measures, exactly. Member m's share is
 * Σ_k w_k · v_km / V_k (w_k the weight, v_km its figure, V_k the measure's sum over all members);
 * over the common denominator D = lcm_k(den(w_k) · V_k), its exact amount is N_m / D with
 * N_m = amount · Σ_k num(w_k) · v_km · D / (den(w_k) · V_k), and the N_m add up to amount · D
 * when the weights add up to 1. Returns why not where the weights do not add up to 100 %, a
 * member lacks a figure, or a measure's figures add up to 0.
 */
export function allocate(amount: bigint, members: readonly string[], measures: readonly Measure[]): Allocated | Unallocated {
  const sum = weightSum(measures);
  if (sum.numerator !== sum.denominator) return { reason: "weights", sum };
  const values: bigint[][] = [];
  const totals: bigint[] = [];
  for (const [k, measure] of measures.entries()) {
    const row: bigint[] = [];
    for (const member of members) {
      const figure = figureOf(measure, member);
      if (!figure) return { reason: "missing", measure: k, member };
      row.push(BigInt(figure.value));
    }
    const total = row.reduce((a, b) => a + b, 0n);
    if (total === 0n) return { reason: "zero", measure: k };
    values.push(row);
    totals.push(total);
  }
  const weights = measures.map((m) => weightFraction(m.weight));
  const denominators = weights.map((w, k) => w.denominator * totals[k]!);
  const D = denominators.reduce(lcm, 1n);
  const factors = weights.map((w, k) => w.numerator * (D / denominators[k]!));
  const shares = members.map((_, i) => factors.reduce((s, f, k) => s + f * values[k]![i]!, 0n));
  const numerators = shares.map((s) => amount * s);
  const floors = numerators.map((n) => n / D);
  const leftOver = amount - floors.reduce((a, b) => a + b, 0n);
  // Largest remainder first; equal remainders in the order of the party ids.
  const order = members
    .map((member, i) => ({ member, i, remainder: numerators[i]! % D }))
    .sort((a, b) => (a.remainder === b.remainder ? (a.member < b.member ? -1 : a.member > b.member ? 1 : 0) : a.remainder > b.remainder ? -1 : 1));
  const up = new Set(order.slice(0, Number(leftOver)).map((o) => o.i));
  return {
    members: members.map((member, i) => ({
      member,
      share: reduce({ numerator: shares[i]!, denominator: D }),
      exact: reduce({ numerator: numerators[i]!, denominator: D }),
      amount: floors[i]! + (up.has(i) ? 1n : 0n),
      roundedUp: up.has(i),
    })),
    totals,
    leftOver,
  };
}

export const isAllocated = (a: Allocated | Unallocated): a is Allocated => "members" in a;

/** The allocation of a document. */
export const allocationOf = (data: Allocation): Allocated | Unallocated => allocate(BigInt(data.amount), data.members, data.measures);

/** A fraction as a percentage rounded half up to `decimals` decimals, as an exact decimal text with a decimal comma: `12,34`. */
export function percentText(f: Fraction, decimals = 2): string {
  const scale = 100n * 10n ** BigInt(decimals);
  const n = (f.numerator * scale * 2n + f.denominator) / (2n * f.denominator);
  const text = n.toString().padStart(decimals + 1, "0");
  return decimals ? `${text.slice(0, -decimals)},${text.slice(-decimals)}` : text;
}
