import { deserialize, serialize, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { packed, Strings } from "../src/check/intern.js";

/**
 * What a cold check of a large repository keeps in its main thread (issue 20: 10,000 plans in
 * under 1 GB): the records worker threads send, and the data read back from them, take no more
 * room than they must.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap taken by what `make` returns, kept, in bytes. */
function heapOf(make: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined();
  return after - before;
}

/** An array as a schema's parser makes it: with room for holes, though it has none. */
function holey<T>(items: T[]): T[] {
  const out = new Array<T>(items.length);
  items.forEach((item, i) => (out[i] = item));
  return out;
}

describe("packed", () => {
  const data = { id: "k0001/lerum/plan-2019", goals: holey([{ id: "g1", indicators: holey(["a", "b", "c"]) }]), amounts: holey([1000n, -1760n]) };

  it("writes arrays made with room for holes as packed ones, the same data read back", () => {
    const literal = { id: "k0001/lerum/plan-2019", goals: [{ id: "g1", indicators: ["a", "b", "c"] }], amounts: [1000n, -1760n] };
    expect(serialize(data).length).toBeGreaterThan(serialize(literal).length);
    expect(serialize(packed(data))).toEqual(serialize(literal));
    expect(deserialize(serialize(packed(data)))).toEqual(data);
    // A copy: what the check goes on reading is not changed.
    expect(packed(data)).not.toBe(data);
    expect(packed(data).goals).not.toBe(data.goals);
  });

  it("leaves an array with a real hole, and objects other than plain ones, as they are", () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    const bytes = new Uint8Array([1, 2]);
    const withHole = packed({ sparse, bytes, when: new Date(0), none: null, blank: undefined });
    expect(withHole.sparse).toBe(sparse);
    expect(withHole.bytes).toBe(bytes);
    expect(Object.keys(withHole)).toEqual(["sparse", "bytes", "when", "none", "blank"]);
    expect(1 in withHole.sparse).toBe(false);
  });

  it("reads 1,000 documents' arrays back in less than two thirds of the heap", () => {
    // A table's figures: arrays of a few numbers each, as the money tables of a plan.
    const doc = () => ({ rows: holey(Array.from({ length: 20 }, (_, i) => holey([i, 2 * i, 3 * i, 4 * i]))) });
    const asMade = serialize(doc());
    const asPacked = serialize(packed(doc()));
    const heapMade = heapOf(() => Array.from({ length: 1000 }, () => deserialize(asMade)));
    const heapPacked = heapOf(() => Array.from({ length: 1000 }, () => deserialize(asPacked)));
    expect(heapPacked).toBeLessThan((heapMade * 2) / 3);
  });
});

describe("Strings", () => {
  it("holds each text of the data read back once", () => {
    const paragraph = "Målet är en god och jämlik hälsa i hela befolkningen. ".repeat(200);
    const bytes = serialize({ goals: [{ title: "Ökad psykisk hälsa", comment: paragraph }], tags: [paragraph] });
    const strings = new Strings();
    const each = heapOf(() => Array.from({ length: 500 }, () => deserialize(bytes)));
    const once = heapOf(() => Array.from({ length: 500 }, () => strings.within(deserialize(bytes))));
    // 500 × 2 copies of an 11 kB paragraph read back on their own; once with the strings of the check.
    expect(each).toBeGreaterThan(500 * 2 * paragraph.length);
    expect(once).toBeLessThan(each / 20);
    const [a, b] = [strings.within(deserialize(bytes)), strings.within(deserialize(bytes))] as { goals: { comment: string }[]; tags: string[] }[];
    expect(a).toEqual(deserialize(bytes));
    expect(b!.goals[0]!.comment).toBe(paragraph);
  });
});
