import { describe, expect, it } from "vitest";
import { findings, ofRule, only, show } from "./helpers/findings.js";
import { copyExamples, edit, EXAMPLES, lineOf, read, run } from "./helpers/repo.js";

/** What these tests use of the examples: Sjuhärad's documents, with the configuration and data/. */
const PART = { only: ["sjuharad"] };

const RULE = "money/accounts";
const BUDGET = "sjuharad/budget-2013.md";

/** The column (1-based) of `text` at or after `anchor`, on the first line of the budget that contains `anchor`. */
function columnOf(root: string, anchor: string, text: string): number {
  const line = read(root, BUDGET).split(/\r?\n/)[lineOf(root, BUDGET, anchor) - 1]!;
  const at = line.indexOf(text, line.indexOf(anchor));
  if (at < 0) throw new Error(`columnOf: ${text} not on the line of ${anchor}`);
  return at + 1;
}

/** `plan check --format json` with the related places the helper's findings leave out. */
async function problems(root: string) {
  const { stdout } = await run(["check", ".", "--format", "json"], root);
  return (
    JSON.parse(stdout) as {
      problems: {
        ruleId: string;
        file: string;
        line: number;
        column: number;
        severity: string;
        message: string;
        related?: { line: number; column: number }[];
      }[];
    }
  ).problems.filter((p) => p.ruleId === RULE);
}

describe("money/accounts: summary rows against the accounts of their detail table", () => {
  it("finds Sjuhärad's budget 2013 clean: every summary row's accounts sum to its figure in tkr; only the deficit the source never shows is told", async () => {
    const found = await findings(EXAMPLES);
    expect(ofRule(found, RULE).map(show)).toEqual([]);
    expect(found.filter((f) => f.file === BUDGET).map((f) => f.rule)).toEqual(["money/unbalanced"]);
  });

  it("moving 7460 out of Personalkostnader's `except` gives the sum with the pension account, and 7460 named twice", async () => {
    const root = copyExamples(PART);
    edit(root, BUDGET, "except: [7460, 7530]", "except: [7530]");
    const found = ofRule(await findings(root), RULE);
    expect(found.map(show)).toHaveLength(2);
    expect(found[0]).toEqual({
      rule: RULE,
      file: BUDGET,
      line: lineOf(root, BUDGET, "values: [7022]"),
      column: columnOf(root, "values: [7022]", "7022"),
      severity: "error",
      message:
        '"Personalkostnader" 7 022 tkr; the accounts 5611–5615 and 7020–7699 without 7530 in "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) sum to 7 822 000 kr.',
      fix: "Write `7822` if the accounts are right; else correct the row's `accounts` and `except`, or the account rows.",
    });
    // The second row that names 7460 has the error; the first is its related place.
    const [, duplicate] = await problems(root);
    expect(duplicate).toMatchObject({
      file: BUDGET,
      line: lineOf(root, BUDGET, "label: Pensionskostnader"),
      column: columnOf(root, "accounts: [7460, 7530]", "7460"),
      severity: "error",
      message: expect.stringContaining('The account 7460 is named by both "Personalkostnader" and "Pensionskostnader"'),
      related: [{ line: lineOf(root, BUDGET, "accounts: [5611-5615, 7020-7699]"), column: columnOf(root, "accounts: [5611-5615, 7020-7699]", "7020-7699") }],
    });
  });

  it("takes a figure in tkr for ±500 kr: an account changed by 600 kr is an error, by 400 kr not", async () => {
    const root = copyExamples(PART);
    edit(root, BUDGET, "{ account: 5014, label: 5014 Parkeringsplats, values: [15000] }", "{ account: 5014, label: 5014 Parkeringsplats, values: [15600] }");
    const error = only(await findings(root), RULE);
    expect(error).toMatchObject({
      file: BUDGET,
      line: lineOf(root, BUDGET, "label: Summa övriga kostnader"),
      column: columnOf(root, "values: [584]", "584"),
      severity: "error",
    });
    // 5014 is one of the accounts no other row names: the row says which.
    expect(error.message).toBe(
      '"Summa övriga kostnader" 584 tkr; the accounts no other row names (5014, 5210, 5430, 5440, 5460, 5480 and 16 more) in "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) sum to 584 600 kr.',
    );
    expect(error.fix).toContain("Write `585`");

    edit(root, BUDGET, "values: [15600] }", "values: [15400] }");
    expect(ofRule(await findings(root), RULE).map(show)).toEqual([]);
  });

  it("an account that two rows of one scope name is an error at the second, and counts in both sums", async () => {
    const root = copyExamples(PART);
    edit(root, BUDGET, "accounts: [6530, 6590, 6591]", "accounts: [6530, 6560, 6590, 6591]");
    const found = await problems(root);
    const duplicate = found.find((p) => p.message.startsWith("The account 6560"));
    expect(duplicate, found.map((p) => p.message).join("\n")).toMatchObject({
      line: lineOf(root, BUDGET, "label: Avgift Västkom"),
      column: columnOf(root, "accounts: [6560]", "6560"),
      severity: "error",
      message:
        'The account 6560 is named by both "Tjänsteköp" and "Avgift Västkom" in "Budget 2013 Basverksamhet – Sjuhärads kommunalförbund"; each account of "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) belongs to one row.',
      related: [{ line: lineOf(root, BUDGET, "label: Tjänsteköp"), column: columnOf(root, "accounts: [6530, 6560", "6560") }],
    });
    // Tjänsteköp now sums 165 000 + 410 000 kr.
    expect(found.map((p) => p.message)).toContain(
      '"Tjänsteköp" 165 tkr; the accounts 6530, 6560, 6590 and 6591 in "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) sum to 575 000 kr.',
    );
    expect(found).toHaveLength(2);
  });

  it("warns of an account no row names where no row has `rest`", async () => {
    const root = copyExamples(PART);
    // The other accounts named one by one, 8490 left out.
    const named = "5014, 5210, 5430, 5440, 5460, 5480, 5930, 6070, 6071, 6075, 6077, 6110, 6150, 6210, 6230, 6250, 6310, 6570, 6970, 6990, 8410";
    edit(root, BUDGET, "accounts: [rest]", `accounts: [${named}]`);
    const found = await findings(root);
    const warning = only(
      found.filter((f) => f.severity === "warning"),
      RULE,
    );
    expect(warning).toEqual({
      rule: RULE,
      file: BUDGET,
      line: lineOf(root, BUDGET, "8490 Övr. finansiella kostnader"),
      column: columnOf(root, "account: 8490", "8490"),
      severity: "warning",
      message:
        'The account 8490 (10 000 kr) of "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`) is in no row of "Budget 2013 Basverksamhet – Sjuhärads kommunalförbund": no figure there includes it.',
      fix: 'Add 8490 to the `accounts` of the row it belongs to, or give "Budget 2013 Basverksamhet – Sjuhärads kommunalförbund" a row with `accounts: [rest]`.',
    });
    // Without 8490 the row's accounts sum to 574 000 kr.
    expect(
      only(
        found.filter((f) => f.severity === "error"),
        RULE,
      ).message,
    ).toMatch(/^"Summa övriga kostnader" 584 tkr; the accounts 5014, 5210, .* sum to 574 000 kr\.$/);
  });

  it("matches a name such as `Akt. 30` exactly", async () => {
    const root = copyExamples(PART);
    edit(root, BUDGET, "{ account: Akt. 30, label:", "{ account: Akt 30, label:");
    const messages = ofRule(await findings(root), RULE).map((f) => f.message);
    expect(messages).toContain('"Kostnad förtroendevalda" 400 tkr; the account Akt. 30 is not in "Detaljerad budget 2013 Basverksamhet" (group `ordinarie`).');
    // `Akt 30` is now an account no other row names.
    expect(messages.some((m) => m.startsWith('"Summa övriga kostnader" 584 tkr;') && m.endsWith("sum to 984 000 kr."))).toBe(true);
  });

  it("reports a `detail` that names no table or no group of it", async () => {
    const root = copyExamples(PART);
    edit(root, BUDGET, "detail: extraordinara", "detail: extraordinar");
    edit(root, BUDGET, "    detail: detaljerad\n", "    detail: detaljerade\n");
    const found = ofRule(await findings(root), RULE);
    expect(found.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [
        lineOf(root, BUDGET, "detail: detaljerade"),
        columnOf(root, "detail: detaljerade", "detaljerade"),
        "error",
        '"Budget 2013 Basverksamhet – Sjuhärads kommunalförbund" takes its accounts from the table `detaljerade`, which is no other table of this document.',
      ],
    ]);
    expect(found[0]!.fix).toBe("Use the id of the table of accounts: `detaljerad` or `medarbetarcentrum`.");

    edit(root, BUDGET, "detail: detaljerade\n", "detail: detaljerad\n");
    const group = only(await findings(root), RULE);
    expect(group).toMatchObject({
      line: lineOf(root, BUDGET, "detail: extraordinar"),
      column: columnOf(root, "detail: extraordinar", "extraordinar"),
      severity: "error",
      message: 'The group\'s accounts are to be in the group `extraordinar` of "Detaljerad budget 2013 Basverksamhet", which has no group of that id.',
      fix: "Use `ordinarie`, `konton-5-8`, `pension-och-bidrag` or `extraordinara`.",
    });
  });
});
