import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas } from "./json-schema.js";

// `npm run schemas`: regenerates schemas/ from the zod schemas; a test fails when they are stale.
const out = join(import.meta.dirname, "../../schemas");
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) writeFileSync(join(out, name), text);
console.log(`wrote ${Object.keys(jsonSchemas()).join(", ")} to schemas/`);
