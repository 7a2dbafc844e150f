import { groupBy, listedDocuments, type AnyEntry, type Entry } from "../../model/repository.js";
import { slug } from "../../rollup/rollups.js";
import type { Table } from "../../rollup/table.js";
import type { Party } from "../../schema/config.js";
import { documentCount, KIND, MEMO, STATUS } from "../../vocabulary.js";
import { INDEX_PAGE } from "../../model/pages.js";
import { actionPlansOf, followUpsOf, plansOfStrategy } from "../../model/hierarchy.js";
import { list } from "../helpers.js";
import { href } from "../pages.js";
import {
  agreementOf,
  docLink,
  municipalityOf,
  organisationParty,
  organisationView,
  partyName,
  statusView,
  type LinkView,
  type PageView,
  type ViewContext,
} from "./common.js";
import { KIND_PAGES } from "./kinds.js";
import { rollupCsv, rollupPage } from "./rollup.js";
import type { DocumentKind } from "../../schema/index.js";

const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

interface DocLink extends LinkView {
  status: string;
}

interface RollupLink {
  text: string;
  href: string;
  csv: string;
}

/** The year a document is for: a plan's or report's year, a memo's through what it is about, else its date. */
function yearOf(ctx: ViewContext, entry: AnyEntry): number | undefined {
  if (entry.kind === "plan" || entry.kind === "report" || entry.kind === "internal-control") return entry.data.year;
  if (entry.kind === "memo") {
    const about = entry.data.about ? ctx.repo.documents.get(entry.data.about) : undefined;
    if (about && about.kind !== "memo" && about.kind !== "agreement" && about.kind !== "indicator" && about.kind !== "meeting" && "year" in about.data)
      return about.data.year;
    return entry.data.date === undefined ? undefined : Number(entry.data.date.slice(0, 4));
  }
  return undefined;
}

/** How a document is named in the index's tables, where the year and agreement are already given. */
function shortTitle(entry: AnyEntry): string | undefined {
  // A plan of an organisation's own (a kommunalförbund's unit plan) is listed by its title, as a budget is.
  if (entry.kind === "plan") return entry.data.agreement === undefined ? entry.data.title : `${KIND.plan.name} ${entry.data.year}`;
  // A board's own report belongs to no agreement and is listed by its own title.
  if (entry.kind === "report" && entry.data.plan !== undefined) return `${KIND.report.name} ${entry.data.year}`;
  if (entry.kind === "memo")
    return [`${entry.data.type === "political" ? MEMO.political : KIND.memo.name} ${[entry.data.dnr].flat().join(", ")}`, entry.data.date]
      .filter(Boolean)
      .join(", ");
  // A form's title reads as one of its documents' (Verksamhetsplan för 2013 …): the index says it is the form.
  if (entry.kind === "form") return `${KIND.form.name}: ${entry.data.title}`;
  return undefined;
}

/**
 * What of a document the index may show, as text: with the same facts of every document, the
 * same roll-ups and what all pages share, the index is the same, and watch mode keeps it.
 */
export function indexFacts(entry: AnyEntry): string {
  const skipped: readonly string[] = KIND_PAGES[entry.kind].notInIndex ?? [];
  return JSON.stringify([entry.kind, entry.id, Object.entries(entry.data).filter(([key]) => !skipped.includes(key))]);
}

/** Every page of the build, by municipality, agreement and year; the roll-ups with their CSV files. */
export function indexView(ctx: ViewContext, tables: Table[]): PageView {
  const { repo, pages } = ctx;
  const page = INDEX_PAGE;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const used = new Set<string>();
  const rollup = (name: string, text: string): RollupLink | undefined => {
    const table = byName.get(name);
    if (!table) return undefined;
    used.add(name);
    return { text, href: href(page, rollupPage(pages.rollupFolder, table)), csv: href(page, rollupCsv(pages.rollupFolder, table)) };
  };
  // A budget belongs to no agreement: the index names whose it is.
  const title = (entry: AnyEntry) =>
    shortTitle(entry) ?? (entry.kind === "budget" ? `${entry.data.title}, ${partyName(repo, entry.data.organisation)}` : undefined);
  const link = (entry: AnyEntry): DocLink => ({ ...docLink(ctx, page, entry.id, title(entry)), status: STATUS[entry.data.status].short });

  const groups = new Map<string, { party: Party | undefined; agreements: Entry<"agreement">[] }>();
  for (const agreement of repo.agreements) {
    const party = municipalityOf(repo, agreement);
    const key = party?.id ?? "";
    if (!groups.has(key)) groups.set(key, { party, agreements: [] });
    groups.get(key)!.agreements.push(agreement);
  }
  // A board's budget and own report belong to no agreement: they are listed with the other documents.
  const documents = listedDocuments(repo).filter((d) => d.kind !== "agreement" && d.kind !== "indicator");
  const byAgreement = groupBy(documents, (d) => agreementOf(repo, d)?.id);
  const placed = new Set<string>();
  const municipalities = [...groups.values()]
    .sort((a, b) => collator.compare(a.party?.name ?? "", b.party?.name ?? ""))
    .map(({ party, agreements }) => ({
      name: party?.name ?? "Övriga avtal",
      fictional: Boolean(party?.fictional),
      agreements: agreements
        .sort((a, b) => a.data.period.from - b.data.period.from || collator.compare(a.data.title, b.data.title))
        .map((agreement) => {
          const own = byAgreement.get(agreement.id) ?? [];
          own.forEach((d) => placed.add(d.id));
          const years = [...new Set(own.map((d) => yearOf(ctx, d)).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
          const of = (year: number, kind: string) =>
            own
              .filter((d) => d.kind === kind && yearOf(ctx, d) === year)
              .sort((a, b) => collator.compare(a.id, b.id))
              .map(link);
          return {
            title: agreement.data.title,
            link: link(agreement),
            period: `${agreement.data.period.from}–${agreement.data.period.to}`,
            status: statusView(agreement.data).text,
            rollup: rollup(`${slug(agreement.id)}-per-year`, "Budget per år och part"),
            years: years.map((year) => ({
              year,
              plans: of(year, "plan"),
              reports: of(year, "report"),
              memos: of(year, "memo"),
              rollups: own
                .filter((d) => d.kind === "plan" && d.data.year === year)
                .flatMap((p) => [rollup(`${slug(p.id)}-per-area`, "Per insatsområde"), rollup(`${slug(p.id)}-per-financing`, "Per finansiering")])
                .filter((r): r is RollupLink => Boolean(r)),
            })),
          };
        }),
    }));

  // A plan hierarchy (seed 004) belongs to no agreement: each strategy with its plans, and under each plan its action plans and follow-ups.
  const hierarchies = [...repo.strategies]
    .sort((a, b) => collator.compare(a.data.title, b.data.title))
    .map((strategy) => {
      placed.add(strategy.id);
      return {
        link: link(strategy),
        plans: plansOfStrategy(repo, strategy.id).map((plan) => {
          const children = [...actionPlansOf(repo, plan.id), ...followUpsOf(repo, plan.id)];
          for (const d of [plan, ...children]) placed.add(d.id);
          return { link: link(plan), children: children.map(link) };
        }),
      };
    });
  const others = documents
    .filter((d) => !placed.has(d.id))
    .sort((a, b) => collator.compare(a.id, b.id))
    .map(link);
  const parties = [...repo.parties.values()]
    .map((p) => rollup(`${slug(p.id)}-across-agreements`, p.name))
    .filter((r): r is RollupLink => Boolean(r))
    .sort((a, b) => collator.compare(a.text, b.text));
  const remaining = tables.filter((t) => !used.has(t.name)).map((t) => rollup(t.name, t.caption)!);
  const indicators = [...repo.indicators].sort((a, b) => collator.compare(a.data.title, b.data.title)).map(link);
  const organisation = organisationParty(repo);
  return {
    template: "index",
    path: page,
    title: `Folkhälsoplaner${organisation ? ` – ${organisation.name}` : ""}`,
    organisation: organisationView(organisation),
    assets: [],
    view: {
      title: "Gemensamma folkhälsoplaner",
      organisation: organisation?.name,
      municipalities,
      hierarchies,
      others,
      parties,
      remaining,
      indicators,
      // What the repository holds, in running text: `2 avtal, 3 verksamhetsplaner och 1 tjänsteskrivelse`.
      contents: list(
        (Object.keys(KIND_PAGES) as DocumentKind[])
          .filter((kind) => KIND_PAGES[kind].counted && repo.byKind[kind].length > 0)
          .map((kind) => documentCount(repo.byKind[kind].length, kind)),
      ),
    },
  };
}
