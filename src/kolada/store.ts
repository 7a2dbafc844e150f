import { say } from "../format/message.js";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { Document, parse, parseDocument } from "yaml";
import { koladaKey } from "../model/repository.js";
import { KOLADA_FOLDER, koladaData, type KoladaData } from "../schema/kolada.js";
import { readInside, RefusedPath } from "../source/read-inside.js";
import { writeFileAtomic } from "../write/atomic.js";

/** A data file of imported values as found in the repository. */
export interface StoredFile {
  path: string;
  text: string;
  data: KoladaData;
}

/** `<root>/data/kolada/<kpi>-<municipality>.yaml`, where a new file of values goes. */
export const koladaFilePath = (root: string, kpi: string, municipality: string) => join(root, KOLADA_FOLDER, `${koladaKey(kpi, municipality)}.yaml`);

/**
 * Reads every data file in `data/kolada`, by KPI and municipality, so that an import merges
 * into the file that already holds a KPI even if it was renamed. Files that cannot be read are
 * returned in `unreadable` with the reason; `plan check` reports them in detail.
 */
export function readStore(root: string): { byKey: Map<string, StoredFile>; unreadable: { path: string; reason: string }[] } {
  const folder = join(root, KOLADA_FOLDER);
  const byKey = new Map<string, StoredFile>();
  const unreadable: { path: string; reason: string }[] = [];
  if (!existsSync(folder)) return { byKey, unreadable };
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith(".") && /\.ya?ml$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const path = join(folder, name);
    let text: string;
    try {
      // Only inside the repository: a data file linked out of it is not read, and not merged into.
      text = readInside(root, path, "utf8");
    } catch (error) {
      if (!(error instanceof RefusedPath)) throw error;
      unreadable.push({ path, reason: `refused: ${say(error.reason, "en")}` });
      continue;
    }
    let raw: unknown;
    try {
      raw = parse(text);
    } catch (error) {
      unreadable.push({ path, reason: `not YAML: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const result = koladaData.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      unreadable.push({ path, reason: `${issue.path.join(".") || "the file"}: ${issue.message}` });
      continue;
    }
    const key = koladaKey(result.data.kpi, result.data.municipality);
    const other = byKey.get(key);
    if (other) {
      unreadable.push({ path, reason: `${other.path} already holds ${result.data.kpi} for ${result.data.municipality}` });
      continue;
    }
    byKey.set(key, { path, text, data: result.data });
  }
  return { byKey, unreadable };
}

const HEADER = [
  " Written by `plan kolada import` from Kolada data responses (https://www.kolada.se).",
  " One file per KPI and municipality, one line per year; total, women and men are Kolada's genders",
  " T, K and M. Import again to update it rather than editing by hand.",
];

/** The nearest `schemas/kolada.schema.json` at or above the file, for editors; none when there is none. */
function schemaComment(filePath: string): string | undefined {
  let dir = dirname(filePath);
  for (;;) {
    const candidate = join(dir, "schemas", "kolada.schema.json");
    if (existsSync(candidate)) return ` yaml-language-server: $schema=${relative(dirname(filePath), candidate).split(sep).join("/")}`;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The text of a data file: a header comment, then the KPI, the municipality and one flow-style
 * line per year. When the file exists, its own leading comment is kept, so that an update
 * changes only the lines of the values that changed.
 */
export function renderKoladaFile(data: KoladaData, filePath?: string, previousText?: string): string {
  const doc = new Document(data);
  const values = doc.get("values", true) as { items: { flow?: boolean }[] } | undefined;
  for (const item of values?.items ?? []) item.flow = true;
  const previous = previousText === undefined ? undefined : parseDocument(previousText).commentBefore;
  const schema = filePath ? schemaComment(filePath) : undefined;
  doc.commentBefore = previous ?? [...(schema ? [schema] : []), ...HEADER].join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** Writes a data file atomically, creating its folder. */
export function writeDataFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
}
