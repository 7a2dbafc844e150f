import { koladaKey } from "../model/repository.js";
import { groupRows, mergeRows, sumCounts, type MergeCounts } from "./merge.js";
import { KoladaResponseError, parseResponseText, type KoladaRow, type KoladaVersion, type ResponseIssue } from "./response.js";
import { koladaFilePath, renderKoladaFile, type StoredFile } from "./store.js";

/** A saved response as read from disk; `name` is how messages show it. */
export interface ResponseFile {
  name: string;
  text: string;
}

export interface ReadResponse {
  name: string;
  version: KoladaVersion | undefined;
  rows: KoladaRow[];
  deleted: number;
}

export interface FileUpdate {
  kpi: string;
  municipality: string;
  path: string;
  /** Whether the file existed before. */
  existed: boolean;
  counts: MergeCounts;
  /** The new text; `undefined` when the file stays as it is. */
  text: string | undefined;
}

export interface ImportPlan {
  responses: ReadResponse[];
  updates: FileUpdate[];
  totals: MergeCounts;
  deleted: number;
  /** Values that two files give differently; the later file's value is kept. */
  conflicts: string[];
  /** KPIs, with municipality, in the files that no indicator uses. */
  unused: { kpi: string; municipality: string }[];
}

/** Parses and validates every file; all failures are collected, so that one run reports them all. */
export function readResponses(files: ResponseFile[]): { responses: ReadResponse[]; failures: { name: string; issues: ResponseIssue[] }[] } {
  const responses: ReadResponse[] = [];
  const failures: { name: string; issues: ResponseIssue[] }[] = [];
  for (const file of files) {
    try {
      const parsed = parseResponseText(file.text);
      responses.push({ name: file.name, version: parsed.version, rows: parsed.rows, deleted: parsed.deleted });
    } catch (error) {
      if (!(error instanceof KoladaResponseError)) throw error;
      failures.push({ name: file.name, issues: error.issues });
    }
  }
  return { responses, failures };
}

const GENDER_NAME = { T: "total", K: "women", M: "men" } as const;

/**
 * Works out what an import changes, without writing: the rows of all responses (a value given
 * twice counts once, the later file winning) merged into the data files of the repository.
 * A file is rewritten only when a value was added or changed, so that a re-import that changes
 * nothing leaves every file byte for byte as it was.
 */
export function planImport(root: string, responses: ReadResponse[], stored: Map<string, StoredFile>, usedKeys: Set<string>): ImportPlan {
  const cells = new Map<string, { row: KoladaRow; from: string }>();
  const conflicts: string[] = [];
  for (const response of responses) {
    for (const row of response.rows) {
      const key = `${row.kpi}|${row.municipality}|${row.year}|${row.gender}`;
      const earlier = cells.get(key);
      if (earlier && earlier.row.value !== row.value) {
        conflicts.push(
          `${row.kpi} for ${row.municipality}, ${row.year}, ${GENDER_NAME[row.gender]}: ${String(earlier.row.value)} in ${earlier.from}, ${String(row.value)} in ${response.name}; the latter is kept.`,
        );
      }
      cells.set(key, { row, from: response.name });
    }
  }
  const updates: FileUpdate[] = [];
  for (const [key, rows] of groupRows([...cells.values()].map((c) => c.row))) {
    const { kpi, municipality } = rows[0]!;
    const existing = stored.get(key);
    const { data, counts } = mergeRows(existing?.data, kpi, municipality, rows);
    const path = existing?.path ?? koladaFilePath(root, kpi, municipality);
    const changes = counts.added + counts.changed > 0 || !existing;
    const text = changes ? renderKoladaFile(data, path, existing?.text) : undefined;
    updates.push({ kpi, municipality, path, existed: Boolean(existing), counts, text: text !== undefined && text !== existing?.text ? text : undefined });
  }
  const unused = updates.filter((u) => !usedKeys.has(koladaKey(u.kpi, u.municipality))).map(({ kpi, municipality }) => ({ kpi, municipality }));
  return {
    responses,
    updates,
    totals: sumCounts(updates.map((u) => u.counts)),
    deleted: responses.reduce((n, r) => n + r.deleted, 0),
    conflicts,
    unused,
  };
}
