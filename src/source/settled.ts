import type { Stats } from "node:fs";

/** How long after its last change a file's state is taken to tell its text: beyond the coarsest clock of a file system (FAT: 2 s). */
const SETTLED_MS = 3000;

/**
 * A file's state as its size, times of change and inode, when its last change is older than
 * SETTLED_MS: a later change of its bytes then changes its change time (ctime, which no program
 * sets), so the same state is the same text, as git's index and ESLint's cache take it. A state
 * that had not settled says nothing (a change within the same tick of a coarse clock would keep it).
 */
export function settledStat(stats: Stats, now = Date.now()): string | undefined {
  if (now - Math.max(stats.mtimeMs, stats.ctimeMs) < SETTLED_MS) return undefined;
  return `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino} ${stats.dev}`;
}
