import { describe, expect, it } from "vitest";
import { checkJson, ofRule, said, type Finding } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, read, run, write } from "./helpers/repo.js";

const PLAN = "lerum/plan-2019.md";
const MEMO = "lerum/tjansteskrivelse-ks18-1375.md";
/** The mistakes below are made in Lerum's and Sjöbacka's documents: the other examples need not be checked with them. */
const PART = { only: ["lerum", "sjobacka"] };

async function check(change: (root: string) => void) {
  const root = copyExamples(PART);
  change(root);
  return { ...(await run(["check", "."], root)), root };
}

/** The same, as the JSON findings. */
async function checkFindings(change: (root: string) => void) {
  const root = copyExamples(PART);
  change(root);
  return { ...(await checkJson(root)), root };
}

describe("YAML mistakes in the user's terms: one finding each, at its place, with the line as it should be", () => {
  const inFile = (findings: Finding[]) => findings.filter((f) => f.file === PLAN);

  it("a colon inside a value: put the value in quotes", async () => {
    const { findings, root } = await checkFindings((r) =>
      edit(r, PLAN, "title: Öka andelen kvinnor och män som rör sig", "title: Föräldraskapsstöd: gruppträffar"),
    );
    expect(inFile(findings)).toEqual([
      {
        rule: "yaml/syntax",
        file: PLAN,
        line: lineOf(root, PLAN, "title: Föräldraskapsstöd: gruppträffar"),
        column: 12,
        severity: "error",
        message: "The value of `title` holds a colon followed by a space (`Föräldraskapsstöd: gruppträffar`), which YAML reads as the start of another field.",
        fix: 'Put the value in quotes: `title: "Föräldraskapsstöd: gruppträffar"`.',
      },
    ]);
  });

  it("a missing colon: write it after the field name", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, PLAN, "status: decided", "status decided"));
    expect(inFile(findings)).toEqual([
      {
        rule: "yaml/syntax",
        file: PLAN,
        line: lineOf(root, PLAN, "status decided"),
        column: 1,
        severity: "error",
        message: "`status decided` has no colon after its field name, so YAML cannot tell the field from its value.",
        fix: "Write a colon and a space after the field name: `status: decided`.",
      },
    ]);
  });

  it("a colon inside a value written over several lines: the line with the colon, and the whole value in quotes", async () => {
    const memo = "sjobacka/tjansteskrivelse-2020.md";
    const { findings, root } = await checkFindings((r) =>
      edit(
        r,
        memo,
        "  - Kommunstyrelsens arbetsutskott beslutar godkänna verksamhetsplan för det gemensamma folkhälsoarbetet 2020 mellan",
        "  - Kommunstyrelsens arbetsutskott beslutar godkänna verksamhetsplan för\n    det gemensamma folkhälsoarbetet 2020: mellan",
      ),
    );
    expect(findings.filter((f) => f.file === memo)).toEqual([
      {
        rule: "yaml/syntax",
        file: memo,
        line: lineOf(root, memo, "    det gemensamma folkhälsoarbetet 2020: mellan"),
        column: 5,
        severity: "error",
        message:
          "This line goes on with the value begun above it (`Kommunstyrelsens arbetsutskott beslutar godkänna verksamhetsplan för`) and holds a colon followed by a space (`det gemensamma folkhälsoarbetet 2020: mellan Hälso- och sjukvårdsnämnd Väst och Sjöbacka kommun.`), which YAML reads as the start of another field.",
        fix: 'Put the value in quotes: `- "Kommunstyrelsens arbetsutskott beslutar godkänna verksamhetsplan för det gemensamma folkhälsoarbetet 2020: mellan Hälso- och sjukvårdsnämnd Väst och Sjöbacka kommun."`.',
      },
    ]);
  });

  it("a tab that breaks the structure: one finding at the tab, none of what follows from it, and the width that reads", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, PLAN, /\n {4}area: Hälsa\n/, "\n\tarea: Hälsa\n"));
    expect(inFile(findings)).toEqual([
      {
        rule: "yaml/syntax",
        file: PLAN,
        line: lineOf(root, PLAN, "\tarea: Hälsa"),
        column: 1,
        severity: "error",
        message:
          "A tab indents this line, and YAML allows only spaces there: the lines from here on cannot be read. With the tab as 4 spaces, the frontmatter reads without errors.",
        fix: "Replace the tab with 4 spaces (indent with spaces only).",
      },
    ]);
  });
});

describe("schema", () => {
  it("an unknown field is reported at its key, with a did-you-mean", async () => {
    const { code, findings, root } = await checkFindings((r) => edit(r, PLAN, "    total: 50000\n", "    totl: 50000\n"));
    expect(code).toBe(1);
    expect(ofRule(findings, "schema/unknown-key")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "totl: 50000"), column: 5, severity: "error" }),
    );
    expect(said(findings)).toContain("Unknown field `totl` in `budget[1]`. Did you mean `total`?");
  });

  it("an enumeration value gets the allowed values and a did-you-mean", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, PLAN, "financing: referred", "financing: refered"));
    expect(findings).toContainEqual(expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "refered") }));
    expect(said(findings)).toContain('must be one of `cash`, `in-kind`, `referred`; found the text "refered". Did you mean `referred`?');
  });

  it("a missing required field names the field and what it is for", async () => {
    const { code, findings } = await checkFindings((r) => edit(r, MEMO, /^recipient: .*\n/m, ""));
    expect(code).toBe(1);
    expect(said(findings)).toContain("`recipient` is required here but missing. (The board the memo is addressed to, e.g. `Kommunstyrelsen`.)");
  });

  it("a wrong type says what was expected and what was found", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, PLAN, "year: 2019", "year: tjugonitton"));
    expect(ofRule(findings, "schema/type")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "year: tjugonitton"), column: 7, severity: "error" }),
    );
    expect(said(findings)).toContain('`year` must be a number; found the text "tjugonitton".');
  });

  it("an unknown kind suggests the closest", async () => {
    const { findings } = await checkFindings((r) => edit(r, PLAN, "kind: plan", "kind: pln"));
    expect(said(findings)).toContain("found `kind: pln`. Did you mean `plan`?");
  });

  it("a kind written in Swedish is answered with its English name", async () => {
    const { findings } = await checkFindings((r) => edit(r, MEMO, "kind: memo", "kind: Tjänsteskrivelse"));
    expect(said(findings)).toContain("found `kind: Tjänsteskrivelse`. Did you mean `memo`?");
  });

  it("an impossible date is an error at the date", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, MEMO, "date: 2018-12-20", "date: 2018-02-30"));
    expect(ofRule(findings, "schema/format")).toContainEqual(
      expect.objectContaining({ file: MEMO, line: lineOf(root, MEMO, "2018-02-30"), column: 7, severity: "error" }),
    );
  });

  it("YAML syntax errors and duplicate keys are reported at their place", async () => {
    const dup = await checkFindings((r) => edit(r, PLAN, "year: 2019\n", "year: 2019\nyear: 2020\n"));
    expect(ofRule(dup.findings, "yaml/duplicate-key")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(dup.root, PLAN, "year: 2020"), column: 1, severity: "error" }),
    );
    const broken = await checkFindings((r) => edit(r, PLAN, "title: Utbildningsinsatser föräldrastöd", 'title: "Utbildningsinsatser föräldrastöd'));
    expect(broken.code).toBe(1);
    expect(ofRule(broken.findings, "yaml/syntax")).toContainEqual(expect.objectContaining({ severity: "error" }));
  });

  it("many YAML aliases (a billion laughs) are refused, not expanded", async () => {
    const lol = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
    ];
    const { code, findings } = await checkFindings((r) => write(r, "lerum/lol.md", `---\nkind: indicator\n${lol.join("\n")}\n---\n`));
    expect(code).toBe(1);
    expect(ofRule(findings, "yaml/aliases")).toContainEqual(expect.objectContaining({ severity: "error" }));
  });

  it("a markdown file without frontmatter is not a document", async () => {
    const { code, findings } = await checkFindings((r) => write(r, "lerum/ANTECKNINGAR.md", "# Anteckningar\n\nInga fält här.\n"));
    expect(code).toBe(0);
    expect(findings.filter((f) => f.file.includes("ANTECKNINGAR"))).toEqual([]);
  });
});

describe("references", () => {
  it("plan → agreement: an unknown id gets a did-you-mean", async () => {
    const { code, findings, root } = await checkFindings((r) => edit(r, PLAN, "agreement: lerum/avtal-2017-2020", "agreement: lerum/avtal-2017-2021"));
    expect(code).toBe(1);
    expect(ofRule(findings, "ref/document")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "agreement: lerum/"), column: 12, severity: "error" }),
    );
    expect(said(findings)).toContain("No agreement has the id `lerum/avtal-2017-2021`. Did you mean `lerum/avtal-2017-2020`?");
  });

  it("a reference to a document of the wrong kind", async () => {
    const { findings } = await checkFindings((r) => edit(r, PLAN, "agreement: lerum/avtal-2017-2020", "agreement: lerum/tjansteskrivelse-ks18-1375"));
    expect(said(findings)).toContain("`lerum/tjansteskrivelse-ks18-1375` is a memo, but an agreement is expected here.");
  });

  it("report → plan, memo → attachment, goal → indicator", async () => {
    const { findings } = await checkFindings((r) => {
      edit(r, "sjobacka/rapport-2019.md", "plan: sjobacka/plan-2019", "plan: sjobacka/plan-2018");
      edit(r, MEMO, "    document: lerum/plan-2019", "    document: lerum/plan-2109");
      edit(r, PLAN, "lerum/indikatorer/behoriga-gymnasieskolan", "lerum/indikatorer/behorig-gymnasieskolan");
    });
    expect(said(findings)).toContain("No plan has the id `sjobacka/plan-2018`.");
    expect(said(findings)).toContain("No document has the id `lerum/plan-2109`. Did you mean `lerum/plan-2019`?");
    expect(said(findings)).toContain(
      "No indicator has the id `lerum/indikatorer/behorig-gymnasieskolan`. Did you mean `lerum/indikatorer/behoriga-gymnasieskolan`?",
    );
  });

  it("budget line → intervention, and an undeclared party", async () => {
    const { findings, root } = await checkFindings((r) => {
      edit(r, PLAN, "intervention: andt-arbete\n    total: 65000", "intervention: andt\n    total: 65000");
      edit(r, PLAN, "parties: { hsn-vast: 65000 }", "parties: { hsn-vst: 65000 }");
    });
    expect(said(findings)).toContain("The plan has no intervention `andt`. Did you mean `andt-arbete`?");
    expect(ofRule(findings, "ref/party")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "hsn-vst"), column: 16, severity: "error" }),
    );
    expect(said(findings)).toContain("No party has the id `hsn-vst`. Did you mean `hsn-vast`?");
  });

  it("duplicate document ids are reported with both places", async () => {
    const { code, stdout } = await check((r) =>
      write(r, "lerum/kopia.md", read(r, "lerum/avtal-2017-2020.md").replace("kind: agreement", "kind: agreement\nid: lerum/avtal-2017-2020")),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/lerum\/kopia\.md:\d+:\d+: error \[id\/duplicate\]/);
    expect(stdout).toContain("Another document already has the id `lerum/avtal-2017-2020`.");
    expect(stdout).toMatch(/ {4}see: lerum\/avtal-2017-2020\.md:\d+:\d+: The document that has the id `lerum\/avtal-2017-2020` first\./);
  });

  it("duplicate budget line ids within a plan name the first one's place", async () => {
    const { stdout, root } = await check((r) => edit(r, PLAN, "- id: actionplan-can", "- id: andt-arbete"));
    expect(stdout).toContain("`andt-arbete` is already the id of budget[4]; ids in `budget` must be unique.");
    expect(stdout).toContain(`    see: ${PLAN}:${lineOf(root, PLAN, "- id: andt-arbete", 2)}:`);
  });
});

describe("years, dates and memos", () => {
  it("a plan's year outside its agreement's period", async () => {
    const { findings } = await checkFindings((r) => edit(r, PLAN, "year: 2019", "year: 2021"));
    expect(said(findings)).toContain("The agreement `lerum/avtal-2017-2020` runs 2017–2020, so it has no plan for 2021.");
  });

  it("a report of another year than its plan", async () => {
    const { findings } = await checkFindings((r) => edit(r, "sjobacka/rapport-2019.md", "year: 2019", "year: 2020"));
    expect(said(findings)).toContain("The report is for 2020, but the plan `sjobacka/plan-2019` is for 2019.");
  });

  it("memo/dnr: a number that does not match the organisation's pattern", async () => {
    const { code, findings, root } = await checkFindings((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: KS 2018/1375\n"));
    expect(code).toBe(1);
    expect(ofRule(findings, "memo/dnr")).toContainEqual(
      expect.objectContaining({ file: MEMO, line: lineOf(root, MEMO, "dnr: KS 2018"), column: 6, severity: "error" }),
    );
    expect(said(findings)).toContain("`KS 2018/1375` is not a diarienummer of Lerums kommun, which look like `KS18.1375`.");
  });

  it("a dnr pattern that is not a regular expression is an error in the configuration, at the pattern", async () => {
    const { code, findings, root } = await checkFindings((r) =>
      edit(r, "plan.config.yaml", "pattern: '^KS\\d{2}\\.\\d{1,5}(-\\d+)?$'", "pattern: '^KS(\\d{2}'"),
    );
    expect(code).toBe(1);
    expect(ofRule(findings, "schema/format")).toContainEqual(
      expect.objectContaining({ file: "plan.config.yaml", line: lineOf(root, "plan.config.yaml", "pattern: '^KS("), column: 16, severity: "error" }),
    );
    expect(said(findings)).toContain("must be a regular expression");
    expect(ofRule(findings, "memo/dnr")).toEqual([]);
  });

  it("a memo may carry several dnr, each checked", async () => {
    const { findings } = await checkFindings((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: [KS18.1375, SN 109/2016]\n"));
    expect(said(findings)).toContain("`SN 109/2016` is not a diarienummer of Lerums kommun");
    expect(ofRule(findings, "memo/dnr")).toHaveLength(1);
  });

  it("form/missing: a section of the default (Lerum's) memo form, placed at the heading it should precede", async () => {
    const { code, findings, root } = await checkFindings((r) => edit(r, MEMO, "## Ekonomi", "## Pengar"));
    expect(code).toBe(1);
    expect(ofRule(findings, "form/missing")).toEqual([
      expect.objectContaining({
        file: MEMO,
        line: lineOf(root, MEMO, "## Jämställdhet"),
        column: 1,
        severity: "error",
        message: 'The memo lacks the heading "Ekonomi", which the default form of memos requires after "Bakgrund", before "Jämställdhet".',
      }),
    ]);
    // The built-in form reports no heading it does not have: "Pengar" is the author's own.
    expect(ofRule(findings, "form/heading")).toEqual([]);
  });

  it("text/placeholder: an error in a decided document, a warning in a draft", async () => {
    const decided = await checkFindings((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: KSXX.XXX\n"));
    expect(decided.code).toBe(1);
    expect(ofRule(decided.findings, "text/placeholder")).toContainEqual(
      expect.objectContaining({ file: MEMO, line: lineOf(decided.root, MEMO, "KSXX.XXX"), column: 6, severity: "error" }),
    );
    const draft = await checkFindings((r) => {
      edit(r, MEMO, "status: decided", "status: draft");
      edit(r, MEMO, "## Bakgrund\n", "## Bakgrund\n\nXXXX Kommun har TODO.\n");
      // The KSAU's kallelse puts the memo on its agenda: a draft kallelse may (meeting/draft-document warns), a decided one may not.
      edit(r, "lerum/ksau-2019-01-09.md", "status: decided", "status: draft");
    });
    expect(draft.code).toBe(0);
    expect(ofRule(draft.findings, "text/placeholder")).toContainEqual(
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/^Placeholder text `XXXX` in the text\./) }),
    );
  });
});

describe("messages for the slips a Swedish user makes", () => {
  it("a Swedish word for an English value is named, with the word to write", async () => {
    const { findings, root } = await checkFindings((r) => edit(r, PLAN, "status: decided", "status: beslutad"));
    expect(ofRule(findings, "schema/enum")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(root, PLAN, "status: beslutad"), column: 9, severity: "error" }),
    );
    expect(said(findings)).toContain('`status` is written in English: `decided` for "beslutad".');
  });

  it("a code written as a number is told to go in quotes", async () => {
    const { findings } = await checkFindings((r) => edit(r, "plan.config.yaml", 'kommunkod: "1441"', "kommunkod: 1441"));
    expect(said(findings)).toContain("`parties[0].kommunkod` must be text; found `1441`.");
    expect(said(findings)).toContain("fix: Put it in quotes");
  });
});

describe("reports", () => {
  it("report/outcome: a decided report without the utfall of a line is an error; a draft is not", async () => {
    const REPORT = "sjobacka/rapport-2019.md";
    const decided = await checkFindings((r) => edit(r, REPORT, / {2}- line: foraldragrupper\n {4}parties: \{[^}]*\}\n/, ""));
    expect(decided.code).toBe(1);
    expect(ofRule(decided.findings, "report/outcome")).toContainEqual(
      expect.objectContaining({
        severity: "error",
        message: expect.stringMatching(
          /^The report is decided, but it gives no utfall for .+ \(`(hsn-vast|sjobacka)`\) on the line "[^"]+" of the plan `sjobacka\/plan-2019`, whose budget there is [\d ]+ kr\.$/,
        ),
      }),
    );
    const draft = await checkFindings((r) => {
      edit(r, REPORT, / {2}- line: foraldragrupper\n {4}parties: \{[^}]*\}\n/, "");
      edit(r, REPORT, "status: decided", "status: draft");
    });
    expect(ofRule(draft.findings, "report/outcome")).toEqual([]);
  });
});
