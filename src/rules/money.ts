import { groupDigits } from "../format/swedish.js";
import { compareStrings } from "../format/text.js";
import {
  contributingLines,
  contributionFor,
  describeSplit,
  lineTotal,
  overflowAt,
  partyTotals,
  planSplit,
  rounded,
  ruleFigures,
  SAFE_KRONOR,
  sharesOf,
  splitName,
  sum,
  unsplitTotal,
  withinRounding,
} from "../model/money.js";
import type { Split } from "../schema/agreement.js";
import { moneyOptional } from "../model/forms.js";
import { byData, KNOWN, plansWithAgreements, type Entry, type KnownEntry, type LoneDocument, type PlanMoney } from "../model/repository.js";
import { place } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { KRONOR_PER_UNIT } from "../model/table.js";
import { code, ofKind, partyLabel, type Reporter, type Rule } from "./rule.js";
import { count, listOf, t, type Message, type Part } from "../format/message.js";

const kr = (n: bigint | number) => `${groupDigits(n)} kr`;
const signed = (n: bigint) => (n > 0n ? `+${groupDigits(n)}` : groupDigits(n));
/** The amounts that make a sum, `110 000 + 110 000`; a long list is only counted. */
function parts(values: (number | undefined)[]): Part {
  const written = values.filter((v) => v !== undefined);
  if (written.length === 0) return t`no amounts`;
  return written.length > 8 ? t`${groupDigits(written.length)} amounts` : written.map((v) => groupDigits(v)).join(" + ");
}

export const lineTotals: Rule = {
  id: "money/line-total",
  severity: "error",
  example: 'The parties\' amounts on "…" sum to 220 000 kr (110 000 + 110 000), but its total says 230 000 kr.',
  summary:
    "Where a budget line states its `total` and parties' amounts, the amounts sum to it. A line may give only a total: its split is not given (see `money/split`).",
  document: ofKind("plan", (plan, report) => {
    plan.data.budget.forEach((line, i) => {
      // An income line's total is its amount: it has no parties' amounts to sum (`money/income`).
      if (line.total === undefined || line.income !== undefined) return;
      const amounts = sharesOf(line).map((s) => s.amount);
      const actual = sum(amounts);
      // No party's amount: the line gives its total and not its split, which is not a sum of 0 kr.
      if (actual === undefined || actual === BigInt(line.total)) return;
      report(plan.source, ["budget", i, "total"], {
        reason: t`The parties' amounts on "${line.title}" sum to ${kr(actual)} (${parts(amounts)}), but its total says ${kr(line.total)}.`,
        fix: t`Write \`total: ${actual}\`, or correct the parties' amounts.`,
      });
    });
  }),
};

/**
 * A stated total over lines that have no amount for it: blank is not 0. Stated as 0 it may
 * mean "nothing", a warning; stated as more, the lines contradict it, an error.
 */
function blankTotal(what: Message, lines: number, party: string | undefined, stated: number) {
  const none =
    party === undefined
      ? lines
        ? t`the lines have no amounts`
        : t`it includes no lines`
      : lines
        ? t`the lines have no amounts for ${code(party)}`
        : t`it includes no lines for ${code(party)}`;
  const field = party === undefined ? "total" : party;
  return {
    severity: stated === 0 ? ("warning" as const) : ("error" as const),
    reason: t`${what}: ${none}; blank is not 0, but the total says ${kr(stated)}.`,
    fix:
      stated === 0
        ? party === undefined
          ? t`Leave \`${field}:\` out of the total while the lines have no amounts, or write the amounts on the lines.`
          : t`Leave \`${field}:\` out of the total while the lines have no amounts for ${code(party)}, or write the amounts on the lines.`
        : t`Write the amounts on the lines, or leave \`${field}:\` out of the total.`,
  };
}

export const declaredTotals: Rule = {
  id: "money/declared-total",
  severity: "error",
  follows: ["ref/party"],
  otherSeverity: "warning",
  example:
    '"Totalt insatser" (intervention lines): the amounts of `lerum` sum to 625 000 kr (110 000 + 100 000 + 100 000 + 165 000 + 150 000), but the total says 652 000 kr.',
  summary:
    "Totals and subtotals written in a plan (`totals:`) equal the sum of the lines they include, in total and per party. A total stated over lines with no amounts for it is blank, not 0: a warning where it says 0, an error where it says more.",
  document: ofKind("plan", (plan, report) => {
    plan.data.totals.forEach((declared, k) => {
      const lines = plan.data.budget.filter((l) => declared.includes.includes(l.type));
      const what = t`"${declared.label}" (${declared.includes.join(" + ")} lines)`;
      if (declared.total !== undefined) {
        const actual = sum(lines.map(lineTotal));
        if (actual === undefined) {
          report(plan.source, ["totals", k, "total"], blankTotal(what, lines.length, undefined, declared.total));
        } else if (actual !== BigInt(declared.total)) {
          report(plan.source, ["totals", k, "total"], {
            reason: t`${what}: the ${lines.length} lines sum to ${kr(actual)}, but the total says ${kr(declared.total)} (difference ${signed(BigInt(declared.total) - actual)} kr).`,
            fix: t`Write \`total: ${actual}\`, or find the line that is wrong.`,
          });
        }
      }
      const totals = partyTotals(lines);
      for (const [party, amount] of Object.entries(declared.parties)) {
        const actual = totals.get(party);
        if (actual === undefined) {
          report(plan.source, ["totals", k, "parties", party], blankTotal(what, lines.length, party, amount));
          continue;
        }
        if (actual === BigInt(amount)) continue;
        const amounts = lines.map((l) => sharesOf(l).find((s) => s.party === party)?.amount);
        report(plan.source, ["totals", k, "parties", party], {
          reason: t`${what}: the amounts of ${code(party)} sum to ${kr(actual)} (${parts(amounts)}), but the total says ${kr(amount)}.`,
          fix: t`Write \`${party}: ${actual}\`, or find the line that is wrong.`,
        });
      }
    });
  }),
};

export const contributions: Rule = {
  id: "money/contribution",
  severity: "error",
  follows: ["ref/party"],
  example:
    "The lines of Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) in 2019 add up to 1 010 000 kr, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr (difference +10 000 kr).",
  summary:
    "A plan's total per financier, carry-overs aside, equals that financier's yearly contribution in the agreement. Lines that give only a total count for no financier.",
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      // A plan without money where its form allows one (`money: optional` or `absent`): nothing to meet the contributions with, nothing missing.
      if (plan.data.budget.length === 0 && moneyOptional(repo, plan)) continue;
      const totals = partyTotals(contributingLines(plan.data.budget));
      const unsplit = unsplitTotal(plan.data.budget).total;
      for (const c of agreement.data.contributions) {
        const expected = contributionFor(agreement.data, c.party, plan.data.year)!;
        const actual = totals.get(c.party);
        // No amount for a party that pays nothing this year: nothing is missing.
        if (actual === expected || (actual === undefined && expected === 0n)) continue;
        const party = partyLabel(repo, c.party);
        const found =
          actual === undefined
            ? t`${party} has no amount on the lines of ${plan.data.year}, but the agreement ${code(agreement.id)} fixes its contribution at ${kr(expected)}.`
            : t`The lines of ${party} in ${plan.data.year} add up to ${kr(actual)}, but the agreement ${code(agreement.id)} fixes its contribution at ${kr(expected)} (difference ${signed(actual - expected)} kr).`;
        report(plan.source, ["budget"], {
          key: true,
          reason: unsplit === undefined ? found : t`${found} ${kr(unsplit)} of the plan is not split between the parties.`,
          fix:
            actual !== undefined && actual > expected
              ? t`Lower the amounts of ${code(c.party)} on the lines, or change its contribution in the agreement.`
              : t`Plan the rest of the contribution of ${code(c.party)}, or change it in the agreement.`,
        });
      }
    }
  },
};

/** Years as messages list them: `2020`, `2019–2022`, `2019, 2021 and 2022`. */
function yearsText(years: readonly number[]): Part {
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const parts = runs.map(([a, b]) => (a === b ? String(a) : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`));
  return listOf(parts);
}

type PerInhabitant = Extract<Split, { rule: "per-inhabitant" }>;

/** A per-inhabitant split's population figures: given once (not in both forms), each once, for a year of the period. Whether any figure is given. */
function checkPopulations(a: Omit<Entry<"agreement">, "id">, split: PerInhabitant, report: Reporter): boolean {
  if (!split.populations && split.population === undefined) {
    report(a.source, ["split", "rule"], {
      reason: t`The per-inhabitant split gives no number of inhabitants, so no financier's amount can be computed.`,
      fix: t`Add \`populations:\` with each financier's inhabitants, e.g. \`- { party: lerum, year: 2020, inhabitants: 42000, date: 2018-12-31 }\`.`,
    });
    return false;
  }
  if (split.populations && (split.population !== undefined || split.populationDate !== undefined)) {
    report(a.source, ["split", split.population !== undefined ? "population" : "populationDate"], {
      reason: t`Both \`population\` and \`populations\` give numbers of inhabitants; \`population\` (with \`populationDate\`) is the shorter form of one figure for every financier and year, and is not read beside \`populations\`.`,
      fix: t`Keep one: write the figure into \`populations\` as \`{ inhabitants: ${split.population ?? "…"}, date: ${split.populationDate ?? "…"} }\`, or remove \`populations\`.`,
    });
  }
  const { from, to } = a.data.period;
  const seen = new Map<string, number>();
  (split.populations ?? []).forEach((p, i) => {
    if (p.year !== undefined && (p.year < from || p.year > to)) {
      report(a.source, ["split", "populations", i, "year"], {
        reason: t`The agreement runs ${from}–${to}, so a number of inhabitants for ${p.year} is never used.`,
        fix: t`Write a year from ${from} to ${to}, or remove the entry.`,
      });
    }
    const key = `${p.party ?? ""}\u0000${p.year ?? ""}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const whose = p.party === undefined ? t`every financier` : code(p.party);
    const when = p.year === undefined ? t`every year` : String(p.year);
    report(a.source, ["split", "populations", i], {
      reason: t`A second number of inhabitants for ${whose} in ${when}; only the first, populations[${first}], is read.`,
      fix: t`Remove one of them, or give each its own \`party\` or \`year\`.`,
      related: [{ source: a.source, at: ["split", "populations", first], reason: t`The first number of inhabitants for ${whose} in ${when}.` }],
    });
  });
  return true;
}

/** A contribution the split rule does not give, for one or more years. */
interface Off {
  party: string;
  path: Path;
  figure: Message;
  expected: bigint;
  exact: boolean;
  actual: bigint;
  overridden: boolean;
  years: number[];
}

export const splits: Rule = {
  id: "money/split",
  severity: "error",
  follows: ["ref/party"],
  example:
    "The agreement `lerum/avtal-2017-2020` splits the budget equally; of the plan's 2 000 000 kr that is Hälso- och sjukvårdsnämnd Väst 1 000 000 kr and Lerums kommun 1 000 000 kr, but the lines give Hälso- och sjukvårdsnämnd Väst 1 010 000 kr and Lerums kommun 990 000 kr.",
  otherSeverity: "warning",
  summary:
    "The financiers' totals keep the agreement's split (equal, fixed shares, per inhabitant with each financier's population of the year; `none` is no rule) for the plan as a whole; single lines may be split otherwise. A line that gives only a total is not split between the parties: a warning says how much of the plan that leaves out. Each year's contribution in an agreement, a year of `years` too, is what its rule gives.",
  document: ofKind("agreement", (a, report) => {
    const split = a.data.split;
    if (split.rule === "none") return;
    if (split.rule === "per-inhabitant" && !checkPopulations(a, split, report)) return;
    const { from, to } = a.data.period;
    const offs = new Map<string, Off>();
    const missing = new Map<string, number[]>();
    for (let year = from; year <= to; year++) {
      const rule = ruleFigures(a.data, year)!;
      for (const party of rule.missing) missing.set(party, [...(missing.get(party) ?? []), year]);
      for (const f of rule.figures) {
        const i = a.data.contributions.findIndex((c) => c.party === f.party);
        const c = a.data.contributions[i]!;
        const overridden = Boolean(c.years && Object.hasOwn(c.years, String(year)));
        const actual = BigInt(overridden ? c.years![String(year)]! : c.amount);
        if (withinRounding(actual, f.expected)) continue;
        const path: Path = overridden ? ["contributions", i, "years", String(year)] : ["contributions", i, "amount"];
        const key = JSON.stringify([path, f.figure, String(actual)]);
        const off = offs.get(key);
        if (off) off.years.push(year);
        else
          offs.set(key, {
            party: f.party,
            path,
            figure: f.figure,
            expected: rounded(f.expected),
            exact: f.expected.numerator % f.expected.denominator === 0n,
            actual,
            overridden,
            years: [year],
          });
      }
    }
    const perInhabitant = split.rule === "per-inhabitant";
    /** The years of the period in which a financier pays its `amount`: those its `years` does not give. */
    const amountYears = (party: string) => {
      const c = a.data.contributions.find((c) => c.party === party)!;
      return to - from + 1 - Object.keys(c.years ?? {}).filter((y) => Number(y) >= from && Number(y) <= to).length;
    };
    for (const off of offs.values()) {
      const contribution = off.overridden ? t`its contribution for ${off.years[0]!}` : t`its contribution`;
      const fix = !perInhabitant
        ? t`Correct the contribution or the split rule.`
        : off.overridden
          ? t`Write \`${off.years[0]!}: ${off.expected}\` under \`years\`, or correct the rate or the population.`
          : amountYears(off.party) === off.years.length
            ? t`Write \`amount: ${off.expected}\`, or correct the rate or the population.`
            : t`Give the contribution of ${code(off.party)} for ${yearsText(off.years)} under \`years\` (\`${off.years[0]!}: ${off.expected}\`), or correct the rate or the population.`;
      const pays = off.exact ? kr(off.expected) : t`${kr(off.expected)} (rounded)`;
      report(a.source, off.path, {
        reason: t`Under ${splitName(split)}, ${code(off.party)} pays ${off.figure} = ${pays} in ${yearsText(off.years)}, but ${contribution} says ${kr(off.actual)}.`,
        fix,
      });
    }
    for (const [party, years] of missing) {
      report(a.source, ["split", "populations"], {
        reason: t`The per-inhabitant split gives no number of inhabitants for ${code(party)} in ${yearsText(years)}, so neither its contribution nor the plans' split can be checked.`,
        fix: t`Add \`{ party: ${party}, year: ${years[0]!}, inhabitants: …, date: … }\` under \`populations\` (or leave out \`year\` for a figure for every year).`,
      });
    }
  }),
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      if (plan.data.budget.length === 0 && moneyOptional(repo, plan)) continue;
      const unsplit = unsplitTotal(plan.data.budget);
      plan.data.budget.forEach((line, i) => {
        if (!unsplit.lines.includes(line)) return;
        const others = unsplit.lines.length - 1;
        report(plan.source, ["budget", i, "total"], {
          severity: "warning",
          reason: others
            ? t`"${line.title}" gives only a total, no party's amount: ${kr(unsplit.total!)} of the plan (this line and ${count(others, "other")}) is not split between the parties, so the split and the contributions are checked without it.`
            : t`"${line.title}" gives only a total, no party's amount: ${kr(unsplit.total!)} of the plan is not split between the parties, so the split and the contributions are checked without it.`,
          fix: t`Write each party's amount on the line under \`parties:\` once the split is known.`,
        });
      });
      const split = planSplit(agreement.data, plan.data.budget, plan.data.year);
      if (!split || split.kept) continue;
      const name = (party: string) => repo.parties.get(party)?.name ?? party;
      const found = listOf(split.parties.map((p) => (p.amount === undefined ? t`${name(p.party)} no amounts` : `${name(p.party)} ${kr(p.amount)}`)));
      const wanted = listOf(split.parties.map((p) => `${name(p.party)} ${kr(p.expected)}`));
      report(plan.source, ["budget"], {
        key: true,
        reason: t`The agreement ${code(agreement.id)} splits the budget ${describeSplit(agreement.data.split)}; of the plan's ${kr(split.total!)} that is ${wanted}, but the lines give ${found}.`,
        fix: t`Move amounts between the parties on some lines so that the plan as a whole keeps the split.`,
      });
    }
  },
};

export const income: Rule = {
  id: "money/income",
  severity: "error",
  otherSeverity: "warning",
  example:
    'The line "Statsbidrag för föräldraskapsstöd" is income (`income: Länsstyrelsen`), which is no party\'s contribution, but it gives amounts for `hsn-vast`.',
  summary:
    "A budget line of income that is no party's contribution (`income`, e.g. a state grant or fees) has its amount in `total` and no party amounts; one without an amount is a warning.",
  document: ofKind("plan", (plan, report) => {
    plan.data.budget.forEach((line, i) => {
      if (line.income === undefined) return;
      const parties = Object.keys(line.parties);
      if (parties.length) {
        report(plan.source, ["budget", i, "parties"], {
          key: true,
          reason: t`The line "${line.title}" is income (\`income: ${line.income}\`), which is no party's contribution, but it gives amounts for ${listOf(parties.map(code))}.`,
          fix: t`Write the income's amount as \`total\` and remove \`parties\`; what a party pays goes on a line of its own.`,
        });
      }
      if (line.total === undefined) {
        report(plan.source, ["budget", i, "income"], {
          severity: "warning",
          reason: t`The income "${line.title}" (${line.income}) has no amount, so the plan's total leaves it out.`,
          fix: t`Write its amount as \`total\`, e.g. \`total: 100000\`.`,
        });
      }
    });
  }),
};

export const financingTypes: Rule = {
  id: "money/financing-type",
  severity: "error",
  example: "The agreement `lerum/avtal-2017-2020` lets Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) pay in `cash`, but this line uses `in-kind`.",
  summary: "A party pays a line only in a financing type (cash, in-kind, referred) that the agreement allows it.",
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      plan.data.budget.forEach((line, i) => {
        for (const share of sharesOf(line)) {
          const allowed = agreement.data.contributions.find((c) => c.party === share.party)?.financing;
          if (!allowed || allowed.includes(share.financing)) continue;
          report(plan.source, ["budget", i, "parties", share.party, "financing"], {
            reason: t`The agreement ${code(agreement.id)} lets ${partyLabel(repo, share.party)} pay in ${listOf(allowed.map(code), "or")}, but this line uses ${code(share.financing)}.`,
            fix: t`Use ${listOf(allowed.map(code), "or")}, or allow ${code(share.financing)} in the contribution of ${code(share.party)} in the agreement.`,
          });
        }
      });
    }
  },
};

export const carryOvers: Rule = {
  id: "money/carry-over",
  severity: "error",
  otherSeverity: "warning",
  example: 'The carry-over "Planering och avsatta medel för Plattform Lerum 2018" has no amount, so nobody can follow it up.',
  summary: "A carry-over line names the earlier year its money comes from (`from`); one without an amount is a warning.",
  document: ofKind("plan", (plan, report) => {
    plan.data.budget.forEach((line, i) => {
      if (line.type !== "carry-over") {
        if (line.from !== undefined)
          report(plan.source, ["budget", i, "from"], {
            reason: t`\`from\` is only for carry-over lines.`,
            fix: t`Set \`type: carry-over\`, or remove \`from\`.`,
            severity: "warning",
          });
        return;
      }
      if (line.from === undefined) {
        report(plan.source, ["budget", i], {
          reason: t`The carry-over "${line.title}" does not say which year its money comes from.`,
          fix: t`Add \`from:\` with the year, e.g. \`from: 2018\`.`,
        });
      } else if (line.from >= plan.data.year) {
        report(plan.source, ["budget", i, "from"], {
          reason: t`A carry-over into ${plan.data.year} must come from an earlier year; found ${line.from}.`,
          fix: t`Write the year the money was first budgeted, before ${plan.data.year}.`,
        });
      }
      if (sharesOf(line).every((s) => s.amount === undefined)) {
        report(plan.source, ["budget", i, "title"], {
          severity: "warning",
          reason: t`The carry-over "${line.title}" has no amount, so nobody can follow it up.`,
          fix: t`Write the amount per party once it is known (from the previous year's report).`,
        });
      }
    });
  }),
};

/** An amount as written, with the path to it. */
interface Written {
  path: Path;
  amount: number;
  /** Whose share it is; none for a line's written total. */
  party?: string;
}

/** The amounts written in a plan's budget, in order: each party's share, or the line's total where it has none (as `lineTotal` counts them). */
function planAmounts(budget: Entry<"plan">["data"]["budget"], lines: (line: Entry<"plan">["data"]["budget"][number]) => boolean = () => true): Written[][] {
  return budget.map((line, i) => {
    if (!lines(line)) return [];
    const shares = Object.entries(line.parties).flatMap(([party, share]): Written[] => {
      if (typeof share === "number") return [{ path: ["budget", i, "parties", party], amount: share, party }];
      if (share && share.amount !== undefined) return [{ path: ["budget", i, "parties", party, "amount"], amount: share.amount, party }];
      return [];
    });
    return shares.length || line.total === undefined ? shares : [{ path: ["budget", i, "total"], amount: line.total }];
  });
}

const LIMIT = `${groupDigits(SAFE_KRONOR)} kr`;

/**
 * Reports the amount with which a running sum of `amounts` leaves the safe range, naming the
 * sum; whether it did. `before` is what other documents added to the sum first.
 */
function checkSum(source: LoneDocument["source"], report: Reporter, amounts: Written[], sumName: Message, before = 0n): boolean {
  const at = overflowAt([before, ...amounts.map((a) => a.amount)]);
  if (at === undefined || at === 0) return false;
  report(source, amounts[at - 1]!.path, {
    reason: t`With this amount, ${sumName} adds up to more than ${LIMIT}, the largest sum that can be added and shown exactly.`,
    fix: t`Check the number of digits; amounts in a plan are kronor, not öre.`,
  });
  return true;
}

/**
 * A money table's figures in kronor, summed without their signs, bound every sum the table, its
 * roll-up and its diff show: where they leave the safe range, the cell that takes them there.
 */
function checkTables(doc: Extract<LoneDocument, { kind: "plan" | "report" | "budget" }>, report: Reporter): void {
  doc.data.tables.forEach((table, k) => {
    const cells: Written[] = [];
    const figures = (values: readonly (number | null)[] | undefined, at: Path) =>
      values?.forEach((v, c) => {
        if (v !== null) cells.push({ path: [...at, "values", c], amount: Math.abs(v) });
      });
    const walk = (rows: readonly object[], at: Path) =>
      rows.forEach((row, i) => {
        if ("rows" in row) {
          walk(row.rows as object[], [...at, i, "rows"]);
          if ("total" in row) figures((row.total as { values?: (number | null)[] } | undefined)?.values, [...at, i, "total"]);
        } else if ("values" in row) figures(row.values as (number | null)[], [...at, i]);
      });
    walk(table.rows, ["tables", k, "rows"]);
    figures(table.total?.values, ["tables", k, "total"]);
    const factor = KRONOR_PER_UNIT[table.unit];
    const at = overflowAt(cells.map((c) => BigInt(c.amount) * factor));
    if (at === undefined) return;
    report(doc.source, cells[at]!.path, {
      reason: t`With this figure, the table "${table.caption}" adds up to more than ${LIMIT}, the largest sum that can be added and shown exactly.`,
      fix: t`Check the number of digits, and the table's \`unit\`.`,
    });
  });
}

/** The amounts a plan adds to the sums across plans: all but those of carry-overs, in order. */
const summedAmounts = (plan: Entry<"plan">) => planAmounts(plan.data.budget, (line) => line.type !== "carry-over").flat();

/**
 * A plan's sums as the sums across plans add them (`PlanMoney`): kept with a plan by \`plan check\`'s
 * cache (`Known`), so that the sums of a thousand plans no change reached are added without reading
 * their data; else made from its data, once.
 */
export const planMoney = (plan: Entry<"plan">): PlanMoney => (plan as KnownEntry)[KNOWN]?.money ?? planMoneyByData(plan);

const planMoneyByData = byData((plan: Entry<"plan">): PlanMoney => {
  let total = 0n;
  const parties = new Map<string, bigint>();
  for (const { party, amount } of summedAmounts(plan)) {
    total += BigInt(amount);
    if (party !== undefined) parties.set(party, (parties.get(party) ?? 0n) + BigInt(amount));
  }
  return { year: plan.data.year, agreement: plan.data.agreement, overflows: planOverflows(plan), total, parties: [...parties] };
});

/** A plan whose own amounts add up beyond the safe range: its own message says so, and the sums across plans leave it out. */
const planOverflows = (plan: Entry<"plan">) =>
  overflowAt(
    planAmounts(plan.data.budget)
      .flat()
      .map((a) => a.amount),
  ) !== undefined;

export const sumRange: Rule = {
  id: "money/sum-range",
  severity: "error",
  example:
    "With this amount, the plan's budget (all lines and parties) adds up to more than 9 007 199 254 740 991 kr, the largest sum that can be added and shown exactly.",
  summary: `Every sum plan shows stays within the range that is added and shown exactly (${groupDigits(SAFE_KRONOR)} kr): a line, a plan, a report, an agreement's year, an agreement's plans, a party across agreements, a money table's figures in kronor.`,
  document(doc, report) {
    if (doc.kind === "plan" || doc.kind === "report" || doc.kind === "budget") checkTables(doc, report);
    if (doc.kind === "plan") {
      // The amounts are never negative, so a sum of all of them bounds every sum of some: per line, party, area or type.
      const lines = planAmounts(doc.data.budget);
      const line = lines.findIndex((amounts) => overflowAt(amounts.map((a) => a.amount)) !== undefined);
      if (line >= 0) checkSum(doc.source, report, lines[line]!, t`the line "${doc.data.budget[line]!.title}"`);
      else checkSum(doc.source, report, lines.flat(), t`the plan's budget (all lines and parties)`);
    } else if (doc.kind === "report") {
      const amounts: Written[] = [
        ...doc.data.outcome.flatMap((o, i) => Object.entries(o.parties).map(([p, amount]) => ({ path: ["outcome", i, "parties", p], amount }))),
        ...doc.data.carryOver.flatMap((c, i) => Object.entries(c.parties ?? {}).map(([p, amount]) => ({ path: ["carryOver", i, "parties", p], amount }))),
      ];
      checkSum(doc.source, report, amounts, t`the report's utfall and carry-overs`);
    } else if (doc.kind === "agreement") {
      const { from, to } = doc.data.period;
      for (let year = from; year <= to; year++) {
        const amounts = doc.data.contributions.map((c, i) => {
          const own = c.years && Object.hasOwn(c.years, String(year));
          return { path: own ? ["contributions", i, "years", String(year)] : ["contributions", i, "amount"], amount: own ? c.years![String(year)]! : c.amount };
        });
        if (checkSum(doc.source, report, amounts, t`the contributions for ${year}`)) break;
      }
    }
  },
  repository(repo, report) {
    const checked = new Set(repo.plans);
    const byYear = (a: Entry<"plan">, b: Entry<"plan">) => planMoney(a).year - planMoney(b).year || compareStrings(a.id, b.id);
    // Every plan with an agreement, not only those being checked (see `Rule.repository`); one whose own sum overflows has its own message.
    // Each plan's sums are known without reading its data where a cache kept them (see `planMoney`).
    const plans = [...repo.documents.values()]
      .filter((e): e is Entry<"plan"> => {
        if (e.kind !== "plan") return false;
        const { agreement, overflows } = planMoney(e as Entry<"plan">);
        return agreement !== undefined && repo.documents.get(agreement)?.kind === "agreement" && !overflows;
      })
      .sort(byYear);
    const budgets = new Map<string, bigint>();
    const parties = new Map<string, bigint>();
    const overflowing = new Map<string, { plan: Entry<"plan">; amount: Written }>();
    for (const plan of plans) {
      const money = planMoney(plan);
      // An agreement's plans refer to it, so they are checked together: the message goes to the amount.
      const agreementId = money.agreement!;
      const before = budgets.get(agreementId) ?? 0n;
      budgets.set(agreementId, before + money.total);
      if (checked.has(plan)) checkSum(plan.source, report, summedAmounts(plan), t`the budget of the agreement ${code(agreementId)} over its years`, before);
      for (const [party, sum] of money.parties) {
        if (overflowing.has(party)) continue;
        const sofar = parties.get(party) ?? 0n;
        parties.set(party, sofar + sum);
        if (sofar + sum <= SAFE_KRONOR) continue;
        // The amounts are never negative: the one that takes the party's sum past the limit is in this plan, read for it.
        let total = sofar;
        const amount = summedAmounts(plan).find((a) => a.party === party && (total += BigInt(a.amount)) > SAFE_KRONOR);
        if (amount) overflowing.set(party, { plan, amount });
      }
    }
    // A party's plans need not refer to each other, so its sum is reported at the party, in the configuration, which is checked every time (watch mode included).
    const config = repo.config;
    config?.data.parties.forEach((party, i) => {
      const found = overflowing.get(party.id);
      if (!found) return;
      const at = place(found.plan.source, found.amount.path).start;
      report(config.source, ["parties", i, "id"], {
        reason: t`The contributions of ${partyLabel(repo, party.id)} across its agreements add up to more than ${LIMIT}, the largest sum that can be added and shown exactly, with the amount at ${found.plan.source.file.path}:${at.line}:${at.column}.`,
        fix: t`Check the number of digits in the plans' amounts; they are kronor, not öre.`,
      });
    });
  },
};
