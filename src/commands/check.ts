import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { collectMessages, countMessages, summaryLine, type FileMessages } from "../diagnostics/collect.js";
import { formatGithub, formatJson } from "../diagnostics/format-machine.js";
import { colours, formatText, plain } from "../diagnostics/format-text.js";
import { loadRepository } from "../model/load-repository.js";
import type { Repository } from "../model/repository.js";
import { rules, runRules } from "../rules/index.js";
import { CONFIG_FILE, findRoot } from "../source/discover.js";
import { UserError, useColour, type Io } from "./io.js";

export type DiagnosticFormat = "text" | "json" | "github";

export interface Checked {
  repo: Repository;
  problems: FileMessages[];
  errors: number;
  warnings: number;
}

/** Finds the repository at or above `path`, loads it and runs every rule. */
export function checkRepository(path: string, io: Pick<Io, "cwd">): Checked {
  const target = resolve(io.cwd, path);
  if (!existsSync(target)) throw new UserError(`${path}: no such file or folder.`);
  const root = findRoot(target);
  if (!root) {
    throw new UserError(
      `No ${CONFIG_FILE} in ${path} or any folder above it, so this is not a plan repository.\n` +
        `Give the path of one (e.g. \`plan check examples\`), or create one with \`plan init\`.`,
    );
  }
  const repo = loadRepository(root, { cwd: io.cwd });
  runRules(repo, rules);
  const problems = collectMessages(repo.sources.map((s) => s.file));
  return { repo, problems, ...countMessages(problems) };
}

export function formatProblems(checked: Checked, format: DiagnosticFormat, io: Io, stream: Io["stdout"]): string {
  const documents = checked.repo.documents.size;
  if (format === "json") return formatJson(checked.problems, documents);
  if (format === "github") return formatGithub(checked.problems) + summaryLine(countMessages(checked.problems), documents) + "\n";
  return formatText(checked.problems, documents, useColour(stream, io.env) ? colours : plain);
}

export interface CheckOptions {
  format: DiagnosticFormat;
  strict: boolean;
}

/** `plan check`: 0 when clean (warnings allowed), 1 with errors (or warnings under --strict). */
export function runCheck(path: string, options: CheckOptions, io: Io): number {
  const checked = checkRepository(path, io);
  io.stdout.write(formatProblems(checked, options.format, io, io.stdout));
  return checked.errors > 0 || (options.strict && checked.warnings > 0) ? 1 : 0;
}
