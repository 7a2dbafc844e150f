import { mkdirSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import type { OutputFile } from "../render/site.js";

/** Files written at the same time: enough to keep the disk busy, few enough for any open-file limit. */
const CONCURRENCY = 16;

/**
 * Writes each file atomically: to a temporary file beside it, then renamed into place, so a
 * reader never sees half a file and a failure leaves the previous version. Paths must stay
 * inside `outDir`. The first failure stops the writing and is thrown; no temporary file stays.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const rel = normalize(file.path);
    if (isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
  }
  const dirs = [...new Set(files.map((f) => dirname(join(outDir, f.path))))].sort();
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < files.length) {
      const n = next++;
      const file = files[n]!;
      const target = join(outDir, file.path);
      const temp = `${target}.tmp.${process.pid}.${n}`;
      try {
        await writeFile(temp, file.content);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failed !== undefined) throw failed;
}
