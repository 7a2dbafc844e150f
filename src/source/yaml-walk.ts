import {
  isAlias,
  isDocument,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

/** What a YAML node is in: the document, then every map, list and pair above it, outermost first. */
export type YamlAncestors = readonly unknown[];

/** Called for each node of its kind, with what it is in (`YamlAncestors`, valid only during the call: copy it to keep it). */
export interface YamlVisitor {
  Map?: (node: YAMLMap, ancestors: YamlAncestors) => void;
  Seq?: (node: YAMLSeq, ancestors: YamlAncestors) => void;
  Pair?: (node: Pair, ancestors: YamlAncestors) => void;
  Scalar?: (node: Scalar, ancestors: YamlAncestors) => void;
  Alias?: (node: Alias, ancestors: YamlAncestors) => void;
}

/**
 * Walks a YAML tree as yaml's `visit` does, depth-first and in the same order (a map or list, then
 * its items; a pair, then its key and its value), for visitors that only read. `visit` makes a new
 * frozen list of ancestors at every map, list and pair, which took most of the time of reading a
 * plan's frontmatter for its keys and amounts; here one list grows and shrinks as the walk goes.
 */
export function walkYaml(root: Document | Node, visitor: YamlVisitor): void {
  const ancestors: unknown[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) {
      if (isMap(node)) visitor.Map?.(node, ancestors);
      else visitor.Seq?.(node, ancestors);
      ancestors.push(node);
      for (const item of node.items) walk(item);
      ancestors.pop();
    } else if (isPair(node)) {
      visitor.Pair?.(node, ancestors);
      ancestors.push(node);
      walk(node.key);
      walk(node.value);
      ancestors.pop();
    } else if (isScalar(node)) visitor.Scalar?.(node, ancestors);
    else if (isAlias(node)) visitor.Alias?.(node, ancestors);
  };
  if (isDocument(root)) {
    ancestors.push(root);
    walk(root.contents);
  } else walk(root);
}
