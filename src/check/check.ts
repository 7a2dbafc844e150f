import { join, relative, resolve } from "node:path";
import { existsSync } from "node:fs";
import { progress } from "../diagnostics/progress.js";
import { isError, pendingPlaces } from "../diagnostics/report.js";
import { causesFirst, collectMessages, countMessages, summaryLine, type FileMessages } from "../diagnostics/collect.js";
import { formatCodeQuality, formatGithub, jsonPieces } from "../diagnostics/format-machine.js";
import { colours, plain, textPieces } from "../diagnostics/format-text.js";
import { loadRepository } from "../model/load-repository.js";
import type { Repository } from "../model/repository.js";
import { betweenDocumentsChecker, checkBetweenDocuments, checkDocument, registry } from "../rules/index.js";
import { CheckCache } from "./cache.js";
import { parseInWorkers, type ThreadSharing } from "./parallel.js";
import { CONFIG_FILE, discoverAsync, findRoot, type Discovered } from "../source/discover.js";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";
import { useColour, type Io } from "../io.js";
import { langIn } from "../format/message.js";

/**
 * Checking a repository, as every command that reads one does first: its root found, its
 * documents loaded and checked by the rules, the messages collected and counted, and shown in
 * the format asked for. `plan check` is this and an exit code; `plan build`, `plan budget` and
 * `plan new` stop on its errors.
 */

/** Which rules each rule's findings may follow from (`RuleInfo.follows`), from the registry. */
const FOLLOWS: ReadonlyMap<string, readonly string[]> = new Map(registry.flatMap((rule) => (rule.follows ? [[rule.id, rule.follows] as const] : [])));

export type DiagnosticFormat = "text" | "json" | "github" | "codequality";

export interface Checked {
  repo: Repository;
  problems: FileMessages[];
  errors: number;
  warnings: number;
}

/** The repository root at or above `path`, or a message saying how to find or make one. */
export function repositoryRoot(path: string, io: Pick<Io, "cwd">): string {
  const target = resolve(io.cwd, path);
  if (!existsSync(target)) throw new UserError(t`${path}: no such file or folder.`);
  const root = findRoot(target);
  if (!root) {
    throw new UserError(
      t`No ${CONFIG_FILE} in ${path} or any folder above it, so this is not a plan repository.\nGive the path of one (e.g. \`plan check examples\`), or create one with \`plan init\`.`,
    );
  }
  return root;
}

/** Runs the rules between documents over a repository loaded with `checkDocument` (watch mode: with a `betweenDocumentsChecker`), and collects the problems. */
export function checkLoaded(repo: Repository, between: (repo: Repository) => void = checkBetweenDocuments): Checked {
  between(repo);
  return collected(repo);
}

/** The messages of a repository whose rules have run, collected and counted. */
function collected(repo: Repository): Checked {
  const problems = causesFirst(
    collectMessages(
      repo.sources.map((s) => s.file),
      repo.config?.data.rules,
    ),
    FOLLOWS,
  );
  return { repo, problems, ...countMessages(problems) };
}

/**
 * Finds the repository at or above `path`, loads it and runs every rule; on a terminal, with a
 * progress line while the documents are read. With `cache` (and without `keepBody`), what the last
 * check found in files whose text is the same is taken from the repository's cache (see `CheckCache`).
 */
export function checkRepository(
  path: string,
  io: Pick<Io, "cwd"> & Partial<Pick<Io, "stderr" | "env">>,
  options: { keepBody?: boolean; cache?: boolean } = {},
): Checked {
  const root = repositoryRoot(path, io);
  const cache = options.cache && options.keepBody === false ? CheckCache.open(root, io.cwd) : undefined;
  return checkWith(root, io, { keepBody: options.keepBody, cache });
}

/**
 * `plan check` itself: as `checkRepository` without `keepBody`, and a cold check (no cache, or
 * one set aside) parses the files on every core first (see `parseInWorkers`), once it has called
 * `cold` (`plan check` bounds the heap's growth then, see `withHeapBound`).
 */
export async function checkAll(
  path: string,
  io: Pick<Io, "cwd"> & Partial<Pick<Io, "stderr" | "env">>,
  options: { cache: boolean; threads?: ThreadSharing | undefined; cold?: (() => void) | undefined },
): Promise<Checked> {
  const root = repositoryRoot(path, io);
  // git is asked which files it ignores while the cache is read.
  const discovering = discoverAsync(root);
  const cache = options.cache ? CheckCache.open(root, io.cwd) : CheckCache.memory(root, io.cwd);
  const discovered = await discovering;
  if (!cache.empty) return checkWith(root, io, { keepBody: false, cache, discovered });
  options.cold?.();
  const threads = await parseInWorkers(root, io.cwd, cache, [join(root, CONFIG_FILE), ...discovered.files], options.threads);
  if (!threads) return checkWith(root, io, { keepBody: false, cache, discovered });
  try {
    const repo = loadWith(root, io, { keepBody: false, cache, discovered });
    // Sent to the threads as the rules make them, found there while the rules go on.
    cache.onPending(threads.soon);
    betweenDocumentsChecker(cache.between)(repo);
    // The places of the messages in files the threads parsed, found on another core (see `ParseThreads`).
    await threads.place(pendingPlaces(repo.sources.map((s) => s.file)));
    cache.onPending(() => {});
    // Ended before the messages are collected, which is when this thread's heap is largest: each thread's heap is let go.
    threads.close();
    const checked = collected(repo);
    cache.save();
    return checked;
  } finally {
    threads.close();
  }
}

function checkWith(
  root: string,
  io: Pick<Io, "cwd"> & Partial<Pick<Io, "stderr" | "env">>,
  options: { keepBody?: boolean | undefined; cache?: CheckCache | undefined; discovered?: Discovered },
): Checked {
  const { cache } = options;
  const repo = loadWith(root, io, options);
  const checked = checkLoaded(repo, cache ? betweenDocumentsChecker(cache.between) : checkBetweenDocuments);
  cache?.save();
  return checked;
}

/** Loads the repository at `root` for a check, with a progress line on a terminal. */
function loadWith(
  root: string,
  io: Pick<Io, "cwd"> & Partial<Pick<Io, "stderr" | "env">>,
  options: { keepBody?: boolean | undefined; cache?: CheckCache | undefined; discovered?: Discovered },
): Repository {
  const reading = readingProgress(io, root);
  try {
    return loadRepository(root, {
      cwd: io.cwd,
      keepBody: options.keepBody,
      checkDocument,
      loaded: reading.loaded,
      cache: options.cache,
      discovered: options.discovered,
    });
  } finally {
    reading.end();
  }
}

/** `plan: reading 1234 of 5671: k0001/lerum/plan-2019.md`, rewritten in place on a terminal; nothing elsewhere. */
export function readingProgress(io: Partial<Pick<Io, "stderr" | "env">>, root: string) {
  const bar = io.stderr ? progress(io.stderr, io.env ?? {}, "reading") : undefined;
  return {
    loaded: (done: number, total: number, absPath: string) => bar?.update(done, total, relative(root, absPath)),
    end: () => bar?.end(),
  };
}

/** The errors alone, as `plan build` shows them: warnings do not stop a build, and `plan check` lists them. */
export function errorsOnly(checked: Checked): Checked {
  const problems = checked.problems.map((p) => ({ ...p, messages: p.messages.filter(isError) })).filter((p) => p.messages.length > 0);
  return { ...checked, problems, warnings: 0 };
}

/** What a report of a check reads: its problems, and how many documents it read (not the model it read them into). */
export type Reported = Pick<Checked, "problems"> & { repo: { documents: { size: number } } };

/** A check's report alone, which lets the model go (see `runCheck`). */
export const reportedOf = (checked: Checked): Reported => ({ problems: checked.problems, repo: { documents: { size: checked.repo.documents.size } } });

/** The problems as the reporter of `format` writes them for `stream`: text (in colour on a terminal), JSON, GitHub annotations or GitLab's Code Quality report. */
export function formatProblems(checked: Reported, format: DiagnosticFormat, io: Io, stream: Io["stdout"]): string {
  return [...problemPieces(checked, format, io, stream)].join("");
}

/**
 * `formatProblems`'s text in pieces, to be written as they are made (see `writePieces`): the text
 * and JSON reports a file at a time, which a large repository's report is never held whole.
 */
export function* problemPieces(checked: Reported, format: DiagnosticFormat, io: Io, stream: Io["stdout"]): Generator<string> {
  const documents = checked.repo.documents.size;
  const lang = langIn(io);
  if (format === "json") yield* jsonPieces(checked.problems, documents, lang);
  else if (format === "codequality") yield formatCodeQuality(checked.problems, lang);
  else if (format === "github") yield formatGithub(checked.problems, lang) + summaryLine(countMessages(checked.problems), documents, lang) + "\n";
  else yield* textPieces(checked.problems, documents, useColour(stream, io.env) ? colours : plain, lang);
}

/** Pieces of text written to `stream` in writes of about `size` characters: the pieces of a report are many and small. */
export function writePieces(stream: Pick<Io["stdout"], "write">, pieces: Iterable<string>, size = 1 << 16): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length < size) continue;
    stream.write(batch.join(""));
    batch = [];
    length = 0;
  }
  if (batch.length) stream.write(batch.join(""));
}

/** A check fails with errors, and with warnings too under `--strict`: the exit code of `plan check` and of every round of its watch mode. */
export const exitCode = (checked: Checked, strict: boolean) => (checked.errors > 0 || (strict && checked.warnings > 0) ? 1 : 0);
