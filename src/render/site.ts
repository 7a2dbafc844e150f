import { t } from "../format/message.js";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { UserError } from "../errors.js";
import { compareStrings } from "../format/text.js";
import { readInside, RefusedPath } from "../source/read-inside.js";
import { MEMO } from "../vocabulary.js";
import { join } from "node:path";
import { linkTargetKinds } from "../model/assets.js";
import { byData, type AnyEntry, type Repository } from "../model/repository.js";
import { tableToCsv } from "../rollup/format.js";
import { allRollups, documentRollups, organisationRollups, partyRollups, planSums } from "../rollup/rollups.js";
import { MarkdownRenderer, type Asset } from "./markdown.js";
import type { Table } from "../rollup/table.js";
import { pagesKept, type Pages } from "../model/pages.js";
import { formsDigest } from "../model/forms.js";
import { href } from "./pages.js";
import { withPagePolicy } from "./csp.js";
import { compileTemplates, readTemplates, type Templates } from "./templates.js";
import { type OrganisationView, type PageView, type ViewContext } from "./views/common.js";
import { indexFacts, indexView } from "./views/index.js";
import { type PacketPlan } from "./views/meeting.js";
import { pageOf } from "./views/kinds.js";
import { rollupCsv, rollupView } from "./views/rollup.js";

export interface SiteOptions {
  /** `YYYY-MM-DD` of the build, for the colophon (and for templates); none when undefined. */
  buildDate?: string | undefined;
  /** `--colophon`: every page ends with a line saying it was made with plan, and when. Off by default: a board's document says nothing about the software. */
  colophon?: boolean;
  /** The repository's own templates, which replace the shipped ones of the same name. Default: `<root>/templates`. */
  templatesDir?: string;
}

/** A file of the output, in memory: its path from the output folder and its bytes. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  /** A page that is also printed to PDF: its print style sheet (from `print.hbs`) and the files it shows (images), by their paths in the output. */
  print?: { css: string; assets: string[] };
  /** A kallelse's page: the meeting packet its PDF heads, joined after the PDFs are printed (`src/pdf/packet.ts`). */
  packet?: PacketPlan;
}

/** The organisation's address in the PDF's footer: at most three items a line, as in the real memo's footer. */
function footerLines(organisation: OrganisationView | undefined): string[] {
  const items = (organisation?.address ?? []).map((a) => `${a.label}: ${a.value}`);
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += 3) lines.push(items.slice(i, i + 3).join("   "));
  return lines;
}

/**
 * Renders a checked repository into the files of the site, in memory: one page per document,
 * the roll-ups as HTML and CSV, the index, and the repository's images and files the pages
 * refer to. Nothing is written here.
 */
export function renderSite(repo: Repository, options: SiteOptions = {}): OutputFile[] {
  return siteRenderer(options)(repo);
}

/** What one document gives the site: its page and the roll-ups made of it alone. */
interface Part {
  fingerprint: string;
  files: OutputFile[];
  tables: Table[];
  assets: Asset[];
}

/**
 * A site renderer that remembers what it rendered: given the repository again (watch mode keeps
 * the sources of unchanged files), it renders anew only the pages of documents connected to a
 * changed one, and the pages made of every document (the index, the roll-ups per party). The
 * output is the same as a fresh `renderSite` of the same repository.
 */
export function siteRenderer(options: SiteOptions = {}): (repo: Repository) => OutputFile[] {
  let parts = new Map<string, Part>();
  let wholePages = new Map<string, { inputs: readonly unknown[]; file: OutputFile }>();
  let compiled: { key: string; templates: Templates } | undefined;
  let sharedBefore: { inputs: unknown[]; digest: string } | undefined;
  let copied = new Map<string, { ino: number; size: number; mtimeMs: number; content: Uint8Array }>();
  const placesOf = pagesKept();
  const factsOf = byData(indexFacts);
  const sumsOf = byData(planSums);

  return (repo) => {
    const read = readTemplates(options.templatesDir ?? join(repo.root, "templates"), undefined, options.templatesDir ? undefined : repo.root);
    const templatesKey = JSON.stringify([...read.sources]);
    if (compiled?.key !== templatesKey) compiled = { key: templatesKey, templates: compileTemplates(read) };
    const templates = compiled.templates;
    const pages = placesOf(repo);
    // What every page shows or links to: a change here renders everything again.
    const forms = formsDigest(repo);
    const sharedInputs = [templatesKey, repo.config?.source.digest, options.buildDate, pages, forms];
    if (!sameItems(sharedInputs, sharedBefore?.inputs)) {
      sharedBefore = { inputs: sharedInputs, digest: digest(JSON.stringify([...sharedInputs.slice(0, 3), [...pages.byRelPath], [...pages.byId], forms])) };
    }
    const shared = sharedBefore!.digest;
    const ctx: ViewContext = { repo, pages, markdown: new MarkdownRenderer() };
    const render = (view: PageView) => pageFile(view, templates, pages, options);

    const viewOf = (entry: AnyEntry): PageView => pageOf(ctx, entry, pages.byId.get(entry.id)!);
    const part = (entry: AnyEntry): Part => {
      const { id, source } = entry;
      // A document's links depend on whether the files they name exist, which no document shows.
      const targets = linkTargetKinds(repo.root, source, repo.ignored).join();
      const fingerprint = `${shared} ${repo.groups.get(id)} ${targets}`;
      const done = parts.get(id);
      if (done?.fingerprint === fingerprint) return done;
      const view = viewOf(entry);
      const tables = documentRollups(repo, entry);
      const files = [view, ...tables.map((t) => rollupView(ctx, t))].map(render);
      for (const table of tables) files.push({ path: rollupCsv(pages.rollupFolder, table), content: tableToCsv(table) });
      return { fingerprint, tables, files, assets: view.assets };
    };
    parts = new Map([...repo.documents.values()].map((entry) => [entry.id, part(entry)]));

    // Made of every document: rendered again only when what they are made of changed.
    const before = wholePages;
    wholePages = new Map();
    const whole = (path: string, inputs: readonly unknown[], view: () => PageView) => {
      const kept = before.get(path);
      const done = kept && sameItems(inputs, kept.inputs) ? kept : { inputs, file: render(view()) };
      wholePages.set(path, done);
      return done.file;
    };
    const partyTables = partyRollups(repo, sumsOf);
    const organisationTables = organisationRollups(repo);
    const acrossTables = [...partyTables, ...organisationTables];
    const partyPages = acrossTables.map((table) => {
      const view = rollupView(ctx, table);
      return whole(view.path, [shared, JSON.stringify(view)], () => view);
    });
    const tables = allRollups(repo, (entry) => parts.get(entry.id)!.tables, partyTables, organisationTables);
    // The index's view alone takes longer than a document's page: it is made only when a fact it shows changed.
    const indexInputs = [shared, ...[...repo.documents.values()].map(factsOf), ...tables.map((t) => t.name)];
    const files: OutputFile[] = [...[...parts.values()].flatMap((p) => p.files), ...partyPages, whole(pages.index, indexInputs, () => indexView(ctx, tables))];
    for (const table of acrossTables) files.push({ path: rollupCsv(pages.rollupFolder, table), content: tableToCsv(table) });
    const written = new Set(files.map((f) => f.path));
    const assets = new Map([...parts.values()].flatMap((p) => p.assets).map((a) => [a.to, a]));
    const copiedBefore = copied;
    copied = new Map();
    for (const asset of assets.values()) {
      if (written.has(asset.to)) continue;
      // Read again only when the file changed: images and attachments may be large.
      const { ino, size, mtimeMs } = statSync(asset.from);
      const kept = copiedBefore.get(asset.from);
      const content = kept?.ino === ino && kept.size === size && kept.mtimeMs === mtimeMs ? kept.content : readAsset(repo.root, asset.from);
      copied.set(asset.from, { ino, size, mtimeMs, content });
      files.push({ path: asset.to, content });
    }
    return files.sort((a, b) => compareStrings(a.path, b.path));
  };
}

/** A view in its template and the page layout: the page's file, with its print style sheet where it is also a PDF. */
function pageFile(view: PageView, templates: Templates, pages: Pages, options: SiteOptions): OutputFile {
  const content = templates.render(view.template, view.view);
  const layout = templates.render("layout", {
    template: view.template,
    title: view.title,
    style: templates.style,
    organisation: view.organisation,
    buildDate: options.buildDate,
    colophon: options.colophon === true,
    home: href(view.path, pages.index),
    isIndex: view.path === pages.index,
    content,
  });
  // The policy is plan's: a repository's layout that leaves it out or weakens it gets it all the same.
  const html = withPagePolicy(layout);
  // As UTF-8 bytes at once: half the memory of a JavaScript string of Swedish text, and ready to write.
  const file: OutputFile = { path: view.path, content: Buffer.from(html, "utf8") };
  if (view.print) {
    const form = view.print.form;
    const labelled = (label: string | undefined, value: string | undefined) => (value === undefined ? undefined : label ? `${label} ${value}` : value);
    const css = templates.render("print", {
      ...view.print,
      memo: view.print.header === "memo",
      sid: Boolean(form?.sid),
      hidden: form?.hidden ?? [],
      // With the space before the page number, so that the memo's header reads as it always has.
      doctype: form ? (form.sid ? form.doctype : `${form.doctype} `) : `${view.print.runningTitle.toLocaleUpperCase("sv")} `,
      dateText: labelled(form ? form.dateLabel : MEMO.date, view.print.date),
      dnrText: labelled(form ? form.dnrLabel : MEMO.dnr, view.print.dnr),
      title: view.title,
      organisation: form
        ? [`${form.left[0] ?? ""}${view.organisation?.fictional ? " (fiktiv kommun)" : ""}`, ...form.left.slice(1)].join("\n")
        : view.organisation
          ? `${view.organisation.name}${view.organisation.fictional ? " (fiktiv kommun)" : ""}`
          : "",
      footer: footerLines(view.organisation),
    });
    file.print = { css, assets: view.assets.map((a) => a.to) };
  }
  if (view.packet) file.packet = view.packet;
  return file;
}

/** Whether two lists hold the same items in the same order; strings kept from round to round compare at once. */
const sameItems = (a: readonly unknown[], b: readonly unknown[] | undefined) => b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);

const digest = (text: string) => createHash("sha256").update(text).digest("base64");

/** An image or attachment's bytes, read only inside the repository (the checks refused links out before; this holds if one was made since). */
function readAsset(root: string, absPath: string): Buffer {
  try {
    return readInside(root, absPath);
  } catch (error) {
    if (!(error instanceof RefusedPath)) throw error;
    throw new UserError(t`${absPath} is refused: ${error.reason}; nothing was built.`, 1);
  }
}
