import type { Position } from "unist";
import { memoPrint, type Form, type MemoPrint } from "../schema/form.js";
import type { Entry, Repository } from "./repository.js";

/**
 * The sections of a memo that `plan` fills from the frontmatter, or adds to (Ekonomi's figures,
 * Jämställdhet's questionnaire), and the headings each is known by: a form's heading, or a memo's,
 * goes to the slot its name matches. Lerum's tjänsteskrivelse (seed 000) names most of them;
 * Herrljunga's (seed 001) writes *Expedieras till* for *Beslutet ska skickas till*.
 */
export const MEMO_SLOTS = [
  // Herrljunga's memo of item 5 writes "Förvaltningens förslag till beslut" (seed 001, line 1271).
  { slot: "forslag", names: ["förslag till beslut", "förvaltningens förslag till beslut"] },
  { slot: "sammanfattning", names: ["sammanfattning", "sammanfattning av ärendet", "ärendet"] },
  { slot: "bakgrund", names: ["bakgrund", "beskrivning av ärendet"] },
  { slot: "ekonomi", names: ["ekonomi", "ekonomiska konsekvenser", "ekonomisk bedömning"] },
  { slot: "jamstalldhet", names: ["jämställdhet", "jämställdhetsperspektiv"] },
  { slot: "barnperspektiv", names: ["barnperspektiv", "barnkonsekvensanalys", "barnrättsperspektiv", "barnets bästa"] },
  { slot: "beslutsunderlag", names: ["beslutsunderlag"] },
  { slot: "skickas", names: ["beslutet ska skickas till", "expedieras till"] },
  // Herrljunga's write both (seed 001, lines 364, 1281).
  { slot: "kannedom", names: ["för kännedom till", "för kännedom"] },
] as const;
export type MemoSlot = (typeof MEMO_SLOTS)[number]["slot"];

/**
 * A heading as compared: without case, surrounding space and a closing colon or full stop (the seed
 * writes `Resultat/uppföljning:`). Lower case as Swedish has it: Unicode's special casing is the same
 * for every language but Lithuanian, Turkish and Azeri, so `toLowerCase` gives what
 * `toLocaleLowerCase("sv")` does, without asking ICU for the locale on every call (the rules of forms
 * compare headings thousands of times in a large repository).
 */
export const headingKey = (s: string) => s.trim().toLowerCase().replace(/[:.]$/, "").trim();

export const memoSlotOf = (title: string): MemoSlot | undefined => MEMO_SLOTS.find((s) => (s.names as readonly string[]).includes(headingKey(title)))?.slot;

/** The slots of a memo that its frontmatter fills: present when the data is, whether or not the body has the heading. */
export const GENERATED_SLOTS = ["forslag", "beslutsunderlag", "skickas", "kannedom"] as const satisfies readonly MemoSlot[];
export type GeneratedSlot = (typeof GENERATED_SLOTS)[number];

export const isGeneratedSlot = (slot: MemoSlot | undefined): slot is GeneratedSlot => (GENERATED_SLOTS as readonly (MemoSlot | undefined)[]).includes(slot);

/** The headings of the sections a memo fills from its frontmatter, as Lerum's tjänsteskrivelse writes them (seed 000), where no form names them. */
export const GENERATED_HEADINGS: Readonly<Record<GeneratedSlot, string>> = {
  forslag: "Förslag till beslut",
  beslutsunderlag: "Beslutsunderlag",
  skickas: "Beslutet ska skickas till",
  kannedom: "För kännedom till",
};

export interface FormHeading {
  title: string;
  optional: boolean;
  /** Where the form writes it; none in the built-in form. */
  position?: Position;
}

export interface FormSection extends FormHeading {
  /** Its fixed sub-headings (`###` under it in the form), in order. */
  subs: FormHeading[];
}

/** A document's form, read: its own, its party's, or the built-in one. */
export interface ResolvedForm {
  /** The form document; none for the built-in memo form and a political proposal's own. */
  entry?: Entry<"form">;
  /** How the document came by it; `body`: a political proposal's sections are its own. */
  via: "document" | "party" | "default" | "body";
  for: Form["for"];
  sections: FormSection[];
  /** The number of sections the memo's signatures follow (`::signatures` in the form), else all. */
  signaturesAfter: number;
  fields: Form["fields"];
  money: Form["money"];
  severity: Form["severity"];
  /** Whether a heading the form does not have is reported: a declared form's are, the built-in form's are not. */
  closed: boolean;
  /** How a memo of the form is printed: its header block, page numbers, proposals and signatures. */
  print: MemoPrint;
}

/** Lerum's print of a memo (seed 000), where a form declares none. */
const DEFAULT_PRINT: MemoPrint = memoPrint.parse({});

/** Lerum's required sections (seed 000), the built-in form of memos where the repository declares none. */
export const DEFAULT_MEMO_SECTIONS = ["Sammanfattning", "Bakgrund", "Ekonomi", "Jämställdhet"];

/** The form a document of its body's headings declares, read from its outline. */
export function readForm(entry: Entry<"form">, via: ResolvedForm["via"]): ResolvedForm {
  const optional = new Set(entry.data.optional.map(headingKey));
  const sections: FormSection[] = [];
  for (const h of entry.source.outline?.headings ?? []) {
    const heading = { title: h.text.trim().replace(/:$/, ""), optional: optional.has(headingKey(h.text)), position: h.position };
    if (h.depth === 2) sections.push({ ...heading, subs: [] });
    else if (h.depth === 3 && sections.length) sections.at(-1)!.subs.push(heading);
  }
  const signatures = entry.source.outline?.directives.find((d) => d.name === "signatures");
  const signaturesAfter = signatures
    ? sections.filter((s) => s.position && s.position.start.offset! < signatures.position.start.offset!).length
    : sections.length;
  const { fields, money, severity, print } = entry.data;
  return { entry, via, for: entry.data.for, sections, signaturesAfter, fields, money, severity, closed: true, print: print ?? DEFAULT_PRINT };
}

/** The built-in memo form: Lerum's sections (or the configuration's `memo.requiredSections`), all required, in that order. */
export function builtInMemoForm(repo: Repository): ResolvedForm {
  const titles = repo.config?.data.memo?.requiredSections ?? DEFAULT_MEMO_SECTIONS;
  const sections = titles.map((title) => ({ title, optional: false, subs: [] }));
  return {
    via: "default",
    for: "memo",
    sections,
    signaturesAfter: sections.length,
    fields: [],
    money: "required",
    severity: "error",
    closed: false,
    print: DEFAULT_PRINT,
  };
}

/**
 * A political proposal's form: its own headings, in its order, none required. It is the
 * politicians' text, not the förvaltning's tjänsteskrivelse, so the issuer's form gives it only
 * its print (header, page numbers, proposals, signatures) — and the place of its signatures: after
 * the heading the issuer's form signs after, where the proposal has it ("Förslag till beslut", then
 * the signatures, then "Expedieras till": seed 001, lines 1355-1371), else at the end.
 */
function politicalForm(memo: Entry<"memo">, issuers: ResolvedForm): ResolvedForm {
  const sections = (memo.source.outline?.headings ?? [])
    .filter((h) => h.depth === 2)
    .map((h) => ({ title: h.text.trim().replace(/:$/, ""), optional: true, subs: [], position: h.position }));
  const signedAfter =
    issuers.signaturesAfter > 0 && issuers.signaturesAfter < issuers.sections.length ? issuers.sections[issuers.signaturesAfter - 1]!.title : undefined;
  const at = signedAfter === undefined ? -1 : sections.findIndex((s) => headingKey(s.title) === headingKey(signedAfter));
  return { ...issuers, entry: undefined, via: "body", sections, signaturesAfter: at >= 0 ? at + 1 : sections.length, fields: [], closed: false };
}

/** The party whose default form a document takes: a memo's issuer, a plan's organisation (else none). */
function partyOf(repo: Repository, doc: Entry<"plan"> | Entry<"memo">): string | undefined {
  if (doc.kind === "memo") return doc.data.issuer ?? repo.config?.data.organisation;
  return doc.data.organisation;
}

/** The form id a document names, or its party's default for its kind, with how it came by it. */
export function formIdOf(repo: Repository, doc: Entry<"plan"> | Entry<"memo">): { id: string; via: "document" | "party" } | undefined {
  if (doc.data.form) return { id: doc.data.form, via: "document" };
  const party = partyOf(repo, doc);
  const id = party ? repo.parties.get(party)?.forms?.[doc.kind] : undefined;
  return id ? { id, via: "party" } : undefined;
}

/**
 * A document's form: the form it names (`form:`), else its party's for its kind (`forms:` in
 * plan.config.yaml), else for a memo the built-in form of Lerum's sections; a plan without one
 * has none. A form that is missing, invalid or for another kind counts as none (its own rules say so).
 */
export function formOf(repo: Repository, doc: Entry<"plan"> | Entry<"memo">): ResolvedForm | undefined {
  const named = formIdOf(repo, doc);
  const entry = named ? repo.documents.get(named.id) : undefined;
  // A form named but not there, invalid or for another kind is no form: its own finding says so, and Lerum's is not asked of the memo instead.
  const form = named
    ? entry?.kind === "form" && entry.data.for === doc.kind
      ? readForm(entry, named.via)
      : undefined
    : doc.kind === "memo"
      ? builtInMemoForm(repo)
      : undefined;
  return doc.kind === "memo" && doc.data.type === "political" && form ? politicalForm(doc, form) : form;
}

/** Whether a plan may have no budget lines: its form says money is optional or absent. */
export const moneyOptional = (repo: Repository, plan: Entry<"plan">) => {
  const money = formOf(repo, plan)?.money;
  return money === "optional" || money === "absent";
};

/**
 * What every document with a form may read besides its own group of references: the forms,
 * which a party's default (`forms:` of the configuration) gives to documents that name them
 * nowhere. A change of it checks and renders everything again, as the configuration's does.
 */
export const formsDigest = (repo: Pick<Repository, "forms">): string => repo.forms.map((f) => f.source.digest).join("\n");
