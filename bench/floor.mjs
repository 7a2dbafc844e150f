// The floor for `plan check`: reads and parses the same files with the same parsers,
// and does nothing else. `plan check` cannot be faster than this.
//
//   node bench/floor.mjs <repository>
//
// Like plan's loader it walks the folder (skipping hidden folders, build output and
// nested repositories), reads `plan.config.yaml` and every `.md` file as UTF-8,
// parses the YAML frontmatter with `yaml`'s parseDocument (same options as plan) and
// the body with plan's own unified processor (`bodyParser`: remark-parse and
// remark-gfm), as plan's loader does. No validation, no rules, no messages: it prints
// only the number of documents parsed.
//
//   node bench/floor.mjs --read <repository>
//
// only reads the same files and hashes each (sha256, as plan's cache tells a changed file by
// the digest of its text), parsing nothing: the floor for a check that takes every unchanged
// file from its cache.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { bodyParser } from "../dist/source/load.js";

const CONFIG_FILE = "plan.config.yaml";
const SKIPPED = new Set(["node_modules", "dist", "templates", "schemas"]);
const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true };
const frontmatter = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

const readOnly = process.argv[2] === "--read";
const root = resolve(process.argv[readOnly ? 3 : 2] ?? ".");
if (!existsSync(join(root, CONFIG_FILE))) {
  console.error(`usage: node bench/floor.mjs <repository>  (no ${CONFIG_FILE} in ${root})`);
  process.exit(2);
}

let documents = 0;
parseDocument(readFileSync(join(root, CONFIG_FILE), "utf8"), YAML_OPTIONS);

const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !existsSync(join(path, CONFIG_FILE))) walk(path);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) {
      const text = readFileSync(path, "utf8");
      if (readOnly) {
        createHash("sha256").update(text).digest("base64");
        documents++;
        continue;
      }
      const fm = frontmatter.exec(text);
      if (!fm) continue; // no frontmatter: not a document
      parseDocument(fm[1], YAML_OPTIONS);
      bodyParser.parse(text.slice(fm.index + fm[0].length));
      documents++;
    }
  }
};
walk(root);
console.log(`${documents} ${readOnly ? "files read" : "documents"}`);
