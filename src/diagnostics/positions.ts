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
