import { createHash, randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { messageOf, recordOf, type MessageRecord } from "../diagnostics/report.js";
import { fingerprintFacts, knowFingerprint, type FingerprintFacts } from "../model/copied.js";
import { namesOf } from "../model/groups.js";
import { loadFile, type FileCache, type LoadedFile } from "../model/load-repository.js";
import { KNOWN, referencesOf, type AnyEntry, type Known } from "../model/repository.js";
import type { BetweenState, Findings } from "../rules/index.js";
import { planMoney } from "../rules/money.js";
import { CONFIG_FILE } from "../source/discover.js";
import { readInside, relativePath, repositoryPath } from "../source/read-inside.js";
import { lazy } from "../lazy.js";
import { CompactPosition, type PendingPlace } from "../diagnostics/positions.js";
import { packed, Strings } from "./intern.js";
import { digestOf, RecentTexts, restoreSource, sourceFacts, type BodyOutline, type SourceDocument, type SourceFacts } from "../source/load.js";

/**
 * The cache of `plan check`, as ESLint's `--cache`: for each file, the facts parsed from it (its
 * validated data, the outline of its body) and its own findings, by the digest of its text; and
 * the findings of the rules between documents, each file's by what they were made of (its
 * group of connected documents, see `incrementalRules`). A file whose text is the same is
 * neither parsed nor checked on its own again, and the rules between documents run again only
 * where a change reaches. All of it holds only for the same tool (its version and its code),
 * the same Node, the same configuration (`plan.config.yaml`'s bytes) and the same working folder
 * (messages name files from there); anything else, and a file that cannot be read as a cache
 * of this kind, is ignored: the check is then made anew, as without a cache.
 *
 * It lives in `.plan-cache/` at the repository's root (`check.bin`, the index, and the shards it
 * names, see SHARDS), the folder for what `plan` keeps between
 * runs, which git ignores (`plan init` writes the line; the folder also holds a `.gitignore` of
 * its own) and the CI workflows of `plan init` restore.
 */
export const CACHE_FOLDER = ".plan-cache";
export const CHECK_CACHE = `${CACHE_FOLDER}/check.bin`;

/** Raised when what is kept changes its form: a cache of another form is never read. */
const FORMAT = 6;

/**
 * A body's outline as kept: what the rules between documents read of every document (where it
 * starts, its links) as it is, the rest (headings, directives, figures: a third of what is kept)
 * serialized apart and read back only when a rule asks for it, as only the documents of a group a
 * change reached are checked again.
 */
interface KeptOutline {
  bodyStart: number;
  bodyLine: BodyOutline["bodyLine"];
  urls: BodyOutline["urls"];
  /** Serialized; or, in a record a worker sends for a check that keeps no cache (see `Inline`), the parts themselves. */
  rest: Uint8Array | Inline<Pick<BodyOutline, "headings" | "directives" | "figures">>;
}

/**
 * What a worker sends as it is, not serialized, for a check that writes no cache (`--no-cache`):
 * every document's data and outline is read by the rules between documents, and thousands of
 * small serialized copies, each freed once read, left the main process's memory in pieces it
 * does not give back (10,000 plans: 260 MB of them, 300 MB more at the peak than the heap).
 */
type Inline<T> = { inline: T };

const isInline = <T>(kept: Uint8Array | Inline<T>): kept is Inline<T> => !(kept instanceof Uint8Array);

type KeptFacts = Omit<SourceFacts, "outline"> & { outline: KeptOutline | undefined };

export interface FileRecord {
  /** Digest of the file's text (`SourceDocument.digest`). */
  digest: string;
  /** The file's state when it was read with that text, once it had settled (`settledStat`): the same state needs no digest. */
  stat?: string | undefined;
  /** `undefined` for a markdown file without frontmatter, which is no document. */
  facts: KeptFacts | undefined;
  parsed:
    | { as: "config" | "kolada"; data: unknown }
    | { as: "document"; id: string; entry: { kind: AnyEntry["kind"]; data: Uint8Array | Inline<unknown>; known: Known } | undefined }
    | { as: "none" };
  /** The file's own messages: those of parsing, validating and the rules about one document. */
  messages: MessageRecord[];
  /** A valid document's fingerprint, which tells copies of one text (`text/copied`) without reading its body again. */
  fingerprint?: FingerprintFacts;
}

interface FindingsRecord {
  key: string;
  messages: MessageRecord[];
}

interface Stored {
  format: number;
  key: string;
  files: Map<string, FileRecord>;
  between: { shared: string; findings: Map<string, FindingsRecord> } | undefined;
  /** The file of each shard of each part, as the index names it ("" for none). */
  shards: Record<Part, string[]>;
}

/**
 * What a shard holds: `check`, the records of its files; `found`, the findings between documents
 * in them. Kept apart: a change to one document makes again the findings of its whole group of
 * connected documents, which may lie in every folder, while only its own record changed.
 */
type Part = "check" | "found";
const PARTS: readonly Part[] = ["check", "found"];

/** `check.bin`, the index: what every shard holds for, and which file holds each shard of each part. */
interface StoredIndex {
  format: number;
  key: string;
  /** The digest of what every rule between documents may read (`BetweenState.shared`); `undefined` before the rules between documents ran. */
  shared: string | undefined;
  shards: Record<Part, string[]>;
}

/** One shard of one part: the files of some folders (`check`), or the findings between documents in them (`found`). */
interface StoredShard {
  format: number;
  key: string;
  part: Part;
  records: Map<string, FileRecord | FindingsRecord>;
}

/**
 * The files are kept in SHARDS shards by their folder, each part of a shard a file of its own
 * (`check-<n>-<token>.bin` and `found-<n>-<token>.bin` beside the index), so that a check that
 * changed a few files writes again only the shards that hold them, and of those only the part
 * that changed. The index, written last, names the shard files it holds for; a shard that cannot
 * be read is taken as empty (its files are checked anew).
 */
const SHARDS = 64;
const SHARD_FILE = /^(check|found)-(\d+)-[0-9a-f]+\.bin$/;

/** The shard of a file: by its folder, FNV-1a over the folder's path. */
export function shardOf(relPath: string): number {
  const folder = relPath.slice(0, Math.max(0, relPath.lastIndexOf("/")));
  let h = 0x811c9dc5;
  for (let i = 0; i < folder.length; i++) h = Math.imul(h ^ folder.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

export class CheckCache implements FileCache {
  /** What the rules between documents found last time, handed to `betweenDocumentsChecker` and read back after the check. */
  readonly between: { last?: BetweenState | undefined } = {};
  private readonly kept = new Map<string, FileRecord>();
  private readonly seen = new Set<string>();
  /** Files a worker thread parsed in this check (`adopt`): taken as light sources, whose text is read again only where a message needs it. */
  private readonly adopted = new Set<string>();
  /**
   * The texts of the light sources asked of last (see `restoreSource`). A cold check reads every
   * document and keeps a few (a repository of 10,000 plans is not held in memory); a check from
   * the cache reads only the documents of the groups a change reached, each pass of the rules
   * over all of them (headings, copies, places), so it keeps what it read: a group of a thousand
   * documents is read once, not once per pass.
   */
  private readonly recent: RecentTexts;
  /** The lines of each file's text (a light source's read when asked), from which new findings between documents keep their frame lines. */
  private readonly linesOf = new Map<string, SourceDocument["lines"]>();
  /** The strings of what workers send and of the data and outlines read back, each text once (see `Strings`). */
  private readonly strings = new Strings();
  private readonly keptFindings = new WeakMap<Findings, FindingsRecord>();
  /** The shards whose files changed since the cache was read. */
  private readonly dirty = new Set<number>();
  /** The shards whose findings between documents changed. */
  private readonly dirtyFound = new Set<number>();

  private constructor(
    private readonly root: string,
    private readonly cwd: string,
    private readonly key: string,
    private readonly before: Stored | undefined,
    /** Written at the end (`save`); a cache of one check alone (`--no-cache`, files parsed by worker threads) is not. */
    private readonly persist = true,
  ) {
    this.recent = new RecentTexts(before ? Number.POSITIVE_INFINITY : undefined);
    if (!before) return;
    this.kept = before.files;
    if (before.between) {
      const findings = new Map<string, Findings>();
      for (const [relPath, record] of before.between.findings) {
        const path = this.displayPath(relPath);
        const restored: Findings = { key: record.key, messages: record.messages.map((m) => messageOf(path, m)) };
        this.keptFindings.set(restored, record);
        findings.set(relPath, restored);
      }
      this.between.last = { shared: before.between.shared, findings };
    }
  }

  /** The cache of the repository at `root`, as the last check left it; empty when there is none, or none that this check may use. */
  static open(root: string, cwd: string): CheckCache {
    const key = cacheKey(root, cwd);
    let before: Stored | undefined;
    try {
      const folder = join(root, CACHE_FOLDER);
      const path = join(root, CHECK_CACHE);
      // Only files of its own, inside the repository: not a link, a pipe or a device put there.
      if (!isA(folder, "folder") || !isA(path, "file")) throw new Error("no cache");
      const index = deserialize(readFileSync(path)) as Partial<StoredIndex> | undefined;
      if (
        index &&
        index.format === FORMAT &&
        index.key === key &&
        index.shards &&
        PARTS.every((part) => Array.isArray(index.shards![part]) && index.shards![part].length === SHARDS) &&
        (index.shared === undefined || typeof index.shared === "string")
      ) {
        const files = new Map<string, FileRecord>();
        const findings = new Map<string, FindingsRecord>();
        const read = (part: Part) =>
          index.shards![part].map((name, n) => {
            if (typeof name !== "string" || !name) return "";
            const match = SHARD_FILE.exec(name);
            const shardPath = join(folder, name);
            try {
              if (!match || match[1] !== part || Number(match[2]) !== n || !isA(shardPath, "file")) return "";
              const shard = deserialize(readFileSync(shardPath)) as Partial<StoredShard> | undefined;
              if (!shard || shard.format !== FORMAT || shard.key !== key || shard.part !== part || !(shard.records instanceof Map)) return "";
              const into = (part === "check" ? files : findings) as Map<string, FileRecord | FindingsRecord>;
              for (const [relPath, record] of shard.records) into.set(relPath, record);
              return name;
            } catch {
              // A shard cut short, or gone (another check wrote the cache meanwhile): its files are checked anew.
              return "";
            }
          });
        const shards = { check: read("check"), found: read("found") };
        before = { format: FORMAT, key, files, between: index.shared === undefined ? undefined : { shared: index.shared, findings }, shards };
      }
    } catch {
      // No cache yet, or one that cannot be read (cut short, of another tool): the check is made anew and writes it again.
    }
    return new CheckCache(root, cwd, key, before);
  }

  /** A cache of this check alone, neither read nor written: where worker threads leave the files they parsed. */
  static memory(root: string, cwd: string): CheckCache {
    return new CheckCache(root, cwd, "", undefined, false);
  }

  /** Tells `hook` of each place in a light source not found yet, as the rules make it (a cold check's threads find them meanwhile, see parallel.ts). */
  onPending(hook: (place: PendingPlace) => void): void {
    this.recent.onPending = hook;
  }

  /** Whether this cache is written at the end (a record kept for it holds its data serialized), or of this check alone. */
  get persistent(): boolean {
    return this.persist;
  }

  /** Whether no file is known: a first check, or one after the configuration or plan changed. */
  get empty(): boolean {
    return this.kept.size === 0;
  }

  get(root: string, absPath: string, text: string, cwd: string, stat?: string): LoadedFile | undefined {
    const relPath = repositoryPath(root, absPath);
    const record = this.kept.get(relPath);
    if (!record || root !== this.root || cwd !== this.cwd) return undefined;
    // Stat first, as ESLint's cache: a file in the state it was read in last time has the same text; any other is hashed.
    const digest = stat !== undefined && record.stat === stat ? record.digest : digestOf(text);
    if (record.digest !== digest) return undefined;
    if (record.stat !== stat) {
      record.stat = stat;
      this.dirty.add(shardOf(relPath));
    }
    // A file a worker parsed in this run is a light source: its text is read again only where a message needs it.
    return this.restore(root, absPath, cwd, relPath, record, this.adopted.delete(relPath) ? undefined : text);
  }

  /** The file in the settled state it was read in last time (see `FileCache.settled`): a light source, its text not read. */
  settled(root: string, absPath: string, cwd: string, stat: string): LoadedFile | undefined {
    const relPath = repositoryPath(root, absPath);
    const record = this.kept.get(relPath);
    if (!record || record.stat !== stat || root !== this.root || cwd !== this.cwd) return undefined;
    this.adopted.delete(relPath);
    return this.restore(root, absPath, cwd, relPath, record, undefined);
  }

  /** A file as kept in `record`, from its text; a light source without it (`text` undefined). */
  private restore(root: string, absPath: string, cwd: string, relPath: string, record: FileRecord, text: string | undefined): LoadedFile | undefined {
    const { digest } = record;
    try {
      const facts = record.facts && {
        ...record.facts,
        outline: record.facts.outline && outlineOf(record.facts.outline, outlineAnew(root, absPath, text, cwd), this.strings),
      };
      const source = facts && restoreSource(root, absPath, text, cwd, facts, digest, this.recent);
      if (source) for (const m of record.messages) source.file.messages.push(messageOf(source.file.path, m));
      const { parsed } = record;
      const loaded: LoadedFile = {
        absPath,
        // A light source's text is read from its file when needed, not kept here.
        text: text ?? "",
        source,
        parsed:
          parsed.as === "document"
            ? {
                as: "document",
                id: parsed.id,
                entry:
                  parsed.entry && source ? restoreEntry(parsed.id, source, parsed.entry, loadAnew(root, absPath, text, cwd, source), this.strings) : undefined,
              }
            : (parsed as LoadedFile["parsed"]),
        ownMessages: source?.file.messages.length ?? 0,
      };
      if (record.fingerprint !== undefined && source) knowFingerprint(source, record.fingerprint);
      if (source && this.persist) this.linesOf.set(relPath, source.lines);
      this.seen.add(relPath);
      // A cache of this check alone is not written: what it kept of a file is the file's now.
      if (!this.persist) this.kept.delete(relPath);
      return loaded;
    } catch {
      // A record of another form than this code reads: the file is loaded anew.
      return undefined;
    }
  }

  set(loaded: LoadedFile, stat?: string): void {
    const record = recordOfLoaded(loaded, stat);
    if (record.fingerprint !== undefined && loaded.source) knowFingerprint(loaded.source, record.fingerprint);
    const relPath = repositoryPath(this.root, loaded.absPath);
    if (loaded.source && this.persist) this.linesOf.set(relPath, loaded.source.lines);
    this.keep(relPath, record);
  }

  /** Keeps a file loaded elsewhere (by a worker thread, see parallel.ts), to be taken as a file loaded before: a record received, which nothing else holds, its strings this check's (see `Strings`). */
  adopt(relPath: string, record: FileRecord): void {
    this.keep(relPath, this.strings.within(record));
  }

  private keep(relPath: string, record: FileRecord): void {
    this.seen.add(relPath);
    this.adopted.add(relPath);
    this.dirty.add(shardOf(relPath));
    this.kept.set(relPath, record);
  }

  /** Whether the file at `relPath` is kept as loaded from a text of this digest. */
  has(relPath: string, digest: string): boolean {
    return this.kept.get(relPath)?.digest === digest;
  }

  /**
   * Writes what this check found, when anything differs from what was read: the shards that
   * changed, each into a new file, then the index that names them; then the files of the shards
   * replaced are removed. A repository that cannot be written to is checked without a cache.
   */
  save(): void {
    if (!this.persist) return;
    const last = this.between.last;
    const before = this.before;
    // What every rule may read changed: every finding between documents was made anew.
    const allChanged = !before || last?.shared !== before.between?.shared;
    for (const [relPath, found] of last?.findings ?? []) if (!this.keptFindings.has(found)) this.dirtyFound.add(shardOf(relPath));
    for (const relPath of before?.between?.findings.keys() ?? []) if (!last?.findings.has(relPath)) this.dirtyFound.add(shardOf(relPath));
    // Files gone since (deleted, renamed, ignored now) are dropped, so the cache does not grow without end.
    for (const relPath of this.kept.keys()) {
      if (this.seen.has(relPath)) continue;
      this.kept.delete(relPath);
      this.dirty.add(shardOf(relPath));
    }
    if (before && !allChanged && this.dirty.size === 0 && this.dirtyFound.size === 0) return;
    const dirty = { check: this.dirty, found: this.dirtyFound };
    // The shards kept as they are: written before, and nothing in them changed.
    const keptName = (part: Part, n: number) => (!allChanged && !dirty[part].has(n) && before?.shards[part][n]) || "";
    // Only the shards written again are made, of the records of their files (a change of 10 files writes a few of 64).
    const shardsOf = <R>(part: Part, records: Iterable<[string, R]>, recordOfOne: (relPath: string, record: R) => FileRecord | FindingsRecord) => {
      const shards: (StoredShard | undefined)[] = Array.from({ length: SHARDS }, (_, n) =>
        keptName(part, n) ? undefined : { format: FORMAT, key: this.key, part, records: new Map() },
      );
      for (const [relPath, record] of records) shards[shardOf(relPath)]?.records.set(relPath, recordOfOne(relPath, record));
      return shards;
    };
    const parts = {
      check: shardsOf("check", this.kept, (_, record) => record),
      // A file's new findings are recorded together: a light source's text is read once for their frame lines.
      found: shardsOf(
        "found",
        last?.findings ?? [],
        (relPath, found) => this.keptFindings.get(found) ?? { key: found.key, messages: found.messages.map((m) => recordOf(m, this.linesOf.get(relPath))) },
      ),
    };
    const folder = join(this.root, CACHE_FOLDER);
    const path = join(this.root, CHECK_CACHE);
    const written: string[] = [];
    let committed = false;
    const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      // Written only into a folder of its own: never through a link put in its place, out of the repository.
      if (!isA(folder, "folder")) mkdirSync(folder);
      if (!isA(folder, "folder")) return;
      const ignore = join(folder, ".gitignore");
      if (!existsSync(ignore) && !isA(ignore, "link"))
        writeFileSync(ignore, "# Written by plan: what it keeps between runs, never committed.\n*\n", { flag: "wx" });
      const namesOf = (part: Part) =>
        parts[part].map((shard, n) => {
          if (!shard) return keptName(part, n);
          if (shard.records.size === 0) return "";
          const name = `${part}-${n}-${randomBytes(6).toString("hex")}.bin`;
          written.push(name);
          writeFileSync(join(folder, name), serialize(shard), { flag: "wx" });
          return name;
        });
      const names = { check: namesOf("check"), found: namesOf("found") };
      const index: StoredIndex = { format: FORMAT, key: this.key, shared: last?.shared, shards: names };
      rmSync(temporary, { force: true });
      writeFileSync(temporary, serialize(index), { flag: "wx" });
      renameSync(temporary, path);
      committed = true;
      // The shard files no index names now: those replaced, and those left by a check that stopped halfway.
      const named = new Set([...names.check, ...names.found]);
      for (const name of readdirSync(folder))
        if (SHARD_FILE.test(name) && !named.has(name) && isA(join(folder, name), "file")) rmSync(join(folder, name), { force: true });
    } catch {
      // A repository read-only to this user, a full disk: the next check is made anew.
      rmSync(temporary, { force: true });
      if (!committed) for (const name of written) rmSync(join(folder, name), { force: true });
    }
  }

  private displayPath(relPath: string): string {
    const absPath = join(this.root, relPath);
    return relativePath(this.cwd, absPath) || absPath;
  }
}

/** A file just loaded as the cache keeps it; with `inline`, as a worker sends it for a check that writes no cache (see `Inline`). */
export function recordOfLoaded(loaded: LoadedFile, stat?: string, inline = false): FileRecord {
  const { source, parsed } = loaded;
  return {
    digest: source?.digest ?? digestOf(loaded.text),
    stat,
    facts: source && keptFacts(sourceFacts(source), inline),
    parsed:
      parsed.as === "document"
        ? {
            as: "document",
            id: parsed.id,
            entry: parsed.entry && {
              kind: parsed.entry.kind,
              data: inline ? { inline: parsed.entry.data } : serialize(packed(parsed.entry.data)),
              known: {
                references: referencesOf(parsed.entry),
                names: namesOf(parsed.entry),
                money: parsed.entry.kind === "plan" ? planMoney(parsed.entry) : undefined,
              },
            },
          }
        : parsed.as === "none"
          ? { as: "none" }
          : { as: parsed.as, data: parsed.data },
    messages: (source?.file.messages.slice(0, loaded.ownMessages) ?? []).map((m) => recordOf(m, source?.lines)),
    ...(parsed.as === "document" && parsed.entry ? { fingerprint: fingerprintFacts(parsed.entry.source) } : {}),
  };
}

/** A file's facts as the cache keeps them: the outline's parts that few rules read, serialized apart (see `KeptOutline`). */
function keptFacts(facts: SourceFacts, inline = false): KeptFacts {
  const { outline } = facts;
  if (!outline) return { ...facts, outline: undefined };
  const { bodyStart, bodyLine, urls, headings, directives, figures } = outline;
  return {
    ...facts,
    outline: { bodyStart, bodyLine, urls, rest: inline ? { inline: { headings, directives, figures } } : serialize(packed({ headings, directives, figures })) },
  };
}

/** The outline kept: its headings, directives and figures read back when first asked for; from the file anew (`anew`) where they cannot be. */
function outlineOf(kept: KeptOutline, anew: () => BodyOutline | undefined, strings: Strings): BodyOutline {
  return new KeptBodyOutline(kept, anew, strings);
}

/**
 * What the cache keeps of a file and reads only when a rule asks for it: serialized (then read
 * once, its bytes let go, its strings this check's, see `Strings`), or as a worker sent it (see
 * `Inline`); made anew from the file (`anew`) where the bytes cannot be read (a cache written by
 * hand). A class that the kept outline and entry extend: an object of each's own, holding a
 * getter, would be a dictionary of its properties in V8, several hundred bytes more each.
 */
abstract class ReadWhenAsked<T> {
  #value: T | undefined;
  /** Let go once read: the value is kept once, as read. */
  #serialized: Uint8Array | undefined;
  constructor(
    kept: Uint8Array | Inline<T>,
    private readonly strings: Strings,
  ) {
    this.#value = isInline(kept) ? this.held(kept.inline) : undefined;
    this.#serialized = isInline(kept) ? undefined : kept;
  }
  /** The value made anew from the file. */
  protected abstract anew(): T;
  /** The value as this thread holds it, from the value received or read back (the same, by default). */
  protected held(value: T): T {
    return value;
  }
  protected kept(): T {
    if (this.#serialized === undefined) return this.#value as T;
    try {
      this.#value = this.held(this.strings.within(deserialize(this.#serialized) as T));
    } catch {
      this.#value = this.anew();
    }
    this.#serialized = undefined;
    return this.#value;
  }
}

type OutlineRest = Pick<BodyOutline, "headings" | "directives" | "figures">;

/** An outline as kept (`outlineOf`): where its body starts and its links at once, its headings, directives and figures when asked for. */
class KeptBodyOutline extends ReadWhenAsked<OutlineRest> implements BodyOutline {
  readonly bodyStart: number;
  readonly bodyLine: BodyOutline["bodyLine"];
  readonly urls: BodyOutline["urls"];
  constructor(
    kept: KeptOutline,
    private readonly fromFile: () => BodyOutline | undefined,
    strings: Strings,
  ) {
    super(kept.rest, strings);
    this.bodyStart = kept.bodyStart;
    this.bodyLine = new CompactPosition(kept.bodyLine);
    this.urls = kept.urls.map((url) => ({ ...url, position: new CompactPosition(url.position) }));
  }
  /** Its places compact (`CompactPosition`): every document's outline is held until the check ends. */
  protected override held({ headings, directives, figures }: OutlineRest): OutlineRest {
    return {
      headings: headings.map(({ depth, text, position }) => ({ depth, text, position: new CompactPosition(position) })),
      directives: directives.map((directive) => ({ ...directive, position: new CompactPosition(directive.position) })),
      figures: figures.map((figure) => ({
        ...figure,
        position: new CompactPosition(figure.position),
        label: figure.label && { text: figure.label.text, position: new CompactPosition(figure.label.position) },
      })),
    };
  }
  protected anew(): OutlineRest {
    // A cache written by hand: the outline of the text as it is.
    const outline = this.fromFile();
    return { headings: outline?.headings ?? [], directives: outline?.directives ?? [], figures: outline?.figures ?? [] };
  }
  get headings() {
    return this.kept().headings;
  }
  get directives() {
    return this.kept().directives;
  }
  get figures() {
    return this.kept().figures;
  }
}

/** A file's outline from its text, or a light source's from its file (a closure of its own, which holds no other text). */
function outlineAnew(root: string, absPath: string, text: string | undefined, cwd: string): () => BodyOutline | undefined {
  return () => {
    let raw = text;
    try {
      raw ??= readInside(root, absPath, "utf8");
    } catch {
      return undefined;
    }
    return loadFile(root, absPath, raw, cwd).source?.outline;
  };
}

/** Loads a file anew from its text, or a light source's from its file (a closure of its own, which holds no other text). */
function loadAnew(root: string, absPath: string, text: string | undefined, cwd: string, source: SourceDocument): () => LoadedFile {
  return () => loadFile(root, absPath, text ?? String(source.file.value), cwd);
}

/**
 * A document's entry as loaded before: what the rules between documents ask of every document
 * (its references, the names its group is made of) known at once, its data read only when a rule
 * asks for it, since most documents of a large repository are in groups no change reached. Data
 * that cannot be read back (a cache written by hand) is taken from the file anew.
 */
function restoreEntry(
  id: string,
  source: SourceDocument,
  kept: { kind: AnyEntry["kind"]; data: Uint8Array | Inline<unknown>; known: Known },
  anew: () => LoadedFile,
  strings: Strings,
): AnyEntry {
  return new KeptEntry(id, source, kept, anew, strings) as unknown as AnyEntry;
}

/** An entry as kept (`restoreEntry`): its kind and what the rules between documents ask of every document at once, its data when asked for. */
class KeptEntry extends ReadWhenAsked<unknown> {
  readonly kind: AnyEntry["kind"];
  readonly [KNOWN]: Known;
  constructor(
    readonly id: string,
    readonly source: SourceDocument,
    kept: { kind: AnyEntry["kind"]; data: Uint8Array | Inline<unknown>; known: Known },
    private readonly fromFile: () => LoadedFile,
    strings: Strings,
  ) {
    super(kept.data, strings);
    this.kind = kept.kind;
    this[KNOWN] = kept.known;
  }
  protected anew(): unknown {
    const loaded = this.fromFile().parsed;
    return loaded.as === "document" ? loaded.entry?.data : undefined;
  }
  get data(): unknown {
    return this.kept();
  }
}

/** Whether there is a folder, a regular file (not a link to one) or a link at `path`. */
function isA(path: string, kind: "folder" | "file" | "link"): boolean {
  try {
    const stat = lstatSync(path);
    return kind === "folder" ? stat.isDirectory() : kind === "file" ? stat.isFile() : stat.isSymbolicLink();
  } catch {
    return false;
  }
}

/** What every file's result depends on besides its own text: the tool, Node (the form of `v8.serialize`), the configuration, the repository's place (a message may name a path outside it) and where messages name files from. */
function cacheKey(root: string, cwd: string): string {
  let config = "";
  try {
    config = readFileSync(join(root, CONFIG_FILE), "utf8");
  } catch {
    // No configuration: the check says so, and the key holds none.
  }
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, process.versions.node, process.versions.v8, codeDigest(), digestOf(config), root, relative(cwd, root)]))
    .digest("base64");
}

/**
 * The digest of plan's own code (every module beside this one, and package.json): its version
 * alone would not tell a changed rule in a build between two releases. Made the first time it is asked.
 */
export const codeDigest = lazy((): string => {
  const hash = createHash("sha256");
  const top = fileURLToPath(new URL("..", import.meta.url));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:js|ts|json)$/.test(entry.name)) hash.update(`${relative(top, path)}\0`).update(readFileSync(path));
    }
  };
  try {
    walk(top);
    hash.update(readFileSync(new URL("../../package.json", import.meta.url)));
  } catch {
    // A module that cannot be read: the digest still differs from that of other code.
  }
  return hash.digest("base64");
});
