import { isPair, isScalar, isSeq } from "yaml";
import type { z } from "zod";
import { report } from "../diagnostics/report.js";
import { kronor as formatKronor, groupDigits, parseSwedishAmount } from "../format/swedish.js";
import { MAX_AMOUNT } from "../schema/table.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { walkYaml } from "../source/yaml-walk.js";
import { fieldName, valueText } from "./describe.js";
import { t, type Message } from "../format/message.js";
import { tableAmount, wholeKronor } from "./rules.js";
import { isKronorAt, isTableAmountAt } from "./schema-walk.js";

/* The rule `money/whole-kronor`: amounts are whole kronor, found by the schema's `kronor` metadata. */

/**
 * YAML reads `240.000` as 240 and `2e5` as 200000, so a schema that sees only numbers lets a
 * Swedish thousands point through as a silently wrong amount. Amounts must be written as plain
 * digits; this looks at how each one was written. Returns whether all were.
 */
export function checkWrittenAmounts(doc: SourceDocument, schema: z.core.$ZodType): boolean {
  // Every number written in digits, as seen where the document was parsed: nothing to look for.
  if (doc.plainNumbers || !doc.yaml) return true;
  let ok = true;
  walkYaml(doc.yaml, {
    Scalar(node, ancestors) {
      // Other numbers that are not whole are the schema's to report.
      if (typeof node.value !== "number" || !node.source || /^-?\d+$/.test(node.source)) return;
      // A value of a key, or an item of a list (a table's cells).
      const parent = ancestors.at(-1);
      if (!(isPair(parent) && parent.value === node) && !isSeq(parent)) return;
      const path: (string | number)[] = [];
      const chain = [...ancestors, node];
      ancestors.forEach((a, i) => {
        if (isPair(a)) path.push(isScalar(a.key) ? String(a.key.value) : "");
        else if (isSeq(a)) path.push(a.items.indexOf(chain[i + 1] as never));
      });
      const inTable = isTableAmountAt(schema, path);
      // A kronor amount that is not whole is the schema's to report; a table's `7.510` is a thousands point.
      if (!(inTable || (isKronorAt(schema, path) && Number.isInteger(node.value) && !node.source.startsWith("-")))) return;
      ok = false;
      const thousands = /^-?\d{1,3}(?:[.,]\d{3})+$/.test(node.source);
      const meant = thousands ? Number(node.source.replace(/[.,]/g, "")) : Math.round(node.value);
      const [start, end] = node.range ?? [0, 0];
      const unit = inTable ? tableUnit(doc, path) : "kronor";
      report(doc.file, inTable ? tableAmount : wholeKronor, {
        reason: t`${fieldName(path)} is written \`${node.source}\`, which is read as ${node.value} ${unit}; amounts are whole ${unit} in digits only.`,
        place: doc.lines.position(doc.yamlStart + start, doc.yamlStart + end),
        fix: thousands ? t`Write \`${meant}\` (no thousands separator).` : t`Write \`${meant}\`.`,
      });
    },
  });
  return ok;
}

/** The unit of the money table an amount at `path` is in (`tables[0]…` → its `unit`). */
function tableUnit(doc: SourceDocument, path: Path): string {
  const at = path.indexOf("tables");
  const table = at >= 0 ? (doc.data as { tables?: { unit?: unknown }[] } | undefined)?.tables?.[Number(path[at + 1])] : undefined;
  return typeof table?.unit === "string" ? table.unit : "kr";
}

/** A money table's amounts are signed whole numbers in its unit, or `~` for a blank. */
export function reportNotTableAmount(doc: SourceDocument, path: Path, value: unknown): void {
  // A number that is not whole is reported where its writing is seen (`checkWrittenAmounts`): `7.510` is a thousands point.
  if (typeof value === "number" && !Number.isInteger(value)) return;
  const unit = tableUnit(doc, path);
  if (typeof value === "number" && Number.isInteger(value)) {
    return void report(doc.file, tableAmount, {
      reason:
        value < 0
          ? t`${fieldName(path)} is below the largest figure a table holds, ${groupDigits(MAX_AMOUNT)} ${unit} either way; found ${groupDigits(value)}.`
          : t`${fieldName(path)} is above the largest figure a table holds, ${groupDigits(MAX_AMOUNT)} ${unit} either way; found ${groupDigits(value)}.`,
      place: place(doc, path),
      fix: t`Check the number of digits, or write the table in a larger unit (\`unit: tkr\`, \`unit: mnkr\`).`,
    });
  }
  const digits = typeof value === "string" ? value.replace(/[\s\u00A0\u202F]/g, "").replace(/^[\u2212\u2013]/, "-") : undefined;
  const meant = digits !== undefined && /^-?\d+$/.test(digits) ? digits : typeof value === "number" ? String(Math.round(value)) : undefined;
  report(doc.file, tableAmount, {
    reason: t`${fieldName(path)} must be a whole number of ${unit}, or \`~\` for a blank cell; found ${valueText(value)}.`,
    place: place(doc, path),
    fix:
      meant !== undefined
        ? t`Write \`${meant}\`: digits only, \`-\` for a minus, no spaces.`
        : t`Write the amount in ${unit} with digits only, e.g. \`-1760\`.`,
  });
}

/** Amounts are whole kronor; say which integer to write instead of what was found. */
export function reportNotKronor(doc: SourceDocument, path: Path, value: unknown): void {
  let reason: Message;
  let fix: Message | undefined;
  const field = fieldName(path);
  if (typeof value === "number" && Number.isInteger(value) && value < 0) {
    reason = t`${field} must not be negative; found ${value}. These amounts are what a party pays or spends, never below 0.`;
    fix = t`Write the amount without the minus sign: a reduction is a smaller amount on the line. Signed amounts (revenues in a cost perspective, deviations, reallocations) go in a money table under \`tables:\`, whose cells may be negative.`;
  } else if (typeof value === "number" && value > Number.MAX_SAFE_INTEGER) {
    reason = t`${field} is larger than any amount that can be added exactly (${formatKronor(Number.MAX_SAFE_INTEGER)}); found ${value}.`;
    fix = t`Check the number of digits.`;
  } else if (typeof value === "number") {
    reason = t`${field} must be whole kronor; found ${value}.`;
    fix = t`Write \`${Math.round(value)}\` (rounded to whole kronor).`;
  } else {
    const parsed = typeof value === "string" ? parseSwedishAmount(value) : undefined;
    reason = t`${field} must be a number of whole kronor; found ${valueText(value)}.`;
    fix =
      parsed !== undefined
        ? t`Write \`${String(parsed)}\`: digits only, no spaces or unit.`
        : t`Write the amount in whole kronor with digits only, e.g. \`1000000\`.`;
  }
  report(doc.file, wholeKronor, { reason, place: place(doc, path), fix });
}
