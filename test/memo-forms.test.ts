import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { renderSite } from "../src/render/site.js";
import { checkJson, ofRule } from "./helpers/findings.js";
import { text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, write } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

/*
 * Memos in each organisation's own form (issue 16): the header block and the page numbers that a
 * memo form declares (`print` of Herrljunga's form, herrljunga/formular/tjansteskrivelse),
 * Herrljunga's memos of items 3, 4 and 5 and the political proposal of item 8 (seed 001), beside
 * Lerum's tjänsteskrivelse (seed 000) on the built-in form.
 */

/** What these tests use of the examples: Herrljunga's and Lerum's documents, with the configuration and data/. */
const PART = { only: ["herrljunga", "lerum"] };

const BOKSLUT = "herrljunga/tjansteskrivelse-bokslut-2016.md";
const HAGEN = "herrljunga/forslag-hagen-demenscentrum.md";
const MEETING = "herrljunga/sammantrade-2017-02-28.md";
const FORM = "herrljunga/formular/tjansteskrivelse.md";

/** The built page of a document of the examples, as HTML. */
async function page(path: string): Promise<string> {
  const built = await builtExamples(false);
  expect(built.code, built.stderr).toBe(0);
  return readFileSync(join(built.out, path), "utf8");
}

/** The memo's header block (`<header class="memo-header">`) as text, and its HTML. */
function headerOf(html: string): { html: string; text: string } {
  const found = /<header class="memo-header">([\s\S]*?)<\/header>/.exec(html);
  expect(found, "the memo's header block").not.toBeNull();
  return { html: found![1]!, text: text(found![1]!) };
}

/** A section of the memo by the id of its heading: its text. */
function sectionText(html: string, id: string): string {
  const found = new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(html);
  expect(found, `the section ${id}`).not.toBeNull();
  return text(found![1]!);
}

/** The ids of the memo's sections, in order. */
const sectionIds = (html: string) => [...html.matchAll(/<section aria-labelledby="([^"]+)">/g)].map((m) => m[1]);

describe("the header block of a memo, per organisation", () => {
  it("Herrljunga's: HERRLJUNGA KOMMUN, the unit and the handläggare; Tjänsteskrivelse and DNR; no recipient, no date the seed does not give", async () => {
    const html = await page("herrljunga/tjansteskrivelse-bokslut-2016.html");
    const header = headerOf(html);
    expect(header.text).toBe("HERRLJUNGA KOMMUN Socialförvaltningen Handläggare: Jenny Andersson Controller Tjänsteskrivelse DNR SN 109/2016");
    expect(header.html).toContain('<p class="organisation">HERRLJUNGA KOMMUN</p>');
    expect(header.html).toContain('<p class="doctype">Tjänsteskrivelse</p>');
    expect(header.html).toContain("<div><dt>DNR</dt><dd>SN 109/2016</dd></div>");
    expect(header.html).not.toContain("Datum");
    expect(header.html).not.toContain("recipient");
  });

  it("Lerum's, as before: TJÄNSTESKRIVELSE, Datum, Dnr, the unit, the handläggare with title and e-mail, the recipient", async () => {
    const header = headerOf(await page("lerum/tjansteskrivelse-ks18-1375.html"));
    expect(header.text).toBe(
      "Stab och Utveckling Handläggare: Karin Gertzen Verksamhetsutvecklare karin.gertzen@lerum.se TJÄNSTESKRIVELSE Datum 2018-12-20 Dnr KS18.1375 Till: Kommunstyrelsen",
    );
  });

  it("the print style sheet numbers Herrljunga's pages Sid n av m under DNR, with the unit and the handläggare at the head; Lerum's n (m) after TJÄNSTESKRIVELSE", () => {
    // The print style sheet is not in the web page: the PDF's variant of the page gets it.
    const root = copyExamples(PART);
    const checked = checkRepository(root, { cwd: root });
    expect(checked.errors).toBe(0);
    const files = renderSite(checked.repo);
    const print = (path: string) => files.find((f) => f.path === path)!.print!.css;
    const herrljunga = print("herrljunga/tjansteskrivelse-bokslut-2016.html");
    expect(herrljunga).toContain('content: "Tjänsteskrivelse" "\\A " "DNR SN 109/2016" "\\A Sid " counter(page) " av " counter(pages);');
    expect(herrljunga).toContain('content: "HERRLJUNGA KOMMUN\\a Socialförvaltningen\\a Jenny Andersson";');
    expect(herrljunga).toContain(".memo-from .unit { display: none; }");
    expect(herrljunga).toContain(".memo-from .handler { display: none; }");
    const proposal = print("herrljunga/forslag-hagen-demenscentrum.html");
    expect(proposal).toContain('content: "Politiskt förslag" "\\A " "DNR SN 18/2017" "\\A Sid " counter(page) " av " counter(pages);');
    expect(proposal).toContain('content: "HERRLJUNGA KOMMUN\\a Socialnämndens arbetsutskott";');
    const lerum = print("lerum/tjansteskrivelse-ks18-1375.html");
    expect(lerum).toContain('content: "TJÄNSTESKRIVELSE " counter(page) " (" counter(pages) ")" "\\A " "Datum 2018-12-20" "     " "Dnr KS18.1375";');
    expect(lerum).not.toContain("Sid ");
  });
});

describe("Herrljunga's memos", () => {
  it("follow the seed's order: Sammanfattning, Beslutsunderlag, Förslag till beslut with the signature, Expedieras till, För kännedom till, Samverkan", async () => {
    const html = await page("herrljunga/tjansteskrivelse-bokslut-2016.html");
    expect(sectionIds(html)).toEqual(["avsnitt-sammanfattning", "beslutsunderlag", "forslag", "skickas", "kannedom", "avsnitt-2"]);
    expect(sectionText(html, "forslag")).toBe(
      "Förslag till beslut Verksamhetsberättelsen godkänns och del 1 lämnas vidare till kommunfullmäktige. Ärendet direktjusteras",
    );
    // The signature right after Förslag till beslut, the name with the title under it (lines 360-361), before Expedieras till.
    expect(text(html.split('<section aria-labelledby="forslag">')[1]!.split('<section aria-labelledby="skickas">')[0]!.split("</section>")[1]!)).toBe(
      "Jenny Andersson Controller",
    );
    // One decision as a paragraph, as the seed's (line 358); Lerum's numbers them.
    expect(html).toContain('<p class="proposal">Verksamhetsberättelsen godkänns och del 1 lämnas vidare till kommunfullmäktige. Ärendet direktjusteras</p>');
    expect(sectionText(html, "skickas")).toBe("Expedieras till kommunfullmäktige");
    expect(sectionText(html, "kannedom")).toBe("För kännedom till Ekonomiavdelningen");
    expect(sectionText(html, "avsnitt-2")).toBe("Samverkan Ärendet samverkas på FSG 18 februari.");
    expect(html).toContain('<li><a href="verksamhetsberattelse-2016.html">Verksamhetsberättelse 2016 Socialnämnden</a></li>');
    // Neither Lerum's Bakgrund nor its Jämställdhet questionnaire: Herrljunga's form has neither.
    expect(html).not.toContain("Bakgrund");
    expect(html).not.toContain("Jämställdhet");
  });

  it("the political proposal is signed by the chair, the vice chair and a member of SNAU, stacked under Förslag till beslut, without the organisation's name", async () => {
    const html = await page("herrljunga/forslag-hagen-demenscentrum.html");
    expect(sectionIds(html)).toEqual(["avsnitt-sammanfattning", "beslutsunderlag", "forslag"]);
    const signatures = /<div class="signatures stacked">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect([...signatures.matchAll(/<span class="name">([^<]+)<\/span> <span class="title">([^<]+)<\/span>/g)].map((m) => `${m[1]}, ${m[2]}`)).toEqual([
      "Lennart Ottosson, Socialnämndens ordförande",
      "Andreas Johansson, Socialnämndens vice ordförande",
      "Anette Rundström, Ledamot SNAU",
    ]);
    expect(signatures).not.toContain("signing-org");
    // Its two decisions as the seed's bulleted list (lines 1564-1565).
    expect(html).toMatch(
      /<ul class="proposal">\s*<li>Hagen utvecklas till Herrljunga kommuns demenscentra\.<\/li>\s*<li>Målsättningen är att centrat ska vara fullt utvecklat under 2021\.<\/li>\s*<\/ul>/,
    );
    expect(sectionText(html, "forslag")).toBe(
      "Förslag till beslut Hagen utvecklas till Herrljunga kommuns demenscentra. Målsättningen är att centrat ska vara fullt utvecklat under 2021.",
    );
    expect(html.indexOf('<div class="signatures stacked">')).toBeGreaterThan(html.indexOf('<section aria-labelledby="forslag">'));
    // No handläggare, and the name of its kind instead of Tjänsteskrivelse.
    const header = headerOf(html);
    expect(header.html).not.toContain("handler");
    expect(header.html).toContain('<p class="doctype">Politiskt förslag</p>');
  });

  it("item 6's political proposal: its decisions follow the seed's lead-in, and its signatures stand after Förslag till beslut, before Expedieras till (lines 1355-1371)", async () => {
    const html = await page("herrljunga/forslag-uppsokande-verksamhet.html");
    expect(sectionIds(html)).toEqual(["avsnitt-sammanfattning", "beslutsunderlag", "forslag", "skickas"]);
    expect(html).toMatch(/<p class="proposal-lead">Socialförvaltningen uppdras att:<\/p>\s*<ul class="proposal">\s*<li>Under första halvåret 2017 skicka ut/);
    const signatures = html.indexOf('<div class="signatures stacked">');
    expect(signatures).toBeGreaterThan(html.indexOf('<section aria-labelledby="forslag">'));
    expect(signatures).toBeLessThan(html.indexOf('<section aria-labelledby="skickas">'));
    expect(sectionText(html, "skickas")).toBe("Expedieras till Socialförvaltningen");
  });

  it("item 7's first memo carries the header its second page shows in the seed (lines 1399-1408): the date, the Dnr, the handläggare", async () => {
    const header = headerOf(await page("herrljunga/tjansteskrivelse-uppsokande-verksamhet.html")).text;
    for (const part of ["HERRLJUNGA KOMMUN", "Socialförvaltningen", "Linnea Holm", "Tjänsteskrivelse", "2017-02-14", "DNR SN 16/2017"])
      expect(header).toContain(part);
  });

  it("check without a finding but the one the seed deserves: item 5's memo hands the matter to kommunfullmäktige where the agenda has KS decide", async () => {
    const root = copyExamples(PART);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    const found = findings.filter(
      (f) => f.file.startsWith("herrljunga/tjansteskrivelse-") || f.file.startsWith("herrljunga/formular/") || f.file === HAGEN || f.file === MEETING,
    );
    expect(found.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)).toEqual([
      `${MEETING}:${lineOf(root, MEETING, "number: 5 ") + 2} meeting/decides warning`,
    ]);
  });
});

describe("a form or a type written wrong", () => {
  it("is an error at its value with the word to write, and no memo is held to a form while the configuration is invalid", async () => {
    const root = copyExamples(PART);
    edit(root, FORM, "pageNumbers: Sid n av m", "pageNumbers: Sid 1 av 2");
    edit(root, HAGEN, "type: political", "type: politisk");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const enums = ofRule(findings, "schema/enum").sort((a, b) => b.file.localeCompare(a.file));
    expect(
      enums.map((f) => `${f.file}:${f.line}:${f.column}`),
      enums.map((f) => f.message).join("\n"),
    ).toEqual([`${HAGEN}:${lineOf(root, HAGEN, "type: politisk")}:7`, `${FORM}:${lineOf(root, FORM, "pageNumbers: Sid 1 av 2")}:16`]);
    expect(enums[0]!.message).toBe('`type` is written in English: `political` for "politisk".');
    expect(enums[1]!.message).toContain('must be one of `n (m)`, `Sid n av m`; found the text "Sid 1 av 2". Did you mean `Sid n av m`?');
    // Herrljunga's memos are not held to Lerum's built-in form while their own form is invalid.
    expect(ofRule(findings, "form/missing")).toEqual([]);
  });
});

describe("memo/signatures", () => {
  it("a political proposal without signatures is an error at its `signatures`; a signer without a role a warning at the name", async () => {
    const root = copyExamples(PART);
    edit(root, HAGEN, /signatures:\n( {2}#.*\n)?( {2}- .*\n)+/, "signatures: []\n");
    const first = await checkJson(root);
    expect(first.code).toBe(1);
    const [none] = ofRule(first.findings, "memo/signatures");
    expect(ofRule(first.findings, "memo/signatures")).toHaveLength(1);
    expect(`${none!.file}:${none!.line}:${none!.column} ${none!.severity}`).toBe(`${HAGEN}:${lineOf(root, HAGEN, "signatures: []")}:13 error`);
    expect(none!.message).toBe(
      "The political proposal has no signatures; the politicians who make it sign it (the seed's: the chair, the vice chair and a member of the arbetsutskott).",
    );

    edit(root, HAGEN, "signatures: []\n", "signatures:\n  - { name: Lennart Ottosson, title: Socialnämndens ordförande }\n  - { name: Andreas Johansson }\n");
    const second = await checkJson(root);
    expect(second.code).toBe(0);
    const [role] = ofRule(second.findings, "memo/signatures");
    const line = lineOf(root, HAGEN, "{ name: Andreas Johansson }");
    expect(`${role!.file}:${role!.line}:${role!.column} ${role!.severity}`).toBe(`${HAGEN}:${line}:13 warning`);
    expect(role!.message).toBe("Andreas Johansson signs the political proposal without a role; the proposal prints each signer's role under the name.");
  });
});

describe("a proposal's decisions", () => {
  it("print where the form has no heading for them: a political proposal written without `## Förslag till beslut` keeps its decisions, after its own sections", () => {
    const root = copyExamples(PART);
    edit(root, HAGEN, /\n## Förslag till beslut\n/, "\n");
    const checked = checkRepository(root, { cwd: root });
    expect(checked.errors).toBe(0);
    const html = String(renderSite(checked.repo).find((f) => f.path === HAGEN.replace(/md$/, "html"))!.content);
    expect(sectionIds(html)).toEqual(["avsnitt-sammanfattning", "beslutsunderlag", "forslag"]);
    expect(sectionText(html, "forslag")).toContain("Målsättningen är att centrat ska vara fullt utvecklat under 2021.");
  });
});

describe("memo/handler", () => {
  it("a tjänsteskrivelse without its handläggare is an error; the political proposal has none and needs none", async () => {
    const root = copyExamples(PART);
    edit(root, BOKSLUT, /handler: .*\n/, "");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const found = ofRule(findings, "memo/handler");
    // Where the field is missing: at the memo's frontmatter, as the schema places a missing field.
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([`${BOKSLUT}:${lineOf(root, BOKSLUT, "kind: memo")}:1 error`]);
    expect(found[0]!.message).toBe("The tjänsteskrivelse names no handläggare (`handler`); only a political proposal (`type: political`) has none.");
  });
});

describe("a political proposal of the repository's organisation", () => {
  it("is not held to the sections of its tjänsteskrivelser, and the index names it as what it is", async () => {
    const root = copyExamples(PART);
    const proposal = [
      "---",
      "kind: memo",
      "type: political",
      "title: Förslag om fler familjecentraler",
      "status: decided",
      "issuer: lerum",
      "dnr: KS19.12",
      "date: 2019-01-09",
      "unit: Kommunstyrelsens arbetsutskott",
      "recipient: Kommunstyrelsen",
      "proposal: [Förvaltningen får i uppdrag att utreda fler familjecentraler.]",
      "signatures:",
      "  - { name: Ordförande Exempel, title: Kommunstyrelsens ordförande }",
      "---",
      "",
      "## Sammanfattning",
      "",
      "Ett förslag.",
      "",
    ].join("\n");
    write(root, "lerum/forslag-familjecentraler.md", proposal);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(0);
    expect(findings.filter((f) => f.file === "lerum/forslag-familjecentraler.md")).toEqual([]);
    const files = renderSite(checkRepository(root, { cwd: root }).repo);
    const index = files.find((f) => f.path === "index.html")!.content.toString();
    expect(index).toContain("Politiskt förslag KS19.12, 2019-01-09");
    expect(index).toContain("Politiskt förslag SN 18/2017");
    expect(index).toContain("Tjänsteskrivelse SN 109/2016");
  });
});

describe("plan new memo", () => {
  it("takes the handläggare and the signatures from the issuer's last tjänsteskrivelse, not from a later political proposal", async () => {
    const root = copyExamples(PART);
    write(
      root,
      "lerum/forslag-senare.md",
      [
        "---",
        "kind: memo",
        "type: political",
        "title: Ett senare förslag",
        "status: decided",
        "issuer: lerum",
        "dnr: KS19.13",
        "date: 2019-06-01",
        "unit: Kommunstyrelsens arbetsutskott",
        "recipient: Kommunstyrelsen",
        "proposal: [Förslaget bifalls.]",
        "signatures: [{ name: Ordförande Exempel, title: Kommunstyrelsens ordförande }]",
        "---",
        "",
      ].join("\n"),
    );
    const made = await run(["new", "memo", "--for", "lerum/plan-2019", "--force"], root);
    expect(made.code, made.stderr).toBe(0);
    const text = read(root, "lerum/tjansteskrivelse-plan-2019.md");
    expect(text).toContain("name: Karin Gertzen");
    expect(text).toContain("unit: Stab och Utveckling");
    expect(text).not.toContain("Ordförande Exempel");
  });
});

describe("meeting/dnr with Herrljunga's memos", () => {
  it("item 3's memo with another case's number is an error at the item's Dnr, naming the memo", async () => {
    const root = copyExamples(PART);
    edit(root, BOKSLUT, "dnr: SN 109/2016", "dnr: SN 110/2016");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const found = ofRule(findings, "meeting/dnr");
    const line = lineOf(root, MEETING, "dnr: SN 109/2016");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([`${MEETING}:${line}:10 error`]);
    expect(found[0]!.message).toBe(
      "Item 3 is on the agenda with Dnr `SN 109/2016`, but its memo `herrljunga/tjansteskrivelse-bokslut-2016` has the diarienummer `SN 110/2016`.",
    );
    expect(found[0]!.fix).toBe("Write `dnr: SN 110/2016`, or name the documents of the case `SN 109/2016`.");
  });
});
