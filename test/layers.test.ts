import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");
const README = resolve(import.meta.dirname, "../README.md");

/**
 * The layers of src/, low to high: a module imports only from layers below its own, or from
 * its own folder. Folders on one line are side by side and do not know each other (`plan diff`
 * does not use `plan kolada import`). A root file or a folder is named as it is in src/; a new
 * one must be placed here before anything may import it or be imported by it. README.md
 * ("## Development") lists the folders in this order.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["io.ts", "exit.ts", "lazy.ts"],
  ["vocabulary.ts"],
  ["format"],
  ["errors.ts"],
  ["diagnostics"],
  ["source"],
  ["schema"],
  ["model"],
  ["rollup"],
  ["rules"],
  ["check"],
  ["render"],
  ["write"],
  ["browser"],
  ["pdf"],
  ["build"],
  ["diff", "kolada", "scaffold", "watch"],
  ["commands"],
  ["cli.ts"],
];

/** The layer unit of a path inside src/: its first folder, or the file itself at the root. */
const unitOf = (pathInSrc: string) => pathInSrc.split("/")[0]!;

const levelOf = (unit: string) => LAYERS.findIndex((layer) => layer.includes(unit));

/** `from "./x.js"`, `import "./x.js"` and `import("./x.js")`: every relative import and re-export of a module. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** What is wrong with the imports of one module (`file`, a path inside src/), each named with both layers. */
export function importProblems(file: string, text: string): string[] {
  const from = unitOf(file);
  const problems: string[] = [];
  const level = levelOf(from);
  if (level < 0) return [`${file}: ${from} is in no layer; place it in LAYERS (test/layers.test.ts)`];
  for (const [, specifier] of text.matchAll(IMPORT)) {
    // Modules are imported by their compiled name: `../io.js` is src/io.ts.
    const target = relative(".", join(dirname(file), specifier!))
      .split("\\")
      .join("/")
      .replace(/\.js$/, ".ts");
    if (target.startsWith("..")) {
      problems.push(`${file}: imports "${specifier}", outside src/`);
      continue;
    }
    const to = unitOf(target);
    if (to === from) continue;
    const toLevel = levelOf(to);
    if (toLevel < 0) problems.push(`${file}: imports "${specifier}" from ${to}, which is in no layer; place it in LAYERS (test/layers.test.ts)`);
    else if (toLevel > level) problems.push(`${file}: imports "${specifier}", pointing up from ${from} (layer ${level}) to ${to} (layer ${toLevel})`);
    else if (toLevel === level)
      problems.push(`${file}: imports "${specifier}", sideways from ${from} to ${to}, which are side by side in layer ${level} and do not know each other`);
  }
  return problems;
}

describe("layers", () => {
  it("every import in src/ points down, to a lower layer or within its own folder", () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((path) => importProblems(relative(SRC, path).split("\\").join("/"), readFileSync(path, "utf8")));
    expect(problems).toEqual([]);
  });

  it("every folder and root file of src/ is placed in exactly one layer", () => {
    const units = readdirSync(SRC, { withFileTypes: true })
      .map((e) => e.name)
      .filter((n) => !n.startsWith("."));
    expect(units.filter((u) => levelOf(u) < 0)).toEqual([]);
    const placed = LAYERS.flat();
    expect(placed.filter((u, i) => placed.indexOf(u) !== i)).toEqual([]);
    // A layer that names something src/ no longer has is a stale declaration.
    expect(placed.filter((u) => !units.includes(u))).toEqual([]);
  });

  it("README's table of folders lists the layers in this order", () => {
    const readme = readFileSync(README, "utf8");
    const table = readme.slice(readme.indexOf("| Layer (low → high)")).split("\n\n")[0]!;
    const rows = table
      .split("\n")
      .slice(2)
      .map((row) => [...row.split("|")[1]!.matchAll(/`src\/([^`/]+)\/?`/g)].map((m) => m[1]!));
    expect(rows).toEqual(LAYERS);
  });

  it("names the file, the import and both layers of an import that points up or sideways", () => {
    const planted = [
      'import { UserError } from "../commands/io.js";',
      'export { splitText } from "../render/views/budget.js";',
      'const lazy = await import("../watch/watch.js");',
      'import { planImport } from "../kolada/import.js";',
      'import { lookup } from "./repository.js";',
      'import { compareStrings } from "../format/text.js";',
    ].join("\n");
    expect(importProblems("model/planted.ts", planted)).toEqual([
      'model/planted.ts: imports "../commands/io.js", pointing up from model (layer 7) to commands (layer 17)',
      'model/planted.ts: imports "../render/views/budget.js", pointing up from model (layer 7) to render (layer 11)',
      'model/planted.ts: imports "../watch/watch.js", pointing up from model (layer 7) to watch (layer 16)',
      'model/planted.ts: imports "../kolada/import.js", pointing up from model (layer 7) to kolada (layer 16)',
    ]);
    expect(importProblems("diff/planted.ts", 'import { planImport } from "../kolada/import.js";')).toEqual([
      'diff/planted.ts: imports "../kolada/import.js", sideways from diff to kolada, which are side by side in layer 16 and do not know each other',
    ]);
    expect(importProblems("stray.ts", "")).toEqual(["stray.ts: stray.ts is in no layer; place it in LAYERS (test/layers.test.ts)"]);
  });
});
