import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";
import { lazy } from "../lazy.js";

/**
 * The copy of plan that a plan repository keeps in `.plan/`, as the Gradle wrapper keeps its
 * jar and Yarn its release: CI installs exactly the plan that wrote the repository, from the
 * repository itself, and nothing that is not published. It holds plan's package as `npm pack`
 * makes it (a `.tgz`, with an `npm-shrinkwrap.json` that pins its dependencies to the versions
 * plan was tested with), and a `package.json` and `package-lock.json` that install it with
 * those dependencies from npm's registry: `npm ci --prefix .plan`. The lock is written from
 * plan's own (no resolving, no network), so that `npm ci` installs the same tree everywhere.
 */

export const COPY_FOLDER = ".plan";

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  files?: string[];
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

interface Lock {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** The folder of plan's own package: where its package.json is (the repository in development, `node_modules/folkhalsoplan` when installed). */
export function packageRoot(): string {
  return resolve(import.meta.dirname, "../..");
}

/** npm's fixed date for the files of a packed package (1985-10-26 08:15 UTC), so that the same files pack to the same bytes. */
const PACK_MTIME = 499162500;

/** The files `.plan/` holds, by path in the repository: the packed package, and the package.json and lock that install it. */
export function planCopyFiles(): Map<string, string | Uint8Array> {
  return new Map(packedPlan());
}

/** plan's own package packed, the first time it is asked: a process's plan does not change while its code runs (tests init many repositories). */
const packedPlan = lazy(() => pack(packageRoot()));

function pack(root: string): Map<string, string | Uint8Array> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
  const main = pkg.bin ? Object.values(pkg.bin)[0] : undefined;
  if (main && !existsSync(join(root, main))) {
    throw new UserError(t`plan's package in ${root} has no ${main} to copy (it is not built): run \`npm run build\` there first.`);
  }
  const shrinkwrap = productionLock(pkg, readLock(root));
  const tarball = packTarball(root, pkg, `${JSON.stringify(shrinkwrap, null, 2)}\n`);
  const file = `${pkg.name.replace(/^@/, "").replace(/\//g, "-")}-${pkg.version}.tgz`;
  const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
  const copy = {
    name: "plan-copy",
    private: true,
    description: `plan ${pkg.version}, as CI installs it: npm ci --prefix .plan`,
    dependencies: { [pkg.name]: `file:${file}` },
  };
  const { "": own, ...dependencies } = shrinkwrap.packages;
  const lock: Lock = {
    name: copy.name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: copy.name, dependencies: copy.dependencies },
      // In npm's order, so that an `npm install` in `.plan/` leaves the lock as it is.
      ...Object.fromEntries(
        Object.entries<LockEntry>({
          ...dependencies,
          [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: `file:${file}`, integrity, ...without(own ?? {}, "name") },
        }).sort(([a], [b]) => a.localeCompare(b, "en")),
      ),
    },
  };
  return new Map<string, string | Uint8Array>([
    [`${COPY_FOLDER}/${file}`, tarball],
    [`${COPY_FOLDER}/package.json`, `${JSON.stringify(copy, null, 2)}\n`],
    [`${COPY_FOLDER}/package-lock.json`, `${JSON.stringify(lock, null, 2)}\n`],
  ]);
}

/** The packed packages in `.plan/` other than `keep`: an older plan's, which renewing the copy replaces. */
export function olderTarballs(repoRoot: string, keep: Iterable<string>): string[] {
  const folder = join(repoRoot, COPY_FOLDER);
  if (!existsSync(folder)) return [];
  const kept = new Set(keep);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".tgz"))
    .map((f) => `${COPY_FOLDER}/${f}`)
    .filter((f) => !kept.has(f));
}

/** plan's own lock: the shrinkwrap it was packed with (an installed plan), or the package-lock of its repository (in development). */
function readLock(root: string): Lock {
  for (const name of ["npm-shrinkwrap.json", "package-lock.json"]) {
    const path = join(root, name);
    if (existsSync(path)) {
      const lock = JSON.parse(readFileSync(path, "utf8")) as Lock;
      if (lock.lockfileVersion >= 2 && lock.packages) return lock;
      throw new UserError(
        t`${path} is a lockfile of version ${lock.lockfileVersion}; plan needs version 2 or 3 (npm 7 or later) to pin its copy's dependencies.`,
      );
    }
  }
  throw new UserError(t`plan's package in ${root} has no npm-shrinkwrap.json or package-lock.json, so the versions of its dependencies cannot be pinned.`);
}

/** The lock without what only development needs: the package's own entry and its dependencies, as the shrinkwrap it is packed with. */
function productionLock(pkg: PackageJson, lock: Lock): Lock {
  const packages: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "") {
      const own: LockEntry = { name: pkg.name, version: pkg.version };
      for (const field of ["license", "dependencies", "bin", "engines"] as const) if (pkg[field]) own[field] = pkg[field];
      packages[path] = own;
    } else if (path.startsWith("node_modules/") && !entry.dev) {
      // In development both a dev dependency and an optional one (an optional peer such as @types/node); without the dev ones, optional.
      packages[path] = entry.devOptional ? { ...without(entry, "devOptional"), optional: true } : entry;
    }
  }
  return { name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages };
}

function without(entry: LockEntry, field: string): LockEntry {
  const { [field]: _, ...rest } = entry;
  return rest;
}

/** Every file of the package, as `npm pack` takes them: package.json, README and LICENSE, and the folders of `files`; sorted. */
function packageFiles(root: string, pkg: PackageJson): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
  const top = readdirSync(root).filter((f) => /^(readme|license|licence)(\..*)?$/i.test(f));
  const listed = (pkg.files ?? []).flatMap((f) => {
    const path = join(root, f);
    if (!existsSync(path)) return [];
    return readdirSync(root, { withFileTypes: true }).some((e) => e.name === f && e.isDirectory()) ? walk(path).map((p) => relative(root, p)) : [f];
  });
  return [...new Set(["package.json", ...top, ...listed])].map((f) => f.split("\\").join("/")).sort();
}

/** The package as a gzipped tar (ustar, as npm writes it: every file under `package/`, mode 644, npm's fixed date), with `shrinkwrap` as its npm-shrinkwrap.json. */
function packTarball(root: string, pkg: PackageJson, shrinkwrap: string): Buffer {
  const blocks: Buffer[] = [];
  const files = packageFiles(root, pkg).filter((f) => f !== "npm-shrinkwrap.json");
  const entries: [string, Buffer][] = files.map((f) => [f, readFileSync(join(root, f))]);
  entries.push(["npm-shrinkwrap.json", Buffer.from(shrinkwrap)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, data] of entries) {
    blocks.push(tarHeader(`package/${path}`, data.length));
    blocks.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

/** A ustar header for a regular file: a name longer than 100 bytes is split at a slash into prefix and name. */
function tarHeader(path: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  let name = path;
  let prefix = "";
  if (Buffer.byteLength(path) > 100) {
    const cut = path.lastIndexOf("/", path.length - 1);
    for (let i = cut; i > 0; i = path.lastIndexOf("/", i - 1)) {
      if (Buffer.byteLength(path.slice(i + 1)) <= 100 && Buffer.byteLength(path.slice(0, i)) <= 155) {
        prefix = path.slice(0, i);
        name = path.slice(i + 1);
        break;
      }
    }
    if (!prefix) throw new Error(`The path ${path} is too long to pack.`);
  }
  const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, "0")}\0`;
  header.write(name, 0, 100, "utf8");
  header.write(octal(0o644, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii");
  header.write(octal(0, 8), 116, "ascii");
  header.write(octal(size, 12), 124, "ascii");
  header.write(octal(PACK_MTIME, 12), 136, "ascii");
  header.write("        ", 148, "ascii");
  header.write("0", 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  header.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return header;
}
