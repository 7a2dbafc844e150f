import { compareStrings } from "../format/text.js";
import { koladaKey, type Entry, type Repository } from "../model/repository.js";

/** Kolada's current API; v2 (`…/v2`) answers with the same paths. */
export const DEFAULT_BASE_URL = "https://api.kolada.se/v3";

/**
 * Ids per request. Kolada limits how many ids one request may list (the URL length, says the
 * Hypergene/kolada README; clients keep to 25: xemarap/koladapy `MAX_BATCH_SIZE = 25  # Maximum
 * number of IDs to include in a single request`).
 */
export const CHUNK = 25;

/** A KPI of one municipality that an indicator follows, with the years the repository cares about. */
export interface KoladaTarget {
  kpi: string;
  municipality: string;
  years: number[];
  /** Ids of the indicators that use it. */
  indicators: string[];
}

export interface KoladaRequest {
  url: string;
  municipality: string;
  kpis: string[];
  /** Empty: every year Kolada has. */
  years: number[];
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
const sortedUnique = (numbers: Iterable<number>) => [...new Set(numbers)].sort((a, b) => a - b);
const sortedStrings = (strings: Iterable<string>) => [...new Set(strings)].sort();

/** The years of the agreements that the municipality is a party to (by its kommunkod), else of all agreements. */
function agreementYears(repo: Repository, municipality: string): number[] {
  const parties = new Set([...repo.parties.values()].filter((p) => p.kommunkod === municipality).map((p) => p.id));
  const own = repo.agreements.filter((a) => a.data.parties.some((p) => parties.has(p)));
  return (own.length ? own : repo.agreements).flatMap((a) => range(a.data.period.from, a.data.period.to));
}

/** The years an indicator names: its baseline, its targets and its values. */
function indicatorYears(indicator: Entry<"indicator">): number[] {
  const { baseline, targets, values } = indicator.data;
  return [...(baseline ? [baseline.year] : []), ...targets.map((t) => t.year), ...values.map((v) => v.year)];
}

/** Every KPI and municipality that an indicator of the repository takes from Kolada. */
export function koladaTargets(repo: Repository): KoladaTarget[] {
  const byKey = new Map<string, KoladaTarget>();
  for (const indicator of repo.indicators) {
    const source = indicator.data.source;
    if (source?.type !== "kolada") continue;
    const key = koladaKey(source.kpi, source.municipality);
    const target = byKey.get(key) ?? { kpi: source.kpi, municipality: source.municipality, years: [], indicators: [] };
    target.years = sortedUnique([...target.years, ...indicatorYears(indicator), ...agreementYears(repo, source.municipality)]);
    target.indicators.push(indicator.id);
    byKey.set(key, target);
  }
  return [...byKey.values()].sort((a, b) => compareStrings(a.municipality + a.kpi, b.municipality + b.kpi));
}

const chunks = <T>(list: T[], size: number): T[][] =>
  list.length ? Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size)) : [[]];

/**
 * The data URL for KPIs of one municipality in some years, in the form the Hypergene/kolada
 * README gives for v2 and that v3 keeps (`/v3/data/kpi/N00945/municipality/1860/year/2009,2007`,
 * ids comma separated); without years, every year (`/data/kpi/<KPI>/municipality/<ID>`).
 */
export function dataUrl(baseUrl: string, kpis: string[], municipality: string, years: number[]): string {
  const base = baseUrl.replace(/\/+$/, "");
  const path = `/data/kpi/${kpis.map(encodeURIComponent).join(",")}/municipality/${encodeURIComponent(municipality)}`;
  return base + path + (years.length ? `/year/${years.join(",")}` : "");
}

/**
 * The requests that fetch every target: one municipality per request, its KPIs in chunks of
 * {@link CHUNK}, each chunk with the union of its KPIs' years (also in chunks).
 */
export function buildRequests(targets: KoladaTarget[], baseUrl: string, chunk = CHUNK): KoladaRequest[] {
  const requests: KoladaRequest[] = [];
  for (const municipality of sortedStrings(targets.map((t) => t.municipality))) {
    const own = targets.filter((t) => t.municipality === municipality);
    for (const kpis of chunks(sortedStrings(own.map((t) => t.kpi)), chunk)) {
      const years = sortedUnique(own.filter((t) => kpis.includes(t.kpi)).flatMap((t) => t.years));
      for (const someYears of chunks(years, chunk)) {
        requests.push({ url: dataUrl(baseUrl, kpis, municipality, someYears), municipality, kpis, years: someYears });
      }
    }
  }
  return requests;
}
