import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { pdfPathOf } from "../src/model/pages.js";
import { renderSite } from "../src/render/site.js";
import { checkJson, ofRule, only } from "./helpers/findings.js";
import { spaces, tableByCaption } from "./helpers/html.js";
import { canPrint, warnIfSkipped } from "./helpers/printer.js";
import { copyExamples, edit, lineOf, read, write } from "./helpers/repo.js";
import { builtExamples, HERRLJUNGA_PACKET_DOCUMENTS } from "./helpers/shared.js";
import { PAGE, pageNumber } from "../src/vocabulary.js";
import { withoutOwnNumber } from "../src/pdf/own-numbers.js";

/** What these tests use of the examples: Herrljunga's and Lerum's documents, with the configuration and data/. */
const PART = { only: ["herrljunga", "lerum"] };

/*
 * A board's meeting (`kind: meeting`): the kallelse with its föredragningslista (Herrljunga's
 * socialnämnd 2017-02-28, seed 001; Lerum's KSAU 2019-01-09, seed 000), the rules between its
 * items and their documents, and the meeting packet that `plan build` joins.
 */

const HERRLJUNGA = "herrljunga/sammantrade-2017-02-28.md";
const LERUM = "lerum/ksau-2019-01-09.md";

/** The column of a value on its line: where `text` starts, 1-based. */
const columnOf = (root: string, file: string, line: number, text: string) => read(root, file).split("\n")[line - 1]!.indexOf(text) + 1;

/** A Herrljunga memo for the internal-control item (5), as its seed proposes it (seed 001, lines 1265-1275). */
const internalControlMemo = (proposal: string[], dnr = "SN 82/2015") =>
  [
    "---",
    "kind: memo",
    "title: Intern kontroll 2016",
    "status: decided",
    "issuer: herrljunga-sn",
    `dnr: ${dnr}`,
    "date: 2017-01-09",
    "unit: Socialförvaltningen",
    "handler: { name: Linnea Holm, title: Stabschef }",
    "recipient: Socialnämnden",
    "proposal:",
    ...proposal.map((p) => `  - ${p}`),
    "genderEquality: { affects: false, visible: false, differentEffects: false, goals: Berörs inte }",
    "---",
    "",
    "## Sammanfattning",
    "",
    "Uppföljningen av internkontrollplanen 2016.",
    "",
  ].join("\n");

describe("the examples' meetings", () => {
  it("check without a finding of the meeting rules but the seed's item 5 (below), though items 6 and 7 of Herrljunga's share the Dnr SN 16/2017", async () => {
    const root = copyExamples(PART);
    const { findings } = await checkJson(root);
    const found = findings.filter((f) => f.rule.startsWith("meeting/") || f.file === HERRLJUNGA || f.file === LERUM);
    expect(found.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([`${HERRLJUNGA}:${lineOf(root, HERRLJUNGA, "decides: KS")} meeting/decides`]);
  });
});

describe("meeting/dnr", () => {
  it("an item whose Dnr is not its memo's is an error at the item's Dnr, naming both numbers", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "    dnr: KS18.1375\n", "    dnr: KS18.1357\n");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const line = lineOf(root, LERUM, "dnr: KS18.1357");
    expect(ofRule(findings, "meeting/dnr").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([
      // The memo's number and the plan's decision's: both documents are of the case KS18.1375.
      `${LERUM}:${line}:10 error`,
      `${LERUM}:${line}:10 error`,
    ]);
    const [memo, plan] = ofRule(findings, "meeting/dnr");
    expect(memo!.message).toBe(
      "Item 6 is on the agenda with Dnr `KS18.1357`, but its memo `lerum/tjansteskrivelse-ks18-1375` has the diarienummer `KS18.1375`.",
    );
    expect(memo!.fix).toBe("Write `dnr: KS18.1375`, or name the documents of the case `KS18.1357`.");
    expect(plan!.message).toBe("Item 6 is on the agenda with Dnr `KS18.1357`, but its plan `lerum/plan-2019` has the decision's diarienummer `KS18.1375`.");
  });

  it("an item without a Dnr whose memo has one is an error at the memo's reference; one not of the organisation's form at the Dnr", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM, "    dnr: KS18.1375\n", "");
    edit(root, HERRLJUNGA, "    dnr: SN 11/2017\n", "    dnr: 2017-11\n");
    const { findings } = await checkJson(root);
    const found = ofRule(findings, "meeting/dnr");
    const memoLine = lineOf(root, LERUM, "- document: lerum/tjansteskrivelse-ks18-1375");
    const formLine = lineOf(root, HERRLJUNGA, "dnr: 2017-11");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      `${HERRLJUNGA}:${formLine}:10`,
      // Item 2's memo (seed 001, lines 54-79) is of the case SN 11/2017: the changed number is not its either.
      `${HERRLJUNGA}:${formLine}:10`,
      `${LERUM}:${memoLine}:19`,
      `${LERUM}:${lineOf(root, LERUM, "- document: lerum/plan-2019")}:19`,
    ]);
    expect(found[0]!.message).toBe("`2017-11` is not a diarienummer of Socialnämnden, Herrljunga kommun, which look like `SN 109/2016`.");
    expect(found[1]!.message).toBe(
      "Item 2 is on the agenda with Dnr `2017-11`, but its memo `herrljunga/tjansteskrivelse-arbetsmiljo-chefer` has the diarienummer `SN 11/2017`.",
    );
    expect(found[2]!.message).toBe("Item 6 has no Dnr, but its memo `lerum/tjansteskrivelse-ks18-1375` has the diarienummer `KS18.1375`.");
    expect(found[2]!.fix).toBe("Write `dnr: KS18.1375` under the item.");
  });

  it("two items of one case share its Dnr and its memo without a finding", async () => {
    const root = copyExamples(PART);
    write(root, "herrljunga/uppsokande.md", internalControlMemo(["Socialförvaltningen uppdras att skicka ut ett informationsbrev."], "SN 16/2017"));
    edit(root, HERRLJUNGA, /- document: herrljunga\/forslag-uppsokande-verksamhet .*\n/, "- document: herrljunga/uppsokande\n");
    edit(root, HERRLJUNGA, /- document: herrljunga\/tjansteskrivelse-anhorigstod .*\n/, "- document: herrljunga/uppsokande\n");
    const { findings } = await checkJson(root);
    expect(findings.filter((f) => f.file === HERRLJUNGA && f.rule !== "meeting/decides")).toEqual([]);
  });
});

describe("meeting/decides", () => {
  it("the seed's item 5: KS on the agenda, 'överlämnas till kommunfullmäktige' in the memo, is a warning at the Beslutsorgan", async () => {
    // The memo of item 5 as the examples transcribe it (seed 001, lines 1247-1281).
    const root = copyExamples(PART);
    const { findings } = await checkJson(root);
    const f = only(findings, "meeting/decides");
    const line = lineOf(root, HERRLJUNGA, "decides: KS");
    expect([f.file, f.line, f.column, f.severity]).toEqual([HERRLJUNGA, line, columnOf(root, HERRLJUNGA, line, "KS"), "warning"]);
    expect(f.column).toBe(14);
    expect(f.message).toBe(
      'Item 5 is on the agenda as KS (slutgiltigt beslut fattas i kommunstyrelsen), but the proposal of its memo `herrljunga/tjansteskrivelse-intern-kontroll-2016` sends the decision to kommunfullmäktige: "Intern kontrollen 2016 överlämnas till kommunfullmäktige."',
    );
    expect(f.fix).toBe("Write `decides: KF`, or correct the memo's proposal.");

    // KF on the agenda agrees with it; a memo that passes nothing on leaves the decision with the board (SN).
    edit(root, HERRLJUNGA, "    decides: KS\n", "    decides: KF\n");
    expect(ofRule(await checkJson(root).then((r) => r.findings), "meeting/decides")).toEqual([]);
    edit(root, "herrljunga/tjansteskrivelse-intern-kontroll-2016.md", /\n {2}- Intern kontrollen 2016 överlämnas till kommunfullmäktige\..*/, "");
    const board = only((await checkJson(root)).findings, "meeting/decides");
    expect(board.message).toBe(
      "Item 5 is on the agenda as KF (slutgiltigt beslut fattas i kommunfullmäktige), but the proposal of its memo `herrljunga/tjansteskrivelse-intern-kontroll-2016` passes the decision on to no other body, so Socialnämnden decides it.",
    );
    expect(board.fix).toBe("Write `decides: board`, or correct the memo's proposal.");
  });

  it("item 9's proposal: 'hemställer om att kommunfullmäktige' agrees with KF; a lead-in that passes the decision on counts with its decisions", async () => {
    const root = copyExamples(PART);
    // As the seed writes it (line 1592), item 9 is KF on the agenda (line 40) without a finding.
    expect(ofRule((await checkJson(root)).findings, "meeting/decides").map((f) => f.line)).toEqual([lineOf(root, HERRLJUNGA, "decides: KS")]);
    // Item 6's proposal with a lead-in that hands the decision on: SN on the agenda (line 35) is then a warning, quoting the lead-in with the decision.
    const PROPOSAL = "herrljunga/forslag-uppsokande-verksamhet.md";
    edit(
      root,
      PROPOSAL,
      'proposalLead: "Socialförvaltningen uppdras att:"',
      'proposalLead: "Socialnämnden föreslår kommunfullmäktige att uppdra åt socialförvaltningen att:"',
    );
    const found = ofRule((await checkJson(root)).findings, "meeting/decides").filter((f) => f.line !== lineOf(root, HERRLJUNGA, "decides: KS"));
    expect(found.map((f) => [f.file, f.line, f.column, f.severity])).toEqual([[HERRLJUNGA, lineOf(root, HERRLJUNGA, "number: 6 ") + 2, 14, "warning"]]);
    expect(found[0]!.message).toContain(
      'sends the decision to kommunfullmäktige: "Socialnämnden föreslår kommunfullmäktige att uppdra åt socialförvaltningen att: Under första halvåret 2017 skicka ut',
    );
  });
});

describe("meeting/draft-document", () => {
  it("a draft on a decided kallelse's agenda is an error at its reference; on a draft kallelse a warning", async () => {
    const root = copyExamples(PART);
    edit(root, "lerum/plan-2019.md", "status: decided\n", "status: draft\n");
    const line = lineOf(root, LERUM, "- document: lerum/plan-2019");
    const f = only((await checkJson(root)).findings, "meeting/draft-document");
    expect([f.file, f.line, f.column, f.severity]).toEqual([LERUM, line, 19, "error"]);
    expect(f.message).toBe("Item 6 puts `lerum/plan-2019` before the board, but it is a draft (`status: draft`).");
    edit(root, LERUM, "status: decided\n", "status: draft\n");
    expect(only((await checkJson(root)).findings, "meeting/draft-document").severity).toBe("warning");
  });
});

describe("meeting/order", () => {
  it("an item out of its number and a time earlier than the one before are errors at their values", async () => {
    const root = copyExamples(PART);
    edit(root, HERRLJUNGA, "  - number: 5 # line 34\n", "  - number: 6 # line 34\n");
    edit(root, HERRLJUNGA, '    time: "13:50"\n', '    time: "13:10"\n');
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const found = ofRule(findings, "meeting/order");
    const numberLine = lineOf(root, HERRLJUNGA, "- number: 6 # line 34");
    const timeLine = lineOf(root, HERRLJUNGA, 'time: "13:10"');
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `${timeLine}:11 The time of item 4, 13:10, is earlier than that of item 3, 13:30: the times of the agenda rise.`,
      `${numberLine}:13 Item 6 follows item 4: the items are numbered 1, 2, 3, … in the order of the agenda.`,
      // Item 6 (the real one) follows the renumbered 6.
      `${lineOf(root, HERRLJUNGA, "- number: 6 # line 35")}:13 Item 6 follows item 6: the items are numbered 1, 2, 3, … in the order of the agenda.`,
    ]);
    expect(found[1]!.fix).toBe("Write `number: 5`, or move the item to its place.");
    expect(columnOf(root, HERRLJUNGA, timeLine, '"13:10"')).toBe(11);
  });

  it("the planned end comes after the start and every time of the agenda", async () => {
    const root = copyExamples({ only: ["lerum"] });
    edit(root, LERUM, 'end: "16:00"', 'end: "08:00"');
    const found = ofRule((await checkJson(root)).findings, "meeting/order");
    const line = lineOf(root, LERUM, 'end: "08:00"');
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      `${LERUM}:${line}:${columnOf(root, LERUM, line, '"08:00"')} The time of the meeting's planned end, 08:00, is earlier than that of the meeting's start, 09:00: the times of the agenda rise.`,
    ]);
  });
});

describe("path/own-output", () => {
  it("a file of the repository at the packet's path is refused: the packet would take its place", async () => {
    const root = copyExamples(PART);
    write(root, "herrljunga/sammantrade-2017-02-28-handlingar.pdf", "%PDF-1.4\n");
    write(root, HERRLJUNGA, `${read(root, HERRLJUNGA)}\n[Handlingarna](sammantrade-2017-02-28-handlingar.pdf)\n`);
    const f = only((await checkJson(root)).findings, "path/own-output");
    expect(f.message).toBe(
      "The link `sammantrade-2017-02-28-handlingar.pdf` names herrljunga/sammantrade-2017-02-28-handlingar.pdf, the path of the meeting packet of `herrljunga/sammantrade-2017-02-28` in the output: it would not be published.",
    );
  });
});

describe("the kallelse's page", () => {
  it("prints the föredragningslista as the seed's: KL, NR, Beslutsorgan, Ärende, DNR, Handlingar bifogas, Föredragande", async () => {
    const built = await builtExamples(false);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(join(built.out, "herrljunga/sammantrade-2017-02-28.html"), "utf8");
    expect(html).toContain('<html lang="sv"');
    const table = tableByCaption(html, "Ärenden vid sammanträdet 2017-02-28");
    const rows = table.rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows[0]).toEqual(["KL", "NR", "Beslutsorgan", "Ärende", "DNR", "Handlingar bifogas", "Föredragande/ Kommentar"]);
    expect(rows.slice(1)).toEqual([
      ["13.00", "", "", "Sammanträdets öppnande", "", "", "Ordförande"],
      ["", "", "", "Upprop", "", "", "Nämndsekreterare"],
      ["", "", "", "Val av justerare och tid för justering", "", "", "Ordförande"],
      ["13.05", "1", "Info", "Förvaltningen informerar", "", "–Inga handlingar", "Socialchef m.fl."],
      ["13.20", "2", "Info", "Information uppföljning arbetsmiljö chefer", "SN 11/2017", "X", "Stabschef"],
      ["13.30", "3", "KF", "Bokslut 2016", "SN 109/2016", "X", "Controller"],
      ["13.50", "4", "KF", "Ombudgetering av investeringsmedel", "SN 51/2016", "X", "Controller"],
      ["14.00", "5", "KS", "Resultat av utförd internkontroll 2016", "SN 82/2015", "X", "SAS/kvalitetssamordnare"],
      ["14.15", "6", "SN", "Uppsökande verksamhet och kompetensutveckling", "SN 16/2017", "X", "Ordförande"],
      ["14.30", "7", "Info", "Information om anhörigstöd", "SN 16/2017", "X", "Socialchef"],
      ["14.45", "8", "SN", "Utveckling av Hagen till demenscentrum", "SN 18/2017", "X", "Ordförande"],
      [
        "15.00",
        "9",
        "KF",
        "Förslag att tillsätta fullmäktigeberedning för att ta fram en plan för socialförvaltningens verksamhetslokaler",
        "SN 19/2017",
        "X",
        "Ordförande",
      ],
      ["15.15", "", "SN", "Meddelanden", "", "X, VS", "Ordförande"],
      ["15.20", "", "SN", "Delegeringsbeslut", "", "VS", "Ordförande"],
    ]);
    // The legend of the codes used, as the seed's "Information" (lines 17-22).
    expect(html).toContain("<li>SN &#x3D; slutgiltigt beslut fattas i socialnämnden</li>");
    expect(html).toContain("<li>VS markerar att handlingar presenteras vid sammanträdet.</li>");
    // Item 3's report is linked to its page.
    expect(html).toContain('<a href="verksamhetsberattelse-2016.html">Verksamhetsberättelse 2016-12-31 Socialnämnden</a>');
  });

  it("Lerum's gives each item's proposal and summary, item 6's from its memo", async () => {
    const built = await builtExamples(false);
    const html = readFileSync(join(built.out, "lerum/ksau-2019-01-09.html"), "utf8");
    const item6 = html.slice(html.indexOf('<h3 id="arende-6">'));
    expect(item6).toContain(
      "<p>Kommunstyrelsens arbetsutskott beslutar godkänna verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Hälso- och sjukvårdsnämnd Väst och Lerums kommun.</p>",
    );
    expect(item6).toContain("Insatsområdena för 2019 är: Plattform Lerum");
    expect(item6).toContain('<a href="tjansteskrivelse-ks18-1375.html">Tjänsteskrivelse om verksamhetsplan');
  });
});

warnIfSkipped("The meeting packet's test", "pdf");

/** The text of each page of a PDF, as pdftotext reads it. */
function pageTexts(pdf: string): string[] {
  const pages = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).split("\f");
  if (pages.at(-1)!.trim() === "") pages.pop();
  return pages.map(spaces);
}

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);

/** The packet's bookmarks, as `title → page` with the documents under each item indented. */
async function outline(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(pdf));
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out: string[] = [];
  const walk = (ref: PDFRef | undefined, depth: number) => {
    for (let at = ref; at;) {
      const item = doc.context.lookup(at, PDFDict);
      const title = item.get(PDFName.of("Title")) as PDFHexString | PDFString;
      const dest = doc.context.lookup(item.get(PDFName.of("Dest"))) as unknown as { get(i: number): PDFRef };
      out.push(`${"  ".repeat(depth)}${title.decodeText()} → ${pageOf.get(dest.get(0).toString())}`);
      walk(item.get(PDFName.of("First")) as PDFRef | undefined, depth + 1);
      at = item.get(PDFName.of("Next")) as PDFRef | undefined;
    }
  };
  const root = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
  walk(root.get(PDFName.of("First")) as PDFRef | undefined, 0);
  return out;
}

describe("the meeting packet's parts", () => {
  it("an attached indicator, which has a page but no PDF, is not a part of the packet: it would stop the packet as missing", () => {
    const root = copyExamples();
    edit(
      root,
      HERRLJUNGA,
      "      - document: herrljunga/verksamhetsberattelse-2016 # lines 376-1170\n",
      "      - document: herrljunga/verksamhetsberattelse-2016 # lines 376-1170\n      - document: lerum/indikatorer/behoriga-gymnasieskolan\n",
    );
    const checked = checkRepository(root, { cwd: root });
    expect(checked.errors).toBe(0);
    const files = renderSite(checked.repo);
    const printed = new Set(files.filter((f) => f.print).map((f) => pdfPathOf(f.path)));
    const packet = files.find((f) => f.path === "herrljunga/sammantrade-2017-02-28.html")!.packet!;
    const parts = packet.items.flatMap((i) => i.documents.map((d) => d.pdf));
    expect(parts).toEqual(HERRLJUNGA_PACKET_DOCUMENTS);
    expect(parts.filter((p) => !printed.has(p))).toEqual([]);
  });
});

/**
 * Every page number a page of a PDF shows: `Sida 2 av 9`, Herrljunga's memo form's `Sid 2 av 2`,
 * and a memo's or kallelse's `TJÄNSTESKRIVELSE 1 (3)` (its count in brackets after the doctype).
 */
const pageNumbersOn = (text: string) => [
  ...[...text.matchAll(new RegExp(`\\b(?:${PAGE.page}|${PAGE.short}) \\d+ ${PAGE.of} \\d+\\b`, "g"))].map((m) => m[0]),
  ...[...text.matchAll(/(?:TJÄNSTESKRIVELSE|FÖREDRAGNINGSLISTA) \d+ \(\d+\)/g)].map((m) => m[0]),
];

describe("the meeting packet", () => {
  it.skipIf(!canPrint)("Lerum's: the kallelse, a cover page before each item with documents, item 6's memo and plan, numbered throughout", async () => {
    const built = await builtExamples(true);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain("plan: 2 meeting packets joined");
    const packet = join(built.out, "lerum/ksau-2019-01-09-handlingar.pdf");
    const kallelse = pageCount(join(built.out, "lerum/ksau-2019-01-09.pdf"));
    const memo = pageCount(join(built.out, "lerum/tjansteskrivelse-ks18-1375.pdf"));
    const plan = pageCount(join(built.out, "lerum/plan-2019.pdf"));
    // Covers before items 4, 5 and 6, which have documents; items 4 and 5 name theirs only (not in the repository).
    const total = kallelse + 3 + memo + plan;
    expect(pageCount(packet)).toBe(total);
    const pages = pageTexts(packet).map((text) => text.replace(/\s+/g, " "));
    // One numbering, the packet's: a board member reading page 7 sees no other number beside it.
    pages.forEach((text, i) => expect(pageNumbersOn(text), `page ${i + 1}`).toEqual([pageNumber(i + 1, total)]));
    expect(pages[0]).toContain("KALLELSE/FÖREDRAGNINGSLISTA");
    expect(pages[kallelse]).toContain("Förutsättningar för ökad digitalisering av Lerums kommun");
    expect(pages[kallelse]).toContain("KS18.628");
    const cover6 = kallelse + 2;
    expect(pages[cover6]).toContain("KS18.1375");
    // Each document keeps its own header, without its own number: the memo's TJÄNSTESKRIVELSE on the page after item 6's cover.
    expect(pages[cover6 + 1]).toContain("TJÄNSTESKRIVELSE Datum 2018-12-20 Dnr KS18.1375");
    expect(pages[cover6 + 1 + memo]).toContain("Verksamhetsplan för det gemensamma folkhälsoarbetet 2019");
    // The documents' own PDFs keep their numbers.
    const own = (name: string) => pageTexts(join(built.out, `lerum/${name}.pdf`)).map((text) => pageNumbersOn(text.replace(/\s+/g, " ")));
    expect(own("tjansteskrivelse-ks18-1375")).toEqual(Array.from({ length: memo }, (_, i) => [`TJÄNSTESKRIVELSE ${i + 1} (${memo})`]));
    expect(own("plan-2019")).toEqual(Array.from({ length: plan }, (_, i) => [pageNumber(i + 1, plan)]));
    expect(own("ksau-2019-01-09")).toEqual(Array.from({ length: kallelse }, (_, i) => [`FÖREDRAGNINGSLISTA ${i + 1} (${kallelse})`]));
    expect(await outline(packet)).toEqual([
      `Kallelse Kommunstyrelsens arbetsutskott 2019-01-09 → 1`,
      `4 Förutsättningar för ökad digitalisering av Lerums kommun → ${kallelse + 1}`,
      `5 Dialog om ny skolstruktur i Floda → ${kallelse + 2}`,
      `6 Verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Lerums kommun och Hälso- och sjukvårdsnämnd Väst → ${cover6 + 1}`,
      `  Tjänsteskrivelse om verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Lerums kommun och Hälso- och sjukvårdsnämnd Väst → ${cover6 + 2}`,
      `  Verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Lerums kommun och Hälso- och sjukvårdsnämnd Väst → ${cover6 + 1 + memo + 1}`,
    ]);
    const info = execFileSync("pdfinfo", [packet], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Kallelse Kommunstyrelsens arbetsutskott 2019-01-09, med handlingar/);
  });

  it.skipIf(!canPrint)(
    "Herrljunga's: no cover pages; items 2 to 9 are their memos, proposals and documents in agenda order, numbered by the packet alone",
    async () => {
      const built = await builtExamples(true);
      const packet = join(built.out, "herrljunga/sammantrade-2017-02-28-handlingar.pdf");
      const count = (name: string) => pageCount(join(built.out, `herrljunga/${name}.pdf`));
      const kallelse = count("sammantrade-2017-02-28");
      const arbetsmiljo = count("tjansteskrivelse-arbetsmiljo-chefer");
      const bokslut = count("tjansteskrivelse-bokslut-2016");
      const report = count("verksamhetsberattelse-2016");
      const ombudgetering = count("tjansteskrivelse-ombudgetering-2016");
      const budget = count("ombudgetering-investeringar-2016");
      const kontroll = count("tjansteskrivelse-intern-kontroll-2016");
      const control = count("intern-kontroll-2016");
      const uppsokande = count("forslag-uppsokande-verksamhet");
      const information = count("tjansteskrivelse-uppsokande-verksamhet");
      const anhorig = count("tjansteskrivelse-anhorigstod");
      const hagen = count("forslag-hagen-demenscentrum");
      const lokaler = count("forslag-verksamhetslokaler");
      const total =
        kallelse + arbetsmiljo + bokslut + report + ombudgetering + budget + kontroll + control + uppsokande + information + anhorig + hagen + lokaler;
      expect(pageCount(packet)).toBe(total);
      const pages = pageTexts(packet);
      // One numbering, the packet's: a board member reading page 7 sees no other number beside it.
      pages.forEach((text, i) => expect(pageNumbersOn(text.replace(/\s+/g, " ")), `page ${i + 1}`).toEqual([pageNumber(i + 1, total)]));
      // The kallelse's own header, without a Datum: Herrljunga's carries none.
      expect(pages[0]).toContain("KALLELSE/FÖREDRAGNINGSLISTA");
      expect(pages[0]).not.toContain("Datum");
      // Each memo keeps its own header in Herrljunga's form (seed 001, lines 1399-1408) on every page; its own Sid n av m
      // (line 1408) is in its own PDF, not in the packet, whose Sida numbers it.
      const memo = (first: number, pagesOf: number, dnr: string, from: string[]) => {
        for (let n = 1; n <= pagesOf; n++) {
          const text = pages[first + n - 1]!;
          expect(text, `page ${first + n}`).toContain(`DNR ${dnr}`);
          for (const line of ["HERRLJUNGA KOMMUN", ...from]) expect(text, `page ${first + n}`).toContain(line);
        }
      };
      // The memo's own PDF keeps its Sid n av m (seed 001, line 1408: `Sid 2 av 2`).
      const own = pageTexts(join(built.out, "herrljunga/tjansteskrivelse-uppsokande-verksamhet.pdf")).map((text) => pageNumbersOn(text.replace(/\s+/g, " ")));
      expect(own).toEqual(Array.from({ length: information }, (_, i) => [`${PAGE.short} ${i + 1} ${PAGE.of} ${information}`]));
      const item2 = kallelse;
      const item3 = item2 + arbetsmiljo;
      const item4 = item3 + bokslut + report;
      const item5 = item4 + ombudgetering + budget;
      const item6 = item5 + kontroll + control;
      const item7 = item6 + uppsokande;
      const item8 = item7 + information + anhorig;
      const item9 = item8 + hagen;
      memo(item2, arbetsmiljo, "SN 11/2017", ["Tjänsteskrivelse", "Socialförvaltningen", "Linnea Holm"]);
      memo(item3, bokslut, "SN 109/2016", ["Tjänsteskrivelse", "Socialförvaltningen", "Jenny Andersson"]);
      expect(pages[item3 + bokslut]).toContain("Verksamhetsberättelse 2016-12-31 Socialnämnden");
      memo(item4, ombudgetering, "SN 51/2016", ["Tjänsteskrivelse", "Socialförvaltningen", "Jenny Andersson"]);
      expect(pages[item4 + ombudgetering]).toContain("Ombudgetering Investeringar 2016-12-31");
      memo(item5, kontroll, "SN 82/2015", ["Tjänsteskrivelse", "2017-01-09", "Socialförvaltningen", "Magnus Stenmark"]);
      expect(pages[item5 + kontroll]).toContain("Uppföljning av Intern kontroll 2016");
      memo(item6, uppsokande, "SN 16/2017", ["Politiskt förslag", "Socialnämndens arbetsutskott"]);
      // Item 7's first memo, with the header its second page has in the seed: the date and Linnea Holm (lines 1399-1408).
      memo(item7, information, "SN 16/2017", ["Tjänsteskrivelse", "2017-02-14", "Socialförvaltningen", "Linnea Holm"]);
      memo(item7 + information, anhorig, "SN 16/2017", ["Tjänsteskrivelse", "Socialförvaltningen", "Magnus Stenmark"]);
      memo(item8, hagen, "SN 18/2017", ["Politiskt förslag", "Socialnämndens arbetsutskott"]);
      memo(item9, lokaler, "SN 19/2017", ["Politiskt förslag", "Socialnämndens arbetsutskott"]);
      expect(pages.slice(item8).join("\n")).not.toContain("Tjänsteskrivelse");
      expect(await outline(packet)).toEqual([
        "Kallelse Socialnämnden 2017-02-28 → 1",
        `2 Information uppföljning arbetsmiljö chefer → ${item2 + 1}`,
        `  Uppföljning arbetsmiljö chefer Februari 2017 → ${item2 + 1}`,
        `3 Bokslut 2016 → ${item3 + 1}`,
        `  Bokslut 2016 → ${item3 + 1}`,
        `  Verksamhetsberättelse 2016-12-31 Socialnämnden → ${item3 + bokslut + 1}`,
        `4 Ombudgetering av investeringsmedel → ${item4 + 1}`,
        `  Ombudgetering investeringar → ${item4 + 1}`,
        `  Ombudgetering Investeringar 2016-12-31 → ${item4 + ombudgetering + 1}`,
        `5 Resultat av utförd internkontroll 2016 → ${item5 + 1}`,
        `  Intern kontroll 2016 → ${item5 + 1}`,
        `  Uppföljning av Intern kontroll 2016 → ${item5 + kontroll + 1}`,
        `6 Uppsökande verksamhet och kompetensutveckling → ${item6 + 1}`,
        `  Uppsökande verksamhet och kompetensutveckling → ${item6 + 1}`,
        `7 Information om anhörigstöd → ${item7 + 1}`,
        `  Uppsökande verksamhet → ${item7 + 1}`,
        `  Anhörigstöd → ${item7 + information + 1}`,
        `8 Utveckling av Hagen till demenscentrum → ${item8 + 1}`,
        `  Hagen utvecklas till Herrljunga kommuns demenscentra → ${item8 + 1}`,
        `9 Förslag att tillsätta fullmäktigeberedning för att ta fram en plan för socialförvaltningens verksamhetslokaler → ${item9 + 1}`,
        `  Socialförvaltningens verksamhetslokaler 2018-2028 → ${item9 + 1}`,
      ]);
    },
  );
});

describe("a document's own page number, taken out of its pages in a packet", () => {
  // Text objects as Chromium prints page margin boxes: each piece of `content` a text object of its own (literal strings here).
  const run = (y: number, text: string) => `BT\n/F5 12 Tf\n1 0 0 -1 0 ${y} Tm\n(${text.replace(/[()\\]/g, "\\$&")}) Tj\nET\n`;
  const literal = (_font: string, operand: string) => operand.slice(1, -1).replace(/\\(.)/g, "$1");
  const body = `/P <</MCID 0 >>BDC\n${run(500, "1")}${run(500, " (")}${run(500, "3")}${run(500, ")")}EMC\n`;

  it("takes out the number and count of the page and no other text: the doctype, a footnote's number, a number of another page, marked content", () => {
    const header = run(77, "TJÄNSTESKRIVELSE ") + run(77, "2") + run(77, " (") + run(77, "3") + run(77, ")");
    const footer = run(1048, "Sida ") + run(1048, "2") + run(1048, " av ") + run(1048, "3");
    const other = run(1062, "Sida ") + run(1062, "1") + run(1062, " av ") + run(1062, "3");
    const split = run(90, "Sid ") + run(91, "2") + run(91, " av ") + run(91, "3");
    const result = withoutOwnNumber(header + footer + other + split + body, literal, 2, 3);
    expect(result.removed).toBe(8);
    expect(result.text).toBe(run(77, "TJÄNSTESKRIVELSE ") + other + split + body);
  });
});
