import type { Application, Fund } from "../schema/fund.js";
import { sum } from "./money.js";

/*
 * The ledger of a social investment fund: per year, the balance at the start, what was set aside,
 * granted and paid back, and the balance at the end. Sums are exact (bigint). A column with
 * nothing in a year is blank (`undefined`), never 0; the balance is always known, since the fund
 * starts at nothing before its first year.
 */

/** One amount of the fund's ledger, with where it is written: a YAML path of the fund's document. */
export interface LedgerEntry {
  year: number;
  amount: number;
  path: (string | number)[];
  /** The application it belongs to, for grants and repayments. */
  application?: Application;
}

export interface LedgerYear {
  year: number;
  start: bigint;
  setAside: bigint | undefined;
  granted: bigint | undefined;
  repaid: bigint | undefined;
  end: bigint;
  /** The grants of the year, in the order of the document: a rule points at the one that takes the balance below zero. */
  grants: LedgerEntry[];
}

/** Whether an application's decision grants it money. */
export const isGranted = (application: Application): boolean => application.decision?.outcome === "granted";

/** Every amount set aside, in the order of the document. */
export const setAsideEntries = (fund: Fund): LedgerEntry[] => fund.capital.map((c, i) => ({ year: c.year, amount: c.amount, path: ["capital", i, "amount"] }));

/** Every amount granted, per application and year, in the order of the document (refused and pending applications grant nothing). */
export function grantEntries(fund: Fund): LedgerEntry[] {
  return fund.applications.flatMap((application, i) =>
    isGranted(application)
      ? Object.entries(application.decision!.years ?? {}).map(([year, amount]) => ({
          year: Number(year),
          amount,
          path: ["applications", i, "decision", "years", year],
          application,
        }))
      : [],
  );
}

/** Every amount paid back into the fund, in the order of the document. */
export function repaymentEntries(fund: Fund): LedgerEntry[] {
  return fund.applications.flatMap((application, i) =>
    application.repayments.map((r, j) => ({ year: r.year, amount: r.amount, path: ["applications", i, "repayments", j, "amount"], application })),
  );
}

/** The total granted to an application over all years; blank where it is granted nothing (or not granted). */
export const grantedTotal = (application: Application): bigint | undefined =>
  isGranted(application) ? sum(Object.values(application.decision!.years ?? {})) : undefined;

/**
 * The ledger, one row per year from the first year anything happens to the last (or to the fund's
 * `to`, where later). Empty where nothing at all is written.
 */
export function fundLedger(fund: Fund): LedgerYear[] {
  const setAside = setAsideEntries(fund);
  const grants = grantEntries(fund);
  const repaid = repaymentEntries(fund);
  const years = [...setAside, ...grants, ...repaid].map((e) => e.year);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years, fund.to ?? first);
  const ofYear = (entries: LedgerEntry[], year: number) => entries.filter((e) => e.year === year);
  const rows: LedgerYear[] = [];
  let balance = 0n;
  for (let year = first; year <= last; year++) {
    const row = {
      year,
      start: balance,
      setAside: sum(ofYear(setAside, year).map((e) => e.amount)),
      granted: sum(ofYear(grants, year).map((e) => e.amount)),
      repaid: sum(ofYear(repaid, year).map((e) => e.amount)),
      grants: ofYear(grants, year),
    };
    balance = balance + (row.setAside ?? 0n) + (row.repaid ?? 0n) - (row.granted ?? 0n);
    rows.push({ ...row, end: balance });
  }
  return rows;
}

/** The ledger's totals over all its years; blank where a column has nothing in any year. */
export function ledgerTotals(rows: readonly LedgerYear[]): { setAside: bigint | undefined; granted: bigint | undefined; repaid: bigint | undefined } {
  return {
    setAside: sum(rows.map((r) => r.setAside)),
    granted: sum(rows.map((r) => r.granted)),
    repaid: sum(rows.map((r) => r.repaid)),
  };
}
