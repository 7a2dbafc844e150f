import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MoneyTableData } from "../src/rollup/money-tables.js";
import { spaces, tableByCaption } from "./helpers/html.js";
import { copyExamples, edit, run, tempDir, write } from "./helpers/repo.js";
import { INVESTERINGAR } from "./helpers/seed-tables.js";

/*
 * `plan budget` with the money tables of budget documents, plans and reports: every row and
 * figure in the table's unit, blank as blank, kronor in JSON, stated figures beside what their
 * terms give; and the region's roll-up of the tables' totals per organisation and year.
 */

const CONFIG = `organisation: herrljunga-sn
parties:
  - id: herrljunga-sn
    name: Socialnämnden, Herrljunga kommun
    type: nämnd
  - id: sjuharad
    name: Sjuhärads kommunalförbund
    type: förbund
`;

/** Seed 001's Ombudgetering investeringar, Sammanställning (lines 1227–1235): the deviation the other way, utfall − budget. */
const OMBUDGETERING = `---
kind: budget
title: Ombudgetering Investeringar 2016-12-31
status: decided
organisation: herrljunga-sn
year: 2016
tables:
  - id: sammanstallning   # seed 001, lines 1227–1235
    caption: Sammanställning
    unit: tkr
    stub: Projekt
    columns:
      - { id: ursprung, kind: budget, year: 2016, label: Ursprungsbudget 2016 }
      - { id: tillagg, kind: change, year: 2016, label: Tillägg/ombudg 2016 }
      - { id: summa, kind: sum, year: 2016, of: [ursprung, tillagg], label: Summa Budget 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [utfall, summa] }
      - { id: askat, kind: requested, year: 2017, label: Äskat till 2017 }
    rows:
      - { label: Inventarier, values: [400, 600, 1000, 426, -574, 0] }
      - { label: Mobillås, values: [1500, -1500, 0, 0, 0, 0] }
      - { label: Digitala larm, values: [600, -600, 0, 0, 0, 0] }
      - { label: Förstudie flytt korttids, values: [~, 100, 100, 0, -100, 0] }
      - { label: Hemgården, values: [~, 2650, 2650, 0, -2650, 2650] }
      - { label: Arkiv, values: [~, ~, 0, 74, 74, 0] }
    total: { label: TOTALT, values: [2500, 1250, 3750, 500, -3250, 2650] }
---
`;

/** Seed 001's Organisatorisk fördelning (lines 712–722), here in a budget document: Bokslut 2015's Summa verksamhet is 1 tkr more than its rows. */
const ORGANISATION = `---
kind: budget
title: Verksamhetsberättelse 2016, organisatorisk fördelning
status: decided
organisation: herrljunga-sn
year: 2016
tables:
  - id: organisatorisk   # seed 001, lines 712–722
    caption: Organisatorisk fördelning
    unit: tkr
    stub: RESULTAT NETTO
    perspective: cost
    columns:
      - { id: b2014, kind: final-accounts, year: 2014 }
      - { id: b2015, kind: final-accounts, year: 2015 }
      - { id: budget, kind: budget, year: 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [budget, utfall] }
    rows:
      - id: verksamhet
        rows:
          - { label: Nämnd, values: [437, 456, 922, 453, 469] }
          - { label: Förvaltningsledning, values: [9486, 9256, 11444, 8956, 2488] }
          - { label: Bistånd, values: [15169, 10790, 12620, 8357, 4263] }
          - { label: Vård och omsorg, values: [101086, 107702, 107945, 106887, 1058] }
          - { label: Socialt stöd, values: [52998, 51787, 53924, 52593, 1331] }
        total: { label: Summa verksamhet, values: [179176, 179992, 186855, 177246, 9609] }
      - { id: intakter, label: Intäkter, memo: true, side: income, values: [-42450, -49106, -70345, -68066, -2279] }
      - { id: kostnader, label: Kostnader, memo: true, side: cost, values: [221626, 229098, 257200, 245312, 11888] }
      - { label: Nettokostnad, add: [intakter, kostnader], values: [179176, 179992, 186855, 177246, 9609] }
    note: Budget 2016 inkl. tilläggsanslag
---
`;

/** Seed 003's Budget 2013 Medarbetarcentrum (lines 283–299): income and cost sides, no single total. */
const MEDARBETARCENTRUM = `---
kind: budget
title: Budget 2013
status: decided
organisation: sjuharad
year: 2013
tables:
  - id: medarbetarcentrum   # seed 003, lines 283–299
    caption: Budget 2013 Medarbetarcentrum
    unit: tkr
    perspective: sides
    columns:
      - { id: belopp, kind: budget, year: 2013, label: Belopp }
    rows:
      - id: intakter
        heading: INTÄKTER
        side: income
        rows:
          - { label: Medlemsavgift kommuner, values: [2045] }
          - { label: Ers utförda arb o tjänster, values: [350] }
          - { label: ESF-medel, values: [470] }
        total: { label: SUMMA INTÄKTER, values: [2865] }
      - id: kostnader
        heading: KOSTNADER
        side: cost
        rows:
          - { label: Personalkostnader, values: [2402] }
          - { label: Resekostnader, values: [35] }
          - { label: Lokalkostnader, values: [130] }
          - { label: Tjänsteköp, values: [20] }
          - { label: Övriga kostnader, values: [278] }
        total: { label: SUMMA KOSTNADER, values: [2865] }
---
`;

/** A repository of the four budget documents above. */
function budgetRepository(): string {
  const root = tempDir();
  write(root, "plan.config.yaml", CONFIG);
  mkdirSync(join(root, "herrljunga"));
  mkdirSync(join(root, "sjuharad"));
  write(root, "herrljunga/investeringar-2016.md", INVESTERINGAR);
  write(root, "herrljunga/ombudgetering-2016.md", OMBUDGETERING);
  write(root, "herrljunga/organisation-2016.md", ORGANISATION);
  write(root, "sjuharad/budget-2013.md", MEDARBETARCENTRUM);
  return root;
}

interface RollupJson {
  name: string;
  caption: string;
  columns: { key: string; label: string }[];
  rows: Record<string, unknown>[];
}

async function budgetJson(root: string) {
  const { code, stdout, stderr } = await run(["budget", ".", "--format", "json"], root);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const all = JSON.parse(stdout) as (RollupJson | MoneyTableData)[];
  const money = all.filter((t): t is MoneyTableData => "type" in t && t.type === "money-table");
  const rollups = all.filter((t): t is RollupJson => !("type" in t));
  return { money, rollups, table: (name: string) => money.find((t) => t.name === name)! };
}

/** The text output's lines, runs of spaces made single, so that column widths do not matter. */
const squeeze = (text: string) => text.split("\n").map((l) => l.replace(/ {2,}/g, "  ").trim());

const MINUS = "\u2212";

describe("plan budget: money tables", () => {
  it("JSON: every row of a table with its role and depth, each figure as shown in tkr and in kronor, blank as null", async () => {
    const { money, table } = await budgetJson(budgetRepository());
    // Every table of every document, by document id.
    expect(money.map((t) => t.name)).toEqual([
      "herrljunga-investeringar-2016-investeringar",
      "herrljunga-ombudgetering-2016-sammanstallning",
      "herrljunga-organisation-2016-organisatorisk",
      "sjuharad-budget-2013-medarbetarcentrum",
    ]);
    const inv = table("herrljunga-investeringar-2016-investeringar");
    expect(inv).toMatchObject({
      document: { id: "herrljunga/investeringar-2016", kind: "budget", title: "Investeringar 2016", path: "herrljunga/investeringar-2016.md" },
      table: "investeringar",
      caption: "Investeringar",
      unit: "tkr",
      kronorPerUnit: 1000,
    });
    expect(inv.columns.map((c) => c.label)).toEqual(["Ursprungs budget 2016", "Tillägg/ ombudg 2016", "Summa Budget 2016", "Utfall 2016", "Avvikelse"]);
    expect(inv.columns[4]).toEqual({ id: "avvikelse", kind: "deviation", label: "Avvikelse", of: ["summa", "utfall"] });
    expect(inv.rows.map((r) => [r.label, r.role, r.depth])).toEqual([
      ["Hagen etapp 3", "line", 1],
      ["Hagen etapp 4", "line", 1],
      ["S:a investeringar gm TN", "total", 0],
      ["Inventarier", "line", 1],
      ["Mobillås", "line", 1],
      ["Arkiv", "line", 1],
      ["S:a investeringar egna", "total", 0],
      ["TOTALA INVESTERINGAR", "total", 0],
    ]);
    const row = (label: string) => inv.rows.find((r) => r.label === label)!;
    // A blank cell is null, a 0 is 0; a negative figure keeps its sign.
    expect(row("Hagen etapp 3")).toMatchObject({ values: [null, 1831, 1831, 3591, -1760], kronor: [null, 1831000, 1831000, 3591000, -1760000] });
    expect(row("Mobillås")).toMatchObject({ id: "mobillas", values: [1500, -1500, 0, null, 0], kronor: [1500000, -1500000, 0, null, 0] });
    // Totals the document leaves to be computed are computed; the stated total of TN as stated.
    expect(row("S:a investeringar gm TN")).toMatchObject({ id: "tn", values: [7510, 1831, 9341, 3591, 5750] });
    expect(row("S:a investeringar egna")).toMatchObject({
      id: "egna",
      values: [1900, -900, 1000, 500, 500],
      kronor: [1900000, -900000, 1000000, 500000, 500000],
    });
    expect(row("TOTALA INVESTERINGAR").values).toEqual([9410, 931, 10341, 4091, 6250]);
    // Arkiv's Summa budget states 0 over a blank budget and a blank tillägg: both figures are given.
    expect(row("Arkiv").mismatches).toEqual([{ column: "summa", stated: 0, computed: null, statedKronor: 0, computedKronor: null }]);
    expect(inv.rows.filter((r) => r.mismatches).map((r) => r.label)).toEqual(["Arkiv"]);
  });

  it("JSON: a stated total 1 tkr off its rows gives both; memo and formula rows keep their roles; headings have no figures", async () => {
    const { table } = await budgetJson(budgetRepository());
    const org = table("herrljunga-organisation-2016-organisatorisk");
    expect(org).toMatchObject({ stub: "RESULTAT NETTO", perspective: "cost", note: "Budget 2016 inkl. tilläggsanslag" });
    expect(org.columns.map((c) => c.label)).toEqual(["Bokslut 2014", "Bokslut 2015", "Budget 2016", "Utfall 2016", "Avvikelse"]);
    const summa = org.rows.find((r) => r.label === "Summa verksamhet")!;
    expect(summa.mismatches).toEqual([{ column: "b2015", stated: 179992, computed: 179991, statedKronor: 179992000, computedKronor: 179991000 }]);
    expect(org.rows.filter((r) => r.mismatches).map((r) => r.label)).toEqual(["Summa verksamhet"]);
    expect(org.rows.find((r) => r.label === "Intäkter")).toMatchObject({
      id: "intakter",
      role: "memo",
      depth: 0,
      side: "income",
      values: [-42450, -49106, -70345, -68066, -2279],
    });
    expect(org.rows.find((r) => r.label === "Nettokostnad")).toMatchObject({ role: "formula", depth: 0, values: [179176, 179992, 186855, 177246, 9609] });
    const sides = table("sjuharad-budget-2013-medarbetarcentrum");
    expect(sides.rows[0]).toEqual({ label: "INTÄKTER", role: "heading", depth: 0, side: "income" });
    expect(sides.rows.find((r) => r.label === "SUMMA KOSTNADER")).toMatchObject({ id: "kostnader", role: "total", values: [2865], kronor: [2865000] });
  });

  it("text: the table as printed, in its unit, rows indented by depth, blank cells blank, a real minus, and both figures where they differ", async () => {
    const { code, stdout } = await run(["budget", "."], budgetRepository());
    expect(code).toBe(0);
    const lines = squeeze(stdout);
    const start = lines.indexOf("Investeringar 2016 (herrljunga/investeringar-2016): Investeringar (tkr)");
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toBe("Post  Ursprungs budget 2016  Tillägg/ ombudg 2016  Summa Budget 2016  Utfall 2016  Avvikelse  Radtyp");
    const table = lines.slice(start, lines.indexOf("", start));
    expect(table).toContain(`Hagen etapp 3  1 831  1 831  3 591  ${MINUS}1 760  rad`);
    expect(table).toContain(`Mobillås  1 500  ${MINUS}1 500  0  0  rad`);
    expect(table).toContain(`S:a investeringar egna  1 900  ${MINUS}900  1 000  500  500  summa`);
    expect(table).toContain(`TOTALA INVESTERINGAR  9 410  931  10 341  4 091  6 250  summa`);
    expect(table).toContain(`Arkiv  0*  74  ${MINUS}74  rad`);
    expect(table.at(-1)).toBe("* Arkiv, Summa Budget 2016: angivet 0 över tomma celler");
    // Depth as indentation: a line of a group two spaces in, its total at the table's edge.
    expect(stdout).toMatch(/\n {2}Hagen etapp 3 /);
    expect(stdout).toMatch(/\nS:a investeringar gm TN /);
    expect(lines).toContain("* Summa verksamhet, Bokslut 2015: angivet 179 992, beräknat 179 991");
    expect(lines).toContain(`Intäkter  ${MINUS}42 450  ${MINUS}49 106  ${MINUS}70 345  ${MINUS}68 066  ${MINUS}2 279  memorad`);
    expect(lines).toContain("Nettokostnad  179 176  179 992  186 855  177 246  9 609  formel");
    expect(lines).toContain("INTÄKTER  rubrik");
  });

  it("CSV: figures as plain integers in the table's unit, blank cells empty, each row's role and depth, and the figures that differ", async () => {
    const { code, stdout } = await run(["budget", ".", "--format", "csv"], budgetRepository());
    expect(code).toBe(0);
    expect(stdout.startsWith("\uFEFF")).toBe(true);
    const records = stdout.split("\r\n");
    const title = records.indexOf("Ombudgetering Investeringar 2016-12-31 (herrljunga/ombudgetering-2016): Sammanställning (tkr)");
    expect(title).toBeGreaterThan(0);
    expect(records.slice(title + 1, title + 9)).toEqual([
      "Projekt;Ursprungsbudget 2016;Tillägg/ombudg 2016;Summa Budget 2016;Utfall 2016;Avvikelse;Äskat till 2017;Radtyp;Nivå;Anmärkning",
      "Inventarier;400;600;1000;426;-574;0;rad;0;",
      "Mobillås;1500;-1500;0;0;0;0;rad;0;",
      "Digitala larm;600;-600;0;0;0;0;rad;0;",
      "Förstudie flytt korttids;;100;100;0;-100;0;rad;0;",
      "Hemgården;;2650;2650;0;-2650;2650;rad;0;",
      "Arkiv;;;0;74;74;0;rad;0;Summa Budget 2016: angivet 0 över tomma celler",
      "TOTALT;2500;1250;3750;500;-3250;2650;summa;0;",
    ]);
  });
});

describe("plan budget: the region's roll-up of the money tables per organisation and year", () => {
  it("each table's budget, outcome and deviation (budget − utfall) in kronor, with the unit the table is written in", async () => {
    const { rollups } = await budgetJson(budgetRepository());
    const region = rollups.find((t) => t.name === "budget-tables-per-organisation")!;
    expect(region.caption).toBe("Budgettabeller per organisation och år, i kronor");
    expect(region.columns.map((c) => c.label)).toEqual([
      "Organisation",
      "År",
      "Dokument",
      "Tabell",
      "Enhet",
      "Budget",
      "Utfall",
      `Avvikelse (budget ${MINUS} utfall)`,
    ]);
    expect(region.rows).toEqual([
      {
        organisation: "Socialnämnden, Herrljunga kommun",
        year: "2016",
        document: "Investeringar 2016",
        table: "Investeringar",
        unit: "tkr",
        // Summa Budget, which the deviation sets against the outcome, not the original budget.
        budget: 10341000,
        outcome: 4091000,
        deviation: 6250000,
      },
      {
        organisation: "Socialnämnden, Herrljunga kommun",
        year: "2016",
        document: "Ombudgetering Investeringar 2016-12-31",
        table: "Sammanställning",
        unit: "tkr",
        budget: 3750000,
        outcome: 500000,
        // The table states utfall − budget, −3 250 tkr: turned to read budget − utfall as the other rows do.
        deviation: 3250000,
      },
      {
        organisation: "Socialnämnden, Herrljunga kommun",
        year: "2016",
        document: "Verksamhetsberättelse 2016, organisatorisk fördelning",
        table: "Organisatorisk fördelning",
        unit: "tkr",
        // No table total: the one group's total, Summa verksamhet, stands for the table.
        budget: 186855000,
        outcome: 177246000,
        deviation: 9609000,
      },
    ]);
    // Sjuhärad's table of income and cost sides has no single total: it is not rolled up.
    expect(JSON.stringify(region.rows)).not.toContain("Sjuhärad");
  });

  it("a blank total stays blank; a table of two groups and no total is left out", async () => {
    const root = budgetRepository();
    // No utfall at all in Investeringar: the total's outcome is blank.
    edit(root, "herrljunga/investeringar-2016.md", "[~, 1831, 1831, 3591, -1760]", "[~, 1831, 1831, ~, ~]");
    edit(root, "herrljunga/investeringar-2016.md", "[7510, ~, 7510, 0, 7510]", "[7510, ~, 7510, ~, ~]");
    edit(root, "herrljunga/investeringar-2016.md", "[7510, 1831, 9341, 3591, 5750]", "[7510, 1831, 9341, ~, ~]");
    edit(root, "herrljunga/investeringar-2016.md", "[400, 600, 1000, 426, 574]", "[400, 600, 1000, ~, ~]");
    edit(root, "herrljunga/investeringar-2016.md", "[~, ~, 0, 74, -74]", "[~, ~, 0, ~, ~]");
    edit(root, "herrljunga/investeringar-2016.md", "[1500, -1500, 0, ~, 0]", "[1500, -1500, 0, ~, ~]");
    // As the table states it: no utfall, so no avvikelse (a deviation left to be computed would read the budget less nothing).
    edit(
      root,
      "herrljunga/investeringar-2016.md",
      "total: { label: TOTALA INVESTERINGAR }",
      "total: { label: TOTALA INVESTERINGAR, values: [9410, 931, 10341, ~, ~] }",
    );
    // The organisation table without its group's total row: still one group, its computed total stands for it.
    edit(root, "herrljunga/organisation-2016.md", "        total: { label: Summa verksamhet, values: [179176, 179992, 186855, 177246, 9609] }\n", "");
    // The Ombudgetering table without its total, in two groups: no figure the document gives.
    edit(root, "herrljunga/ombudgetering-2016.md", "    total: { label: TOTALT, values: [2500, 1250, 3750, 500, -3250, 2650] }\n", "");
    edit(root, "herrljunga/ombudgetering-2016.md", "    rows:\n      - { label: Inventarier,", "    rows:\n      - rows:\n        - { label: Inventarier,");
    edit(root, "herrljunga/ombudgetering-2016.md", "      - { label: Hemgården,", "      - rows:\n        - { label: Hemgården,");
    const { rollups } = await budgetJson(root);
    const region = rollups.find((t) => t.name === "budget-tables-per-organisation")!;
    expect(region.rows.map((r) => r["table"])).toEqual(["Investeringar", "Organisatorisk fördelning"]);
    expect(region.rows[0]).toMatchObject({ budget: 10341000 });
    // Blank, as every blank cell of plan budget's JSON: null, never 0.
    expect(region.rows[0]).toMatchObject({ outcome: null, deviation: null });
    expect(region.rows[1]).toMatchObject({ budget: 186855000, outcome: 177246000, deviation: 9609000 });
    const text = await run(["budget", "."], root);
    expect(squeeze(text.stdout)).toContain("Socialnämnden, Herrljunga kommun  2016  Investeringar 2016  Investeringar  tkr  10 341 000");
  });

  it("a report's table belongs to the municipality of its plan's agreement, beside the joint plans' roll-ups", async () => {
    const root = copyExamples();
    edit(
      root,
      "sjobacka/rapport-2019.md",
      "\ngoals:\n",
      `
tables:
  - id: ekonomi
    caption: Budget och utfall 2019
    unit: kr
    columns:
      - { id: budget, kind: budget, year: 2019 }
      - { id: utfall, kind: outcome, year: 2019 }
      - { id: avvikelse, kind: deviation, of: [budget, utfall] }
    rows:
      - { label: Föräldragrupper, values: [60000, 60000, 0] }
      - { label: Träffpunkter, values: [50000, 53500, -3500] }
    total: { label: Summa }

goals:
`,
    );
    const { rollups, table } = await budgetJson(root);
    expect(rollups.map((t) => t.name)).toEqual(expect.arrayContaining(["lerum-plan-2019-per-area", "hsn-vast-across-agreements"]));
    const region = rollups.at(-1)!;
    expect(region.name).toBe("budget-tables-per-organisation");
    // The shipped examples have the boards' tables too (Herrljunga, Sjuhärad); this is about the joint plan's report.
    expect(region.rows.filter((r) => r.organisation === "Sjöbacka kommun")).toMatchObject([
      {
        organisation: "Sjöbacka kommun",
        year: "2019",
        document: expect.stringContaining("Verksamhetsberättelse"),
        table: "Budget och utfall 2019",
        unit: "kr",
        budget: 110000,
        outcome: 113500,
        deviation: -3500,
      },
    ]);
    expect(table("sjobacka-rapport-2019-ekonomi").rows.at(-1)).toEqual({
      label: "Summa",
      role: "total",
      depth: 0,
      values: [110000, 113500, -3500],
      kronor: [110000, 113500, -3500],
    });
  });

  it("plan build: the roll-up's page and CSV in sammanstallningar, listed on the start page", async () => {
    const root = budgetRepository();
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--out", out, "--no-pdf"], root);
    expect(code, stderr).toBe(0);
    const page = readFileSync(join(out, "sammanstallningar/budget-tables-per-organisation.html"), "utf8");
    const rows = tableByCaption(page, "Budgettabeller per organisation och år").rows.map((r) => r.cells.map((c) => spaces(c.text)));
    expect(rows[0]).toEqual(["Organisation", "År", "Dokument", "Tabell", "Enhet", "Budget (kr)", "Utfall (kr)", `Avvikelse (budget ${MINUS} utfall) (kr)`]);
    expect(rows).toContainEqual([
      "Socialnämnden, Herrljunga kommun",
      "2016",
      "Ombudgetering Investeringar 2016-12-31",
      "Sammanställning",
      "tkr",
      "3 750 000",
      "500 000",
      "3 250 000",
    ]);
    const csv = readFileSync(join(out, "sammanstallningar/budget-tables-per-organisation.csv"), "utf8");
    expect(csv).toContain("Socialnämnden, Herrljunga kommun;2016;Investeringar 2016;Investeringar;tkr;10341000;4091000;6250000\r\n");
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("budget-tables-per-organisation.html");
  });
});
