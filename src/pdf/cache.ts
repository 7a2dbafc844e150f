import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareStrings } from "../format/text.js";

/** The cache of rendered PDFs, in the output folder: which input each PDF was made from. */
export const CACHE_FILE = ".plan-cache.json";
const FORMAT = 1;

interface Entry {
  /** Hash of everything the PDF is made from: the page, its print style sheet, images, font, options. */
  input: string;
  /** Hash of the PDF as written, so a PDF changed or replaced by hand is rendered again. */
  output: string;
}

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Maps each PDF (its path in the output folder) to the hash of what it was made from. A PDF is
 * unchanged when its entry has the same input hash and the file on disk is the one written.
 * Entries of PDFs this build does not look at (another shard's) are kept as they are.
 */
export class PdfCache {
  private constructor(
    private readonly outDir: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static load(outDir: string): PdfCache {
    const entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(readFileSync(join(outDir, CACHE_FILE), "utf8")) as { format?: unknown; pdfs?: Record<string, Entry> };
      if (data.format === FORMAT && data.pdfs && typeof data.pdfs === "object") {
        for (const [path, e] of Object.entries(data.pdfs)) if (typeof e?.input === "string" && typeof e.output === "string") entries.set(path, e);
      }
    } catch {
      // No cache, or one that cannot be read: every PDF is rendered.
    }
    return new PdfCache(outDir, entries);
  }

  /** Whether `pdf` in the output folder was made from `input` and is still as written. */
  fresh(pdf: string, input: string): boolean {
    const entry = this.entries.get(pdf);
    if (!entry || entry.input !== input) return false;
    const path = join(this.outDir, pdf);
    return existsSync(path) && sha256(readFileSync(path)) === entry.output;
  }

  /** Whether there is a PDF at `pdf` that was made from something else than `input`. */
  stale(pdf: string, input: string): boolean {
    return existsSync(join(this.outDir, pdf)) && !this.fresh(pdf, input);
  }

  set(pdf: string, input: string, output: Uint8Array): void {
    this.entries.set(pdf, { input, output: sha256(output) });
  }

  serialize(): string {
    const pdfs = Object.fromEntries([...this.entries].sort(([a], [b]) => compareStrings(a, b)));
    return `${JSON.stringify({ format: FORMAT, generator: "plan", pdfs }, null, 1)}\n`;
  }
}
