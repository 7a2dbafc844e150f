import { t } from "../format/message.js";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { compareStrings } from "../format/text.js";
import { CONFIG_FILE } from "../source/discover.js";
import { compareDocument, documentsOf, matchDocuments } from "./compare.js";
import { DiffError } from "./errors.js";
import { loadSide } from "./load.js";
import type { DiffResult, DocumentChange } from "./model.js";
import { moneyChanges, splitChecks } from "./money.js";
import { newProblems } from "./problems.js";
import type { Lang } from "../format/message.js";
import { selectScope } from "./scope.js";
import { readSnapshots, type RevisionArgs } from "./snapshot.js";

export interface DiffRequest extends RevisionArgs {
  /** Folder messages' paths are relative to. */
  cwd: string;
  /** The plan repository, or a folder inside it. */
  path: string;
  /** The language of the new problems' messages and fixes (default English). */
  lang?: Lang;
}

/** Compares the plan repository at two revisions: documents, money, split and new problems. */
export async function diffRevisions(request: DiffRequest): Promise<DiffResult> {
  const start = resolve(request.cwd, request.path);
  if (!existsSync(start)) throw new DiffError(t`${request.path}: no such file or folder.`);
  const { base, head } = await readSnapshots(start, request);
  const scope = selectScope(base.files, head.files);
  const before = loadSide(base, scope, request.cwd);
  const after = loadSide(head, scope, request.cwd);

  const configChanged = base.files.get(CONFIG_FILE) !== head.files.get(CONFIG_FILE);
  const wanted = (path: string) => scope.changed.has(path) || (configChanged && path === CONFIG_FILE);
  const documents: DocumentChange[] = [];
  const editedOnly: string[] = [];
  const renamed = new Map<string, string>();
  const moved = new Map<string, string>();
  for (const pair of matchDocuments(documentsOf(before, wanted), documentsOf(after, wanted))) {
    if (pair.before && pair.after) {
      if (pair.before.id !== pair.after.id) renamed.set(pair.before.id, pair.after.id);
      if (pair.before.path !== pair.after.path) moved.set(pair.before.path, pair.after.path);
    }
    const change = compareDocument(pair, { base: before.repo, head: after.repo });
    if (change === "edited") editedOnly.push(pair.after!.path);
    else if (change) documents.push(change);
  }
  documents.sort((a, b) => compareStrings(a.path, b.path));

  const ctx = { base: before.repo, head: after.repo, renamed };
  const parties: DiffResult["parties"] = {};
  for (const repo of [before.repo, after.repo]) for (const [id, p] of repo.parties) parties[id] = { name: p.name, short: p.short };
  return {
    base: { name: base.name, commit: base.commit ?? null, ...(base.mergeBaseOf ? { mergeBaseOf: base.mergeBaseOf } : {}) },
    head: { name: head.name, commit: head.commit ?? null },
    parties,
    documents,
    editedOnly: editedOnly.sort(),
    money: moneyChanges(ctx, documents),
    splits: splitChecks(ctx, documents),
    problems: newProblems(before, after, moved, request.lang),
    scope: { checked: scope.paths.size, total: scope.total },
  };
}
