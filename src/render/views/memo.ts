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
import type { MemoPrint } from "../../schema/form.js";
import { documentPage } from "./page.js";
import { num, th, type RowView, type TableView } from "./table.js";
import { BLANK, KIND, COLUMN_KIND, MEMO } from "../../vocabulary.js";
import {
  builtInMemoForm,
  formOf,
  GENERATED_HEADINGS,
  GENERATED_SLOTS,
  headingKey,
  isGeneratedSlot,
  type GeneratedSlot,
  memoSlotOf,
  type MemoSlot,
  type ResolvedForm,
} from "../../model/forms.js";

type Slot = MemoSlot;

/** A section of the memo's page, in the order its form gives: one of the body's, or one the memo fills from its frontmatter. */
interface MemoSection {
  id: string;
  title: string;
  html?: string;
  text?: boolean;
  forslag?: { decidedBy: string | undefined; lead: string | undefined; proposal: string[]; style: "numbered" | "paragraphs" | "bullets" };
  attachments?: { text: string; href: string | undefined; dnr: string | undefined }[];
  list?: string[];
  listClass?: string;
  /** No line for the section's own text. */
  bare?: boolean;
  ekonomi?: EkonomiView | undefined;
  jamstalldhet?: { caption: string; answers: { question: string; answer: string }[] } | undefined;
  signatures?: boolean;
}

interface Pieces {
  bySlot: Map<Slot, { title: string; html: string; index: number }>;
  others: { title: string; html: string; index: number }[];
  sections: { title: string }[];
  generated: Record<GeneratedSlot, (title: string) => MemoSection>;
  ekonomi: EkonomiView | undefined;
  jamstalldhet: MemoSection["jamstalldhet"];
  signatures: boolean;
}

/**
 * The memo's sections in its declared form's order, under the form's headings: each of the form's
 * sections that the memo has (text under the heading, or what its frontmatter fills), the
 * signatures where the form places them (`::signatures`, else after the last), then what the form
 * does not have (each with its own warning, `form/heading`), so that nothing written is lost.
 */
function formSections(form: ResolvedForm, pieces: Pieces): MemoSection[] {
  const { bySlot, others, generated } = pieces;
  const used = new Set<number>();
  const slotsUsed = new Set<Slot>();
  const textSection = (id: string, title: string, html: string, slot?: Slot): MemoSection => ({
    id: `avsnitt-${id}`,
    title,
    html,
    text: true,
    ...(slot === "ekonomi" ? { ekonomi: pieces.ekonomi } : {}),
    ...(slot === "jamstalldhet" ? { jamstalldhet: pieces.jamstalldhet } : {}),
  });
  const present = (s: MemoSection) => Boolean(s.html || s.forslag || s.attachments?.length || s.list?.length || s.ekonomi || s.jamstalldhet || s.signatures);
  const of = (title: string): MemoSection | undefined => {
    const slot = memoSlotOf(title);
    if (slot && slotsUsed.has(slot)) return undefined;
    if (slot) slotsUsed.add(slot);
    if (isGeneratedSlot(slot)) {
      const found = bySlot.get(slot);
      if (found) used.add(found.index);
      return generated[slot](title);
    }
    const found = slot ? bySlot.get(slot) : others.find((o) => headingKey(o.title) === headingKey(title) && !used.has(o.index));
    if (found) used.add(found.index);
    return textSection(slot ?? `${(found?.index ?? used.size) + 1}`, title, found?.html ?? "", slot);
  };
  const out: MemoSection[] = [];
  /** Each printed section's place among the form's sections. */
  const formIndex = new Map<MemoSection, number>();
  form.sections.forEach((s, i) => {
    if (i === form.signaturesAfter && pieces.signatures) out.push({ id: "underskrifter", title: "", signatures: true });
    const section = of(s.title);
    if (section && present(section)) {
      out.push(section);
      formIndex.set(section, i);
    }
  });
  const rest: MemoSection[] = [];
  for (const [slot, found] of bySlot) {
    if (slotsUsed.has(slot) || used.has(found.index)) continue;
    const section = of(found.title);
    if (section && present(section)) rest.push(section);
  }
  for (const o of others) if (!used.has(o.index) && o.html) rest.push(textSection(`${o.index + 1}`, o.title, o.html));
  // What the frontmatter gives that the form has no section for is still printed, in Lerum's order.
  // The proposal first: a form (or a political proposal's own headings) without its heading must not lose the decisions.
  for (const slot of GENERATED_SLOTS) {
    if (slotsUsed.has(slot)) continue;
    const section = generated[slot](GENERATED_HEADINGS[slot]);
    if (present(section)) rest.push(section);
  }
  if (pieces.jamstalldhet && !slotsUsed.has("jamstalldhet")) rest.push(textSection("jamstalldhet", "Jämställdhet", "", "jamstalldhet"));
  if (form.signaturesAfter >= form.sections.length)
    return [...out, ...rest, ...(pieces.signatures ? [{ id: "underskrifter", title: "", signatures: true }] : [])];
  // What the form does not have goes where the signatures stand, or would stand in a memo without them: after the form's sections before `::signatures`.
  const at = pieces.signatures ? out.findIndex((s) => s.signatures) : out.filter((s) => formIndex.get(s)! < form.signaturesAfter).length;
  return [...out.slice(0, at), ...rest, ...out.slice(at)];
}

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

/** The header of the memo on every page, as its form prints it (`print` of the form; Lerum's where none says otherwise). */
function headerView(issuer: Party | undefined, memo: Entry<"memo">["data"], print: MemoPrint): MemoHeaderView {
  const doctype = memo.type === "political" ? MEMO.political : (print.doctype ?? KIND.memo.name.toLocaleUpperCase("sv"));
  return {
    doctype,
    sid: print.pageNumbers === "Sid n av m",
    dateLabel: print.labels.date,
    dnrLabel: print.labels.dnr,
    left: [print.heading ?? issuer?.name ?? "", ...print.from.flatMap((f) => (f === "unit" ? [memo.unit] : memo.handler ? [memo.handler.name] : []))],
    hidden: print.from,
  };
}

export function memoView(ctx: ViewContext, memo: Entry<"memo">, page: string): PageView {
  const { repo } = ctx;
  const data = memo.data;
  const issuer = repo.parties.get(data.issuer ?? repo.config?.data.organisation ?? "") ?? organisationParty(repo);
  const context = { root: repo.root, ignored: repo.ignored, active: repo.active, docRelPath: memo.source.relPath, pageRelPath: page, pages: ctx.pages };
  const { preamble, sections, shared } = splitSections(memo.source.body);
  const assets: PageView["assets"] = [];
  const render = (nodes: RootContent[], prefix: string) => {
    if (!hasContent(nodes)) return "";
    const out = ctx.markdown.render([...nodes, ...shared], context, { idPrefix: prefix, baseDepth: 3 });
    assets.push(...out.assets);
    return out.html;
  };

  const bySlot = new Map<Slot, { title: string; html: string; index: number }>();
  const others: { title: string; html: string; index: number }[] = [];
  sections.forEach((section, i) => {
    const slot = memoSlotOf(section.title);
    const html = render(section.nodes, `avsnitt-${i + 1}-`);
    if (slot && !bySlot.has(slot)) bySlot.set(slot, { title: section.title, html, index: i });
    else others.push({ title: section.title, html, index: i });
  });
  const section = (slot: Slot, fallback: string) => ({ id: slot, title: bySlot.get(slot)?.title ?? fallback, html: bySlot.get(slot)?.html ?? "" });

  const ekonomiSection = sections.find((s) => memoSlotOf(s.title) === "ekonomi");
  const ekonomi = ekonomiView(ctx, memo, ekonomiSection ? toString({ type: "root", children: ekonomiSection.nodes }) : "");
  const equality = data.genderEquality;
  const jamstalldhet = equality && {
    caption: "Jämställdhetsanalys",
    answers: [
      ...QUESTIONS.map((q) => ({ question: q.text, answer: equality[q.key] ? "Ja" : "Nej" })),
      { question: "Hur påverkar ärendet kommunens jämställdhetsmål?", answer: equality.goals },
    ],
  };
  // A memo whose named form is unusable is not built (its finding is an error); were it, Lerum's form would print it.
  const form = formOf(repo, memo) ?? builtInMemoForm(repo);
  const header = headerView(issuer, data, form.print);
  // Lerum's numbers the decisions; Herrljunga's tjänsteskrivelser set each as a paragraph (seed 001, lines 1186-1188, 1273-1275), its political proposals several as a bulleted list (lines 1359-1360, 1564-1565).
  const proposals = data.type === "political" ? (form.print.politicalProposals ?? form.print.proposals) : form.print.proposals;
  const style = proposals === "numbered" ? "numbered" : proposals === "paragraphs" || data.proposal.length === 1 ? "paragraphs" : "bullets";
  const generated: Record<GeneratedSlot, (title: string) => MemoSection> = {
    forslag: (title) => ({
      id: "forslag",
      title,
      forslag: {
        // The deciding body, where it is not the recipient and the proposal does not name it ("Kommunstyrelsens arbetsutskott beslutar …").
        decidedBy: data.decidedBy && data.decidedBy !== data.recipient && !data.proposal.some((p) => p.includes(data.decidedBy!)) ? data.decidedBy : undefined,
        // The words that lead into the decisions ("Socialförvaltningen uppdras att:"), printed before them.
        lead: data.proposalLead,
        proposal: data.proposal,
        style,
      },
      html: bySlot.get("forslag")?.html ?? "",
    }),
    beslutsunderlag: (title) => ({
      id: "beslutsunderlag",
      title,
      attachments: data.attachments.map((a) => ({
        ...(a.document ? docLink(ctx, page, a.document, a.title) : { text: a.title, href: undefined }),
        dnr: a.dnr,
      })),
      html: bySlot.get("beslutsunderlag")?.html ?? "",
    }),
    skickas: (title) => ({ id: "skickas", title, list: data.sendTo, listClass: "send-to", html: bySlot.get("skickas")?.html ?? "" }),
    // Lerum's page has no text under För kännedom till, and no empty line for it.
    kannedom: (title) => ({ id: "kannedom", title, list: data.forInformation, html: bySlot.get("kannedom")?.html ?? "", bare: !bySlot.get("kannedom")?.html }),
  };
  const ordered: MemoSection[] =
    form.via === "default"
      ? [
          generated.forslag(GENERATED_HEADINGS.forslag),
          ...[
            section("sammanfattning", "Sammanfattning"),
            section("bakgrund", "Bakgrund"),
            { ...section("ekonomi", "Ekonomi"), ekonomi },
            { ...section("jamstalldhet", "Jämställdhet"), jamstalldhet },
            ...(bySlot.has("barnperspektiv") ? [section("barnperspektiv", "Barnperspektiv")] : []),
            ...others.map((o, i) => ({ id: `ovrigt-${i + 1}`, title: o.title, html: o.html })),
          ]
            .filter(
              (s) => s.html || ("ekonomi" in s && s.ekonomi) || ("jamstalldhet" in s && s.jamstalldhet) || s.id === "sammanfattning" || s.id === "bakgrund",
            )
            .map((s) => ({ ...s, id: `avsnitt-${s.id}`, text: true })),
          generated.beslutsunderlag(GENERATED_HEADINGS.beslutsunderlag),
          generated.skickas(GENERATED_HEADINGS.skickas),
          ...(data.forInformation.length ? [generated.kannedom(GENERATED_HEADINGS.kannedom)] : []),
          ...(data.signatures.length ? [{ id: "underskrifter", title: "", signatures: true }] : []),
        ]
      : formSections(form, { bySlot, others, sections, generated, ekonomi, jamstalldhet, signatures: data.signatures.length > 0 });

  const dnr = [data.dnr].flat();
  return documentPage(ctx, memo, page, {
    organisation: issuer,
    fictional: isFictional(repo, memo) || Boolean(issuer?.fictional),
    print: { header: "memo", runningTitle: KIND.memo.name, ...(data.date ? { date: data.date } : {}), dnr: list(dnr), form: header },
    body: { assets },
    content: {
      organisation: issuer?.name,
      header: { ...header, heading: form.print.heading, recipient: form.print.recipient },
      political: data.type === "political",
      date: data.date,
      dnr: list(dnr),
      unit: data.unit,
      handler: data.handler,
      recipient: data.recipient,
      preamble: render(preamble, "inledning-"),
      fields: Object.entries(data.fields ?? {}).map(([label, value]) => ({ label, value })),
      sections: ordered,
      // Lerum's stand side by side under the organisation's name; Herrljunga's one under the other, each with the role, without it (seed 001, lines 1567-1574).
      signatures: {
        organisation: form.print.signatures === "row" ? issuer?.name : undefined,
        stacked: form.print.signatures === "stacked",
        people: data.signatures,
      },
      agreement: agreementOf(repo, memo) ? docLink(ctx, page, agreementOf(repo, memo)!.id) : undefined,
    },
  });
}
