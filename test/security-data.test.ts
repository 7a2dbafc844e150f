import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/commands/main.js";
import { copyExamples, edit, lineOf, run, tempDir } from "./helpers/repo.js";

/**
 * What plan emits from hostile data: CSV that a spreadsheet does not evaluate, output names that
 * do not overwrite each other, sums that stay exact, keys that stay keys, terminal text that
 * cannot move the cursor, and no document that is its own attachment.
 */

const PLAN = "sjobacka/plan-2019.md";
const CONFIG = "plan.config.yaml";
/** The attacks below are on Lerum's and Sjöbacka's documents and the configuration: the other examples need not be checked with them. */
const PART = { only: ["lerum", "sjobacka"] };

/** Reads CSV as RFC 4180 does (with `;`): quoted fields may hold `;`, `""` and line ends; every record ends in CR LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ";") {
      record.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field === "" && record.length === 0, "the CSV ends with a complete record").toBe(true);
  return records;
}

/** The fields a spreadsheet would evaluate as formulas: those beginning with `=`, `+`, `-`, `@`, tab or CR, but for a negative amount (`-1760`), which it reads as the number. */
const formulas = (records: string[][]) => records.flat().filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-\d+$/.test(f));

/** The example repository with hostile text in every field that reaches a CSV. */
function hostileRepo(): string {
  const repo = copyExamples(PART);
  edit(repo, PLAN, /^title: .*$/m, `title: '=HYPERLINK("http://x","klicka")'`);
  edit(repo, PLAN, "    area: Fullföljda studier", `    area: "+cmd|' /C calc'!A0"`);
  edit(repo, PLAN, "    area: Minska bruket av alkohol och tobak bland unga", `    area: "-1+1"`);
  edit(repo, CONFIG, "    name: Sjöbacka kommun\n    short: Kommun", `    name: Sjöbacka kommun\n    short: "@SUM(1)"`);
  edit(repo, CONFIG, "    name: Hälso- och sjukvårdsnämnd Väst", `    name: "\\tHälso- och sjukvårdsnämnd Väst"`);
  return repo;
}

const HOSTILE = [`=HYPERLINK("http://x","klicka")`, `+cmd|' /C calc'!A0`, "-1+1", "@SUM(1)", "\tHälso- och sjukvårdsnämnd Väst"];

describe("CSV: no cell is a formula, every line is a record", () => {
  it("plan budget --format csv prefixes formula text with ' and keeps amounts as numbers", async () => {
    const repo = hostileRepo();
    const { code, stdout, stderr } = await run(["budget", ".", "--format", "csv"], repo);
    expect(code, stderr).toBe(0);
    const records = parseCsv(stdout);
    // No field holds a line end, so each line of the output is one record.
    expect(records).toHaveLength(stdout.split("\r\n").length - 1);
    expect(formulas(records)).toEqual([]);
    const fields = new Set(records.flat());
    for (const text of HOSTILE) expect(fields, text).toContain(`'${text}`);
    // The caption is a record of its own, before the table's header.
    const caption = records.findIndex((r) => r[0] === `'=HYPERLINK("http://x","klicka"): budget per insatsområde`);
    expect(records[caption]).toHaveLength(1);
    expect(records[caption + 1]).toEqual(["Insatsområde", "HSN", "'@SUM(1)", "Totalt"]);
    expect(records[caption + 2]).toEqual([`'+cmd|' /C calc'!A0`, "40000", "40000", "80000"]);
    expect(records[caption + 3]).toEqual(["'-1+1", "30000", "20000", "50000"]);
  });

  it("the roll-up CSVs of plan build hold no formula and no caption line", async () => {
    const repo = hostileRepo();
    const out = join(tempDir(), "site");
    const { code, stderr } = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(code, stderr).toBe(0);
    const csv = (name: string) => parseCsv(readFileSync(join(out, "sammanstallningar", `${name}.csv`), "utf8"));
    const perArea = csv("sjobacka-plan-2019-per-area");
    expect(perArea[0]).toEqual(["Insatsområde", "HSN", "'@SUM(1)", "Totalt"]);
    expect(perArea[1]).toEqual([`'+cmd|' /C calc'!A0`, "40000", "40000", "80000"]);
    const perYear = csv("sjobacka-avtal-2019-2022-per-year");
    expect(perYear[1]).toEqual(["2019", `'=HYPERLINK("http://x","klicka")`, "210000", "210000", "420000", "50 % / 50 %"]);
    const across = csv("sjobacka-across-agreements");
    expect(across[1]![1]).toBe("'\tHälso- och sjukvårdsnämnd Väst");
    for (const records of [perArea, perYear, across, csv("hsn-vast-across-agreements"), csv("sjobacka-plan-2019-per-financing")])
      expect(formulas(records)).toEqual([]);
  });

  it("a title with CR LF is a check error at the title, and no roll-up is made of it", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, /^title: (.*)$/m, 'title: "Plan\\r\\n2019;1;2;3"');
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "title: ")}:8: error [text/control-character]`);
    expect(check.stdout).toContain("`title` holds the control character `\\x0d`");
    const budget = await run(["budget", ".", "--format", "csv"], repo);
    expect(budget.code).toBe(1);
    expect(budget.stdout).toBe("");
  });

  it.each([
    ["an escape sequence", '"\\e[2J\\e]8;;http://x\\e\\\\"', "\\x1b"],
    ["a C1 control", '"Plan\\x9b31m"', "\\x9b"],
    ["a bidi override", '"Plan \\u202Eflow"', "\\u202e"],
    ["a line break", "|\n  Plan\n  2019", "\\x0a"],
  ])("a title with %s is a check error at the title, with the fix", async (_what, title, shown) => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, /^title: .*$/m, `title: ${title}`);
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "title: ")}:8: error [text/control-character]`);
    expect(stdout).toContain(`holds the control character \`${shown}\``);
    expect(stdout).toMatch(/fix: (Remove it|Write the text on one line)/);
  });

  it("a party name in the configuration with an escape sequence is a check error at the name", async () => {
    const repo = copyExamples(PART);
    edit(repo, CONFIG, "    name: Sjöbacka kommun", '    name: "Sjöbacka\\e[31m kommun"');
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${CONFIG}:${lineOf(repo, CONFIG, "Sjöbacka\\e")}:11: error [text/control-character]`);
  });
});

/** The line and column where `text` first appears in `file`, as `file:line:column`. */
function placeOf(repo: string, file: string, text: string): string {
  const line = lineOf(repo, file, text);
  const column = readFileSync(join(repo, file), "utf8").split(/\r?\n/)[line - 1]!.indexOf(text) + 1;
  return `${file}:${line}:${column}`;
}

describe("keys that every JavaScript object has are errors, never dropped amounts", () => {
  it("`__proto__` as a party key of a budget line is an error at the key, and no roll-up is made", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "parties: { hsn-vast: 40000, sjobacka: 20000 }", "parties: { hsn-vast: 40000, __proto__: 20000 }");
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${placeOf(repo, PLAN, "__proto__")}: error [yaml/reserved-key]`);
    expect(check.stdout).toContain("`__proto__` cannot be a key");
    const budget = await run(["budget", ".", "--format", "csv"], repo);
    expect(budget.code).toBe(1);
    expect(budget.stderr).toContain("[yaml/reserved-key]");
  });

  it("`__proto__` reached through an alias is an error at the alias, and no amount vanishes", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "focus: tidiga insatser i samverkan mellan skola, elevhälsa och socialtjänst", "focus: &k __proto__");
    edit(repo, PLAN, "parties: { hsn-vast: 40000, sjobacka: 20000 }", "parties: { hsn-vast: 40000, sjobacka: 20000, *k : 999999 }");
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${placeOf(repo, PLAN, "*k :")}: error [yaml/reserved-key]`);
    expect(check.stdout).toContain("`__proto__` cannot be a key (named here by an alias)");
    const budget = await run(["budget", ".", "--format", "json"], repo);
    expect(budget.code).toBe(1);
  });

  it("an alias naming another key of the same map is a duplicate key at the alias, not a silent replacement", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "focus: tidiga insatser i samverkan mellan skola, elevhälsa och socialtjänst", "focus: &k hsn-vast");
    edit(repo, PLAN, "parties: { hsn-vast: 40000, sjobacka: 20000 }", "parties: { hsn-vast: 40000, sjobacka: 20000, *k : 999999 }");
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, PLAN, "*k :")}: error [yaml/duplicate-key]`);
  });

  // The parser compares keys by their values: the number 1 and the text "1" differ for it, but are one key once read into data.
  it("a number and a text of the same name in one map are a duplicate key at the second, though the parser tells them apart", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "parties: { hsn-vast: 40000, sjobacka: 20000 }", 'parties: { hsn-vast: 40000, sjobacka: 20000, 1: 5, "1": 6 }');
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, PLAN, '"1":')}: error [yaml/duplicate-key]`);
    expect(stdout).toContain("This key (`1`) appears twice in the same map");
  });

  it.each([
    ["a map", "{ sjobacka: 1 }: 999999"],
    ["a list", "[sjobacka]: 999999"],
    ["an alias to a map", "*m : 999999"],
  ])("%s as a key is an error at the key, and the file is not read further", async (_what, key) => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "focus: stöd till vårdnadshavare", "focus: stöd till vårdnadshavare\n    extra: &m { a: 1 }");
    edit(repo, PLAN, "parties: { hsn-vast: 40000, sjobacka: 20000 }", `parties: { hsn-vast: 40000, sjobacka: 20000, ${key} }`);
    const { code, stdout, stderr } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, PLAN, key.replace(/: 999999$/, ""))}: error [yaml/collection-key]`);
    expect(stdout).toContain("A map or a list cannot be a key");
    expect(stderr).toBe("");
  });

  it.each([
    [PLAN, "sjobacka: 30000 }", "constructor: 30000 }"],
    ["sjobacka/avtal-2019-2022.md", "  rule: per-inhabitant", "  rule: shares\n  shares: { hsn-vast: 50, toString: 50 }"],
  ])("`constructor` or `toString` as a key in %s is an error at the key", async (file, from, to) => {
    const repo = copyExamples(PART);
    edit(repo, file, from, to);
    const key = /constructor|toString/.exec(to)![0];
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, file, key)}: error [yaml/reserved-key]`);
  });

  it("a party whose id is `constructor` is refused in the configuration, and the build does not crash", async () => {
    const repo = copyExamples(PART);
    edit(repo, CONFIG, "  - id: hsn-vast", "  - id: constructor");
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${placeOf(repo, CONFIG, "constructor")}: error [schema/format]`);
    expect(check.stdout).toContain("not `constructor` or `prototype`");
    const build = await run(["build", ".", "--out", join(tempDir(), "site"), "--no-pdf"], repo);
    expect(build.code).toBe(1);
    expect(build.stderr).not.toContain("internal error");
  });
});

describe("a memo cannot be its own attachment", () => {
  it("is an error at the attachment's `document`", async () => {
    const repo = copyExamples(PART);
    const memo = "sjobacka/tjansteskrivelse-2020.md";
    edit(repo, memo, "    document: sjobacka/plan-2020", "    document: sjobacka/tjansteskrivelse-2020");
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${memo}:${lineOf(repo, memo, "document: sjobacka/tjansteskrivelse-2020")}:15: error [memo/self-attachment]`);
    expect(stdout).toContain("The memo lists itself (`sjobacka/tjansteskrivelse-2020`) as an attachment");
  });
});

describe("sums beyond the exact range are check errors, never internal errors", () => {
  const MAX = "9007199254740991";
  const carryOvers = `
  - id: overfort-a
    type: carry-over
    title: Överfört A
    from: 2018
    parties: { hsn-vast: ${MAX} }

  - id: overfort-b
    type: carry-over
    title: Överfört B
    from: 2018
    parties: { sjobacka: ${MAX} }

totals:`;

  it("two carry-overs of 9 007 199 254 740 991 kr: check names the amount that passes the limit; budget and build exit 1", async () => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "\ntotals:", carryOvers);
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    // The plan's other lines come first, so the first carry-over is the amount that takes the sum past the limit.
    const line = lineOf(repo, PLAN, `parties: { hsn-vast: ${MAX} }`);
    expect(check.stdout).toContain(`${PLAN}:${line}:26: error [money/sum-range]`);
    expect(check.stdout).toContain("the plan's budget (all lines and parties) adds up to more than 9 007 199 254 740 991 kr");
    for (const args of [
      ["budget", "."],
      ["budget", ".", "--format", "csv"],
      ["build", ".", "--out", join(tempDir(), "site"), "--no-pdf"],
    ]) {
      const { code, stdout, stderr } = await run(args, repo);
      expect(code, args.join(" ")).toBe(1);
      expect(stderr).toContain("[money/sum-range]");
      expect(stdout + stderr).not.toMatch(/internal error/i);
    }
  });

  it("plans that are each within range but together are not: the agreement's sum at the amount that passes the limit, the party's at the party", async () => {
    const repo = copyExamples(PART);
    const half = "5000000000000000";
    for (const file of [PLAN, "sjobacka/plan-2020.md"])
      edit(
        repo,
        file,
        /\ntotals:|$(?![\s\S])/,
        (m) => `\n  - id: stor\n    type: staff\n    title: Stor post\n    parties: { hsn-vast: ${half} }\n${m.startsWith("\ntotals") ? "\ntotals:" : ""}`,
      );
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    const at = `sjobacka/plan-2020.md:${lineOf(repo, "sjobacka/plan-2020.md", `parties: { hsn-vast: ${half} }`)}:26: error [money/sum-range]`;
    expect(check.stdout).toContain(
      `${at}\n    With this amount, the budget of the agreement \`sjobacka/avtal-2019-2022\` over its years adds up to more than 9 007 199 254 740 991 kr`,
    );
    const amount = placeOf(repo, "sjobacka/plan-2020.md", half);
    expect(check.stdout).toContain(
      `${placeOf(repo, CONFIG, "hsn-vast")}: error [money/sum-range]\n    The contributions of Hälso- och sjukvårdsnämnd Väst (\`hsn-vast\`) across its agreements add up to more than 9 007 199 254 740 991 kr, the largest sum that can be added and shown exactly, with the amount at ${amount}.`,
    );
    // The first plan, where neither sum has passed the limit yet, has no such message.
    expect(check.stdout).not.toMatch(/sjobacka\/plan-2019\.md:\d+:\d+: error \[money\/sum-range\]/);
    for (const args of [
      ["budget", ".", "--format", "json"],
      ["build", ".", "--out", join(tempDir(), "site"), "--no-pdf"],
    ]) {
      const { code, stdout, stderr } = await run(args, repo);
      expect(code, args.join(" ")).toBe(1);
      expect(stdout + stderr).not.toMatch(/internal error/i);
    }
  });

  it("contributions of one year beyond the range are an error at the contribution", async () => {
    const repo = copyExamples(PART);
    const file = "sjobacka/avtal-2019-2022.md";
    edit(repo, file, "  - party: sjobacka\n    amount: 210000", `  - party: sjobacka\n    amount: ${MAX}`);
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:${lineOf(repo, file, `amount: ${MAX}`)}:13: error [money/sum-range]`);
    expect(stdout).toContain("the contributions for 2019 adds up to more than");
  });
});

describe("output names are unique per id", () => {
  it("plans `sjobacka/plan_2019` and `sjobacka/plan-2019` are an error at both, and nothing is built", async () => {
    const repo = copyExamples(PART);
    copyFileSync(join(repo, PLAN), join(repo, "sjobacka/plan_2019.md"));
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    const kind = lineOf(repo, PLAN, "kind: plan");
    expect(check.stdout).toContain(`${PLAN}:${kind}:7: error [id/output-name]`);
    expect(check.stdout).toContain(`sjobacka/plan_2019.md:${kind}:7: error [id/output-name]`);
    expect(check.stdout).toContain("The roll-ups of `sjobacka/plan_2019` would be written to the same files as those of `sjobacka/plan-2019`:");
    // The other plan is a place of its own (the message's `cause`), not text in the message.
    expect(check.stdout).toContain(`    see: ${PLAN}:${kind}:7: The plan \`sjobacka/plan-2019\`, whose roll-ups would be written to the same files.`);
    const out = join(tempDir(), "site");
    const build = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("[id/output-name]");
    expect(existsSync(out)).toBe(false);
  });

  it("an `id` that differs only in case from another document's is an error at the `id`", async () => {
    const repo = copyExamples(PART);
    edit(repo, "lerum/plan-2019.md", "kind: plan\n", "kind: plan\nid: Sjobacka/Plan-2019\n");
    edit(repo, "lerum/tjansteskrivelse-ks18-1375.md", /lerum\/plan-2019\b/g, "Sjobacka/Plan-2019");
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`lerum/plan-2019.md:${lineOf(repo, "lerum/plan-2019.md", "id: Sjobacka")}:5: error [id/output-name]`);
    expect(stdout).toMatch(/sjobacka\/plan-2019\.md:\d+:7: error \[id\/output-name\]/);
  });

  it("parties `hsn-vast` and `hsn_vast` are an error at both ids in the configuration", async () => {
    const repo = copyExamples(PART);
    edit(repo, CONFIG, "  - id: sjobacka\n", "  - id: hsn_vast\n    name: Annan nämnd\n    type: nämnd\n\n  - id: sjobacka\n");
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, CONFIG, "hsn-vast")}: error [id/output-name]`);
    expect(stdout).toContain(`${placeOf(repo, CONFIG, "hsn_vast")}: error [id/output-name]`);
  });
});

describe("escape sequences from documents never reach the terminal", () => {
  const ESC = "\u001b";

  /** A raw escape sequence in the body, and one (written as a YAML escape) in a carry-over's title that a warning quotes. */
  function escapingRepo(): string {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel. ${ESC}[2J${ESC}]8;;http://x${ESC}\\klicka${ESC}]8;;${ESC}\\\n`);
    edit(repo, PLAN, "\ntotals:", `\n  - id: overfort\n    type: carry-over\n    title: "Överfört \\e[31mRÖTT"\n    from: 2018\n\ntotals:`);
    return repo;
  }

  it("plan check shows them as visible escapes, in messages and code frames", async () => {
    const repo = escapingRepo();
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).not.toContain(ESC);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "Fiktivt exempel.")}:18: error [text/control-character]`);
    expect(stdout).toContain("Fiktivt exempel. \\x1b[2J\\x1b]8;;http://x\\x1b\\klicka");
    expect(stdout).toContain('The carry-over "Överfört \\x1b[31mRÖTT" has no amount');
    const github = await run(["check", ".", "--format", "github"], repo);
    expect(github.stdout).not.toContain(ESC);
  });

  it("on a terminal with colour, plan's own colours stay and the document's sequences do not", async () => {
    const repo = escapingRepo();
    let stdout = "";
    const code = await main(["check", "."], {
      stdout: { write: (s: string) => (stdout += s), isTTY: true },
      stderr: { write: () => true },
      env: {},
      cwd: repo,
    });
    expect(code).toBe(1);
    // In Swedish, the default: plan's own red on the word "fel".
    expect(stdout).toContain(`${ESC}[31mfel${ESC}[39m`);
    expect(stdout).not.toContain(`${ESC}[2J`);
    expect(stdout).not.toContain(`${ESC}]8;`);
    expect(stdout).not.toContain(`${ESC}[31mRÖTT`);
  });

  it("plan budget, which refuses the repository, prints its problems without them", async () => {
    const { code, stdout, stderr } = await run(["budget", "."], escapingRepo());
    expect(code).toBe(1);
    expect(stdout + stderr).not.toContain(ESC);
    expect(stderr).toContain("\\x1b[31mRÖTT");
  });

  it("plan diff shows a title with an escape sequence as visible escapes", async () => {
    const repo = retitledInGit('"Plan 2019\\e[2J\\e[31m"');
    const { code, stdout, stderr } = await run(["diff", "HEAD~1", "HEAD"], repo);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain(ESC);
    expect(stdout).toContain("Plan 2019\\x1b[2J\\x1b[31m");
  });

  /** A repository in git whose last commit gives a plan the `title` written (as YAML). */
  function retitledInGit(title: string): string {
    const repo = copyExamples(PART);
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args],
        { cwd: repo, encoding: "utf8" },
      );
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "The examples");
    edit(repo, PLAN, /^title: .*$/m, `title: ${title}`);
    git("commit", "-q", "-am", "A title");
    return repo;
  }
  /** A title with ESC, a C1 CSI and a bidi override. */
  const HOSTILE_TITLE = '"Plan 2019\\e[2J\\u009b31m\\u202egnalp"';
  const RAW = /[\u001b\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it("plan diff --format markdown, the pull request's comment, shows them as visible escapes", async () => {
    const { code, stdout, stderr } = await run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], retitledInGit(HOSTILE_TITLE));
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain("Plan 2019\\\\x1b\\[2J\\\\x9b31m\\\\u202egnalp");
  });

  it("JSON output (diff, check, budget) writes C1 controls and bidi overrides as \\u escapes: valid JSON, the same data", async () => {
    const repo = retitledInGit(HOSTILE_TITLE);
    const diff = await run(["diff", "HEAD~1", "HEAD", "--format", "json"], repo);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).not.toMatch(RAW);
    expect(diff.stdout).toContain("Plan 2019\\u001b[2J\\u009b31m\\u202egnalp");
    expect(JSON.stringify(JSON.parse(diff.stdout))).toContain("Plan 2019\\u001b[2J\u009b31m\u202egnalp");

    // A warning quotes a carry-over's title as written.
    edit(repo, PLAN, "\ntotals:", `\n  - id: overfort\n    type: carry-over\n    title: "Överfört \\u009b31mRÖTT \\u202e"\n    from: 2018\n\ntotals:`);
    const check = await run(["check", ".", "--format", "json"], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).not.toMatch(RAW);
    expect(check.stdout).toContain("Överfört \\u009b31mRÖTT \\u202e");
    const { problems } = JSON.parse(check.stdout) as { problems: { message: string }[] };
    expect(problems.map((p) => p.message).join()).toContain('"Överfört \u009b31mRÖTT \u202e"');

    // `plan budget` refuses such a repository, so its JSON is shown with a caption that holds them.
    const { tablesToJson } = await import("../src/rollup/format.js");
    const columns = [{ key: "a", label: "a" }];
    const json = tablesToJson([{ name: "t", caption: "Tabell \u009b2J \u2066x\u2069", columns, rows: [{ cells: { a: "\u202e1" } }] }]);
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual([{ name: "t", caption: "Tabell \u009b2J \u2066x\u2069", columns, rows: [{ a: "\u202e1" }] }]);
  });
});

describe("names the build would write are within what a file system takes", () => {
  const LONG = `sjobacka/${"p".repeat(252)}.md`;

  it("a document whose page would have a name over 255 bytes is a check error at the file, and build says so instead of an internal error", async () => {
    const repo = copyExamples(PART);
    edit(repo, "sjobacka/plan-2020.md", "kind: plan\n", "kind: plan\nid: sjobacka/plan-2020\n");
    renameSync(join(repo, "sjobacka/plan-2020.md"), join(repo, LONG));
    const check = await run(["check", "."], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${LONG}:1:1: error [path/name-length]`);
    expect(check.stdout).toContain("a name of 257 bytes; file systems take at most 255");
    const out = join(tempDir(), "ut");
    const build = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${LONG}:1:1: error [path/name-length]`);
    expect(build.stderr).not.toContain("internal error");
    expect(existsSync(out)).toBe(false);
  });

  it("an id whose roll-ups would have names over 255 bytes is an error at the `id`; a party's at its id in the configuration", async () => {
    const repo = copyExamples(PART);
    const id = `sjobacka/${"plan-".repeat(48)}`;
    edit(repo, "sjobacka/plan-2020.md", "kind: plan\n", `kind: plan\nid: ${id}\n`);
    edit(repo, CONFIG, "parties:\n", `parties:\n  - id: ${"x".repeat(240)}\n    name: Lång\n    type: kommun\n\n`);
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${placeOf(repo, "sjobacka/plan-2020.md", id)}: error [path/name-length]`);
    expect(stdout).toContain(`${placeOf(repo, CONFIG, "x".repeat(240))}: error [path/name-length]`);
    expect(stdout).toMatch(/`plan build` would write `x{28}…x+-across-agreements\.html`, a name of 263 bytes/);
  });

  it("an output folder whose path is too long for the files in it: the user's message, exit 2, never an internal error", async () => {
    const repo = copyExamples(PART);
    // Each name within 255 bytes, the whole path near the system's 4096: the pages' paths pass it.
    let parent = tempDir();
    while (parent.length < 4040) parent = join(parent, "d".repeat(Math.min(200, 4040 - parent.length)));
    mkdirSync(parent, { recursive: true });
    const build = await run(["build", ".", "--out", join(parent, "ut"), "--no-pdf"], repo);
    expect(build.stderr).not.toContain("internal error");
    expect(build.code, build.stderr).toBe(2);
    expect(build.stderr).toContain("longer than the file system takes");
    expect(existsSync(join(parent, "ut"))).toBe(false);
  });
});

describe("an attachment never has the path of one of plan's own outputs", () => {
  it.each([
    ["sjobacka/plan-2019.pdf", "[bilaga](plan-2019.pdf)", "the PDF of `sjobacka/plan-2019`"],
    [
      "sammanstallningar/sjobacka-plan-2019-per-area.csv",
      "[tabell](../sammanstallningar/sjobacka-plan-2019-per-area.csv)",
      "a roll-up of `sjobacka/plan-2019`",
    ],
  ])("%s is an error at the link, not a file dropped silently", async (file, markdown, what) => {
    const repo = copyExamples(PART);
    mkdirSync(join(repo, file, ".."), { recursive: true });
    writeFileSync(join(repo, file), "en bilaga\n");
    edit(repo, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel.\n\n${markdown}\n`);
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, markdown)}:1: error [path/own-output]`);
    expect(stdout).toContain(`names ${file}, the path of ${what} in the output: it would not be published.`);
    const build = await run(["build", ".", "--out", join(tempDir(), "ut"), "--no-pdf"], repo);
    expect(build.code).toBe(1);
  });
});

describe("pages are unique without regard to case", () => {
  it("documents `…/Behoriga-yrkesprogram.md` and `…/behoriga-yrkesprogram.md` get pages whose names differ on a case-insensitive disk", async () => {
    const repo = copyExamples(PART);
    const folder = "sjobacka/indikatorer";
    copyFileSync(join(repo, folder, "behoriga-yrkesprogram.md"), join(repo, folder, "Behoriga-yrkesprogram.md"));
    const out = join(tempDir(), "site");
    const { code, stderr } = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(code, stderr).toBe(0);
    const pages = readdirSync(join(out, folder)).filter((f) => f.endsWith(".html"));
    expect(pages).toHaveLength(3);
    expect(new Set(pages.map((p) => p.toLowerCase())).size).toBe(pages.length);
  });
});
