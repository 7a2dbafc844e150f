import type { Point, Position } from "unist";

/** Maps character offsets of a text to 1-based line and column, counting `\r\n` as one line end. */
export interface LineIndex {
  point(offset: number): Point;
  position(start: number, end: number): Position;
  /** Text of a 1-based line, without its line end. */
  line(n: number): string | undefined;
  readonly lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);

  const point = (offset: number): Point => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1, offset: at };
  };

  return {
    point,
    position: (start, end) => ({ start: point(start), end: point(Math.max(start, end)) }),
    line(n) {
      const start = starts[n - 1];
      if (start === undefined) return undefined;
      const next = starts[n];
      return text.slice(start, next === undefined ? text.length : next).replace(/\r?\n$/, "").replace(/\r$/, "");
    },
    lineCount: starts.length,
  };
}
