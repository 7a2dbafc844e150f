import { t } from "../format/message.js";
import Handlebars from "handlebars";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { readInside, RefusedPath } from "../source/read-inside.js";
import { registerHelpers } from "./helpers.js";

/** The templates shipped with `plan`: `templates/` beside `src/` and `dist/`. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface Templates {
  /** Renders the template `name` (`plan`, `memo`, …, `layout`) with the view. */
  render(name: string, view: object): string;
  /** The style sheet, inlined into every page. */
  style: string;
  /** The file each template was read from: the shipped one or the repository's. */
  origin: Map<string, string>;
}

/** Files of a templates folder: `name.hbs`, `partials/name.hbs` and `style.css`, by their path inside the folder. */
function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const top = readdirSync(dir).filter((f) => f.endsWith(".hbs") || f === "style.css");
  const partials = existsSync(join(dir, "partials"))
    ? readdirSync(join(dir, "partials"))
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => `partials/${f}`)
    : [];
  return [...top, ...partials].sort();
}

/**
 * Loads the shipped templates, with those of the repository's own `templates/` folder in
 * their place where the file name is the same. Each build gets its own Handlebars instance.
 */
export function loadTemplates(overrideDir: string | undefined, defaultDir = DEFAULT_TEMPLATES): Templates {
  return compileTemplates(readTemplates(overrideDir, defaultDir));
}

/** The text of each template file, by its path inside the folder, and the file it was read from. */
export interface TemplateSources {
  sources: Map<string, string>;
  origin: Map<string, string>;
}

/**
 * Reads the shipped templates and those of `overrideDir`. The latter are repository content,
 * read through `readInside` within `root` (the repository): a template linked to a file outside
 * it is refused, never read into a page. `plan check` reports such a link first, at its place.
 */
export function readTemplates(overrideDir: string | undefined, defaultDir = DEFAULT_TEMPLATES, root = overrideDir): TemplateSources {
  const origin = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const file of filesOf(defaultDir)) {
    sources.set(file, readFileSync(join(defaultDir, file), "utf8"));
    origin.set(file, join(defaultDir, file));
  }
  if (overrideDir && root) {
    for (const file of filesOf(overrideDir)) {
      const path = join(overrideDir, file);
      try {
        sources.set(file, readInside(root, path, "utf8"));
      } catch (error) {
        if (!(error instanceof RefusedPath)) throw error;
        throw new UserError(t`${path}:1:1: error [path/outside] The template is refused: ${error.reason}; it was not read.`, 1);
      }
      origin.set(file, path);
    }
  }
  return { sources, origin };
}

/**
 * What the pages gave the document templates until the body came as `parts` (the author places
 * the generated parts): a template of the repository's own that still prints one of them would
 * leave the author's text out of the page without a word, so the build stops at its place.
 */
const REMOVED_FIELDS: Record<string, string> = {
  body: "`{{> body-parts}}` prints the author's text with the generated parts placed in it",
  lead: "`{{> body-parts}}` prints the author's text with the generated parts placed in it",
};

function refuseRemovedFields(ast: hbs.AST.Program, path: string): void {
  // Inside `{{#each}}` or `{{#with}}` a `body` is a field of the item (a decision's), not the page's.
  const visit = (node: unknown, scoped: boolean): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; parts?: string[]; data?: boolean; depth?: number; loc?: hbs.AST.SourceLocation; path?: { original?: unknown } };
    if (!scoped && n.type === "PathExpression" && !n.data && n.depth === 0 && n.parts?.length === 1 && REMOVED_FIELDS[n.parts[0]!] && n.loc) {
      const name = n.parts[0]!;
      throw new UserError(
        t`${path}:${n.loc.start.line}:${n.loc.start.column + 1}: error The template uses \`${name}\`, which pages no longer have: ${REMOVED_FIELDS[name]!} (README: Templates).`,
        1,
      );
    }
    const inner = scoped || (n.type === "BlockStatement" && (n.path?.original === "each" || n.path?.original === "with"));
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || !value || typeof value !== "object") continue;
      // A block's own parameters (`{{#each body}}`) are read in the scope around it.
      visit(value, key === "program" || key === "inverse" ? inner : scoped);
    }
  };
  visit(ast, false);
}

/**
 * Compiled templates kept between builds by a process that builds many times (the tests, which
 * run `plan build` in-process hundreds of times): compiling the templates takes about as long as
 * rendering a small repository's pages. Whoever makes one keeps it; a build without one compiles
 * its own. Templates are kept by what they are compiled from, each file's text and the file it
 * was read from (messages name it), and are never changed once compiled.
 */
export class TemplateCache {
  readonly #compiled = new Map<string, Templates>();

  constructor(readonly size = 8) {}

  /** The templates compiled from `read`: those compiled before from the same files, else compiled now and kept. */
  templates(read: TemplateSources): Templates {
    const key = JSON.stringify([[...read.sources], [...read.origin]]);
    const kept = this.#compiled.get(key);
    if (kept) return kept;
    const templates = compileTemplates(read);
    if (this.#compiled.size >= this.size) this.#compiled.delete(this.#compiled.keys().next().value!);
    this.#compiled.set(key, templates);
    return templates;
  }
}

/** The templates compiled from `read`: from the cache where one is given, else compiled for this build alone. */
export function templatesOf(read: TemplateSources, cache: TemplateCache | undefined): Templates {
  return cache ? cache.templates(read) : compileTemplates(read);
}

export function compileTemplates({ sources, origin }: TemplateSources): Templates {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [file, source] of sources) {
    if (file === "style.css") continue;
    let ast: hbs.AST.Program;
    try {
      ast = hbs.parse(source);
    } catch (error) {
      throw new UserError(t`${origin.get(file) ?? file}: ${(error as Error).message.split("\n")[0] ?? ""}`, 1);
    }
    if (origin.get(file) !== undefined && !origin.get(file)!.startsWith(DEFAULT_TEMPLATES)) refuseRemovedFields(ast, origin.get(file)!);
    const name = file.replace(/^partials\//, "").replace(/\.hbs$/, "");
    // A partial's last line break belongs to the file, not to the text it puts in its place (a table cell, a link).
    const text = file.startsWith("partials/") ? source.replace(/\r?\n$/, "") : source;
    const template = hbs.compile(text, { strict: false, preventIndent: true });
    if (file.startsWith("partials/")) hbs.registerPartial(name, template);
    else compiled.set(name, template);
  }
  return {
    style: minifyCss(sources.get("style.css") ?? ""),
    origin,
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new UserError(t`There is no template ${name}.hbs.`, 1);
      try {
        return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw new UserError(t`The template ${origin.get(`${name}.hbs`) ?? `${name}.hbs`} failed: ${(error as Error).message}`, 1);
      }
    },
  };
}

/**
 * The style sheet as inlined into every page: comments and line breaks go, since every page
 * carries it. Only white space next to `{`, `}` and `;` is removed, so strings stay as written.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/[ \t]*\r?\n\s*/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}
