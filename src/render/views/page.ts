import type { AnyEntry } from "../../model/repository.js";
import type { Party } from "../../schema/config.js";
import type { Asset } from "../markdown.js";
import { bodyParts, facts, organisationView, statusView, type FactView, type LinkView, type PageView, type PrintView, type ViewContext } from "./common.js";

/** The header of a document's page (`templates/partials/doc-header.hbs`): its kind, then its facts around the status. */
export interface HeaderParts {
  /** The kind of document as the page names it: `Verksamhetsplan`. */
  doctype: string;
  /** What the header says before the status; a fact with nothing to say is left out. */
  facts: (FactView | false | undefined)[];
  /** Documents the header links to after the status (`Se även`). */
  seeAlso?: LinkView[];
}

/** What a view gives for its document's page; the page builder makes the rest the same for every kind. */
export interface PageParts {
  /** The party whose name and address head and foot the page. */
  organisation: Party | undefined;
  /** Whether a party the document concerns is invented, which the page must say. */
  fictional: boolean;
  /** The page's header; the memo has a header of its own (`templates/memo.hbs`) and none. */
  header?: HeaderParts;
  /**
   * How the PDF of the page is headed: a running title (`document`), or the memo's header
   * with its own running title, date and dnr. Every page of a draft says so. None: a web page only.
   */
  print?: { header: "document" } | Omit<PrintView, "draft">;
  /**
   * The body's HTML the view made itself (the memo's sections), with the files it refers to.
   * Without it the body is split as every document's is: a leading summary, then the rest.
   */
  body?: { assets: Asset[] };
  /** What the page shows of its kind: the fields its template reads besides the header's. */
  content: object;
}

/**
 * One document's page: its title, organisation, status, header and body, the same for every
 * kind of document, with what the view computed for its kind.
 */
export function documentPage(ctx: ViewContext, entry: AnyEntry, page: string, parts: PageParts): PageView {
  const data = entry.data;
  const status = statusView(data);
  const body = parts.body ? undefined : bodyParts(ctx, entry, page);
  const header = parts.header && {
    doctype: parts.header.doctype,
    facts: facts(...parts.header.facts, { label: "Status", text: status.text }, parts.header.seeAlso && { label: "Se även", links: parts.header.seeAlso }),
  };
  const print = parts.print && { runningTitle: data.title, ...parts.print, draft: data.status !== "decided" };
  return {
    template: entry.kind,
    path: page,
    title: data.title,
    organisation: organisationView(parts.organisation),
    assets: parts.body?.assets ?? body!.assets,
    ...(print ? { print } : {}),
    view: {
      ...header,
      title: data.title,
      status,
      fictional: parts.fictional,
      ...parts.content,
      ...(body ? { lead: body.lead, body: body.rest } : {}),
    },
  };
}
