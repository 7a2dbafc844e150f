import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { CACHE_FOLDER, codeDigest } from "../check/cache.js";
import { writeRecord } from "../write/atomic.js";

/**
 * Whether a build would write what the output folder already holds: `plan build --no-pdf` with
 * nothing changed writes nothing. The last such build leaves in `.plan-cache/build.json` the
 * state of every file it was made of (each file of the repository but git's and the output
 * itself, by size and times of change: an edit, a new image, a template, `.gitignore`), of git's
 * other ignore lists and configuration, of plan and its installed packages, of the build's
 * settings and date, and of every file it wrote. When
 * all of it is as it was, the output is what this build would make. Anything else builds.
 */
const RECORD = `${CACHE_FOLDER}/build.json`;
const FORMAT = 1;

interface Record {
  format: number;
  inputs: string;
  outputs: string;
}

/** What a build is made of, in one digest. */
export function inputsOf(
  root: string,
  out: string,
  settings: Readonly<{ [key: string]: unknown }>,
  env: Readonly<{ [name: string]: string | undefined }> = {},
): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      format: FORMAT,
      node: process.versions.node,
      code: codeDigest(),
      packages: packagesState(),
      git: gitIgnoresState(root, env),
      settings,
      out: relative(root, out),
    }),
  );
  let outReal: string | undefined;
  try {
    outReal = realpathSync(out);
  } catch {
    // No output yet: nothing to skip.
  }
  walk(root, root, hash, (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (name === ".git" || name === "node_modules" || name === CACHE_FOLDER) return false;
    try {
      return realpathSync(path) !== outReal;
    } catch {
      return true;
    }
  });
  return hash.digest("base64");
}

/** What the output folder holds, in one digest: every file by path, size and times of change. */
export function outputsOf(out: string): string {
  const hash = createHash("sha256");
  walk(out, out, hash, () => true);
  return hash.digest("base64");
}

/** Whether the last build recorded for `root` was made of `inputs` and its output is untouched since. */
export function upToDate(root: string, out: string, inputs: string): boolean {
  try {
    const record = JSON.parse(readFileSync(join(root, RECORD), "utf8")) as Partial<Record>;
    return record.format === FORMAT && record.inputs === inputs && record.outputs === outputsOf(out);
  } catch {
    return false;
  }
}

/** Records a build made of `inputs` into `out`; a repository that cannot be written to builds again next time. */
export function remember(root: string, out: string, inputs: string): void {
  writeRecord(join(root, RECORD), () => `${JSON.stringify({ format: FORMAT, inputs, outputs: outputsOf(out) } satisfies Record)}\n`);
}

const stamp = (s: Stats) => `${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino}`;

function walk(top: string, dir: string, hash: ReturnType<typeof createHash>, enter: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    hash.update(`${relative(top, dir)}: unreadable\n`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enter(path)) walk(top, path, hash, enter);
      continue;
    }
    try {
      const own = lstatSync(path);
      // A link: its own state and that of what it leads to.
      const target = own.isSymbolicLink() ? `${realpathSync(path)} ${stamp(statSync(path))}` : "";
      hash.update(`${relative(top, path)} ${stamp(own)} ${target}\n`);
    } catch {
      hash.update(`${relative(top, path)} gone\n`);
    }
  }
}

/** The installed packages plan runs with, as npm records them (`node_modules/.package-lock.json`) above plan's own code. */
/**
 * The state of what decides, besides the repository's `.gitignore` files (walked with the rest),
 * which files git ignores and plan so does not read: the repository's own list
 * (`.git/info/exclude`), its configuration and the user's (which may name another list), and the
 * user's global list. `.git` itself is not walked: its objects change on every commit.
 */
function gitIgnoresState(root: string, env: Readonly<{ [name: string]: string | undefined }>): string {
  const home = env["HOME"] || homedir();
  const config = env["XDG_CONFIG_HOME"] || join(home, ".config");
  const files = [join(home, ".gitconfig"), join(config, "git", "config"), join(config, "git", "ignore")];
  for (let dir = root; ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    const found = lstatSync(dotGit, { throwIfNoEntry: false });
    if (found) {
      // A worktree's or submodule's `.git` is a file naming its git folder.
      const gitDir = found.isFile()
        ? resolve(
            dir,
            readFileSync(dotGit, "utf8")
              .replace(/^gitdir:\s*/, "")
              .trim(),
          )
        : dotGit;
      files.push(join(gitDir, "info", "exclude"), join(gitDir, "config"));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return files.map((f) => `${f} ${stampOf(f)}`).join("\n");
}

const stampOf = (path: string) => {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? stamp(stats) : "none";
};

export function packagesState(): string {
  let dir = dirname(new URL(import.meta.url).pathname);
  for (let up = 0; up < 8; up++) {
    for (const lock of [join(dir, "node_modules", ".package-lock.json"), join(dir, ".package-lock.json")]) {
      try {
        return `${lock} ${stamp(statSync(lock))}`;
      } catch {
        // Not here; one folder up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return "unknown";
}
