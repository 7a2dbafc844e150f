import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { renderSite } from "../render/site.js";
import { sourceDate } from "../render/source-date.js";
import { writeOutputs } from "../write/outputs.js";
import { checkRepository, formatProblems } from "./check.js";
import { UserError, type Io } from "./io.js";

export interface BuildOptions {
  /** Output folder, from the current folder; default `dist` in the repository. */
  out?: string;
}

/** `plan build`: the checks first; then every page, roll-up and copied file, rendered in memory and written atomically. */
export async function runBuild(path: string, options: BuildOptions, io: Io): Promise<number> {
  const checked = checkRepository(path, io);
  if (checked.errors > 0) {
    io.stderr.write(formatProblems(checked, "text", io, io.stderr));
    io.stderr.write("plan: nothing is built from a repository with errors; fix them first.\n");
    return 1;
  }
  const root = checked.repo.root;
  const out = options.out ? resolve(io.cwd, options.out) : join(root, "dist");
  const fromOut = relative(out, root);
  const outside = fromOut === ".." || fromOut.startsWith(`..${sep}`) || isAbsolute(fromOut);
  if (!outside) {
    throw new UserError(`The output folder ${options.out ?? out} is the repository or contains it; choose a folder of its own, e.g. --out dist.`);
  }
  const files = renderSite(checked.repo, { buildDate: sourceDate(io.env, root) });
  await writeOutputs(out, files);
  const pages = files.filter((f) => f.path.endsWith(".html")).length;
  const fromCwd = relative(io.cwd, out);
  const shown = fromCwd === "" ? "." : fromCwd.startsWith("..") || isAbsolute(fromCwd) ? out : fromCwd;
  io.stdout.write(`plan: built ${pages} pages and ${files.length - pages} other files into ${shown}\n`);
  if (checked.warnings > 0) io.stderr.write(`plan: ${checked.warnings} warning${checked.warnings === 1 ? "" : "s"}; \`plan check\` shows them.\n`);
  return 0;
}
