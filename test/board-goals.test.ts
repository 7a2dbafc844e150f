import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFigure, assessValue, formatMeasure, tolerance, type Measure } from "../src/model/measure.js";
import { say } from "../src/format/message.js";
import { checkJson, ofRule, only } from "./helpers/findings.js";
import { spaces, tables, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf, read, run, tempDir, write } from "./helpers/repo.js";

/** What these tests use of the examples: Herrljunga's and Lerum's documents, with the configuration and data/. */
const PART = { only: ["herrljunga", "lerum"] };

/*
 * A board's goals in its verksamhetsberättelse (Herrljunga socialnämnd 2016, seed 001): goal ids
 * as 6:1, kommunfullmäktige's goals above the board's, indicators as the annex writes them, the
 * status computed from them, del 1 and del 2.
 */

const REPORT = "herrljunga/verksamhetsberattelse-2016.md";

/** A board's report without parts: a target range, a target close to a value, a year split by sex, two values under one goal. */
const VB_2019 = [
  "---",
  "kind: report",
  "title: Verksamhetsberättelse 2019",
  "organisation: herrljunga-sn",
  "year: 2019",
  "councilGoals:",
  '  - { id: "1", title: Ett gott liv }',
  "goals:",
  '  - goal: "1:1"',
  "    title: Fler kvinnor och män i arbete",
  "    status: not-met",
  "    indicators:",
  "      - title: Antal personer till egen försörjning",
  "        unit: count",
  "        direction: higher-is-better",
  "        values: [{ year: 2018, total: 4 }, { year: 2019, total: 7 }]",
  "        targets: [{ year: 2019, value: 5-10 }]",
  '  - goal: "1:2"',
  "    title: Budget i balans",
  "    status: met",
  "    indicators:",
  "      - title: Avvikelse från driftbudget",
  "        unit: percent",
  "        direction: higher-is-better",
  '        values: [{ year: 2019, total: "-1,5 %" }]',
  "        targets: [{ year: 2019, value: ca 0 % }]",
  '  - goal: "1:3"',
  "    title: Nöjda kvinnor och män",
  "    status: met",
  "    indicators:",
  "      - title: Andel nöjda",
  "        unit: percent",
  "        direction: higher-is-better",
  "        # 2018 only as a total; 2019 split by sex.",
  "        values: [{ year: 2018, total: 80% }, { year: 2019, women: 92%, men: 84% }]",
  "        targets: [{ year: 2019, value: 90% }]",
  '  - goal: "2:1"',
  "    title: Delaktighet",
  "    status: met",
  "    indicators:",
  "      - title: Delaktighet i utförande och tid",
  "        unit: percent",
  "        direction: higher-is-better",
  "        values: [{ year: 2019, parts: [{ label: utförande, value: 86% }, { label: tid, value: 88% }] }]",
  "        targets: [{ year: 2019, value: 85% }]",
  "---",
  "",
].join("\n");

const columnOf = (root: string, file: string, line: number, text: string) => read(root, file).split("\n")[line - 1]!.indexOf(text) + 1;

const measure = (written: string | number, target = false, percent = true): Measure => {
  const parsed = parseFigure(written, { target, percent });
  if (!parsed.ok) throw new Error(say(parsed.reason, "en"));
  return parsed.measure;
};
const point = (written: string | number) => {
  const m = measure(written);
  if (m.kind !== "point") throw new Error("not a point");
  return m.value;
};

describe("figures as the report writes them", () => {
  it("are read as exact decimals, with sign, range and 'close to', and printed back in Swedish", () => {
    expect(formatMeasure(measure("-2,4%"), true)).toBe("\u22122,4\u00A0%");
    expect(formatMeasure(measure("−2,4 %"), true)).toBe("\u22122,4\u00A0%");
    expect(formatMeasure(measure("+5%"), true)).toBe("+5\u00A0%");
    expect(formatMeasure(measure("5-10", false, false), false)).toBe("5–10");
    expect(formatMeasure(measure("ca 0 %", true), true)).toBe("ca 0\u00A0%");
    expect(formatMeasure(measure("1 000 000", false, false), false)).toBe("1\u202F000\u202F000");
    expect(formatMeasure(measure(-2.4), true)).toBe("\u22122,4\u00A0%");
    // 0,1 + 0,2 is 0,3 exactly, as no float would have it: a value of 0,3 meets a target of 0,3.
    expect(point("0,1").units + point("0,2").units).toBe(point("0,3").units);
    expect(assessValue(point(0.3), measure("0,3", true), "higher-is-better", undefined)).toBe("met");
  });

  it("are refused with the reason and the fix where they are malformed", () => {
    const refused = (written: string, target = false, percent = true) => {
      const parsed = parseFigure(written, { target, percent });
      if (parsed.ok) throw new Error(`${written} was read`);
      return `${say(parsed.reason, "en")} | ${say(parsed.fix, "en")}`;
    };
    expect(refused("95.5%")).toBe('"95.5%" has a decimal point | Write a decimal comma: "95,5%" (or the number without quotes).');
    expect(refused("10-5", false, false)).toBe('The range "10-5" does not go from a lower to a higher value | Write the lower value first, e.g. `5-10`.');
    expect(refused("ca 86 %")).toContain("is a value to come close to, which only a target can be");
    expect(refused("14 %", false, false)).toContain("is a share (%), but the indicator's unit is not `percent`");
    expect(refused("många")).toContain('"många" is not a figure in the report\'s notation');
    expect(refused("0,00001")).toContain("more than 4 decimals");
  });

  it("meet a target by its direction, a range by its better end, 'close to' within 5 % and one unit of the last digit", () => {
    const higher = "higher-is-better" as const;
    const lower = "lower-is-better" as const;
    expect(assessValue(point("95"), measure("100", true), higher, point("70"))).toBe("partly-met");
    expect(assessValue(point("92"), measure("100", true), higher, point("93"))).toBe("not-met");
    expect(assessValue(point("8,2"), measure("5,5", true), lower, point("6,9"))).toBe("not-met");
    expect(assessValue(point("18"), measure("10", true), lower, point("44"))).toBe("partly-met");
    // A range: within it or beyond its better end meets it.
    expect(assessValue(point("14"), measure("5-10", true, false), higher, undefined)).toBe("met");
    expect(assessValue(point("7"), measure("5-10", true, false), higher, undefined)).toBe("met");
    expect(assessValue(point("4"), measure("5-10", true, false), higher, point("3"))).toBe("partly-met");
    expect(assessValue(point("11"), measure("5-10", true, false), lower, undefined)).toBe("not-met");
    // Close to: `ca 0 %` within 1 (its last digit), `nära 90 %` within 4,5 (5 %).
    expect(tolerance(point("0"))).toBe(10000n);
    expect(tolerance(point("90"))).toBe(45000n);
    expect(assessValue(point("+1"), measure("ca 0 %", true), higher, undefined)).toBe("met");
    expect(assessValue(point("-1,1"), measure("ca 0 %", true), higher, undefined)).toBe("not-met");
    expect(assessValue(point("85,5"), measure("nära 90 %", true), higher, undefined)).toBe("met");
    expect(assessValue(point("85,4"), measure("nära 90 %", true), higher, point("80"))).toBe("partly-met");
  });
});

describe("plan check: a board's goals", () => {
  it("warns at both places where one goal text has two ids (6:3 in del 1, 6:2 in del 2)", async () => {
    const root = copyExamples(PART);
    const { code, errors, findings } = await checkJson(root);
    expect(code).toBe(0);
    expect(errors).toBe(0);
    const same = ofRule(findings, "goal/same-text");
    const first = lineOf(root, REPORT, "title: Antalet medarbetare med önskad sysselsättningsgrad ska öka.");
    const second = lineOf(root, REPORT, "title: Antalet medarbetare med önskad sysselsättningsgrad ska öka", 2);
    expect(second).toBeGreaterThan(first);
    expect(same.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity }))).toEqual([
      { file: REPORT, line: first, column: 12, severity: "warning" },
      { file: REPORT, line: second, column: 12, severity: "warning" },
    ]);
    expect(same[0]!.message).toBe(
      'The goal "Antalet medarbetare med önskad sysselsättningsgrad ska öka." is `6:3` here but `6:2` in the part `del-2` of `herrljunga/verksamhetsberattelse-2016`.',
    );
    expect(same[1]!.message).toBe(
      'The goal "Antalet medarbetare med önskad sysselsättningsgrad ska öka" is `6:2` here but `6:3` in the part `del-1` of `herrljunga/verksamhetsberattelse-2016`.',
    );
    // The seed's statuses are images; the one it says in words (4:1, "Målet var uppfyllt") agrees with its indicator: 14 against 5.
    expect(ofRule(findings, "goal/status-mismatch").filter((f) => f.file === REPORT)).toEqual([]);
  });

  it("a figure that is not in the report's notation is an error at its cell, with the fix", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, "{ year: 2016, total: 95% }", '{ year: 2016, total: "95.5%" }');
    edit(root, REPORT, "{ year: 2015, total: 5-10 }", "{ year: 2015, total: 10-5 }");
    const found = ofRule((await checkJson(root)).findings, "indicator/written-figure");
    const l1 = lineOf(root, REPORT, '{ year: 2016, total: "95.5%" }');
    const l2 = lineOf(root, REPORT, "{ year: 2015, total: 10-5 }");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([
      `${REPORT}:${l1}:${columnOf(root, REPORT, l1, '"95.5%"')} error`,
      `${REPORT}:${l2}:${columnOf(root, REPORT, l2, "10-5")} error`,
    ]);
    expect(found[0]!.message).toBe(
      'The 2016 value of the indicator "Andel genomförandeplaner, för de brukare som vill ha en plan, som är upprättade inom två veckor efter verkställighetens start. Inom Hemtjänst, IFO vuxen missbruk, Boende LSS" (goal `1:1`): "95.5%" has a decimal point.',
    );
    expect(found[0]!.fix).toBe('Write a decimal comma: "95,5%" (or the number without quotes).');
    expect(found[1]!.message).toContain('(goal `4:1`): The range "10-5" does not go from a lower to a higher value.');
  });

  it("a decimal comma unquoted in `{ … }` is an unknown field whose fix is the figure in quotes", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, '{ year: 2016, value: "5,5%" }', "{ year: 2016, value: 5,5% }");
    const found = only((await checkJson(root)).findings, "schema/unknown-key");
    const line = lineOf(root, REPORT, "{ year: 2016, value: 5,5% }");
    expect(found).toMatchObject({ file: REPORT, line, column: columnOf(root, REPORT, line, "5% }"), severity: "error" });
    expect(found.fix).toBe('A comma inside `{ … }` separates fields: put a figure with a decimal comma in quotes, `value: "5,5%"`.');
  });

  it("plan goals may be numbered as a board numbers them", async () => {
    const root = copyExamples(PART);
    const plan = "lerum/plan-2019.md";
    edit(root, plan, "  - id: socialt-deltagande", '  - id: "6:1"');
    const { errors, findings } = await checkJson(root);
    expect(errors).toBe(0);
    // The goal is read under its new id: what is said of it names it so.
    const unfunded = ofRule(findings, "goal/unfunded").find((f) => f.line === lineOf(root, plan, 'id: "6:1"'))!;
    expect(unfunded.message).toBe('No intervention or budget line works towards the goal "Ökat socialt deltagande".');
    expect(unfunded.fix).toContain("Add `6:1` to an intervention's `goals`");
  });

  it("a stated status the indicators disagree with is a warning naming both, with the figures", async () => {
    const root = copyExamples(PART);
    edit(root, REPORT, '  - goal: "1:1" # line 594\n', '  - goal: "1:1" # line 594\n    status: met\n');
    const found = only((await checkJson(root)).findings, "goal/status-mismatch");
    expect(found).toMatchObject({ file: REPORT, line: lineOf(root, REPORT, "status: met"), column: 13, severity: "warning" });
    expect(found.message).toBe(
      "The report says the goal `1:1` is `met` (uppfyllt), but its indicators give `partly-met` (delvis uppfyllt): " +
        "Andel genomförandeplaner, för de brukare som vill ha en plan, som är upprättade inom två veckor efter verkställighetens start. Inom Hemtjänst, IFO vuxen missbruk, Boende LSS 95 % against target 100 % (2016) (`partly-met`).",
    );
  });

  it("computes from a target range, a target close to a value, a year split by sex and two values under one goal", async () => {
    const root = copyExamples(PART);
    const report = VB_2019;
    write(root, "herrljunga/vb-2019.md", report);
    const { findings } = await checkJson(root);
    const mine = findings.filter((f) => f.file === "herrljunga/vb-2019.md");
    // 1:1 meets its range (7 within 5-10), 1:2 misses "ca 0 %" by more than 1, 1:3 meets for women only; 2:1 meets with both values.
    // 2:1 serves a kommunfullmäktige goal 2 the report does not declare.
    expect(mine.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      `11:13 goal/status-mismatch`,
      `20:13 goal/status-mismatch`,
      `29:13 goal/status-mismatch`,
      `${lineOf(root, "herrljunga/vb-2019.md", 'goal: "2:1"')}:11 goal/council-goal`,
    ]);
    expect(mine[3]!.message).toBe("The goal `2:1` serves the kommunfullmäktige goal `2`, which the report's `councilGoals` does not declare (it has 1).");
    expect(mine[0]!.message).toContain(
      "is `not-met` (ej uppfyllt), but its indicators give `met` (uppfyllt): Antal personer till egen försörjning 7 against target 5–10 (2019)",
    );
    expect(mine[1]!.message).toContain(
      "is `met` (uppfyllt), but its indicators give `not-met` (ej uppfyllt): Avvikelse från driftbudget −1,5 % against target ca 0 % (2019)",
    );
    expect(mine[2]!.message).toContain(
      "is `met` (uppfyllt), but its indicators give `partly-met` (delvis uppfyllt): Andel nöjda women 92 %, men 84 % against target 90 % (2019)",
    );
  });
});

describe("plan build: a board's goal tables and annex", () => {
  it("prints del 1's goal tables with status as text and symbol, the annex with blanks blank, and keeps 7:1 to del 2", async () => {
    const root = copyExamples(PART);
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, "herrljunga/verksamhetsberattelse-2016.html"), "utf8");
    const del1 = /<section class="report-part" aria-labelledby="del-1">([\s\S]*?)<\/section>\n<section class="report-part"/.exec(html)![1]!;
    const del2 = html.slice(html.indexOf('<section class="report-part" aria-labelledby="del-2">'));
    // The contents of del 1 link its sections.
    const nav = /<nav class="contents"[^>]*>([\s\S]*?)<\/nav>/.exec(del1)![1]!;
    expect(nav).toContain('<a href="#del-1-mal">Mål</a>');
    expect(nav).toContain('<a href="#del-1-bilaga">Bilaga målindikatorer</a>');
    expect(del1).toContain('<h3 id="del-1-bilaga">Bilaga målindikatorer</h3>');

    const all = tables(del1);
    const goals1 = all.find((t) => t.caption === "Prioriterade mål under mål 1")!;
    expect(goals1.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Prioriterat mål", "Uppfyllt per 161231", "Kommentar"],
      [
        "1:1 Den enskilde har inflytande och är delaktig utifrån sina förutsättningar i när, var, och hur stöd ska ges.",
        "◐ Delvis uppfyllt",
        "Betydligt förbättrat resultat jämfört med 2015. Under året har arbetats mycket med genomförandeplaner. Utbildning har genomförts och stöd användare har införts. Bedömningen grundar sig på målets indikatorer.",
      ],
      [
        "1:2 Vi är tydliga med när, hur och vad de som får stöd från Socialtjänstens verksamhetsområde kan vara delaktiga i.",
        "◐ Delvis uppfyllt",
        "Delaktighet har mätts gällande utförande och tid. Resultatet speglar att arbetet med genomförandeplaner skett. Bedömningen grundar sig på målets indikatorer.",
      ],
    ]);
    // The symbol is hidden from screen readers: the text says the same.
    expect(goals1.rows[1]!.cells[1]!.html).toContain('<span class="symbol" aria-hidden="true">◐</span> Delvis uppfyllt');
    // 4:1's status is stated, not computed.
    const goals4 = all.find((t) => t.caption === "Prioriterade mål under mål 4")!;
    expect(goals4.rows[1]!.cells[1]!.text).toBe("✓ Uppfyllt");

    const annex = (n: string) => all.find((t) => t.caption.startsWith(`Bilaga målindikatorer ${n}.`))!;
    const figures = (n: string) =>
      annex(n)
        .rows.slice(1)
        .map((r) => r.cells.slice(-4).map((c) => spaces(c.text)));
    expect(annex("1").rows[0]!.cells.map((c) => c.text)).toEqual(["Prioriterat mål", "Målindikator", "Boksl 2014", "Boksl 2015", "Mål 2016", "Utfall 2016"]);
    expect(figures("1")).toEqual([
      ["66 %", "70 %", "100 %", "95 %"],
      ["64 %", "80 %", "85 %", "utförande 86 %, tid 47 %"],
    ]);
    expect(figures("2")).toEqual([["", "81 %", "100 %", "100 %"]]);
    expect(figures("4")).toEqual([["", "5–10", "5", "14"]]);
    expect(figures("5")).toEqual([
      ["−2,4 %", "+0,6 %", "0 %", "+5 %"],
      ["+12 %", "−58 %", "0 %", "+69 %"],
      ["", "", "", ""],
    ]);
    expect(figures("6")).toEqual([
      ["7,6 %", "6,9 %", "5,5 %", "8,2 %"],
      ["", "88 %", "90 %", "86 %"],
    ]);
    // The footnote of 2:1's indicator, under its table.
    expect(del1).toContain("Målet om miljöhandlingsplaner är nytt för 2015, liksom handlingsplanen.");

    // 7:1, not passed on to kommunfullmäktige: not in del 1, in del 2 with its two indicators.
    expect(text(del1)).not.toContain("Höja kvalitén i det vi gör");
    const d2 = tables(del2);
    const own = d2.find((t) => t.caption === "Verksamhetsmål")!;
    expect(own.rows[1]!.cells.slice(0, 2).map((c) => c.text)).toEqual(["7:1 Höja kvalitén i det vi gör", "◐ Delvis uppfyllt"]);
    const ownAnnex = d2.find((t) => t.caption === "Bilaga målindikatorer Verksamhetsmål")!;
    expect(ownAnnex.rows.slice(1).map((r) => r.cells.slice(-4).map((c) => spaces(c.text)))).toEqual([
      ["33 %", "44 %", "10 %", "18 %"],
      ["70 %", "67 %", "100 %", "72 %"],
    ]);
    // Del 2's unit table: goals under their heading, activities and comment shared by the goals of a row.
    const unit = d2.find((t) => t.caption === "Prioriterade mål: Nämnd och förvaltningsledning inkl centralt stöd")!;
    expect(unit.rows[0]!.cells.map((c) => c.text)).toEqual(["Prioriterade mål", "Aktiviteter för måluppfyllelse", "Kommentar till uppfyllelse"]);
    expect(unit.rows[1]!.cells.map((c) => c.text)).toEqual(["Öka Inflytande delaktighet"]);
    expect(unit.rows[2]!.cells[1]!.attrs).toContain('rowspan="2"');
    expect(unit.rows[3]!.cells.map((c) => c.text)).toEqual([
      "1:2 Vi är tydliga med när, hur och vad de som får stöd från Socialtjänstens verksamhetsområde kan vara delaktiga i.",
    ]);
    expect(unit.rows.some((r) => r.cells[0]!.text.startsWith("6:2 Antalet medarbetare med önskad sysselsättningsgrad ska öka"))).toBe(true);
    // Each unit of del 2 has its table; a cell's paragraphs are its lines (printed as lines: `white-space: pre-line`).
    expect(d2.map((t) => t.caption).filter((c) => c.includes(": "))).toEqual([
      "Prioriterade mål: Nämnd och förvaltningsledning inkl centralt stöd",
      "Verksamhetsmål: Nämnd och förvaltningsledning inkl centralt stöd",
      "Prioriterade mål: Bistånd",
      "Verksamhetsmål: Bistånd",
      "Prioriterade mål: Vård och omsorg",
      "Verksamhetsmål: Vård och omsorg",
      "Prioriterade mål: Socialt stöd",
      "Verksamhetsmål: Socialt stöd",
    ]);
    expect(del2).toContain("<td>Uppfyllt.\nNya mål ska formuleras.</td>");
  });

  it("prints a report without parts: its goals under kommunfullmäktige's, the annex with a year split by sex", async () => {
    const root = copyExamples(PART);
    // With kommunfullmäktige's goal 2 declared, which the check above finds missing.
    write(root, "herrljunga/vb-2019.md", VB_2019.replace("title: Ett gott liv }", 'title: Ett gott liv }\n  - { id: "2", title: Delaktighet }'));
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, "herrljunga/vb-2019.html"), "utf8");
    expect(html).toContain('<h2 id="mal">Inriktningsmål och prioriterade mål</h2>');
    expect(html).not.toContain('<nav class="contents"');
    const goals = tables(html).find((t) => t.caption === "Prioriterade mål under mål 1")!;
    expect(goals.rows.slice(1).map((r) => r.cells.slice(0, 2).map((c) => c.text))).toEqual([
      ["1:1 Fler kvinnor och män i arbete", "✗ Ej uppfyllt"],
      ["1:2 Budget i balans", "✓ Uppfyllt"],
      ["1:3 Nöjda kvinnor och män", "✓ Uppfyllt"],
    ]);
    const annex = tables(html).find((t) => t.caption.startsWith("Bilaga målindikatorer 1."))!;
    expect(annex.rows.slice(1).map((r) => r.cells.slice(-4).map((c) => spaces(c.text)))).toEqual([
      ["", "4", "5–10", "7"],
      ["", "", "ca 0 %", "−1,5 %"],
      ["", "80 %", "90 %", "Kvinnor/flickor 92 %, Män/pojkar 84 %"],
    ]);
  });

  it("a report that declares no goals of kommunfullmäktige still prints its goals' indicators in the annex, as it prints their goal tables", async () => {
    const root = copyExamples();
    write(root, REPORT, read(root, REPORT).replace(/councilGoals:\n(?: {2}.*\n)+/, "councilGoals: []\n"));
    const out = join(tempDir("plan-out-"), "site");
    const { code, stderr } = await run(["build", root, "--no-pdf", "--out", out], root);
    expect(code, stderr).toBe(0);
    const html = readFileSync(join(out, "herrljunga/verksamhetsberattelse-2016.html"), "utf8");
    const del1 = /<section class="report-part" aria-labelledby="del-1">([\s\S]*?)<\/section>\n<section class="report-part"/.exec(html)![1]!;
    const captions = tables(del1).map((t) => t.caption);
    expect(captions).toContain("Prioriterade mål");
    const annex = tables(del1).find((t) => t.caption === "Bilaga målindikatorer Prioriterade mål");
    expect(annex, captions.join(" | ")).toBeDefined();
    expect(spaces(text(del1.slice(del1.indexOf('id="del-1-bilaga"'))))).toContain("Andel upprättade och uppföljda miljöhandlingsplaner.");
  });
});
