import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { TABLE_END, TABLE_START, WORDINGS, withWordingTable } from "./wordings.js";

// `npm run wording-table`: writes the generated wordings into README.md between the markers.
const path = resolve(import.meta.dirname, "../../README.md");
const next = withWordingTable(readFileSync(path, "utf8"));
if (next === undefined) {
  console.error(`README.md has no ${TABLE_START} … ${TABLE_END} markers under "## Generated wording".`);
  process.exit(1);
}
writeFileSync(path, next);
console.log(`README.md: ${WORDINGS.length} wordings.`);
