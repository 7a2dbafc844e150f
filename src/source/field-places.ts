import type { Position } from "unist";
import { isMap, isScalar, isSeq, type Document } from "yaml";
import type { LineIndex } from "../diagnostics/positions.js";
import { findFrontmatter } from "./frontmatter.js";
import { lightYaml, readLight, readYaml, type PlaceJob, type SourceDocument } from "./load.js";
import { locate, type Path } from "./locate.js";

/*
 * Finding a value's place in a file again from the lines of its field alone: a cold check's worker
 * threads parse each file once, keep where the fields of its frontmatter begin (`fieldStarts`, a
 * few numbers), and when the main thread asks for the places of its messages (`placesIn`) parse
 * only the lines of the fields asked of (`fieldReader`), not the whole frontmatter again.
 */

/**
 * The places `jobs` ask for in the file at `absPath`, read anew, as a light source made from it
 * finds them (see `lightFile`): what a worker thread does for the check's main thread.
 */
export function placesIn(
  root: string,
  file: { absPath: string; yamlStart: number; hasYaml: boolean },
  jobs: readonly PlaceJob[],
  fields?: FieldStarts,
): Position[] {
  const { text, lines } = readLight(root, file.absPath);
  let yaml: Document.Parsed | undefined;
  const source = {
    get yaml() {
      return file.hasYaml ? (yaml ??= lightYaml(text, file.yamlStart)) : undefined;
    },
    yamlStart: file.yamlStart,
    lines,
  };
  const inField = file.hasYaml && fields ? fieldReader(text, lines, file.yamlStart, fields) : undefined;
  return jobs.map((job) => ("path" in job ? (inField?.(job.path, job.key) ?? locate(source, job.path, { key: job.key })) : lines.position(job.start, job.end)));
}

/**
 * Where each field at the top of a frontmatter begins, as offsets in its YAML text, and last where
 * that text ends: what finds a value's place again by parsing only the lines of its field (see
 * `placesIn`), a few of the hundreds in a plan's frontmatter, where the whole would be parsed anew.
 * Only for a frontmatter read without errors or warnings that is a block map whose keys are plain
 * words, each at the start of its line (so that a field's lines parse alone as they do in the
 * whole); `undefined` for any other. Of a large field (`LARGE_FIELD`) that is a block list or map,
 * where the lines of each item or entry begin too (`within`, by the field's index), each item
 * being parsed alone in turn.
 */
export interface FieldStarts {
  starts: Int32Array;
  within: Map<number, Int32Array> | undefined;
}

/** A field of more characters than this has the starts of its items kept (see `FieldStarts`): parsing a smaller one costs little. */
const LARGE_FIELD = 2000;

export function fieldStarts(doc: Pick<SourceDocument, "yaml" | "yamlStart"> & { file: { value: unknown } }): FieldStarts | undefined {
  const { yaml, yamlStart } = doc;
  const map = yaml?.contents;
  if (!yaml || yaml.errors.length > 0 || yaml.warnings.length > 0 || !isMap(map) || map.flow || map.items.length === 0) return undefined;
  const text = String(doc.file.value);
  const yamlEnd = yamlStart === 0 ? text.length : findFrontmatter(text)?.yamlEnd;
  if (yamlEnd === undefined) return undefined;
  const starts = new Int32Array(map.items.length + 1);
  for (const [i, pair] of map.items.entries()) {
    const start = plainKeyAt(pair.key);
    if (start === undefined || (start > 0 && text[yamlStart + start - 1] !== "\n")) return undefined;
    starts[i] = start;
  }
  starts[map.items.length] = yamlEnd - yamlStart;
  let within: Map<number, Int32Array> | undefined;
  for (const [i, pair] of map.items.entries()) {
    if (starts[i + 1]! - starts[i]! <= LARGE_FIELD) continue;
    const items = itemStarts(text, yamlStart, pair.value, starts[i + 1]!);
    if (items) (within ??= new Map()).set(i, items);
  }
  return { starts, within };
}

/** Where a key that is a plain word as written begins (not `"goals"`, `1.0` or `true`): such a key is found by its text. */
function plainKeyAt(key: unknown): number | undefined {
  if (!isScalar(key) || key.type !== "PLAIN" || typeof key.value !== "string" || key.source !== key.value) return undefined;
  return key.range?.[0];
}

/**
 * Where the lines of each item of a block list (`- ` and the item on its line), or of each entry
 * of a block map (a plain key on its line), begin, and last where the field ends: `undefined` for
 * anything else (a flow collection, an item on the line after its `-`, an anchor, a comment).
 */
function itemStarts(text: string, yamlStart: number, value: unknown, end: number): Int32Array | undefined {
  if (!(isSeq(value) || isMap(value)) || value.flow || value.items.length < 2) return undefined;
  const starts = new Int32Array(value.items.length + 1);
  for (const [i, item] of value.items.entries()) {
    const at = isSeq(value) ? (item as { range?: number[] | null } | null)?.range?.[0] : plainKeyAt((item as { key: unknown }).key);
    if (at === undefined) return undefined;
    const lineStart = text.lastIndexOf("\n", yamlStart + at - 1) + 1;
    if (!(isSeq(value) ? /^ *- +$/ : /^ +$/).test(text.slice(lineStart, yamlStart + at))) return undefined;
    starts[i] = lineStart - yamlStart;
  }
  starts[value.items.length] = end;
  return starts;
}

/**
 * Finds a value's place in a file by parsing only the lines of the field its path begins with,
 * or of the item of a large field it goes on to (`fields`, see `fieldStarts`), where `locate` would
 * find it in the whole YAML tree; `undefined` where that cannot be told for sure (another text, a
 * field not found, lines that do not read alone as one field or item without errors), and the
 * whole tree is parsed instead.
 */
function fieldReader(text: string, lines: LineIndex, yamlStart: number, fields: FieldStarts) {
  const { starts, within } = fields;
  const count = starts.length - 1;
  const yamlEnd = yamlStart === 0 ? text.length : findFrontmatter(text)?.yamlEnd;
  // The text read anew is not the one parsed: its fields may stand elsewhere.
  if (count < 1 || yamlEnd !== yamlStart + starts[count]!) return undefined;
  const parsed = new Map<string, Document.Parsed | undefined>();
  /** The tree of the lines from `from` to `to` alone, when they read as one item of a list (`name` undefined) or one entry `name` of a map. */
  const treeOf = (from: number, to: number, name: string | undefined) => {
    const id = `${from} ${to}`;
    if (parsed.has(id)) return parsed.get(id);
    const part = text.slice(yamlStart + from, yamlStart + to);
    let tree: Document.Parsed | undefined = part.includes("\t") ? undefined : readYaml(part);
    const top = tree?.contents;
    if (!tree || tree.errors.length > 0 || tree.warnings.length > 0 || !(isMap(top) || isSeq(top)) || top.flow || top.items.length !== 1) tree = undefined;
    else if (name === undefined ? !isSeq(top) : !isMap(top) || !isScalar(top.items[0]!.key) || top.items[0]!.key.value !== name) tree = undefined;
    parsed.set(id, tree);
    return tree;
  };
  /** The first of `starts` (but the last, the end) where the key `name` is written, after the indentation of its line. */
  const keyAt = (starts: Int32Array, name: string) => {
    for (let i = 0; i < starts.length - 1; i++) {
      let at = yamlStart + starts[i]!;
      while (text[at] === " ") at++;
      if (text.startsWith(name, at) && /^[ \t]*:/.test(text.slice(at + name.length, at + name.length + 64))) return i;
    }
    return undefined;
  };
  return (path: Path, key: boolean): Position | undefined => {
    const [name, next] = path;
    if (typeof name !== "string") return undefined;
    const i = keyAt(starts, name);
    if (i === undefined) return undefined;
    const items = path.length > 1 ? within?.get(i) : undefined;
    if (items) {
      // An item of a large list or an entry of a large map: its lines alone, the path from it.
      const j = typeof next === "number" ? (Number.isInteger(next) && next >= 0 && next < items.length - 1 ? next : undefined) : keyAt(items, String(next));
      const tree = j === undefined ? undefined : treeOf(items[j]!, items[j + 1]!, typeof next === "number" ? undefined : String(next));
      if (tree)
        return locate({ yaml: tree, yamlStart: yamlStart + items[j!]!, lines }, typeof next === "number" ? [0, ...path.slice(2)] : path.slice(1), { key });
    }
    const tree = treeOf(starts[i]!, starts[i + 1]!, name);
    return tree && locate({ yaml: tree, yamlStart: yamlStart + starts[i]!, lines }, path, { key });
  };
}
