import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { writeFileAtomic } from "../write/atomic.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { draftMemo, draftNextPlan, draftReport } from "../scaffold/drafts.js";
import { SYNONYMS } from "../vocabulary.js";
import { initFiles, type InitOptions } from "../scaffold/init.js";
import { checkRepository, formatProblems } from "../check/check.js";
import { UserError } from "../errors.js";
import type { Io } from "../io.js";

/** `plan init`: a working plan repository, written without asking; existing files are never overwritten without --force. */
export function runInit(dir: string, options: InitOptions & { force: boolean }, io: Io): number {
  const root = resolve(io.cwd, dir);
  const files = initFiles(options);
  const existing = [...files.keys()].filter((f) => existsSync(join(root, f)));
  if (existing.length && !options.force) {
    throw new UserError(`${dir} already has ${existing.join(", ")}; nothing was written. Use --force to overwrite them, or give an empty folder.`, 1);
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileAtomic(join(root, path), text);
  }
  const shown = dir === "." ? "" : ` ${dir}`;
  io.stdout.write(
    `Created a plan repository in ${root} (${files.size} files).\n\nNext:\n` +
      (shown ? `  cd${shown}\n` : "") +
      `  plan check   check the documents\n  plan build   render them to HTML (and PDF, where a browser is found) in dist/\n  git init -b main && git add . && git commit -m "Folkhälsoplan"\n`,
  );
  return 0;
}

export interface NewOptions {
  from?: string;
  for?: string;
  keepAmounts: boolean;
  year?: number;
  force: boolean;
}

/** The kinds `plan new` drafts, by the word the user typed: the English kind or a Swedish word for it (`rapport`, `tjänsteskrivelse`). */
const NEW_KINDS = ["plan", "report", "memo"] as const;
type NewKind = (typeof NEW_KINDS)[number];

function newKind(word: string): NewKind {
  const typed = word.toLowerCase();
  const kind = NEW_KINDS.find((k) => k === typed || SYNONYMS[typed] === k);
  if (!kind) throw new UserError(`plan new makes a plan, a report or a memo, not "${word}".`);
  return kind;
}

/**
 * The plan a user names: its id (`lerum/plan-2019`), its file (`lerum/plan-2019.md`, from the
 * folder the user is in), or its file name alone (`plan-2019.md`, `plan-2019`) where one plan has it.
 */
function namedPlan(repo: Repository, given: string, cwd: string): Entry<"plan"> {
  const exact = lookup(repo, given, "plan");
  if (exact) return exact;
  const plans = repo.plans;
  const stem = given.replace(/\.md$/i, "");
  const fromCwd = relative(repo.root, resolve(cwd, stem)).split(sep).join("/");
  const byPath = plans.find((p) => p.id === stem || p.id === fromCwd);
  if (byPath) return byPath;
  const name = stem.split(/[\\/]/).pop()!;
  const byName = plans.filter((p) => p.id.split("/").pop() === name);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new UserError(`Several plans are called ${name}: ${byName.map((p) => p.id).join(", ")}. Give one of these ids.`);
  throw new UserError(`No plan has the id ${given}.${plans.length ? ` Plans here: ${plans.map((p) => p.id).join(", ")}.` : ""}`);
}

/** `plan new plan|report|memo`: drafts a document from an existing plan. */
export function runNew(word: string, options: NewOptions, io: Io): number {
  const kind = newKind(word);
  const id = kind === "memo" ? (options.for ?? options.from) : (options.from ?? options.for);
  if (!id) throw new UserError(kind === "memo" ? "plan new memo needs --for <plan id>." : `plan new ${kind} needs --from <plan id>.`);
  const checked = checkRepository(".", io);
  const plan = namedPlan(checked.repo, id, io.cwd);
  const draft =
    kind === "plan"
      ? draftNextPlan(plan, { keepAmounts: options.keepAmounts, year: options.year })
      : kind === "report"
        ? draftReport(checked.repo, plan)
        : draftMemo(checked.repo, plan);
  const target = join(checked.repo.root, draft.relPath);
  if (existsSync(target) && !options.force) throw new UserError(`${draft.relPath} already exists; nothing was written. Use --force to overwrite it.`, 1);
  writeFileAtomic(target, draft.text);
  io.stdout.write(`Wrote ${draft.relPath} (a draft).\n`);
  // Show at once what the draft still lacks, so that the user knows what to fill in.
  const after = checkRepository(target, io);
  const own = after.problems.filter((p) => p.file.path === after.repo.sources.find((s) => s.relPath === draft.relPath)?.file.path);
  if (own.length) io.stdout.write(`\nTo fill in:\n${formatProblems({ ...after, problems: own }, "text", io, io.stdout)}`);
  return 0;
}
