import type { Parent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Position } from "unist";
import { createHash } from "node:crypto";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { isAlias, isCollection, isPair, isScalar, parseDocument, type Document } from "yaml";
import { report } from "../diagnostics/report.js";
import { CONTROL_CHARACTERS, escapeOf, firstControlCharacter } from "../format/control.js";
import { decimal, say, t, type Message } from "../format/message.js";
import { findFrontmatter, untabIndentation } from "./frontmatter.js";
import { explainYamlErrors, tabWidthThatReads } from "./yaml-errors.js";
import { locate, type Path } from "./locate.js";
import { walkYaml } from "./yaml-walk.js";
import { lineIndex, PendingPlace, type LineIndex } from "../diagnostics/positions.js";
import { readInside, relativePath, repositoryPath } from "./read-inside.js";
import {
  controlCharacter,
  fileTooLarge,
  markdownTooDeep,
  pathOutside,
  yamlAliases,
  yamlCollectionKey,
  yamlDuplicateKey,
  yamlReservedKey,
  yamlSyntax,
  yamlTabIndent,
  yamlTooDeep,
} from "./rules.js";

/** A file read from disk, parsed, with every value traceable to its line and column. */
export interface SourceDocument {
  /** Messages about the document are collected here; `path` is as the user should see it. */
  file: VFile;
  /** Path from the repository root, with `/`. */
  relPath: string;
  lines: LineIndex;
  yaml: Document.Parsed | undefined;
  yamlStart: number;
  /** The frontmatter as plain data; `undefined` when it could not be read. */
  data: unknown;
  /**
   * The markdown body (the whole file, with the frontmatter as a `yaml` node), kept only when
   * asked for (`keepBody`): rendering and diffing need it, checking needs only the outline.
   */
  body: Root | undefined;
  /** What the rules need of the body: its headings and the URLs it refers to. `undefined` for YAML files. */
  outline: BodyOutline | undefined;
  /** A hash of the text: the same text gives the same digest, in any run. */
  digest: string;
  /**
   * True where every number of the frontmatter was seen written in plain digits (`-?\d+`) as it
   * was parsed, so that no amount is written as `240.000` or `2e5` and `checkWrittenAmounts` need
   * not walk the tree again; unset where that is not known.
   */
  plainNumbers?: boolean;
}

export interface BodyOutline {
  /** Offset of the first character after the frontmatter. */
  bodyStart: number;
  /**
   * The body's first line of text (`bodyLinePlace`), where a finding about the whole body stands:
   * found with the outline, where the text is at hand, so that a check taken from the cache knows
   * it without reading the file, and tells when it moved (see `incrementalRules`).
   */
  bodyLine: Position;
  headings: { depth: number; text: string; position: Position }[];
  urls: { kind: "image" | "link" | "definition"; url: string; position: Position }[];
  /**
   * The directives that place a generated part (`::budget`, `:::name`), in the order written:
   * `nested` when inside a list or quote rather than on a line of its own at the body's top
   * level, `container` for the three-colon form. Text directives are not kept (see `parseBody`).
   */
  directives: BodyDirective[];
  /** The figures the prose cites (`:figure{table=drift row=netto col=utfall}` within a paragraph), in the order written. */
  figures: BodyFigure[];
}

/** The name of the one text directive `plan` reads: a figure cited from the document's data. */
export const FIGURE_DIRECTIVE = "figure";

/** A figure cited in prose: what it names, the text the author wrote in its brackets, and its paragraph around it. */
export interface BodyFigure {
  attributes: Record<string, string>;
  position: Position;
  /** The text in the brackets (`:figure[2,7 mnkr]{…}`): the figure as the author wrote it, compared with the one computed. */
  label: { text: string; position: Position } | undefined;
  /**
   * The paragraph (or table cell, list item's text, heading) the figure stands in, as written in the
   * file from offset `start`, and the spans of every cited figure in it: the text around a figure
   * is where a hand-written figure beside it is looked for.
   */
  paragraph: { start: number; text: string; cited: { start: number; end: number }[] };
}

export interface BodyDirective {
  name: string;
  attributes: Record<string, string>;
  position: Position;
  nested: boolean;
  container: boolean;
}

export interface ParseOptions {
  /** Keep the whole markdown tree (default); `plan check` drops it to save memory. */
  keepBody?: boolean;
}

/**
 * Calls `enter` with each node of a markdown tree and its parent, depth-first in the order written,
 * as unist-util-visit's `visit` does, the children of a node read once `enter` has seen it (it may
 * replace them). `visit` makes a new list of ancestors at every node with children: three walks of
 * every body in a check (`restoreTextDirectives`, `shiftPositions`, `outlineOf`) made as many lists.
 */
function eachNode(node: Root | RootContent, enter: (node: Root | RootContent, parent: Root | Parent | undefined) => void, parent?: Root | Parent): void {
  enter(node, parent);
  if (!("children" in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) eachNode(children[i]!, enter, node);
}

/** Collects the headings and URLs of a markdown tree in one walk. */
function outlineOf(tree: Root | undefined, bodyStart: number, text: string, lines: LineIndex): BodyOutline {
  const outline: BodyOutline = { bodyStart, bodyLine: bodyLineIn(text, lines, bodyStart), headings: [], urls: [], directives: [], figures: [] };
  if (!tree) return outline;
  eachNode(tree, (node, parent) => {
    if (!node.position) return;
    if (node.type === "textDirective" && node.name === FIGURE_DIRECTIVE && parent?.position) {
      const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));
      const first = node.children[0]?.position;
      const last = node.children.at(-1)?.position;
      const start = parent.position.start.offset ?? 0;
      const cited = parent.children.flatMap((c) =>
        c.type === "textDirective" && c.position ? [{ start: (c.position.start.offset ?? 0) - start, end: (c.position.end.offset ?? 0) - start }] : [],
      );
      outline.figures.push({
        attributes,
        position: node.position,
        label: first && last ? { text: toString(node), position: { start: first.start, end: last.end } } : undefined,
        paragraph: { start, text: text.slice(start, parent.position.end.offset ?? start), cited },
      });
    }
    if (node.type === "leafDirective" || node.type === "containerDirective") {
      const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));
      outline.directives.push({
        name: node.name,
        attributes,
        position: node.position,
        nested: parent?.type !== "root",
        container: node.type === "containerDirective",
      });
    }
    if (node.type === "heading") outline.headings.push({ depth: node.depth, text: toString(node), position: node.position });
    else if (node.type === "image" || node.type === "link" || node.type === "definition")
      outline.urls.push({ kind: node.type, url: node.url, position: node.position });
  });
  return outline;
}

const MAX_ALIASES = 100;
/** Containers (quotes, lists) nested deeper than this make markdown parsers slow or overflow their stack. */
export const MAX_NESTING = 64;
/** Larger documents are refused rather than parsed for minutes (markdown parsing grows faster than the size: 2 MB takes 4 s, 10 MB 50 s); plans are tens of kilobytes. */
export const MAX_BYTES = 2 * 1024 * 1024;

/** The deepest nesting of block quotes and list items in a markdown text, and the line where it occurs. */
export function markdownNesting(text: string): { depth: number; offset: number } {
  let deepest = { depth: 0, offset: 0 };
  const marker = /^[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;
  let offset = 0;
  for (const line of text.split("\n")) {
    let rest = line;
    const indent = /^[ \t]*/.exec(rest)![0].replace(/\t/g, "    ").length;
    let depth = Math.floor(indent / 2);
    for (let m = marker.exec(rest); m && m[0].length > 0; m = marker.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
      if (depth > MAX_NESTING) break;
    }
    if (depth > deepest.depth) deepest = { depth, offset };
    offset += line.length + 1;
  }
  return deepest;
}

/** Parses a whole markdown file, frontmatter included (as a `yaml` node); without directives, which only documents' bodies have (`bodyParser`). */
export const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

/**
 * Parses a document's body alone. The frontmatter is read by the YAML parser; handing it to
 * the markdown parser too made loading 2.5 times slower, so bodies are parsed on their own and
 * their positions moved to where the body starts in the file.
 */
export const bodyParser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** `bodyParser` without GitHub's extensions: CommonMark and directives. */
export const commonMarkParser = unified().use(remarkParse).use(remarkDirective);

/**
 * What GitHub's extensions of markdown (remark-gfm) read, each begins with one of these: a table
 * its `|`, struck text its `~`, a footnote `[^`, a task's box `[ ]` or `[x]` (any blank between
 * the brackets), a bare URL `www.`, `http:` or `https:`, a bare e-mail address its `@` (and
 * `mailto:`, `xmpp:`), all without regard to case. A text without any of them parses to the same
 * tree without the extensions (test/body-parser.test.ts holds them to it), in less than half the
 * time; most plans' prose has none.
 */
export const GFM_SYNTAX = /[|~@]|\[[\sxX]\]|\[\^|www\.|https?:|mailto:|xmpp:/i;

/** The parser a body needs: `bodyParser`, or the same without GitHub's extensions where the text has nothing they read (see `GFM_SYNTAX`). */
export const bodyParserFor = (text: string) => (GFM_SYNTAX.test(text) ? bodyParser : commonMarkParser);

/**
 * Text directives (`:name` inside a paragraph) are not a form `plan` uses, but for the figure
 * cited from the data (`:figure{…}`), and the syntax takes ordinary prose for one: `kl. 09:00`,
 * `S:a investeringar`, `Dnr:KS18`. Each other is put back as the text the author wrote, joined to
 * the text around it, so prose reads as written.
 */
export function restoreTextDirectives(tree: Root, text: string, offset = 0): Root {
  const isProse = (c: RootContent) => c.type === "textDirective" && c.name !== FIGURE_DIRECTIVE;
  eachNode(tree, (node) => {
    if (!("children" in node) || !(node.children as RootContent[]).some(isProse)) return;
    const children: RootContent[] = [];
    for (const child of node.children as RootContent[]) {
      const value =
        isProse(child) && child.position?.start.offset !== undefined && child.position.end.offset !== undefined
          ? text.slice(child.position.start.offset - offset, child.position.end.offset - offset)
          : undefined;
      const previous = children.at(-1);
      if (value === undefined && child.type !== "text") children.push(child);
      else if (previous?.type === "text") {
        previous.value += value ?? (child as { value: string }).value;
        if (previous.position && child.position) previous.position = { start: previous.position.start, end: child.position.end };
      } else children.push(value === undefined ? child : { type: "text", value, ...(child.position ? { position: child.position } : {}) });
    }
    (node as { children: unknown[] }).children = children;
  });
  return tree;
}

/** Moves the positions of a tree parsed from `text.slice(bodyStart)` to their places in `text`. */
function shiftPositions(tree: Root, bodyStart: number, lines: LineIndex): Root {
  const line = lines.point(bodyStart).line - 1;
  eachNode(tree, (node) => {
    const p = node.position;
    if (!p) return;
    p.start = { line: p.start.line + line, column: p.start.column, offset: (p.start.offset ?? 0) + bodyStart };
    p.end = { line: p.end.line + line, column: p.end.column, offset: (p.end.offset ?? 0) + bodyStart };
  });
  return tree;
}

/** Where a message about the value at `path` (or its key) should point. */
export function place(doc: Pick<SourceDocument, "yaml" | "yamlStart" | "lines">, path: Path, options?: { key?: boolean }): Position {
  // In a light source (see `restoreSource`), found later with the other places in the file: by a cold check's worker threads as
  // the rules make them (`onPending`), else by `settlePlaces` once the rules have run.
  if (LIGHT in doc) return told(doc, new PendingPlace(doc, () => locate(doc, path, options), { path, key: options?.key === true } satisfies PlaceJob));
  return locate(doc, path, options);
}

/**
 * Where a message about a document's whole body stands: its first line of text after the
 * frontmatter, as its outline keeps it (a light source's too, without reading its file).
 */
export function bodyLinePlace(doc: SourceDocument): Position {
  const found = doc.outline?.bodyLine;
  if (found) return { start: { ...found.start }, end: { ...found.end } };
  // A file without frontmatter has no outline: its body is all of it.
  return bodyLineIn(String(doc.file.value), doc.lines, 0);
}

function bodyLineIn(text: string, lines: LineIndex, from: number): Position {
  const nonSpace = /\S/g;
  nonSpace.lastIndex = from;
  const start = nonSpace.exec(text)?.index ?? from;
  const end = text.indexOf("\n", start);
  return lines.position(start, end === -1 ? text.length : end);
}

/**
 * A place in a light source not found yet, as data (`PendingPlace.job`): the value at a YAML
 * path (or its key), or a span of offsets.
 */
export type PlaceJob = { path: Path; key: boolean } | { start: number; end: number };

/** The file a light source reads when asked (see `restoreSource`), and whether it has a YAML tree; `undefined` for any other source. */
export function lightFile(doc: object): { absPath: string; yamlStart: number; hasYaml: boolean } | undefined {
  return (doc as { [LIGHT]?: { absPath: string; yamlStart: number; hasYaml: boolean } })[LIGHT];
}

/** A light source's text, read anew: empty where it is gone or refused since it was parsed. */
export function readLight(root: string, absPath: string): Heavy {
  let raw = "";
  try {
    raw = readInside(root, absPath, "utf8");
  } catch {
    // Gone or refused since it was parsed: nothing to show of it.
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return { text, lines: lineIndex(text) };
}

/** A light source's YAML tree, from its text read anew. */
export function lightYaml(text: string, yamlStart: number): Document.Parsed {
  const end = yamlStart === 0 ? text.length : (findFrontmatter(text)?.yamlEnd ?? text.length);
  return readYaml(untabIndentation(text.slice(yamlStart, end)).text);
}

/** A file of the repository as a vfile, with its digest (`known`, where the caller has it: a file restored from the cache is not hashed again). */
function newFile(root: string, absPath: string, raw: string, cwd: string, known?: string) {
  const value = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const display = relativePath(cwd, absPath) || absPath;
  const file = new VFile({ path: display, value, cwd });
  return { file, value, relPath: repositoryPath(root, absPath), digest: known ?? digestOf(raw) };
}

const lineStartOf = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

/** Parses YAML text that sits at `yamlStart` in the file, reporting syntax errors at their place. */
export const readYaml = (text: string) => parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });

/**
 * Drops a document's YAML tree, which takes several times the memory of its text, keeping a
 * way to parse it again when a message needs the place of a value. `plan check` compacts
 * every document once it is validated, so 10,000 plans fit in memory.
 */
export function compact(doc: SourceDocument): void {
  if (doc.yaml) parseYamlWhenAsked(doc);
}

/** Gives `doc.yaml` as a tree parsed from the file's text the first time it is read (a compacted document, one restored from the cache of `plan check`). */
export function parseYamlWhenAsked(doc: SourceDocument): void {
  const text = String(doc.file.value);
  let cached: Document.Parsed | undefined;
  Object.defineProperty(doc, "yaml", {
    configurable: true,
    enumerable: true,
    // Where the frontmatter ends is looked for only then too: most documents restored from the cache are never asked.
    get: () => {
      if (cached) return cached;
      const end = doc.yamlStart === 0 ? text.length : (findFrontmatter(text)?.yamlEnd ?? text.length);
      return (cached = readYaml(untabIndentation(text.slice(doc.yamlStart, end)).text));
    },
  });
}

/**
 * Gives `doc.body` as the tree parsed from the file's text the first time it is read: a document
 * checked without its body (`keepBody: false`, or restored from `plan check`'s cache) gets the
 * tree `loadMarkdown` would have kept, parsed only for the pages that show it. Nothing is
 * reported again (the check said what parsing finds); a body the check refused stays undefined.
 */
export function parseBodyWhenAsked(doc: SourceDocument): void {
  if (doc.body !== undefined || doc.outline === undefined) return;
  // A document too large to read has no body, as when it was loaded.
  if (doc.file.messages.some((m) => m.ruleId === fileTooLarge.id)) return;
  const text = String(doc.file.value);
  const { bodyStart } = doc.outline;
  let cached: { tree: Root | undefined } | undefined;
  Object.defineProperty(doc, "body", {
    configurable: true,
    enumerable: true,
    get: () => (cached ??= { tree: parseBody(new VFile(), doc.lines, text, bodyStart) }).tree,
  });
}

/** What `plan check`'s cache keeps of a parsed file (see `restoreSource`): all but its text, its messages and its trees. */
export type SourceFacts = Pick<SourceDocument, "yamlStart" | "data" | "outline"> & { hasYaml: boolean };

export const sourceFacts = (doc: SourceDocument): SourceFacts => ({
  yamlStart: doc.yamlStart,
  data: doc.data,
  outline: doc.outline,
  hasYaml: hasYamlTree(doc),
});

/** Whether a file has a YAML tree, without parsing one that a compacted document keeps to be parsed when asked (reading `doc.yaml` would). */
function hasYamlTree(doc: SourceDocument): boolean {
  const own = Object.getOwnPropertyDescriptor(doc, "yaml");
  return own?.get !== undefined || doc.yaml !== undefined;
}

/**
 * A file parsed in an earlier run (or by a worker thread), from its text and the facts kept of it
 * then: as `compact` leaves a document loaded now, without messages. Without its text (`raw`
 * undefined) it is a light source: its text, line index and YAML tree are read from the file when
 * asked, kept only for the last few files asked of (`recent`, see `RecentTexts`), and places in it are found once
 * the rules have run (`PendingPlace`, `place`), so that a repository of 10,000 plans is checked
 * without holding every file's text and tree. A file changed on disk since it was parsed is shown
 * as it is now.
 */
export function restoreSource(
  root: string,
  absPath: string,
  raw: string | undefined,
  cwd: string,
  facts: SourceFacts,
  digest: string,
  recent: RecentTexts = new RecentTexts(),
): SourceDocument {
  if (raw === undefined) return lightSource(root, absPath, cwd, facts, digest, recent);
  const { file, value, relPath } = newFile(root, absPath, raw, cwd, digest);
  const doc = restored(file, relPath, lineIndex(value), facts, digest);
  if (facts.hasYaml) parseYamlWhenAsked(doc);
  return doc;
}

/** A document restored from the facts kept of it, its YAML tree and body not (yet) read. */
function restored(file: VFile, relPath: string, lines: SourceDocument["lines"], facts: SourceFacts, digest: string): SourceDocument {
  return { file, relPath, lines, yaml: undefined, yamlStart: facts.yamlStart, data: facts.data, body: undefined, outline: facts.outline, digest };
}

/** What a light source reads from its file when asked (see `restoreSource`). */
interface Heavy {
  text: string;
  lines: LineIndex;
  yaml?: Document.Parsed;
}

/**
 * The light sources of one check that keep what they read, the one asked of last at the end: a
 * rule asks of one file several times in a row, and of thousands in turn, so the last few (`size`)
 * are kept. Made by the check's cache, one for its run.
 */
export class RecentTexts {
  readonly kept = new Map<SourceDocument, Heavy>();
  /** Told of each place in these light sources not found yet, as it is made (a cold check's threads find them meanwhile). */
  onPending: ((place: PendingPlace) => void) | undefined;
  constructor(readonly size = 16) {}
}

/** The light sources' `RecentTexts`, told of their pending places (see `told`). */
const TOLD = Symbol("told of pending places");

/** A place not found yet in a light source, once `RecentTexts.onPending` is told of it. */
function told(doc: object, place: PendingPlace): PendingPlace {
  (doc as { [TOLD]?: RecentTexts })[TOLD]?.onPending?.(place);
  return place;
}

/** Marks a light source (see `restoreSource`), whose places are found after they are made (see `place`). */
const LIGHT = Symbol("light source");

/** What a light source reads from its file when asked, kept on its file and its document. */
const READ = Symbol("read when asked");

/**
 * A light source's file, whose text is read when asked. The getter is the class's, one for
 * every such file: a getter of each file's own turns each file into a dictionary of its
 * properties in V8, 450 bytes more a file (60,000 files on 10,000 plans). Setting the text makes
 * it the file's own.
 */
class LightFile extends VFile {
  [READ]: (() => Heavy) | undefined;
}
Object.defineProperty(LightFile.prototype, "value", {
  configurable: true,
  get(this: LightFile) {
    // Undefined while VFile's constructor runs.
    return this[READ]?.().text;
  },
  set(this: LightFile, value: unknown) {
    Object.defineProperty(this, "value", { value, configurable: true, enumerable: true, writable: true });
  },
});

/** A light source's lines, read from its file when asked; its places found later (see `PendingPlace`). Methods of the class, as `LightFile`'s text. */
class LightLines implements LineIndex {
  constructor(private readonly doc: LightDocument) {}
  point(offset: number) {
    return this.doc[READ]().lines.point(offset);
  }
  position(start: number, end: number) {
    const doc = this.doc;
    return told(doc, new PendingPlace(doc, () => doc[READ]().lines.position(start, end), { start, end } satisfies PlaceJob));
  }
  line(n: number) {
    return this.doc[READ]().lines.line(n);
  }
}

/** A light source (see `restoreSource`): its YAML tree, where it has one, parsed from its file when asked (the class's getter, as `LightFile`'s text). */
class LightDocument implements SourceDocument {
  readonly lines: LineIndex = new LightLines(this);
  body: Root | undefined = undefined;
  readonly [READ]: () => Heavy;
  readonly [LIGHT]: { absPath: string; yamlStart: number; hasYaml: boolean };
  readonly [TOLD]: RecentTexts;
  constructor(
    readonly file: LightFile,
    readonly relPath: string,
    readonly yamlStart: number,
    readonly data: unknown,
    readonly outline: BodyOutline | undefined,
    readonly digest: string,
    read: () => Heavy,
    light: { absPath: string; yamlStart: number; hasYaml: boolean },
    recent: RecentTexts,
  ) {
    this[READ] = read;
    this[LIGHT] = light;
    this[TOLD] = recent;
  }
  get yaml(): Document.Parsed | undefined {
    if (!this[LIGHT].hasYaml) return undefined;
    const kept = this[READ]();
    return (kept.yaml ??= lightYaml(kept.text, this.yamlStart));
  }
}

function lightSource(root: string, absPath: string, cwd: string, facts: SourceFacts, digest: string, recent: RecentTexts): SourceDocument {
  const file = new LightFile({ path: relativePath(cwd, absPath) || absPath, cwd });
  const heavyKept = recent.kept;
  const heavy = (): Heavy => {
    let kept = heavyKept.get(doc);
    if (kept) heavyKept.delete(doc);
    else kept = readLight(root, absPath);
    heavyKept.set(doc, kept);
    if (heavyKept.size > recent.size) heavyKept.delete(heavyKept.keys().next().value!);
    return kept;
  };
  file[READ] = heavy;
  const relPath = repositoryPath(root, absPath);
  const doc: LightDocument = new LightDocument(
    file,
    relPath,
    facts.yamlStart,
    facts.data,
    facts.outline,
    digest,
    heavy,
    {
      absPath,
      yamlStart: facts.yamlStart,
      hasYaml: facts.hasYaml,
    },
    recent,
  );
  return doc;
}

/** The digest of a file's text, as `SourceDocument.digest` has it. */
export const digestOf = (raw: string) => createHash("sha256").update(raw).digest("base64");

function parseYaml(file: VFile, lines: LineIndex, text: string, yamlStart: number) {
  const untabbed = untabIndentation(text);
  const yaml = readYaml(untabbed.text);
  const firstTab = untabbed.tabOffsets[0];
  // A tab that breaks the structure is the one mistake to tell: what the parser says after it follows from it,
  // and so may what it says of the line before it, whose value the shifted line seems to continue.
  const affected = firstTab === undefined ? Infinity : lineStartOf(text, Math.max(0, lineStartOf(text, firstTab) - 1));
  const brokenByTab = yaml.errors.some((e) => e.pos[0] >= affected);
  if (brokenByTab) {
    const width = tabWidthThatReads(text, readYaml);
    report(file, yamlSyntax, {
      reason:
        width === undefined
          ? t`A tab indents this line, and YAML allows only spaces there: the lines from here on cannot be read.`
          : t`A tab indents this line, and YAML allows only spaces there: the lines from here on cannot be read. With the tab as ${width} spaces, the frontmatter reads without errors.`,
      place: lines.position(yamlStart + firstTab!, yamlStart + firstTab! + 1),
      fix:
        width === undefined
          ? t`Indent with spaces (two per level), as the lines around it are.`
          : t`Replace the tab with ${width} spaces (indent with spaces only).`,
    });
  } else {
    for (const offset of untabbed.tabOffsets) {
      report(file, yamlTabIndent, {
        reason: t`A tab is used for indentation; YAML allows only spaces there. It was read as one space.`,
        place: lines.position(yamlStart + offset, yamlStart + offset + 1),
        fix: t`Indent with spaces (two per level).`,
      });
    }
  }
  const errors = yaml.errors.filter((e) => e.pos[0] < affected);
  let ok = !brokenByTab;
  for (const error of errors.filter((e) => e.code === "DUPLICATE_KEY")) {
    ok = false;
    report(file, yamlDuplicateKey, {
      reason: t`This key appears twice in the same map; the second would silently win.`,
      place: lines.position(yamlStart + error.pos[0], yamlStart + Math.max(error.pos[1], error.pos[0] + 1)),
      fix: t`Remove or rename one of the two.`,
    });
  }
  for (const mistake of explainYamlErrors(
    untabbed.text,
    errors.filter((e) => e.code !== "DUPLICATE_KEY"),
  )) {
    ok = false;
    report(file, yamlSyntax, { reason: mistake.reason, place: lines.position(yamlStart + mistake.from, yamlStart + mistake.to), fix: mistake.fix });
  }
  let plainNumbers = false;
  if (ok) ({ ok, plainNumbers } = checkKeysAndText(file, lines, yaml, yamlStart));
  let data: unknown;
  if (ok) {
    try {
      data = yaml.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
      report(file, tooDeep ? yamlTooDeep : yamlAliases, {
        reason: tooDeep ? t`The YAML nests too deeply to be read.` : t`The YAML could not be expanded: ${(error as Error).message}.`,
        place: lines.position(yamlStart, yamlStart),
        fix: tooDeep
          ? t`Flatten the structure: plan documents need a few levels at most.`
          : t`Write the values out instead of using many aliases (at most ${MAX_ALIASES}).`,
      });
    }
  }
  return { yaml, data, plainNumbers };
}

/**
 * Names that JavaScript objects carry from their prototype. As a key in a map of user data
 * (`parties: { __proto__: 5000 }`) such a name is not an ordinary entry: `__proto__` replaces
 * the object's prototype and its amount vanishes, `constructor` reads a function where an
 * amount is expected. No plan needs them, so they are refused wherever they appear.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** Fields that are one line of text (a title, a name, a heading of a table): a line break in them is a control character too. */
const SINGLE_LINE_FIELDS = new Set(["title", "name", "short", "area", "label", "id", "unit", "recipient", "decidedBy", "body", "income"]);

/**
 * Keys that are not ordinary names (`RESERVED_KEYS`), and text values holding control
 * characters (`CONTROL_CHARACTERS`): a title with an escape sequence recolours the terminal
 * of whoever runs `plan check`, one with CR LF adds a row to a CSV. Returns whether the YAML
 * may be read into data: a reserved key may not, since reading it is what goes wrong. Tells too
 * whether every number is written in plain digits (`SourceDocument.plainNumbers`), seen on the way.
 */
function checkKeysAndText(file: VFile, lines: LineIndex, yaml: Document.Parsed, yamlStart: number): { ok: boolean; plainNumbers: boolean } {
  let ok = true;
  let plainNumbers = true;
  const at = (range: readonly number[] | null | undefined) => lines.position(yamlStart + (range?.[0] ?? 0), yamlStart + (range?.[1] ?? 0));
  // An alias as a key (`*k : 999999`) is what it names: `&k __proto__` must be refused as `__proto__` is.
  const keyOf = (node: unknown) => (isAlias(node) ? node.resolve(yaml) : node);
  walkYaml(yaml, {
    Map(map) {
      // The parser sees two keys only when both are written out; an alias naming another key of the map would silently replace it.
      // Keys that are all texts written out were compared by the parser (`uniqueKeys`), whose error stops the check before this:
      // only a map with another key (an alias, `1` beside `"1"`) may hold two of the same name.
      if (map.items.every((pair) => isScalar(pair.key) && typeof pair.key.value === "string")) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyOf(pair.key);
        if (!isScalar(key)) continue;
        const name = String(key.value);
        if (!seen.has(name)) {
          seen.add(name);
          continue;
        }
        ok = false;
        report(file, yamlDuplicateKey, {
          reason: t`This key (\`${name}\`) appears twice in the same map; the second would silently win.`,
          place: at((pair.key as { range?: number[] | null }).range),
          fix: t`Remove or rename one of the two.`,
        });
      }
    },
    Pair(pair) {
      const key = keyOf(pair.key);
      const range = (pair.key as { range?: number[] | null } | null)?.range;
      if (isCollection(key)) {
        ok = false;
        report(file, yamlCollectionKey, {
          reason: t`A map or a list cannot be a key: read into data it would become a made-up text, and its value would be filed under it.`,
          place: at(range),
          fix: t`Use a plain name as the key, such as a party id like \`lerum\`.`,
        });
        return;
      }
      if (!isScalar(key) || typeof key.value !== "string" || !RESERVED_KEYS.has(key.value)) return;
      ok = false;
      report(file, yamlReservedKey, {
        reason:
          key === pair.key
            ? t`\`${String(key.value)}\` cannot be a key: it is a name every JavaScript object already has, and as a key it would be lost or misread.`
            : t`\`${String(key.value)}\` cannot be a key (named here by an alias): it is a name every JavaScript object already has, and as a key it would be lost or misread.`,
        place: at(range),
        fix: t`Use another name; party ids, budget lines and other keys are ordinary words such as \`lerum\`.`,
      });
    },
    Scalar(node, ancestors) {
      if (typeof node.value === "number" && node.source && !PLAIN_DIGITS.test(node.source)) plainNumbers = false;
      // Most texts hold neither a control character nor a line break: told by one search each, before their field is looked for.
      if (typeof node.value !== "string" || (!ANY_CONTROL_CHARACTER.test(node.value) && !node.value.includes("\n"))) return;
      const parent = ancestors.at(-1);
      const field = isPair(parent) && parent.value === node && isScalar(parent.key) ? String(parent.key.value) : undefined;
      const found = firstControlCharacter(node.value) ?? (field && SINGLE_LINE_FIELDS.has(field) ? lineBreak(node.value) : undefined);
      if (!found) return;
      report(file, controlCharacter, {
        reason:
          found.char === "\n"
            ? t`\`${field!}\` holds the control character \`${escapeOf(found.char)}\` (a line break in a one-line field); control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.`
            : field
              ? t`\`${field}\` holds the control character \`${escapeOf(found.char)}\`; control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.`
              : t`This text holds the control character \`${escapeOf(found.char)}\`; control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.`,
        place: at(node.range),
        fix: found.char === "\n" ? t`Write the text on one line.` : t`Remove it: retype the text, or paste it again as plain text.`,
      });
    },
  });
  return { ok, plainNumbers };
}

/** A number written in plain digits, as an amount must be (see `checkWrittenAmounts`). */
const PLAIN_DIGITS = /^-?\d+$/;

/** Whether a text holds any of `CONTROL_CHARACTERS` (not global: it keeps no place between searches). */
const ANY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

const lineBreak = (text: string) => {
  const offset = text.search(/\n/);
  return offset < 0 ? undefined : { char: "\n", offset };
};

/** Reports the first control character in a document's body (tab and line ends are text). */
function checkBodyText(file: VFile, lines: LineIndex, value: string, bodyStart: number): void {
  const found = firstControlCharacter(value.slice(bodyStart), true);
  if (!found) return;
  const offset = bodyStart + found.offset;
  report(file, controlCharacter, {
    reason: t`The text holds the control character \`${escapeOf(found.char)}\`; control characters can rewrite a terminal or reverse how text reads.`,
    place: lines.position(offset, offset + 1),
    fix: t`Remove it: retype the text, or paste it again as plain text.`,
  });
}

/** Reads a markdown document. Returns `undefined` for markdown without frontmatter (a README), which is not a document. */
export function loadMarkdown(root: string, absPath: string, raw: string, cwd: string, options: ParseOptions = {}): SourceDocument | undefined {
  const { file, value, relPath, digest } = newFile(root, absPath, raw, cwd);
  const span = findFrontmatter(value);
  if (!span) return undefined;
  const lines = lineIndex(value);
  const bytes = Buffer.byteLength(raw);
  if (bytes > MAX_BYTES) {
    report(file, fileTooLarge, {
      reason: t`The document is ${decimal(bytes / 1024 / 1024, 1)} MB; documents larger than ${MAX_BYTES / 1024 / 1024} MB are not read.`,
      place: lines.position(0, 0),
      fix: t`Split it into several documents, or move data out of it.`,
    });
    return {
      file,
      relPath,
      lines,
      yaml: undefined,
      yamlStart: span.yamlStart,
      data: undefined,
      body: undefined,
      outline: outlineOf(undefined, span.bodyStart, value, lines),
      digest,
    };
  }
  const { yaml, data, plainNumbers } = parseYaml(file, lines, value.slice(span.yamlStart, span.yamlEnd), span.yamlStart);
  checkBodyText(file, lines, value, span.bodyStart);
  const body = parseBody(file, lines, value, span.bodyStart);
  return {
    file,
    relPath,
    lines,
    yaml,
    yamlStart: span.yamlStart,
    data,
    body: options.keepBody === false ? undefined : body,
    outline: outlineOf(body, span.bodyStart, value, lines),
    digest,
    plainNumbers,
  };
}

/** Parses the markdown, refusing (with a message) nesting so deep that parsing would not end in reasonable time. */
function parseBody(file: VFile, lines: LineIndex, value: string, bodyStart: number): Root | undefined {
  const nesting = markdownNesting(value.slice(bodyStart));
  const tooDeep = () =>
    report(file, markdownTooDeep, {
      reason: t`Block quotes or lists nest more than ${MAX_NESTING} levels deep here; such a document cannot be read in reasonable time.`,
      place: lines.position(bodyStart + nesting.offset, bodyStart + nesting.offset),
      fix: t`Flatten the quotes and lists.`,
    });
  if (nesting.depth > MAX_NESTING) return void tooDeep();
  try {
    const text = value.slice(bodyStart);
    return shiftPositions(restoreTextDirectives(bodyParserFor(text).parse(text) as Root, text), bodyStart, lines);
  } catch (error) {
    if (error instanceof RangeError) return void tooDeep();
    throw error;
  }
}

/**
 * A file of the repository that may not be read (see `readInside`): a symbolic link out of the
 * repository, a pipe or a device. It stands in the repository with one error at its first line,
 * naming where it leads; its content is never read, so no code frame or page can show it.
 */
export function refusedSource(root: string, absPath: string, cwd: string, reason: Message): SourceDocument {
  const { file, relPath } = newFile(root, absPath, "", cwd);
  const digest = createHash("sha256")
    .update(`refused: ${say(reason, "en")}`)
    .digest("base64");
  const lines = lineIndex("");
  report(file, pathOutside, {
    reason: t`${relPath} is refused: ${reason}; it was not read.`,
    place: lines.position(0, 0),
    fix: t`Put the file itself in the repository instead of a link, or make the link lead to a file inside the repository.`,
  });
  return { file, relPath, lines, yaml: undefined, yamlStart: 0, data: undefined, body: undefined, outline: undefined, digest };
}

/** Reads a YAML file such as `plan.config.yaml`. */
export function loadYaml(root: string, absPath: string, raw: string, cwd: string): SourceDocument {
  const { file, value, relPath, digest } = newFile(root, absPath, raw, cwd);
  const lines = lineIndex(value);
  const { yaml, data } = parseYaml(file, lines, value, 0);
  return { file, relPath, lines, yaml, yamlStart: 0, data, body: undefined, outline: undefined, digest };
}
