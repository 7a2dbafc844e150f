import { Document, isMap, isSeq, parseDocument } from "yaml";
import { kronor } from "../format/swedish.js";
import { sharesOf, splitText } from "../model/money.js";
import { partyLabels, partyName } from "../model/parties.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { FINANCING, KIND } from "../vocabulary.js";

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
const render = (doc: Document, relPath: string) => {
  const yaml = doc.toString({ lineWidth: 0, nullStr: "" });
  return `---\n${SCHEMA_LINE.test(yaml) ? yaml : `${schemaLine(relPath)}\n${yaml}`}---\n`;
};

/** Next year's plan from this year's: goals, interventions and indicators copied; amounts kept or cleared; status draft. */
export function draftNextPlan(plan: Entry<"plan">, options: { keepAmounts: boolean; year?: number }): Draft {
  const year = options.year ?? plan.data.year + 1;
  const doc = parseDocument(frontmatterText(plan.source));
  doc.set("status", "draft");
  doc.set("year", year);
  doc.set("title", withYear(plan.data.title, plan.data.year, year));
  doc.delete("decision");
  const budget = doc.get("budget");
  if (isSeq(budget)) {
    // Carry-overs belong to the year they were decided for; next year's are decided anew.
    budget.items = budget.items.filter((item) => !(isMap(item) && item.get("type") === "carry-over"));
    if (!options.keepAmounts) {
      for (const item of budget.items) {
        if (!isMap(item)) continue;
        item.delete("total");
        const parties = item.get("parties");
        if (isMap(parties))
          for (const pair of parties.items)
            pair.value = doc.createNode(isMap(pair.value) ? { financing: (pair.value as { get(k: string): unknown }).get("financing") ?? "cash" } : null);
      }
    }
  }
  if (!options.keepAmounts) doc.delete("totals");
  const name = plan.source.relPath.split("/").pop()!;
  const relPath = sibling(plan.source.relPath, name.includes(String(plan.data.year)) ? withYear(name, plan.data.year, year) : `plan-${year}.md`);
  return { relPath, text: render(doc, relPath) + bodyOf(plan.source) };
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

/** The memo about a plan: sections filled from the plan and its agreement; the dnr left for the registrar. */
export function draftMemo(repo: Repository, plan: Entry<"plan">): Draft {
  const agreement = lookup(repo, plan.data.agreement, "agreement");
  const issuerId = repo.config?.data.organisation ?? "";
  const parties = agreement?.data.parties.map((p) => partyName(repo, p)) ?? [];
  const relPath = sibling(plan.source.relPath, `tjansteskrivelse-plan-${plan.data.year}.md`);
  const doc = new Document({
    kind: "memo",
    title: `${KIND.memo.name} om ${plan.data.title.charAt(0).toLowerCase()}${plan.data.title.slice(1)}`,
    status: "draft",
    issuer: issuerId,
    dnr: "XXXX",
    date: `${plan.data.year - 1}-12-01`,
    unit: "XXXX",
    handler: { name: "XXXX", title: "Folkhälsostrateg" },
    recipient: "Kommunstyrelsen",
    about: plan.id,
    proposal: [`Kommunstyrelsen beslutar att godkänna ${plan.data.title.charAt(0).toLowerCase()}${plan.data.title.slice(1)}.`],
    genderEquality: { affects: true, visible: true, differentEffects: false, goals: "Bidrar till att målen uppfylls" },
    attachments: [{ title: plan.data.title, document: plan.id }],
    sendTo: parties.filter((p) => p !== partyName(repo, issuerId)),
  });
  (doc.contents as { commentBefore?: string }).commentBefore =
    " Diarienumret (dnr) tilldelas av registratorn; XXXX stoppar ett beslutat dokument tills det är ifyllt.";
  const inKind = plan.data.budget
    .flatMap((l) => sharesOf(l))
    .filter((s) => s.financing !== "cash" && s.amount !== undefined)
    .map((s) => `${kronor(s.amount!)} för ${partyName(repo, s.party)} (${FINANCING[s.financing].label.toLowerCase()})`);
  const areas = [...new Set(plan.data.interventions.map((i) => i.area))];
  const body = `
## Sammanfattning

${parties.length > 1 ? `${parties.slice(0, -1).join(", ")} och ${parties.at(-1)}` : parties.join("")} har avtalat om samverkan kring lokalt folkhälsoarbete. En plan med
budget och insatser tas fram varje år inom ramen för avtalet. Insatsområdena för ${plan.data.year} är:
${areas.join(", ")}.

## Bakgrund

${agreement ? `Avtalet gäller ${agreement.data.period.from}–${agreement.data.period.to}.` : ""} Planen beskriver mål, insatser och budget för ${plan.data.year}.

## Ekonomi

Fördelningsprincipen för finansieringen är ${agreement ? splitText(repo, agreement) : "enligt avtalet"}.${
    inKind.length ? ` Av budgeten är ${inKind.join(", ")}.` : ""
  } (Beloppen per part och totalt räknas fram ur planen när dokumentet byggs.)

## Jämställdhet

TODO: Beskriv hur planen tar hänsyn till kvinnor och män, flickor och pojkar.
`;
  return { relPath, text: render(doc, relPath) + body };
}
