import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { writeFileAtomic } from "../write/atomic.js";
import { lookup, type Entry, type Repository } from "../model/repository.js";
import { draftMemo, draftNextPlan, draftReport } from "../scaffold/drafts.js";
import { SYNONYMS } from "../vocabulary.js";
import { initFiles, type InitOptions } from "../scaffold/init.js";
import { COPY_FOLDER, olderTarballs, planCopyFiles } from "../scaffold/copy.js";
import { checkRepository, formatProblems } from "../check/check.js";
import { UserError } from "../errors.js";
import { count, langIn, say, t } from "../format/message.js";
import type { Io } from "../io.js";

/** What may be in a folder that `plan init` counts as empty: a fresh `git init`. */
const EMPTY_ENOUGH = new Set([".git"]);

/**
 * `plan init`: a working plan repository, written without asking, into a new or empty folder
 * (anything else is a usage error, exit 2, unless --force); `plan init --update`: the copy of
 * plan in `.plan/` of an existing repository renewed from the plan that runs it.
 */
export function runInit(dir: string, options: InitOptions & { force: boolean; update: boolean }, io: Io): number {
  const root = resolve(io.cwd, dir);
  if (options.update) return updateCopy(dir, root, io);
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new UserError(t`${dir} is a file, not a folder; nothing was written. Give a new or empty folder.`, 2);
  const files = initFiles(options);
  const present = existsSync(root) ? readdirSync(root).filter((f) => !EMPTY_ENOUGH.has(f)) : [];
  if (present.length && !options.force) {
    const overwritten = [...new Set([...files.keys()].map((f) => f.split("/")[0]!))].filter((f) => present.includes(f));
    const named = present.length > 4 ? t`${present.slice(0, 4).join(", ")} and ${present.length - 4} more` : present.join(", ");
    const renew = existsSync(join(root, "plan.config.yaml")) ? t`, or renew only the copy of plan in .plan/ with \`plan init --update ${dir}\`` : "";
    const replacing = overwritten.length
      ? t` (replacing ${overwritten.length > 4 ? t`the ${overwritten.length} of the same names` : overwritten.join(", ")})`
      : "";
    throw new UserError(
      t`${dir} is not empty (it has ${named}); nothing was written.\nGive a new or empty folder (\`plan init folkhalsoplan\`)${renew}, or add --force to write the files into it${replacing}.`,
      2,
    );
  }
  // Under --force, an older plan's package in .plan/ goes: the lock names only this one.
  const older = olderTarballs(root, files.keys());
  writeFiles(root, files);
  for (const f of older) rmSync(join(root, f), { force: true });
  const cd = dir === "." ? "" : `  cd ${dir}\n`;
  io.stdout.write(
    `${say(
      t`Created a plan repository in ${root} (${count(files.size, "file")}).\n\nNext:\n${cd}  plan check   check the documents\n  plan build   render them to HTML (and PDF, where a browser is found) in dist/\n  git init -b main && git add . && git commit -m "Folkhälsoplan"`,
      langIn(io),
    )}\n`,
  );
  return 0;
}

function writeFiles(root: string, files: Map<string, string | Uint8Array>): void {
  for (const [path, data] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileAtomic(join(root, path), data);
  }
}

/** `plan init --update`: `.plan/` written anew from the plan that runs this, an older packed plan removed; nothing else is touched. */
function updateCopy(dir: string, root: string, io: Io): number {
  if (!existsSync(join(root, "plan.config.yaml"))) {
    throw new UserError(t`${dir} has no plan.config.yaml, so it is not a plan repository; nothing was written. Give the folder that \`plan init\` made.`, 2);
  }
  const files = planCopyFiles();
  const before = new Map([...files.keys()].map((f) => [f, existsSync(join(root, f)) ? readFileSync(join(root, f)) : undefined]));
  const older = olderTarballs(root, files.keys());
  writeFiles(root, files);
  for (const f of older) rmSync(join(root, f), { force: true });
  const changed = [...files].filter(([f, data]) => !before.get(f)?.equals(typeof data === "string" ? Buffer.from(data) : data)).map(([f]) => f);
  const tarball = [...files.keys()].find((f) => f.endsWith(".tgz"))!;
  const replacing = older.length ? t` (replacing ${older.map((f) => f.slice(COPY_FOLDER.length + 1)).join(", ")})` : "";
  const said =
    changed.length || older.length
      ? t`Renewed the copy of plan in ${join(dir, COPY_FOLDER)}: ${tarball.slice(COPY_FOLDER.length + 1)}${replacing}.\nCommit ${COPY_FOLDER}/; CI installs this plan from the next run on.`
      : t`The copy of plan in ${join(dir, COPY_FOLDER)} is already this plan (${tarball.slice(COPY_FOLDER.length + 1)}); nothing changed.`;
  io.stdout.write(`${say(said, langIn(io))}\n`);
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
  if (!kind) throw new UserError(t`plan new makes a plan, a report or a memo, not "${word}".`);
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
  if (byName.length > 1) throw new UserError(t`Several plans are called ${name}: ${byName.map((p) => p.id).join(", ")}. Give one of these ids.`);
  throw new UserError(t`No plan has the id ${given}.${plans.length ? t` Plans here: ${plans.map((p) => p.id).join(", ")}.` : ""}`);
}

/** `plan new plan|report|memo`: drafts a document from an existing plan. */
export function runNew(word: string, options: NewOptions, io: Io): number {
  const kind = newKind(word);
  const id = kind === "memo" ? (options.for ?? options.from) : (options.from ?? options.for);
  if (!id) throw new UserError(kind === "memo" ? t`plan new memo needs --for <plan id>.` : t`plan new ${kind} needs --from <plan id>.`);
  const checked = checkRepository(".", io);
  const plan = namedPlan(checked.repo, id, io.cwd);
  const draft =
    kind === "plan"
      ? draftNextPlan(plan, { keepAmounts: options.keepAmounts, year: options.year })
      : kind === "report"
        ? draftReport(checked.repo, plan)
        : draftMemo(checked.repo, plan);
  const target = join(checked.repo.root, draft.relPath);
  if (existsSync(target) && !options.force) throw new UserError(t`${draft.relPath} already exists; nothing was written. Use --force to overwrite it.`, 1);
  writeFileAtomic(target, draft.text);
  io.stdout.write(`${say(t`Wrote ${draft.relPath} (a draft).`, langIn(io))}\n`);
  // Show at once what the draft still lacks, so that the user knows what to fill in.
  const after = checkRepository(target, io);
  const own = after.problems.filter((p) => p.file.path === after.repo.sources.find((s) => s.relPath === draft.relPath)?.file.path);
  if (own.length) io.stdout.write(`\n${say(t`To fill in:`, langIn(io))}\n${formatProblems({ ...after, problems: own }, "text", io, io.stdout)}`);
  return 0;
}
