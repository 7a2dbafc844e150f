import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { registry } from "./index.js";
import { TABLE_END, TABLE_START, withRulesTable } from "./rules-table.js";
import { PARTS_END, PARTS_START, withPartsTable } from "../model/parts.js";

// `npm run rules-table`: writes the registry's rules into README.md between the markers.
const path = resolve(import.meta.dirname, "../../README.md");
const next = withRulesTable(readFileSync(path, "utf8"), registry);
if (next === undefined) {
  console.error(`README.md has no ${TABLE_START} … ${TABLE_END} markers under "## Rules".`);
  process.exit(1);
}
// And the directives that place the generated parts, from the table of parts.
const withParts = withPartsTable(next);
if (withParts === undefined) {
  console.error(`README.md has no ${PARTS_START} … ${PARTS_END} markers under "Placing generated parts".`);
  process.exit(1);
}
writeFileSync(path, withParts);
console.log(`README.md: ${registry.length} rules and the directives of the generated parts.`);
