import { isPair, isScalar, isSeq, visit } from "yaml";
import type { z } from "zod";
import { report } from "../diagnostics/report.js";
import { kronor as formatKronor, parseSwedishAmount } from "../format/swedish.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { describeField, describeValue } from "./describe.js";
import { wholeKronor } from "./rules.js";
import { isKronorAt } from "./schema-walk.js";

/* The rule `money/whole-kronor`: amounts are whole kronor, found by the schema's `kronor` metadata. */

/**
 * YAML reads `240.000` as 240 and `2e5` as 200000, so a schema that sees only numbers lets a
 * Swedish thousands point through as a silently wrong amount. Amounts must be written as plain
 * digits; this looks at how each one was written. Returns whether all were.
 */
export function checkWrittenAmounts(doc: SourceDocument, schema: z.core.$ZodType): boolean {
  if (!doc.yaml) return true;
  let ok = true;
  visit(doc.yaml, {
    Scalar(_key, node, ancestors) {
      // Other numbers that are not whole are the schema's to report, and so are negative ones: one message per amount.
      if (typeof node.value !== "number" || !Number.isInteger(node.value) || node.value < 0 || !node.source || /^\d+$/.test(node.source)) return;
      const pair = ancestors.at(-1);
      if (!isPair(pair) || pair.value !== node) return;
      const path: (string | number)[] = [];
      ancestors.forEach((a, i) => {
        if (isPair(a)) path.push(isScalar(a.key) ? String(a.key.value) : "");
        else if (isSeq(a)) path.push(a.items.indexOf(ancestors[i + 1] as never));
      });
      if (!isKronorAt(schema, path)) return;
      ok = false;
      const thousands = /^\d{1,3}(?:[.,]\d{3})+$/.test(node.source);
      const meant = thousands ? Number(node.source.replace(/[.,]/g, "")) : Math.round(node.value);
      const [start, end] = node.range ?? [0, 0];
      report(doc.file, wholeKronor, {
        reason: `${describeField(path)} is written \`${node.source}\`, which is read as ${node.value} kronor; amounts are whole kronor in digits only.`,
        place: doc.lines.position(doc.yamlStart + start, doc.yamlStart + end),
        fix: `Write \`${meant}\`${thousands ? " (no thousands separator)" : ""}.`,
      });
    },
  });
  return ok;
}

/** Amounts are whole kronor; say which integer to write instead of what was found. */
export function reportNotKronor(doc: SourceDocument, path: Path, value: unknown): void {
  let reason: string;
  let fix: string | undefined;
  if (typeof value === "number" && Number.isInteger(value) && value < 0) {
    reason = `${describeField(path)} must not be negative; found ${value}. These amounts are what a party pays or spends, never below 0.`;
    fix =
      "Write the amount without the minus sign: a reduction is a smaller amount on the line. Signed amounts (revenues in a cost perspective, deviations, reallocations) go in a money table under `tables:`, whose cells may be negative.";
  } else if (typeof value === "number" && value > Number.MAX_SAFE_INTEGER) {
    reason = `${describeField(path)} is larger than any amount that can be added exactly (${formatKronor(Number.MAX_SAFE_INTEGER)}); found ${value}.`;
    fix = "Check the number of digits.";
  } else if (typeof value === "number") {
    reason = `${describeField(path)} must be whole kronor; found ${value}.`;
    fix = `Write \`${Math.round(value)}\` (rounded to whole kronor).`;
  } else {
    const parsed = typeof value === "string" ? parseSwedishAmount(value) : undefined;
    reason = `${describeField(path)} must be a number of whole kronor; found ${describeValue(value)}.`;
    fix = parsed !== undefined ? `Write \`${parsed}\`: digits only, no spaces or unit.` : "Write the amount in whole kronor with digits only, e.g. `1000000`.";
  }
  report(doc.file, wholeKronor, { reason, place: place(doc, path), fix });
}
