import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, ofRule, only, show, type Finding } from "./helpers/findings.js";
import { edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";
import { INVESTERINGAR_COLUMNS } from "./helpers/seed-tables.js";

/*
 * The checks of money tables, on real tables of the seeds transcribed into small repositories:
 * Herrljunga socialnämnd's verksamhetsberättelse 2016 (seed 001) and Sjuhärads kommunalförbund's
 * budget 2013 (seed 003). Each finding is asserted with its rule, place, severity and figures, and
 * the tables that add up are asserted to give nothing.
 */

const CONFIG = `organisation: herrljunga-sn
parties:
  - id: herrljunga-sn
    name: Socialnämnden i Herrljunga kommun
    short: SN
    type: nämnd
  - id: sjuharad
    name: Sjuhärads kommunalförbund
    short: Förbundet
    type: förbund
`;

const budget = (organisation: string, year: number, tables: string) =>
  `---\nkind: budget\ntitle: Budget ${year}\nstatus: draft\norganisation: ${organisation}\nyear: ${year}\ntables:\n${tables}---\n`;

/** Seed 001, lines 797–808: Investeringar, two groups, negative reallocations, Arkiv with utfall and no budget. */
const INVESTERINGAR = `  - id: investeringar
    caption: Investeringar
    unit: tkr
    stub: RESULTAT NETTO
${INVESTERINGAR_COLUMNS}    rows:
      - id: tn
        rows:
          - { label: Hagen etapp 3, values: [~, 1831, 1831, 3591, -1760] }            # seed 001 line 798
          - { label: Hagen etapp 4, values: [7510, ~, 7510, 0, 7510] }                # 799
        total: { label: S:a investeringar gm TN, values: [7510, 1831, 9341, 3591, 5750] } # 800
      - id: egna
        rows:
          - { label: Inventarier, values: [400, 600, 1000, 426, 574] }                # 801
          - { label: Mobillås, values: [1500, -1500, 0, ~, 0] }                       # 802
          - { label: Digitala larm, values: [600, -600, 0, ~, 0] }                    # 803
          - { label: Förstudie flytt korttids, values: [~, 100, 100, ~, 100] }        # 804
          - { label: Hemgården, values: [~, 2650, 2650, ~, 2650] }                    # 805
          - { label: Arkiv, values: [~, ~, 0, 74, -74] }                              # 806
        total: { label: S:a investeringar egna, values: [2500, 1250, 3750, 500, 3250] } # 807
    total: { label: TOTALA INVESTERINGAR, values: [10010, 3081, 13091, 4091, 9000] } # 808
`;

const DRIFT_COLUMNS = `    columns:
      - { id: b2014, kind: final-accounts, year: 2014 }
      - { id: b2015, kind: final-accounts, year: 2015 }
      - { id: budget, kind: budget, year: 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [budget, utfall] }
`;

/** Seed 001, lines 700–710: Resultaträkning in the cost perspective, Nettokostnad and Resultat as formula rows. */
const RESULTATRAKNING = `  - id: resultatrakning
    caption: Resultaträkning
    unit: tkr
    stub: RESULTATRÄKNING
    perspective: cost
${DRIFT_COLUMNS}    rows:
      - id: intakter
        side: income
        rows:
          - { label: 1 Intäkter, values: [-42450, -49106, -70345, -68066, -2279] }                  # seed 001 line 701
        total: { label: Summa intäkter, values: [-42450, -49106, -70345, -68066, -2279] }           # 702
      - id: kostnader
        side: cost
        rows:
          - { label: 3 Personalkostnader, values: [142562, 152259, 165353, 162932, 2421] }          # 703
          - { label: "4 Lokalkostnader, energi, VA", values: [~, 13896, 19059, 16089, 2970] }       # 704
          - { label: 5 Övriga kostnader, values: [78525, 62667, 72540, 66171, 6369] }               # 705
          - { label: 6 Kapitalkostnad, values: [539, 276, 248, 121, 127] }                          # 706
        total: { label: Summa kostnader, values: [221626, 229098, 257200, 245312, 11888] }          # 707
      - { id: nettokostnad, label: Summa Nettokostnader, add: [intakter, kostnader], values: [179176, 179992, 186855, 177246, 9609] } # 708
      - { id: kommunbidrag, label: Kommunbidrag, side: financing, values: [175015, 181064, 186855, 186855, 0] } # 709
      - { id: resultat, label: Resultat, add: [kommunbidrag], subtract: [nettokostnad], values: [-4161, 1072, 0, 9609, 9609] } # 710
`;

/** Seed 001, lines 714–723: Organisatorisk fördelning, with the italic memo rows under Summa verksamhet. */
const ORGANISATORISK = `  - id: organisatorisk
    caption: Organisatorisk fördelning
    unit: tkr
    stub: RESULTAT NETTO
${DRIFT_COLUMNS}    rows:
      - id: verksamhet
        rows:
          - { label: Nämnd, values: [437, 456, 922, 453, 469] }                           # seed 001 line 715
          - { label: Förvaltningsledning, values: [9486, 9256, 11444, 8956, 2488] }       # 716
          - { label: Bistånd, values: [15169, 10790, 12620, 8357, 4263] }                 # 717
          - { label: Vård och omsorg, values: [101086, 107702, 107945, 106887, 1058] }    # 718
          - { label: Socialt stöd, values: [52998, 51787, 53924, 52593, 1331] }           # 719
        total: { label: Summa verksamhet, values: [179176, 179992, 186855, 177246, 9609] } # 720
      - { id: intakter, label: Intäkter, memo: true, values: [-42450, -49106, -70345, -68066, -2279] } # 721
      - { id: kostnader, label: Kostnader, memo: true, values: [221626, 229098, 257200, 245312, 11888] } # 722
      - { label: Nettokostnad, add: [intakter, kostnader], values: [179176, 179992, 186855, 177246, 9609] } # 723
`;

/** Seed 001, lines 729–739: Fördelning på verksamhet, a Summa verksamhet of 0 over a blank Bokslut 2014. */
const VERKSAMHET = `  - id: verksamhet
    caption: Fördelning på verksamhet
    unit: tkr
    stub: RESULTAT NETTO
${DRIFT_COLUMNS}    rows:
      - { label: Nämnd- och styrelseverksamhet, values: [~, 456, 922, 453, 469] }       # seed 001 line 730
      - { label: Miljö- och hälsoskydd, values: [~, 141, 108, 46, 62] }                 # 731
      - { label: Social verksamhet gemensamt, values: [~, 9934, 15885, 10895, 4990] }   # 732
      - { label: Vård och omsorg, values: [~, 111997, 110868, 109999, 869] }            # 733
      - { label: LSS, values: [~, 28473, 28999, 27082, 1917] }                          # 734
      - { label: Färdtjänst, values: [~, 2128, 2740, 1962, 778] }                       # 735
      - { label: IFO, values: [~, 25092, 24978, 24731, 247] }                           # 736
      - { label: Flyktningmottagande, values: [~, 0, 0, -4, 4] }                        # 737
      - { label: Arbetsmarknadsåtgärder, values: [~, 1771, 2355, 2082, 273] }           # 738
    total: { label: Summa verksamhet, values: [0, 179992, 186855, 177246, 9609] }       # 739
`;

/** Seed 003, lines 164–194: Budget 2013 Basverksamhet, income and costs in tkr, the extraordinary 545 outside SUMMA KOSTNADER. */
const BASVERKSAMHET = `  - id: basverksamhet
    caption: Budget 2013 Basverksamhet
    unit: tkr
    perspective: sides
    columns:
      - { id: budget, kind: budget, year: 2013, label: Belopp }
    rows:
      - heading: INTÄKTER
        side: income
        rows:
          - { label: Avgift från förbundsmedlemmar, values: [16494] }   # seed 003 line 168
          - { label: Ers utförda arb o tjänster, values: [133] }        # 169
          - { label: Fakturerade konferenskostnader, values: [20] }     # 170
          - { label: Fakturerade hyror internt, values: [550] }         # 171
          - { label: Fakturerade datakostn internt, values: [88] }      # 172
          - { label: Fakturerade adm kostn internt, values: [522] }     # 173
          - { label: Bidrag AF, values: [159] }                         # 174
          - { label: Övr.soc o andra avg enl lag/av, values: [295] }    # 175
          - { label: Ränteintäkter, values: [700] }                     # 176
        total: { label: SUMMA INTÄKTER, values: [18961] }               # 177
      - heading: KOSTNADER
        side: cost
        rows:
          - rows:
              - { label: Personalkostnader, values: [7022] }                     # 181
              - { label: Lokalkostnader, values: [974] }                         # 182
              - { label: Resekostnader, values: [200] }                          # 183
              - { label: Tjänsteköp, values: [165] }                             # 184
              - { label: Avgift Västkom, values: [410] }                         # 185
              - { label: Pensionskostnader, values: [995] }                      # 186
              - { label: Kostnad förtroendevalda, values: [400] }                # 187
              - { label: Särskilda kommuninsatser (1 kr/inv), values: [211] }    # 188
              - { label: Tillväxtmedel, values: [8000] }                         # 189
              - { label: Summa övriga kostnader, values: [584] }                 # 190
            total: { label: SUMMA KOSTNADER, values: [18961] }                   # 191
          - { label: "Flyttkostn, byte IT-system, ny logga", values: [545] }     # 193
        total: { label: SUMMA KOSTNADER TOTALT, values: [19506] }                # 194
`;

const FILE = "budget.md";

/** A repository of the configuration and one budget document holding `tables`. */
function repo(tables: string, organisation = "herrljunga-sn", year = 2016): string {
  const root = tempDir();
  write(root, "plan.config.yaml", CONFIG);
  write(root, FILE, budget(organisation, year, tables));
  return root;
}

/** Where the `cell`-th cell (from 0) of the values on the line containing `text` starts: its line and column, 1-based. */
function cellAt(root: string, text: string, cell: number): { line: number; column: number } {
  const line = lineOf(root, FILE, text);
  const source = read(root, FILE).split("\n")[line - 1]!;
  const open = source.indexOf("values: [") + "values: [".length;
  const items = source.slice(open, source.indexOf("]", open)).split(",");
  let column = open;
  for (let i = 0; i < cell; i++) column += items[i]!.length + 1;
  column += items[cell]!.length - items[cell]!.trimStart().length;
  return { line, column: column + 1 };
}

/** Where `text` first stands in the budget: its line and column, 1-based. */
function textAt(root: string, text: string): { line: number; column: number } {
  const line = lineOf(root, FILE, text);
  return { line, column: read(root, FILE).split("\n")[line - 1]!.indexOf(text) + 1 };
}

/** The findings, failing with the whole list when they are not exactly `expected` (in any order). */
function exactly(found: Finding[], expected: ReturnType<typeof expect.objectContaining>[]) {
  expect(found, found.map(show).join("\n")).toHaveLength(expected.length);
  expect(found).toEqual(expect.arrayContaining(expected));
}

describe("money tables: the seed's Investeringar (Herrljunga socialnämnd 2016)", () => {
  it("gives exactly the blank-stated warning on Arkiv's Summa budget (0 over a blank budget and a blank tillägg), and nothing else", async () => {
    const root = repo(INVESTERINGAR);
    const { code, findings } = await checkJson(root);
    exactly(findings, [
      expect.objectContaining({
        rule: "money/blank-stated",
        file: FILE,
        ...cellAt(root, "label: Arkiv", 2),
        severity: "warning",
        message:
          '"Arkiv", Summa Budget 2016: the table states 0 tkr, but Ursprungs budget 2016 and Tillägg/ ombudg 2016 are blank on this row, and blank is not 0.',
        fix: "Leave the cell blank (`~`), or write the figures of Ursprungs budget 2016 and Tillägg/ ombudg 2016.",
      }),
    ]);
    expect(code).toBe(0);
  });

  it("a changed utfall (Hagen etapp 4: 0 → 10) is an error at the figures that no longer agree: its avvikelse and the group's utfall", async () => {
    const root = repo(INVESTERINGAR);
    edit(root, FILE, "values: [7510, ~, 7510, 0, 7510]", "values: [7510, ~, 7510, 10, 7510]");
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    exactly(ofRule(findings, "money/stated-total"), [
      expect.objectContaining({
        ...cellAt(root, "label: Hagen etapp 4", 4),
        severity: "error",
        message:
          '"Hagen etapp 4", Avvikelse: Summa Budget 2016 − Utfall 2016 gives 7 500 tkr (7 510 − 10), the table states 7 510 tkr (difference +10 tkr, more than the ±1 tkr that the rounding of 2 figures printed in whole tkr allows). Avvikelse = Summa Budget 2016 − Utfall 2016, as the table declares in `of`.',
        fix: "Write `7500`, or correct Summa Budget 2016 or Utfall 2016. If the table takes every deviation the other way, declare `of: [utfall, summa]`.",
      }),
      expect.objectContaining({
        ...cellAt(root, "label: S:a investeringar gm TN", 3),
        severity: "error",
        message:
          '"S:a investeringar gm TN", Utfall 2016: the rows sum to 3 601 tkr (3 591 + 10), the table states 3 591 tkr (difference −10 tkr, more than the ±1 tkr that the rounding of 2 rows printed in whole tkr allows).',
        fix: "Write `3601`, or correct the row that is wrong.",
      }),
    ]);
    // TOTALA INVESTERINGAR adds the groups' totals as printed, and they still give 4 091.
    expect(findings.filter((f) => f.line === lineOf(root, FILE, "TOTALA INVESTERINGAR"))).toEqual([]);
  });
});

describe("money/stated-total", () => {
  it("the seed's ±1 tkr residue in Organisatorisk fördelning is a warning naming both figures, at the stated figure; nothing on the rows, memo rows and formula that agree", async () => {
    const root = repo(ORGANISATORISK);
    const { code, findings } = await checkJson(root);
    exactly(findings, [
      expect.objectContaining({
        rule: "money/stated-total",
        file: FILE,
        ...cellAt(root, "label: Summa verksamhet", 1),
        severity: "warning",
        message:
          '"Summa verksamhet", Bokslut 2015: the rows sum to 179 991 tkr, the table states 179 992 tkr (difference +1 tkr, within the rounding of 5 rows printed in whole tkr).',
      }),
    ]);
    expect(code).toBe(0);
  });

  const twoRows = (unit: string, total: number) => `  - id: t
    caption: Två rader
    unit: ${unit}
    columns:
      - { id: budget, kind: budget, year: 2016 }
    rows:
      - { label: A, values: [100] }
      - { label: B, values: [200] }
    total: { label: Summa, values: [${total}] }
`;

  it("a residue of 1 tkr over 2 rows is a warning; of 5 tkr an error with the parts; in kronor 1 kr is an error (kr is exact)", async () => {
    const residue = repo(twoRows("tkr", 301));
    expect((await checkJson(residue)).findings).toEqual([
      expect.objectContaining({
        rule: "money/stated-total",
        ...cellAt(residue, "label: Summa", 0),
        severity: "warning",
        message:
          '"Summa", Budget 2016: the rows sum to 300 tkr, the table states 301 tkr (difference +1 tkr, within the rounding of 2 rows printed in whole tkr).',
      }),
    ]);
    const beyond = repo(twoRows("tkr", 305));
    const { code, findings } = await checkJson(beyond);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "money/stated-total",
        ...cellAt(beyond, "label: Summa", 0),
        severity: "error",
        message:
          '"Summa", Budget 2016: the rows sum to 300 tkr (100 + 200), the table states 305 tkr (difference +5 tkr, more than the ±1 tkr that the rounding of 2 rows printed in whole tkr allows).',
        fix: "Write `300`, or correct the row that is wrong.",
      }),
    ]);
    const kronor = repo(twoRows("kr", 301));
    expect((await checkJson(kronor)).findings).toEqual([
      expect.objectContaining({
        rule: "money/stated-total",
        severity: "error",
        message: '"Summa", Budget 2016: the rows sum to 300 kr (100 + 200), the table states 301 kr (difference +1 kr).',
      }),
    ]);
  });

  it("a long list of parts is only counted", async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `      - { label: R${i}, values: [${i + 1}] }\n`).join("");
    const root = repo(`  - id: t
    caption: Nio rader
    unit: kr
    columns:
      - { id: budget, kind: budget, year: 2016 }
    rows:
${rows}    total: { label: Summa, values: [50] }
`);
    expect(only((await checkJson(root)).findings, "money/stated-total").message).toBe(
      '"Summa", Budget 2016: the rows sum to 45 kr (9 figures), the table states 50 kr (difference +5 kr).',
    );
  });

  it("the seed's Resultaträkning: Nettokostnad and Resultat = Kommunbidrag − Nettokostnad agree in every amount column; the seed's own residue and its Resultat avvikelse (utfall − budget against the declared budget − utfall) are found", async () => {
    const root = repo(RESULTATRAKNING);
    const { findings } = await checkJson(root);
    exactly(findings, [
      // 162 932 + 16 089 + 66 171 + 121 = 245 313, printed 245 312.
      expect.objectContaining({
        rule: "money/stated-total",
        ...cellAt(root, "label: Summa kostnader", 3),
        severity: "warning",
        message:
          '"Summa kostnader", Utfall 2016: the rows sum to 245 313 tkr, the table states 245 312 tkr (difference −1 tkr, within the rounding of 4 rows printed in whole tkr).',
      }),
      expect.objectContaining({
        rule: "money/stated-total",
        ...cellAt(root, "label: Resultat", 4),
        severity: "error",
        message:
          '"Resultat", Avvikelse: Budget 2016 − Utfall 2016 gives −9 609 tkr (0 − 9 609), the table states 9 609 tkr (difference +19 218 tkr, more than the ±1 tkr that the rounding of 2 figures printed in whole tkr allows). Avvikelse = Budget 2016 − Utfall 2016, as the table declares in `of`.',
        fix: "Write `-9609`, or correct Budget 2016 or Utfall 2016. If the table takes every deviation the other way, declare `of: [utfall, budget]`.",
      }),
    ]);
  });

  it("a changed Kommunbidrag makes Resultat an error with the formula and its figures", async () => {
    const root = repo(RESULTATRAKNING);
    edit(root, FILE, "values: [175015, 181064,", "values: [175015, 181074,");
    const { findings } = await checkJson(root);
    expect(ofRule(findings, "money/stated-total")).toContainEqual(
      expect.objectContaining({
        ...cellAt(root, "label: Resultat", 1),
        severity: "error",
        message:
          '"Resultat", Bokslut 2015: Kommunbidrag − Summa Nettokostnader gives 1 082 tkr (181 074 − 179 992), the table states 1 072 tkr (difference −10 tkr, more than the ±1 tkr that the rounding of 2 rows printed in whole tkr allows).',
        fix: "Write `1082`, or correct the rows it adds and subtracts.",
      }),
    );
  });

  it("a formula over groups that print no total names them by their ids", async () => {
    const root = repo(`  - id: t
    caption: Netto
    unit: kr
    perspective: sides
    columns:
      - { id: budget, kind: budget, year: 2016 }
    rows:
      - { id: intakter, side: income, rows: [{ label: Bidrag, values: [1000] }] }
      - { id: kostnader, side: cost, rows: [{ label: Personal, values: [900] }] }
      - { label: Netto, add: [intakter], subtract: [kostnader], values: [200] }
`);
    expect(only((await checkJson(root)).findings, "money/stated-total")).toMatchObject({
      ...cellAt(root, "label: Netto", 0),
      severity: "error",
      message: '"Netto", Budget 2016: intakter − kostnader gives 100 kr (1 000 − 900), the table states 200 kr (difference +100 kr).',
      fix: "Write `100`, or correct the rows it adds and subtracts.",
    });
  });
});

describe("money/blank-stated", () => {
  it("the seed's Summa verksamhet 0 over an all-blank Bokslut 2014 column is a warning at the 0; the other columns agree", async () => {
    const root = repo(VERKSAMHET);
    const { code, findings } = await checkJson(root);
    exactly(findings, [
      expect.objectContaining({
        rule: "money/blank-stated",
        file: FILE,
        ...cellAt(root, "label: Summa verksamhet", 0),
        severity: "warning",
        message: '"Summa verksamhet", Bokslut 2014: the table states 0 tkr, but all 9 rows it sums are blank there, and blank is not 0.',
        fix: "Leave the total blank (`~`), or write the rows' figures.",
      }),
    ]);
    expect(code).toBe(0);
  });
});

describe("money/sign", () => {
  it("in the cost perspective: income written positive and a cost written negative, in amount columns; changes and deviations may be negative; the side comes from the group", async () => {
    const root = repo(`  - id: t
    caption: Drift
    unit: tkr
    perspective: cost
    columns:
      - { id: budget, kind: budget, year: 2016 }
      - { id: tillagg, kind: change, year: 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [budget, utfall] }
    rows:
      - side: income
        rows:
          - { label: Avgifter, values: [-500, -20, -480, -20] }
          - { label: Bidrag, values: [300, ~, 310, -10] }
      - side: cost
        rows:
          - { label: Personal, values: [1000, -50, -5, 1005] }
`);
    const { findings } = await checkJson(root);
    exactly(ofRule(findings, "money/sign"), [
      expect.objectContaining({
        ...cellAt(root, "label: Bidrag", 0),
        severity: "warning",
        message: '"Bidrag" is on the income side, which the cost perspective writes negative, but Budget 2016 says 300 tkr and Utfall 2016 says 310 tkr.',
        fix: "Write revenues negative (`-300`), or put the row on the `cost` side if it is a cost; if the table writes income positive, declare `perspective: sides`.",
      }),
      expect.objectContaining({
        ...cellAt(root, "label: Personal", 2),
        severity: "warning",
        message: '"Personal" is on the cost side, which the cost perspective writes positive, but Utfall 2016 says −5 tkr.',
      }),
    ]);
  });

  it("with `perspective: sides`: a negative amount on any side; none without a declared perspective", async () => {
    const table = (perspective: string) => `  - id: t
    caption: Drift
    unit: kr
${perspective}    columns:
      - { id: budget, kind: budget, year: 2016 }
      - { id: tillagg, kind: change, year: 2016 }
    rows:
      - { label: Bidrag, side: income, values: [1000, -100] }
      - { label: Återbetalning, side: financing, values: [-200, ~] }
`;
    const sides = repo(table("    perspective: sides\n"));
    expect(ofRule((await checkJson(sides)).findings, "money/sign")).toEqual([
      expect.objectContaining({
        ...cellAt(sides, "label: Återbetalning", 0),
        message: '"Återbetalning" is on the financing side, which `perspective: sides` writes positive, but Budget 2016 says −200 kr.',
      }),
    ]);
    expect(ofRule((await checkJson(repo(table("")))).findings, "money/sign")).toEqual([]);
  });
});

describe("money/unbalanced and the computed result", () => {
  it("Sjuhärad's budget 2013: costs 545 tkr above income with no financing row is a warning at SUMMA KOSTNADER TOTALT, and the only finding", async () => {
    const root = repo(BASVERKSAMHET, "sjuharad", 2013);
    const { code, findings } = await checkJson(root);
    exactly(findings, [
      expect.objectContaining({
        rule: "money/unbalanced",
        file: FILE,
        ...cellAt(root, "label: SUMMA KOSTNADER TOTALT", 0),
        severity: "warning",
        message:
          '"Budget 2013 Basverksamhet", Belopp: SUMMA KOSTNADER TOTALT 19 506 tkr is 545 tkr more than the income, 18 961 tkr; no row finances the difference, and the table states no result.',
        fix: "Add a row on the `financing` side that covers the 545 tkr (the use of equity, a contribution), or lower the costs; a formula row can state the result.",
      }),
    ]);
    expect(code).toBe(0);
  });

  it("a row on the financing side that covers the difference leaves nothing to say", async () => {
    const root = repo(`${BASVERKSAMHET}      - { label: Ianspråktagande av eget kapital, side: financing, values: [545] }\n`, "sjuharad", 2013);
    expect((await checkJson(root)).findings).toEqual([]);
  });

  it("a table in the cost perspective whose Resultat states the result says nothing of balance (Kommunbidrag finances it)", async () => {
    const { findings } = await checkJson(repo(RESULTATRAKNING));
    expect(ofRule(findings, "money/unbalanced")).toEqual([]);
  });

  it("the built page prints the computed result under a table with sides that states none, with a real minus; not under one that states it, nor one without sides", async () => {
    const root = tempDir();
    write(root, "plan.config.yaml", CONFIG);
    mkdirSync(join(root, "sjuharad"));
    mkdirSync(join(root, "herrljunga"));
    write(root, "sjuharad/budget-2013.md", budget("sjuharad", 2013, BASVERKSAMHET));
    write(root, "herrljunga/drift-2016.md", budget("herrljunga-sn", 2016, ORGANISATORISK));
    write(root, "herrljunga/investeringar-2016.md", budget("herrljunga-sn", 2016, INVESTERINGAR));
    // The Resultaträkning with its Resultat row (its avvikelse taken budget − utfall, as the table declares, so that it builds), and without it.
    const resultat = "      - { id: resultat, label: Resultat, add: [kommunbidrag], subtract: [nettokostnad], values: [-4161, 1072, 0, 9609, 9609] } # 710\n";
    expect(RESULTATRAKNING).toContain(resultat);
    write(
      root,
      "herrljunga/resultat-2016.md",
      budget("herrljunga-sn", 2016, RESULTATRAKNING.replace(resultat, resultat.replace("9609, 9609]", "9609, -9609]"))),
    );
    write(root, "herrljunga/utan-resultat-2016.md", budget("herrljunga-sn", 2016, RESULTATRAKNING.replace(resultat, "")));
    const out = tempDir();
    const { code, stderr } = await run(["build", ".", "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const page = read(out, "sjuharad/budget-2013.html");
    expect(page).toMatch(
      /<tr class="total"><th scope="row">SUMMA KOSTNADER TOTALT<\/th><td class="num">19\u202F506<\/td><\/tr>\s*<tr class="total"><th scope="row">Resultat \(intäkter och finansiering minus kostnader\)<\/th><td class="num">\u2212545<\/td><\/tr>/,
    );
    // In the cost perspective: −(income and cost lines) + Kommunbidrag, the figures the seed's Resultat states (line 710).
    const computed = read(out, "herrljunga/utan-resultat-2016.html").match(
      /Resultat \(intäkter och finansiering minus kostnader\)<\/th>((?:<td[^>]*>[^<]*<\/td>)*)/,
    );
    expect(computed?.[1]?.match(/(?<=>)[^<]*(?=<\/td>)/g)).toEqual(["\u22124\u202F161", "1\u202F072", "0", "9\u202F609", "\u22129\u202F609"]);
    // The page of a table that states its result, and those of tables without sides: their tables, and no computed row.
    for (const [other, last] of [
      ["herrljunga/resultat-2016.html", "Resultat"],
      ["herrljunga/drift-2016.html", "Nettokostnad"],
      ["herrljunga/investeringar-2016.html", "TOTALA INVESTERINGAR"],
    ] as const) {
      expect(read(out, other)).toContain(`<th scope="row">${last}</th>`);
      expect(read(out, other)).not.toContain("Resultat (intäkter och finansiering minus kostnader)");
    }
  });
});

describe("money/table-shape", () => {
  it("a row with a cell too few and a deviation of an unknown column, each an error at its place", async () => {
    const root = repo(`  - id: t
    caption: Fel
    unit: tkr
    columns:
      - { id: budget, kind: budget, year: 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [budget, utfal] }
    rows:
      - { label: Nämnd, values: [922, 453] }
`);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    exactly(ofRule(findings, "money/table-shape"), [
      expect.objectContaining({
        line: lineOf(root, FILE, "label: Nämnd"),
        severity: "error",
        message: "The row has 2 cells, but the table has 3 columns (budget, utfall, avvikelse).",
        fix: "Write one cell per column, `~` for a blank one.",
      }),
      expect.objectContaining({
        ...textAt(root, "utfal]"),
        severity: "error",
        message: "`of` names the column `utfal`, which the table does not have.",
      }),
    ]);
  });
});

describe("a second reading's cases: what the checks say of shapes, sides and financing", () => {
  const SIGNED = `    unit: tkr
    columns:
      - { id: budget, kind: budget, year: 2016 }
`;

  it("sides without a perspective, a column id and a row id given twice: shape errors at their places, and no sums that would mislead", async () => {
    const root = repo(`  - id: t
    caption: Utan perspektiv
${SIGNED}    rows:
      - { id: x, label: Intäkter, side: income, values: [-1000] }
      - { id: x, label: Kostnader, side: cost, values: [900] }
      - { label: Netto, add: [x], values: [5] }
  - id: u
    caption: Två kolumner
    unit: tkr
    columns:
      - { id: b, kind: budget, year: 2016 }
      - { id: b, kind: outcome, year: 2016 }
    rows:
      - { label: A, values: [1, 2] }
`);
    const { findings } = await checkJson(root);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual([
      `${textAt(root, "Utan perspektiv").line}:14 error money/table-shape`,
      `${lineOf(root, FILE, "label: Kostnader")}:15 error money/table-shape`,
      `${lineOf(root, FILE, "{ id: b, kind: outcome")}:15 error money/table-shape`,
    ]);
    expect(findings[0]!.message).toContain("declares no `perspective`");
    expect(findings[1]!.message).toBe("Another row or group of the table already has the id `x`.");
    expect(findings[2]!.message).toBe("Another column of the table already has the id `b`.");
  });

  it("in the cost perspective financing is positive, and a financing row that does not cover the costs leaves the deficit told", async () => {
    const root = repo(`  - id: t
    caption: Kostnadsperspektiv
    perspective: cost
${SIGNED}    rows:
      - { label: Intäkter, side: income, values: [-1000] }
      - { label: Kostnader, side: cost, values: [1500] }
      - { label: Kommunbidrag, side: financing, values: [-1] }
`);
    const { findings } = await checkJson(root);
    expect(only(findings, "money/sign")).toMatchObject({
      line: lineOf(root, FILE, "label: Kommunbidrag"),
      severity: "warning",
      message: '"Kommunbidrag" is on the financing side, which the cost perspective writes positive, but Budget 2016 says −1 tkr.',
    });
    expect(only(findings, "money/unbalanced").message).toBe(
      '"Kostnadsperspektiv", Budget 2016: the costs, 1 500 tkr, are 501 tkr more than the income and financing, 999 tkr; the financing rows do not cover the difference, and the table states no result.',
    );
  });

  it("a group without rows and a figure beyond the largest a table holds are refused at their places", async () => {
    const root = repo(`  - id: t
    caption: Tom
${SIGNED}    rows:
      - { label: Stor, values: [10000000000] }
      - id: g
        rows: []
        total: { label: G, values: [500] }
`);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(only(findings, "money/table-amount")).toMatchObject({
      ...textAt(root, "10000000000"),
      message: "`tables[0].rows[0].values[0]` is above the largest figure a table holds, 9 007 199 254 tkr either way; found 10 000 000 000.",
    });
    expect(only(findings, "schema/range")).toMatchObject({ line: lineOf(root, FILE, "rows: []") });
  });
});

describe("money/sum-range on money tables", () => {
  it("figures that add up beyond what kronor hold exactly are an error at the figure that takes them there, so that budget and build never see them", async () => {
    const root = repo(`  - id: t
    caption: Stor
    unit: mnkr
    columns:
      - { id: b, kind: budget, year: 2016 }
    rows:
      - { label: A, values: [9000000000] }
      - { label: B, values: [9000000000] }
    total: { label: S }
`);
    const { code, findings } = await checkJson(root);
    expect(code).toBe(1);
    expect(only(findings, "money/sum-range")).toMatchObject({
      line: lineOf(root, FILE, "label: B"),
      message: 'With this figure, the table "Stor" adds up to more than 9 007 199 254 740 991 kr, the largest sum that can be added and shown exactly.',
    });
    expect((await run(["budget", "."], root)).code).toBe(1);
  });
});
