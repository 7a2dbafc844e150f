import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../write/atomic.js";
import { lookup } from "../model/repository.js";
import { draftMemo, draftNextPlan, draftReport, type Draft } from "../scaffold/drafts.js";
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

/** `plan new plan|report|memo`: drafts a document from an existing plan. */
export function runNew(kind: string, options: NewOptions, io: Io): number {
  const id = kind === "memo" ? (options.for ?? options.from) : (options.from ?? options.for);
  if (!id) throw new UserError(kind === "memo" ? "plan new memo needs --for <plan id>." : `plan new ${kind} needs --from <plan id>.`);
  const checked = checkRepository(".", io);
  const plan = lookup(checked.repo, id, "plan");
  if (!plan) {
    const plans = checked.repo.plans.map((p) => p.id);
    throw new UserError(`No plan has the id ${id}.${plans.length ? ` Plans here: ${plans.join(", ")}.` : ""}`);
  }
  let draft: Draft;
  if (kind === "plan") draft = draftNextPlan(plan, { keepAmounts: options.keepAmounts, year: options.year });
  else if (kind === "report") draft = draftReport(checked.repo, plan);
  else if (kind === "memo") draft = draftMemo(checked.repo, plan);
  else throw new UserError(`plan new makes a plan, a report or a memo, not "${kind}".`);
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
