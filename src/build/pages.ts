import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { CACHE_FOLDER, codeDigest } from "../check/cache.js";
import type { SiteRecord } from "../render/site.js";
import { writeRecord } from "../write/atomic.js";
import { packagesState } from "./unchanged.js";

/**
 * What the last HTML build wrote, for the next to render only what changed (`renderChanged`):
 * kept in `.plan-cache/pages.bin` beside the check's cache, never in the output, which stays
 * the same as a fresh build's. It holds what each page was made of (`SiteRecord`), what each
 * page's PDF would be made from, and the state of every file of the output as the build left
 * it: a file changed, replaced or removed since (by hand, by another build, by `--watch`) does
 * not stand, and its page is rendered again. All of it holds only for the same plan (its code
 * and installed packages), Node, repository and output folder.
 */
const RECORD = `${CACHE_FOLDER}/pages.bin`;
const FORMAT = 1;

interface Stored {
  format: number;
  key: string;
  site: SiteRecord;
  /** By page: the digest of what its PDF would be made from (`PdfStage.inputs`). */
  pdfInputs: Map<string, string>;
  /** By path in the output: its state when the build ended (`outputState`). */
  outputs: Map<string, string>;
}

/** The last build into `out`, as recorded: what its files were made of, and whether each still stands as it left it. */
export interface LastBuild {
  site: SiteRecord;
  pdfInputs: ReadonlyMap<string, string>;
  /** Whether the file at `path` in the output is as the last build left it. */
  stands(path: string): boolean;
}

/** What the record holds for besides what it names: plan, Node (and its ICU, which sorts and formats), the repository and the output folder. */
function keyOf(root: string, out: string): string {
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, process.versions.node, process.versions.icu, codeDigest(), packagesState(), root, out]))
    .digest("base64");
}

/** The last build recorded for `out`; `undefined` when there is none this build may use. */
export function lastBuild(root: string, out: string): LastBuild | undefined {
  try {
    const path = join(root, RECORD);
    if (!lstatSync(path).isFile()) return undefined;
    const stored = deserialize(readFileSync(path)) as Partial<Stored> | undefined;
    if (
      stored?.format !== FORMAT ||
      stored.key !== keyOf(root, out) ||
      !(stored.outputs instanceof Map) ||
      !(stored.pdfInputs instanceof Map) ||
      !(stored.site?.parts instanceof Map) ||
      !(stored.site.whole instanceof Map) ||
      !(stored.site.copied instanceof Map)
    )
      return undefined;
    const outputs = stored.outputs;
    return {
      site: stored.site,
      pdfInputs: stored.pdfInputs,
      stands: (file) => outputs.get(file) !== undefined && outputs.get(file) === outputState(join(out, file)),
    };
  } catch {
    // None yet, or one cut short or of another form: everything is rendered.
    return undefined;
  }
}

/** Records the build just made into `out`: a repository that cannot be written to renders everything next time. */
export function recordBuild(root: string, out: string, site: SiteRecord, pdfInputs: ReadonlyMap<string, string>): void {
  writeRecord(join(root, RECORD), () => {
    const outputs = new Map<string, string>();
    walk(out, out, outputs);
    return serialize({ format: FORMAT, key: keyOf(root, out), site, pdfInputs: new Map(pdfInputs), outputs } satisfies Stored);
  });
}

/**
 * A file of the output by its size, time of change and inode; not a link, nor anything but a
 * regular file. Not its ctime: carrying a file into the next output as a hard link changes that.
 */
function outputState(path: string): string | undefined {
  try {
    const s = lstatSync(path);
    return s.isFile() ? `${s.size} ${s.mtimeMs} ${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function walk(top: string, dir: string, into: Map<string, string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(top, path, into);
    else if (entry.isFile()) {
      const state = outputState(path);
      if (state) into.set(relative(top, path).split("\\").join("/"), state);
    }
  }
}
