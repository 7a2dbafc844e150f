import { safeJson } from "../format/control.js";
import { hasDifferences, type DiffResult } from "./model.js";

/** The whole result as JSON, amounts as whole kronor: for scripts and other tools. */
export function formatJson(result: DiffResult): string {
  return `${safeJson({ differences: hasDifferences(result), ...result }, 2)}\n`;
}
