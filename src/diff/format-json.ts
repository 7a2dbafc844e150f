import { hasDifferences, type DiffResult } from "./model.js";

/** The whole result as JSON, amounts as whole kronor: for scripts and other tools. */
export function formatJson(result: DiffResult): string {
  return `${JSON.stringify({ differences: hasDifferences(result), ...result }, null, 2)}\n`;
}
