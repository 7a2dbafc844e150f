import { CONFIG_FILE } from "../source/discover.js";
import { findFrontmatter } from "../source/frontmatter.js";

/**
 * Which files to read into the two repository models. Parsing a document is what costs time
 * (a long plan takes milliseconds), so a diff reads only the files that changed and those that
 * can change with them: the documents they name (transitively: a plan's agreement and
 * indicators), the documents that name them (the plans of a changed agreement, the memo about
 * a changed plan), and any document with the same id. The same files are read on both sides,
 * so a problem that only comes from leaving a document out appears on both and cancels.
 */
export interface Scope {
  /** Paths from the root to read (plan.config.yaml is always read). */
  paths: Set<string>;
  /** Documents that are only read for context and did not change: their body is not parsed. */
  frontmatterOnly: Set<string>;
  /** Files that differ between the two revisions. */
  changed: Set<string>;
  /** Source files in the two revisions together (plan.config.yaml aside). */
  total: number;
}

const DATA_NAME = /^data\/kolada\/([^/]+?)-[^/-]+\.ya?ml$/;
const SEPARATORS = /[\s,[\]{}"'`]+/;

/** A document's frontmatter, a data file's whole text: where references to other files stand. */
function dataOf(path: string, text: string): string {
  if (!/\.md$/i.test(path)) return text;
  const span = findFrontmatter(text);
  return span ? text.slice(span.yamlStart, span.yamlEnd) : "";
}

/** The names other files may use for a file: a document's id, a data file's KPI. */
function namesOf(path: string, text: string): string[] {
  if (!/\.md$/i.test(path)) {
    const kpi = DATA_NAME.exec(path)?.[1];
    return kpi ? [kpi] : [];
  }
  // Most documents take their id from their path; only look into those that may set one.
  const explicit = text.includes("\nid:") ? /^id:[ \t]*(["']?)(.+?)\1[ \t]*(?:#.*)?$/m.exec(dataOf(path, text))?.[2] : undefined;
  return [explicit ?? path.replace(/\.md$/i, "")];
}

export function selectScope(base: Map<string, string>, head: Map<string, string>): Scope {
  const all = new Set([...base.keys(), ...head.keys()]);
  all.delete(CONFIG_FILE);
  const changed = new Set([...all].filter((p) => base.get(p) !== head.get(p)));
  // The configuration (parties, diarienummer patterns) bears on every document.
  if (base.get(CONFIG_FILE) !== head.get(CONFIG_FILE)) return { paths: all, frontmatterOnly: new Set(), changed, total: all.size };

  const texts = (path: string) => [base.get(path), head.get(path)].filter((t): t is string => t !== undefined);
  const data = new Map<string, string[]>();
  const dataOfPath = (path: string) => data.get(path) ?? data.set(path, [...new Set(texts(path).map((t) => dataOf(path, t)))]).get(path)!;
  const names = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const path of all) {
    const own = [...new Set(texts(path).flatMap((t) => namesOf(path, t)))];
    names.set(path, own);
    for (const name of own) byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  /** Whether a file's data names `name`: as a word of its own, or, for a name with spaces or quotes, anywhere. */
  const mentions = (path: string, name: string) =>
    dataOfPath(path).some((d) => d.includes(name) && (SEPARATORS.test(name) || d.split(SEPARATORS).includes(name)));

  const paths = new Set(changed);
  const changedNames = [...new Set([...changed].flatMap((p) => names.get(p)!))];
  for (const path of all) {
    if (paths.has(path)) continue;
    if (names.get(path)!.some((n) => changedNames.includes(n)) || changedNames.some((n) => mentions(path, n))) paths.add(path);
  }
  // What the selected files name, and what that names in turn.
  const odd = [...byName.keys()].filter((name) => SEPARATORS.test(name));
  const queue = [...paths];
  while (queue.length) {
    const path = queue.pop()!;
    const words = new Set(dataOfPath(path).flatMap((d) => d.split(SEPARATORS)));
    for (const name of [...words, ...odd.filter((n) => mentions(path, n))]) {
      for (const other of byName.get(name) ?? []) {
        if (!paths.has(other)) {
          paths.add(other);
          queue.push(other);
        }
      }
    }
  }
  const frontmatterOnly = new Set([...paths].filter((p) => !changed.has(p) && /\.md$/i.test(p)));
  return { paths, frontmatterOnly, changed, total: all.size };
}
