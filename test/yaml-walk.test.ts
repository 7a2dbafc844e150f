import { describe, expect, it } from "vitest";
import { parseDocument, visit } from "yaml";
import { walkYaml } from "../src/source/yaml-walk.js";

/**
 * `walkYaml` reads a document's frontmatter for its keys, control characters and amounts in place
 * of yaml's `visit`: the same nodes must come in the same order with the same ancestors, or the
 * messages would change order and name other fields.
 */
describe("walkYaml", () => {
  it("visits every node in yaml's order, with the same ancestors", () => {
    const text = [
      "id: plan-2019",
      "title: 'Plan'",
      "budget:",
      "  - { line: a, total: 240.000, parties: { lerum: 1, hsn: 2 } }",
      "  - line: b",
      "    parties: &p { lerum: 3 }",
      "    again: *p",
      "? [complex, key]",
      ": value",
      "nested: [[1, [2, 3]], { x: [ { y: 4 } ] }]",
      "empty:",
      "tagged: !!set { a, b }",
    ].join("\n");
    const seen = (walker: (record: (kind: string, node: unknown, ancestors: readonly unknown[]) => void) => void) => {
      const out: [string, unknown, unknown[]][] = [];
      walker((kind, node, ancestors) => void out.push([kind, node, [...ancestors]]));
      return out;
    };
    const doc = parseDocument(text);
    expect(doc.errors).toEqual([]);
    const theirs = seen((record) =>
      visit(doc, {
        Map: (_k, n, a) => record("map", n, a),
        Seq: (_k, n, a) => record("seq", n, a),
        Pair: (_k, n, a) => record("pair", n, a),
        Scalar: (_k, n, a) => record("scalar", n, a),
        Alias: (_k, n, a) => record("alias", n, a),
      }),
    );
    const ours = seen((record) =>
      walkYaml(doc, {
        Map: (n, a) => record("map", n, a),
        Seq: (n, a) => record("seq", n, a),
        Pair: (n, a) => record("pair", n, a),
        Scalar: (n, a) => record("scalar", n, a),
        Alias: (n, a) => record("alias", n, a),
      }),
    );
    expect(ours.length).toBeGreaterThan(40);
    expect(ours.map(([kind]) => kind)).toContain("alias");
    expect(ours.length).toBe(theirs.length);
    ours.forEach(([kind, node, ancestors], i) => {
      const [k, n, a] = theirs[i]!;
      expect(kind, `node ${i}`).toBe(k);
      expect(node === n, `node ${i} is the same node`).toBe(true);
      expect(ancestors.length, `node ${i}'s ancestors`).toBe(a.length);
      ancestors.forEach((x, j) => expect(x === a[j], `node ${i}'s ancestor ${j}`).toBe(true));
    });
  });
});
