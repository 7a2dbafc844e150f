import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { inject } from "vitest";

/**
 * What each page of a tagged PDF holds, read back with poppler: the structure tree
 * (`pdfinfo -struct-text`: the elements Chromium tagged, H2, P, Table, TR, TH, Caption, …, with
 * the text of each marked-content run) and the text of each page's body (`pdftotext -raw`,
 * cropped to inside the page margins, so without the running header and the footer). Each text
 * run of the tree is placed on the page whose body holds it, in order: the first and last runs
 * of a page are what starts and ends it.
 */

/** An element of the structure tree. */
export interface StructNode {
  role: string;
  /** Attribute lines as pdfinfo prints them (`/Scope /Column`). */
  attributes: string[];
  parent: StructNode | undefined;
  children: StructNode[];
  /** The text runs directly inside it. */
  runs: Run[];
}

/** A marked-content run of text and where it was found. */
export interface Run {
  text: string;
  node: StructNode;
  /** 0-based page; -1 when it was not found in any page's body. */
  page: number;
  /** Lines of the page's body it covers (0-based, first and last). */
  lines: [number, number];
}

export interface PdfPages {
  /** The body text of each page (inside the margins). */
  bodies: string[];
  /** Every text run of the structure tree, in the tree's order. */
  runs: Run[];
  root: StructNode;
}

/**
 * What poppler's `tool` writes for `args` (which name `pdf`). For a PDF of the run's shared build
 * (test/helpers/shared.ts), which no test changes, read once per run and kept in the run's shared
 * folder: the test files that read the same PDFs (print, packet-tags) share the reading, whichever
 * worker runs them. Any other PDF is read each time.
 */
function poppler(tool: string, args: string[], pdf: string): string {
  const read = () => execFileSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
  const shared = inject("sharedDir");
  if (!shared || !pdf.startsWith(shared + sep)) return read();
  const { size, mtimeMs } = statSync(pdf);
  const key = createHash("sha256")
    .update(JSON.stringify([tool, args, size, mtimeMs]))
    .digest("hex");
  const file = join(shared, "poppler", key);
  if (existsSync(file)) return readFileSync(file, "utf8");
  const out = read();
  mkdirSync(join(shared, "poppler"), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, out);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return out;
}

/** `pdfinfo -struct-text` parsed by its indentation (two spaces a level; attributes three further, starting with a slash). */
export function structTree(pdf: string): { root: StructNode; runs: Run[] } {
  const out = poppler("pdfinfo", ["-enc", "UTF-8", "-struct-text", pdf], pdf);
  const root: StructNode = { role: "#root", attributes: [], parent: undefined, children: [], runs: [] };
  const runs: Run[] = [];
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content.startsWith("/")) {
      stack.at(-1)!.node.attributes.push(content);
      continue;
    }
    const depth = Math.floor(indent / 2);
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.node;
    if (content.startsWith('"')) {
      const text = content.replace(/^"/, "").replace(/"$/, "");
      // A header row repeated on the next page a table runs over is tagged again, as a second run of the same cell: the first is the row.
      if (text.replace(/\s+/g, "") && !(ancestor(parent, ["TH"]) && parent.runs.some((r) => r.text === text))) {
        const run: Run = { text, node: parent, page: -1, lines: [0, 0] };
        parent.runs.push(run);
        runs.push(run);
      }
      continue;
    }
    if (/^Object \d+ \d+$/.test(content)) continue;
    const role = /^([A-Za-z0-9]+)/.exec(content)?.[1] ?? content;
    const node: StructNode = { role, attributes: [], parent, children: [], runs: [] };
    parent.children.push(node);
    stack.push({ depth, node });
  }
  return { root, runs };
}

const MM = 72 / 25.4;

/** The body text of each page: inside the top and bottom page margins (print.hbs: 30 mm and 27 mm), a little inside. */
export function pageBodies(pdf: string, pages: number, margins = { top: 30, bottom: 27 }): string[] {
  // Each page's size as printed: A4 standing, or on its side (an internal-control plan's table).
  const sizes = new Map(
    [...poppler("pdfinfo", ["-f", "1", "-l", String(pages), pdf], pdf).matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [
      Number(m[1]),
      { width: Number(m[2]), height: Number(m[3]) },
    ]),
  );
  const top = margins.top * MM - 2;
  const bottom = margins.bottom * MM - 2;
  const size = (p: number) => sizes.get(p) ?? { width: 210 * MM, height: 297 * MM };
  const bodies: string[] = [];
  // One pdftotext for each run of pages of the same size, which crops each of its pages alike (each page ends with a form feed).
  for (let first = 1; first <= pages;) {
    const { width, height } = size(first);
    let last = first;
    while (last < pages && size(last + 1).width === width && size(last + 1).height === height) last++;
    const args = ["-enc", "UTF-8", "-raw", "-r", "72", "-f", String(first), "-l", String(last), "-x", "0", "-y", String(Math.round(top))];
    args.push("-W", String(Math.round(width)), "-H", String(Math.round(height - top - bottom)), pdf, "-");
    const texts = poppler("pdftotext", args, pdf).split("\f");
    for (let p = 0; p <= last - first; p++) bodies.push(texts[p] ?? "");
    first = last + 1;
  }
  return bodies;
}

/** A text without its white space, and for each of its characters the line of the original it came from. */
function squeeze(text: string): { text: string; line: number[] } {
  let out = "";
  const line: number[] = [];
  let at = 0;
  for (const char of text) {
    if (char === "\n") at++;
    if (/\s/.test(char)) continue;
    out += char;
    for (let i = 0; i < char.length; i++) line.push(at);
  }
  return { text: out, line };
}

/** How far past the last run the next may be found on the same page (a repeated header row, a list's numbers). */
const SLACK = 400;

export function pdfPages(pdf: string, pageCount: number): PdfPages {
  const { root, runs } = structTree(pdf);
  const bodies = pageBodies(pdf, pageCount);
  const squeezed = bodies.map(squeeze);
  let page = 0;
  let cursor = 0;
  for (const run of runs) {
    const needle = run.text.replace(/\s+/g, "");
    const here = page < squeezed.length ? squeezed[page]!.text.indexOf(needle, cursor) : -1;
    const next = page + 1 < squeezed.length ? squeezed[page + 1]!.text.indexOf(needle) : -1;
    // Printed out of the tree's order (a footnote set at the foot of its page, painted last): earlier on the same page.
    const before = page < squeezed.length ? squeezed[page]!.text.indexOf(needle) : -1;
    let at: number;
    if (here >= 0 && (here - cursor <= SLACK || next < 0 || next > SLACK)) at = here;
    else if (next >= 0) {
      page++;
      at = next;
    } else if (before >= 0) at = before;
    else continue;
    run.page = page;
    const lines = squeezed[page]!.line;
    run.lines = [lines[at]!, lines[at + needle.length - 1]!];
    cursor = at + needle.length;
  }
  // pdfinfo cuts a run at a narrow no-break space (`1 000 000`), which pdftotext leaves out: a run reaches at least to the line before the next one on its page.
  const placed = runs.filter((r) => r.page >= 0);
  placed.forEach((run, i) => {
    const next = placed[i + 1];
    if (next?.page === run.page) run.lines[1] = Math.max(run.lines[1], next.lines[0] - 1);
  });
  return { bodies, runs, root };
}

/** The nearest element of `node` and its ancestors with one of `roles`. */
export function ancestor(node: StructNode, roles: readonly string[]): StructNode | undefined {
  for (let at: StructNode | undefined = node; at; at = at.parent) if (roles.includes(at.role)) return at;
  return undefined;
}

/** Every run inside `node`, in order. */
export function runsOf(node: StructNode): Run[] {
  return [...node.runs, ...node.children.flatMap(runsOf)];
}

/** Every element inside `node` (itself included) with `role`. */
export function elements(node: StructNode, role: string): StructNode[] {
  return [...(node.role === role ? [node] : []), ...node.children.flatMap((c) => elements(c, role))];
}

/** A table's rows: its TR elements, not those of a table inside it. */
export function rowsOf(table: StructNode): StructNode[] {
  const rows: StructNode[] = [];
  const walk = (n: StructNode) => {
    for (const c of n.children) {
      if (c.role === "TR") rows.push(c);
      else if (c.role !== "Table") walk(c);
    }
  };
  walk(table);
  return rows;
}

/** A header row: all its cells are column headers. */
export const isHeaderRow = (row: StructNode) =>
  row.children.length > 0 && row.children.every((c) => c.role === "TH" && c.attributes.some((a) => /\/Scope \/Column/.test(a)));
