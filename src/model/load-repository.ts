import { readFileSync } from "node:fs";
import { join } from "node:path";
import { report } from "../diagnostics/report.js";
import { config as configSchema, koladaData } from "../schema/index.js";
import { CONFIG_FILE, discoverFiles } from "../source/discover.js";
import { loadMarkdown, loadYaml, place, type SourceDocument } from "../source/load.js";
import { koladaKey, type AnyEntry, type Repository } from "./repository.js";
import { validateDocument, validateWith } from "./validate.js";

export interface LoadOptions {
  /** Folder paths in messages are relative to. */
  cwd: string;
  /** Reads a file; defaults to the disk. `plan diff` reads from git instead. */
  readFile?: (absPath: string) => string;
  /** Lists the markdown files; defaults to walking the disk. */
  listFiles?: (root: string) => string[];
}

const readUtf8 = (path: string) => readFileSync(path, "utf8");

/** Discovers, reads, parses and validates every document below `root` into a repository model. */
export function loadRepository(root: string, options: LoadOptions): Repository {
  const read = options.readFile ?? readUtf8;
  const repo: Repository = {
    root,
    config: undefined,
    sources: [],
    parties: new Map(),
    documents: new Map(),
    invalidIds: new Set(),
    agreements: [],
    plans: [],
    reports: [],
    memos: [],
    indicators: [],
    kolada: new Map(),
  };

  const configSource = loadYaml(root, join(root, CONFIG_FILE), read(join(root, CONFIG_FILE)), options.cwd);
  repo.sources.push(configSource);
  const config = validateWith(configSource, configSchema, "config");
  if (config) {
    repo.config = { source: configSource, data: config.data };
    config.data.parties.forEach((party, index) => {
      if (repo.parties.has(party.id)) {
        report(configSource.file, {
          ruleId: "id/duplicate",
          severity: "error",
          reason: `The party id \`${party.id}\` is declared twice.`,
          place: place(configSource, ["parties", index, "id"]),
          fix: "Give each party its own id.",
        });
      } else repo.parties.set(party.id, party);
    });
  }

  for (const absPath of (options.listFiles ?? discoverFiles)(root)) {
    if (!/\.md$/i.test(absPath)) {
      loadData(repo, loadYaml(root, absPath, read(absPath), options.cwd));
      continue;
    }
    const source = loadMarkdown(root, absPath, read(absPath), options.cwd);
    if (!source) continue;
    repo.sources.push(source);
    const valid = validateDocument(source);
    if (!valid) {
      repo.invalidIds.add(idOf(source, source.data));
      continue;
    }
    const explicitId = (valid.data as { id?: string }).id;
    const id = idOf(source, valid.data);
    const entry = { kind: valid.kind, id, source, data: valid.data } as AnyEntry;
    const existing = repo.documents.get(id);
    if (existing) {
      const first = existing.source;
      const at = place(first, explicitId && (existing.data as { id?: string }).id ? ["id"] : []).start;
      report(source.file, {
        ruleId: "id/duplicate",
        severity: "error",
        reason: `Another document already has the id \`${id}\`: ${first.file.path}:${at.line}:${at.column}.`,
        place: place(source, explicitId ? ["id"] : ["kind"]),
        fix: "Give one of them a different `id`, or rename its file.",
      });
      continue;
    }
    repo.documents.set(id, entry);
    ({ agreement: repo.agreements, plan: repo.plans, report: repo.reports, memo: repo.memos, indicator: repo.indicators })[entry.kind].push(entry as never);
  }
  return repo;
}

/** A document's id: the `id` it sets, else its path from the repository root without `.md`. */
function idOf(source: SourceDocument, data: unknown): string {
  const explicit = data && typeof data === "object" ? (data as { id?: unknown }).id : undefined;
  return typeof explicit === "string" && explicit ? explicit : source.relPath.replace(/\.md$/i, "");
}

/** A data file of imported Kolada values; one per KPI and municipality. */
function loadData(repo: Repository, source: SourceDocument): void {
  repo.sources.push(source);
  const valid = validateWith(source, koladaData, "kolada");
  if (!valid) return;
  const key = koladaKey(valid.data.kpi, valid.data.municipality);
  const existing = repo.kolada.get(key);
  if (existing) {
    report(source.file, {
      ruleId: "id/duplicate",
      severity: "error",
      reason: `${existing.source.file.path} already holds the values of ${valid.data.kpi} for ${valid.data.municipality}.`,
      place: place(source, ["kpi"]),
      fix: "Keep one file per KPI and municipality; `plan kolada import` merges into it.",
    });
    return;
  }
  repo.kolada.set(key, { source, data: valid.data });
}
