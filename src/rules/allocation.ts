import { figureOf, weightFraction, weightSum } from "../model/allocation.js";
import { own, type Fraction } from "../model/money.js";
import type { Measure } from "../schema/allocation.js";
import { code, ofKind, type Rule } from "./rule.js";
import { t } from "../format/message.js";

/** A fraction of the whole as a percentage, exactly where a decimal of at most six places gives it (`50 %`, `33,25 %`), else as the fraction (`1/3`). */
export function percentOf(f: Fraction): string {
  for (let d = 0; d <= 6; d++) {
    const scale = 100n * 10n ** BigInt(d);
    if ((f.numerator * scale) % f.denominator === 0n) {
      const n = (f.numerator * scale) / f.denominator;
      const negative = n < 0n;
      const digits = (negative ? -n : n).toString().padStart(d + 1, "0");
      return `${negative ? "−" : ""}${d ? `${digits.slice(0, -d)},${digits.slice(-d)}` : digits} %`;
    }
  }
  return `${f.numerator}/${f.denominator}`;
}

const measureName = (m: Measure) => `"${m.label}"`;

export const allocationWeights: Rule = {
  id: "alloc/weights",
  severity: "error",
  example:
    'The weights of the key add up to 90 % ("Befolkning" 50 %, "Inskrivna" 40 %), but they share the whole amount between them: they must add up to 100 %.',
  summary:
    'An allocation key\'s weights add up to exactly 100 %: percentages as written (`50`, `33.25`) or fractions of the whole (`"1/3"`), added as exact fractions, never as floats.',
  document: ofKind("allocation", (doc, report) => {
    const measures = doc.data.measures;
    const sum = weightSum(measures);
    if (sum.numerator === sum.denominator) return;
    const first = measures[0]!;
    // The weight the first measure would need for the key to add up.
    const rest = weightSum(measures.slice(1));
    const needed: Fraction = { numerator: rest.denominator - rest.numerator, denominator: rest.denominator };
    const neededText = percentOf(needed);
    const writable = needed.numerator > 0n && /^[\d,]+ %$/.test(neededText);
    report(doc.source, ["measures", 0, "weight"], {
      reason: t`The weights of the key add up to ${percentOf(sum)} (${measures.map((m) => `${measureName(m)} ${percentOf(weightFraction(m.weight))}`).join(", ")}), but they share the whole amount between them: they must add up to 100 %.`,
      fix: writable
        ? t`Write \`weight: ${neededText.replace(" %", "").replace(",", ".")}\` for ${measureName(first)}, or correct the other weights so that all add up to 100 %.`
        : t`Correct the weights so that they add up to 100 %.`,
    });
  }),
};

export const allocationInputs: Rule = {
  id: "alloc/input-missing",
  severity: "error",
  example: 'The measure "Befolkning" has no figure for `ockero`: every member needs a figure in every measure, or no member\'s amount can be computed.',
  summary:
    "Every member of an allocation has a figure in every measure of its key (`~`, not known, is none), and no measure's figures add up to 0: otherwise no member's share can be computed.",
  document: ofKind("allocation", (doc, report) => {
    doc.data.measures.forEach((measure, k) => {
      for (const member of doc.data.members) {
        const input = own(measure.values, member);
        if (input === undefined)
          report(doc.source, ["measures", k, "values"], {
            key: true,
            reason: t`The measure ${measureName(measure)} has no figure for ${code(member)}: every member needs a figure in every measure, or no member's amount can be computed.`,
            fix: t`Add \`${member}: <figure>\` under \`values\`, from ${measure.source}.`,
          });
        else if (input === null)
          report(doc.source, ["measures", k, "values", member], {
            reason: t`The figure of ${code(member)} in the measure ${measureName(measure)} is \`~\` (not known): no member's amount can be computed until it is.`,
            fix: t`Write the figure from ${measure.source}.`,
          });
      }
      // The members' known figures, as the split reads them: a `~` is not known (reported above), never 0.
      const figures = doc.data.members.flatMap((m) => figureOf(measure, m)?.value ?? []);
      if (figures.length > 0 && figures.every((v) => v === 0))
        report(doc.source, ["measures", k, "values"], {
          key: true,
          reason: t`Every figure of the measure ${measureName(measure)} is 0, so it cannot divide its ${percentOf(weightFraction(measure.weight))} of the amount.`,
          fix: t`Write the members' figures, or take the measure out of the key and give its weight to the others.`,
        });
    });
  }),
};

export const allocationMembers: Rule = {
  id: "alloc/member",
  severity: "error",
  example: 'The measure "Befolkning" has a figure for `partille`, which is not one of the allocation\'s `members`.',
  summary:
    "A measure gives figures only for the allocation's `members`, and each member is listed once (a member must also be a party of `plan.config.yaml`: `ref/party`).",
  document: ofKind("allocation", (doc, report) => {
    const members = doc.data.members;
    members.forEach((m, i) => {
      const first = members.indexOf(m);
      if (first !== i)
        report(doc.source, ["members", i], {
          reason: t`${code(m)} is listed twice among the members (also as members[${first}]); it would get two shares.`,
          fix: t`List each member once.`,
        });
    });
    doc.data.measures.forEach((measure, k) => {
      for (const key of Object.keys(measure.values)) {
        if (members.includes(key)) continue;
        report(doc.source, ["measures", k, "values", key], {
          key: true,
          reason: t`The measure ${measureName(measure)} has a figure for ${code(key)}, which is not one of the allocation's \`members\`.`,
          fix: t`Add ${code(key)} to \`members\` if it is to have a share, or take its figure out.`,
        });
      }
    });
  }),
};

export const allocationYears: Rule = {
  id: "alloc/input-year",
  severity: "warning",
  example: 'The figures of "Befolkning" are from 2017, but the key\'s figures are from 2018 (`basisYear`): every share is computed from the same year.',
  summary:
    "The figures of an allocation key are of the key's year (`basisYear`): a measure of another year, or a member's figure cited from another year, is flagged where it is written.",
  document: ofKind("allocation", (doc, report) => {
    const basis = doc.data.basisYear;
    doc.data.measures.forEach((measure, k) => {
      if (measure.year !== basis)
        report(doc.source, ["measures", k, "year"], {
          reason: t`The figures of ${measureName(measure)} are from ${measure.year}, but the key's figures are from ${basis} (\`basisYear\`): every share is computed from the same year.`,
          fix: t`Take the figures of ${basis} from ${measure.source}, or correct \`basisYear\` if the key is of ${measure.year}.`,
        });
      for (const [member, input] of Object.entries(measure.values)) {
        if (input === null || typeof input === "number" || input.year === undefined || input.year === basis) continue;
        report(doc.source, ["measures", k, "values", member, "year"], {
          reason: t`The figure of ${code(member)} in ${measureName(measure)} is from ${input.year}, but the key's figures are from ${basis} (\`basisYear\`): its share is computed from another year than the others'.`,
          fix: t`Take the figure of ${code(member)} of ${basis} from ${input.source ?? measure.source}; where there is none, say why in the figure's \`note\`, which the table prints.`,
        });
      }
    });
  }),
};
