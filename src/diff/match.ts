/** Pairs of the same thing in base and head; one side is missing where it was added or removed. */
export interface Matched<T> {
  before: T | undefined;
  after: T | undefined;
}

/**
 * Matches the items of two lists by key, trying each key function in turn on what is still
 * unmatched: ids first, then titles (an item whose id changed but whose title did not is the
 * same item). Order does not matter, so reordering a list is no change. The result follows
 * head's order, with removed items last.
 */
export function matchBy<T>(before: readonly T[], after: readonly T[], keys: ((item: T) => string | undefined)[]): Matched<T>[] {
  const partner = new Map<T, T>();
  const taken = new Set<T>();
  for (const key of keys) {
    const index = new Map<string, T[]>();
    for (const b of before) {
      if (taken.has(b)) continue;
      const k = key(b);
      if (k !== undefined) index.set(k, [...(index.get(k) ?? []), b]);
    }
    for (const a of after) {
      if (partner.has(a)) continue;
      const k = key(a);
      const candidates = k === undefined ? undefined : index.get(k);
      const b = candidates?.shift();
      if (b === undefined) continue;
      partner.set(a, b);
      taken.add(b);
    }
  }
  return [...after.map((a) => ({ before: partner.get(a), after: a })), ...before.filter((b) => !taken.has(b)).map((b) => ({ before: b, after: undefined }))];
}

/** Items with an `id` and a `title`, as goals, interventions and budget lines are. */
export const matchItems = <T extends { id?: string; title?: string }>(before: readonly T[], after: readonly T[]) =>
  matchBy(before, after, [(t) => t.id, (t) => t.title?.trim()]);
