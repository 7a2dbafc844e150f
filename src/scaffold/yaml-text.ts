import { isMap, isScalar, type Node, type Pair } from "yaml";

/**
 * Changes to a YAML text made at the places of its nodes, so that everything else stays as the
 * author wrote it: quotes, flow collections (`[a]` stays `[a]`), comments, blank lines. The
 * yaml library would write the whole document again in its own style.
 */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

const lineStart = (text: string, at: number) => text.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const newline = text.indexOf("\n", at);
  return newline < 0 ? text.length : newline + 1;
};

/** `text` with the edits made; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  sorted.forEach((edit, i) => {
    const next = sorted[i - 1];
    if (next && edit.to > next.from) throw new Error(`overlapping edits at ${edit.from}–${edit.to} and ${next.from}–${next.to}`);
  });
  return sorted.reduce((result, edit) => result.slice(0, edit.from) + edit.text + result.slice(edit.to), text);
}

/** The pair of a key in a map node, if the node is a map that has it. */
export function pairOf(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** A scalar's source text (quotes included) replaced by what `change` makes of it. */
export function editScalar(text: string, node: unknown, change: (source: string) => string): TextEdit[] {
  if (!isScalar(node) || !node.range) return [];
  const [from, to] = node.range;
  return [{ from, to, text: change(text.slice(from, to)) }];
}

/** The value of `key` in `map` (a scalar) replaced by `value`, written as it is. */
export function setScalar(text: string, map: unknown, key: string, value: string): TextEdit[] {
  return editScalar(text, pairOf(map, key)?.value, () => value);
}

/**
 * A pair `key: …` removed from a map: in a block map its lines with those of its value; in a flow
 * map (`{ a: 1, key: 2 }`) the pair and the comma that joins it to the others.
 */
export function removePair(text: string, map: unknown, key: string): TextEdit[] {
  const pair = pairOf(map, key);
  const last = pair?.value ?? pair?.key;
  if (!isMap(map) || !pair?.key.range || !last?.range) return [];
  if (!map.flow) return [{ from: lineStart(text, pair.key.range[0]), to: lineEnd(text, last.range[2] - 1), text: "" }];
  const i = map.items.indexOf(pair as (typeof map.items)[number]);
  const next = map.items[i + 1]?.key as Node | undefined;
  const previous = map.items[i - 1];
  const before = (previous?.value ?? previous?.key) as Node | null | undefined;
  if (next?.range) return [{ from: pair.key.range[0], to: next.range[0], text: "" }];
  if (before?.range) return [{ from: before.range[1], to: last.range[1], text: "" }];
  return [{ from: pair.key.range[0], to: last.range[1], text: "" }];
}

/** The lines of a block sequence's item (`- …`) removed, with the blank line after it where there is one. */
export function removeItem(text: string, item: Node): TextEdit[] {
  if (!item.range) return [];
  let to = lineEnd(text, item.range[2] - 1);
  if (text[to] === "\n") to++;
  return [{ from: lineStart(text, item.range[0]), to, text: "" }];
}
