import { betweenMarkers } from "../format/text.js";
/**
 * Every wording `plan` generates for a board's documents, with the seed it follows
 * (`/work/shared/seeds/`), for the README's "Generated wording" (`npm run wording-table`). Each
 * example is what the wording gives for a document of the shipped examples (or of the test
 * fixture `test/fixtures/financiers`); test/wording.test.ts renders it and finds it there.
 * This is documentation: its Swedish quotes the pages, so the vocabulary test leaves it alone.
 */
export interface Wording {
  id: string;
  /** Where it is printed. */
  where: string;
  /** What it says, and its forms. */
  forms: string;
  /** What it gives for a document of the examples or the fixture, each found as written on `page`. */
  examples: string[];
  /** The built page the examples are on (of the examples, else of the fixture `test/fixtures/financiers`). */
  page: string;
  /** When the page shows it, where that is not on every build of the examples as they are; a test of its own covers it. */
  when?: string;
  /** The seed's words it follows, with the seed and line. */
  seed: string;
}

export const WORDINGS: readonly Wording[] = [
  {
    id: "split",
    where: "Agreement (Finansiering); memo about a plan (Ekonomi)",
    forms:
      "Two financiers, equal: `hälften vardera för A och B`; three to ten: `en tredjedel vardera för A, B och C`; more: `lika stora delar för …`; shares: `60 % för A och 40 % för B`; one financier: `A svarar ensam för finansieringen.`; `rule: none`: `Avtalet anger ingen fördelningsprincip; varje part bidrar med sitt belopp enligt avtalet.`",
    examples: ["Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen."],
    page: "lerum/tjansteskrivelse-ks18-1375.html",
    when: "Left out where the document's own text already says it (its phrase, `hälften vardera`, or for an equal split `hälften var`, `lika delar`, `delas lika`; its percentages; its rates: `14 kronor per invånare`), as the Lerum memo does in these very words: the split is stated once",
    seed: "000 line 234: “Fördelningsprincipen för finansieringen är hälften vardera för HSN och kommunen.”",
  },
  {
    id: "split-per-inhabitant",
    where: "As `split`, for `rule: per-inhabitant`",
    forms:
      "Each rate with the financiers that pay it, joined by `samt`; one number of inhabitants for every financier and year with its date, else `räknat på varje parts antal invånare` (the figures are in the table beside it)",
    examples: [
      "Fördelningsprincipen för finansieringen är 14\u00A0kr per invånare och år vardera för HSN och kommunen, räknat på 15\u202F000 invånare den 2018-12-31.",
    ],
    page: "sjobacka/tjansteskrivelse-2020.html",
    seed: "003 line 152: “Medlemsavgiften för år 2013 är höjd till 73 kr/invånare … Medlemsavgiften för Varbergs och Falkenbergs kommuner ligger oförändrad på 11 kr/invånare.”",
  },
  {
    id: "split-rates",
    where: "As `split-per-inhabitant`, where financiers pay different rates",
    forms: "`73 kr per invånare och år för A samt 11 kr per invånare och år vardera för B och C`",
    examples: [
      "Fördelningsprincipen för finansieringen är 73\u00A0kr per invånare och år för Medlemskommunerna i Sjuhärad samt 11\u00A0kr per invånare och år vardera för Varbergs kommun och Falkenbergs kommun, räknat på varje parts antal invånare.",
    ],
    page: "sjuharad/avtal-2013-2014.html",
    seed: "003 line 152 (the rates); line 1577: “finansieras av medlemskommunerna samt Alingsås och Lerums kommun”",
  },
  {
    id: "contributions",
    where: "Agreement (Finansiering); memo about a plan (Ekonomi)",
    forms:
      "The same amount from every financier every year: `A och B ersätter för perioden 2017–2020, vardera 1 000 000 kronor per år.`; else `För perioden 2013–2014 ersätter A … kronor per år, B … kronor per år och C … kronor per år.`, with a year that differs in brackets",
    examples: ["HSN och kommunen ersätter för perioden 2017–2020, vardera 1\u202F000\u202F000\u00A0kronor per år."],
    page: "lerum/tjansteskrivelse-ks18-1375.html",
    when: "Left out where the document's own text already gives every amount as a yearly one (`per år`, `och år`), as the Lerum memo does",
    seed: "000 line 234: “Hälso- och sjukvårdsnämnden och kommunen ersätter för perioden 2017-2020, vardera 1 000 000 kronor per år.”",
  },
  {
    id: "contributions-differing",
    where: "As `contributions`, where the amounts differ",
    forms: "`För perioden … ersätter A 14 600 000 kronor per år (2014: 14 673 000 kronor), B 660 000 kronor per år och C 462 000 kronor per år.`",
    examples: [
      "För perioden 2013–2014 ersätter Medlemskommunerna i Sjuhärad 14\u202F600\u202F000\u00A0kronor per år (2014: 14\u202F673\u202F000\u00A0kronor), Varbergs kommun 660\u202F000\u00A0kronor per år och Falkenbergs kommun 462\u202F000\u00A0kronor per år.",
    ],
    page: "sjuharad/avtal-2013-2014.html",
    seed: "003 line 152: “Medlemsavgiften för Varbergs och Falkenbergs kommuner ligger oförändrad på 11 kr/invånare.”",
  },
  {
    id: "party-in-text",
    where: "The sentences above",
    forms:
      "Between two financiers, the document's own organisation (the memo's issuer, the agreement's municipality) by what it is: `kommunen`, `regionen`, `nämnden`, `förbundet`; a party whose short name is an abbreviation by it: `HSN`; any other party, and a group, by its name",
    examples: ["vardera för HSN och kommunen"],
    page: "sjobacka/tjansteskrivelse-2020.html",
    seed: "000 line 234: “hälften vardera för HSN och kommunen”",
  },
  {
    id: "budget-table",
    where: "Memo about a plan (Ekonomi); the plan's joint budget",
    forms:
      "The memo's caption names the budget as the plan's widest total does (`Gemensam folkhälsobudget`, else `Gemensam budget`) `för verksamhetsåret 2019 (kronor)`; the parties as columns under their short names, then `Totalt`; rows `Budget 2019`, `Andel`, how it is paid where not all in cash (`varav schablonkostnad` with the note's marker), `Bidrag enligt avtalet 2019`; with more than four columns of amounts, one row per party instead. A group's members and another source of money are named under the table",
    examples: ["Gemensam folkhälsobudget för verksamhetsåret 2019 (kronor)"],
    page: "lerum/tjansteskrivelse-ks18-1375.html",
    seed: "000 line 244: “Gemensam folkhälsobudget för verksamhetsåret 2019 HSN Kommunen Totalt 1 000 000 1 000 000 2 000 000”",
  },
  {
    id: "financing-notes",
    where: "The plan's budget per line; the memo's budget table",
    forms:
      "`*` for money referred to another budget, `**` for staff time (in kind), each with the line's note as written, else the kind's name (`Schablonkostnad (egen personal)`)",
    examples: ["* Kommunens motfinansiering hänvisas till kommunens föreningsbidrag", "** Schablonkostnad för deltagande personal"],
    page: "lerum/plan-2019.html",
    seed: "000 line 246: “*Kommunens motfinansiering hänvisas till kommunens föreningsbidrag. **Schablonkostnad för deltagande personal”",
  },
  {
    id: "carry-over",
    where: "Plan: the work carried over from an earlier year",
    forms:
      "`<title> förs, enligt beslut på <decision>, över till 2019.`, the amount in brackets after the title where it is given, `förs över från 2018 till 2019` without a decision; `Beslutet anger inget belopp.` where no amount is given; the line's note after it",
    examples: [
      "Planering och avsatta medel för Plattform Lerum 2018 förs, enligt beslut på presidiedialog 2018-10-12, över till 2019. Beslutet anger inget belopp.",
    ],
    page: "lerum/plan-2019.html",
    when: "A plan whose page shows the carry-over part (`::carry-over`, or a body that places no parts); the Lerum plan's body writes the carry-over in its own words",
    seed: "000 line 254: “Planering och avsatta medel för Plattform Lerum 2018 förs, enligt beslut på presidiedialog den 12 oktober, över till 2019.”",
  },
  {
    id: "report-memo",
    where: "Memo about a report (Ekonomi)",
    forms:
      "`Utfallet för 2019 blev … mot en budget på …, vilket ger ett överskott på ….` (an underskott where the utfall is the larger; `lika med budgeten` where they are equal); without any utfall: `Budgeten för 2019 var …; utfallet är ej redovisat.`",
    examples: ["Utfallet för 2019 blev 401\u202F500\u00A0kr mot en budget på 420\u202F000\u00A0kr, vilket ger ett överskott på 18\u202F500\u00A0kr."],
    page: "sjobacka/tjansteskrivelse-2020.html",
    when: "A memo whose `about` is a report",
    seed: "001 line 342: “Socialnämnden gör ett positivt resultat på 9 609 tkr.”; line 1023: “redovisar ett underskott på 560 tkr”",
  },
  {
    id: "assessment",
    where: "Report: a goal whose fulfilment is computed from its indicators",
    forms: "`Bedömningen grundar sig på målets indikatorer.`",
    examples: ["Bedömningen grundar sig på målets indikatorer."],
    page: "sjobacka/rapport-2019.html",
    when: "A goal whose report gives no `status`",
    seed: "001: the goal tables judge each goal by its indicators (“Mål”, “Utfall”)",
  },
  {
    id: "partial-deviation",
    where: "Report: under the table of budget, utfall and avvikelse, where a sum of avvikelser leaves out lines with no utfall (marked `*`)",
    forms: "`* Avvikelsen gäller de poster vars utfall är redovisat.`",
    examples: ["Avvikelsen gäller de poster vars utfall är redovisat."],
    page: "sjobacka/rapport-2019.html",
    when: "A draft report with part of its utfall",
    seed: "none: the seeds' reports give every utfall; blank is never 0, so the sum says what it covers",
  },
  {
    id: "memo-headings",
    where: "Memo",
    forms: "The sections in the order of the real memo; a body heading with one of these names goes to its place",
    examples: ["Förslag till beslut", "Sammanfattning", "Bakgrund", "Ekonomi", "Jämställdhet", "Beslutsunderlag", "Beslutet ska skickas till"],
    page: "lerum/tjansteskrivelse-ks18-1375.html",
    seed: "000 lines 232–236: the headings of TJÄNSTESKRIVELSE KS18.1375",
  },
  {
    id: "gender-questions",
    where: "Memo (Jämställdhet)",
    forms: "The fixed questions, each answered `Ja` or `Nej`, and the question on the goals with its answer",
    examples: [
      "Berör ärendet kvinnor, män, flickor eller pojkar?",
      "Synliggör ärendet kvinnor, män, flickor och pojkar?",
      "Kan ärendet få olika effekter för kvinnor och män, flickor och pojkar?",
      "Hur påverkar ärendet kommunens jämställdhetsmål?",
    ],
    page: "lerum/tjansteskrivelse-ks18-1375.html",
    seed: "000 lines 234–236",
  },
  {
    id: "draft",
    where: "Every document not `decided`",
    forms: "`Utkast – tjänsteskrivelsen är inte slutlig.` (a memo), `Utkast – dokumentet är inte beslutat.` (the others), and `UTKAST` on every printed page",
    examples: ["Utkast – tjänsteskrivelsen är inte slutlig."],
    page: "sjobacka/tjansteskrivelse-2020.html",
    seed: "none: a document the board has not yet received must say so",
  },
  {
    id: "colophon",
    where: "Every page, with `plan build --colophon` only",
    forms: "`Framställt 2019-01-09 med plan.`; without a date where the build has none: `Framställt med plan.`",
    examples: ["Framställt 2019-01-09 med plan."],
    page: "index.html",
    when: "`--colophon`",
    seed: "none: the real documents carry no colophon",
  },
];

export const TABLE_START = "<!-- wording-table:start (written by `npm run wording-table` from src/model/wordings.ts) -->";
export const TABLE_END = "<!-- wording-table:end -->";

// A `|` would end the table's cell; a line break would end its row.
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
// The README shows the example as a page reads it: narrow and plain no-break spaces as spaces.
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, " ");

/** The README's table of generated wording: one row per wording, with an example from the examples and the seed it follows. */
export function wordingTable(wordings: readonly Wording[] = WORDINGS): string {
  const rows = wordings.map(
    (w) =>
      `| \`${w.id}\` | ${cell(w.where)} | ${cell(w.forms)}${w.when ? ` (${cell(w.when)})` : ""} | ${cell(w.examples.map((e) => `“${plain(e)}”`).join(", "))} (\`${w.page}\`) | ${cell(w.seed)} |`,
  );
  return ["| Wording | Where | Forms | Example | Seed |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** `readme` with the text between the markers replaced by the table; `undefined` when the markers are missing. */
export function withWordingTable(readme: string): string | undefined {
  return betweenMarkers(readme, TABLE_START, TABLE_END, wordingTable());
}
