import type { Point, Position } from "unist";
import { location } from "vfile-location";

/** Maps character offsets of a text to 1-based line and column, counting `\r\n` as one line end. */
export interface LineIndex {
  point(offset: number): Point;
  position(start: number, end: number): Position;
  /** Text of a 1-based line, without its line end. */
  line(n: number): string | undefined;
}

/** A carriage return not followed by a line feed. */
const LONE_CR = /\r(?!\n)/g;

/**
 * The index is `vfile-location`'s: it finds line ends only as far as it is asked and answers by
 * binary search, so a document without messages costs next to nothing and one with many does
 * not scan its text again. Lines end at `\n` and `\r\n` only: a lone `\r` is a control character
 * (`text/control-character`), shown on its line as `\x0d`, so it is hidden from the index by a
 * character of the same length and every offset keeps its place.
 */
export function lineIndex(text: string): LineIndex {
  // Made when first asked: most files of a large repository have no message to place.
  let made: ReturnType<typeof location> | undefined;
  // Most texts have no carriage return at all: they are not scanned for a lone one.
  const index = () => (made ??= location(text.includes("\r") ? text.replace(LONE_CR, " ") : text));
  const place = {
    toPoint: (offset: number) => index().toPoint(offset),
    toOffset: (point: { line: number; column: number }) => index().toOffset(point),
  };
  const point = (offset: number): Point => place.toPoint(Math.max(0, Math.min(offset, text.length))) ?? { line: 1, column: 1, offset: 0 };
  return {
    point,
    position: (start, end) => ({ start: point(start), end: point(Math.max(start, end)) }),
    line(n) {
      const start = place.toOffset({ line: n, column: 1 });
      if (start === undefined) return undefined;
      const next = place.toOffset({ line: n + 1, column: 1 }) ?? text.length;
      return text
        .slice(start, next)
        .replace(/\r?\n$/, "")
        .replace(/\r$/, "");
    },
  };
}

/**
 * A place in a file not found yet: what a rule between documents points at in a file whose text
 * and YAML tree the check does not keep (a large repository's files, parsed by worker threads, see
 * `restoreSource`). `report` keeps the message aside and `settlePlaces` finds the places of all
 * such messages file by file, reading each file once. Anything that reads `start` or `end` before
 * gets the place found there and then.
 */
export class PendingPlace implements Position {
  #found: Position | undefined;
  constructor(
    /** What the place is in (the file's source): places in one are found together. */
    readonly within: object,
    /** How to find it; let go once it is found (with `job`), as thousands of places wait for their messages to be collected. */
    private find: (() => Position) | undefined,
    /**
     * What `find` looks for, as data that another thread can look for in the file itself (see
     * `placesIn`); none where only `find` knows, and none once the place is found.
     */
    public job?: unknown,
  ) {}

  /** Whether the place is found already. */
  get settled(): boolean {
    return this.#found !== undefined;
  }

  /** Takes the place as another thread found it from the file, for `job`: `find` would give the same. */
  foundElsewhere(place: Position): void {
    this.#found ??= place;
    this.find = this.job = undefined;
  }

  get start(): Point {
    return this.settle().start;
  }

  get end(): Point {
    return this.settle().end;
  }

  /** The place, found once; one found as another pending place (a light source's line index gives those) is that one's. */
  settle(): Position {
    if (this.#found) return this.#found;
    const found = this.find!();
    this.find = this.job = undefined;
    return (this.#found = found instanceof PendingPlace ? found.settle() : found);
  }
}

/**
 * A place in a file (unist's `Position`) held in six numbers on one object, its points made when
 * read. What a check keeps to its end of every document (its headings, directives and figures, the
 * place of each message) is hundreds of thousands of places on 10,000 plans: as unist has them,
 * three objects each, 170 bytes against 70.
 *
 * Only for places held in this thread: an object of a class is copied to another thread or into
 * the cache (`v8.serialize`) as its fields alone, so what is sent or kept is a plain `Position`
 * first (`plainPlace`).
 */
export class CompactPosition implements Position {
  readonly #startLine: number;
  readonly #startColumn: number;
  /** -1 where the point has no offset. */
  readonly #startOffset: number;
  readonly #endLine: number;
  readonly #endColumn: number;
  readonly #endOffset: number;
  constructor({ start, end }: Position) {
    this.#startLine = start.line;
    this.#startColumn = start.column;
    this.#startOffset = start.offset ?? -1;
    this.#endLine = end.line;
    this.#endColumn = end.column;
    this.#endOffset = end.offset ?? -1;
  }
  get start(): Point {
    return pointOf(this.#startLine, this.#startColumn, this.#startOffset);
  }
  get end(): Point {
    return pointOf(this.#endLine, this.#endColumn, this.#endOffset);
  }
}

const pointOf = (line: number, column: number, offset: number): Point => (offset < 0 ? { line, column } : { line, column, offset });

/** A place as unist has it (a position or a point), plain data to send to another thread or keep in the cache; the same place where it is one already. */
export const plainPlace = (place: Position | Point | undefined): Position | Point | undefined =>
  place instanceof CompactPosition ? { start: place.start, end: place.end } : place;
