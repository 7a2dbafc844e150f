import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DiffResult, TableChange } from "../src/diff/model.js";
import { commitAll, git } from "./helpers/git.js";
import { edit, read, run, tempDir, write } from "./helpers/repo.js";
import { INVESTERINGAR as SEED_INVESTERINGAR } from "./helpers/seed-tables.js";

/*
 * `plan diff` on money tables: a changed cell with its difference in the table's unit and the
 * totals it changed, rows added, removed and moved between groups, a deviation's sign convention
 * turned, a unit changed; each in JSON, text and markdown. Git repositories in temp folders.
 */

const FILE = "herrljunga/investeringar-2016.md";
const MINUS = "\u2212";

/** Seed 001's Investeringar, shortened, with a line of text. */
const INVESTERINGAR = `${SEED_INVESTERINGAR}
Investeringar 2016.
`;

/** A git repository whose first commit holds the Investeringar document and whose second makes `change`. */
function changed(change: (root: string) => void): string {
  const root = tempDir();
  write(root, "plan.config.yaml", 'organisation: herrljunga-sn\nparties:\n  - { id: herrljunga-sn, name: "Socialnämnden, Herrljunga kommun", type: nämnd }\n');
  mkdirSync(join(root, "herrljunga"));
  write(root, FILE, INVESTERINGAR);
  git(root, "init", "-q");
  commitAll(root, "Investeringar");
  change(root);
  commitAll(root, "A change");
  return root;
}

async function json(root: string): Promise<DiffResult> {
  const { code, stdout, stderr } = await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout) as DiffResult;
}

/** The one changed table of the one changed document. */
async function tableChange(root: string): Promise<TableChange> {
  const result = await json(root);
  expect(result.documents).toHaveLength(1);
  const [doc] = result.documents;
  expect(doc).toMatchObject({ id: "herrljunga/investeringar-2016", kind: "budget", status: "changed", fields: [], budget: [] });
  expect(doc!.tables).toHaveLength(1);
  return doc!.tables[0]!;
}

/** The text output's lines, runs of spaces made single, so that column widths do not matter. */
async function textLines(root: string): Promise<string[]> {
  const { code, stdout } = await run(["diff", "HEAD~1", "HEAD"], root);
  expect(code).toBe(0);
  return stdout.split("\n").map((l) => l.replace(/ {2,}/g, "  ").trim());
}

const rowOf = (table: TableChange, label: string) => table.rows.find((r) => r.label === label);

/** Inventarier's utfall 426 → 436 tkr, its avvikelse with it. */
const inventarier = (root: string) => edit(root, FILE, "[400, 600, 1000, 426, 574]", "[400, 600, 1000, 436, 564]");

describe("plan diff: money tables, in money", () => {
  it("a changed cell: before → after with the difference in the table's unit, and the totals it changed", async () => {
    const table = await tableChange(changed(inventarier));
    expect(table).toMatchObject({ id: "investeringar", caption: "Investeringar", change: "changed", unit: "tkr", fields: [], columns: [] });
    expect(table).not.toHaveProperty("unitBefore");
    expect(table.rows).toEqual([
      {
        label: "Inventarier",
        role: "line",
        change: "changed",
        group: "S:a investeringar egna",
        cells: [
          { column: "utfall", label: "Utfall 2016", before: 426, after: 436, difference: 10 },
          { column: "avvikelse", label: "Avvikelse", before: 574, after: 564, difference: -10 },
        ],
      },
      {
        id: "egna",
        label: "S:a investeringar egna",
        role: "total",
        change: "changed",
        group: null,
        cells: [
          { column: "utfall", label: "Utfall 2016", before: 500, after: 510, difference: 10 },
          { column: "avvikelse", label: "Avvikelse", before: 500, after: 490, difference: -10 },
        ],
      },
      {
        label: "TOTALA INVESTERINGAR",
        role: "total",
        change: "changed",
        group: null,
        cells: [
          { column: "utfall", label: "Utfall 2016", before: 4091, after: 4101, difference: 10 },
          { column: "avvikelse", label: "Avvikelse", before: 6250, after: 6240, difference: -10 },
        ],
      },
    ]);
  });

  it("the same change as text: the changed figures, then the totals that changed", async () => {
    const lines = await textLines(changed(inventarier));
    const at = lines.indexOf('Money table "Investeringar" (investeringar, tkr): changed');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual([
      "Changed figures",
      "Row  Column  Before  After  Difference",
      expect.stringMatching(/^-+ {2}-+/),
      "Inventarier  Utfall 2016  426 tkr  436 tkr  +10 tkr",
      `Avvikelse  574 tkr  564 tkr  ${MINUS}10 tkr`,
    ]);
    const totals = lines.indexOf("Totals that changed");
    expect(totals).toBeGreaterThan(at);
    expect(lines.slice(totals)).toEqual(
      expect.arrayContaining([
        "S:a investeringar egna  Utfall 2016  500 tkr  510 tkr  +10 tkr",
        "TOTALA INVESTERINGAR  Utfall 2016  4 091 tkr  4 101 tkr  +10 tkr",
        `Avvikelse  6 250 tkr  6 240 tkr  ${MINUS}10 tkr`,
      ]),
    );
    // TN's totals are stated and did not change: they are not listed.
    expect(lines.join("\n")).not.toContain("S:a investeringar gm TN");
  });

  it("a blank cell that gets a figure: before is blank, not 0, and there is no difference", async () => {
    const table = await tableChange(changed((r) => edit(r, FILE, "[1500, -1500, 0, ~, 0]", "[1500, -1500, 0, 12, -12]")));
    expect(rowOf(table, "Mobillås")!.cells).toEqual([
      { column: "utfall", label: "Utfall 2016", before: null, after: 12, difference: null },
      { column: "avvikelse", label: "Avvikelse", before: 0, after: -12, difference: -12 },
    ]);
    const lines = await textLines(changed((r) => edit(r, FILE, "[1500, -1500, 0, ~, 0]", "[1500, -1500, 0, 12, -12]")));
    expect(lines).toContain("Mobillås  Utfall 2016  blank  12 tkr");
  });

  it("reordered rows are no change", async () => {
    const root = changed((r) =>
      edit(
        r,
        FILE,
        "          - { label: Inventarier, values: [400, 600, 1000, 426, 574] }\n          - { id: mobillas, label: Mobillås, values: [1500, -1500, 0, ~, 0] }\n",
        "          - { id: mobillas, label: Mobillås, values: [1500, -1500, 0, ~, 0] }\n          - { label: Inventarier, values: [400, 600, 1000, 426, 574] }\n",
      ),
    );
    const result = await json(root);
    expect(result.documents).toEqual([]);
    expect(result.editedOnly).toEqual([FILE]);
  });
});

describe("plan diff: money tables, in meaning", () => {
  const rearranged = (r: string) => {
    // Mobillås (by id) moves from the group of its own investments to TN's; Hemgården is new; Arkiv goes.
    edit(r, FILE, "          - { id: mobillas, label: Mobillås, values: [1500, -1500, 0, ~, 0] }\n", "");
    edit(
      r,
      FILE,
      "          - { label: Hagen etapp 4, values: [7510, ~, 7510, 0, 7510] }\n",
      "          - { label: Hagen etapp 4, values: [7510, ~, 7510, 0, 7510] }\n          - { id: mobillas, label: Mobillås, values: [1500, -1500, 0, ~, 0] }\n",
    );
    edit(r, FILE, "          - { label: Arkiv, values: [~, ~, 0, 74, -74] }\n", "          - { label: Hemgården, values: [~, 2650, 2650, ~, 2650] }\n");
  };

  it("rows added, removed and moved between groups, and the totals that changed with them", async () => {
    const table = await tableChange(changed(rearranged));
    expect(rowOf(table, "Mobillås")).toEqual({
      id: "mobillas",
      label: "Mobillås",
      role: "line",
      change: "changed",
      group: "S:a investeringar gm TN",
      moved: { from: "S:a investeringar egna", to: "S:a investeringar gm TN" },
      cells: [],
    });
    expect(rowOf(table, "Hemgården")).toEqual({
      label: "Hemgården",
      role: "line",
      change: "added",
      group: "S:a investeringar egna",
      cells: [
        { column: "tillagg", label: "Tillägg/ ombudg 2016", before: null, after: 2650, difference: null },
        { column: "summa", label: "Summa Budget 2016", before: null, after: 2650, difference: null },
        { column: "avvikelse", label: "Avvikelse", before: null, after: 2650, difference: null },
      ],
    });
    expect(rowOf(table, "Arkiv")).toMatchObject({ change: "removed", group: "S:a investeringar egna" });
    // The computed total of the group the rows left and joined: Mobillås's 1 500 out of the original budget, Hemgården's 2 650 in.
    expect(rowOf(table, "S:a investeringar egna")!.cells).toEqual(
      expect.arrayContaining([
        { column: "ursprung", label: "Ursprungs budget 2016", before: 1900, after: 400, difference: -1500 },
        { column: "summa", label: "Summa Budget 2016", before: 1000, after: 3650, difference: 2650 },
        { column: "utfall", label: "Utfall 2016", before: 500, after: 426, difference: -74 },
      ]),
    );
    const lines = await textLines(changed(rearranged));
    expect(lines).toEqual(
      expect.arrayContaining([
        "~ Mobillås moved from S:a investeringar egna to S:a investeringar gm TN",
        "+ Hemgården (added to S:a investeringar egna): Tillägg/ ombudg 2016 2 650 tkr, Summa Budget 2016 2 650 tkr, Avvikelse 2 650 tkr",
        `- Arkiv (removed from S:a investeringar egna): Summa Budget 2016 0 tkr, Utfall 2016 74 tkr, Avvikelse ${MINUS}74 tkr`,
      ]),
    );
  });

  it("a row renamed keeps its id: a rename, not a removal and an addition; without an id it is both", async () => {
    const table = await tableChange(
      changed((r) => {
        edit(r, FILE, "label: Mobillås,", "label: Mobillås och larm,");
        edit(r, FILE, "label: Arkiv,", "label: Arkivet,");
      }),
    );
    expect(table.rows.map((r) => [r.label, r.change, r.labelBefore])).toEqual([
      ["Mobillås och larm", "changed", "Mobillås"],
      ["Arkivet", "added", undefined],
      ["Arkiv", "removed", undefined],
    ]);
  });

  it("a deviation's sign convention turned, its figures with it: said once, and no figure listed", async () => {
    const root = changed((r) => {
      edit(r, FILE, "of: [summa, utfall]", "of: [utfall, summa]");
      for (const [from, to] of [
        ["3591, -1760]", "3591, 1760]"],
        ["7510, 0, 7510]", "7510, 0, -7510]"],
        ["426, 574]", "426, -574]"],
        ["74, -74]", "74, 74]"],
        ["3591, 5750]", "3591, -5750]"],
      ])
        edit(r, FILE, from!, to!);
    });
    const table = await tableChange(root);
    expect(table.columns).toEqual([
      {
        id: "avvikelse",
        label: "Avvikelse",
        change: "changed",
        fields: [],
        // Five stated figures and the two computed totals, egna's and the table's.
        convention: { before: "Summa Budget 2016 − Utfall 2016", after: "Utfall 2016 − Summa Budget 2016", reversed: true, turned: 7, notTurned: 0 },
      },
    ]);
    expect(table.rows).toEqual([]);
    expect(await textLines(root)).toContain(
      `~ Avvikelse now Utfall 2016 ${MINUS} Summa Budget 2016, was Summa Budget 2016 ${MINUS} Utfall 2016: 7 figures turned their sign with it`,
    );
  });

  it("a convention turned without its figures: those that did not turn are listed, their difference read the new way", async () => {
    const root = changed((r) => edit(r, FILE, "of: [summa, utfall]", "of: [utfall, summa]"));
    const table = await tableChange(root);
    expect(table.columns[0]!.convention).toMatchObject({ reversed: true, turned: 2, notTurned: 5 });
    // −1 760 read the new way was +1 760: the figure as written now says 3 520 tkr less.
    expect(rowOf(table, "Hagen etapp 3")!.cells).toEqual([{ column: "avvikelse", label: "Avvikelse", before: -1760, after: -1760, difference: -3520 }]);
    const lines = await textLines(root);
    expect(lines).toContain(
      `~ Avvikelse now Utfall 2016 ${MINUS} Summa Budget 2016, was Summa Budget 2016 ${MINUS} Utfall 2016: 2 figures turned their sign with it; 5 did not, and they are listed below with their differences read the new way`,
    );
    expect(lines).toContain(`Hagen etapp 3  Avvikelse  ${MINUS}1 760 tkr  ${MINUS}1 760 tkr  ${MINUS}3 520 tkr`);
  });

  it("a unit changed: not comparable; a figure the same in kronor is no change, one that is not is shown in both units", async () => {
    const root = changed((r) => {
      const text = read(r, FILE)
        .replace("unit: tkr", "unit: kr")
        .replace(
          /values: \[([^\]]*)\]/g,
          (_, cells: string) =>
            `values: [${cells
              .split(", ")
              .map((c) => (c === "~" ? c : String(Number(c) * 1000)))
              .join(", ")}]`,
        )
        .replace("[400000, 600000, 1000000, 426000, 574000]", "[400000, 600000, 1000000, 426400, 573600]");
      write(r, FILE, text);
    });
    const table = await tableChange(root);
    expect(table).toMatchObject({ unit: "kr", unitBefore: "tkr" });
    expect(table.rows.map((r) => r.label)).toEqual(["Inventarier", "S:a investeringar egna", "TOTALA INVESTERINGAR"]);
    expect(rowOf(table, "Inventarier")!.cells).toEqual([
      { column: "utfall", label: "Utfall 2016", before: 426, after: 426400, difference: null },
      { column: "avvikelse", label: "Avvikelse", before: 574, after: 573600, difference: null },
    ]);
    const lines = await textLines(root);
    expect(lines).toContain("~ tkr → kr: figures are not comparable; each is shown in its own unit, and listed only where its amount in kronor changed.");
    expect(lines).toContain("Inventarier  Utfall 2016  426 tkr  426 400 kr");
  });

  it("markdown: the table's changes in the document's details, its figures in a table", async () => {
    const root = changed((r) => {
      rearranged(r);
      inventarier(r);
    });
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], root);
    expect(code).toBe(0);
    const details = stdout.slice(stdout.indexOf("<details>"));
    expect(details).toContain('**Money table "Investeringar" (investeringar, tkr): changed**');
    expect(details).toContain("- Mobillås moved from S:a investeringar egna to S:a investeringar gm TN");
    expect(details).toContain(
      "- Hemgården (added to S:a investeringar egna): Tillägg/ ombudg 2016 2 650 tkr, Summa Budget 2016 2 650 tkr, Avvikelse 2 650 tkr",
    );
    expect(details).toContain(
      "*Changed figures*\n\n| Row | Column | Before | After | Difference |\n| --- | --- | --: | --: | --: |\n| Inventarier | Utfall 2016 | 426 tkr | 436 tkr | +10 tkr |",
    );
    expect(details).toContain("*Totals that changed*");
  });

  it("a table added to a document is named as added, not listed field by field", async () => {
    const second = `  - id: ombudgetering
    caption: Ombudgetering
    unit: tkr
    columns:
      - { id: askat, kind: requested, year: 2017, label: Äskat till 2017 }
    rows:
      - { label: Hemgården, values: [2650] }
`;
    const added = await json(
      changed((r) => edit(r, FILE, "    total: { label: TOTALA INVESTERINGAR }\n", `    total: { label: TOTALA INVESTERINGAR }\n${second}`)),
    );
    expect(added.documents[0]!.tables).toEqual([
      { id: "ombudgetering", caption: "Ombudgetering", change: "added", unit: "tkr", fields: [], columns: [], rows: [] },
    ]);
    expect(added.documents[0]!.fields).toEqual([]);
  });
});
