import type { RootContent } from "mdast";
import { citeFigure } from "../../model/figures.js";
import { belongsTo, type AnyEntry, type Entry, type Repository } from "../../model/repository.js";
import type { Party } from "../../schema/config.js";
import { date, list } from "../helpers.js";
import type { LeafDirective } from "mdast-util-directive";
import type { Asset, BodyPiece, MarkdownRenderer } from "../markdown.js";
import { hasContent, splitSections, type BodySections } from "../markdown.js";
import type { Pages } from "../../model/pages.js";
import { href } from "../pages.js";
import { STATUS } from "../../vocabulary.js";
import type { PacketPlan } from "./meeting.js";

/** What every view is computed from: the checked repository, where its pages go, and who refers to whom. */
export interface ViewContext {
  repo: Repository;
  pages: Pages;
  markdown: MarkdownRenderer;
}

/** A view ready for its template, with the files its page refers to. */
export interface PageView {
  /** Template name: `plan`, `memo`, `report`, `agreement`, `indicator`, `rollup`, `index`. */
  template: string;
  /** Path of the page in the output folder. */
  path: string;
  /** Title in the browser tab. */
  title: string;
  /** The party whose name and address head and foot the page. */
  organisation: OrganisationView | undefined;
  view: object;
  assets: Asset[];
  /** The page is also printed to PDF, with this running header (see `templates/print.hbs`); none for web-only pages. */
  print?: PrintView;
  /** The meeting packet a kallelse's PDF heads (see `views/meeting.ts`). */
  packet?: PacketPlan;
}

/** What the PDF of a page carries on every page besides the organisation's footer. */
export interface PrintView {
  /** `memo`: the header of a tjänsteskrivelse (`TJÄNSTESKRIVELSE n (m)`, Datum, Dnr); `document`: a running title and `Sida n av m`. */
  header: "memo" | "document";
  /** The running title of a document, or the memo's kind (a kallelse's: `Kallelse/föredragningslista`), printed in capitals in the memo's header. */
  runningTitle: string;
  date?: string;
  dnr?: string;
  /** The memo's header as its form prints it (`print` of its form; Lerum's by default). */
  form?: MemoHeaderView;
  /** Not decided: every page says `Utkast`. */
  draft: boolean;
  /** A4 turned on its side, for a table too wide for the page standing (an internal-control plan's five columns). */
  landscape?: boolean;
}

/** The header of a memo on every page, as its form has it (`print` of a `kind: form` for memos). */
export interface MemoHeaderView {
  /** The memo's name as the header prints it: `Tjänsteskrivelse`. */
  doctype: string;
  /** `Sid n av m` on a line of its own under the Dnr (Herrljunga's); else `n (m)` after the name. */
  sid: boolean;
  /** The word before the date (none: the date alone) and before the diarienummer. */
  dateLabel: string;
  dnrLabel: string;
  /** The lines at the head's left on every page: the name, then the unit and the handläggare where the form has them there. */
  left: string[];
  /** What of the first page's letterhead the header carries instead, hidden there in print: `unit`, `handler`. */
  hidden: ("unit" | "handler")[];
}

export interface OrganisationView {
  name: string;
  fictional: boolean;
  address: { label: string; value: string }[];
}

// The views import a party's name from here with the rest of what they share.
export { municipalityOf, partyLabels, partyName } from "../../model/parties.js";

export function organisationView(party: Party | undefined): OrganisationView | undefined {
  if (!party) return undefined;
  const a = party.address;
  const address = [
    { label: "Postadress", value: [party.name, a?.postal].filter(Boolean).join(", ") },
    { label: "Besöksadress", value: a?.street ?? "" },
    { label: "Telefon", value: a?.phone ?? "" },
    { label: "Webb", value: a?.web ?? "" },
    { label: "E-post", value: a?.email ?? "" },
    { label: "Org.nr", value: party.orgnr ?? "" },
  ].filter((x) => x.value);
  return { name: party.name, fictional: Boolean(party.fictional), address: a || party.orgnr ? address : [] };
}

export const organisationParty = (repo: Repository) => (repo.config ? repo.parties.get(repo.config.data.organisation) : undefined);

/** The agreement a document belongs to, through what it belongs to (a report's plan, a memo's subject); see `reference(…, { belongsTo })`. */
export function agreementOf(repo: Repository, entry: AnyEntry): Entry<"agreement"> | undefined {
  const seen = new Set<AnyEntry>();
  for (let at: AnyEntry | undefined = entry; at && !seen.has(at); at = belongsTo(repo, at)) {
    if (at.kind === "agreement") return at;
    seen.add(at);
  }
  return undefined;
}

/** The party a document is of where it belongs to no agreement: a board's report or budget, a memo's issuer. */
function ownParty(repo: Repository, entry: AnyEntry): string | undefined {
  if (entry.kind === "memo") return entry.data.issuer ?? repo.config?.data.organisation;
  if (entry.kind === "report" || entry.kind === "budget" || entry.kind === "meeting" || entry.kind === "fund" || entry.kind === "internal-control")
    return entry.data.organisation;
  if (entry.kind === "strategy" || entry.kind === "multi-year-plan" || entry.kind === "action-plan" || entry.kind === "follow-up")
    return entry.data.organisation;
  return undefined;
}

/** Whether any party a document concerns is invented, which the page must say. */
export function isFictional(repo: Repository, entry: AnyEntry): boolean {
  const agreement = agreementOf(repo, entry);
  const own = ownParty(repo, entry);
  const parties = agreement ? agreement.data.parties : own !== undefined ? [own] : [];
  return parties.some((p) => repo.parties.get(p)?.fictional);
}

export interface DecisionView {
  decided: boolean;
  text: string;
}

/** `Beslutad 2019-01-09 av Kommunstyrelsens arbetsutskott (Dnr KS18.1375, § 12)`, or that it is a draft. */
export function statusView(data: { status: string; decision?: { date: string; body: string; dnr?: string; paragraph?: string } }): DecisionView {
  if (data.status !== "decided") return { decided: false, text: STATUS.draft.text };
  const d = data.decision;
  if (!d) return { decided: true, text: STATUS.decided.text };
  const refs = [d.dnr ? `Dnr ${d.dnr}` : "", d.paragraph ?? ""].filter(Boolean).join(", ");
  return { decided: true, text: `${STATUS.decided.text} ${date(d.date)} av ${d.body}${refs ? ` (${refs})` : ""}` };
}

/** A line of a document's header: a label and its text, or links. */
export interface FactView {
  label: string;
  text?: string;
  links?: LinkView[];
}

/** The facts that have something to say. */
export const facts = (...items: (FactView | false | undefined)[]): FactView[] =>
  items.filter((f): f is FactView => Boolean(f) && Boolean((f as FactView).text || (f as FactView).links?.length));

export interface LinkView {
  text: string;
  href: string | undefined;
  note?: string;
}

/** A link from `fromPage` to the page of the document `id`; no link where it has none. */
export function docLink(ctx: ViewContext, fromPage: string, id: string, text?: string): LinkView {
  const entry = ctx.repo.documents.get(id);
  const page = ctx.pages.byId.get(id);
  return { text: text ?? (entry ? entry.data.title : id), href: page ? href(fromPage, page) : undefined };
}

/** The figures a document's body cites, as its page prints them (`:figure{…}`). */
export const figuresOf =
  (entry: AnyEntry) =>
  (attributes: Record<string, string>): string | undefined => {
    const result = citeFigure(entry, attributes);
    return result.ok ? result.figure.text : undefined;
  };

/** The directive the page builder puts between the leading summary and the rest when the body places no part: the parts' default place. */
export const DEFAULT_SLOT = "";

/**
 * The body cut for a page at its directives: the author's text and, between its pieces, the
 * places of the generated parts. A body that places none gets them in their default place: after
 * a leading `Sammanfattning` (and what comes before the first heading), before the rest.
 */
export function bodyPieces(
  ctx: ViewContext,
  entry: AnyEntry,
  page: string,
  expand?: (directive: LeafDirective) => RootContent[] | undefined,
  form?: (title: string) => { index: number; title: string } | undefined,
): { pieces: BodyPiece[]; assets: Asset[] } {
  const context = {
    root: ctx.repo.root,
    ignored: ctx.repo.ignored,
    active: ctx.repo.active,
    docRelPath: entry.source.relPath,
    pageRelPath: page,
    pages: ctx.pages,
    figure: figuresOf(entry),
  };
  const children = (entry.source.body?.children ?? []).filter((n) => n.type !== "yaml");
  let nodes: RootContent[] = children;
  if (!children.some((n) => n.type === "leafDirective")) {
    const split = splitSections(entry.source.body);
    const { preamble, shared } = split;
    const sections = form ? inFormOrder(split.sections, form) : split.sections;
    const first = sections[0];
    const leads = first && isSummary(first.title) ? 1 : 0;
    const lead: RootContent[] = [...(hasContent(preamble) ? preamble : []), ...(leads ? [first!.heading, ...first!.nodes] : [])];
    const rest: RootContent[] = sections.slice(leads).flatMap((s) => [s.heading, ...s.nodes]);
    nodes = [...lead, { type: "leafDirective", name: DEFAULT_SLOT, attributes: {}, children: [] }, ...rest, ...shared];
  }
  return ctx.markdown.renderPieces(nodes, context, { idPrefix: "text-", baseDepth: 2, ...(expand ? { expand } : {}) });
}

/** The sections in their form's order (a stable sort: those the form does not have follow, as written), each under its form's heading. */
function inFormOrder(sections: BodySections["sections"], form: (title: string) => { index: number; title: string } | undefined): BodySections["sections"] {
  const placed = sections.map((s, i) => ({ s, i, at: form(s.title) }));
  placed.sort((a, b) => (a.at?.index ?? Infinity) - (b.at?.index ?? Infinity) || a.i - b.i);
  return placed.map(({ s, at }) =>
    at && at.title !== s.title ? { ...s, title: at.title, heading: { ...s.heading, children: [{ type: "text", value: at.title }] } } : s,
  );
}

const isSummary = (title: string) => /^sammanfattning$/i.test(title.replace(/[:.]$/, "").trim());

export { list };
