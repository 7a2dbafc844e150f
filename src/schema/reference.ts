import { z } from "zod";
import { documentRef } from "./common.js";
import type { DocumentKind } from "./kinds.js";

/**
 * What `reference()` records in a field's metadata. It is the one declaration of the graph
 * between documents: the reference check, the referrers, watch mode's groups and the views all
 * read it through `referencesIn`, so a reference field added to a schema needs no other change.
 */
export interface ReferenceMeta {
  /** The kinds of document the id may name, in the order messages list them; `any` for every kind. */
  kinds: readonly DocumentKind[] | "any";
  /** The document this one belongs to (a plan's agreement, a report's plan, what a memo is about): the chain of them leads to its agreement. */
  belongsTo?: true;
}

/**
 * A field that names another document by id, as Astro's `reference("collection")`: the kinds it
 * may point to travel with the schema (and into the JSON Schemas, as `reference`).
 */
export function reference(kinds?: DocumentKind | readonly DocumentKind[], options: { belongsTo?: boolean } = {}): typeof documentRef {
  const meta: ReferenceMeta = { kinds: kinds === undefined ? "any" : [kinds].flat(), ...(options.belongsTo ? { belongsTo: true } : {}) };
  return documentRef.meta({ reference: meta });
}

/** A reference declared in a schema, where it sits: `goals[].indicators[]` (a list), `parties.<key>` (a map). */
export interface ReferenceField extends ReferenceMeta {
  field: string;
}

/** One reference found in a document's data: where it is, the id it names and the kinds allowed there. */
export interface DocumentReference extends ReferenceField {
  path: (string | number)[];
  id: string;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.core.$ZodType) => s._zod.def as unknown as Def;

/** The reference declared on this schema itself (`.describe()` and `.meta()` keep it, as zod's registry passes metadata on to clones). */
export const referenceMeta = (schema: z.core.$ZodType): ReferenceMeta | undefined =>
  (z.globalRegistry.get(schema) as { reference?: ReferenceMeta } | undefined)?.reference;

/** Wrappers whose data is the data of the schema inside them. */
const WRAPPERS = ["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"];

/** Every reference field a schema declares, each once, in the order of its fields. */
export function referenceFields(schema: z.core.$ZodType, field = ""): ReferenceField[] {
  const own = referenceMeta(schema);
  if (own) return [{ field, ...own }];
  const def = defOf(schema);
  const inner = (child: unknown, at: string) => referenceFields(child as z.core.$ZodType, at);
  if (WRAPPERS.includes(def.type)) return inner(def["innerType"], field);
  if (def.type === "pipe") return inner(def["out"], field);
  if (def.type === "array") return inner(def["element"], `${field}[]`);
  if (def.type === "record") return inner(def["valueType"], `${field}.<key>`);
  if (def.type === "object") {
    return Object.entries(def["shape"] as Record<string, unknown>).flatMap(([key, child]) => inner(child, field ? `${field}.${key}` : key));
  }
  if (def.type === "union") {
    // The same field in several alternatives (`split.rule`) is one field.
    const all = (def["options"] as unknown[]).flatMap((option) => inner(option, field));
    return all.filter((f, i) => all.findIndex((g) => g.field === f.field) === i);
  }
  return [];
}

/** Whether any reference can be found below a schema; the walk skips the parts where none can (amounts, texts). */
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function of immutable input (plan's schemas, made once at load), keyed weakly by the schema
const known = new WeakMap<z.core.$ZodType, boolean>();
function holdsReferences(schema: z.core.$ZodType): boolean {
  let holds = known.get(schema);
  if (holds === undefined) known.set(schema, (holds = referenceFields(schema).length > 0 || partyFields(schema)));
  return holds;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A party's id where a document names one (`organisation: lerum`), or as the key of a map by party (`parties: { lerum: … }`). */
export interface PartyReference {
  path: (string | number)[];
  party: string;
  /** The id is a key of a map: a message points at the key, not at its value. */
  key: boolean;
}

/** What a walk of a document's data finds: the references to documents and to parties. */
interface Found {
  documents: DocumentReference[];
  parties: PartyReference[];
}

/**
 * Every reference in a document's validated data, read with the schema it was validated
 * against, in the order of the schema's fields and the data's items.
 */
export function referencesIn(schema: z.core.$ZodType, data: unknown): DocumentReference[] {
  return walk(schema, data).documents;
}

/** Every party a document's data names (fields declared with `partyRef`, maps keyed by `partyKey`), in the order of the schema's fields and the data's items. */
export function partiesIn(schema: z.core.$ZodType, data: unknown): PartyReference[] {
  return walk(schema, data).parties;
}

function walk(schema: z.core.$ZodType, data: unknown): Found {
  const found: Found = { documents: [], parties: [] };
  collect(schema, data, [], "", found);
  return found;
}

function collect(schema: z.core.$ZodType, value: unknown, path: (string | number)[], field: string, out: Found): void {
  if (value === undefined || value === null || !holdsReferences(schema)) return;
  const own = referenceMeta(schema);
  if (own) {
    if (typeof value === "string") out.documents.push({ field, ...own, path, id: value });
    return;
  }
  if (isPartyRef(schema)) {
    if (typeof value === "string") out.parties.push({ path, party: value, key: false });
    return;
  }
  const def = defOf(schema);
  const inner = (child: unknown, v: unknown, p: (string | number)[], f: string) => collect(child as z.core.$ZodType, v, p, f, out);
  if (WRAPPERS.includes(def.type)) return inner(def["innerType"], value, path, field);
  if (def.type === "pipe") return inner(def["out"], value, path, field);
  if (def.type === "array" && Array.isArray(value)) return value.forEach((v, i) => inner(def["element"], v, [...path, i], `${field}[]`));
  if (def.type === "record" && isMap(value)) {
    const byParty = isPartyRef(def["keyType"] as z.core.$ZodType);
    for (const [key, v] of Object.entries(value)) {
      if (byParty) out.parties.push({ path: [...path, key], party: key, key: true });
      inner(def["valueType"], v, [...path, key], `${field}.<key>`);
    }
    return;
  }
  if (def.type === "object" && isMap(value)) {
    for (const [key, child] of Object.entries(def["shape"] as Record<string, unknown>)) {
      if (Object.hasOwn(value, key)) inner(child, value[key], [...path, key], field ? `${field}.${key}` : key);
    }
    return;
  }
  if (def.type === "union") {
    // Validated data matches one alternative: the one its discriminator names, else any; a field several could hold is found once.
    const discriminator = def["discriminator"] as string | undefined;
    const options = (def["options"] as z.core.$ZodType[]).filter(
      (option) => !discriminator || !isMap(value) || (option._zod.propValues?.[discriminator]?.has(value[discriminator] as never) ?? true),
    );
    const found: Found = { documents: [], parties: [] };
    for (const option of options) collect(option, value, path, field, found);
    const seen = new Set<string>();
    for (const kind of ["documents", "parties"] as const) {
      for (const ref of found[kind] as (DocumentReference | PartyReference)[]) {
        const key = `${kind}\u0000${JSON.stringify(ref.path)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        (out[kind] as (DocumentReference | PartyReference)[]).push(ref);
      }
    }
  }
}

/** Whether a schema is a party id (`partyRef`, `partyKey`): marked in zod's registry, which passes the mark on to clones. */
const isPartyRef = (schema: z.core.$ZodType | undefined): boolean =>
  schema !== undefined && (z.globalRegistry.get(schema) as { party?: boolean } | undefined)?.party === true;

/** Whether a party id can be found below a schema, as a field or as a map's key. */
function partyFields(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (isPartyRef(schema)) return true;
  const def = defOf(schema);
  const inner = (child: unknown) => partyFields(child as z.core.$ZodType, seen);
  if (WRAPPERS.includes(def.type)) return inner(def["innerType"]);
  if (def.type === "pipe") return inner(def["out"]);
  if (def.type === "array") return inner(def["element"]);
  if (def.type === "record") return isPartyRef(def["keyType"] as z.core.$ZodType) || inner(def["valueType"]);
  if (def.type === "object") return Object.values(def["shape"] as Record<string, unknown>).some(inner);
  if (def.type === "union") return (def["options"] as unknown[]).some(inner);
  return false;
}
