import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fetchPages } from "../kolada/fetch.js";
import { planImport, readResponses, type ImportPlan, type ResponseFile } from "../kolada/import.js";
import { buildRequests, DEFAULT_BASE_URL, koladaTargets } from "../kolada/requests.js";
import { koladaFilePath, readStore, writeDataFile } from "../kolada/store.js";
import { loadRepository } from "../model/load-repository.js";
import { koladaKey } from "../model/repository.js";
import { linkOnTheWay } from "../write/output-folder.js";
import { repositoryRoot } from "../check/check.js";
import { UserError } from "../errors.js";
import { count, langIn, listOf, say, t, type Message } from "../format/message.js";
import type { Io } from "../io.js";

/** At most this many problems are listed per response file. */
const MAX_ISSUES = 10;

/** A path as the user should see it: relative to where they are, when that is shorter. */
function shown(io: Pick<Io, "cwd">, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith("..") ? rel : rel === "" ? "." : path;
}

/** A path or word quoted for a POSIX shell when it needs it. */
const shellWord = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The response files named on the command line; a folder stands for the `.json` files in it. */
function responseFiles(args: string[], io: Io): ResponseFile[] {
  if (!args.length) throw new UserError(t`Name the saved Kolada responses to import, e.g. \`plan kolada import svar/*.json\`.`);
  const files: ResponseFile[] = [];
  for (const arg of args) {
    const path = resolve(io.cwd, arg);
    if (!existsSync(path)) throw new UserError(t`${arg}: no such file or folder.`);
    const paths = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith(".json") && !name.startsWith("."))
          .sort()
          .map((name) => join(path, name))
      : [path];
    if (!paths.length) throw new UserError(t`${arg}: a folder without .json files.`);
    for (const p of paths) files.push({ name: shown(io, p), text: readFileSync(p, "utf8") });
  }
  return files;
}

function summary(plan: ImportPlan, io: Io): string {
  const lang = langIn(io);
  const lines: string[] = [];
  const add = (message: Message) => lines.push(say(message, lang));
  const versions = new Map<string, number>();
  for (const r of plan.responses) versions.set(r.version ?? "", (versions.get(r.version ?? "") ?? 0) + 1);
  const pages = listOf([...versions].map(([v, n]) => (v ? (n === 1 ? t`1 ${v} page` : t`${n} ${v} pages`) : t`${count(n, "page")} without paging fields`)));
  const values = plan.responses.reduce((n, r) => n + r.rows.length, 0);
  const kpis = new Set(plan.updates.map((u) => u.kpi)).size;
  const read = t`Read ${count(plan.responses.length, "Kolada response file")} (${pages}): ${count(values, "value")} of ${count(kpis, "KPI")}`;
  add(plan.deleted ? t`${read}; left out ${count(plan.deleted, "value")} that Kolada marks deleted.` : t`${read}.`);
  const width = Math.max(0, ...plan.updates.map((u) => shown(io, u.path).length));
  for (const u of plan.updates) {
    const state = u.text === undefined ? t`unchanged` : u.existed ? t`updated` : t`new file`;
    const { added, changed, unchanged } = u.counts;
    add(t`  ${shown(io, u.path).padEnd(width)}  ${added} added, ${changed} changed, ${unchanged} unchanged (${state})`);
  }
  const totals = plan.totals;
  add(t`In all: ${totals.added} added, ${totals.changed} changed, ${totals.unchanged} unchanged.`);
  for (const c of plan.conflicts) add(t`Note: the files disagree on ${c}`);
  if (plan.unused.length) {
    add(plan.unused.length === 1 ? t`No indicator uses this KPI (imported all the same):` : t`No indicator uses these KPIs (imported all the same):`);
    for (const { kpi, municipality } of plan.unused) add(t`  ${kpi} for ${municipality}`);
    add(t`Link an indicator with \`source: { type: kolada, kpi: …, municipality: "…" }\`, or delete its file.`);
  }
  return lines.join("\n") + "\n";
}

/** `plan kolada import FILE...`: merges saved Kolada data responses into `data/kolada/`. */
export function runKoladaImport(args: string[], options: { repo: string }, io: Io): number {
  const root = repositoryRoot(options.repo, io);
  const { responses, failures } = readResponses(responseFiles(args, io));
  if (failures.length) {
    for (const { name, issues } of failures) {
      for (const issue of issues.slice(0, MAX_ISSUES)) io.stderr.write(`${name}: ${issue.path}: ${issue.message}\n`);
      if (issues.length > MAX_ISSUES) io.stderr.write(`${name}: ${say(t`… and ${issues.length - MAX_ISSUES} more`, langIn(io))}\n`);
    }
    const not =
      failures.length === 1
        ? t`1 file is not a Kolada data response (v2 or v3); nothing was imported.`
        : t`${failures.length} files are not a Kolada data response (v2 or v3); nothing was imported.`;
    io.stderr.write(`${say(not, langIn(io))}\n`);
    return 1;
  }
  const repo = loadRepository(root, { cwd: io.cwd });
  const used = new Set(repo.indicators.flatMap((i) => (i.data.source?.type === "kolada" ? [koladaKey(i.data.source.kpi, i.data.source.municipality)] : [])));
  const { byKey, unreadable } = readStore(root);
  const plan = planImport(root, responses, byKey, used);
  // A link on the way would make the import write elsewhere (anywhere the link leads): refused before any file is written.
  // This comes before the files that could not be read: a data file or folder linked out of the repository is also
  // refused by the reading side, and the link, with what to do about it, is the one thing the user needs to hear.
  for (const update of plan.updates) {
    const link = linkOnTheWay(update.path, root);
    if (link) {
      throw new UserError(
        t`${shown(io, link)} is a symbolic link, and \`plan kolada import\` writes only into real folders of the repository, so that nothing lands elsewhere through a link. Replace the link by a folder (or file) of the repository, then import again; nothing was imported.`,
      );
    }
  }
  const blocked = unreadable.filter((u) => plan.updates.some((p) => p.path === u.path || koladaFilePath(root, p.kpi, p.municipality) === u.path));
  if (blocked.length) {
    for (const b of blocked) io.stderr.write(`${shown(io, b.path)}: ${b.reason}\n`);
    io.stderr.write(`${say(t`Fix or remove the file above, then import again; nothing was imported.`, langIn(io))}\n`);
    return 1;
  }
  for (const u of unreadable)
    io.stderr.write(`${say(t`plan: skipped ${shown(io, u.path)}, which could not be read (${u.reason}); \`plan check\` says more.`, langIn(io))}\n`);
  for (const update of plan.updates) if (update.text !== undefined) writeDataFile(update.path, update.text);
  io.stdout.write(summary(plan, io));
  return 0;
}

export interface FetchCommandOptions {
  repo: string;
  out?: string;
  baseUrl?: string;
  timeout?: string;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return 30;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0)) throw new UserError(t`--timeout takes seconds, a number above 0, e.g. 30; got "${value}".`);
  return seconds;
}

function parseBaseUrl(value: string | undefined): string {
  const text = value ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(t`--base-url takes a web address such as ${DEFAULT_BASE_URL}; got "${text}".`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UserError(t`--base-url takes an http or https address; got "${text}".`);
  return text.replace(/\/+$/, "");
}

/** The folder to save into: a given one must be new or empty, so that importing it imports this fetch alone. */
function checkOut(out: string | undefined, io: Io): string | undefined {
  if (out === undefined) return undefined;
  const dir = resolve(io.cwd, out);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UserError(t`--out ${out}: a file, not a folder.`);
    if (readdirSync(dir).length)
      throw new UserError(t`--out ${out}: the folder is not empty; give a new or empty one, so that importing it imports this fetch alone.`);
  }
  return dir;
}

const yearsText = (years: number[]) =>
  years.length ? (years.length > 2 && years.at(-1)! - years[0]! === years.length - 1 ? `${years[0]}–${years.at(-1)}` : years.join(", ")) : "all years";

/** `plan kolada fetch`: asks Kolada for the values of every Kolada-linked indicator and saves the answers for `import`. */
export async function runKoladaFetch(options: FetchCommandOptions, io: Io): Promise<number> {
  const timeoutSeconds = parseTimeout(options.timeout);
  const baseUrl = parseBaseUrl(options.baseUrl);
  const root = repositoryRoot(options.repo, io);
  const out = checkOut(options.out, io);
  const repo = loadRepository(root, { cwd: io.cwd });
  const targets = koladaTargets(repo);
  if (!targets.length) {
    throw new UserError(
      t`No indicator in ${shown(io, root)} takes its values from Kolada (\`source: { type: kolada, kpi, municipality }\`); nothing to fetch.`,
    );
  }
  const requests = buildRequests(targets, baseUrl);
  const lang = langIn(io);
  const municipalities = new Set(targets.map((target) => target.municipality)).size;
  io.stdout.write(
    `${say(t`Asking Kolada at ${baseUrl} for ${count(targets.length, "KPI")} of ${count(municipalities, "municipality", "municipalities")}:`, lang)}\n`,
  );
  for (const r of requests) io.stdout.write(`${say(t`  ${r.kpis.join(", ")} for ${r.municipality}, ${yearsText(r.years)}`, lang)}\n`);
  const pages = await fetchPages(requests, { timeoutSeconds, onRequest: (url) => io.stdout.write(`  GET ${url}\n`) });
  const dir = out ?? mkdtempSync(join(tmpdir(), "plan-kolada-"));
  mkdirSync(dir, { recursive: true });
  const width = String(requests.length).length;
  for (const p of pages) {
    const n = String(requests.indexOf(p.request) + 1).padStart(width, "0");
    writeFileSync(join(dir, `kolada-${p.request.municipality}-${n}-p${p.page}.json`), p.body);
  }
  const values = pages.reduce((s, p) => s + p.values, 0);
  const repoArg = relative(io.cwd, root) === "" ? "" : ` --repo ${shellWord(shown(io, root))}`;
  io.stdout.write(
    `${say(
      t`Saved ${count(pages.length, "page")} (${count(values, "value")}) in ${dir}\nNothing in the repository has changed yet. To import the values, run:\n  plan kolada import ${shellWord(shown(io, dir))}${repoArg}`,
      lang,
    )}\n`,
  );
  return 0;
}
