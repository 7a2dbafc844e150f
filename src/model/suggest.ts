import { t, type Message } from "../format/message.js";

/** Levenshtein distance, for did-you-mean suggestions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  // A shortened id (`andt` for `andt-arbete`) is a likely slip too, when only one candidate fits.
  const prefixed = [...candidates].filter((c) => word.length >= 3 && c.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` Did you mean \`x\`?` after a message, or nothing: the message form of `didYouMean`. */
export function suggestion(word: string, candidates: readonly string[]): Message | "" {
  const match = closest(word, candidates);
  return match ? t` Did you mean \`${match}\`?` : "";
}

/** The English of `suggestion`, for the messages not yet written as messages. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? ` Did you mean \`${match}\`?` : "";
}
