import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPdfs } from "../src/pdf/render.js";
import { browserPath, canPrint, warnIfSkipped } from "./helpers/printer.js";
import { BROWSERS } from "./helpers/repo.js";

/**
 * Footnotes at the foot of the page of their reference (src/pdf/footnotes.ts), printed by the
 * browser: notes of two pages, two on the first, each page's notes last on it, under the text
 * that follows the citing paragraph; a page without notes prints as it is.
 */

warnIfSkipped("The footnotes' test", "pdf");

const root = mkdtempSync(join(tmpdir(), "plan-footnotes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paragraph = (n: number) => `<p>Stycke ${n}. ${"Text som fyller sidan med ord och ännu fler ord. ".repeat(6)}</p>`;
const ref = (id: string, n: number) => `<sup><a href="#${id}" id="${id}-ref">${n}</a></sup>`;
const note = (id: string, n: number, text: string) =>
  `<aside id="${id}" class="footnote" role="doc-footnote"><p><span class="footnote-number">${n}</span> ${text}</p></aside>`;

function page(body: string): string {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 18mm 22mm; }
body { font: 11pt sans-serif; margin: 0; }
aside.footnote { font-size: .85em; margin: .4rem 0 .8rem; break-before: avoid; break-inside: avoid; }
</style></head><body><main><article><div class="body">${body}</div></article></main></body></html>`;
}

async function print(name: string, html: string): Promise<string[]> {
  const source = join(root, `${name}.html`);
  writeFileSync(source, html);
  const target = join(root, `${name}.pdf`);
  await renderPdfs([{ source, target, label: `${name}.pdf` }], { browserPath: browserPath!, browsers: BROWSERS, jobs: 1, root });
  return execFileSync("pdftotext", ["-layout", target, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
}

describe.skipIf(!canPrint)("footnotes at the foot of their page", () => {
  it("sets each page's notes at its foot, the text after the citing paragraph above them, and keeps the pages' order", async () => {
    const body = [
      paragraph(1),
      `<p>Första hänvisningen${ref("a", 1)} och den andra${ref("b", 2)}.</p>`,
      note("a", 1, "Not A om första sidan."),
      note("b", 2, "Not B om första sidan."),
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(paragraph),
      `<p>Tredje hänvisningen${ref("c", 3)}.</p>`,
      note("c", 3, "Not C om en senare sida."),
      ...[14, 15, 16].map(paragraph),
    ].join("\n");
    const pages = await print("notes", page(body));
    const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
    expect(pageOf("Not A")).toBe(pageOf("Första hänvisningen"));
    expect(pageOf("Not B")).toBe(pageOf("Första hänvisningen"));
    expect(pageOf("Not C")).toBe(pageOf("Tredje hänvisningen"));
    expect(pageOf("Not C")).toBeGreaterThan(pageOf("Not A"));
    for (const [citing, last] of [
      ["Första hänvisningen", "Not B om första sidan."],
      ["Tredje hänvisningen", "Not C om en senare sida."],
    ] as const) {
      const text = pages[pageOf(citing)]!;
      // Paragraphs that follow the citing one stand between it and the notes; the page ends with its last note.
      expect(text.trim().endsWith(last), text).toBe(true);
      expect(text.indexOf("Stycke", text.indexOf(citing))).toBeGreaterThan(text.indexOf(citing));
      expect(text.indexOf("Stycke", text.indexOf(citing))).toBeLessThan(text.indexOf(last));
    }
    // Every paragraph printed once, in order.
    const all = pages.join("\n");
    const order = [...all.matchAll(/Stycke (\d+)\./g)].map((m) => Number(m[1]));
    expect(order).toEqual([...Array(16).keys()].map((i) => i + 1));
  });

  it("prints a page without notes as it is", async () => {
    const pages = await print("plain", page([1, 2, 3].map(paragraph).join("\n")));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Stycke 3.");
  });
});
