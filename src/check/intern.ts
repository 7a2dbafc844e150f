/**
 * The strings of one check, each text held once: what a document's data and outline are read
 * back into in the main thread (see cache.ts) holds a string of its own for every value, though
 * most are the same from document to document: ids, dates, units, party names, and whole goals,
 * headings and paragraphs, which a municipality carries from one year's plan to the next, and
 * copies (`text/copied`) share. On 1,000 plans of the generated repository, the data read back
 * held 19 MB of strings, of 240 kB of distinct text.
 */
export class Strings {
  private readonly known = new Map<string, string>();

  /** The one string of this text. */
  of(text: string): string {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    this.known.set(text, text);
    return text;
  }

  /**
   * Puts this check's string in place of every string in `value`, its plain objects and arrays
   * (those read back by `v8.deserialize` or received from a worker, which nothing else holds
   * yet), and returns it. Other objects (a `Uint8Array`, a `Map`) are left as they are.
   */
  within<T>(value: T): T {
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === "string") value[i] = this.of(item);
        else if (typeof item === "object" && item !== null) this.within(item);
      }
      return value;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    const object = value as Record<string, unknown>;
    for (const key in object) {
      const item = object[key];
      if (typeof item === "string") object[key] = this.of(item);
      else if (typeof item === "object" && item !== null) this.within(item);
    }
    return value;
  }
}

/**
 * A copy of `value`'s plain objects and arrays, every array packed (the rest is shared): what a
 * worker sends and `serialize` writes. An array V8 made with room for holes (`new Array(n)`,
 * as a schema's parser makes them) is written element by element, with its length apart, and
 * read back with room to grow: 190 bytes for four numbers against 85 for a packed one, and
 * slower to read. An array with a real hole is left as it is.
 */
export function packed<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return value;
      copy.push(packed(value[i] as unknown));
    }
    return copy as T;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy = (prototype === null ? Object.create(null) : {}) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = packed((value as Record<string, unknown>)[key]);
  return copy as T;
}
