import type { RootContent } from "mdast";
import { contributionFor, reportMoney, splitText, type OutcomeMoney } from "../../model/money.js";
import { memberNames } from "../../model/parties.js";
import { lookup, type Entry } from "../../model/repository.js";
import { planParties } from "../../rollup/rollups.js";
import { amount, kr, krText, list } from "../helpers.js";
import { hasContent, splitSections } from "../markdown.js";
import { financingSummary } from "./budget.js";
import { agreementOf, docLink, isFictional, organisationParty, partyName, type LinkView, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";
import { num, th, type RowView, type TableView } from "./table.js";
import { BLANK, KIND, COLUMN_KIND } from "../../vocabulary.js";

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
  source: LinkView;
  intro: string;
  table: TableView;
  split?: string;
  agreement?: string;
  explanations: string[];
}

/** Ekonomi's figures, computed from the plan or report the memo is about; never typed. */
function ekonomiView(ctx: ViewContext, memo: Entry<"memo">, page: string): EkonomiView | undefined {
  const { repo } = ctx;
  const about = memo.data.about ? repo.documents.get(memo.data.about) : undefined;
  if (about?.kind === "plan") {
    const plan = about;
    const agreement = lookup(repo, plan.data.agreement, "agreement");
    const summary = financingSummary(repo, plan, `Finansiering av verksamhetsplanen ${plan.data.year} per part (kronor)`);
    const share = (who: string, p: { amount: string; share: string }) => `${who} ${p.amount}${p.share ? ` (${p.share})` : ""}`;
    const shares = [
      ...[...summary.parties, ...summary.income].map((p) => share(p.name, p)),
      ...(summary.unsplit ? [share(BLANK.unsplit.toLocaleLowerCase("sv"), summary.unsplit)] : []),
    ];
    // A group of parties is named with its members, as the agreement's page lists them.
    const named = (party: string) => {
      const members = memberNames(repo, party);
      return members.length ? `${partyName(repo, party)} (${list(members)})` : partyName(repo, party);
    };
    const contributions = agreement
      ? agreement.data.contributions.map((c) => `${named(c.party)} ${kr(contributionFor(agreement.data, c.party, plan.data.year))}`)
      : [];
    return {
      source: docLink(ctx, page, plan.id),
      intro: `Den gemensamma budgeten för ${plan.data.year} är ${summary.total}: ${list(shares)}.`,
      table: summary.table,
      split: agreement ? `Fördelningsprincipen enligt avtalet: ${splitText(repo, agreement)}.` : undefined,
      agreement: agreement
        ? `Enligt avtalet för perioden ${agreement.data.period.from}–${agreement.data.period.to} bidrar parterna ${plan.data.year} med ${list(contributions)}.`
        : undefined,
      explanations: summary.explanations,
    };
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
    return {
      source: docLink(ctx, page, about.id),
      // No utfall at all: no avvikelse either, and neither is 0 kr.
      intro:
        t.outcome === undefined
          ? `Budgeten för ${about.data.year} var ${krText(t.budget)}; utfallet är ${BLANK.sentence}.`
          : `Budgeten för ${about.data.year} var ${krText(t.budget)} och utfallet ${kr(t.outcome)}, en avvikelse på ${krText(t.deviation)} (budget − utfall).`,
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
      explanations: [],
    };
  }
  return undefined;
}

export function memoView(ctx: ViewContext, memo: Entry<"memo">, page: string): PageView {
  const { repo } = ctx;
  const data = memo.data;
  const issuer = repo.parties.get(data.issuer ?? repo.config?.data.organisation ?? "") ?? organisationParty(repo);
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
  sections.forEach((section, i) => {
    const slot = slotOf(section.title);
    const html = render(section.nodes, `avsnitt-${i + 1}-`);
    if (slot && !bySlot.has(slot)) bySlot.set(slot, { title: section.title, html });
    else others.push({ title: section.title, html });
  });
  const section = (slot: Slot, fallback: string) => ({ id: slot, title: bySlot.get(slot)?.title ?? fallback, html: bySlot.get(slot)?.html ?? "" });

  const ekonomi = ekonomiView(ctx, memo, page);
  const ordered = [
    section("sammanfattning", "Sammanfattning"),
    section("bakgrund", "Bakgrund"),
    { ...section("ekonomi", "Ekonomi"), ekonomi },
    {
      ...section("jamstalldhet", "Jämställdhet"),
      jamstalldhet: {
        caption: "Jämställdhetsanalys",
        answers: [
          ...QUESTIONS.map((q) => ({ question: q.text, answer: data.genderEquality[q.key] ? "Ja" : "Nej" })),
          { question: "Hur påverkar ärendet kommunens jämställdhetsmål?", answer: data.genderEquality.goals },
        ],
      },
    },
    ...(bySlot.has("barnperspektiv") ? [section("barnperspektiv", "Barnperspektiv")] : []),
    ...others.map((o, i) => ({ id: `ovrigt-${i + 1}`, ...o })),
  ].filter((s) => s.html || ("ekonomi" in s && s.ekonomi) || "jamstalldhet" in s || s.id === "sammanfattning" || s.id === "bakgrund");

  const dnr = [data.dnr].flat();
  return documentPage(ctx, memo, page, {
    organisation: issuer,
    fictional: isFictional(repo, memo) || Boolean(issuer?.fictional),
    print: { header: "memo", runningTitle: KIND.memo.name, date: data.date, dnr: list(dnr) },
    body: { assets },
    content: {
      organisation: issuer?.name,
      date: data.date,
      dnr: list(dnr),
      unit: data.unit,
      handler: data.handler,
      recipient: data.recipient,
      decidedBy: data.decidedBy && data.decidedBy !== data.recipient ? data.decidedBy : undefined,
      preamble: render(preamble, "inledning-"),
      proposal: data.proposal,
      proposalText: bySlot.get("forslag")?.html ?? "",
      sections: ordered,
      attachments: data.attachments.map((a) => ({
        ...(a.document ? docLink(ctx, page, a.document, a.title) : { text: a.title, href: undefined }),
        dnr: a.dnr,
      })),
      attachmentsText: bySlot.get("beslutsunderlag")?.html ?? "",
      sendTo: data.sendTo,
      sendToText: bySlot.get("skickas")?.html ?? "",
      forInformation: data.forInformation,
      signatures: data.signatures,
      agreement: agreementOf(repo, memo) ? docLink(ctx, page, agreementOf(repo, memo)!.id) : undefined,
    },
  });
}
