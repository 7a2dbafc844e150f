import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { documentSchemas } from "../src/schema/index.js";
import * as vocabulary from "../src/vocabulary.js";

const SRC = resolve(import.meta.dirname, "../src");
const VOCABULARY = join(SRC, "vocabulary.ts");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** Every string the vocabulary holds, however deep. */
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];

/** The code of a module without its comments, which may name a word to explain it. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** The English values of the schema's enumerations: a label that is spelled as its value (`kronor`, `regional`) is not a Swedish word of its own. */
const englishValues = new Set(
  JSON.stringify(Object.values(documentSchemas).map((s) => s.toJSONSchema({ io: "input", unrepresentable: "any" }))).match(/[\w-]+/g),
);

/**
 * Where a word may stand outside the vocabulary: the example documents and README that `plan init`
 * writes into a new repository are Swedish prose for the user to rewrite, not labels `plan` prints;
 * `procent` is also the name of a template helper (`{{procent value}}`); `rapport` begins the file
 * name of a drafted report (`rapport-2019.md`). The list of generated wordings (`model/wordings.ts`)
 * is the README's documentation, quoting the pages; `boras-regionen` is a party id in a rule's
 * example message. `kommunfullmäktige` names the council in the English messages and field
 * descriptions of a board's report, as a proper name (until the messages are Swedish). The Swedish
 * of the messages (`format/messages-sv.ts`) is sentences for the command line, which use the
 * everyday words (`saknas`, `antal`) as any sentence does: its own catalog, checked by
 * test/messages.test.ts.
 */
const ALLOWED = new Set([
  "rules/board-goals.ts: kommunfullmäktige",
  "schema/common.ts: kommunfullmäktige",
  "schema/report.ts: kommunfullmäktige",
  "scaffold/init.ts",
  "model/wordings.ts",
  "render/helpers.ts: procent",
  "scaffold/drafts.ts: rapport",
  "rules/parties.ts: regionen",
  "format/messages-sv.ts",
]);

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the vocabulary", () => {
  it("is written once: no label of src/vocabulary.ts is spelled out elsewhere in src/, nor a synonym as a string of its own", () => {
    const isWord = (w: string) => w.length > 3 && !englishValues.has(w) && /\p{L}/u.test(w);
    const { SYNONYMS, ...labels } = vocabulary;
    // A label as it is printed, within any text; a synonym, an everyday word in lower case, where it is a whole string.
    const patterns = [
      ...[...new Set(strings(Object.values(labels)).filter(isWord))].map((w) => ({ word: w, pattern: new RegExp(`(?<!\\p{L})${escape(w)}(?!\\p{L})`, "u") })),
      ...Object.keys(SYNONYMS)
        .filter(isWord)
        .map((w) => ({ word: w, pattern: new RegExp(`(["'\`])${escape(w)}\\1`, "iu") })),
    ];
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const name = relative(SRC, file);
      if (file === VOCABULARY || ALLOWED.has(name)) continue;
      const text = code(readFileSync(file, "utf8"));
      for (const { word, pattern } of patterns) if (pattern.test(text) && !ALLOWED.has(`${name}: ${word}`)) found.push(`${name}: ${word}`);
    }
    expect(found).toEqual([]);
  });

  it("imports nothing: every layer may use it", () => {
    expect(readFileSync(VOCABULARY, "utf8")).not.toMatch(/^\s*import\b/m);
  });
});
