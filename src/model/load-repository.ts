import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { report } from "../diagnostics/report.js";
import { t, type Message } from "../format/message.js";
import type { Config } from "../schema/config.js";
import { config as configSchema, koladaData } from "../schema/index.js";
import type { KoladaData } from "../schema/kolada.js";
import { CONFIG_FILE, discover, type Discovered } from "../source/discover.js";
import { compact, loadMarkdown, loadYaml, place, refusedSource, type SourceDocument } from "../source/load.js";
import { readInside, RefusedPath, statInside, whereInside } from "../source/read-inside.js";
import { settledStat } from "../source/settled.js";
import { activeMemo } from "./active-content.js";
import { ignoredTargets } from "./assets.js";
import { copiesMemo } from "./copied.js";
import { referenceGroups } from "./groups.js";
import { idDuplicate } from "./rules.js";
import { pathHidden } from "../source/rules.js";
import { koladaKey, namedLists, noDocuments, referrersOf, type AnyEntry, type LoneDocument, type Repository } from "./repository.js";
import { validateDocument, validateWith } from "./validate.js";

export interface LoadOptions {
  /** Folder paths in messages are relative to. */
  cwd: string;
  /** Reads a file; defaults to the disk. `plan diff` reads from git instead. */
  readFile?: (absPath: string) => string;
  /** Lists the documents and data files; defaults to walking the disk. */
  listFiles?: (root: string) => string[];
  /** The files found by walking the disk already (`discover`), when the caller needed them first. */
  discovered?: Discovered;
  /** Keep each document's markdown tree (default); checking alone does without it. */
  keepBody?: boolean;
  /** Checks a document on its own once it is valid, while its YAML tree is at hand to place messages. */
  checkDocument?: (doc: LoneDocument) => void;
  /** Called after each file is loaded, for a progress line. */
  loaded?: (done: number, total: number, absPath: string) => void;
  /** Files loaded in an earlier run, given again when their text is the same (`plan check`'s cache); only without `keepBody`. */
  cache?: FileCache;
}

export type LoadFileOptions = Pick<LoadOptions, "keepBody" | "checkDocument" | "cache">;

/** Files loaded before, by their text: what `plan check` keeps between runs (see check/cache.ts). */
export interface FileCache {
  /** The file as it was loaded from this same text (or, when `stat` is given, a file in this same state), messages and all; `undefined` when not known. */
  get(root: string, absPath: string, text: string, cwd: string, stat?: string): LoadedFile | undefined;
  /** Keeps a file just loaded (its own messages are the first `ownMessages`), read in the state `stat` when given. */
  set(loaded: LoadedFile, stat?: string): void;
  /**
   * The file as it was loaded from its text when it was in this same settled state (`settledStat`), as
   * `get` gives it but without its text, which is read from the file only where a rule or a message
   * needs it; `undefined` when not known, and the file is then read. Found before the file is opened.
   */
  settled?(root: string, absPath: string, cwd: string, stat: string): LoadedFile | undefined;
}

/** One file read, parsed and validated on its own: the unit that watch mode keeps between runs. */
export interface LoadedFile {
  absPath: string;
  /** The text as read, to tell whether the file changed. */
  text: string;
  source: SourceDocument | undefined;
  parsed:
    | { as: "config"; data: Config | undefined }
    | { as: "document"; id: string; entry: AnyEntry | undefined }
    | { as: "kolada"; data: KoladaData | undefined }
    | { as: "none" };
  /** How many messages parsing, validation and the checks of the document alone left; later ones come from the rules between documents. */
  ownMessages: number;
  /**
   * Read through a symbolic link, or refused: a save to a link's target gives no event on the
   * link's path, so watch mode reads such a file again every round.
   */
  linked?: boolean;
  /** Why the file was not read, for one refused (see `readInside`). */
  refused?: Message;
}

/**
 * A file's text as read from disk, or why it may not be read; `undefined` for a file gone since it was listed.
 * `stat` is the file's state as it was opened, when it had settled then (see `settledStat`).
 */
export type DiskText = { text: string; linked: boolean; stat?: string | undefined } | { refused: Message } | undefined;

/** Reads a file of the repository from disk through `readInside`, which refuses links out of the repository, pipes and devices. */
export function readFromDisk(root: string, absPath: string): DiskText {
  try {
    let stat: string | undefined;
    const text = readInside(root, absPath, "utf8", (stats) => (stat = settledStat(stats)));
    return { text, linked: isLink(absPath), stat };
  } catch (error) {
    if (!(error instanceof RefusedPath)) throw error;
    // A listed path that is a folder by now (or a linked folder inside, which is not walked) is no file to read.
    return error.kind === "missing" || error.kind === "folder" ? undefined : { refused: error.reason };
  }
}

/**
 * Loads a file read with `readFromDisk`. A file that may not be read is a `path/outside` error
 * at its first line, its content never read.
 */
export function loadRead(root: string, absPath: string, read: NonNullable<DiskText>, cwd: string, options: LoadFileOptions = {}): LoadedFile {
  if ("refused" in read) return refusedFile(root, absPath, cwd, read.refused);
  const cache = options.keepBody === false ? options.cache : undefined;
  // A linked file's state is that of the link's target, which the link may change to another: its text is compared.
  const stat = read.linked ? undefined : read.stat;
  let loaded = cache?.get(root, absPath, read.text, cwd, stat);
  if (!loaded) {
    loaded = loadFile(root, absPath, read.text, cwd, options);
    cache?.set(loaded, stat);
  }
  if (read.linked) loaded.linked = true;
  return loaded;
}

function isLink(absPath: string): boolean {
  try {
    return lstatSync(absPath).isSymbolicLink();
  } catch {
    return false;
  }
}

function refusedFile(root: string, absPath: string, cwd: string, reason: Message): LoadedFile {
  const source = refusedSource(root, absPath, cwd, reason);
  return { absPath, text: "", source, parsed: { as: "none" }, ownMessages: source.file.messages.length, linked: true, refused: reason };
}

/** The template files `plan build` would read from the repository's `templates/` folder: `*.hbs`, `style.css` and `partials/*.hbs`. */
function templateFiles(root: string): string[] {
  const names = (dir: string, keep: (name: string) => boolean) => {
    try {
      return readdirSync(join(root, dir))
        .filter(keep)
        .sort()
        .map((name) => join(root, dir, name));
    } catch {
      return []; // no such folder
    }
  };
  return [...names("templates", (f) => f.endsWith(".hbs") || f === "style.css"), ...names("templates/partials", (f) => f.endsWith(".hbs"))];
}

/**
 * The template files that may not be read, each as a refused file: templates are read only by
 * `plan build`, but `plan check` (which every build runs first) says which would be refused.
 */
export function refusedTemplates(root: string, cwd: string): LoadedFile[] {
  return templateFiles(root).flatMap((absPath) => {
    const where = whereInside(root, absPath);
    return where.kind === "outside" || where.kind === "special" ? [refusedFile(root, absPath, cwd, where.reason)] : [];
  });
}

/** Reads, parses and validates one file (the configuration, a document or a data file). */
export function loadFile(root: string, absPath: string, text: string, cwd: string, options: LoadFileOptions = {}): LoadedFile {
  const done = (source: SourceDocument | undefined, parsed: LoadedFile["parsed"]): LoadedFile => ({
    absPath,
    text,
    source,
    parsed,
    ownMessages: source?.file.messages.length ?? 0,
  });
  if (absPath === join(root, CONFIG_FILE)) {
    const source = loadYaml(root, absPath, text, cwd);
    return done(source, { as: "config", data: validateWith(source, configSchema, "config")?.data });
  }
  if (!/\.md$/i.test(absPath)) {
    const source = loadYaml(root, absPath, text, cwd);
    return done(source, { as: "kolada", data: validateWith(source, koladaData, "kolada")?.data });
  }
  const source = loadMarkdown(root, absPath, text, cwd, options);
  if (!source) return done(undefined, { as: "none" });
  const valid = validateDocument(source);
  if (valid) options.checkDocument?.({ ...valid, source } as LoneDocument);
  // Made once: watch mode keeps the entry of an unchanged file from round to round.
  const id = idOf(source, valid ? valid.data : source.data);
  const entry = valid ? ({ kind: valid.kind, id, source, data: valid.data } as AnyEntry) : undefined;
  if (options.keepBody === false) {
    compact(source);
    // The validated copy is what the rules read; the raw one is kept only to name an invalid document.
    if (valid) source.data = undefined;
  }
  return done(source, { as: "document", id, entry });
}

/** Discovers, reads, parses and validates every document below `root` into a repository model. */
export function loadRepository(root: string, options: LoadOptions): Repository {
  const read = options.readFile;
  const found = options.discovered ?? (options.listFiles ? { files: options.listFiles(root), unjudged: new Map<string, string>() } : discover(root));
  const paths = [join(root, CONFIG_FILE), ...found.files];
  // The real path of each folder, asked of the disk once in this run (see `statInside`).
  const folders = new Map<string, string>();
  const files = paths.flatMap((absPath, i) => {
    const settled = read ? undefined : loadSettled(root, absPath, options, folders);
    const text = settled ? undefined : read ? { text: read(absPath), linked: false } : readFromDisk(root, absPath);
    const file = settled ?? (text && loadRead(root, absPath, text, options.cwd, options));
    options.loaded?.(i + 1, paths.length, absPath);
    return file ?? [];
  });
  // Files read from elsewhere (`plan diff` reads git's objects) have no links to follow.
  return assemble(root, read ? files : [...files, ...refusedTemplates(root, options.cwd)], undefined, found.unjudged);
}

/**
 * A file in the settled state it was loaded in before, taken from the cache without opening it
 * (`FileCache.settled`): a regular file inside the repository (`statInside`), as `readInside` would
 * read it. Anything else, or a state not known, is read.
 */
function loadSettled(root: string, absPath: string, options: LoadOptions, folders: Map<string, string>): LoadedFile | undefined {
  const cache = options.keepBody === false ? options.cache : undefined;
  if (!cache?.settled) return undefined;
  const stats = statInside(root, absPath, folders);
  const stat = stats && settledStat(stats);
  return stat === undefined ? undefined : cache.settled(root, absPath, options.cwd, stat);
}

/**
 * Collects loaded files into a repository: parties and documents by id, reporting ids that
 * are declared twice. Messages from an earlier assembly of the same files are dropped first;
 * that earlier repository, when given, lends the groups of documents no change reached.
 * `unjudged` are the files discovery left out because git could not tell whether it ignores
 * them (see `discover`): one finding at the configuration says so.
 */
export function assemble(root: string, files: LoadedFile[], previous?: Repository, unjudged: ReadonlyMap<string, string> = new Map()): Repository {
  const byKind = noDocuments();
  const repo: Repository = {
    root,
    config: undefined,
    sources: [],
    parties: new Map(),
    documents: new Map(),
    invalidIds: new Set(),
    byKind,
    ...namedLists(byKind),
    kolada: new Map(),
    referrers: referrersOf({ documents: new Map() }),
    groups: new Map(),
    copies: previous?.copies ?? copiesMemo(),
    ignored: new Map(),
    active: previous?.active ?? activeMemo(),
    partyUses: previous ? (previous.partyUses ?? new WeakMap()) : undefined,
  };
  for (const loaded of files) {
    const { source, parsed } = loaded;
    if (!source) continue;
    source.file.messages.length = loaded.ownMessages;
    repo.sources.push(source);
    if (parsed.as === "config") addConfig(repo, source, parsed.data);
    else if (parsed.as === "kolada") addKolada(repo, source, parsed.data);
    else if (parsed.as === "document") addDocument(repo, parsed.id, parsed.entry);
  }
  reportUnjudged(repo, unjudged);
  repo.referrers = referrersOf(repo);
  repo.ignored = ignoredTargets(root, repo.sources);
  repo.groups = referenceGroups(repo, previous);
  return repo;
}

/**
 * Once, at the configuration's first line: the documents and data files that were not read
 * because git failed to say whether it ignores them. Said where a reader of the check looks
 * (the report, `--format github` annotations), not only on stderr, and as an error: a check
 * that left documents out must not pass as if it had read them.
 */
function reportUnjudged(repo: Repository, unjudged: ReadonlyMap<string, string>): void {
  const config = repo.sources.find((source) => source.relPath === CONFIG_FILE);
  const [first] = unjudged;
  if (!config || !first) return;
  const [path, said] = first;
  const named = [...unjudged.keys()].slice(0, 5).join(", ") + (unjudged.size > 5 ? ", …" : "");
  report(config.file, pathHidden, {
    reason:
      `${unjudged.size === 1 ? `${path} was` : `${unjudged.size} files (${named}) were`} not read: git could not tell whether it ignores ` +
      `${unjudged.size === 1 ? "it" : "them"} (${said}), and a file git may ignore is never read or published.`,
    place: config.lines.position(0, 0),
    fix: "Make `git status` work in this folder (a submodule must be checked out, the repository readable by git), then run the check again.",
  });
}

function addConfig(repo: Repository, source: SourceDocument, config: Config | undefined): void {
  if (!config) return;
  repo.config = { source, data: config };
  config.parties.forEach((party, index) => {
    if (!repo.parties.has(party.id)) return void repo.parties.set(party.id, party);
    const first = config.parties.findIndex((p) => p.id === party.id);
    report(source.file, idDuplicate, {
      reason: t`The party id \`${party.id}\` is declared twice.`,
      place: place(source, ["parties", index, "id"]),
      fix: t`Give each party its own id.`,
      related: [{ file: source.file.path, place: place(source, ["parties", first, "id"]), reason: t`The party \`${party.id}\` is first declared here.` }],
    });
  });
}

function addDocument(repo: Repository, id: string, entry: AnyEntry | undefined): void {
  if (!entry) return void repo.invalidIds.add(id);
  const { source } = entry;
  const existing = repo.documents.get(id);
  if (existing) {
    const explicitId = (entry.data as { id?: string }).id;
    const first = place(existing.source, explicitId && (existing.data as { id?: string }).id ? ["id"] : []);
    report(source.file, idDuplicate, {
      reason: t`Another document already has the id \`${id}\`.`,
      place: place(source, explicitId ? ["id"] : ["kind"]),
      fix: t`Give one of them a different \`id\`, or rename its file.`,
      related: [{ file: existing.source.file.path, place: first, reason: t`The document that has the id \`${id}\` first.` }],
    });
    return;
  }
  repo.documents.set(id, entry);
  repo.byKind[entry.kind].push(entry as never);
}

/** A data file of imported Kolada values; one per KPI and municipality. */
function addKolada(repo: Repository, source: SourceDocument, data: KoladaData | undefined): void {
  if (!data) return;
  const key = koladaKey(data.kpi, data.municipality);
  const existing = repo.kolada.get(key);
  if (existing) {
    report(source.file, idDuplicate, {
      reason: t`${existing.source.file.path} already holds the values of ${data.kpi} for ${data.municipality}.`,
      place: place(source, ["kpi"]),
      fix: t`Keep one file per KPI and municipality; \`plan kolada import\` merges into it.`,
      related: [
        {
          file: existing.source.file.path,
          place: place(existing.source, ["kpi"]),
          reason: t`The values of ${data.kpi} for ${data.municipality}, first held here.`,
        },
      ],
    });
    return;
  }
  repo.kolada.set(key, { source, data });
}

/** A document's id: the `id` it sets, else its path from the repository root without `.md`. */
function idOf(source: SourceDocument, data: unknown): string {
  const explicit = data && typeof data === "object" ? (data as { id?: unknown }).id : undefined;
  return typeof explicit === "string" && explicit ? explicit : source.relPath.replace(/\.md$/i, "");
}
