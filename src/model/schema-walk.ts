import { z } from "zod";
import type { Path } from "../source/locate.js";

/*
 * What validation needs from a zod schema beyond parsing with it: the schema at a place of the
 * data, its fields, their descriptions and metadata. Zod does not expose these as an API, so
 * this is the one module that reads its internals (`_zod.def`).
 */

/** Walks a zod schema along a data path, through wrappers, arrays, records and unions. */
export function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType[] {
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

export function keysAt(schema: z.ZodType, path: Path): string[] {
  return [
    ...new Set(
      schemaAt(schema, path).flatMap((s) => {
        const def = s._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
        return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
      }),
    ),
  ];
}

export function fieldDescription(schema: z.ZodType, path: Path): string | undefined {
  const parent = schemaAt(schema, path.slice(0, -1));
  for (const s of parent) {
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, z.ZodType> };
    const field = def.type === "object" ? def.shape?.[String(path.at(-1))] : undefined;
    if (field?.description) return field.description;
  }
  return undefined;
}

/**
 * Whether the value at `path` is an amount of money: the schema there is `kronor`, which carries
 * `.meta({ kronor: true })` (kept by its copies with their own descriptions), or a union with it.
 */
export function isKronorAt(schema: z.core.$ZodType, path: Path): boolean {
  return schemaAt(schema, path).some((s) => z.globalRegistry.get(s)?.["kronor"] === true);
}

/** Whether the value at `path` is an amount of a money table (`.meta({ amount: true })`): a signed whole number in the table's unit. */
export function isTableAmountAt(schema: z.core.$ZodType, path: Path): boolean {
  return schemaAt(schema, path).some((s) => z.globalRegistry.get(s)?.["amount"] === true);
}
