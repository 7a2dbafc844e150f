import { z } from "zod";
import { report } from "../diagnostics/report.js";
import { documentKinds, documentSchemas, type DocumentData, type DocumentKind } from "../schema/index.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { choices, fieldName, typeName, valueAt, valueText } from "./describe.js";
import { count, listOf, phrased, t, type Message } from "../format/message.js";
import { fieldDescription, isKronorAt, isTableAmountAt, keysAt } from "./schema-walk.js";
import { checkWrittenAmounts, reportNotKronor, reportNotTableAmount } from "./whole-kronor.js";
import { schemaEnum, schemaFormat, schemaInvalid, schemaKind, schemaNotAMap, schemaRange, schemaRequired, schemaType, schemaUnknownKey } from "./rules.js";
import { closest, suggestion } from "./suggest.js";
import { SYNONYMS } from "../vocabulary.js";

type Issue = z.core.$ZodIssue;

/** Validates a document's frontmatter against the schema of its `kind`; `undefined` when it is invalid. */
export function validateDocument(doc: SourceDocument): { kind: DocumentKind; data: DocumentData[DocumentKind] } | undefined {
  const data = doc.data;
  if (data === undefined) return undefined; // YAML errors are already reported.
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    report(doc.file, schemaNotAMap, {
      reason: t`The frontmatter must be a map of fields (\`kind: plan\`, \`title: …\`), but it is not.`,
      place: place(doc, []),
      fix: t`Start the frontmatter with \`kind:\` and the document's fields, one per line.`,
    });
    return undefined;
  }
  const kind = (data as Record<string, unknown>)["kind"];
  if (typeof kind !== "string" || !(documentKinds as string[]).includes(kind)) {
    const found = kind === undefined ? t`no \`kind\`` : `\`kind: ${String(kind)}\``;
    const synonym = typeof kind === "string" ? SYNONYMS[kind.toLocaleLowerCase("sv")] : undefined;
    const hint =
      typeof kind !== "string"
        ? ""
        : synonym && (documentKinds as string[]).includes(synonym)
          ? t` Did you mean \`${synonym}\`?`
          : suggestion(kind, documentKinds);
    report(doc.file, schemaKind, {
      reason: t`Every document states its kind, one of ${choices(documentKinds)}; found ${found}.${hint}`,
      place: place(doc, kind === undefined ? [] : ["kind"]),
      fix: t`Set \`kind:\` to the kind of document this is. A markdown file that is not a document must have no frontmatter.`,
    });
    return undefined;
  }
  const valid = validateWith(doc, documentSchemas[kind as DocumentKind], kind as DocumentKind) as
    { kind: DocumentKind; data: DocumentData[DocumentKind] } | undefined;
  return checkWrittenAmounts(doc, documentSchemas[kind as DocumentKind]) ? valid : undefined;
}

/** Parses `doc.data` with `schema`, reporting every issue at the place of the value at fault. */
export function validateWith<S extends z.ZodType, K extends string>(doc: SourceDocument, schema: S, kind: K) {
  const result = schema.safeParse(doc.data);
  if (result.success) return { kind, data: result.data as z.infer<S> };
  for (const issue of result.error.issues) reportIssue(doc, schema, issue, []);
  return undefined;
}

/**
 * `{ total: -2,4% }`: in a flow mapping the comma of a decimal ends the value (`total: -2`) and
 * the rest (`4%`) is read as a field of its own. The fix names the figure as it was meant.
 */
function splitDecimal(object: unknown, key: string): Message | undefined {
  if (!/^\d+\s*%?$/.test(key) || object === null || typeof object !== "object") return undefined;
  const entries = Object.entries(object);
  const before = entries[entries.findIndex(([k]) => k === key) - 1];
  if (!before || typeof before[1] !== "number" || !Number.isInteger(before[1])) return undefined;
  return t`A comma inside \`{ … }\` separates fields: put a figure with a decimal comma in quotes, \`${before[0]}: "${before[1]},${key}"\`.`;
}

function reportIssue(doc: SourceDocument, schema: z.ZodType, issue: Issue, prefix: Path): void {
  const path = [...prefix, ...issue.path];
  const value = valueAt(doc.data, path);
  const field = fieldName(path);

  if (issue.code === "invalid_union") {
    const discriminator = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
    if (issue.errors.length === 0 && discriminator) {
      const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
      const found = value === undefined ? t`no \`${discriminator}\`` : `\`${String(value)}\``;
      const hint = typeof value === "string" ? suggestion(value, options) : "";
      return void report(doc.file, value === undefined ? schemaRequired : schemaEnum, {
        reason: t`${field} must be one of ${choices(options)}; found ${found}.${hint}`,
        place: place(doc, path),
      });
    }
    // Report the issues of the alternative whose type matched the value, if one did; of several
    // (a table's row may be a line, a memo row, a formula or a group), the one whose fields fit it best.
    const matching = issue.errors.filter((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
    const misfit = (branch: Issue[]) => {
      const top = branch.filter((i) => i.path.length <= 1);
      return top.reduce((n, i) => n + (i.code === "unrecognized_keys" ? i.keys.length : 1), 0) * 1000 + branch.length;
    };
    const matched = matching.reduce<Issue[] | undefined>((best, branch) => (best === undefined || misfit(branch) < misfit(best) ? branch : best), undefined);
    if (matched) return matched.forEach((i) => reportIssue(doc, schema, i, path));
    if (isKronorAt(schema, path)) return reportNotKronor(doc, path, value);
    if (isTableAmountAt(schema, path)) return reportNotTableAmount(doc, path, value);
    const expected = issue.errors.map((branch) => branch.find((i) => i.code === "invalid_type")).map((i) => (i as { expected?: string })?.expected);
    return void report(doc.file, schemaType, {
      reason: t`${field} must be ${listOf(
        expected.map((e) => typeName(e ?? "value")),
        "or",
      )}; found ${valueText(value)}.`,
      place: place(doc, path),
    });
  }

  if (isKronorAt(schema, path) && (issue.code === "invalid_type" || issue.code === "too_small" || issue.code === "too_big") && value !== undefined) {
    return reportNotKronor(doc, path, value);
  }
  if (isTableAmountAt(schema, path) && value !== undefined && value !== null) return reportNotTableAmount(doc, path, value);

  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) {
        const description = fieldDescription(schema, path);
        return void report(doc.file, schemaRequired, {
          reason: description ? t`${field} is required here but missing. (${description})` : t`${field} is required here but missing.`,
          place: place(doc, path, { key: true }),
          fix: t`Add \`${String(path.at(-1))}:\` with its value.`,
        });
      }
      return void report(doc.file, schemaType, {
        reason: t`${field} must be ${typeName(issue.expected)}; found ${valueText(value)}.`,
        place: place(doc, path),
        fix:
          issue.expected === "array"
            ? t`Write a list: one \`- item\` per line, or \`[a, b]\`.`
            : issue.expected === "string" && typeof value === "number"
              ? t`Put it in quotes, as text: a code such as \`"0114"\` loses its leading zero as a number.`
              : undefined,
      });
    }
    case "unrecognized_keys": {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        report(doc.file, schemaUnknownKey, {
          reason: path.length
            ? t`Unknown field \`${key}\` in ${field}.${suggestion(key, known)}`
            : t`Unknown field \`${key}\` in the frontmatter.${suggestion(key, known)}`,
          place: place(doc, [...path, key], { key: true }),
          fix: splitDecimal(value, key) ?? (closest(key, known) ? undefined : t`Known fields here: ${choices(known)}.`),
        });
      }
      return;
    }
    case "invalid_value": {
      const options = issue.values.map(String);
      const swedish = typeof value === "string" ? SYNONYMS[value.toLocaleLowerCase("sv")] : undefined;
      if (swedish && options.includes(swedish)) {
        return void report(doc.file, schemaEnum, {
          reason: t`${field} is written in English: \`${swedish}\` for "${value as string}".`,
          place: place(doc, path),
          fix: t`Write \`${swedish}\`.`,
        });
      }
      return void report(doc.file, schemaEnum, {
        reason:
          options.length === 1
            ? t`${field} must be ${choices(options)}; found ${valueText(value)}.${typeof value === "string" ? suggestion(value, options) : ""}`
            : t`${field} must be one of ${choices(options)}; found ${valueText(value)}.${typeof value === "string" ? suggestion(value, options) : ""}`,
        place: place(doc, path),
      });
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const found = valueText(value);
      const reason =
        issue.origin === "array"
          ? t`${field} must have at least ${count(Number(bound), "item")}; found ${found}.`
          : issue.origin === "string"
            ? t`${field} must not be empty; found ${found}.`
            : issue.code === "too_small"
              ? t`${field} must be at least ${String(bound)}; found ${found}.`
              : t`${field} must be at most ${String(bound)}; found ${found}.`;
      return void report(doc.file, schemaRange, { reason, place: place(doc, path) });
    }
    case "invalid_format":
    case "custom":
      return void report(doc.file, schemaFormat, {
        reason: t`${field} must be ${phrased(issue.message)}; found ${valueText(value)}.`,
        place: place(doc, path),
      });
    default:
      return void report(doc.file, schemaInvalid, { reason: t`${field}: ${phrased(issue.message)}.`, place: place(doc, path) });
  }
}
