import type { Entry } from "../../model/repository.js";
import { packetPathOf, pdfPathOf } from "../../model/pages.js";
import type { Meeting } from "../../schema/meeting.js";
import { DECIDES, DELIVERY, KIND, MEETING } from "../../vocabulary.js";
import { hasContent, splitSections } from "../markdown.js";
import { docLink, isFictional, type LinkView, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";

/**
 * The meeting packet of a kallelse (`src/pdf/packet.ts` joins it): the kallelse's PDF, then per
 * item its cover page (where the organisation uses them) and the PDFs of its attached documents
 * in the repository, in agenda order, each part with its bookmark.
 */
export interface PacketPlan {
  /** Where the packet goes in the output: `herrljunga/sammantrade-2017-02-28-handlingar.pdf`. */
  path: string;
  /** The packet's title (its PDF title and first bookmark). */
  title: string;
  /** The kallelse's own PDF, first in the packet. */
  kallelse: { pdf: string; bookmark: string };
  items: PacketItem[];
  /** `YYYY-MM-DD`, from the kallelse, for nothing but the PDF's metadata. */
  date: string;
}

export interface PacketItem {
  /** `6 Verksamhetsplan för …`: the item's bookmark. */
  bookmark: string;
  /** The cover page before the item's documents (Lerum's), or none. */
  cover?: { title: string; dnr?: string | undefined };
  /** The item's attached documents in the repository, each by its PDF in the output and its bookmark. */
  documents: { pdf: string; bookmark: string }[];
}

/** `13:05` → `13.05`, as the föredragningslista prints it. */
const kl = (time: string | undefined) => time?.replace(":", ".");

/** The mark of the column *Handlingar bifogas*: X, VS, both, or none. */
function marks(deliveries: readonly ("attached" | "shown" | undefined)[]): string {
  const used = (["attached", "shown"] as const).filter((d) => deliveries.includes(d));
  return used.map((d) => DELIVERY[d].mark).join(", ");
}

/** The code of a Beslutsorgan: the board's own is its party's short name (SN). */
const decidesCode = (decides: Meeting["items"][number]["decides"], boardCode: string) =>
  decides === undefined ? "" : decides === "board" ? boardCode : DECIDES[decides].code;

/** A memo's `## Sammanfattning`, rendered for the kallelse's page; none where it has none. */
function memoSummary(ctx: ViewContext, memo: Entry<"memo">, page: string, prefix: string): { html: string; assets: PageView["assets"] } | undefined {
  const { sections, shared } = splitSections(memo.source.body);
  const section = sections.find((s) => /^sammanfattning$/i.test(s.title.replace(/[:.]$/, "").trim()));
  if (!section || !hasContent(section.nodes)) return undefined;
  const context = {
    root: ctx.repo.root,
    ignored: ctx.repo.ignored,
    active: ctx.repo.active,
    docRelPath: memo.source.relPath,
    pageRelPath: page,
    pages: ctx.pages,
  };
  return ctx.markdown.render([...section.nodes, ...shared], context, { idPrefix: prefix, baseDepth: 3 });
}

export function meetingView(ctx: ViewContext, meeting: Entry<"meeting">, page: string): PageView {
  const { repo } = ctx;
  const data = meeting.data;
  const party = repo.parties.get(data.organisation);
  const settings = party?.meetings;
  const boardCode = party?.short ?? data.board;
  const assets: PageView["assets"] = [];

  const documentsOf = (item: Meeting["items"][number]) =>
    item.documents.map((d) => {
      const entry = d.document ? repo.documents.get(d.document) : undefined;
      const link: LinkView = d.document ? docLink(ctx, page, d.document, d.title) : { text: d.title ?? "", href: undefined };
      return { ...link, dnr: d.dnr, mark: DELIVERY[d.delivery].mark, entry };
    });

  const used = new Set<string>();
  const row = (cells: {
    time?: string | undefined;
    number?: number;
    decides?: Meeting["items"][number]["decides"];
    title: string;
    dnr?: string | undefined;
    mark?: string;
    presenter?: string | undefined;
  }) => {
    if (cells.decides) used.add(cells.decides);
    return {
      time: kl(cells.time) ?? "",
      number: cells.number ?? "",
      decides: decidesCode(cells.decides, boardCode),
      title: cells.title,
      dnr: cells.dnr ?? "",
      mark: cells.mark,
      presenter: cells.presenter ?? "",
    };
  };
  const rows = [
    ...data.opening.map((o) => row({ time: o.time, title: o.title, presenter: o.presenter, mark: "" })),
    ...data.items.map((item) => row({ ...item, mark: marks(item.documents.map((d) => d.delivery)) || "–" })),
    ...(data.messages ? [row({ ...data.messages, title: MEETING.messages, mark: marks(data.messages.entries.map((e) => e.delivery)) })] : []),
    ...(data.delegations ? [row({ ...data.delegations, title: MEETING.delegations, mark: marks(data.delegations.entries.map((e) => e.delivery)) })] : []),
  ];
  const has = (key: "time" | "decides" | "dnr" | "presenter") => rows.some((r) => r[key] !== "");

  const items = data.items.map((item, i) => {
    const documents = documentsOf(item);
    const memo = documents.find((d) => d.entry?.kind === "memo")?.entry as Entry<"memo"> | undefined;
    const summary = item.summary ? undefined : memo && memoSummary(ctx, memo, page, `arende-${i + 1}-`);
    if (summary) assets.push(...summary.assets);
    return {
      id: `arende-${item.number}`,
      number: item.number,
      title: item.title,
      dnr: item.dnr,
      proposal: item.proposal ?? memo?.data.proposal ?? [],
      summaryText: item.summary,
      summaryHtml: summary?.html ?? "",
      documents: documents.map(({ entry: _entry, ...d }) => d),
    };
  });

  const list = (l: Meeting["messages"]) =>
    l?.entries.map((e, i) => ({ number: i + 1, title: e.title, dnr: e.dnr ?? "", mark: e.delivery ? DELIVERY[e.delivery].mark : "" }));

  const legend = [
    ...(["board", "KS", "KF", "info"] as const)
      .filter((d) => used.has(d))
      .map((d) =>
        d === "board"
          ? `${boardCode} = ${DECIDES.board.text} ${data.board.toLocaleLowerCase("sv")}`
          : d === "info"
            ? `${DECIDES.info.code} = ${DECIDES.info.text}`
            : `${DECIDES[d].code} = ${DECIDES[d].text}`,
      ),
    ...(rows.some((r) => r.mark?.includes(DELIVERY.attached.mark)) ? [DELIVERY.attached.text] : []),
    ...(rows.some((r) => r.mark?.includes(DELIVERY.shown.mark)) ? [DELIVERY.shown.text] : []),
  ];

  const packet: PacketPlan = {
    path: packetPathOf(page),
    title: `${data.title}, med handlingar`,
    kallelse: { pdf: pdfPathOf(page), bookmark: data.title },
    date: data.sent ?? data.date,
    items: data.items.map((item) => ({
      bookmark: `${item.number} ${item.title}`,
      // Lerum's packet has a cover page before the documents of each item that has some, none before the others.
      ...(settings?.coverPages && item.documents.length ? { cover: { title: item.title, dnr: item.dnr } } : {}),
      documents: item.documents.flatMap((d) => {
        const id = d.document;
        const at = id === undefined || d.delivery !== "attached" ? undefined : ctx.pages.byId.get(id);
        const entry = id === undefined ? undefined : repo.documents.get(id);
        // An indicator has a page but no PDF (its view prints none): the packet would wait for it as missing and never be joined.
        return at && entry && entry.kind !== "indicator" ? [{ pdf: pdfPathOf(at), bookmark: d.title ?? entry.data.title }] : [];
      }),
    })),
  };

  const view = documentPage(ctx, meeting, page, {
    organisation: party,
    fictional: isFictional(repo, meeting),
    // Datum where the kallelse carries one (Lerum's); Herrljunga's has none.
    print: { header: "memo", runningTitle: KIND.meeting.name, ...(data.sent ? { date: data.sent } : {}) },
    // The kallelse's own text (a markdown body, if any) is rendered as every document's; the memos' text it quotes brings their files.
    moreAssets: assets,
    content: {
      doctype: KIND.meeting.name,
      board: data.board,
      date: data.date,
      time: data.end ? `${data.time}–${data.end}` : data.time,
      sent: data.sent,
      place: data.place,
      notes: data.notes,
      chair: data.chair,
      secretary: data.secretary,
      people: Boolean(data.chair ?? data.secretary),
      legend,
      columns: { time: has("time"), decides: has("decides"), dnr: has("dnr"), presenter: has("presenter") },
      rows,
      details: Boolean(settings?.details),
      items,
      anyDocuments: items.some((item) => item.documents.length > 0),
      messages: list(data.messages),
      delegations: list(data.delegations),
    },
  });
  return { ...view, packet };
}
