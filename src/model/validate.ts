import { isPair, isScalar, isSeq, visit } from "yaml";
import { z } from "zod";
import { report } from "../diagnostics/report.js";
import { documentKinds, documentSchemas, type DocumentData, type DocumentKind } from "../schema/index.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { kronor as formatKronor, parseSwedishAmount } from "../format/swedish.js";
import { schemaEnum, schemaFormat, schemaInvalid, schemaKind, schemaNotAMap, schemaRange, schemaRequired, schemaType, schemaUnknownKey, wholeKronor } from "./rules.js";
import { closest, didYouMean } from "./suggest.js";

type Issue = z.core.$ZodIssue;

/** Validates a document's frontmatter against the schema of its `kind`; `undefined` when it is invalid. */
export function validateDocument(doc: SourceDocument): { kind: DocumentKind; data: DocumentData[DocumentKind] } | undefined {
  const data = doc.data;
  if (data === undefined) return undefined; // YAML errors are already reported.
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    report(doc.file, schemaNotAMap, {
      reason: "The frontmatter must be a map of fields (`kind: plan`, `title: …`), but it is not.",
      place: place(doc, []),
      fix: "Start the frontmatter with `kind:` and the document's fields, one per line.",
    });
    return undefined;
  }
  const kind = (data as Record<string, unknown>)["kind"];
  if (typeof kind !== "string" || !(documentKinds as string[]).includes(kind)) {
    const found = kind === undefined ? "no `kind`" : `\`kind: ${String(kind)}\``;
    report(doc.file, schemaKind, {
      reason: `Every document states its kind, one of ${documentKinds.map((k) => `\`${k}\``).join(", ")}; found ${found}.${
        typeof kind === "string" ? didYouMean(kind, documentKinds) : ""
      }`,
      place: place(doc, kind === undefined ? [] : ["kind"]),
      fix: "Set `kind:` to the kind of document this is. A markdown file that is not a document must have no frontmatter.",
    });
    return undefined;
  }
  const valid = validateWith(doc, documentSchemas[kind as DocumentKind], kind as DocumentKind) as
    | { kind: DocumentKind; data: DocumentData[DocumentKind] }
    | undefined;
  return checkWrittenAmounts(doc) ? valid : undefined;
}

/**
 * YAML reads `240.000` as 240 and `2e5` as 200000, so a schema that sees only numbers lets a
 * Swedish thousands point through as a silently wrong amount. Amounts must be written as plain
 * digits; this looks at how each one was written. Returns whether all were.
 */
function checkWrittenAmounts(doc: SourceDocument): boolean {
  if (!doc.yaml) return true;
  let ok = true;
  visit(doc.yaml, {
    Scalar(_key, node, ancestors) {
      // Other numbers that are not whole are the schema's to report.
      if (typeof node.value !== "number" || !Number.isInteger(node.value) || !node.source || /^\d+$/.test(node.source)) return;
      const pair = ancestors.at(-1);
      if (!isPair(pair) || pair.value !== node) return;
      const path: (string | number)[] = [];
      ancestors.forEach((a, i) => {
        if (isPair(a)) path.push(isScalar(a.key) ? String(a.key.value) : "");
        else if (isSeq(a)) path.push(a.items.indexOf(ancestors[i + 1] as never));
      });
      if (!isMoneyPath(path)) return;
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

/** Parses `doc.data` with `schema`, reporting every issue at the place of the value at fault. */
export function validateWith<S extends z.ZodType, K extends string>(doc: SourceDocument, schema: S, kind: K) {
  const result = schema.safeParse(doc.data);
  if (result.success) return { kind, data: result.data as z.infer<S> };
  for (const issue of result.error.issues) reportIssue(doc, schema, issue, []);
  return undefined;
}

function reportIssue(doc: SourceDocument, schema: z.ZodType, issue: Issue, prefix: Path): void {
  const path = [...prefix, ...issue.path];
  const value = valueAt(doc.data, path);
  const field = describeField(path);

  if (issue.code === "invalid_union") {
    const discriminator = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
    if (issue.errors.length === 0 && discriminator) {
      const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
      const found = value === undefined ? `no \`${discriminator}\`` : `\`${String(value)}\``;
      const suggestion = typeof value === "string" ? didYouMean(value, options) : "";
      return void report(doc.file, value === undefined ? schemaRequired : schemaEnum, {
        reason: `${field} must be one of ${options.map((o) => `\`${o}\``).join(", ")}; found ${found}.${suggestion}`,
        place: place(doc, path),
      });
    }
    // Report the issues of the alternative whose type matched the value, if one did.
    const matched = issue.errors.find((branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0));
    if (matched) return matched.forEach((i) => reportIssue(doc, schema, i, path));
    if (isMoneyPath(path)) return reportMoney(doc, path, value);
    const expected = issue.errors.map((branch) => branch.find((i) => i.code === "invalid_type")).map((i) => (i as { expected?: string })?.expected);
    return void report(doc.file, schemaType, {
      reason: `${field} must be ${expected.map((e) => article(e ?? "value")).join(" or ")}; found ${describeValue(value)}.`,
      place: place(doc, path),
    });
  }

  if (isMoneyPath(path) && (issue.code === "invalid_type" || issue.code === "too_small" || issue.code === "too_big") && value !== undefined) {
    return reportMoney(doc, path, value);
  }

  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) {
        const description = fieldDescription(schema, path);
        return void report(doc.file, schemaRequired, {
          reason: `${field} is required here but missing.${description ? ` (${description})` : ""}`,
          place: place(doc, path, { key: true }),
          fix: `Add \`${String(path.at(-1))}:\` with its value.`,
        });
      }
      return void report(doc.file, schemaType, {
        reason: `${field} must be ${article(issue.expected)}; found ${describeValue(value)}.`,
        place: place(doc, path),
        fix:
          issue.expected === "array"
            ? "Write a list: one `- item` per line, or `[a, b]`."
            : issue.expected === "string" && typeof value === "number"
              ? "Put it in quotes, as text: a code such as `\"0114\"` loses its leading zero as a number."
              : undefined,
      });
    }
    case "unrecognized_keys": {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        report(doc.file, schemaUnknownKey, {
          reason: `Unknown field \`${key}\` ${path.length ? `in ${field}` : "in the frontmatter"}.${didYouMean(key, known)}`,
          place: place(doc, [...path, key], { key: true }),
          fix: closest(key, known) ? undefined : `Known fields here: ${known.map((k) => `\`${k}\``).join(", ")}.`,
        });
      }
      return;
    }
    case "invalid_value": {
      const options = issue.values.map(String);
      const swedish = typeof value === "string" ? SWEDISH_WORDS[value.toLocaleLowerCase("sv")] : undefined;
      if (swedish && options.includes(swedish)) {
        return void report(doc.file, schemaEnum, {
          reason: `${field} is written in English: \`${swedish}\` for "${value}".`,
          place: place(doc, path),
          fix: `Write \`${swedish}\`.`,
        });
      }
      return void report(doc.file, schemaEnum, {
        reason: `${field} must be ${options.length === 1 ? `\`${options[0]}\`` : `one of ${options.map((o) => `\`${o}\``).join(", ")}`}; found ${describeValue(value)}.${
          typeof value === "string" ? didYouMean(value, options) : ""
        }`,
        place: place(doc, path),
      });
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const what =
        issue.origin === "array"
          ? `must have at least ${bound} item${bound === 1 ? "" : "s"}`
          : issue.origin === "string"
            ? "must not be empty"
            : `must be ${issue.code === "too_small" ? "at least" : "at most"} ${bound}`;
      return void report(doc.file, schemaRange, { reason: `${field} ${what}; found ${describeValue(value)}.`, place: place(doc, path) });
    }
    case "invalid_format":
    case "custom":
      return void report(doc.file, schemaFormat, {
        reason: `${field} must be ${issue.message}; found ${describeValue(value)}.`,
        place: place(doc, path),
      });
    default:
      return void report(doc.file, schemaInvalid, { reason: `${field}: ${issue.message}.`, place: place(doc, path) });
  }
}

/** Amounts are whole kronor; say which integer to write instead of what was found. */
function reportMoney(doc: SourceDocument, path: Path, value: unknown): void {
  let reason: string;
  let fix: string | undefined;
  if (typeof value === "number" && Number.isInteger(value) && value < 0) {
    reason = `${describeField(path)} must not be negative; found ${value}.`;
    fix = "Amounts in a budget are never negative. A reduction is a smaller amount on the line.";
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

/** Swedish words users write for the English values of enumerations. */
const SWEDISH_WORDS: Record<string, string> = {
  beslutad: "decided",
  beslutat: "decided",
  fastställd: "decided",
  utkast: "draft",
  kontant: "cash",
  kontanter: "cash",
  schablon: "in-kind",
  schablonkostnad: "in-kind",
  hänvisad: "referred",
  hänvisas: "referred",
  uppfyllt: "met",
  "delvis uppfyllt": "partly-met",
  delvis: "partly-met",
  "ej uppfyllt": "not-met",
  "ej bedömt": "not-assessed",
  insats: "intervention",
  tjänst: "staff",
  överföring: "carry-over",
  nationell: "national",
  regional: "regional",
  lokal: "local",
  procent: "percent",
  antal: "count",
  kronor: "kronor",
};

const MONEY_KEYS = new Set(["amount", "total", "rate"]);
function isMoneyPath(path: Path): boolean {
  const last = path.at(-1);
  const parent = path.at(-2);
  return (typeof last === "string" && MONEY_KEYS.has(last)) || parent === "parties" || parent === "years";
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment as string];
  }
  return value;
}

/** `budget[2].parties.lerum` → "`budget[2].parties.lerum`". */
export function describeField(path: Path): string {
  if (path.length === 0) return "The frontmatter";
  const text = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("");
  return `\`${text}\``;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return `the text "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map of fields";
  return `\`${String(value)}\``;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "`true` or `false`",
    array: "a list",
    object: "a map of fields",
    record: "a map of fields",
  };
  return names[expected] ?? expected;
}

/** Walks a zod schema along a data path, through wrappers, arrays, records and unions. */
function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType[] {
  let current: z.core.$ZodType[] = [schema];
  for (const segment of [...path, null]) {
    current = current.flatMap(unwrap);
    if (segment === null) break;
    current = current.flatMap((s) => {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === "object") {
        const child = (def["shape"] as Record<string, z.core.$ZodType>)[String(segment)];
        return child ? [child] : [];
      }
      if (def.type === "array") return [def["element"] as z.core.$ZodType];
      if (def.type === "record") return [def["valueType"] as z.core.$ZodType];
      return [];
    });
  }
  return current;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) {
    return unwrap(def["innerType"] as z.core.$ZodType);
  }
  if (def.type === "pipe") return unwrap(def["in"] as z.core.$ZodType);
  if (def.type === "union") return (def["options"] as z.core.$ZodType[]).flatMap(unwrap);
  return [schema];
}

function keysAt(schema: z.ZodType, path: Path): string[] {
  return [
    ...new Set(
      schemaAt(schema, path).flatMap((s) => {
        const def = s._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
        return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
      }),
    ),
  ];
}

function fieldDescription(schema: z.ZodType, path: Path): string | undefined {
  const parent = schemaAt(schema, path.slice(0, -1));
  for (const s of parent) {
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, z.ZodType> };
    const field = def.type === "object" ? def.shape?.[String(path.at(-1))] : undefined;
    if (field?.description) return field.description;
  }
  return undefined;
}
