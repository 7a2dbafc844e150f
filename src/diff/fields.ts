import type { FieldChange, Value } from "./model.js";
import { diffTexts, wordDiff } from "./prose.js";

/** Keys by which the items of a list of maps are matched, in order of preference. */
const ITEM_KEYS = ["id", "party", "line", "goal", "year", "label", "to", "title"] as const;

type Flat = Map<string, Value | Value[]>;

const isPrimitive = (v: unknown): v is Value => v === null || ["string", "number", "boolean"].includes(typeof v);

/** The key that tells the items of a list apart, if every item has a distinct one. */
function itemKey(items: object[]): string | undefined {
  return ITEM_KEYS.find((k) => {
    const values = items.map((i) => (i as Record<string, unknown>)[k]);
    return values.every(isPrimitive) && new Set(values).size === values.length;
  });
}

/**
 * Flattens data into leaf values by dotted path. Maps in a list are named by their key
 * (`contributions[lerum].amount`), so that reordering the list changes nothing; lists of plain
 * values stay lists.
 */
export function flatten(value: unknown, path = "", out: Flat = new Map()): Flat {
  if (value === undefined) return out;
  if (isPrimitive(value)) out.set(path, value);
  else if (Array.isArray(value)) {
    if (value.every(isPrimitive)) out.set(path, value);
    else {
      const key = itemKey(value.filter((v) => v && typeof v === "object"));
      value.forEach((item, i) =>
        flatten(item, `${path}[${key && item && typeof item === "object" ? String((item as Record<string, unknown>)[key]) : i + 1}]`, out),
      );
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const LONG = 60;

/** One changed value; long texts get a word diff. */
function change(field: string, before: Value | undefined, after: Value | undefined, money: boolean): FieldChange {
  const words = typeof before === "string" && typeof after === "string" && Math.max(before.length, after.length) > LONG ? wordDiff(before, after) : undefined;
  return { field, before, after, ...(money ? { money } : {}), ...(words ? { words } : {}) };
}

const sameItems = (a: Value[], b: Value[]) => a.length === b.length && JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());

/**
 * The fields that differ between two pieces of data, as flattened by `flatten`. A list of
 * values in another order is the same list; otherwise its items are added, removed or edited.
 */
export function compareFields(
  before: unknown,
  after: unknown,
  options: { skip?: (field: string) => boolean; money?: (field: string) => boolean } = {},
): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const changes: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    if (options.skip?.(field)) continue;
    const x = b.get(field);
    const y = a.get(field);
    const money = options.money?.(field) ?? false;
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = Array.isArray(x) ? x : x === undefined ? [] : [x];
      const ys = Array.isArray(y) ? y : y === undefined ? [] : [y];
      if (sameItems(xs, ys)) continue;
      for (const p of diffTexts(xs.map(String), ys.map(String))) changes.push(change(field, p.before, p.after, money));
    } else if (x !== y) changes.push(change(field, x, y, money));
  }
  return changes;
}
