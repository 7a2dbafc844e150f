/*
 * Seed 001's tables as test documents, shared by the tests of plan budget and plan diff.
 */

/** The columns of seed 001's Investeringar (line 796): the sum of budget and change, utfall, and avvikelse = summa − utfall. */
export const INVESTERINGAR_COLUMNS = `    columns:
      - { id: ursprung, kind: budget, year: 2016, label: Ursprungs budget 2016 }
      - { id: tillagg, kind: change, year: 2016, label: Tillägg/ ombudg 2016 }
      - { id: summa, kind: sum, year: 2016, of: [ursprung, tillagg], label: Summa Budget 2016 }
      - { id: utfall, kind: outcome, year: 2016 }
      - { id: avvikelse, kind: deviation, of: [summa, utfall] }
`;

/** Seed 001's Investeringar (lines 797–808), shortened to three of the six own rows: TN's total stated, the other totals left to be computed. In a budget document of the party `herrljunga-sn`. */
export const INVESTERINGAR = `---
kind: budget
title: Investeringar 2016
status: decided
organisation: herrljunga-sn
year: 2016
tables:
  - id: investeringar
    caption: Investeringar
    unit: tkr
${INVESTERINGAR_COLUMNS}    rows:
      - id: tn
        rows:
          - { label: Hagen etapp 3, values: [~, 1831, 1831, 3591, -1760] }
          - { label: Hagen etapp 4, values: [7510, ~, 7510, 0, 7510] }
        total: { label: S:a investeringar gm TN, values: [7510, 1831, 9341, 3591, 5750] }
      - id: egna
        rows:
          - { label: Inventarier, values: [400, 600, 1000, 426, 574] }
          - { id: mobillas, label: Mobillås, values: [1500, -1500, 0, ~, 0] }
          - { label: Arkiv, values: [~, ~, 0, 74, -74] }
        total: { label: S:a investeringar egna }
    total: { label: TOTALA INVESTERINGAR }
---
`;
