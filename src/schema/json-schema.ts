import { z } from "zod";
import { anyDocument, config, koladaData } from "./index.js";

/**
 * JSON Schemas generated from the zod schemas, for editors: the YAML language server completes
 * and validates `plan.config.yaml` and the frontmatter of documents with them. They describe
 * what a user writes (the input side, where defaulted fields are optional).
 */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, title: string, id: string) => {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-7" }) as Record<string, unknown>;
    return `${JSON.stringify({ $id: id, title, ...json }, null, 2)}\n`;
  };
  return {
    "config.schema.json": render(config, "plan.config.yaml", "https://plan.invalid/schemas/config.schema.json"),
    "document.schema.json": render(anyDocument, "plan document frontmatter", "https://plan.invalid/schemas/document.schema.json"),
    "kolada.schema.json": render(koladaData, "data/kolada/<kpi>-<municipality>.yaml", "https://plan.invalid/schemas/kolada.schema.json"),
  };
}
