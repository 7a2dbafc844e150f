import { lookup, plansWithAgreements } from "../model/repository.js";
import { code, ofKind, type Rule } from "./rule.js";
import { t } from "../format/message.js";

export const planInPeriod: Rule = {
  id: "date/plan-in-period",
  severity: "error",
  example: "The agreement `lerum/avtal-2017-2020` runs 2017–2020, so it has no plan for 2021.",
  summary: "A plan's year lies inside its agreement's period; an agreement's period runs forwards.",
  document: ofKind("agreement", (a, report) => {
    const { from, to } = a.data.period;
    if (from > to) report(a.source, ["period", "to"], { reason: t`The period ends (${to}) before it begins (${from}).`, fix: t`Swap \`from\` and \`to\`.` });
  }),
  repository(repo, report) {
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      const { from, to } = agreement.data.period;
      if (plan.data.year < from || plan.data.year > to) {
        report(plan.source, ["year"], {
          reason: t`The agreement ${code(agreement.id)} runs ${from}–${to}, so it has no plan for ${plan.data.year}.`,
          fix: t`Refer to the agreement that covers this year, or correct the year.`,
        });
      }
    }
  },
};

export const reportOfPlan: Rule = {
  id: "date/report-year",
  severity: "error",
  example: "The report is for 2020, but the plan `sjobacka/plan-2019` is for 2019.",
  summary: "A report follows up an existing plan of the same year.",
  repository(repo, report) {
    for (const r of repo.reports) {
      const plan = lookup(repo, r.data.plan, "plan");
      if (plan && plan.data.year !== r.data.year) {
        report(r.source, ["year"], {
          reason: t`The report is for ${r.data.year}, but the plan ${code(plan.id)} is for ${plan.data.year}.`,
          fix: t`Refer to the plan of the same year, or correct the year.`,
        });
      }
    }
  },
};

export const decidedLate: Rule = {
  id: "date/decided-late",
  severity: "warning",
  example: "The plan for 2019 was decided on 2019-01-09, after its year had begun.",
  summary: "A plan decided after its own year has begun is flagged: work in January ran without a decided plan.",
  document: ofKind("plan", (plan, report) => {
    const date = plan.data.decision?.date;
    if (date && date > `${plan.data.year}-01-01`) {
      report(plan.source, ["decision", "date"], {
        reason: t`The plan for ${plan.data.year} was decided on ${date}, after its year had begun.`,
        fix: t`Put next year's plan before the board in the autumn.`,
      });
    }
  }),
};
