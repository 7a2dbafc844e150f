import { stringify } from "yaml";
import { jsonSchemas } from "../schema/json-schema.js";
import { githubWorkflow, gitlabCi } from "./ci-templates.js";
import { planCopyFiles } from "./copy.js";
import { idFromName } from "./slug.js";

export interface InitOptions {
  kommun: string;
  kommunkod: string | undefined;
  region: string;
  regionShort: string;
  /** The year of the first plan. */
  year: number;
  /** Each party's yearly contribution in kronor. */
  contribution: number;
}

/** A YAML scalar, quoted only where YAML needs it. */
const y = (value: string | number) => stringify(value, { lineWidth: 0 }).trimEnd();

const SCHEMA = (depth: number) => `# yaml-language-server: $schema=${"../".repeat(depth)}schemas/document.schema.json`;

/** Every file of a new plan repository, by path, with the copy of plan in `.plan/` that its CI installs. Nothing here asks anything: options set the names. */
export function initFiles(o: InitOptions, copy: Map<string, string | Uint8Array> = planCopyFiles()): Map<string, string | Uint8Array> {
  const kommun = idFromName(o.kommun) || "kommun";
  const region = idFromName(o.regionShort) || "region";
  const from = o.year;
  const to = o.year + 3;
  const half = Math.floor(o.contribution / 2);
  const staff = o.contribution - half;
  const files = new Map<string, string | Uint8Array>();

  files.set(
    "plan.config.yaml",
    `# yaml-language-server: $schema=schemas/config.schema.json
# Organisationen som har det här arkivet, och parterna den samverkar med.
organisation: ${kommun}

parties:
  - id: ${kommun}
    name: ${y(o.kommun)}
    short: Kommun
    type: kommun
${o.kommunkod ? `    kommunkod: "${o.kommunkod}"\n` : ""}    # Adress och organisationsnummer står i sidfoten på dokumenten:
    # orgnr: 212000-0000
    # address: { street: Gatan 1, postal: 123 45 Orten, phone: 0123-45 67 89, email: kommun@example.se, web: www.example.se }
    # Diarienummer: ändra mönstret till det som registratorn använder.
    dnr:
      pattern: '^KS \\d{4}/\\d{1,5}$'
      example: KS ${from - 1}/123

  - id: ${region}
    name: ${y(o.region)}
    short: ${y(o.regionShort)}
    type: nämnd
`,
  );

  files.set(
    `avtal-${from}-${to}.md`,
    `---
${SCHEMA(0)}
kind: agreement
title: ${y(`Avtal om gemensamma folkhälsoinsatser i ${o.kommun} ${from}–${to}`)}
status: draft
parties: [${region}, ${kommun}]
period: { from: ${from}, to: ${to} }
contributions:
  - { party: ${region}, amount: ${o.contribution}, financing: [cash] }
  - { party: ${kommun}, amount: ${o.contribution}, financing: [cash, in-kind, referred] }
split: { rule: equal }
---

## Parter

${o.region} och ${o.kommun}.

## Finansiering

Fördelningsprincipen för finansieringen är hälften vardera för parterna.

::financing

## Verksamhetsplaner inom avtalet

::plans
`,
  );

  files.set(
    `plan-${from}.md`,
    `---
${SCHEMA(0)}
kind: plan
title: ${y(`Verksamhetsplan för det gemensamma folkhälsoarbetet ${from} mellan ${o.region} och ${o.kommun}`)}
status: draft
agreement: avtal-${from}-${to}
year: ${from}

goals:
  - id: fullfoljda-studier
    level: local
    area: Kompetens
    title: Fler flickor och pojkar fullföljer sina studier

interventions:
  - id: foraldrastod
    title: Föräldrastöd
    area: Fullföljda studier
    goals: [fullfoljda-studier]
    what: Föräldraskapsstöd till föräldrar med barn i grundskolan.
    how: Gruppträffar i samverkan med skola och socialtjänst.

budget:
  - id: foraldrastod
    title: Föräldraskapsstöd, gruppträffar
    intervention: foraldrastod
    total: ${half * 2}
    parties: { ${region}: ${half}, ${kommun}: ${half} }
  - id: folkhalsostrateg
    type: staff
    title: Folkhälsostrateg
    total: ${staff * 2}
    parties: { ${region}: ${staff}, ${kommun}: ${staff} }

totals:
  - label: Gemensam folkhälsobudget
    includes: [intervention, staff]
    total: ${o.contribution * 2}
    parties: { ${region}: ${o.contribution}, ${kommun}: ${o.contribution} }
---

## Sammanfattning

Planen beskriver det gemensamma folkhälsoarbetet ${from}.

## Fokus ${from}

TODO: Skriv här vad parterna vill uppnå under året.
`,
  );

  files.set(
    `tjansteskrivelse-plan-${from}.md`,
    `---
${SCHEMA(0)}
kind: memo
title: ${y(`Tjänsteskrivelse om verksamhetsplan för det gemensamma folkhälsoarbetet ${from}`)}
status: draft
# Registratorn tilldelar diarienumret; verktyget hittar aldrig på ett.
dnr: KS XXXX/XXX
date: ${from - 1}-11-15
unit: Kommunledningsförvaltningen
handler: { name: XXXX, title: Folkhälsostrateg }
recipient: Kommunstyrelsen
about: plan-${from}
proposal:
  - ${y(`Kommunstyrelsen beslutar att godkänna verksamhetsplan för det gemensamma folkhälsoarbetet ${from} mellan ${o.region} och ${o.kommun}.`)}
genderEquality:
  affects: true
  visible: true
  differentEffects: false
  goals: Bidrar till att målen uppfylls
attachments:
  - { title: ${y(`Verksamhetsplan för det gemensamma folkhälsoarbetet ${from}`)}, document: plan-${from} }
sendTo: [${y(o.region)}]
---

## Sammanfattning

${o.kommun} och ${o.region} har avtalat om samverkan kring lokalt folkhälsoarbete. En plan
med budget och insatser tas fram varje år inom ramen för avtalet.

## Bakgrund

Avtalet gäller ${from}–${to}.

## Ekonomi

Parterna finansierar arbetet med hälften vardera.

## Jämställdhet

Målen i planen är uppdelade på kön för att stödja en uppföljning fördelad på kön.
`,
  );

  files.set("README.md", readme(o));
  files.set(".github/workflows/plan.yml", githubWorkflow());
  files.set(".gitlab-ci.yml", gitlabCi());
  for (const [path, data] of copy) files.set(path, data);
  files.set(
    ".vscode/settings.json",
    `${JSON.stringify({ "yaml.schemas": { "./schemas/config.schema.json": ["plan.config.yaml"], "./schemas/kolada.schema.json": ["data/kolada/*.yaml"] }, "files.eol": "\n" }, null, 2)}\n`,
  );
  files.set(".vscode/extensions.json", `${JSON.stringify({ recommendations: ["redhat.vscode-yaml", "eliostruyf.vscode-front-matter"] }, null, 2)}\n`);
  files.set(".gitattributes", "* text=auto eol=lf\n*.pdf binary\n*.png binary\n*.jpg binary\n*.tgz binary\n");
  files.set(".gitignore", "dist/\nnode_modules/\n.npm/\n.plan-cache/\n");
  for (const [name, text] of Object.entries(jsonSchemas())) files.set(`schemas/${name}`, text);
  return files;
}

function readme(o: InitOptions): string {
  return `# Folkhälsoplaner för ${o.kommun}

Här finns ${o.kommun}s och ${o.region}s gemensamma folkhälsoarbete som textfiler:
avtalet, verksamhetsplanerna, tjänsteskrivelserna och verksamhetsberättelserna.
Verktyget \`plan\` kontrollerar att siffrorna stämmer och gör de färdiga dokumenten (HTML och PDF).

## Så här ändrar du

1. Öppna filen du vill ändra, till exempel \`plan-${o.year}.md\`, och redigera den
   (i webbläsaren via git-tjänsten eller i en editor).
2. Överst i filen, mellan raderna \`---\`, står uppgifterna som verktyget läser:
   belopp i hela kronor utan mellanslag (\`250000\`), datum som \`${o.year}-01-15\`.
   Under den andra \`---\` står den löpande texten.
3. Spara ändringen som en ny gren och öppna en *pull request*. Kontrollen körs
   automatiskt och visar fel direkt på raden, och en sammanställning av vad ändringen
   betyder i kronor.
4. När ändringen godkänts och slagits ihop byggs dokumenten. De finns som
   *artifact* med namnet \`dokument\` i körningen.

## På den egna datorn

\`\`\`sh
plan check          # kontrollera allt
plan build --out dist  # gör dokumenten
plan new plan --from plan-${o.year}   # utkast till nästa års plan
plan new report --from plan-${o.year} # utkast till verksamhetsberättelse
\`\`\`

Kontrollen och bygget i CI använder den kopia av verktyget som finns i mappen \`.plan/\`,
samma version varje gång. En ny version av \`plan\` läggs in med \`plan init --update\`.

Diarienummer skrivs in när registratorn har tilldelat dem. Text som \`XXXX\` eller
\`TODO\` är tillåten i utkast men stoppar ett beslutat dokument.
`;
}
