import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { addOutcomes, reportMoney, type OutcomeMoney } from "../../model/money.js";
import { contributionSentence, splitSentence, statedIn } from "../../model/wording.js";
import { lookup, type Entry } from "../../model/repository.js";
import { planParties } from "../../rollup/rollups.js";
import { amount, kr, krText, list } from "../helpers.js";
import { hasContent, splitSections } from "../markdown.js";
import { financingSummary } from "./budget.js";
import { agreementOf, docLink, isFictional, organisationParty, partyName, type MemoHeaderView, type PageView, type ViewContext } from "./common.js";
import type { Party } from "../../schema/config.js";
import { documentPage } from "./page.js";
import { num, th, type RowView, type TableView } from "./table.js";
import { BLANK, KIND, COLUMN_KIND, MEMO } from "../../vocabulary.js";

/** The memo's sections in the order of the real tjänsteskrivelse; a body heading goes to the slot its name matches. */
const SLOTS = [
  { slot: "forslag", names: ["förslag till beslut"] },
  { slot: "sammanfattning", names: ["sammanfattning", "sammanfattning av ärendet", "ärendet"] },
  { slot: "bakgrund", names: ["bakgrund", "beskrivning av ärendet"] },
  { slot: "ekonomi", names: ["ekonomi", "ekonomiska konsekvenser", "ekonomisk bedömning"] },
  { slot: "jamstalldhet", names: ["jämställdhet", "jämställdhetsperspektiv"] },
  { slot: "barnperspektiv", names: ["barnperspektiv", "barnkonsekvensanalys", "barnrättsperspektiv", "barnets bästa"] },
  { slot: "beslutsunderlag", names: ["beslutsunderlag"] },
  { slot: "skickas", names: ["beslutet ska skickas till", "expedieras till"] },
  { slot: "kannedom", names: ["för kännedom till", "för kännedom"] },
] as const;
type Slot = (typeof SLOTS)[number]["slot"];

const normalise = (s: string) => s.trim().toLocaleLowerCase("sv").replace(/[:.]$/, "");
const slotOf = (title: string): Slot | undefined => SLOTS.find((s) => (s.names as readonly string[]).includes(normalise(title)))?.slot;

const QUESTIONS = [
  { key: "affects", text: "Berör ärendet kvinnor, män, flickor eller pojkar?" },
  { key: "visible", text: "Synliggör ärendet kvinnor, män, flickor och pojkar?" },
  { key: "differentEffects", text: "Kan ärendet få olika effekter för kvinnor och män, flickor och pojkar?" },
] as const;

interface EkonomiView {
  /** The sentences the memo's own Ekonomi text does not already say: the split, each financier's contribution. */
  sentences: string[];
  table: TableView;
}

/**
 * Ekonomi's figures, computed from the plan or report the memo is about; never typed. A sentence
 * whose figures the memo's own Ekonomi text already gives (`authored`) is left out: the split is
 * stated once.
 */
function ekonomiView(ctx: ViewContext, memo: Entry<"memo">, authored: string): EkonomiView | undefined {
  const { repo } = ctx;
  const about = memo.data.about ? repo.documents.get(memo.data.about) : undefined;
  if (about?.kind === "plan") {
    const plan = about;
    const agreement = lookup(repo, plan.data.agreement, "agreement");
    const self = memo.data.issuer ?? repo.config?.data.organisation;
    // The plan's widest total names the budget where it names one, as the seed's caption: "Gemensam folkhälsobudget för verksamhetsåret 2019".
    const name =
      plan.data.totals
        .map((t) => t.label)
        .filter((l) => /budget/iu.test(l))
        .at(-1) ?? "Gemensam budget";
    const summary = financingSummary(repo, plan, `${name} för verksamhetsåret ${plan.data.year} (kronor)`, { notes: "ekonomi-not-" });
    const sentences = agreement ? [splitSentence(repo, agreement.data, self), contributionSentence(repo, agreement.data, self)] : [];
    return { sentences: sentences.filter((s) => !statedIn(authored, s)).map((s) => s.text), table: summary.table };
  }
  if (about?.kind === "report") {
    const plan = lookup(repo, about.data.plan, "plan");
    if (!plan) return undefined;
    const money = reportMoney(plan.data.budget, about.data.outcome, planParties(repo, plan));
    const row = (label: string, m: OutcomeMoney, total = false): RowView => ({
      kind: total ? "total" : undefined,
      cells: [th(label), num(amount(m.budget)), num(amount(m.outcome)), num(amount(m.deviation))],
    });
    const t = money.totals.total;
    // The cells (line and party, carry-overs apart) with a budget and no utfall: what the utfall is not yet reported for.
    const cells = money.lines.filter((l) => l.line.type !== "carry-over").flatMap((l) => [...l.byParty.values()]);
    const unreported = cells.filter((c) => c.budget !== undefined && c.outcome === undefined);
    return {
      // No utfall at all: no avvikelse either, and neither is 0 kr.
      sentences: [
        t.outcome === undefined
          ? `Budgeten för ${about.data.year} var ${krText(t.budget)}; utfallet är ${BLANK.sentence}.`
          : unreported.length
            ? partOutcomeSentence(about.data.year, t, addOutcomes(cells.filter((c) => c.outcome !== undefined)), addOutcomes(unreported))
            : outcomeSentence(about.data.year, t),
      ],
      table: {
        caption: `Budget och utfall ${about.data.year} per part (kronor)`,
        className: "summary",
        head: [
          {
            cells: [
              th("Part", "col"),
              th(COLUMN_KIND.budget.label, "col", { num: true }),
              th(COLUMN_KIND.outcome.label, "col", { num: true }),
              th(COLUMN_KIND.deviation.label, "col", { num: true }),
            ],
          },
        ],
        bodies: [[...money.parties.map((p) => row(partyName(repo, p), money.totals.byParty.get(p)!)), row("Totalt", t, true)]],
      },
    };
  }
  return undefined;
}

/**
 * The year's outcome as a board's report states it: `Utfallet för 2019 blev 401 500 kr mot en budget
 * på 420 000 kr, vilket ger ett överskott på 18 500 kr.` (seed 001, lines 342 and 1023: "gör ett
 * positivt resultat på 9 609 tkr", "redovisar ett underskott på 560 tkr"). The avvikelse is
 * budget − utfall: positive an överskott, negative an underskott.
 */
function outcomeSentence(year: number, t: OutcomeMoney): string {
  const start = `Utfallet för ${year} blev ${kr(t.outcome)} mot en budget på ${krText(t.budget)}`;
  return t.deviation === undefined ? `${start}.` : `${start}, ${deviationText(t.deviation)}.`;
}

/** `vilket ger ett överskott på 18 500 kr`; `lika med budgeten` where there is no avvikelse. */
function deviationText(deviation: bigint): string {
  if (deviation === 0n) return "lika med budgeten";
  return `vilket ger ett ${deviation > 0n ? "överskott" : "underskott"} på ${kr(deviation > 0n ? deviation : -deviation)}`;
}

/**
 * The outcome where only part of the budget has its utfall (a draft report): the utfall and the
 * avvikelse of that part, set against its own budget, and what is left unreported; never the
 * part's utfall against the whole budget, which would read the missing utfall as 0 kr.
 */
function partOutcomeSentence(year: number, all: OutcomeMoney, reported: OutcomeMoney, unreported: OutcomeMoney): string {
  return `Budgeten för ${year} var ${krText(all.budget)}. Utfallet är redovisat för ${kr(reported.budget ?? 0n)} av den och blev ${kr(reported.outcome)}, ${deviationText(reported.deviation ?? 0n)}; för resten, ${krText(unreported.budget)}, är utfallet ${BLANK.sentence}.`;
}

/** The sections whose content the frontmatter gives: a body heading of theirs places them. */
const FIXED = ["forslag", "beslutsunderlag", "skickas", "kannedom"] as const satisfies readonly Slot[];
type Fixed = (typeof FIXED)[number];
const isFixed = (slot: Slot | undefined): slot is Fixed => (FIXED as readonly (Slot | undefined)[]).includes(slot);

/** The header of the memo on every page, from its organisation's form (`memos` of the party); Lerum's where it declares none. */
function headerView(issuer: Party | undefined, memo: Entry<"memo">["data"]): MemoHeaderView {
  const form = issuer?.memos;
  const from = form?.from ?? [];
  const doctype = memo.type === "political" ? MEMO.political : (form?.doctype ?? KIND.memo.name.toLocaleUpperCase("sv"));
  return {
    doctype,
    sid: form?.pageNumbers === "Sid n av m",
    dateLabel: form?.labels.date ?? MEMO.date,
    dnrLabel: form?.labels.dnr ?? MEMO.dnr,
    left: [form?.heading ?? issuer?.name ?? "", ...from.flatMap((f) => (f === "unit" ? [memo.unit] : memo.handler ? [memo.handler.name] : []))],
    hidden: from,
  };
}

/** A section of the memo as memo.hbs prints it: the author's text with what the frontmatter and the figures give it. */
interface Block {
  id: string;
  title: string;
  html: string;
  [more: string]: unknown;
}

export function memoView(ctx: ViewContext, memo: Entry<"memo">, page: string): PageView {
  const { repo } = ctx;
  const data = memo.data;
  const issuer = repo.parties.get(data.issuer ?? repo.config?.data.organisation ?? "") ?? organisationParty(repo);
  const form = issuer?.memos;
  const header = headerView(issuer, data);
  const context = { root: repo.root, ignored: repo.ignored, docRelPath: memo.source.relPath, pageRelPath: page, pages: ctx.pages };
  const { preamble, sections, shared } = splitSections(memo.source.body);
  const assets: PageView["assets"] = [];
  const render = (nodes: RootContent[], prefix: string) => {
    if (!hasContent(nodes)) return "";
    const out = ctx.markdown.render([...nodes, ...shared], context, { idPrefix: prefix, baseDepth: 3 });
    assets.push(...out.assets);
    return out.html;
  };

  const bySlot = new Map<Slot, { title: string; html: string }>();
  const others: { title: string; html: string }[] = [];
  /** The body's sections in its order, each with its slot (the first of a slot only). */
  const inOrder: { slot: Slot | undefined; title: string; html: string }[] = [];
  sections.forEach((section, i) => {
    const slot = slotOf(section.title);
    const html = render(section.nodes, `avsnitt-${i + 1}-`);
    const first = slot !== undefined && !bySlot.has(slot);
    if (first) bySlot.set(slot, { title: section.title, html });
    else others.push({ title: section.title, html });
    inOrder.push({ slot: first ? slot : undefined, title: section.title, html });
  });
  const section = (slot: Slot, fallback: string) => ({ id: slot, title: bySlot.get(slot)?.title ?? fallback, html: bySlot.get(slot)?.html ?? "" });

  const ekonomiSection = sections.find((s) => slotOf(s.title) === "ekonomi");
  const ekonomi = ekonomiView(ctx, memo, ekonomiSection ? toString({ type: "root", children: ekonomiSection.nodes }) : "");
  const jamstalldhet = data.genderEquality && {
    caption: "Jämställdhetsanalys",
    answers: [
      ...QUESTIONS.map((q) => ({ question: q.text, answer: data.genderEquality![q.key] ? "Ja" : "Nej" })),
      { question: "Hur påverkar ärendet kommunens jämställdhetsmål?", answer: data.genderEquality.goals },
    ],
  };
  const dnr = [data.dnr].flat();

  // The parts of the sections whose content the frontmatter gives.
  const afterProposal = form?.signatures === "after-proposal";
  // Herrljunga's stack their names, each with the role under it, after Förslag till beslut and without the organisation's name (seed 001, lines 1567-1574); Lerum's stand side by side at the end under it.
  const signatures = data.signatures.length
    ? { organisation: afterProposal ? undefined : issuer?.name, stacked: afterProposal, people: data.signatures }
    : undefined;
  const fixed: Record<Fixed, Block> = {
    forslag: {
      id: "forslag",
      title: bySlot.get("forslag")?.title ?? "Förslag till beslut",
      html: bySlot.get("forslag")?.html ?? "",
      // The deciding body, where it is not the recipient and the proposal does not name it ("Kommunstyrelsens arbetsutskott beslutar …").
      decidedBy: data.decidedBy && data.decidedBy !== data.recipient && !data.proposal.some((p) => p.includes(data.decidedBy!)) ? data.decidedBy : undefined,
      proposal: data.proposal,
      // Herrljunga's form: a decision as a paragraph, several as a bulleted list; Lerum's numbers them.
      proposalStyle: form?.proposals !== "plain" ? "numbered" : data.proposal.length === 1 ? "paragraph" : "bullets",
    },
    beslutsunderlag: {
      id: "beslutsunderlag",
      title: bySlot.get("beslutsunderlag")?.title ?? "Beslutsunderlag",
      html: bySlot.get("beslutsunderlag")?.html ?? "",
      attachments: data.attachments.map((a) => ({
        ...(a.document ? docLink(ctx, page, a.document, a.title) : { text: a.title, href: undefined }),
        dnr: a.dnr,
      })),
    },
    skickas: {
      id: "skickas",
      title: bySlot.get("skickas")?.title ?? "Beslutet ska skickas till",
      html: bySlot.get("skickas")?.html ?? "",
      sendTo: data.sendTo,
    },
    kannedom: {
      id: "kannedom",
      title: bySlot.get("kannedom")?.title ?? "För kännedom till",
      html: bySlot.get("kannedom")?.html ?? "",
      forInformation: data.forInformation,
    },
  };
  const prose = (slot: Slot | undefined, title: string, html: string, id: string): Block => ({
    id: `avsnitt-${id}`,
    title,
    html,
    ...(slot === "ekonomi" && ekonomi ? { ekonomi } : {}),
    ...(slot === "jamstalldhet" && jamstalldhet ? { jamstalldhet } : {}),
  });
  const filled = (b: Block) => ["attachments", "sendTo", "forInformation"].some((k) => ((b[k] as unknown[] | undefined) ?? []).length > 0);
  const wanted = (b: Block) => b.id !== "kannedom" || (b["forInformation"] as string[]).length > 0 || b.html !== "";

  let blocks: Block[];
  if (inOrder.some((s) => isFixed(s.slot))) {
    // The body places the sections the frontmatter fills by their headings (Herrljunga's form: Sammanfattning, Beslutsunderlag, Förslag till beslut, …): every section stands in the body's order, those it does not name where Lerum's form has them.
    const named = new Set(inOrder.flatMap((s) => (s.slot ? [s.slot] : [])));
    let other = 0;
    blocks = [
      ...(named.has("forslag") ? [] : [fixed.forslag]),
      ...inOrder.map((s) => (isFixed(s.slot) ? fixed[s.slot] : prose(s.slot, s.title, s.html, s.slot ?? `ovrigt-${++other}`))),
      // One the body does not name stands at the end where the frontmatter fills it; an empty one is left out (the seed's political proposal has no Expedieras till).
      ...(["beslutsunderlag", "skickas", "kannedom"] as const).filter((f) => !named.has(f) && filled(fixed[f])).map((f) => fixed[f]),
    ].filter(wanted);
  } else {
    const ordered = [
      section("sammanfattning", "Sammanfattning"),
      section("bakgrund", "Bakgrund"),
      section("ekonomi", "Ekonomi"),
      ...(jamstalldhet || bySlot.has("jamstalldhet") ? [section("jamstalldhet", "Jämställdhet")] : []),
      ...(bySlot.has("barnperspektiv") ? [section("barnperspektiv", "Barnperspektiv")] : []),
    ]
      .map((s) => prose(s.id, s.title, s.html, s.id))
      .filter((s) => s.html || s["ekonomi"] || s["jamstalldhet"] || s.id === "avsnitt-sammanfattning" || (s.id === "avsnitt-bakgrund" && data.genderEquality));
    blocks = [
      fixed.forslag,
      ...ordered,
      ...others.map((o, i) => ({ id: `avsnitt-ovrigt-${i + 1}`, ...o })),
      fixed.beslutsunderlag,
      fixed.skickas,
      fixed.kannedom,
    ].filter(wanted);
  }
  if (signatures) {
    const at = afterProposal ? blocks.findIndex((b) => b.id === "forslag") : -1;
    if (at >= 0) blocks[at] = { ...blocks[at]!, signatures };
  }

  return documentPage(ctx, memo, page, {
    organisation: issuer,
    fictional: isFictional(repo, memo) || Boolean(issuer?.fictional),
    print: { header: "memo", runningTitle: KIND.memo.name, ...(data.date ? { date: data.date } : {}), dnr: list(dnr), form: header },
    body: { assets },
    content: {
      organisation: issuer?.name,
      header: { ...header, heading: form?.heading, recipient: form?.recipient ?? true },
      political: data.type === "political",
      date: data.date,
      dnr: list(dnr),
      unit: data.unit,
      handler: data.handler,
      recipient: data.recipient,
      preamble: render(preamble, "inledning-"),
      blocks,
      // At the end, where the form does not put them after Förslag till beslut.
      signatures: signatures && !blocks.some((b) => b["signatures"]) ? signatures : undefined,
      agreement: agreementOf(repo, memo) ? docLink(ctx, page, agreementOf(repo, memo)!.id) : undefined,
    },
  });
}
