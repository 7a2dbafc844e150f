import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { partsTable, withPartsTable } from "../src/model/parts.js";
import { checkJson, ofRule } from "./helpers/findings.js";
import { headings, spaces, tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

/** What these tests use of the examples: Lerum's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka"] };

const README = join(import.meta.dirname, "../README.md");

/** A page of the examples as they are (the shared `--no-pdf` build). */
async function examplePage(path: string): Promise<string> {
  const built = await builtExamples(false);
  expect(built.code, built.stderr).toBe(0);
  return readFileSync(join(built.out, path), "utf8");
}

/** Builds a repository (HTML only) and returns a page reader. */
async function build(repo: string) {
  const out = join(tempDir("plan-placement-"), "site");
  const result = await run(["build", repo, "--out", out, "--no-pdf"], repo);
  return { ...result, page: (path: string) => readFileSync(join(out, path), "utf8") };
}

/** The article of a page: the document without the site's header and footer. */
const article = (html: string) => /<article[\s\S]*<\/article>/.exec(html)![0];
const count = (items: readonly string[], pattern: RegExp) => items.filter((t) => pattern.test(t)).length;

describe("directives place the generated parts where the author writes them", () => {
  it("renders the Lerum plan in the real plan's order: Mål with each principle's goals, Fokus, the joint budget, Gemensamma insatser, the carry-over once", async () => {
    const html = article(await examplePage("lerum/plan-2019.html"));
    const h = headings(html).map((x) => `${x.level}:${x.text}`);
    const top = h.filter((x) => x.startsWith("2:"));
    expect(top).toEqual([
      "2:Mål för det gemensamma folkhälsoarbetet",
      "2:Fokus 2018–2020",
      "2:Gemensam folkhälsobudget för verksamhetsåret 2019",
      "2:Gemensamma insatser",
      "2:Arbete som påbörjades under 2018 men fortgår under 2019",
    ]);
    // No generated heading beside the author's: the goals, budget and interventions are placed under the plan's own.
    expect(h).not.toContain("2:Mål för det gemensamma arbetet");
    expect(h).not.toContain("2:Gemensam budget 2019");
    expect(h).not.toContain("2:Insatser");
    // The goals of each principle under its text, in the plan's words (seed 000, lines 240-242), before the next principle.
    const at = (needle: string) => html.indexOf(needle);
    const rorSig = at("Öka andelen kvinnor och män som rör sig - fokus tillgängliga bostäder, aktiva transporter och grönområden");
    expect(rorSig).toBeGreaterThan(at(">Hälsa</h3>"));
    expect(rorSig).toBeLessThan(at(">Inflytande</h3>"));
    const unga = at("Minska ohälsa bland unga kvinnor och män - fokus fler flickor och pojkar med godkända betyg");
    expect(unga).toBeGreaterThan(at(">Kompetens</h3>"));
    expect(unga).toBeLessThan(at(">Opartiskhet</h3>"));
    const deltagande = at("Ökat socialt deltagande - fokus äldre kvinnor och män samt mötesplatser");
    expect(deltagande).toBeGreaterThan(at(">Opartiskhet</h3>"));
    expect(deltagande).toBeLessThan(at(">Mening</h3>"));
    // Each goal once: the body no longer repeats them by hand.
    expect(html.split("Öka andelen kvinnor och män som rör sig").length - 1).toBe(1);
    // The budget's tables under the plan's budget heading, before Gemensamma insatser.
    const budgetAt = at(">Gemensam folkhälsobudget för verksamhetsåret 2019</h2>");
    expect(at("<caption>Gemensam budget för verksamhetsåret 2019 per part (kronor)</caption>")).toBeGreaterThan(budgetAt);
    expect(at("<caption>Budget 2019 per insatsområde och budgetpost (kronor)</caption>")).toBeLessThan(at(">Gemensamma insatser</h2>"));
    // Each intervention's card under its own heading, before its text.
    const andt = at('<section class="intervention" id="insats-andt-arbete">');
    expect(andt).toBeGreaterThan(at(">ANDT-arbete i Lerum</h3>"));
    expect(andt).toBeLessThan(at("Målet är att alla skolor i Lerums kommun"));
    expect(spaces(text(html.slice(andt)))).toMatch(/^Insatsområde Minska andelen missbrukande kvinnor och män Mål Minska andelen missbrukande/);
    // The carry-over stated once, by the author (seed 000, line 254): not in the budget table, not as a generated list.
    expect(count(text(html).split(/(?<=\.)\s/), /Planering och avsatta medel för Plattform Lerum 2018/)).toBe(1);
    expect(tableByCaption(html, /per insatsområde och budgetpost/).rows.map((r) => r.cells[0]!.text)).not.toContain("Överfört från tidigare år");
  });

  it("sets the S.M.A.R.T footnote after the list that cites it, numbered, without a list of notes or a link back", async () => {
    const html = article(await examplePage("lerum/plan-2019.html"));
    const ref =
      /S\.M\.A\.R\.T<sup><a href="#text-fn-mal-ater-smart" id="text-fnref-mal-ater-smart" data-footnote-ref aria-label="Fotnot 1">1<\/a><\/sup> - fokus invånare<\/li>/;
    expect(html).toMatch(ref);
    // The note follows the list directly.
    expect(html).toMatch(
      /<\/ul>\s*<aside id="text-fn-mal-ater-smart" class="footnote" role="doc-footnote"><p><span class="footnote-number">1<\/span> S=större andel vegetabilier, M=mindre andel tomma kalorier, A=andelen ekologiskt ökar, R=rätt kött och grönsaker, T=transportsnålt<\/p><\/aside>/,
    );
    expect(html).not.toContain("↩");
    expect(html).not.toContain("data-footnotes");
    expect(html).not.toContain("Fotnoter");
  });

  it("prints one Finansiering in each agreement and one Måluppfyllelse in the report", async () => {
    for (const path of ["sjobacka/avtal-2019-2022.html", "lerum/avtal-2017-2020.html"]) {
      const html = article(await examplePage(path));
      const h = headings(html).map((x) => x.text);
      expect(count(h, /Finansiering/), path).toBeLessThanOrEqual(1);
      // The contributions under the author's section on money, not under a second heading.
      expect(html.indexOf("<caption>Bidrag per part och år (kronor)</caption>"), path).toBeGreaterThan(
        html.indexOf(path.startsWith("sjobacka") ? ">Finansiering</h2>" : ">Ekonomi</h2>"),
      );
    }
    expect(headings(article(await examplePage("sjobacka/avtal-2019-2022.html"))).filter((x) => x.text === "Finansiering")).toHaveLength(1);
    const report = article(await examplePage("sjobacka/rapport-2019.html"));
    const h = headings(report);
    expect(
      count(
        h.map((x) => x.text),
        /Måluppfyllelse/,
      ),
    ).toBe(1);
    expect(h.filter((x) => x.level === 2).map((x) => x.text)).toEqual([
      "Sammanfattning",
      "Genomförda insatser",
      "Måluppfyllelse",
      "Ekonomi",
      "Överföring till 2020",
    ]);
    // Each part in its section: the goals' table and the indicators after Måluppfyllelse, the outcome after Ekonomi, the carry-over last.
    const at = (s: string) => report.indexOf(s);
    // Under the author's heading the table's caption, which says the same, is for screen readers only: printed once.
    expect(at('<caption class="sr-only">Måluppfyllelse 2019</caption>')).toBeGreaterThan(at(">Måluppfyllelse</h2>"));
    expect(at("<caption>Måluppfyllelse 2019</caption>")).toBeLessThan(at(">Ekonomi</h2>"));
    expect(at("<caption>Budget, utfall och avvikelse 2019")).toBeGreaterThan(at(">Ekonomi</h2>"));
    expect(at("<caption>Överföring av medel från 2019")).toBeGreaterThan(at(">Överföring till 2020</h2>"));
    expect(h.find((x) => x.text === "Kommentarer till utfallet")?.level).toBe(3);
  });

  it("places the parts in the order the directives are written, and no part that is not placed", async () => {
    const repo = copyExamples(PART);
    edit(repo, "sjobacka/avtal-2019-2022.md", "::financing\n", "");
    edit(repo, "sjobacka/avtal-2019-2022.md", "## Parter och period\n", "::plans\n\n::financing\n\n## Parter och period\n");
    edit(repo, "sjobacka/avtal-2019-2022.md", /## Verksamhetsplaner inom avtalet\n\n::plans\n/, "");
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const h = headings(article(page("sjobacka/avtal-2019-2022.html"))).map((x) => `${x.level}:${x.text}`);
    // Before the body's first heading a part is a section of its own, with its heading.
    expect(h).toEqual([
      "1:Avtal om samverkan kring gemensamma folkhälsoinsatser i Sjöbacka kommun 2019–2022",
      "2:Verksamhetsplaner inom avtalet",
      "2:Finansiering",
      "2:Parter och period",
      "2:Finansiering",
      "2:Uppföljning",
    ]);
  });

  it("gives a body without directives the parts in their default place: after the summary, before the rest", async () => {
    const repo = copyExamples(PART);
    // The Lerum plan without its directives: the generated parts, with their headings, between the body's parts.
    const plan = read(repo, "lerum/plan-2019.md").replace(/^::.*\n\n/gm, "");
    write(
      repo,
      "lerum/plan-2019.md",
      plan.replace("\n## Mål för det gemensamma folkhälsoarbetet", "\n## Sammanfattning\n\nKort.\n\n## Mål för det gemensamma folkhälsoarbetet"),
    );
    edit(repo, "sjobacka/rapport-2019.md", /^::.*\n\n?/gm, "");
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const top = headings(article(page("lerum/plan-2019.html")))
      .filter((x) => x.level === 2)
      .map((x) => x.text);
    expect(top.slice(0, 6)).toEqual([
      "Sammanfattning",
      "Mål för det gemensamma arbetet",
      "Gemensam budget 2019",
      "Överfört från tidigare år",
      "Insatser",
      "Mål för det gemensamma folkhälsoarbetet",
    ]);
    const report = headings(article(page("sjobacka/rapport-2019.html")))
      .filter((x) => x.level === 2)
      .map((x) => x.text);
    expect(report).toEqual([
      "Sammanfattning",
      "Budget och utfall 2019",
      "Måluppfyllelse 2019",
      "Indikatorer",
      "Överföring till kommande år",
      "Genomförda insatser",
      "Måluppfyllelse",
      "Ekonomi",
      "Överföring till 2020",
    ]);
    // The goals' table under its heading "Måluppfyllelse 2019" does not print the same words again: its caption is for screen readers.
    expect(page("sjobacka/rapport-2019.html")).toContain('<caption class="sr-only">Måluppfyllelse 2019</caption>');
  });
});

describe("the documents plan drafts", () => {
  it("print each part once: one Finansiering in the new agreement, one Måluppfyllelse in the drafted report", async () => {
    const dir = tempDir();
    const init = await run(
      ["init", ".", "--kommun", "Alingsås kommun", "--kommunkod", "1489", "--region", "Hälso- och sjukvårdsnämnd Väst", "--year", "2027"],
      dir,
    );
    expect(init.code, init.stderr).toBe(0);
    expect((await run(["new", "report", "--from", "plan-2027"], dir)).code).toBe(0);
    const built = await build(dir);
    expect(built.code, built.stderr).toBe(0);
    const agreement = headings(article(built.page("avtal-2027-2030.html"))).map((x) => x.text);
    expect(count(agreement, /Finansiering/)).toBe(1);
    const report = article(built.page("rapport-2027.html"));
    expect(
      count(
        headings(report).map((x) => x.text),
        /Måluppfyllelse/,
      ),
    ).toBe(1);
    // The utfall under the draft's Ekonomi, no heading of its own.
    expect(report.indexOf("<caption>Budget, utfall och avvikelse 2027")).toBeGreaterThan(report.indexOf(">Ekonomi</h2>"));
    expect(
      count(
        headings(report).map((x) => x.text),
        /Budget och utfall/,
      ),
    ).toBe(0);
  });
});

describe("a template override places the parts itself", () => {
  it("gets the body as pieces and each part by name: the budget first, then the author's text without the parts", async () => {
    const repo = copyExamples(PART);
    mkdirSync(join(repo, "templates"));
    write(
      repo,
      "templates/plan.hbs",
      '<article class="document plan">\n{{> doc-header}}\n{{> plan-budget part.budget}}\n{{#each parts}}{{#unless partial}}<div class="body">{{{html}}}</div>{{/unless}}{{/each}}\n</article>\n',
    );
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    const html = article(page("lerum/plan-2019.html"));
    const h = headings(html).map((x) => `${x.level}:${x.text}`);
    // By name, a part has its heading at the top level.
    expect(h.slice(1, 3)).toEqual(["2:Gemensam budget 2019", "2:Mål för det gemensamma folkhälsoarbetet"]);
    expect(html.indexOf("<caption>Budget 2019 per insatsområde")).toBeLessThan(html.indexOf(">Mål för det gemensamma folkhälsoarbetet</h2>"));
    // The pieces of text are all there, the parts placed in them are not (the goals of each principle are the body's own markdown).
    expect(html).not.toContain('class="intervention"');
    expect(text(html)).toContain("Planering och avsatta medel för Plattform Lerum 2018 förs");
    expect(text(html)).toContain("Öka andelen kvinnor och män som rör sig - fokus");
  });
});

describe("a template override written for the pages before the parts", () => {
  it("stops the build at the place where it prints `body`, which no page has any more, instead of leaving the author's text out", async () => {
    const repo = copyExamples();
    mkdirSync(join(repo, "templates"));
    // A decision's `body` inside `{{#each}}` is the item's own field, not the page's: no finding there.
    write(repo, "templates/plan.hbs", '<article>\n{{> doc-header}}\n{{#each decisions}}{{body}}{{/each}}\n<div class="body">{{{body}}}</div>\n</article>\n');
    const { code, stderr } = await build(repo);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${join(repo, "templates/plan.hbs")}:4:22: error The template uses \`body\`, which pages no longer have: \`{{> body-parts}}\` prints the author's text with the generated parts placed in it (README: Templates).`,
    );
  });
});

describe("plan check: body/directive", () => {
  it("finds an unknown directive, another kind's, a nested one, a bad id or area and a part placed twice, each at its line and column with the fix", async () => {
    const repo = copyExamples(PART);
    const file = "lerum/plan-2019.md";
    edit(
      repo,
      file,
      "::budget\n",
      '::budgt\n\n::outcome\n\n::budget\n\n- ::tables\n\n::goals{area="Hälsan"}\n\n::intervention{#andt}\n\n::budget\n\n:::tables\n:::\n',
    );
    const { findings } = await checkJson(repo);
    const found = ofRule(findings, "body/directive");
    const line = (s: string, n = 1) => lineOf(repo, file, s, n);
    const at = found.map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(at).toEqual([
      `${file}:${line("::budgt")}:1`,
      `${file}:${line("::outcome")}:1`,
      `${file}:${line("- ::tables")}:3`,
      `${file}:${line('::goals{area="Hälsan"}')}:1`,
      `${file}:${line("::intervention{#andt}")}:1`,
      `${file}:${line("::budget", 2)}:1`,
      `${file}:${line(":::tables")}:1`,
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
    const [typo, other, nested, area, id, twice, container] = found;
    expect(typo!.message).toBe(
      "`::budgt` names no part that a plan generates; a plan places `::goals`, `::budget`, `::carry-over`, `::interventions`, `::intervention`, `::tables` and `::table`.",
    );
    expect(typo!.fix).toBe("Write `::budget`.");
    expect(other!.message).toContain("`::outcome` is no part of a plan (that part belongs to a report)");
    expect(nested!.message).toContain("stands inside a list or a quote");
    expect(area!.message).toBe(
      '`::goals{area="Hälsan"}`: `Hälsan` is not the `area` of a local goal of this plan; it has `Hälsa`, `Kompetens` and `Opartiskhet`.',
    );
    expect(area!.fix).toBe('Write `::goals{area="Hälsa"}`.');
    expect(id!.fix).toBe("Write `::intervention{#andt-arbete}`.");
    expect(twice!.message).toBe("`::budget` is placed a second time; the part would be printed twice.");
    expect(twice!.fix).toBe("Remove one of the two lines.");
    expect(container!.message).toContain("opens a block");
  });

  it("in a board's own report, the parts of a joint plan's report (outcome, goals, indicators, carry-over) are not there to place", async () => {
    const repo = copyExamples({ only: ["herrljunga"] });
    const file = "herrljunga/verksamhetsberattelse-2016.md";
    write(repo, file, `${read(repo, file)}\n## Ekonomi i sammandrag\n\n::outcome\n\n::carry-over\n`);
    const found = ofRule((await checkJson(repo)).findings, "body/directive");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([
      `${file}:${lineOf(repo, file, "::outcome")}:1 error`,
      `${file}:${lineOf(repo, file, "::carry-over")}:1 error`,
    ]);
    expect(found[0]!.message).toBe(
      "A board's own report (`organisation`, no `plan`) places no `::outcome` (that part belongs to the report of a joint plan); it places `::tables` and `::table`.",
    );
    expect(found[0]!.fix).toBe("Write one of `::tables` or `::table` on a line of its own, or remove the line.");
  });

  it("in a board's report in parts, a money table is placed by its part's `tables`, not by a directive that would print nothing", async () => {
    const repo = copyExamples({ only: ["herrljunga"] });
    const file = "herrljunga/verksamhetsberattelse-2016.md";
    write(repo, file, `${read(repo, file)}\n## Vård i siffror\n\nFöre tabellen.\n\n::table{#forvaltningsledning}\n\nEfter tabellen.\n`);
    const found = ofRule((await checkJson(repo)).findings, "body/directive");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([
      `${file}:${lineOf(repo, file, "::table{#forvaltningsledning}")}:1 error`,
    ]);
    expect(found[0]!.message).toBe(
      "`::table{#forvaltningsledning}` is in a report in parts (`parts:`), whose money tables each part prints under its Ekonomi (its `tables:`); here it would print nothing.",
    );
    expect(found[0]!.fix).toBe("Remove the line, and name the table in the `tables:` of the part it belongs to.");
  });

  it("finds a part placed whole and in part (every goal, then one area's)", async () => {
    const repo = copyExamples(PART);
    edit(repo, "lerum/plan-2019.md", "## Fokus 2018–2020\n", "::goals\n\n## Fokus 2018–2020\n");
    const found = ofRule((await checkJson(repo)).findings, "body/directive");
    const lines = read(repo, "lerum/plan-2019.md").split("\n");
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual([`${lines.indexOf("::goals") + 1}:1`]);
    expect(found[0]!.message).toBe('`::goals` shows part of what `::goals{area="Hälsa"}` already shows; it would be printed twice.');
  });

  it("leaves prose with colons alone in every example: no directive, no finding, the text as written", async () => {
    const repo = copyExamples(PART);
    const prose = "Obs: mötet börjar kl. 09:00, S:a investeringar 2:a kvartalet, Dnr:KS18.1375 och se:bilaga{1}.";
    const docs: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".md") && read(repo, relative(repo, path)).startsWith("---\n")) docs.push(relative(repo, path));
      }
    };
    walk(repo);
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) write(repo, doc, `${read(repo, doc)}\n${prose}\n`);
    const { findings } = await checkJson(repo);
    expect(ofRule(findings, "body/directive")).toEqual([]);
    const { code, stderr, page } = await build(repo);
    expect(code, stderr).toBe(0);
    for (const doc of docs.filter((d) => !d.includes("kolada-svar"))) expect(text(page(doc.replace(/\.md$/, ".html"))), doc).toContain(prose);
  });
});

describe("README", () => {
  it("lists the directives as src/model/parts.ts declares them", () => {
    const readme = readFileSync(README, "utf8");
    expect(withPartsTable(readme), "run `npm run rules-table`").toBe(readme);
    expect(readme).toContain(partsTable());
  });
});
