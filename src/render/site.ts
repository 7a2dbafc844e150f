import { t } from "../format/message.js";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { UserError } from "../errors.js";
import { compareStrings } from "../format/text.js";
import { readInside, RefusedPath } from "../source/read-inside.js";
import { settledStat } from "../source/settled.js";
import { MEMO } from "../vocabulary.js";
import { join } from "node:path";
import { linkTargetKinds, resolveAsset } from "../model/assets.js";
import { byData, type AnyEntry, type Repository } from "../model/repository.js";
import { tableToCsv } from "../rollup/format.js";
import { allRollups, documentRollups, organisationRollups, partyRollups, planSums } from "../rollup/rollups.js";
import { MarkdownRenderer, type Asset } from "./markdown.js";
import { isFile, linkedId } from "./plugins/remark-local-urls.js";
import type { Table } from "../rollup/table.js";
import { pagesKept, pagesOf, type Pages } from "../model/pages.js";
import { formsDigest } from "../model/forms.js";
import { href } from "./pages.js";
import { withPagePolicy } from "./csp.js";
import { readTemplates, templatesOf, type TemplateCache, type Templates } from "./templates.js";
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
  /** Compiled templates kept between builds (TemplateCache); without it, the templates are compiled for this render. */
  templateCache?: TemplateCache | undefined;
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
  let copied = new Map<string, { state: string; content: Uint8Array }>();
  const placesOf = pagesKept();
  const factsOf = byData(indexFacts);
  const sumsOf = byData(planSums);

  return (repo) => {
    const read = readTemplates(options.templatesDir ?? join(repo.root, "templates"), undefined, options.templatesDir ? undefined : repo.root);
    const templatesKey = JSON.stringify([...read.sources]);
    if (compiled?.key !== templatesKey) compiled = { key: templatesKey, templates: templatesOf(read, options.templateCache) };
    const templates = compiled.templates;
    const pages = placesOf(repo);
    // What every page shows or links to: a change here renders everything again.
    const forms = formsDigest(repo);
    const sharedInputs = [templatesKey, repo.config?.source.digest, options.buildDate, pages, forms];
    if (!sameItems(sharedInputs, sharedBefore?.inputs))
      sharedBefore = { inputs: sharedInputs, digest: sharedDigest(templatesKey, repo, options, pages, forms) };
    const shared = sharedBefore!.digest;
    const ctx: ViewContext = { repo, pages, markdown: new MarkdownRenderer() };
    const render = (view: PageView) => pageFile(view, templates, pages, options);

    const viewOf = (entry: AnyEntry): PageView => pageOf(ctx, entry, pages.byId.get(entry.id)!);
    const part = (entry: AnyEntry): Part => {
      const { id, source } = entry;
      // A document's links depend on whether the files they name exist, which no document shows.
      const targets = linkTargetKinds(repo.root, source, repo.ignored, repo.active).join();
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
      // Read again only when the file may have changed (its settled state, with the change time that no program sets back):
      // images and attachments may be large.
      const state = settledStat(statSync(asset.from));
      const kept = copiedBefore.get(asset.from);
      const content = state !== undefined && kept?.state === state ? kept.content : readAsset(repo.root, asset.from);
      if (state !== undefined) copied.set(asset.from, { state, content });
      files.push({ path: asset.to, content });
    }
    return files.sort((a, b) => compareStrings(a.path, b.path));
  };
}

/** What every page shows or links to, in one digest: the templates, the configuration, the build's date, where each page goes, the forms. */
function sharedDigest(templatesKey: string, repo: Repository, options: SiteOptions, pages: Pages, forms: string): string {
  return digest(JSON.stringify([templatesKey, repo.config?.source.digest, options.buildDate, [...pages.byRelPath], [...pages.byId], forms]));
}

/** A file of the output that a build takes from the previous one as it stands, and what goes beside it. */
export interface KeptFile {
  path: string;
  /** A page also printed to PDF: its PDF, made elsewhere, goes with it. */
  print?: true;
  /** A kallelse's page: the path of its meeting packet, which goes with it. */
  packet?: string;
}

/**
 * What the files of a build were made of, kept for the next build (see `renderChanged`): each
 * document's part by the digest of all it is made of, each page made of every document by the
 * digest of its inputs, and the repository's files the pages show by their state when copied.
 */
export interface SiteRecord {
  /** By document id: the digest of what its page and roll-ups are made of, their files, and the repository's files its page shows. */
  parts: Map<string, { fingerprint: string; files: KeptFile[]; assets: Asset[] }>;
  /** By page (the index, the roll-ups across agreements): the digest of what it is made of, and its files (a roll-up's page and its CSV). */
  whole: Map<string, { digest: string; files: KeptFile[] }>;
  /** By path in the output: the repository's file copied there, as `fileState` gave it then. */
  copied: Map<string, string>;
}

/** The files of a build made from the previous one: those rendered (or copied) now, and those that stand as they were. */
export interface ChangedSite {
  files: OutputFile[];
  kept: KeptFile[];
  record: SiteRecord;
}

/**
 * Renders only what changed since the build recorded in `before`: a document's page and
 * roll-ups again when its part's fingerprint (what every page shares, its group of connected
 * documents, the files it links to, the state of the files it shows) differs or one of its files
 * does not `stand` (is no longer in the output as that build left it); the index and the
 * roll-ups across agreements when their inputs' digest differs. The rest is kept: the files of
 * `kept` are those the previous output holds, the same bytes a fresh `renderSite` would give.
 * Documents' bodies are read only by the pages rendered (see `parseBodyWhenAsked`).
 */
export function renderChanged(repo: Repository, options: SiteOptions, before: SiteRecord | undefined, stands: (path: string) => boolean): ChangedSite {
  const read = readTemplates(options.templatesDir ?? join(repo.root, "templates"), undefined, options.templatesDir ? undefined : repo.root);
  const templatesKey = JSON.stringify([...read.sources]);
  let templates: Templates | undefined;
  const pages = pagesOf(repo);
  // Not where every page goes, as watch mode's renderer takes it: a page shows only its own place and those of the documents it names (below).
  const shared = digest(JSON.stringify([templatesKey, repo.config?.source.digest, options.buildDate, pages.index, pages.rollupFolder, formsDigest(repo)]));
  const placesOf = groupPlaces(repo, pages);
  const ctx: ViewContext = { repo, pages, markdown: new MarkdownRenderer() };
  const render = (view: PageView) => pageFile(view, (templates ??= templatesOf(read, options.templateCache)), pages, options);
  const record: SiteRecord = { parts: new Map(), whole: new Map(), copied: new Map() };
  const files: OutputFile[] = [];
  const kept: KeptFile[] = [];
  const keptOf = (file: OutputFile): KeptFile => ({
    path: file.path,
    ...(file.print ? { print: true as const } : {}),
    ...(file.packet ? { packet: file.packet.path } : {}),
  });
  const standing = (list: readonly KeptFile[]) => list.every((f) => stands(f.path));
  const states = new Map<string, string | undefined>();
  // A file's settled state, by path; none where it has not settled (or is gone), which matches no state recorded: read again.
  const stateOf = (absPath: string) => {
    if (!states.has(absPath)) states.set(absPath, fileState(absPath));
    const state = states.get(absPath);
    return state === undefined ? undefined : `${absPath}\0${state}`;
  };

  const tablesOf = new Map<string, Table[]>();
  const rendered = new Set<string>();
  for (const entry of repo.documents.values()) {
    const { id, source } = entry;
    const tables = documentRollups(repo, entry);
    tablesOf.set(id, tables);
    const fingerprint = digest(JSON.stringify([shared, repo.groups.get(id), placesOf(id), linksOf(repo, pages, source)]));
    const last = before?.parts.get(id);
    // What a page is printed from includes the files it shows: a changed image makes its page (and so its PDF) new.
    if (last?.fingerprint === fingerprint && standing(last.files) && last.assets.every((a) => sameState(before!.copied.get(a.to), stateOf(a.from)))) {
      kept.push(...last.files);
      record.parts.set(id, last);
      continue;
    }
    rendered.add(id);
    const view = pageOf(ctx, entry, pages.byId.get(id)!);
    const made = [view, ...tables.map((t) => rollupView(ctx, t))].map(render);
    for (const table of tables) made.push({ path: rollupCsv(pages.rollupFolder, table), content: tableToCsv(table) });
    files.push(...made);
    record.parts.set(id, { fingerprint, files: made.map(keptOf), assets: view.assets });
  }

  // Made of every document: rendered again when what they are made of changed.
  const whole = (path: string, inputs: string, make: () => OutputFile[]) => {
    const last = before?.whole.get(path);
    if (last?.digest === inputs && standing(last.files)) {
      kept.push(...last.files);
      record.whole.set(path, last);
      return;
    }
    const made = make();
    files.push(...made);
    record.whole.set(path, { digest: inputs, files: made.map(keptOf) });
  };
  const partyTables = partyRollups(repo);
  const organisationTables = organisationRollups(repo);
  for (const table of [...partyTables, ...organisationTables]) {
    const view = rollupView(ctx, table);
    const csv: OutputFile = { path: rollupCsv(pages.rollupFolder, table), content: tableToCsv(table) };
    whole(view.path, digest(JSON.stringify([shared, view, csv.content])), () => [render(view), csv]);
  }
  const tables = allRollups(repo, (entry) => tablesOf.get(entry.id)!, partyTables, organisationTables);
  const index = createHash("sha256").update(`${shared}\n`);
  // Where each page goes too: a document renamed under an id of its own keeps its facts, but the index links its new page.
  for (const entry of repo.documents.values()) index.update(`${indexFacts(entry)} ${pages.byId.get(entry.id) ?? ""}\n`);
  for (const table of tables) index.update(`${table.name}\n`);
  whole(pages.index, index.digest("base64"), () => [render(indexView(ctx, tables))]);

  // The repository's files the pages show, copied: again where the file changed, or a page rendered now shows it.
  const written = new Set([...files, ...kept].map((f) => f.path));
  const assets = new Map<string, { asset: Asset; shownNow: boolean }>();
  for (const [id, part] of record.parts)
    for (const asset of part.assets) {
      const seen = assets.get(asset.to);
      assets.set(asset.to, { asset, shownNow: rendered.has(id) || seen?.shownNow === true });
    }
  for (const { asset, shownNow } of assets.values()) {
    if (written.has(asset.to)) continue;
    const state = stateOf(asset.from);
    if (state !== undefined) record.copied.set(asset.to, state);
    if (!shownNow && sameState(before?.copied.get(asset.to), state) && stands(asset.to)) kept.push({ path: asset.to });
    else files.push({ path: asset.to, content: readAsset(repo.root, asset.from) });
  }
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, kept, record };
}

/**
 * Where the pages of a document's group go, by the document's id: a page links to the documents
 * it names, which are in its group (a name with no document is too, see `referenceGroups`), and
 * shows its own place. Digested once for each group.
 */
function groupPlaces(repo: Repository, pages: Pages): (id: string) => string | undefined {
  const members = new Map<string, string[]>();
  for (const [name, group] of repo.groups) {
    const list = members.get(group);
    if (list) list.push(name);
    else members.set(group, [name]);
  }
  const digests = new Map<string, string>();
  return (id) => {
    const group = repo.groups.get(id);
    if (group === undefined) return pages.byId.get(id);
    let done = digests.get(group);
    if (done === undefined) digests.set(group, (done = digest(JSON.stringify(members.get(group)!.map((name) => [name, pages.byId.get(name) ?? null])))));
    return done;
  };
}

/**
 * What a document's links in its text lead to: whether each file named exists (and what it is),
 * which no document shows, and the page of the document it names, by its file or by its id,
 * as the renderer resolves it (`linkTarget` in remark-local-urls.ts).
 */
function linksOf(repo: Repository, pages: Pages, source: AnyEntry["source"]): unknown[] {
  const kinds = linkTargetKinds(repo.root, source, repo.ignored, repo.active);
  return (source.outline?.urls ?? []).map(({ url }, i) => {
    const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
    const id = linkedId(url);
    // A local file is linked only when it is a file (not a folder), and a document's file as its page.
    const local = target.kind === "local" ? [pages.byRelPath.get(target.relPath) ?? null, isFile(target.absPath)] : null;
    return [kinds[i], local, id === undefined ? null : (pages.byId.get(id) ?? null)];
  });
}

/**
 * A file's settled state (`settledStat`, as `plan check`'s cache and watch mode's copies take it):
 * its size, times of change, inode and device, once its last change is older than a coarse
 * clock's tick. `undefined` when it has not settled (a change in the same tick keeps every one of
 * them: the same state may be other bytes) or the file is gone: then it is read again.
 */
function fileState(absPath: string): string | undefined {
  try {
    return settledStat(statSync(absPath));
  } catch {
    return undefined;
  }
}

/** Whether a state recorded and a state now are the same settled state: one that says nothing is never the same. */
const sameState = (recorded: string | undefined, now: string | undefined) => now !== undefined && recorded === now;

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
