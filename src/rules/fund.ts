import { kronor as kr } from "../format/swedish.js";
import { count, t, type Message } from "../format/message.js";
import { fundLedger, grantedTotal, isGranted } from "../model/fund.js";
import { sum } from "../model/money.js";
import type { Application } from "../schema/fund.js";
import { code, ofKind, type Rule } from "./rule.js";

/* The rules of a social investment fund (`kind: fund`, Ale kommun, seed 002). */

/** The columns of the ledger in a message: blank is said as nothing, not as 0 kr. */
const setAside = (n: bigint | undefined): Message => (n === undefined ? t`nothing set aside` : t`${kr(n)} set aside`);
const granted = (n: bigint | undefined): Message => (n === undefined ? t`nothing granted` : t`${kr(n)} granted`);
const repaid = (n: bigint | undefined): Message => (n === undefined ? t`nothing repaid` : t`${kr(n)} repaid`);

/** The seed's rule, as Ale kommun writes it (seed 002, line 22). */
export const TWO_MUNICIPAL_ACTORS = "Alla projekt måste innebära samverkan mellan minst två kommunala aktörer.";

/** An application is refused: the rules on what it must hold for a grant do not ask it of one. */
const refused = (a: Application) => a.decision?.outcome === "refused";

export const fundBalance: Rule = {
  id: "fund/balance",
  severity: "error",
  example:
    "The fund's balance goes below zero in 2014: 1 600 000 kr at the start of the year, nothing set aside, 2 400 000 kr granted (Fotosyntes 1 200 000 kr, MiniMili 1 200 000 kr), nothing repaid, −800 000 kr at the end.",
  summary:
    "A fund's balance never goes below zero: each year's balance at the start, plus what is set aside and repaid, minus what is granted that year. The finding names the year and the figures, at the grant that takes the balance below zero.",
  document: ofKind("fund", (fund, report) => {
    let wasNegative = false;
    for (const row of fundLedger(fund.data)) {
      const negative = row.end < 0n;
      if (negative && !wasNegative) {
        // The grant of the year that takes the running balance below zero, in the order of the document.
        let running = row.start + (row.setAside ?? 0n) + (row.repaid ?? 0n);
        const culprit = row.grants.find((g) => (running -= BigInt(g.amount)) < 0n) ?? row.grants.at(-1);
        const grants = row.grants.map((g) => `${g.application!.title} ${kr(g.amount)}`).join(", ");
        report(fund.source, culprit?.path ?? ["capital"], {
          reason: t`The fund's balance goes below zero in ${row.year}: ${kr(row.start)} at the start of the year, ${setAside(row.setAside)}, ${granted(row.granted)} (${grants}), ${repaid(row.repaid)}, ${kr(row.end)} at the end.`,
          fix: t`Lower the grants of ${row.year} by at least ${kr(-row.end)}, move a part of them to a later year, or set aside more capital by ${row.year}.`,
        });
      }
      wasNegative = negative;
    }
  }),
};

export const fundActors: Rule = {
  id: "fund/actors",
  severity: "error",
  example:
    'The application "Fotosyntes" names 1 municipal actor (Sektor utbildning, kultur och fritid); the fund\'s rule asks for at least two: "Alla projekt måste innebära samverkan mellan minst två kommunala aktörer."',
  summary: `An application to a fund that is not refused names at least two municipal actors (\`municipal: true\`), as Ale kommun's rule says (seed 002, line 22): "${TWO_MUNICIPAL_ACTORS}"`,
  document: ofKind("fund", (fund, report) => {
    fund.data.applications.forEach((application, i) => {
      if (refused(application)) return;
      const municipal = application.actors.filter((a) => a.municipal).map((a) => a.name);
      if (municipal.length >= 2) return;
      const named = municipal.length === 0 ? t`no municipal actor` : t`1 municipal actor (${municipal[0]!})`;
      const others = application.actors.length - municipal.length;
      report(fund.source, application.actors.length ? ["applications", i, "actors"] : ["applications", i], {
        key: true,
        reason: t`The application "${application.title}" names ${named}${others ? t` and ${count(others, "other actor")}` : ""}; the fund's rule asks for at least two: "${TWO_MUNICIPAL_ACTORS}"`,
        fix:
          others > 0
            ? t`Name the second sector of the municipality that works in it, with \`municipal: true\`, or mark an actor of the municipality \`municipal: true\`.`
            : t`Name at least two sectors of the municipality that work in it under \`actors\`, each with \`municipal: true\`.`,
      });
    });
  }),
};

export const fundEvaluation: Rule = {
  id: "fund/evaluation",
  severity: "error",
  example: 'The application "MiniMili" has no plan for evaluating its effect.',
  summary:
    'An application to a fund that is not refused has a plan for evaluating its effect (`evaluation`): who evaluates, how, and against what (seed 002, line 20: the investment is followed by researchers "för att investeringen ska kunna effektutvärderas").',
  document: ofKind("fund", (fund, report) => {
    fund.data.applications.forEach((application, i) => {
      if (refused(application) || application.evaluation !== undefined) return;
      report(fund.source, ["applications", i], {
        key: true,
        reason: t`The application "${application.title}" has no plan for evaluating its effect.`,
        fix: t`Write \`evaluation:\` under the application: who evaluates its effect, how, and against what.`,
      });
    });
  }),
};

export const fundDecision: Rule = {
  id: "fund/decision",
  severity: "error",
  otherSeverity: "warning",
  example: 'The application "Star for Life" is granted, but its decision gives no amount per year.',
  summary:
    "An application to a fund has a decision (a warning while the fund is a draft: it is being prepared); a granted one gives its amount per year (`years`), a refused one none, and only a granted one pays money back (more than it was granted, or a grant for a year before the decision, is a warning).",
  document: ofKind("fund", (fund, report) => {
    const draft = fund.data.status !== "decided";
    fund.data.applications.forEach((application, i) => {
      const at = ["applications", i];
      const d = application.decision;
      if (!d) {
        report(fund.source, at, {
          key: true,
          severity: draft ? "warning" : "error",
          reason: draft
            ? t`The application "${application.title}" has no decision.`
            : t`The application "${application.title}" has no decision, but the fund is decided.`,
          fix: t`Write its \`decision:\` (outcome, date, body, and for a grant the amount per year), or take the application out until it is decided.`,
        });
        return;
      }
      const years = Object.keys(d.years ?? {});
      if (d.outcome === "granted" && years.length === 0) {
        report(fund.source, [...at, "decision", "outcome"], {
          reason: t`The application "${application.title}" is granted, but its decision gives no amount per year.`,
          fix: t`Write the amount granted for each year under \`years\`, e.g. \`years: { 2013: 1200000 }\`.`,
        });
      }
      if (d.outcome === "refused" && years.length > 0) {
        report(fund.source, [...at, "decision", "years"], {
          key: true,
          reason: t`The application "${application.title}" is refused, but its decision grants amounts for ${years.join(", ")}.`,
          fix: t`Remove \`years\` from the decision, or write \`outcome: granted\`.`,
        });
      }
      // Money granted for a year before the decision was taken: a warning, since a decision can also confirm money already spent.
      const decided = Number(d.date.slice(0, 4));
      // A refusal with amounts is the error above; only money granted can be granted too early.
      for (const year of d.outcome === "granted" ? years.filter((y) => Number(y) < decided) : []) {
        report(fund.source, [...at, "decision", "years", year], {
          key: true,
          severity: "warning",
          reason: t`The application "${application.title}" is granted money for ${year}, a year before its decision (${d.date}).`,
          fix: t`Check the year of the grant and the date of the decision.`,
        });
      }
      if (!isGranted(application)) {
        application.repayments.forEach((_, j) => {
          report(fund.source, [...at, "repayments", j, "amount"], {
            reason: t`The application "${application.title}" pays money back, but it was not granted any.`,
            fix: t`Remove the repayment, or give the decision that granted the money.`,
          });
        });
        return;
      }
      const total = grantedTotal(application);
      const back = sum(application.repayments.map((r) => r.amount)) ?? 0n;
      if (total !== undefined && back > total) {
        report(fund.source, [...at, "repayments", application.repayments.length - 1, "amount"], {
          severity: "warning",
          reason: t`The application "${application.title}" pays back ${kr(back)}, more than the ${kr(total)} it was granted.`,
          fix: t`Correct the repayments, or the amounts granted under ${code("decision.years")}.`,
        });
      }
    });
  }),
};
