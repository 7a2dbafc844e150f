/**
 * The tokens of a PDF content stream (ISO 32000-1, 7.8.2): each operator with its operands, as
 * they stand in the stream, so that marked content can be found and inserted around them. A
 * string, hex string, name, dictionary or array is one operand; an inline image (`BI … ID …
 * EI`) is one operator `BI` whose data is skipped.
 */
export interface Operation {
  /** The operator: `Tj`, `BDC`, `re`, `f`. */
  op: string;
  /** Its operands' source text (`/P`, `<</MCID 3 >>`, `(Text)`). */
  operands: string[];
  /** Where the first operand (or the operator) starts, and where the operator ends, in the stream's latin1 text. */
  start: number;
  end: number;
}

/** White space and delimiters (7.2.2), by character code: a table, since a page's stream is tens of thousands of characters. */
const WHITE = new Uint8Array(256);
for (const c of "\0\t\n\f\r ") WHITE[c.charCodeAt(0)] = 1;
const DELIMITER = new Uint8Array(WHITE);
for (const c of "()<>[]{}/%") DELIMITER[c.charCodeAt(0)] = 1;

/** The operations of a content stream, given as latin1 text (one character a byte). */
export function operations(text: string): Operation[] {
  const out: Operation[] = [];
  const n = text.length;
  let i = 0;
  let operands: string[] = [];
  let start = -1;

  const white = (at: number) => WHITE[text.charCodeAt(at) & 0xff] === 1;
  const delimiter = (at: number) => DELIMITER[text.charCodeAt(at) & 0xff] === 1;
  const skipWhite = () => {
    for (;;) {
      while (i < n && white(i)) i++;
      if (text[i] !== "%") return;
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
    }
  };
  // One operand from `i`, which is at its first character.
  const value = (): void => {
    const c = text[i]!;
    if (c === "(") {
      let depth = 0;
      do {
        const d = text[i++];
        if (d === "\\") i++;
        else if (d === "(") depth++;
        else if (d === ")") depth--;
      } while (i < n && depth > 0);
    } else if (c === "<" && text[i + 1] === "<") {
      i += 2;
      for (skipWhite(); i < n && !(text[i] === ">" && text[i + 1] === ">"); skipWhite()) value();
      i += 2;
    } else if (c === "<") {
      const close = text.indexOf(">", i);
      i = close < 0 ? n : close + 1;
    } else if (c === "[") {
      i++;
      for (skipWhite(); i < n && text[i] !== "]"; skipWhite()) value();
      i++;
    } else if (c === "/") {
      i++;
      while (i < n && !delimiter(i)) i++;
    } else {
      const from = i;
      while (i < n && !delimiter(i)) i++;
      if (i === from) i++; // a stray delimiter (`)`, `>`, `]`, `{`, `}`)
    }
  };

  for (skipWhite(); i < n; skipWhite()) {
    const from = i;
    const c = text[i]!;
    let word: string | undefined;
    if (c === "(" || c === "<" || c === "[" || c === "/") value();
    else {
      value();
      const token = text.slice(from, i);
      // A number starts with a digit, a sign or a point (7.3.3); no operator does.
      const first = text.charCodeAt(from);
      const number = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
      if (!number && token !== "true" && token !== "false" && token !== "null" && !(token.length === 1 && delimiter(from))) word = token;
    }
    if (word === undefined) {
      if (start < 0) start = from;
      operands.push(text.slice(from, i));
      continue;
    }
    if (word === "BI") {
      // The image's data: after `ID` and one white-space character, up to `EI` between white space.
      const data = text.indexOf("ID", i);
      const end = data < 0 ? -1 : text.slice(data + 3).search(/[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/);
      i = end < 0 ? n : data + 3 + end + 3;
    }
    out.push({ op: word, operands, start: start < 0 ? from : start, end: i });
    operands = [];
    start = -1;
  }
  return out;
}

/** What a page shows: text (`Tj`, `TJ`, `'`, `"`), painted paths, XObjects, shadings and inline images; clipping alone (`n`) shows nothing. */
export const TEXT_SHOWING = new Set(["Tj", "TJ", "'", '"']);
const PATH_START = new Set(["m", "re"]);
const PATH_PAINT = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]);
const PATH_END = new Set([...PATH_PAINT, "n"]);
const PAINTED_ALONE = new Set(["Do", "sh", "BI"]);

/**
 * The nesting of marked-content sequences after the operator `op`, from `depth`: one deeper after
 * `BMC` and `BDC`, one less after `EMC`; undefined for any other operator. A text object in which
 * it changes holds marked content.
 */
export function markedDepthAfter(op: string, depth: number): number | undefined {
  if (op === "BMC" || op === "BDC") return depth + 1;
  if (op === "EMC") return Math.max(0, depth - 1);
  return undefined;
}

/**
 * The content stream `text` with everything it shows outside any marked-content sequence put
 * in one, `/Artifact BMC … EMC` (14.8.2.2): a whole text object (`BT … ET`) where it holds no
 * marked content, else each text-showing operator; a painted path from its first point to its
 * painting operator; an XObject, shading or inline image. Such content belongs to no structure
 * element, and a tagged PDF leaves none unmarked (PDF/UA-1, 7.1): Chromium prints the page
 * margin boxes (the running header and footer) and page backgrounds so.
 */
export function markUnmarkedAsArtifacts(text: string): { text: string; marked: number } {
  const ops = operations(text);
  const ranges: [number, number][] = [];
  let depth = 0;
  let textObject: { start: number; depth: number; marked: boolean; shows: [number, number][] } | undefined;
  let path: { start: number; depth: number } | undefined;
  for (const o of ops) {
    const nested = markedDepthAfter(o.op, depth);
    if (nested !== undefined) {
      depth = nested;
      if (textObject) textObject.marked = true;
    } else if (o.op === "BT") textObject = { start: o.start, depth, marked: false, shows: [] };
    else if (o.op === "ET" && textObject) {
      if (textObject.shows.length) {
        if (!textObject.marked && textObject.depth === 0) ranges.push([textObject.start, o.end]);
        else ranges.push(...textObject.shows);
      }
      textObject = undefined;
    } else if (TEXT_SHOWING.has(o.op)) {
      if (textObject && depth === 0) textObject.shows.push([o.start, o.end]);
    } else if (PATH_START.has(o.op)) {
      path ??= { start: o.start, depth };
    } else if (PATH_END.has(o.op)) {
      if (path?.depth === 0 && depth === 0 && PATH_PAINT.has(o.op)) ranges.push([path.start, o.end]);
      path = undefined;
    } else if (PAINTED_ALONE.has(o.op) && depth === 0) ranges.push([o.start, o.end]);
  }
  if (!ranges.length) return { text, marked: 0 };
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [from, to] of ranges) {
    out += `${text.slice(at, from)}/Artifact BMC\n${text.slice(from, to)}\nEMC`;
    at = to;
  }
  return { text: out + text.slice(at), marked: ranges.length };
}
