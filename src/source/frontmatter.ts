/** Where the YAML frontmatter of a markdown file lies, by character offsets into its text. */
export interface FrontmatterSpan {
  /** Offset of the first character of the YAML text (the line after the opening `---`). */
  yamlStart: number;
  /** Offset just past the YAML text (the start of the closing `---` line). */
  yamlEnd: number;
  /** Offset of the first character after the closing fence's line end. */
  bodyStart: number;
}

const opening = /^---[ \t]*\r?\n/;
const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/** Finds the frontmatter block at the very start of `text`; `undefined` when the file has none. */
export function findFrontmatter(text: string): FrontmatterSpan | undefined {
  const open = opening.exec(text);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  closing.lastIndex = yamlStart;
  // An empty frontmatter has its closing fence right at yamlStart.
  const close = closing.exec(text);
  if (!close) return undefined;
  return { yamlStart, yamlEnd: close.index, bodyStart: close.index + close[0].length };
}

/**
 * YAML forbids tabs in indentation. Replacing each indenting tab by one space keeps every
 * offset (and so every reported line and column) where it was, so documents indented with
 * tabs still parse; the caller warns at the returned offsets.
 */
export function untabIndentation(yaml: string): { text: string; tabOffsets: number[] } {
  const tabOffsets: number[] = [];
  const text = yaml.replace(/^[ \t]*\t[ \t]*/gm, (indent: string, offset: number) => {
    tabOffsets.push(offset + indent.indexOf("\t"));
    return indent.replace(/\t/g, " ");
  });
  return { text, tabOffsets };
}
