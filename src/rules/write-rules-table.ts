import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { registry } from "./index.js";
import { TABLE_END, TABLE_START, withRulesTable } from "./rules-table.js";

// `npm run rules-table`: writes the registry's rules into README.md between the markers.
const path = resolve(import.meta.dirname, "../../README.md");
const next = withRulesTable(readFileSync(path, "utf8"), registry);
if (next === undefined) {
  console.error(`README.md has no ${TABLE_START} … ${TABLE_END} markers under "## Rules".`);
  process.exit(1);
}
writeFileSync(path, next);
console.log(`README.md: ${registry.length} rules.`);
