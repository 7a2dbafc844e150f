import { Document, isMap, isSeq, parseDocument } from "yaml";
import { kronor } from "../format/swedish.js";
import { sharesOf } from "../model/money.js";
import { partyLabels, partyName } from "../model/parties.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { KIND } from "../vocabulary.js";
import { applyEdits, editScalar, pairOf, removeItem, removePair, setScalar, type TextEdit } from "./yaml-text.js";

export interface Draft {
  /** Path from the repository root. */
  relPath: string;
  text: string;
}

const SCHEMA_LINE = /^# yaml-language-server: .*$/m;
const schemaLine = (relPath: string) => `# yaml-language-server: $schema=${"../".repeat(relPath.split("/").length - 1)}schemas/document.schema.json`;

function frontmatterText(source: Entry["source"]): string {
  const text = String(source.file.value);
  return source.yaml ? text.slice(source.yamlStart, text.indexOf("\n---", source.yamlStart) + 1) : "";
}

const bodyOf = (source: Entry["source"]) => {
  const text = String(source.file.value);
  const end = text.indexOf("\n---", source.yamlStart);
  return text.slice(text.indexOf("\n", end + 1) + 1);
};

const sibling = (relPath: string, name: string) => relPath.replace(/[^/]+$/, name);
const withYear = (text: string, from: number, to: number) => text.replaceAll(String(from), String(to));
/** A frontmatter's YAML between its fences, with the line that gives editors the schema. */
const fenced = (yaml: string, relPath: string) => `---\n${SCHEMA_LINE.test(yaml) ? yaml : `${schemaLine(relPath)}\n${yaml}`}---\n`;
const render = (doc: Document, relPath: string) => fenced(doc.toString({ lineWidth: 0, nullStr: "" }), relPath);

/**
 * `text` with the year `from` moved to `to` wherever it stands alone: "verksamhetsåret 2019", not a
 * date (2019-01-09) or a period (2018–2019, 2019-2021), which stay as they were decided, nor a
 * file name (`bild_2019.png`).
 */
export const movedYear = (text: string, from: number, to: number) =>
  // Not in a file name either (`bild_2019.png`, `2019/plan.md`): the link would no longer find its file.
  text.replace(new RegExp(`(?<![\\d–\\-_/])${from}(?![\\d–\\-_/]|\\.\\w)`, "g"), String(to));

/** The parties' amounts of a budget line left blank: `~` for an amount alone, no `amount` where the financing is written beside it. */
function clearedParties(text: string, parties: unknown): TextEdit[] {
  if (!isMap(parties)) return [];
  return parties.items.flatMap((pair) => (isMap(pair.value) ? removePair(text, pair.value, "amount") : editScalar(text, pair.value, () => "~")));
}

/**
 * Next year's plan from this year's: goals, interventions and indicators copied; amounts kept or
 * cleared; status draft; the year moved in the title, the prose and the headings. The
 * frontmatter is changed in place, so the rest of it stays as the author wrote it.
 */
export function draftNextPlan(plan: Entry<"plan">, options: { keepAmounts: boolean; year?: number }): Draft {
  const from = plan.data.year;
  const year = options.year ?? from + 1;
  const text = frontmatterText(plan.source);
  const doc = parseDocument(text);
  const top = doc.contents;
  const edits: TextEdit[] = [
    ...setScalar(text, top, "status", "draft"),
    ...setScalar(text, top, "year", String(year)),
    ...editScalar(text, pairOf(top, "title")?.value, (title) => movedYear(title, from, year)),
    ...removePair(text, top, "decision"),
  ];
  const budget = doc.get("budget");
  for (const item of isSeq(budget) ? budget.items : []) {
    if (!isMap(item)) continue;
    // Carry-overs belong to the year they were decided for; next year's are decided anew.
    if (item.get("type") === "carry-over") edits.push(...removeItem(text, item));
    else if (!options.keepAmounts) edits.push(...removePair(text, item, "total"), ...clearedParties(text, item.get("parties")));
  }
  if (!options.keepAmounts) edits.push(...removePair(text, top, "totals"));
  const name = plan.source.relPath.split("/").pop()!;
  const relPath = sibling(plan.source.relPath, name.includes(String(from)) ? withYear(name, from, year) : `plan-${year}.md`);
  return { relPath, text: fenced(applyEdits(text, edits), relPath) + movedYear(bodyOf(plan.source), from, year) };
}

/** The year's report from the plan: every budget line with its budget and an empty utfall, every local goal to follow up. */
export function draftReport(repo: Repository, plan: Entry<"plan">): Draft {
  const name = plan.source.relPath.split("/").pop()!;
  const relPath = sibling(plan.source.relPath, name.replace(/^plan/, "rapport").replace(/^(?!rapport)/, "rapport-"));
  const doc = new Document({
    kind: "report",
    title: plan.data.title.replace(new RegExp(`^${KIND.plan.name}`), KIND.report.name),
    status: "draft",
    plan: plan.id,
    year: plan.data.year,
    // Income that is no party's contribution has no utfall per party to fill in.
    outcome: plan.data.budget.filter((l) => l.type !== "carry-over" && l.income === undefined).map((line) => ({ line: line.id, parties: {} })),
    goals: plan.data.goals.filter((g) => g.level === "local").map((g) => ({ goal: g.id })),
    carryOver: [],
  });
  const outcome = doc.get("outcome");
  if (isSeq(outcome)) {
    outcome.items.forEach((item, i) => {
      const line = plan.data.budget.filter((l) => l.type !== "carry-over")[i]!;
      const shares = sharesOf(line);
      const labels = partyLabels(
        repo,
        shares.map((s) => s.party),
      );
      const budget = shares.map((s) => `${labels.get(s.party)} ${s.amount === undefined ? "–" : kronor(s.amount)}`).join(", ");
      (item as { commentBefore?: string }).commentBefore = ` ${line.title}: budget ${budget}. Fyll i utfallet per part.`;
    });
  }
  const goals = doc.get("goals");
  if (isSeq(goals)) {
    (goals as { commentBefore?: string }).commentBefore =
      " Lämna status tomt för att räkna fram måluppfyllelsen ur indikatorerna, eller skriv met, partly-met, not-met eller not-assessed.";
  }
  const sections = plan.data.interventions.map((i) => `### ${i.title}\n\nTODO: Vad har gjorts under året?\n`).join("\n");
  const body = `\n## Sammanfattning\n\nTODO: Sammanfatta året.\n\n## Genomförda insatser\n\n${sections}\n## Ekonomi\n\nTODO: Kommentera utfallet mot budget.\n\n::outcome\n\n::carry-over\n\n## Måluppfyllelse\n\nTODO: Kommentera måluppfyllelsen.\n\n::goals\n\n::indicators\n`;
  return { relPath, text: render(doc, relPath) + body };
}

/**
 * The latest tjänsteskrivelse the issuer wrote (by date, then by file): the unit, the handläggare, the board
 * and the signatures of the next one are most likely its own.
 */
function lastMemo(repo: Repository, issuer: string): Entry<"memo"> | undefined {
  // Its tjänsteskrivelser only: a political proposal has no handläggare, and politicians sign it.
  const own = repo.memos.filter((m) => (m.data.issuer ?? repo.config?.data.organisation) === issuer && m.data.type !== "political");
  return own.sort((a, b) => (a.data.date ?? "").localeCompare(b.data.date ?? "") || a.source.relPath.localeCompare(b.source.relPath)).at(-1);
}

/** The memo about a plan: sections filled from the plan and its agreement, its people from the issuer's last memo; the dnr left for the registrar. */
export function draftMemo(repo: Repository, plan: Entry<"plan">): Draft {
  const agreement = lookup(repo, plan.data.agreement, "agreement");
  const issuerId = repo.config?.data.organisation ?? "";
  const parties = agreement?.data.parties.map((p) => partyName(repo, p)) ?? [];
  const relPath = sibling(plan.source.relPath, `tjansteskrivelse-plan-${plan.data.year}.md`);
  const last = lastMemo(repo, issuerId)?.data;
  const doc = new Document({
    kind: "memo",
    title: `${KIND.memo.name} om ${plan.data.title.charAt(0).toLowerCase()}${plan.data.title.slice(1)}`,
    status: "draft",
    issuer: issuerId,
    dnr: "XXXX",
    date: `${plan.data.year - 1}-12-01`,
    unit: last?.unit ?? "XXXX",
    handler: last?.handler ?? { name: "XXXX", title: "Folkhälsostrateg" },
    recipient: last?.recipient ?? "Kommunstyrelsen",
    ...(last?.decidedBy !== undefined ? { decidedBy: last.decidedBy } : {}),
    about: plan.id,
    proposal: [
      `${last?.decidedBy ?? last?.recipient ?? "Kommunstyrelsen"} beslutar att godkänna ${plan.data.title.charAt(0).toLowerCase()}${plan.data.title.slice(1)}.`,
    ],
    genderEquality: { affects: true, visible: true, differentEffects: false, goals: "Bidrar till att målen uppfylls" },
    attachments: [{ title: plan.data.title, document: plan.id }],
    sendTo: last?.sendTo.length ? last.sendTo : parties.filter((p) => p !== partyName(repo, issuerId)),
    ...(last?.forInformation.length ? { forInformation: last.forInformation } : {}),
    ...(last?.signatures.length ? { signatures: last.signatures } : {}),
  });
  (doc.contents as { commentBefore?: string }).commentBefore =
    " Diarienumret (dnr) tilldelas av registratorn; XXXX stoppar ett beslutat dokument tills det är ifyllt.";
  const areas = [...new Set(plan.data.interventions.map((i) => i.area))];
  const body = `
## Sammanfattning

${parties.length > 1 ? `${parties.slice(0, -1).join(", ")} och ${parties.at(-1)}` : parties.join("")} har avtalat om samverkan kring lokalt folkhälsoarbete. En plan med
budget och insatser tas fram varje år inom ramen för avtalet. Insatsområdena för ${plan.data.year} är:
${areas.join(", ")}.

## Bakgrund

${agreement ? `Avtalet gäller ${agreement.data.period.from}–${agreement.data.period.to}.` : ""} Planen beskriver mål, insatser och budget för ${plan.data.year}.

## Ekonomi

TODO: Beskriv vad parternas insatser består av och var medlen finns. Fördelningsprincipen, parternas bidrag enligt avtalet och budgeten per part står under rubriken när tjänsteskrivelsen byggs.

## Jämställdhet

TODO: Beskriv hur planen tar hänsyn till kvinnor och män, flickor och pojkar.
`;
  return { relPath, text: render(doc, relPath) + body };
}
