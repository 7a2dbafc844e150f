import { visible } from "../format/control.js";
import type { Lang } from "../format/message.js";
import { countMessages, type FileMessages } from "./collect.js";
import { countsText } from "./format-text.js";

/**
 * The findings in a few lines, one per file: how many, and of which rules (`goal/unfunded ×3`),
 * for a user who wants to know where to look, not yet what each says. `plan build` shows this;
 * `plan check` lists each finding with its place and fix.
 */
export function formatSummary(files: FileMessages[], lang: Lang): string {
  return files
    .map(({ file, messages }) => {
      const found = countsText(countMessages([{ file, messages }]), lang);
      const rules = new Map<string, number>();
      for (const message of messages) rules.set(message.ruleId ?? "?", (rules.get(message.ruleId ?? "?") ?? 0) + 1);
      const named = [...rules].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(", ");
      return `  ${visible(file.path)}: ${found} (${named})\n`;
    })
    .join("");
}
