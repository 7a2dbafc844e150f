import { compareStrings } from "../format/text.js";
import { contributingLines, incomeTotals, lineTotal, partyTotals, sharesOf, sum } from "../model/money.js";
import { partyLabels, partyName } from "../model/parties.js";
import { lookup, type AnyEntry, type Entry, type Repository } from "../model/repository.js";
import type { BudgetLine } from "../schema/plan.js";
import { FINANCING, INCOME, KIND, LINE_TYPE_AREA } from "../vocabulary.js";
import { REGION_ROLLUP, tablesAcrossOrganisations } from "./money-tables.js";
import { kronorCell, slug, type Column, type Row, type Table } from "./table.js";

/** The financiers of the plan's agreement, in the agreement's order, then any other party on its lines. */
export function planParties(repo: Repository, plan: Entry<"plan">): string[] {
  const agreement = lookup(repo, plan.data.agreement, "agreement");
  const parties = agreement ? agreement.data.contributions.map((c) => c.party) : [];
  for (const line of plan.data.budget) for (const p of Object.keys(line.parties)) if (!parties.includes(p)) parties.push(p);
  return parties;
}

/** The intervention area a line belongs to: its intervention's, else its type's. */
export function areaOf(plan: Entry<"plan">, line: BudgetLine): string {
  if (line.type !== "intervention") return LINE_TYPE_AREA[line.type];
  const intervention = plan.data.interventions.find((i) => i.id === line.intervention);
  return intervention?.area ?? LINE_TYPE_AREA.intervention;
}

/** The key of the column of income that is no party's contribution: camel case as `isTotal`, so never a party id (lower case). */
const INCOME_KEY = "otherIncome";

/** The parties' columns, income's where `income` (no party's contribution, e.g. a state grant), and the total. */
const moneyColumns = (repo: Repository, parties: string[], income = false): Column[] => [
  ...[...partyLabels(repo, parties)].map(([key, label]) => ({ key, label, money: true })),
  ...(income ? [{ key: INCOME_KEY, label: INCOME.label, money: true }] : []),
  { key: "total", label: "Totalt", money: true },
];

/** Whether any of the lines is income that is no party's contribution. */
const hasIncome = (lines: readonly BudgetLine[]) => lines.some((l) => l.income !== undefined);

/**
 * A row of each party's sum and the lines' total. Lines with no amounts at all (a carry-over
 * whose amount was never written) stay empty, not 0; so does a party with no amount on them.
 * A line that gives only a total counts in the total and for no party; income that is no
 * party's contribution has a column of its own.
 */
function amountsRow(label: Record<string, string>, lines: BudgetLine[], parties: string[], total = false): Row {
  const totals = partyTotals(lines);
  const cells: Row["cells"] = { ...label, total: kronorCell(sum(lines.map(lineTotal))) };
  for (const p of parties) cells[p] = kronorCell(totals.get(p));
  const income = incomeTotals(lines);
  if (income.size) cells[INCOME_KEY] = kronorCell(sum(income.values()));
  return { cells, total };
}

/** Per plan: per intervention area, per party and in total; carry-overs apart. */
export function planByArea(repo: Repository, plan: Entry<"plan">): Table {
  const parties = planParties(repo, plan);
  const areas = new Map<string, BudgetLine[]>();
  for (const line of plan.data.budget) {
    const area = areaOf(plan, line);
    areas.set(area, [...(areas.get(area) ?? []), line]);
  }
  const rows = [...areas].filter(([, lines]) => lines.some((l) => l.type !== "carry-over")).map(([area, lines]) => amountsRow({ area }, lines, parties));
  rows.push(amountsRow({ area: "Gemensam budget" }, contributingLines(plan.data.budget), parties, true));
  for (const [area, lines] of areas) if (lines.every((l) => l.type === "carry-over")) rows.push(amountsRow({ area }, lines, parties));
  return {
    name: rollupNames.plan(plan.id)[0]!,
    caption: `${plan.data.title}: budget per insatsområde`,
    columns: [{ key: "area", label: "Insatsområde" }, ...moneyColumns(repo, parties, hasIncome(plan.data.budget))],
    rows,
  };
}

/** Per plan: each party's amounts by financing type (cash, in-kind, referred). */
export function planByFinancing(repo: Repository, plan: Entry<"plan">): Table {
  const parties = planParties(repo, plan);
  const labels = partyLabels(repo, parties);
  const rows: Row[] = [];
  for (const party of parties) {
    for (const [type, { label }] of Object.entries(FINANCING)) {
      const amounts = contributingLines(plan.data.budget).flatMap((l) =>
        sharesOf(l)
          .filter((s) => s.party === party && s.financing === type)
          .map((s) => s.amount),
      );
      if (amounts.every((a) => a === undefined)) continue;
      rows.push({ cells: { party: labels.get(party)!, financing: label, amount: kronorCell(sum(amounts)) } });
    }
  }
  return {
    name: rollupNames.plan(plan.id)[1]!,
    caption: `${plan.data.title}: finansiering per part`,
    columns: [
      { key: "party", label: "Part" },
      { key: "financing", label: "Finansiering" },
      { key: "amount", label: "Belopp", money: true },
    ],
    rows,
  };
}

/** Per agreement: years × parties, with each party's share of the year's budget. */
export function agreementByYear(repo: Repository, agreement: Entry<"agreement">): Table {
  const parties = agreement.data.contributions.map((c) => c.party);
  const plans = repo.plans.filter((p) => p.data.agreement === agreement.id).sort((a, b) => a.data.year - b.data.year || compareStrings(a.id, b.id));
  const rows: Row[] = plans.map((plan) => {
    const row = amountsRow({ year: String(plan.data.year), plan: plan.data.title }, contributingLines(plan.data.budget), parties);
    // The split is the financiers': income that is no party's contribution is not part of it; a party's blank cell has no share.
    const amounts = parties.map((p) => row.cells[p]).filter((c): c is number => typeof c === "number");
    const total = amounts.reduce((a, c) => a + c, 0);
    const share = (cell: Row["cells"][string]) => (amounts.length && total && typeof cell === "number" ? `${Math.round((cell / total) * 100)} %` : "–");
    row.cells["split"] = parties.map((p) => share(row.cells[p])).join(" / ");
    return row;
  });
  if (plans.length > 1)
    rows.push(
      amountsRow(
        { year: "Summa" },
        plans.flatMap((p) => contributingLines(p.data.budget)),
        parties,
        true,
      ),
    );
  return {
    name: rollupNames.agreement(agreement.id)[0]!,
    caption: `${agreement.data.title}: budget per år och part`,
    columns: [
      { key: "year", label: "År" },
      { key: "plan", label: "Plan" },
      ...moneyColumns(
        repo,
        parties,
        plans.some((p) => hasIncome(p.data.budget)),
      ),
      { key: "split", label: "Fördelning" },
    ],
    rows,
  };
}

/** What a plan's contributing lines (all but carry-overs) add up to: in all, and per party; blank (`undefined`, no entry) where no amount is known. */
export interface PlanSums {
  total: bigint | undefined;
  byParty: Map<string, bigint>;
}

export function planSums(plan: Entry<"plan">): PlanSums {
  const lines = contributingLines(plan.data.budget);
  return { total: sum(lines.map(lineTotal)), byParty: partyTotals(lines) };
}

/** Per party across all agreements: what it pays to each agreement each year (the region's view). */
export function partyAcrossAgreements(repo: Repository, party: string, sumsOf: (plan: Entry<"plan">) => PlanSums = planSums): Table | undefined {
  const rows: Row[] = [];
  const amounts: (bigint | undefined)[] = [];
  for (const agreement of repo.agreements.filter((a) => a.data.contributions.some((c) => c.party === party))) {
    const others = agreement.data.parties.filter((p) => p !== party).map((p) => partyName(repo, p));
    for (const plan of [...(repo.referrers.plansOfAgreement.get(agreement.id) ?? [])].sort((a, b) => a.data.year - b.data.year)) {
      const sums = sumsOf(plan);
      const own = sums.byParty.get(party);
      amounts.push(own);
      rows.push({
        cells: {
          with: others.join(", "),
          agreement: agreement.data.title,
          year: String(plan.data.year),
          amount: kronorCell(own),
          total: kronorCell(sums.total),
        },
      });
    }
  }
  if (rows.length === 0) return undefined;
  rows.sort((a, b) => compareStrings(String(a.cells["year"]), String(b.cells["year"])) || compareStrings(String(a.cells["with"]), String(b.cells["with"])));
  rows.push({ cells: { with: "Summa", amount: kronorCell(sum(amounts)) }, total: true });
  return {
    name: rollupNames.party(party)[0]!,
    caption: `${partyName(repo, party)}: bidrag per avtal och år`,
    columns: [
      { key: "year", label: "År" },
      { key: "with", label: "Samverkanspart" },
      { key: "agreement", label: KIND.agreement.short },
      { key: "amount", label: "Bidrag", money: true },
      { key: "total", label: "Gemensam budget", money: true },
    ],
    rows,
  };
}

/** The roll-ups across agreements, one per party that contributes to any. */
export function partyRollups(repo: Repository, sumsOf?: (plan: Entry<"plan">) => PlanSums): Table[] {
  return [...repo.parties.keys()].flatMap((party) => partyAcrossAgreements(repo, party, sumsOf) ?? []);
}

/** The roll-ups made of one document: a plan's by area and by financing, an agreement's by year. */
export function documentRollups(repo: Repository, entry: AnyEntry): Table[] {
  // A plan without budget lines (a unit plan whose form has no money) has nothing to roll up.
  if (entry.kind === "plan") return entry.data.budget.length ? [planByArea(repo, entry), planByFinancing(repo, entry)] : [];
  if (entry.kind === "agreement") return [agreementByYear(repo, entry)];
  return [];
}

/**
 * Every roll-up of the repository, in a stable order: the plans' (by id), the agreements' (by
 * id), the parties', the money tables' per organisation. A caller that keeps tables between builds gives those it has.
 */
export function allRollups(
  repo: Repository,
  tablesOf = (entry: AnyEntry) => documentRollups(repo, entry),
  partyTables = partyRollups(repo),
  organisationTables = organisationRollups(repo),
): Table[] {
  const byId = (entries: readonly AnyEntry[]) => [...entries].sort((a, b) => compareStrings(a.id, b.id));
  return [...byId(repo.plans).flatMap(tablesOf), ...byId(repo.agreements).flatMap(tablesOf), ...partyTables, ...organisationTables];
}

/** The region's roll-up of the money tables per organisation and year, where there are tables to roll up. */
export function organisationRollups(repo: Repository): Table[] {
  const table = tablesAcrossOrganisations(repo);
  return table ? [table] : [];
}

export { slug };

/** The names of the roll-ups made of a plan, an agreement or a party (without `.html`, `.csv`): the tables' and `path/name-length`'s. */
export const rollupNames = {
  plan: (id: string) => [`${slug(id)}-per-area`, `${slug(id)}-per-financing`],
  agreement: (id: string) => [`${slug(id)}-per-year`],
  party: (id: string) => [`${slug(id)}-across-agreements`],
  organisations: REGION_ROLLUP,
};
