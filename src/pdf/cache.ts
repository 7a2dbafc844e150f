import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { compareStrings } from "../format/text.js";

/** The cache of rendered PDFs, in the output folder: which input each PDF was made from. */
export const CACHE_FILE = ".plan-cache.json";
const FORMAT = 2;

interface Entry {
  /** Hash of everything the PDF is made from: the page, its print style sheet, images, font, options. */
  input: string;
  /** The browser that printed it, as it names its version (`browser.version()`, e.g. `HeadlessChrome/131.0.6778.85`): another version prints again. */
  browser: string;
  /** Hash of the PDF as written, so a PDF changed or replaced by hand is rendered again. */
  output: string;
}

/** Which browser program is installed at a path: its real file, size and time of change. An upgrade changes them. */
export interface BrowserIdentity {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The identity of the program at `path`, or undefined when it cannot be read. */
export function browserIdentity(path: string): BrowserIdentity | undefined {
  try {
    const real = realpathSync(path);
    const stat = statSync(real);
    return { path: real, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

const sameIdentity = (a: BrowserIdentity | undefined, b: BrowserIdentity | undefined) =>
  a !== undefined && b !== undefined && a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs;

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Maps each PDF (its path in the output folder) to the hash of what it was made from and the
 * version of the browser that printed it. A PDF is unchanged when its entry has the same input
 * hash, was printed by the browser of this build, and the file on disk is the one written.
 * Entries of PDFs this build does not look at (another shard's) are kept as they are.
 *
 * Asking a browser its version means starting it; the cache also keeps the version of the last
 * browser that printed, with the identity of its program (BrowserIdentity), so that a build
 * with nothing to print starts none while the program is the same file.
 */
export class PdfCache {
  private constructor(
    private readonly outDir: string,
    private readonly entries: Map<string, Entry>,
    private browser: (BrowserIdentity & { version: string }) | undefined,
  ) {}

  static load(outDir: string): PdfCache {
    const entries = new Map<string, Entry>();
    let browser: (BrowserIdentity & { version: string }) | undefined;
    try {
      const data = JSON.parse(readFileSync(join(outDir, CACHE_FILE), "utf8")) as {
        format?: unknown;
        browser?: Record<string, unknown>;
        pdfs?: Record<string, Entry>;
      };
      if (data.format === FORMAT && data.pdfs && typeof data.pdfs === "object") {
        for (const [path, e] of Object.entries(data.pdfs))
          if (typeof e?.input === "string" && typeof e.browser === "string" && typeof e.output === "string") entries.set(path, e);
        const b = data.browser;
        if (b && typeof b["path"] === "string" && typeof b["size"] === "number" && typeof b["mtimeMs"] === "number" && typeof b["version"] === "string")
          browser = { path: b["path"], size: b["size"], mtimeMs: b["mtimeMs"], version: b["version"] };
      }
    } catch {
      // No cache, or one that cannot be read: every PDF is rendered.
    }
    return new PdfCache(outDir, entries, browser);
  }

  /** The version of the browser at `identity`, when it is the program that printed last (the same file, unchanged since). */
  versionOf(identity: BrowserIdentity | undefined): string | undefined {
    return sameIdentity(this.browser, identity) ? this.browser!.version : undefined;
  }

  /** Remembers the version of the browser program at `identity`. */
  remember(identity: BrowserIdentity | undefined, version: string): void {
    this.browser = identity ? { ...identity, version } : undefined;
  }

  /**
   * Whether `pdf` in the output folder was made from `input` by the browser `version` and is still
   * as written. Without a version (no browser to print with), whichever browser printed it.
   */
  fresh(pdf: string, input: string, version: string | undefined): boolean {
    const entry = this.entries.get(pdf);
    if (!entry || entry.input !== input || (version !== undefined && entry.browser !== version)) return false;
    const path = join(this.outDir, pdf);
    return existsSync(path) && sha256(readFileSync(path)) === entry.output;
  }

  /** Whether there is a PDF at `pdf` that was made from something else than `input` (whichever browser printed it). */
  stale(pdf: string, input: string): boolean {
    return existsSync(join(this.outDir, pdf)) && !this.fresh(pdf, input, undefined);
  }

  set(pdf: string, input: string, version: string, output: Uint8Array): void {
    this.entries.set(pdf, { input, browser: version, output: sha256(output) });
  }

  serialize(): string {
    const pdfs = Object.fromEntries([...this.entries].sort(([a], [b]) => compareStrings(a, b)));
    return `${JSON.stringify({ format: FORMAT, generator: "plan", browser: this.browser, pdfs }, null, 1)}\n`;
  }
}
