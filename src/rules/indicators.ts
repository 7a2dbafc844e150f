import { computeBoardGoal, standingText } from "../model/board-goals.js";
import { computeGoalFulfilment, valuesOf } from "../model/indicators.js";
import { agreementsUsing } from "../model/repository.js";
import { lookup } from "../model/repository.js";
import { decimal } from "../format/swedish.js";
import { FULFILMENT } from "../vocabulary.js";
import { code, ofKind, type Rule } from "./rule.js";
import { listOf, t, type Message, type Part } from "../format/message.js";

const RANGES: Record<string, [number, number, Message]> = {
  percent: [0, 100, t`a share between 0 and 100 %`],
  "per-1000": [0, 1000, t`between 0 and 1 000 per thousand`],
  count: [0, Infinity, t`a count of 0 or more`],
  kronor: [0, Infinity, t`0 kr or more`],
};

function rangeOf(unit: string) {
  const range = RANGES[unit];
  if (!range) return undefined;
  const [min, max, wanted] = range;
  return { wanted, excludes: (v: number | null | undefined) => typeof v === "number" && (v < min || v > max) };
}

export const valueRange: Rule = {
  id: "indicator/value-range",
  severity: "error",
  example: "The 2019 value 852 is out of range; the unit `percent` needs a share between 0 and 100 %.",
  summary: "Values, baselines and targets lie within the range of the indicator's unit (a share is 0–100 %).",
  document: ofKind("indicator", (ind, report) => {
    const range = rangeOf(ind.data.unit);
    if (!range) return;
    if (ind.data.baseline && range.excludes(ind.data.baseline.value))
      report(ind.source, ["baseline", "value"], {
        reason: t`The baseline ${decimal(ind.data.baseline.value, 2)} is out of range; the unit \`${ind.data.unit}\` needs ${range.wanted}.`,
      });
    ind.data.targets.forEach((target, i) => {
      if (range.excludes(target.value))
        report(ind.source, ["targets", i, "value"], {
          reason: t`The target ${decimal(target.value, 2)} for ${target.year} is out of range; the unit \`${ind.data.unit}\` needs ${range.wanted}.`,
        });
    });
  }),
  // The values counted are the imported ones where Kolada gives a year, so they are checked with the repository.
  repository(repo, report) {
    for (const ind of repo.indicators) {
      const range = rangeOf(ind.data.unit);
      if (!range) continue;
      for (const v of valuesOf(repo, ind)) {
        for (const key of ["total", "women", "men"] as const) {
          if (range.excludes(v[key]))
            report(v.source, [...v.path, key], {
              reason: t`${ind.data.title}: the ${v.year} value ${decimal(v[key]!, 2)} is out of range; the unit \`${ind.data.unit}\` needs ${range.wanted}.`,
              fix: t`Check the value and the unit (a share is written in percent, 84.2, not 0.842).`,
            });
        }
      }
    }
  },
};

export const valuesBySex: Rule = {
  id: "indicator/sex-values",
  severity: "error",
  example: "The indicator is declared split by sex, but the year 2019 lacks values for women and men.",
  summary: "An indicator declared split by sex (`bySex: true`) has values for women and men in every year it has a value.",
  repository(repo, report) {
    for (const ind of repo.indicators) {
      if (!ind.data.bySex) continue;
      const lacking = valuesOf(repo, ind).filter((v) => v.women == null || v.men == null);
      if (lacking.length === 0) continue;
      report(ind.source, ["bySex"], {
        reason:
          lacking.length === 1
            ? t`The indicator is declared split by sex, but the year ${lacking[0]!.year} lacks values for women and men.`
            : t`The indicator is declared split by sex, but the years ${listOf(lacking.map((v) => v.year))} lack values for women and men.`,
        fix: t`Add \`women:\` and \`men:\` for those years (Kolada genders K and M), or set \`bySex: false\` and say so in the report.`,
      });
    }
  },
};

export const targetYears: Rule = {
  id: "indicator/target-year",
  severity: "error",
  example: "The target year 2025 lies outside the agreement of the plans using the indicator (`sjobacka/avtal-2019-2022` 2019–2022).",
  summary: "An indicator's target years lie within the period of the agreements whose plans use it.",
  repository(repo, report) {
    for (const ind of repo.indicators) {
      const periods = agreementsUsing(repo, ind.id).map((a) => ({ id: a.id, ...a.data.period }));
      if (periods.length === 0) continue;
      ind.data.targets.forEach((target, i) => {
        if (periods.some((p) => target.year >= p.from && target.year <= p.to)) return;
        const agreements = listOf(periods.map((p) => `${code(p.id)} ${p.from}–${p.to}`));
        report(ind.source, ["targets", i, "year"], {
          reason:
            periods.length > 1
              ? t`The target year ${target.year} lies outside the agreements of the plans using the indicator (${agreements}).`
              : t`The target year ${target.year} lies outside the agreement of the plans using the indicator (${agreements}).`,
          fix: t`Set a target for a year the agreement covers.`,
        });
      });
    }
  },
};

export const koladaMunicipality: Rule = {
  id: "indicator/municipality",
  severity: "error",
  example: 'The Kolada municipality `"1441"` is not the kommunkod of Sjöbacka kommun (9999), whose plans use the indicator.',
  summary: "A Kolada-linked indicator's municipality code is the kommunkod of the municipality whose plans use it.",
  repository(repo, report) {
    for (const ind of repo.indicators) {
      const src = ind.data.source;
      if (src?.type !== "kolada") continue;
      const codes = new Map<string, string>();
      for (const agreement of agreementsUsing(repo, ind.id)) {
        for (const partyId of agreement.data.parties) {
          const party = repo.parties.get(partyId);
          if (party?.type === "kommun" && party.kommunkod) codes.set(party.kommunkod, party.name);
        }
      }
      if (codes.size === 0 || codes.has(src.municipality)) continue;
      report(ind.source, ["source", "municipality"], {
        reason: t`The Kolada municipality ${code(`"${src.municipality}"`)} is not the kommunkod of ${listOf(
          [...codes].map(([c, n]) => `${n} (${c})`),
          "or",
        )}, whose plans use the indicator.`,
        fix: t`Write \`municipality: "${[...codes.keys()][0]!}"\`.`,
      });
    }
  },
};

/** Messages one after another, `a; b; c`, as the basis of a fulfilment is listed. */
function semicolons(parts: readonly Message[]): Part {
  return parts.slice(1).reduce<Part>((out, part) => t`${out}; ${part}`, parts[0] ?? "");
}

/** A fulfilment in a sentence's words: `delvis uppfyllt`. */
const inWords = (status: keyof typeof FULFILMENT) => FULFILMENT[status].text.toLocaleLowerCase("sv");

export const goalStatus: Rule = {
  id: "goal/status-mismatch",
  severity: "warning",
  example: "The report says `met` (uppfyllt), but the goal's indicators give `partly-met` (delvis uppfyllt): … 85,2 against target 86 (2019).",
  summary:
    "A report's stated goal fulfilment agrees with the one computed from the goal's indicators against their targets (a board's report: from the indicators it writes under the goal).",
  repository(repo, report) {
    for (const r of repo.reports) {
      const plan = lookup(repo, r.data.plan, "plan");
      if (!plan) {
        // A board's own report: its goals carry their indicators.
        r.data.goals.forEach((g, i) => {
          if (!g.status || g.indicators.length === 0) return;
          const computed = computeBoardGoal(g, r.data.year);
          if (computed.status === "not-assessed" || computed.status === g.status) return;
          const basis = computed.standings.filter((s) => s.status !== "not-assessed").map((s) => t`${standingText(s)} (${code(s.status)})`);
          report(r.source, ["goals", i, "status"], {
            reason: t`The report says the goal ${code(g.goal)} is ${code(g.status)} (${inWords(g.status)}), but its indicators give ${code(computed.status)} (${inWords(computed.status)}): ${semicolons(basis)}.`,
            fix: t`Check the status and the indicators' values and targets; leave \`status\` out to print the computed one, or explain the difference in \`comment\`.`,
          });
        });
        continue;
      }
      r.data.goals.forEach((g, i) => {
        if (!g.status) return;
        const computed = computeGoalFulfilment(repo, plan, g.goal, r.data.year);
        if (computed.status === "not-assessed" || computed.status === g.status) return;
        const basis = computed.assessments
          .filter((a) => a.status !== "not-assessed")
          .map((a) =>
            a.target
              ? t`${a.indicator.data.title}: ${decimal(a.value!, 1)} against target ${decimal(a.target.value, 1)} (${a.target.year})`
              : t`${a.indicator.data.title}: ${decimal(a.value!, 1)} against no target`,
          );
        report(r.source, ["goals", i, "status"], {
          reason: t`The report says ${code(g.status)} (${inWords(g.status)}), but the goal's indicators give ${code(computed.status)} (${inWords(computed.status)}): ${semicolons(basis)}.`,
          fix: t`Check the status and the indicator values; leave \`status\` out to use the computed one, or explain the difference in \`comment\`.`,
        });
      });
    }
  },
};
