import type { Position } from "unist";
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from "yaml";
import type { LineIndex } from "../diagnostics/positions.js";

export type Path = readonly PropertyKey[];

export interface YamlSource {
  yaml: Document.Parsed | undefined;
  /** Offset of the YAML text within the file. */
  yamlStart: number;
  lines: LineIndex;
}

/**
 * The place of the value at `path` in the YAML (or of its key, with `key: true`). Where the
 * path does not exist (a missing field), it is the deepest node that does: the object that
 * lacks the field.
 */
export function locate(source: YamlSource, path: Path, options: { key?: boolean } = {}): Position {
  const { yaml, yamlStart, lines } = source;
  if (!yaml?.contents) return lines.position(yamlStart, yamlStart);
  let node: YamlNode = yaml.contents;
  let keyNode: YamlNode | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    node = next.value ?? next.key ?? node;
    keyNode = next.key;
    if (!next.value) break;
  }
  const target = options.key && keyNode ? keyNode : node;
  const [start, valueEnd] = target.range ?? [0, 0];
  // A block map or sequence is marked on its first line only, to keep the marker readable.
  if (isMap(target) || isSeq(target)) {
    const first = lines.point(yamlStart + start);
    const lineEnd = yamlStart + start - (first.column - 1) + (lines.line(first.line) ?? "").length;
    return lines.position(yamlStart + start, Math.min(yamlStart + valueEnd, lineEnd));
  }
  return lines.position(yamlStart + start, yamlStart + valueEnd);
}

function child(node: YamlNode, segment: PropertyKey): { key?: YamlNode; value?: YamlNode } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === String(segment)) return { key: key ?? undefined, value: (pair.value as YamlNode | null) ?? undefined };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment] as YamlNode | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}
