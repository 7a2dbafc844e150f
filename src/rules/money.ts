import { groupDigits } from "../format/swedish.js";
import { contributingLines, contributionFor, describeSplit, expectedShares, lineTotal, partyTotals, planSplit, sharesOf, sum, withinRounding } from "../model/money.js";
import { plansWithAgreements } from "../model/repository.js";
import { code, ofKind, type Rule } from "./rule.js";

const kr = (n: bigint | number) => `${groupDigits(n)} kr`;
const signed = (n: bigint) => (n > 0n ? `+${groupDigits(n)}` : groupDigits(n));
/** The amounts that make a sum, `110 000 + 110 000`; a long list is only counted. */
function parts(values: (number | undefined)[]): string {
  const written = values.filter((v) => v !== undefined);
  if (written.length === 0) return "no amounts";
  return written.length > 8 ? `${groupDigits(written.length)} amounts` : written.map((v) => groupDigits(v)).join(" + ");
}

export const lineTotals: Rule = {
  id: "money/line-total",
  severity: "error",
  summary: "Where a budget line states its `total`, the parties' amounts on the line sum to it.",
  document: ofKind("plan", (plan, report) => {
    plan.data.budget.forEach((line, i) => {
      if (line.total === undefined) return;
      const amounts = sharesOf(line).map((s) => s.amount);
      const actual = sum(amounts);
      if (actual === BigInt(line.total)) return;
      report(plan.source, ["budget", i, "total"], {
        reason: `The parties' amounts on "${line.title}" sum to ${kr(actual)} (${parts(amounts)}), but its total says ${kr(line.total)}.`,
        fix: `Write \`total: ${actual}\`, or correct the parties' amounts.`,
      });
    });
  }),
};

export const declaredTotals: Rule = {
  id: "money/declared-total",
  severity: "error",
  summary: "Totals and subtotals written in a plan (`totals:`) equal the sum of the lines they include, in total and per party.",
  document: ofKind("plan", (plan, report) => {
    plan.data.totals.forEach((declared, t) => {
      const lines = plan.data.budget.filter((l) => declared.includes.includes(l.type));
      const what = `"${declared.label}" (${declared.includes.join(" + ")} lines)`;
      if (declared.total !== undefined) {
        const actual = sum(lines.map(lineTotal));
        if (actual !== BigInt(declared.total)) {
          report(plan.source, ["totals", t, "total"], {
            reason: `${what}: the ${lines.length} lines sum to ${kr(actual)}, but the total says ${kr(declared.total)} (difference ${signed(BigInt(declared.total) - actual)} kr).`,
            fix: `Write \`total: ${actual}\`, or find the line that is wrong.`,
          });
        }
      }
      const totals = partyTotals(lines);
      for (const [party, amount] of Object.entries(declared.parties)) {
        const actual = totals.get(party) ?? 0n;
        if (actual === BigInt(amount)) continue;
        const amounts = lines.map((l) => sharesOf(l).find((s) => s.party === party)?.amount);
        report(plan.source, ["totals", t, "parties", party], {
          reason: `${what}: ${party}'s amounts sum to ${kr(actual)} (${parts(amounts)}), but the total says ${kr(amount)}.`,
          fix: `Write \`${party}: ${actual}\`, or find the line that is wrong.`,
        });
      }
    });
  }),
};

export const contributions: Rule = {
  id: "money/contribution",
  severity: "error",
  summary: "A plan's total per financier, carry-overs aside, equals that financier's yearly contribution in the agreement.",
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      const totals = partyTotals(contributingLines(plan.data.budget));
      for (const c of agreement.data.contributions) {
        const expected = contributionFor(agreement.data, c.party, plan.data.year)!;
        const actual = totals.get(c.party) ?? 0n;
        if (actual === expected) continue;
        report(plan.source, ["budget"], {
          key: true,
          reason: `${c.party}'s lines in ${plan.data.year} add up to ${kr(actual)}, but the agreement ${code(agreement.id)} fixes its contribution at ${kr(expected)} (difference ${signed(actual - expected)} kr).`,
          fix: actual > expected ? "Lower the party's amounts, or change its contribution in the agreement." : "Plan the rest of the party's contribution, or change it in the agreement.",
        });
      }
    }
  },
};

export const splits: Rule = {
  id: "money/split",
  severity: "error",
  summary: "The financiers' totals keep the agreement's split (equal halves, fixed shares or per inhabitant) for the plan as a whole; single lines may be split otherwise. An agreement's contributions keep its own split.",
  document: ofKind("agreement", (a, report) => {
    const split = a.data.split;
    if (split.rule === "per-inhabitant") {
      const expected = BigInt(split.rate) * BigInt(split.population);
      a.data.contributions.forEach((c, i) => {
        if (BigInt(c.amount) !== expected) {
          report(a.source, ["contributions", i, "amount"], {
            reason: `Under the per-inhabitant split ${c.party} pays ${groupDigits(split.rate)} kr × ${groupDigits(split.population)} inhabitants = ${kr(expected)} a year, but its contribution says ${kr(c.amount)}.`,
            fix: `Write \`amount: ${expected}\`, or correct the rate or population.`,
          });
        }
      });
      return;
    }
    const total = sum(a.data.contributions.map((c) => c.amount));
    const expected = expectedShares(a.data, total);
    a.data.contributions.forEach((c, i) => {
      const share = expected.get(c.party)!;
      if (!withinRounding(BigInt(c.amount), share)) {
        report(a.source, ["contributions", i, "amount"], {
          reason: `The split is ${describeSplit(a.data.split)}: of ${kr(total)} ${c.party} should pay ${kr(share.numerator / share.denominator)}, but its contribution says ${kr(c.amount)}.`,
          fix: "Correct the contribution or the split rule.",
        });
      }
    });
  }),
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      const split = planSplit(agreement.data, plan.data.budget);
      if (split.kept) continue;
      const found = split.parties.map((p) => `${p.party} ${kr(p.amount)}`).join(", ");
      const wanted = split.parties.map((p) => `${p.party} ${kr(p.expected)}`).join(", ");
      const total = split.total;
      report(plan.source, ["budget"], {
        key: true,
        reason: `The agreement ${code(agreement.id)} splits the budget ${describeSplit(agreement.data.split)}; of the plan's ${kr(total)} that is ${wanted}, but the lines give ${found}.`,
        fix: "Move amounts between the parties on some lines so that the plan as a whole keeps the split.",
      });
    }
  },
};


export const financingTypes: Rule = {
  id: "money/financing-type",
  severity: "error",
  summary: "A party pays a line only in a financing type (cash, in-kind, referred) that the agreement allows it.",
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      plan.data.budget.forEach((line, i) => {
        for (const share of sharesOf(line)) {
          const allowed = agreement.data.contributions.find((c) => c.party === share.party)?.financing;
          if (!allowed || allowed.includes(share.financing)) continue;
          report(plan.source, ["budget", i, "parties", share.party, "financing"], {
            reason: `The agreement ${code(agreement.id)} lets ${share.party} pay in ${allowed.map(code).join(", ")}, but this line uses ${code(share.financing)}.`,
            fix: `Use one of ${allowed.map(code).join(", ")}, or allow ${code(share.financing)} in the agreement's contribution.`,
          });
        }
      });
    }
  },
};

export const carryOvers: Rule = {
  id: "money/carry-over",
  severity: "error",
  summary: "A carry-over line names the earlier year its money comes from (`from`); one without an amount is a warning.",
  document: ofKind("plan", (plan, report) => {
    plan.data.budget.forEach((line, i) => {
      if (line.type !== "carry-over") {
        if (line.from !== undefined) report(plan.source, ["budget", i, "from"], { reason: "`from` is only for carry-over lines.", fix: "Set `type: carry-over`, or remove `from`.", severity: "warning" });
        return;
      }
      if (line.from === undefined) {
        report(plan.source, ["budget", i], { reason: `The carry-over "${line.title}" does not say which year its money comes from.`, fix: "Add `from:` with the year, e.g. `from: 2018`." });
      } else if (line.from >= plan.data.year) {
        report(plan.source, ["budget", i, "from"], { reason: `A carry-over into ${plan.data.year} must come from an earlier year; found ${line.from}.`, fix: `Write the year the money was first budgeted, before ${plan.data.year}.` });
      }
      if (sharesOf(line).every((s) => s.amount === undefined)) {
        report(plan.source, ["budget", i, "title"], {
          severity: "warning",
          reason: `The carry-over "${line.title}" has no amount, so nobody can follow it up.`,
          fix: "Write the amount per party once it is known (from the previous year's report).",
        });
      }
    });
  }),
};
