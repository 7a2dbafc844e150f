import { fundLedger, grantedTotal, ledgerTotals, type LedgerYear } from "../../model/fund.js";
import type { Entry } from "../../model/repository.js";
import type { Application, Fund } from "../../schema/fund.js";
import { APPLICATION_PHASE, FUND, GRANT_OUTCOME, KIND, LABEL } from "../../vocabulary.js";
import { amount, date, kr } from "../helpers.js";
import { isFictional, partyName, type PageView, type ViewContext } from "./common.js";
import { documentPage, type PartLevel, type PartSource } from "./page.js";
import { num, td, th, type RowView, type TableView } from "./table.js";

/* A social investment fund's page (Ale kommun, seed 002): its ledger per year and its applications. */

/** `Kommunstyrelsen 2012-04-02, § 45 (Dnr KS 2012/817)`: a decision in a cell or a fact. */
function decisionText(d: { body: string; date: string; paragraph?: string | undefined; dnr?: string | undefined }): string {
  return `${d.body} ${date(d.date)}${d.paragraph ? `, ${d.paragraph}` : ""}${d.dnr ? ` (Dnr ${d.dnr})` : ""}`;
}

/** The decision on an application as its list prints it: `Beviljad 2013-02-11, Kommunstyrelsen, § 23`, or that it is being prepared. */
function outcomeText(application: Application): string {
  const d = application.decision;
  if (!d) return FUND.pending;
  return `${GRANT_OUTCOME[d.outcome]} ${date(d.date)} av ${d.body}${d.paragraph ? `, ${d.paragraph}` : ""}${d.dnr ? ` (Dnr ${d.dnr})` : ""}`;
}

/** The amounts granted per year, `2013: 1 200 000 kr, 2014: 1 200 000 kr`; empty for none. */
const perYear = (application: Application): string =>
  application.decision?.outcome === "granted"
    ? Object.entries(application.decision.years ?? {})
        .map(([year, value]) => `${year}: ${kr(value)}`)
        .join(", ")
    : "";

/** The ledger per year: År, Ingående saldo, Avsatt, Beviljat, Återbetalt, Saldo; a total row over the period. */
export function ledgerTable(fund: Fund, rows: readonly LedgerYear[]): TableView {
  const first = rows[0]?.year;
  const last = rows.at(-1)?.year;
  const decisions = new Map<number, string>();
  for (const c of fund.capital) if (c.decision || c.note) decisions.set(c.year, [c.decision && decisionText(c.decision), c.note].filter(Boolean).join("; "));
  const totals = ledgerTotals(rows);
  const body: RowView[] = rows.map((row) => ({
    cells: [
      th(String(row.year)),
      num(amount(row.start)),
      num(amount(row.setAside), decisions.has(row.year) ? { detail: decisions.get(row.year)! } : {}),
      num(amount(row.granted)),
      num(amount(row.repaid)),
      num(amount(row.end)),
    ],
  }));
  // The total row is headed by the period it sums, `2012–2016`: short enough for the column of years.
  const period = first === last ? String(first) : `${first}–${last}`;
  const total: RowView = {
    kind: "total",
    cells: [th(period), num(""), num(amount(totals.setAside)), num(amount(totals.granted)), num(amount(totals.repaid)), num(amount(rows.at(-1)?.end))],
  };
  return {
    caption: `${FUND.ledger} ${period} (kronor)`,
    className: "fund-ledger",
    head: [{ cells: [FUND.year, FUND.start, FUND.setAside, FUND.granted, FUND.repaid, FUND.balance].map((h, i) => th(h, "col", i ? { num: true } : {})) }],
    bodies: [body, [total]],
  };
}

/** The heading of the list of applications: the seed's, where every one is granted. */
const applicationsTitle = (fund: Fund) => (fund.applications.every((a) => a.decision?.outcome === "granted") ? FUND.applications : FUND.allApplications);

/** The list of applications: title, actors, amount granted, decision and status. */
export function applicationsTable(fund: Fund): TableView {
  // Five columns fit an A4 page: the sector, the amounts per year and the repayments are in each application's card (`::evaluations`).
  const rows: RowView[] = fund.applications.map((a) => ({
    cells: [
      th(a.title),
      // Names of actors hold commas ("Folkhälsokommittén, Västra Götalandsregionen"): a semicolon parts them.
      td(a.actors.map((actor) => actor.name).join("; ")),
      num(amount(grantedTotal(a))),
      // `Beviljad 2013-02-04` on a line that does not break (the date would, at its hyphens), who decided below it.
      a.decision
        ? td(`${GRANT_OUTCOME[a.decision.outcome]} ${date(a.decision.date)}`, { detail: [a.decision.body, a.decision.paragraph].filter(Boolean).join(", ") })
        : td(FUND.pending),
      td(a.decision?.outcome === "granted" && a.phase ? APPLICATION_PHASE[a.phase] : ""),
    ],
  }));
  return {
    caption: `${applicationsTitle(fund)} (kronor)`,
    className: "fund-applications",
    head: [
      {
        cells: [th(FUND.application, "col"), th(FUND.actors, "col"), th(FUND.amount, "col", { num: true }), th(LABEL.decision, "col"), th(LABEL.status, "col")],
      },
    ],
    bodies: [rows],
  };
}

/** One application's card: sector, purpose, actors, effect evaluation, decision, the amounts per year and the repayments. */
function evaluationCard(a: Application) {
  return {
    id: `ansokan-${a.id}`,
    title: a.title,
    facts: [
      { label: FUND.applicant, text: a.applicant },
      a.purpose && { label: FUND.purpose, text: a.purpose },
      a.actors.length && {
        label: FUND.actors,
        items: a.actors.map((actor) => (actor.municipal ? `${actor.name} (${FUND.municipalActor})` : actor.name)),
      },
      a.evaluation && { label: FUND.evaluation, text: a.evaluation },
      { label: LABEL.decision, text: outcomeText(a) },
      perYear(a) && { label: FUND.amount, text: perYear(a) },
      a.repayments.length && {
        label: FUND.repayments,
        items: a.repayments.map((r) => `${r.year}: ${kr(r.amount)}${r.note ? ` – ${r.note}` : ""}`),
      },
    ].filter(Boolean),
  };
}

/** A social investment fund: the capital set aside, its ledger per year and its applications. */
export function fundView(ctx: ViewContext, fund: Entry<"fund">, page: string): PageView {
  const { repo } = ctx;
  const data = fund.data;
  const rows = fundLedger(data);
  const ledger = ledgerTable(data, rows);
  const applications = applicationsTable(data);
  const cards = data.applications.map(evaluationCard);
  const withCaption = (table: TableView, at: PartLevel): TableView => ({ ...table, captionHidden: at.heading });
  const parts: PartSource = {
    defaults: ["ledger", "applications", "evaluations"],
    place(name, attributes, at) {
      switch (name) {
        case "ledger":
          return rows.length
            ? { partial: "fund-table", part: name, ...at, anchor: "fondens-saldo", title: FUND.ledger, table: withCaption(ledger, at) }
            : undefined;
        case "applications":
          return data.applications.length
            ? { partial: "fund-table", part: name, ...at, anchor: "ansokningar", title: applicationsTitle(data), table: withCaption(applications, at) }
            : undefined;
        case "evaluations":
          return cards.length
            ? { partial: "fund-evaluations", part: name, ...at, title: FUND.evaluations, cards: cards.map((c) => ({ ...c, heading: true, level: at.sub })) }
            : undefined;
        case "evaluation": {
          const card = cards.find((c) => c.id === `ansokan-${attributes["id"]}`);
          return card ? { partial: "fund-evaluation", part: name, ...card, ...at } : undefined;
        }
        default:
          return undefined;
      }
    },
  };
  const capital = ledgerTotals(rows).setAside;
  return documentPage(ctx, fund, page, {
    organisation: repo.parties.get(data.organisation),
    fictional: isFictional(repo, fund),
    print: { header: "document" },
    header: {
      doctype: KIND.fund.name,
      facts: [
        { label: "Organisation", text: partyName(repo, data.organisation) },
        {
          label: FUND.capital,
          text:
            data.capital
              .map((c) => {
                const why = [c.decision && decisionText(c.decision), c.note].filter(Boolean).join("; ");
                return `${c.year}: ${kr(c.amount)}${why ? ` (${why})` : ""}`;
              })
              .join(", ") + (data.capital.length > 1 ? ` = ${kr(capital)}` : ""),
        },
      ],
    },
    content: {},
    parts,
  });
}
