import { betweenMarkers } from "../format/text.js";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fieldReference, FIELDS_END, FIELDS_START } from "./field-reference.js";
import { join } from "node:path";
import { jsonSchemas } from "./json-schema.js";

// `npm run schemas`: regenerates schemas/ from the zod schemas; a test fails when they are stale.
const out = join(import.meta.dirname, "../../schemas");
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) writeFileSync(join(out, name), text);
console.log(`wrote ${Object.keys(jsonSchemas()).join(", ")} to schemas/`);

// The README's field reference lies between two markers and is regenerated with the schemas.
const readme = join(import.meta.dirname, "../../README.md");
const text = readFileSync(readme, "utf8");
const updated = betweenMarkers(text, FIELDS_START, FIELDS_END, fieldReference());
if (updated === undefined) throw new Error(`README.md lacks the markers ${FIELDS_START} … ${FIELDS_END}`);
writeFileSync(readme, updated);
console.log("updated the field reference in README.md");
