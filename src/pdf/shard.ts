import { compareStrings } from "../format/text.js";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";

/** `--shard i/n`: the i-th of n shares (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UserError(t`--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 for the first of four CI jobs; got "${text}".`);
  }
  return { index, count };
}

/**
 * The share of `items` that shard `i/n` builds: sorted by `key` (a path, so every job of a CI
 * matrix sorts alike), then every n-th item from the i-th. The n shares together hold every
 * item exactly once, and each share is within one item of the same size.
 */
export function shareOf<T>(items: readonly T[], key: (item: T) => string, shard: Shard | undefined): T[] {
  const sorted = [...items].sort((a, b) => compareStrings(key(a), key(b)));
  return shard ? sorted.filter((_, n) => n % shard.count === shard.index - 1) : sorted;
}
