import type { AnyEntry } from "../../model/repository.js";
import type { Party } from "../../schema/config.js";
import type { LeafDirective } from "mdast-util-directive";
import type { RootContent } from "mdast";
import type { Asset, PlacedDirective } from "../markdown.js";
import { LABEL } from "../../vocabulary.js";
import {
  bodyPieces,
  DEFAULT_SLOT,
  facts,
  organisationView,
  statusView,
  type FactView,
  type LinkView,
  type PageView,
  type PrintView,
  type ViewContext,
} from "./common.js";

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
  print?: { header: "document"; landscape?: boolean } | Omit<PrintView, "draft">;
  /**
   * The body's HTML the view made itself (the memo's sections), with the files it refers to.
   * Without it the body is split as every document's is: a leading summary, then the rest.
   */
  body?: { assets: Asset[] };
  /** Files the view refers to besides the body's (a kallelse quoting its memos' text). */
  moreAssets?: Asset[];
  /** What the page shows of its kind: the fields its template reads besides the header's. */
  content: object;
  /** The parts the view generates, placed by the body's directives or in their default place. */
  parts?: PartSource;
}

/** Where a part stands on the page: whether it has a heading of its own, at which level, and the level of the headings inside it. */
export interface PartLevel {
  heading: boolean;
  level: number;
  sub: number;
}

/** A generated part ready for its partial (`partial`), with what the partial reads. */
export type PartView = PartLevel & { partial: string; part: string } & Record<string, unknown>;

/** The parts of a view: the check (`body/directive`) has made sure the body names only those its kind has, each once. */
export interface PartSource {
  /** The part a directive places, with its attributes (`{ id: "drift" }`); none where it has nothing to show. */
  place(name: string, attributes: Record<string, string>, at: PartLevel): PartView | undefined;
  /** The parts a body that places none shows after its leading summary, in this order. */
  defaults: readonly string[];
  /** A directive the view sets as markdown of the body's own (a picked list of goals) instead of a part. */
  expand?: (directive: LeafDirective) => RootContent[] | undefined;
  /**
   * The body's sections in its form's order, each under the form's heading: the form's heading of
   * a section of the body's, by its title, and where it goes; none for a section the form does not
   * have, which follows the form's. Only for a body that places no part itself.
   */
  form?: (title: string) => { index: number; title: string } | undefined;
}

/**
 * The level of a part placed where `d` stands. Under a heading of the body the part belongs to
 * that section: the author's heading titles it and it prints none of its own (no second
 * "Finansiering"); its inner headings go one level below. Before the body's first heading, and in
 * the default place, it is a section of its own with its heading.
 */
export function levelAt(d: PlacedDirective): PartLevel {
  if (d.name === DEFAULT_SLOT || d.depth === 0) return { heading: true, level: 2, sub: 3 };
  return { heading: false, level: d.depth, sub: Math.min(d.depth + 1, 6) };
}

/** The page's pieces in order: the author's text (`html`) and the generated parts (`partial`). */
function pageParts(ctx: ViewContext, entry: AnyEntry, page: string, source: PartSource | undefined) {
  const { pieces, assets } = bodyPieces(ctx, entry, page, source?.expand, source?.form);
  const out: ({ html: string } | PartView)[] = [];
  for (const piece of pieces) {
    if ("html" in piece) {
      out.push(piece);
      continue;
    }
    const at = levelAt(piece.directive);
    const views = !source
      ? []
      : piece.directive.name === DEFAULT_SLOT
        ? source.defaults.flatMap((name) => source.place(name, {}, at) ?? [])
        : [source.place(piece.directive.name, piece.directive.attributes, at)].filter((v) => v !== undefined);
    // The author's heading above the part titles it, in one block with it (BodyPiece); a part with a heading of its own, or none, leaves it as text.
    const [first] = views;
    if (piece.title !== undefined && first && !first.heading) first["titleHtml"] = piece.title;
    else if (piece.title !== undefined) out.push({ html: piece.title });
    out.push(...views);
  }
  // Each part by its name, at the top level, for a template that places them itself.
  const byName = Object.fromEntries(
    (source?.defaults ?? []).flatMap((name) => {
      const view = source!.place(name, {}, { heading: true, level: 2, sub: 3 });
      return view ? [[name, view]] : [];
    }),
  );
  return { parts: out, part: byName, assets };
}

/**
 * One document's page: its title, organisation, status, header and body, the same for every
 * kind of document, with what the view computed for its kind.
 */
export function documentPage(ctx: ViewContext, entry: AnyEntry, page: string, parts: PageParts): PageView {
  const data = entry.data;
  const status = statusView(data);
  const body = parts.body ? undefined : pageParts(ctx, entry, page, parts.parts);
  const header = parts.header && {
    doctype: parts.header.doctype,
    facts: facts(...parts.header.facts, { label: LABEL.status, text: status.text }, parts.header.seeAlso && { label: "Se även", links: parts.header.seeAlso }),
  };
  const print = parts.print && { runningTitle: data.title, ...parts.print, draft: data.status !== "decided" };
  return {
    template: entry.kind,
    path: page,
    title: data.title,
    organisation: organisationView(parts.organisation),
    assets: [...(parts.body?.assets ?? body!.assets), ...(parts.moreAssets ?? [])],
    ...(print ? { print } : {}),
    view: {
      ...header,
      title: data.title,
      status,
      fictional: parts.fictional,
      ...parts.content,
      ...(body ? { parts: body.parts, part: body.part } : {}),
    },
  };
}
