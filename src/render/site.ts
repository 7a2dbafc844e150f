import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Repository } from "../model/repository.js";
import { tableToCsv } from "../rollup/format.js";
import { allRollups } from "../rollup/rollups.js";
import { MarkdownRenderer, type Asset } from "./markdown.js";
import { href, pagesOf } from "./pages.js";
import { loadTemplates } from "./templates.js";
import { agreementView } from "./views/agreement.js";
import { referencesOf, type OrganisationView, type PageView, type ViewContext } from "./views/common.js";
import { indexView } from "./views/index.js";
import { indicatorView } from "./views/indicator.js";
import { memoView } from "./views/memo.js";
import { planView } from "./views/plan.js";
import { reportView } from "./views/report.js";
import { rollupCsv, rollupView } from "./views/rollup.js";

export interface SiteOptions {
  /** `YYYY-MM-DD` shown on every page; none when undefined. */
  buildDate?: string | undefined;
  /** The repository's own templates, which replace the shipped ones of the same name. Default: `<root>/templates`. */
  templatesDir?: string;
}

/** A file of the output, in memory: its path from the output folder and its bytes. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  /** A page that is also printed to PDF: its print style sheet (from `print.hbs`) and the files it shows (images), by their paths in the output. */
  print?: { css: string; assets: string[] };
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
  const templates = loadTemplates(options.templatesDir ?? join(repo.root, "templates"));
  const pages = pagesOf(repo);
  const ctx: ViewContext = { repo, pages, markdown: new MarkdownRenderer(), refs: referencesOf(repo) };
  const page = (id: string) => pages.byId.get(id)!;
  const tables = allRollups(repo);

  const views: PageView[] = [
    ...repo.agreements.map((e) => agreementView(ctx, e, page(e.id))),
    ...repo.plans.map((e) => planView(ctx, e, page(e.id))),
    ...repo.memos.map((e) => memoView(ctx, e, page(e.id))),
    ...repo.reports.map((e) => reportView(ctx, e, page(e.id))),
    ...repo.indicators.map((e) => indicatorView(ctx, e, page(e.id))),
    ...tables.map((t) => rollupView(ctx, t)),
    indexView(ctx, tables),
  ];

  const files: OutputFile[] = [];
  const assets = new Map<string, Asset>();
  for (const view of views) {
    const content = templates.render(view.template, view.view);
    const html = templates.render("layout", {
      template: view.template,
      title: view.title,
      style: templates.style,
      organisation: view.organisation,
      buildDate: options.buildDate,
      home: href(view.path, pages.index),
      isIndex: view.path === pages.index,
      content,
    });
    // As UTF-8 bytes at once: half the memory of a JavaScript string of Swedish text, and ready to write.
    const file: OutputFile = { path: view.path, content: Buffer.from(html, "utf8") };
    if (view.print) {
      const css = templates.render("print", {
        ...view.print,
        memo: view.print.header === "memo",
        title: view.title,
        organisation: view.organisation ? `${view.organisation.name}${view.organisation.fictional ? " (fiktiv kommun)" : ""}` : "",
        footer: footerLines(view.organisation),
      });
      file.print = { css, assets: view.assets.map((a) => a.to) };
    }
    files.push(file);
    for (const asset of view.assets) assets.set(asset.to, asset);
  }
  for (const table of tables) files.push({ path: rollupCsv(pages.rollupFolder, table), content: tableToCsv(table) });
  const written = new Set(files.map((f) => f.path));
  for (const asset of assets.values()) {
    if (!written.has(asset.to)) files.push({ path: asset.to, content: readFileSync(asset.from) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
