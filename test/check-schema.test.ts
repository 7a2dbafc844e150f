import { describe, expect, it } from "vitest";
import { copyExamples, edit, lineOf, read, run, write } from "./helpers/repo.js";

const PLAN = "lerum/plan-2019.md";
const MEMO = "lerum/tjansteskrivelse-ks18-1375.md";

async function check(change: (root: string) => void) {
  const root = copyExamples();
  change(root);
  return { ...(await run(["check", "."], root)), root };
}

describe("schema", () => {
  it("an unknown field is reported at its key, with a did-you-mean", async () => {
    const { code, stdout, root } = await check((r) => edit(r, PLAN, "    total: 50000\n", "    totl: 50000\n"));
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "totl: 50000")}:5: error [schema/unknown-key]`);
    expect(stdout).toContain("Unknown field `totl` in `budget[1]`. Did you mean `total`?");
  });

  it("an enumeration value gets the allowed values and a did-you-mean", async () => {
    const { stdout, root } = await check((r) => edit(r, PLAN, "financing: referred", "financing: refered"));
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "refered")}:`);
    expect(stdout).toContain("must be one of `cash`, `in-kind`, `referred`; found the text \"refered\". Did you mean `referred`?");
  });

  it("a missing required field names the field and what it is for", async () => {
    const { code, stdout } = await check((r) => edit(r, MEMO, /^recipient: .*\n/m, ""));
    expect(code).toBe(1);
    expect(stdout).toContain("`recipient` is required here but missing. (The board the memo is addressed to, e.g. `Kommunstyrelsen`.)");
  });

  it("a wrong type says what was expected and what was found", async () => {
    const { stdout, root } = await check((r) => edit(r, PLAN, "year: 2019", "year: tjugonitton"));
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "year: tjugonitton")}:7: error [schema/type]`);
    expect(stdout).toContain("`year` must be a number; found the text \"tjugonitton\".");
  });

  it("an unknown kind suggests the closest", async () => {
    const { stdout } = await check((r) => edit(r, PLAN, "kind: plan", "kind: pln"));
    expect(stdout).toContain("found `kind: pln`. Did you mean `plan`?");
  });

  it("an impossible date is an error at the date", async () => {
    const { stdout, root } = await check((r) => edit(r, MEMO, "date: 2018-12-20", "date: 2018-02-30"));
    expect(stdout).toContain(`${MEMO}:${lineOf(root, MEMO, "2018-02-30")}:7: error [schema/format]`);
  });

  it("YAML syntax errors and duplicate keys are reported at their place", async () => {
    const dup = await check((r) => edit(r, PLAN, "year: 2019\n", "year: 2019\nyear: 2020\n"));
    expect(dup.stdout).toContain(`${PLAN}:${lineOf(dup.root, PLAN, "year: 2020")}:1: error [yaml/duplicate-key]`);
    const broken = await check((r) => edit(r, PLAN, "title: Utbildningsinsatser föräldrastöd", 'title: "Utbildningsinsatser föräldrastöd'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("error [yaml/syntax]");
  });

  it("many YAML aliases (a billion laughs) are refused, not expanded", async () => {
    const lol = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)];
    const { code, stdout } = await check((r) => write(r, "lerum/lol.md", `---\nkind: indicator\n${lol.join("\n")}\n---\n`));
    expect(code).toBe(1);
    expect(stdout).toContain("error [yaml/aliases]");
  });

  it("a markdown file without frontmatter is not a document", async () => {
    const { code, stdout } = await check((r) => write(r, "lerum/ANTECKNINGAR.md", "# Anteckningar\n\nInga fält här.\n"));
    expect(code).toBe(0);
    expect(stdout).not.toContain("ANTECKNINGAR");
  });
});

describe("references", () => {
  it("plan → agreement: an unknown id gets a did-you-mean", async () => {
    const { code, stdout, root } = await check((r) => edit(r, PLAN, "agreement: lerum/avtal-2017-2020", "agreement: lerum/avtal-2017-2021"));
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "agreement: lerum/")}:12: error [ref/document]`);
    expect(stdout).toContain("No agreement has the id `lerum/avtal-2017-2021`. Did you mean `lerum/avtal-2017-2020`?");
  });

  it("a reference to a document of the wrong kind", async () => {
    const { stdout } = await check((r) => edit(r, PLAN, "agreement: lerum/avtal-2017-2020", "agreement: lerum/tjansteskrivelse-ks18-1375"));
    expect(stdout).toContain("`lerum/tjansteskrivelse-ks18-1375` is a memo, but an agreement is expected here.");
  });

  it("report → plan, memo → attachment, goal → indicator", async () => {
    const { stdout } = await check((r) => {
      edit(r, "sjobacka/rapport-2019.md", "plan: sjobacka/plan-2019", "plan: sjobacka/plan-2018");
      edit(r, MEMO, "    document: lerum/plan-2019", "    document: lerum/plan-2109");
      edit(r, PLAN, "lerum/indikatorer/behoriga-gymnasieskolan", "lerum/indikatorer/behorig-gymnasieskolan");
    });
    expect(stdout).toContain("No plan has the id `sjobacka/plan-2018`.");
    expect(stdout).toContain("No agreement or plan or report or memo or indicator has the id `lerum/plan-2109`. Did you mean `lerum/plan-2019`?");
    expect(stdout).toContain("No indicator has the id `lerum/indikatorer/behorig-gymnasieskolan`. Did you mean `lerum/indikatorer/behoriga-gymnasieskolan`?");
  });

  it("budget line → intervention, and an undeclared party", async () => {
    const { stdout, root } = await check((r) => {
      edit(r, PLAN, "intervention: andt-arbete\n    total: 65000", "intervention: andt\n    total: 65000");
      edit(r, PLAN, "parties: { hsn-vast: 65000 }", "parties: { hsn-vst: 65000 }");
    });
    expect(stdout).toContain("The plan has no intervention `andt`. Did you mean `andt-arbete`?");
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "hsn-vst")}:16: error [ref/party]`);
    expect(stdout).toContain("No party has the id `hsn-vst`. Did you mean `hsn-vast`?");
  });

  it("duplicate document ids are reported with both places", async () => {
    const { code, stdout } = await check((r) => write(r, "lerum/kopia.md", read(r, "lerum/avtal-2017-2020.md").replace("kind: agreement", "kind: agreement\nid: lerum/avtal-2017-2020")));
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
    const { stdout } = await check((r) => edit(r, PLAN, "year: 2019", "year: 2021"));
    expect(stdout).toContain("The agreement `lerum/avtal-2017-2020` runs 2017–2020, so it has no plan for 2021.");
  });

  it("a report of another year than its plan", async () => {
    const { stdout } = await check((r) => edit(r, "sjobacka/rapport-2019.md", "year: 2019", "year: 2020"));
    expect(stdout).toContain("The report is for 2020, but the plan `sjobacka/plan-2019` is for 2019.");
  });

  it("memo/dnr: a number that does not match the organisation's pattern", async () => {
    const { code, stdout, root } = await check((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: KS 2018/1375\n"));
    expect(code).toBe(1);
    expect(stdout).toContain(`${MEMO}:${lineOf(root, MEMO, "dnr: KS 2018")}:6: error [memo/dnr]`);
    expect(stdout).toContain("`KS 2018/1375` is not a diarienummer of Lerums kommun, which look like `KS18.1375`.");
  });

  it("a dnr pattern that is not a regular expression is an error in the configuration, at the pattern", async () => {
    const { code, stdout, root } = await check((r) => edit(r, "plan.config.yaml", "pattern: '^KS\\d{2}\\.\\d{1,5}(-\\d+)?$'", "pattern: '^KS(\\d{2}'"));
    expect(code).toBe(1);
    expect(stdout).toContain(`plan.config.yaml:${lineOf(root, "plan.config.yaml", "pattern: '^KS(")}:16: error [schema/format]`);
    expect(stdout).toContain("must be a regular expression");
    expect(stdout).not.toContain("[memo/dnr]");
  });

  it("a memo may carry several dnr, each checked", async () => {
    const { stdout } = await check((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: [KS18.1375, SN 109/2016]\n"));
    expect(stdout).toContain("`SN 109/2016` is not a diarienummer of Lerums kommun");
    expect(stdout.match(/\[memo\/dnr\]/g)).toHaveLength(1);
  });

  it("memo/section: a missing required section", async () => {
    const { code, stdout } = await check((r) => edit(r, MEMO, "## Ekonomi", "## Pengar"));
    expect(code).toBe(1);
    expect(stdout).toContain('The memo lacks the section "Ekonomi"');
  });

  it("text/placeholder: an error in a decided document, a warning in a draft", async () => {
    const decided = await check((r) => edit(r, MEMO, "dnr: KS18.1375\n", "dnr: KSXX.XXX\n"));
    expect(decided.code).toBe(1);
    expect(decided.stdout).toContain(`${MEMO}:${lineOf(decided.root, MEMO, "KSXX.XXX")}:6: error [text/placeholder]`);
    const draft = await check((r) => {
      edit(r, MEMO, "status: decided", "status: draft");
      edit(r, MEMO, "## Bakgrund\n", "## Bakgrund\n\nXXXX Kommun har TODO.\n");
    });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/warning \[text\/placeholder\]\n\s+Placeholder text `XXXX` in the text\./);
  });
});

describe("messages for the slips a Swedish user makes", () => {
  it("a Swedish word for an English value is named, with the word to write", async () => {
    const { stdout, root } = await check((r) => edit(r, PLAN, "status: decided", "status: beslutad"));
    expect(stdout).toContain(`${PLAN}:${lineOf(root, PLAN, "status: beslutad")}:9: error [schema/enum]`);
    expect(stdout).toContain("`status` is written in English: `decided` for \"beslutad\".");
  });

  it("a code written as a number is told to go in quotes", async () => {
    const { stdout } = await check((r) => edit(r, "plan.config.yaml", 'kommunkod: "1441"', "kommunkod: 1441"));
    expect(stdout).toContain("`parties[0].kommunkod` must be text; found `1441`.");
    expect(stdout).toContain("fix: Put it in quotes");
  });
});

describe("reports", () => {
  it("report/outcome: a decided report without the utfall of a line is an error; a draft is not", async () => {
    const REPORT = "sjobacka/rapport-2019.md";
    const decided = await check((r) => edit(r, REPORT, /  - line: foraldragrupper\n    parties: \{[^}]*\}\n/, ""));
    expect(decided.code).toBe(1);
    expect(decided.stdout).toMatch(/error \[report\/outcome\]\n\s+The report is decided, but the line of the plan `sjobacka\/plan-2019` has no utfall: "[^"]+"\./);
    const draft = await check((r) => {
      edit(r, REPORT, /  - line: foraldragrupper\n    parties: \{[^}]*\}\n/, "");
      edit(r, REPORT, "status: decided", "status: draft");
    });
    expect(draft.stdout).not.toContain("report/outcome");
  });
});
