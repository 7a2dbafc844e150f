import { describe, expect, it } from "vitest";
import { checkJson, only, ofRule, said } from "./helpers/findings.js";
import { copyExamples, edit, lineOf, run } from "./helpers/repo.js";

const PLAN = "lerum/plan-2019.md";
/** The changes below are made in Lerum's and Sjöbacka's documents: the other examples need not be checked with them. */
const PART = { only: ["lerum", "sjobacka"] };

/** Runs `plan check` on a changed copy of the examples and returns its exit code and findings. */
async function check(change: (root: string) => void, ...args: string[]) {
  const root = copyExamples(PART);
  change(root);
  const result = await checkJson(root, args);
  return { ...result, root };
}

describe("money rules", () => {
  it("money/line-total: a line whose parts do not sum to its total, at the total's value", async () => {
    const { code, findings, root } = await check((r) => edit(r, PLAN, "total: 220000", "total: 230000"));
    expect(code).toBe(1);
    const line = lineOf(root, PLAN, "total: 230000");
    const found = only(findings, "money/line-total");
    expect(found).toMatchObject({ file: PLAN, line, column: 12, severity: "error" });
    expect(found.message).toContain("sum to 220 000 kr (110 000 + 110 000), but its total says 230 000 kr");
    expect(found.fix).toContain("Write `total: 220000`");
  });

  it("the text reporter shows a finding's place, rule, fix and a code frame with a marker under the value", async () => {
    const root = copyExamples(PART);
    edit(root, PLAN, "total: 220000", "total: 230000");
    const { code, stdout } = await run(["check", "."], root);
    expect(code).toBe(1);
    const line = lineOf(root, PLAN, "total: 230000");
    expect(stdout).toContain(`${PLAN}:${line}:12: error [money/line-total]`);
    expect(stdout).toContain("fix: Write `total: 220000`");
    expect(stdout).toMatch(new RegExp(`${line} \\|     total: 230000\\n\\s+\\| {12}\\^{6}`));
  });

  it("money/declared-total: a subtotal that is not the sum of its lines, per party and in total", async () => {
    const { code, findings } = await check((r) =>
      edit(r, PLAN, "parties: { hsn-vast: 625000, lerum: 625000 }", "parties: { hsn-vast: 625000, lerum: 652000 }"),
    );
    expect(code).toBe(1);
    expect(ofRule(findings, "money/declared-total")).not.toEqual([]);
    expect(said(ofRule(findings, "money/declared-total"))).toContain(
      '"Totalt insatser" (intervention lines): the amounts of `lerum` sum to 625 000 kr (110 000 + 100 000 + 100 000 + 165 000 + 150 000), but the total says 652 000 kr.',
    );
  });

  it("money/contribution and money/split: moving money between the parties breaks the split, not a single line", async () => {
    const { code, findings } = await check((r) =>
      edit(r, PLAN, "parties: { hsn-vast: 100000, lerum: 165000 }", "parties: { hsn-vast: 110000, lerum: 155000 }"),
    );
    expect(code).toBe(1);
    expect(said(ofRule(findings, "money/contribution"))).toContain(
      "The lines of Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) in 2019 add up to 1 010 000 kr, but the agreement `lerum/avtal-2017-2020` fixes its contribution at 1 000 000 kr (difference +10 000 kr).",
    );
    expect(said(ofRule(findings, "money/contribution"))).toContain("The lines of Lerums kommun (`lerum`) in 2019 add up to 990 000 kr");
    expect(said(ofRule(findings, "money/split"))).toContain(
      "that is Hälso- och sjukvårdsnämnd Väst 1 000 000 kr and Lerums kommun 1 000 000 kr, but the lines give Hälso- och sjukvårdsnämnd Väst 1 010 000 kr and Lerums kommun 990 000 kr",
    );
  });

  it("a per-line split other than halves is information, not an error (the real Lerum budget)", async () => {
    const { code, findings } = await check(() => undefined);
    expect(code).toBe(0);
    expect(ofRule(findings, "money/split")).toEqual([]);
  });

  it("money/financing-type: a financing type the agreement does not allow the party", async () => {
    const { code, findings, root } = await check((r) =>
      edit(r, PLAN, "parties: { hsn-vast: 375000, lerum: 375000 }", "parties: { hsn-vast: { amount: 375000, financing: in-kind }, lerum: 375000 }"),
    );
    expect(code).toBe(1);
    const line = lineOf(root, PLAN, "financing: in-kind }, lerum: 375000");
    const found = only(findings, "money/financing-type");
    expect(found).toMatchObject({ file: PLAN, line, severity: "error" });
    expect(found.message).toContain("lets Hälso- och sjukvårdsnämnd Väst (`hsn-vast`) pay in `cash`, but this line uses `in-kind`");
  });

  it("money/carry-over: a carry-over must name the year it comes from", async () => {
    const { code, findings } = await check((r) => edit(r, PLAN, "    from: 2018\n", ""));
    expect(code).toBe(1);
    expect(ofRule(findings, "money/carry-over").filter((f) => f.severity === "error")).not.toEqual([]);
    expect(said(ofRule(findings, "money/carry-over"))).toContain("does not say which year its money comes from");
  });

  it("carry-overs do not count against the yearly contribution", async () => {
    const { code, findings } = await check((r) =>
      edit(r, PLAN, "    decision: presidiedialog 2018-10-12\n", "    decision: presidiedialog 2018-10-12\n    parties: { hsn-vast: 40000, lerum: 40000 }\n"),
    );
    expect(ofRule(findings, "money/contribution")).toEqual([]);
    expect(said(findings)).not.toContain("has no amount");
    expect(code).toBe(0);
  });

  it("money/split on an agreement: per-inhabitant contributions are rate × population", async () => {
    const { code, findings } = await check((r) => edit(r, "sjobacka/avtal-2019-2022.md", /population: 15000/, "population: 15500"));
    expect(code).toBe(1);
    expect(said(ofRule(findings, "money/split"))).toContain(
      "pays 14 kr × 15 500 inhabitants (2018-12-31) = 217 000 kr in 2019–2022, but its contribution says 210 000 kr",
    );
  });
});

describe("amounts are whole kronor", () => {
  it.each([
    ['"220 000"', "220000"],
    ['"1,5 mnkr"', "1500000"],
    ['"220 tkr"', "220000"],
    ["220000.5", "220001"],
    ["220.000", "220000"],
    ['"220,000"', "220000"],
    ["2.2e5", "220000"],
  ])("%s gets an error that gives the integer to write (%s)", async (written, integer) => {
    const { code, findings, root } = await check((r) => edit(r, PLAN, "total: 220000", `total: ${written}`));
    expect(code).toBe(1);
    const line = lineOf(root, PLAN, `total: ${written}`);
    const found = only(findings, "money/whole-kronor");
    expect(found).toMatchObject({ file: PLAN, line, column: 12, severity: "error" });
    expect(said([found])).toContain(`Write \`${integer}\``);
  });

  it("a negative amount in a party's share is one error at that amount, which says where signed amounts go", async () => {
    const { code, findings, root } = await check((r) => edit(r, PLAN, "parties: { hsn-vast: 65000 }", "parties: { hsn-vast: -65000 }"));
    expect(code).toBe(1);
    const line = lineOf(root, PLAN, "hsn-vast: -65000");
    // One message at the value: not also one telling the user to write `-65000`, as they did.
    expect(findings.filter((f) => f.file === PLAN && f.severity === "error")).toHaveLength(1);
    const found = only(findings, "money/whole-kronor");
    expect(found).toMatchObject({ file: PLAN, line, column: 26, severity: "error" });
    expect(found.message).toBe(
      "`budget[5].parties.hsn-vast` must not be negative; found -65000. These amounts are what a party pays or spends, never below 0.",
    );
    expect(found.fix).toContain("a reduction is a smaller amount");
    expect(found.fix).toContain("`tables:`");
  });

  it.each([
    ["a share given as `{ amount }`", "parties: { hsn-vast: 65000 }", "parties: { hsn-vast: { amount: -65000 } }", "amount: -65000", 36],
    ["a line's total", "total: 65000", "total: -65000", "total: -65000", 12],
  ])("a negative amount in %s is one error at that amount", async (_what, from, to, at, column) => {
    const { findings, root } = await check((r) => edit(r, PLAN, from, to));
    const found = only(findings, "money/whole-kronor");
    expect(found).toMatchObject({ file: PLAN, line: lineOf(root, PLAN, at), column, severity: "error" });
    expect(found.message).toContain("must not be negative; found -65000");
    expect(findings.filter((f) => f.file === PLAN && f.severity === "error")).toHaveLength(1);
  });

  it("an amount beyond the safe integer range is refused", async () => {
    const { code, findings } = await check((r) => edit(r, PLAN, "total: 220000", "total: 90071992547409930"));
    expect(code).toBe(1);
    expect(said(findings)).toContain("larger than any amount that can be added exactly");
  });
});

describe("a cause before its consequences", () => {
  it("a misspelled party id comes first, and the sums per party it makes wrong name it as their cause", async () => {
    const root = copyExamples(PART);
    edit(root, PLAN, "parties: { hsn-vast: 110000, lerum: 110000 }", "parties: { hsn-vst: 110000, lerum: 110000 }");
    const { stdout } = await run(["check", ".", "--format", "json"], root);
    const problems = (
      JSON.parse(stdout) as {
        problems: {
          file: string;
          ruleId: string;
          line: number;
          column: number;
          severity: string;
          message: string;
          related?: { line: number; column: number }[];
        }[];
      }
    ).problems.filter((p) => p.file === PLAN && p.severity === "error");
    const line = lineOf(root, PLAN, "hsn-vst: 110000");
    expect(problems[0]).toMatchObject({ ruleId: "ref/party", line, column: 16 });
    const consequences = problems.slice(1);
    expect(consequences.map((p) => p.ruleId).sort()).toEqual(["money/contribution", "money/declared-total", "money/declared-total", "money/split"]);
    for (const p of consequences) {
      expect(p.message).toMatch(new RegExp(`This may follow from the ref/party error at ${line}:16: fix that first\\.$`));
      expect(p.related).toContainEqual(expect.objectContaining({ line, column: 16 }));
    }
    // Where no party id is wrong, the money findings stand alone.
    const alone = copyExamples(PART);
    edit(
      alone,
      PLAN,
      "    total: 220000\n    parties: { hsn-vast: 110000, lerum: 110000 }",
      "    total: 240000\n    parties: { hsn-vast: 130000, lerum: 110000 }",
    );
    const { stdout: second } = await run(["check", ".", "--format", "json"], alone);
    const messages = (JSON.parse(second) as { problems: { ruleId: string; message: string }[] }).problems.filter((p) => p.ruleId.startsWith("money/"));
    expect(messages.length).toBeGreaterThan(0);
    for (const p of messages) expect(p.message).not.toContain("This may follow from");
  });
});
