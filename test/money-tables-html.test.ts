import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { pagesOf } from "../src/model/pages.js";
import { columnLabel, workTables, type Figure, type WorkedRow, type WorkedTable } from "../src/model/table.js";
import { MONEY_UNIT } from "../src/vocabulary.js";
import { spaces } from "./helpers/html.js";
import { browserPath, hasPoppler, warnIfSkipped } from "./helpers/printer.js";
import { copyExamplesTo } from "./helpers/repo.js";
import { builtExamples } from "./helpers/shared.js";

/*
 * Every figure of every money table of the shipped examples, read back out of the built HTML:
 * the sources are read with the model (`workTables`), each table is found on its document's page
 * by its caption, and each row's label and each shown cell must stand in its row and column,
 * written the Swedish way. The pages are parsed (hast), not searched with patterns.
 */

warnIfSkipped("The money tables' PDF test", "browser");

/** A figure as a Swedish document prints it, written here independently of the renderer: U+202F between thousands, U+2212 for minus, blank for blank. */
function swedish(figure: Figure): string {
  if (figure === undefined) return "";
  const digits = (figure < 0n ? -figure : figure).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202F");
  return `${figure < 0n ? "\u2212" : ""}${digits}`;
}

const hasClass = (node: Element, name: string) => ([node.properties["className"]].flat() as unknown[]).includes(name);

function elements(root: Root | Element, tagName: string): Element[] {
  const out: Element[] = [];
  visit(root, "element", (node: Element) => {
    if (node.tagName === tagName) out.push(node);
  });
  return out;
}

const children = (node: Element, tagName: string) => node.children.filter((c): c is Element => c.type === "element" && c.tagName === tagName);
const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === "element" && (c.tagName === "th" || c.tagName === "td"));

/** A row header's own text: without the remark (`span.detail`) and footnote markers printed in it. */
function labelOf(th: Element): string {
  const own: Element = { ...th, children: th.children.filter((c) => !(c.type === "element" && (hasClass(c, "detail") || hasClass(c, "marker")))) };
  return toString(own).trim();
}

/** How the page marks each kind of row: totals and formula rows bold, memo rows in italics, headings across the table. */
const ROW_CLASS: Partial<Record<WorkedRow["role"], string>> = { total: "total", formula: "total", memo: "memo", heading: "group" };

/** The `<table class="money">` elements of a page, with their captions. */
function moneyTablesOf(html: string): { caption: string; table: Element }[] {
  return elements(fromHtml(html), "table")
    .filter((t) => hasClass(t, "money"))
    .map((table) => ({ caption: toString(children(table, "caption")[0] ?? table).trim(), table }));
}

/**
 * Where a page's money table disagrees with the worked table of its source: a missing table,
 * heading, row or figure, each named by table, row and column. Rows the page may add of its own
 * (a computed result) may stand between the source's rows; the source's rows keep their order.
 */
function mismatches(html: string, worked: readonly WorkedTable[]): string[] {
  const problems: string[] = [];
  const onPage = moneyTablesOf(html);
  const used = new Set<number>();
  for (const w of worked) {
    const caption = `${w.table.caption} (${MONEY_UNIT[w.table.unit]})`;
    const at = onPage.findIndex((t, i) => !used.has(i) && t.caption === caption);
    if (at < 0) {
      problems.push(`${w.table.id}: no <table class="money"> with the caption "${caption}" (found: ${onPage.map((t) => `"${t.caption}"`).join(", ")})`);
      continue;
    }
    used.add(at);
    const table = onPage[at]!.table;
    const where = (row: string, column?: string) => `${w.table.id} | ${row}${column === undefined ? "" : ` | ${column}`}`;

    const head = children(table, "thead").flatMap((thead) => children(thead, "tr"));
    const headCells = head.length ? cellsOf(head.at(-1)!).map((c) => toString(c).trim()) : [];
    const labels = w.columns.map(columnLabel);
    if (JSON.stringify(headCells.slice(-labels.length)) !== JSON.stringify(labels))
      problems.push(`${where("(heading)")}: columns ${JSON.stringify(headCells)}, expected to end with ${JSON.stringify(labels)}`);
    if (w.table.stub !== undefined && headCells.length !== labels.length + 1)
      problems.push(`${where("(heading)")}: ${headCells.length} cells for ${labels.length} columns and the stub`);
    if (w.table.stub !== undefined && headCells[0] !== w.table.stub) problems.push(`${where("(heading)")}: stub "${headCells[0]}", expected "${w.table.stub}"`);

    const rows = children(table, "tbody").flatMap((tbody) => children(tbody, "tr"));
    let next = 0;
    for (const row of w.rows) {
      const index = rows.findIndex((tr, i) => i >= next && cellsOf(tr)[0] !== undefined && labelOf(cellsOf(tr)[0]!) === row.label);
      if (index < 0) {
        problems.push(`${where(row.label)}: no row with this label after row ${next} (labels: ${rows.map((tr) => labelOf(cellsOf(tr)[0]!)).join(" / ")})`);
        continue;
      }
      next = index + 1;
      const tr = rows[index]!;
      const cells = cellsOf(tr);
      const expectedClass = ROW_CLASS[row.role];
      if (expectedClass && !hasClass(tr, expectedClass)) problems.push(`${where(row.label)}: a ${row.role} row without the class "${expectedClass}"`);
      if (row.note !== undefined) {
        const detail = elements(cells[0]!, "span").find((s) => hasClass(s, "detail"));
        if (!detail || toString(detail).trim() !== row.note) problems.push(`${where(row.label)}: the note "${row.note}" is not printed with the row`);
      }
      if (row.role === "heading") {
        if (cells.length !== 1 || Number(cells[0]!.properties["colSpan"]) !== w.columns.length + 1)
          problems.push(`${where(row.label)}: a heading is one cell across the ${w.columns.length + 1} columns`);
        continue;
      }
      if (cells[0]!.tagName !== "th" || cells[0]!.properties["scope"] !== "row") problems.push(`${where(row.label)}: the label is no row header`);
      if (cells.length !== w.columns.length + 1) problems.push(`${where(row.label)}: ${cells.length - 1} cells for ${w.columns.length} columns`);
      w.columns.forEach((column, c) => {
        const expected = swedish(row.cells[c]!.shown);
        const shown = cells[c + 1] === undefined ? undefined : toString(cells[c + 1]!);
        if (shown !== expected)
          problems.push(`${where(row.label, columnLabel(column))}: the page shows ${JSON.stringify(shown)}, the source ${JSON.stringify(expected)}`);
      });
    }
  }
  return problems;
}

interface Built {
  out: string;
  code: number;
  stderr: string;
  /** Every document with money tables: its page and its tables worked out. */
  documents: { id: string; page: string; worked: WorkedTable[] }[];
}

let built: Built;
const made: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// The examples' build that the test files share (read, never changed): HTML, and the PDFs where a browser is found.
beforeAll(async () => {
  const repo = folder("plan-money-html-");
  copyExamplesTo(repo);
  const { out, code, stderr } = await builtExamples(Boolean(browserPath));
  const { repo: model } = checkRepository(repo, { cwd: repo });
  const pages = pagesOf(model);
  const documents = [...model.documents.values()]
    .flatMap((entry) => ("tables" in entry.data && entry.data.tables.length ? [{ entry, tables: entry.data.tables }] : []))
    .map(({ entry, tables }) => ({ id: entry.id, page: pages.byId.get(entry.id)!, worked: workTables(tables) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  built = { out, code, stderr, documents };
}, 120_000);

const page = (path: string) => readFileSync(join(built.out, path), "utf8");
describe("money tables read back out of the built HTML", () => {
  it("shows every row label and every figure of every money table of the examples in its row and column", () => {
    expect(built.code, built.stderr).toBe(0);
    const ids = built.documents.flatMap((d) => d.worked.map((w) => `${d.id}#${w.table.id}`));
    // The check is not empty: the Herrljunga tables are among those read back.
    expect(ids).toEqual(
      expect.arrayContaining([
        "herrljunga/verksamhetsberattelse-2016#organisatorisk-fordelning",
        "herrljunga/verksamhetsberattelse-2016#investeringar",
        "herrljunga/verksamhetsberattelse-2016#forvaltningsledning",
        "herrljunga/verksamhetsberattelse-2016#bistand",
        "herrljunga/ombudgetering-investeringar-2016#sammanstallning",
      ]),
    );
    for (const { id, page: path, worked } of built.documents) expect(mismatches(page(path), worked), `${id} (${path})`).toEqual([]);
  });

  it("prints the figures as the source does: residues kept, a real minus, blank cells empty", () => {
    const tables = moneyTablesOf(page(report().page));
    const row = (caption: string, label: string) => {
      const table = tables.find((t) => t.caption === caption)!.table;
      const tr = elements(table, "tr").find((r) => labelOf(cellsOf(r)[0]!) === label)!;
      return cellsOf(tr)
        .slice(1)
        .map((c) => spaces(toString(c)));
    };
    // Bokslut 2015: the rows add up to 179 991; the page prints the source's 179 992.
    expect(row("Organisatorisk fördelning (tkr)", "Summa verksamhet")).toEqual(["179 176", "179 992", "186 855", "177 246", "9 609"]);
    expect(row("Organisatorisk fördelning (tkr)", "Intäkter")).toEqual(["−42 450", "−49 106", "−70 345", "−68 066", "−2 279"]);
    expect(row("Investeringar (tkr)", "Hagen etapp 3")).toEqual(["", "1 831", "1 831", "3 591", "−1 760"]);
    expect(row("Investeringar (tkr)", "Arkiv")).toEqual(["", "", "0", "74", "−74"]);
    expect(row("Förvaltningsledning (tkr)", "Nettokostnad")).toEqual(["", "9 256", "11 444", "8 956", "2 488"]);
    const ombudgetering = built.documents.find((d) => d.id === "herrljunga/ombudgetering-investeringar-2016")!;
    const sammanstallning = moneyTablesOf(page(ombudgetering.page)).find((t) => t.caption === "Sammanställning (tkr)")!.table;
    const totalt = elements(sammanstallning, "tr").find((r) => labelOf(cellsOf(r)[0]!) === "TOTALT")!;
    // The opposite convention: Avvikelse = utfall − summa budget.
    expect(cellsOf(totalt).map((c) => spaces(toString(c)))).toEqual(["TOTALT", "2 500", "1 250", "3 750", "500", "−3 250", "2 650"]);
  });

  it("finds a figure out of place: the check fails on a page that differs from its source", () => {
    const html = page(report().page);
    // One residue "corrected" on the page, one blank cell printed as 0.
    const changed = html
      .replace(/<td class="num">179\u202F992<\/td>/, '<td class="num">179\u202F991</td>')
      .replace(/(<th scope="row">Hagen etapp 3<\/th>)<td class="num"><\/td>/, '$1<td class="num">0</td>');
    expect(changed).not.toBe(html);
    expect(mismatches(changed, report().worked)).toEqual([
      'organisatorisk-fordelning | Summa verksamhet | Bokslut 2015: the page shows "179\u202F991", the source "179\u202F992"',
      'investeringar | Hagen etapp 3 | Ursprungs budget 2016: the page shows "0", the source ""',
    ]);
  });

  it.runIf(browserPath)("prints the Herrljunga report to PDF with its tables", () => {
    const pdf = join(built.out, report().page.replace(/\.html$/, ".pdf"));
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!hasPoppler) return;
    // The text as pdftotext reads it, lines joined (narrow columns wrap a label over two).
    const text = spaces(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" })).replace(/\s+/g, " ");
    for (const expected of ["Organisatorisk fördelning (tkr)", "179 992", "13 091", "−1 760", "Kommentar till utfall investeringar"])
      expect(text).toContain(expected);
    // A row label wrapped over two lines is read around the row's figures.
    expect(text).toMatch(/TOTALA (?:[−\d ]+ )?INVESTERINGAR/);
  });
});

const report = () => built.documents.find((d) => d.id === "herrljunga/verksamhetsberattelse-2016")!;
