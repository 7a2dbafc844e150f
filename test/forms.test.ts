import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule, only, show } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

/*
 * A document's form (`kind: form`): Sjuhärad's unit plans (seed 003) on the förbund's form, a
 * Herrljunga memo (seed 001) on its socialnämnd's form, and Lerum's memo on the built-in form.
 */

const UNITS = "sjuharad/enhetsplaner";
const BH7 = `${UNITS}/hallbar-regional-utveckling.md`;
const INFRA = `${UNITS}/infrastruktur.md`;
const SOCIAL = `${UNITS}/social-valfard-och-halsa.md`;
const FORM = "sjuharad/formular/enhetsplan.md";
/** The form's sections, in its order (seed 003, lines 341–420). */
const FORM_SECTIONS = [
  "Beskrivning",
  "Uppgift",
  "Precisering hur arbetet styrs mot de strategiska målen",
  "Effektmål",
  "Viktiga aktiviteter/delmoment",
  "Tidplan för aktiviteter",
  "Hur mäta för att visa på lyckat resultat",
  "Resultat/uppföljning",
];

/** `plan build --no-pdf` of `root` into a fresh folder: the folder. */
async function build(root: string): Promise<string> {
  const out = join(tempDir(), "ut");
  const { code, stderr } = await run(["build", ".", "--no-pdf", "--out", out], root);
  expect(code, stderr).toBe(0);
  return out;
}

/** The `<h2>` headings of a page's main part, in order, as text. */
const h2s = (html: string) => [...html.split("<main")[1]!.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("Sjuhärad's unit plans on the förbund's form", () => {
  it("the examples as transcribed: a missing sub-heading and a missing heading, each a warning where it should be", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    const { code, findings } = await checkJson(root);
    expect(code, findings.map(show).join("\n")).toBe(0);
    // The source's BH7 plan has two of the three fixed sub-headings: the third is missing before the next section.
    expect(ofRule(findings, "form/missing")).toEqual([
      expect.objectContaining({
        file: BH7,
        line: lineOf(root, BH7, "## Effektmål"),
        column: 1,
        severity: "warning",
        message:
          'The plan lacks the heading "Främja innovation och nytänkande" in the section "Precisering hur arbetet styrs mot de strategiska målen", which its form `sjuharad/formular/enhetsplan` requires after "Gränsöverskridande möten och samverkan".',
      }),
      // Infrastruktur ends without Resultat/uppföljning: at the end of the text.
      expect.objectContaining({
        file: INFRA,
        line: read(root, INFRA).split("\n").length,
        column: 1,
        severity: "warning",
        message: expect.stringContaining('lacks the heading "Resultat/uppföljning"'),
      }),
    ]);
    // No money, and none required: no money rule speaks of the unit plans (the copied pair's warnings are test/copied.test.ts's).
    expect(findings.filter((f) => f.file.startsWith(UNITS) && f.rule !== "form/missing" && f.rule !== "text/copied").map(show)).toEqual([]);
  });

  it("a plan without money renders no budget table, and prints its header fields as the seed does", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    const html = readFileSync(join(await build(root), "sjuharad/enhetsplaner/social-valfard-och-halsa.html"), "utf8");
    expect(html).not.toMatch(/class="[^"]*(summary|budget)/);
    expect(html).not.toContain("0 kr");
    const facts = [...html.matchAll(/<div><dt>([^<]*)<\/dt><dd>([^<]*)<\/dd><\/div>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(facts.slice(0, 4)).toEqual([
      "Ansvarig tjänsteman: Lena Brännmar",
      "Datum: 2012-11-23",
      "Beredning/verksamhet: Social välfärd och hälsa",
      "Kompetensområde: Beredning Social välfärd och hälsa",
    ]);
    expect(h2s(html)).toEqual(FORM_SECTIONS);
  });

  it("an empty heading, a heading out of order and one not in the form, each at its heading", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    // Tidplan's text taken away; Viktiga aktiviteter and Tidplan swapped; a heading of the author's own.
    edit(root, SOCIAL, /## Tidplan för aktiviteter\n\n[\s\S]*?\n## Hur mäta/, "## Tidplan för aktiviteter\n\n## Hur mäta");
    edit(root, SOCIAL, "## Viktiga aktiviteter/delmoment", "## PLACEHOLDER-A");
    edit(root, SOCIAL, "## Tidplan för aktiviteter", "## Viktiga aktiviteter/delmoment");
    edit(root, SOCIAL, "## PLACEHOLDER-A", "## Tidplan för aktiviteter");
    edit(root, SOCIAL, "## Resultat/uppföljning", "## Bakgrund\n\nEn egen rubrik.\n\n## Resultat/uppföljning");
    const { findings } = await checkJson(root);
    const empty = only(findings, "form/empty");
    expect(empty).toMatchObject({ file: SOCIAL, line: lineOf(root, SOCIAL, "## Viktiga aktiviteter/delmoment"), column: 1, severity: "warning" });
    expect(empty.message).toBe(
      'The heading "Viktiga aktiviteter/delmoment" has no text under it; its form `sjuharad/formular/enhetsplan` requires the section.',
    );
    const order = only(findings, "form/order");
    expect(order).toMatchObject({ file: SOCIAL, severity: "warning" });
    expect([lineOf(root, SOCIAL, "## Viktiga aktiviteter/delmoment"), lineOf(root, SOCIAL, "## Tidplan för aktiviteter")]).toContain(order.line);
    expect(order.message).toMatch(
      /^The heading "(Viktiga aktiviteter\/delmoment|Tidplan för aktiviteter)" is out of the order of its form .*, which puts it after "(Effektmål|Viktiga aktiviteter\/delmoment)"\.$/,
    );
    expect(only(findings, "form/heading")).toMatchObject({
      file: SOCIAL,
      line: lineOf(root, SOCIAL, "## Bakgrund"),
      column: 1,
      severity: "warning",
      message: expect.stringMatching(/^The heading "Bakgrund" is not a heading of its form `sjuharad\/formular\/enhetsplan`, which has "Beskrivning", /),
    });

    // The page prints the sections in the form's order, under the form's headings; the author's own heading follows them.
    edit(root, SOCIAL, "## Resultat/uppföljning", "## resultat/uppföljning:");
    const html = readFileSync(join(await build(root), "sjuharad/enhetsplaner/social-valfard-och-halsa.html"), "utf8");
    expect(h2s(html)).toEqual([...FORM_SECTIONS, "Bakgrund"]);
  });

  it("a header field missing, and one the form does not have, with the label meant", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    edit(root, SOCIAL, / {2}Ansvarig tjänsteman: Lena Brännmar.*\n/, "");
    edit(root, INFRA, "  Kompetensområde: Infrastruktur", "  Kompetensomrade: Infrastruktur");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    const fields = ofRule(findings, "form/field");
    expect(fields).toContainEqual(
      expect.objectContaining({
        file: SOCIAL,
        line: lineOf(root, SOCIAL, "fields:"),
        column: 1,
        severity: "error",
        message: "The plan lacks the header field `Ansvarig tjänsteman`, which its form `sjuharad/formular/enhetsplan` requires.",
        fix: "Write `Ansvarig tjänsteman: …` under `fields:`.",
      }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({
        file: INFRA,
        line: lineOf(root, INFRA, "Kompetensomrade"),
        column: 3,
        severity: "error",
        message: expect.stringContaining("`Kompetensomrade` is not a header field of its form `sjuharad/formular/enhetsplan`"),
        fix: "Write `Kompetensområde`.",
      }),
    );
    // …and the field it should have been is missing.
    expect(fields.filter((f) => f.file === INFRA).map((f) => f.message)).toContain(
      "The plan lacks the header field `Kompetensområde`, which its form `sjuharad/formular/enhetsplan` requires.",
    );
  });

  it("money: a budget where the form says none is an error; a plan of an agreement without money is valid where its form allows", async () => {
    const root = copyExamples({ only: ["sjuharad", "sjobacka"] });
    edit(root, SOCIAL, "year: 2013\n", "year: 2013\nbudget:\n  - { id: rad, title: En rad, parties: { sjuharad: 1000 } }\n");
    // A plan of Sjöbacka's agreement for 2021 with no budget lines: money/contribution without a form, nothing with one that allows it.
    const plan = (form: string) =>
      [
        "---",
        "kind: plan",
        "title: Verksamhetsplan 2021",
        "agreement: sjobacka/avtal-2019-2022",
        "year: 2021",
        form,
        "---",
        "",
        "Planen har ingen egen budget.",
        "",
      ].join("\n");
    write(root, "sjobacka/plan-2021.md", plan(""));
    let { findings } = await checkJson(root);
    expect(ofRule(findings, "form/money")).toEqual([
      expect.objectContaining({ file: SOCIAL, line: lineOf(root, SOCIAL, "budget:"), column: 1, severity: "error" }),
    ]);
    expect(ofRule(findings, "money/contribution").filter((f) => f.file === "sjobacka/plan-2021.md").length).toBeGreaterThan(0);

    write(root, "sjobacka/mall.md", ["---", "kind: form", "title: Plan utan budget", "for: plan", "money: optional", "---", ""].join("\n"));
    write(root, "sjobacka/plan-2021.md", plan("form: sjobacka/mall"));
    ({ findings } = await checkJson(root));
    expect(findings.filter((f) => f.file === "sjobacka/plan-2021.md" && f.rule.startsWith("money/")).map(show)).toEqual([]);
  });

  it("a form of another kind, and a party's default form that is not there", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    edit(root, FORM, "for: plan", "for: memo");
    // The plans' form made the förbund's default instead, misspelt.
    for (const plan of [BH7, INFRA, SOCIAL, `${UNITS}/utbildning-kompetensutveckling.md`]) edit(root, plan, /form: .*\n/, "");
    edit(root, "plan.config.yaml", "    type: förbund\n", "    type: förbund\n    forms: { plan: sjuharad/formular/enhetsplaan }\n");
    const { findings } = await checkJson(root);
    expect(only(findings, "form/kind")).toMatchObject({
      file: "plan.config.yaml",
      line: lineOf(root, "plan.config.yaml", "enhetsplaan"),
      severity: "error",
      message: "No form has the id `sjuharad/formular/enhetsplaan`.",
    });
    // A plan with fields and no form: the fields have nothing to be checked against.
    expect(ofRule(findings, "form/field")[0]!.message).toBe("The plan has header fields but no form that declares them.");
  });

  it("a form for plans with a print block: the block would be read by nothing, so it is named at its key", async () => {
    const root = copyExamples({ only: ["sjuharad"] });
    edit(root, FORM, "for: plan\n", "for: plan\nprint:\n  pageNumbers: Sid n av m\n");
    const { findings, code } = await checkJson(root);
    expect(code).toBe(1);
    expect(only(findings, "form/kind")).toMatchObject({
      file: FORM,
      line: lineOf(root, FORM, "print:"),
      column: 1,
      severity: "error",
      message: "`print` says how memos are printed, but this is a form for plans, whose pages do not read it.",
      fix: "Remove `print`, or write `for: memo` if the form is for memos.",
    });
  });
});

/** Herrljunga socialnämnd's memo form (herrljunga/formular/tjansteskrivelse, its socialnämnd's default) and the Bokslut 2016 memo on it (seed 001, lines 338–368). */
const HERRLJUNGA_FORM = "herrljunga/formular/tjansteskrivelse";
const BOKSLUT = "herrljunga/tjansteskrivelse-bokslut-2016.md";

describe("a memo on its organisation's form", () => {
  const herrljunga = () => copyExamples({ only: ["herrljunga"] });

  it("renders Herrljunga's order: Sammanfattning, Beslutsunderlag, Förslag till beslut, the signature, Expedieras till, För kännedom till, Samverkan", async () => {
    const root = herrljunga();
    const { findings } = await checkJson(root);
    const memo = findings.filter((f) => f.file === BOKSLUT);
    // No Bakgrund, Ekonomi or Jämställdhet is asked of it: the text has the two sections the frontmatter cannot give.
    expect(memo.map(show)).toEqual([]);
    const html = readFileSync(join(await build(root), BOKSLUT.replace(/md$/, "html")), "utf8");
    expect(h2s(html)).toEqual(["Sammanfattning", "Beslutsunderlag", "Förslag till beslut", "Expedieras till", "För kännedom till", "Samverkan"]);
    const main = html.split("<main")[1]!;
    const at = (s: string) => main.indexOf(s);
    expect(at('class="signatures stacked"')).toBeGreaterThan(at(">Förslag till beslut</h2>"));
    expect(at('class="signatures stacked"')).toBeLessThan(at(">Expedieras till</h2>"));
    expect(main).toContain('<ul class="send-to">\n<li>kommunfullmäktige</li>');
    expect(main).not.toContain("Jämställdhet");
  });

  it("a required section missing, at the heading it should precede; Jämställdhet's questionnaire not asked where the form makes it optional", async () => {
    const root = herrljunga();
    edit(root, BOKSLUT, /## Sammanfattning\n[^#]*/, "");
    edit(root, BOKSLUT, /attachments:\n( {2,}.*\n)+/, "");
    // Expedieras till is optional in Herrljunga's form: its information memos send to no one (seed 001, lines 78, 1416, 1536).
    edit(root, BOKSLUT, "sendTo: [kommunfullmäktige] # line 363\n", "");
    const { findings } = await checkJson(root);
    const missing = ofRule(findings, "form/missing");
    // Sammanfattning goes first and Beslutsunderlag after it: both at the heading of Samverkan (the report sorts them by message).
    expect(missing.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [
        lineOf(root, BOKSLUT, "## Samverkan"),
        1,
        "error",
        `The memo lacks the heading "Beslutsunderlag", which its form \`${HERRLJUNGA_FORM}\` requires, before "Samverkan".`,
      ],
      [
        lineOf(root, BOKSLUT, "## Samverkan"),
        1,
        "error",
        `The memo lacks the heading "Sammanfattning", which its form \`${HERRLJUNGA_FORM}\` requires, before "Samverkan".`,
      ],
    ]);
  });

  it("Lerum's built-in form asks for the Jämställdhet questionnaire, at the memo's heading Jämställdhet", async () => {
    const root = copyExamples({ only: ["lerum"] });
    const MEMO = "lerum/tjansteskrivelse-ks18-1375.md";
    edit(root, MEMO, /genderEquality:\n( {2}.*\n){4}/, "");
    const { findings } = await checkJson(root);
    expect(only(findings, "form/missing")).toMatchObject({
      file: MEMO,
      line: lineOf(root, MEMO, "## Jämställdhet"),
      column: 1,
      severity: "error",
      message: 'The memo has no `genderEquality`, the questionnaire of the section "Jämställdhet" that the default form of memos requires.',
    });
  });

  it("Lerum's memo keeps Lerum's order on the built-in form", async () => {
    const root = copyExamples({ only: ["lerum"] });
    const html = readFileSync(join(await build(root), "lerum/tjansteskrivelse-ks18-1375.html"), "utf8");
    expect(h2s(html)).toEqual(["Förslag till beslut", "Sammanfattning", "Bakgrund", "Ekonomi", "Jämställdhet", "Beslutsunderlag", "Beslutet ska skickas till"]);
  });
});
