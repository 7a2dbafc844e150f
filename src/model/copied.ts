import { createHash } from "node:crypto";
import type { AnyEntry, Repository } from "./repository.js";

/*
 * Documents copied from one another: two documents of the same kind whose bodies are mostly the
 * same text. The measure is the Jaccard similarity of the bodies' word shingles: every run of
 * SHINGLE consecutive words (lower case, punctuation and markdown left out) hashed to 32 bits;
 * the share of text in common is |A ∩ B| / |A ∪ B| of the two sets of shingles. Comparing every
 * pair would be quadratic in the number of documents, so candidates are found first by MinHash
 * with locality-sensitive hashing: a signature of HASHES minimums per document (one permutation,
 * see `signatureOf`), cut into BANDS
 * bands of ROWS rows; two documents whose signatures agree on a whole band are candidates, and
 * only those are compared exactly. A pair at THRESHOLD agrees on some band with a probability of
 * 1 − (1 − 0.8^4)^16 ≈ 99.98 %; one at 50 % only in about 1 − (1 − 0.5^4)^16 ≈ 64 % of cases, and
 * then the exact comparison turns it away. Each document is read once (linear), and the
 * comparisons are as many as the candidates.
 */

/** Words per shingle: five words in a row are rarely the same in two texts by chance, and a changed word changes only five shingles. */
export const SHINGLE = 5;
/** The share of text in common, in percent, from which two documents are copies. */
export const THRESHOLD = 80;
/** Documents with fewer shingles than this (a few lines) are not compared: short texts on one template are alike without being copies. */
export const MIN_SHINGLES = 40;
const BANDS = 16;
/** How many documents before it in a bucket a document is compared with. */
const CANDIDATES = 16;
const ROWS = 4;
const HASHES = BANDS * ROWS;

/** FNV-1a, 32 bits, over the UTF-16 code units of a text. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a 32-bit value mixed so that every bit of the input changes half the bits of the output. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The bins of the signature are the top 6 bits of a shingle's hash (64 = 2^6), the value the other 26. */
const BIN_SHIFT = 26;
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0xffffffff;

/** The body's words, lower case, without markdown or punctuation. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The hashed shingles of a text: each word hashed once, each run of SHINGLE words hashed from its words' hashes. */
export function shinglesOf(text: string): Set<number> {
  // Texts repeat their words: each is hashed once.
  const known = new Map<string, number>();
  const words = wordsOf(text).map((w) => {
    let h = known.get(w);
    if (h === undefined) known.set(w, (h = fnv1a(w)));
    return h;
  });
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
    set.add(mix(h));
  }
  return set;
}

/**
 * The MinHash signature by one permutation (Li, Owen and Zhang 2012): each shingle's hash falls
 * into one of HASHES bins by its top bits, and each bin keeps its least value. One pass over the
 * shingles, where HASHES hash functions would take HASHES passes. A bin no shingle fell into
 * stays EMPTY.
 */
function signatureOf(shingles: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(EMPTY);
  for (const s of shingles) {
    const bin = s >>> BIN_SHIFT;
    const value = s & VALUE_MASK;
    if (value < signature[bin]!) signature[bin] = value;
  }
  return signature;
}

/** The shares of text two sets of shingles have in common: the shingles of both, and those of either. */
export function overlap(a: Set<number>, b: Set<number>): { common: number; all: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return { common, all: a.size + b.size - common };
}

/** The share in whole percent, rounded down: 79,6 % is 79 %, below a threshold of 80 %. */
export const sharePercent = ({ common, all }: { common: number; all: number }) => (all === 0 ? 0 : Math.floor((common * 100) / all));

/** Two documents of one kind with mostly the same body. */
export interface CopiedPair {
  a: AnyEntry;
  b: AnyEntry;
  /** The share of their text in common, in whole percent (rounded down). */
  percent: number;
}

export interface Fingerprint {
  /** What a document's shingles are, as a whole: documents with the same set have the same key. */
  key: string;
  signature: Uint32Array;
  /** The shingles themselves, made when the document is compared exactly. */
  shingles: () => Set<number>;
}

/**
 * A document's fingerprint as `plan check`'s cache keeps it between runs, made once from the
 * text of its body: `null` for a body too short to compare.
 */
export type FingerprintFacts = { key: string; signature: Uint32Array } | null;

declare module "vfile" {
  interface DataMap {
    /** The fingerprint `plan check`'s cache kept for the file's text (`knowFingerprint`). */
    copyFingerprint: FingerprintFacts;
  }
}

/**
 * What `copiedPairs` keeps from call to call: a repository's own, which lends it to the next one
 * assembled from the same files (watch mode's next round; see `assemble`), never module state.
 */
export interface CopiesMemo {
  /** Each source's fingerprint, kept while its text is the same object (watch mode keeps unchanged files). */
  fingerprints: WeakMap<object, Fingerprint | null>;
  /**
   * The pairs last found, and what they were found in: the entries, and the digest of every
   * document's id, kind and text. The check and watch mode's bookkeeping both ask in each round,
   * of the same documents.
   */
  last?: { key: string; pairs: CopiedPair[]; entries: AnyEntry[] };
}

/** Nothing known yet: the memo of a repository assembled afresh. */
export const copiesMemo = (): CopiesMemo => ({ fingerprints: new WeakMap() });

/** The text of a document's body, which its fingerprint is made of. */
function bodyOf(source: AnyEntry["source"]): string {
  const start = source.outline?.bodyStart;
  return start === undefined ? "" : String(source.file.value).slice(start);
}

/** The key of a set of shingles: the digest of its values in order (the set itself for the grouping, in 16 bytes). */
function keyOf(shingles: Set<number>): string {
  return keyOfSorted(Uint32Array.from(shingles).sort());
}

/** The fingerprint of a set of shingles (`fingerprintFacts` of the text they are made of). */
export const factsOfShingles = (shingles: Set<number>): FingerprintFacts =>
  shingles.size < MIN_SHINGLES ? null : { key: keyOf(shingles), signature: signatureOf(shingles) };

/** `keyOf` of the shingles given sorted, each once. */
const keyOfSorted = (sorted: Uint32Array) => createHash("sha256").update(sorted).digest("base64").slice(0, 22);

/**
 * The fingerprint of a source's body, to be kept: its key and signature (see `FingerprintFacts`).
 * Made for every document of a cold check (in its worker threads), so without the strings, map
 * and set `shinglesOf` makes: the words' hashes found by one pass over the text, the shingles
 * sorted in a typed array, each kept once. The same key and signature as from `shinglesOf`'s set
 * (test/copied.test.ts compares them).
 */
export function fingerprintFacts(source: AnyEntry["source"]): FingerprintFacts {
  const words = wordHashes(bodyOf(source));
  const count = words.length - SHINGLE + 1;
  if (count < MIN_SHINGLES) return null;
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
    all[i] = mix(h);
  }
  all.sort();
  let size = 0;
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[i - 1]) all[size++] = all[i]!;
  if (size < MIN_SHINGLES) return null;
  const unique = all.subarray(0, size);
  return { key: keyOfSorted(unique), signature: signatureOf(unique) };
}

/** A letter or a digit of any script (as `wordsOf` reads them), at `lastIndex`. */
const WORD_CHARACTER = /[\p{L}\p{N}]/uy;

/** The FNV-1a hash of each of `wordsOf(text)`, in order, read in one pass without making the words. */
export function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const hashes = new Uint32Array((lower.length >> 1) + 1);
  const letter = new RegExp(WORD_CHARACTER.source, WORD_CHARACTER.flags);
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length;) {
    const c = lower.charCodeAt(i);
    // ASCII by its code; any other code point (a surrogate pair as one) as the pattern reads it.
    let width = 0;
    if (c < 0x80) width = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
    else {
      letter.lastIndex = i;
      if (letter.test(lower)) width = letter.lastIndex - i;
    }
    if (width === 0) {
      if (inWord) hashes[count++] = h >>> 0;
      inWord = false;
      i += c >= 0xd800 && c <= 0xdbff && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    if (!inWord) h = 0x811c9dc5;
    inWord = true;
    for (const end = i + width; i < end; i++) {
      h ^= lower.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  if (inWord) hashes[count++] = h >>> 0;
  return hashes.subarray(0, count);
}

/**
 * Gives a source the fingerprint kept for it (by `plan check`'s cache, from the same text), so
 * that it is not made again: on its file's data, where what is learnt of a file travels with it.
 */
export function knowFingerprint(source: AnyEntry["source"], facts: FingerprintFacts): void {
  source.file.data.copyFingerprint = facts;
}

function fingerprintOf(fingerprints: CopiesMemo["fingerprints"], entry: AnyEntry): Fingerprint | null {
  const key = entry.source.file;
  const known = fingerprints.get(key);
  if (known !== undefined) return known;
  const kept = key.data.copyFingerprint;
  let fingerprint: Fingerprint | null;
  if (kept !== undefined) {
    // Made again when asked, not kept: `copiedPairs` keeps them while it compares (on 10,000 plans, 25 MB kept after).
    fingerprint = kept && { key: kept.key, signature: kept.signature, shingles: () => shinglesOf(bodyOf(entry.source)) };
  } else {
    const shingles = shinglesOf(bodyOf(entry.source));
    const facts = factsOfShingles(shingles);
    fingerprint = facts && { ...facts, shingles: () => shingles };
  }
  fingerprints.set(key, fingerprint);
  return fingerprint;
}

/**
 * Every pair of documents of the same kind whose bodies share at least THRESHOLD % of their
 * text, in the repository's order (the earlier document first).
 */
export function copiedPairs(repo: Pick<Repository, "documents" | "copies">): CopiedPair[] {
  const memo = repo.copies;
  const entries = [...repo.documents.values()];
  // A digest, hashed as it is read: the text it is made of is 12 MB on 10,000 plans, and the memo keeps its key.
  const hash = createHash("sha256");
  for (const e of entries) hash.update(`${e.id}\u0000${e.kind}\u0000${e.source.digest}\n`);
  const key = hash.digest("base64");
  // A memo lent from round to round answers only for the same documents: the key alone would not
  // tell an entry made again from the same text.
  const last = memo.last;
  if (last?.key === key && last.entries.every((e, i) => e === entries[i])) return last.pairs;
  const prints = entries.map((entry) => fingerprintOf(memo.fingerprints, entry));
  const pairs: (CopiedPair & { i: number; j: number })[] = [];
  // Documents whose bodies are the same text (a plan copied unchanged into many folders) are one
  // group: each pairs with the group's first, not with every other, and only the first is compared
  // further. Without this, n copies would make n² pairs and as many warnings.
  const groups = new Map<string, number[]>();
  prints.forEach((p, i) => {
    if (!p) return;
    const key = `${entries[i]!.kind} ${p.key}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const [first, ...rest] of groups.values()) for (const j of rest) pairs.push({ a: entries[first!]!, b: entries[j]!, percent: 100, i: first!, j });
  const buckets = new Map<string, number[]>();
  for (const [i] of groups.values()) {
    const p = prints[i!]!;
    for (let band = 0; band < BANDS; band++) {
      const rows = p.signature.subarray(band * ROWS, band * ROWS + ROWS);
      // A band no shingle fell into says nothing: every short text would share it.
      if (rows.every((v) => v === EMPTY)) continue;
      const key = `${entries[i!]!.kind} ${band} ${rows.join(",")}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i!);
      else buckets.set(key, [i!]);
    }
  }
  const seen = new Set<string>();
  // Each document's shingles made once while the candidates are compared, and let go after.
  const made = new Map<number, Set<number>>();
  const shinglesAt = (i: number) => {
    let shingles = made.get(i);
    if (!shingles) made.set(i, (shingles = prints[i]!.shingles()));
    return shingles;
  };
  for (const bucket of buckets.values()) {
    // Many near-copies of one template fall into one bucket: each is compared with the CANDIDATES
    // before it, which finds a copy of it (any one is enough for the warning) without n² comparisons.
    for (let y = 1; y < bucket.length; y++)
      for (let x = Math.max(0, y - CANDIDATES); x < y; x++) {
        const [i, j] = [bucket[x]!, bucket[y]!];
        const key = `${i} ${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const percent = sharePercent(overlap(shinglesAt(i), shinglesAt(j)));
        if (percent >= THRESHOLD) pairs.push({ a: entries[i]!, b: entries[j]!, percent, i, j });
      }
  }
  const result = pairs.sort((p, q) => p.i - q.i || p.j - q.j).map(({ a, b, percent }) => ({ a, b, percent }));
  memo.last = { key, pairs: result, entries };
  return result;
}
