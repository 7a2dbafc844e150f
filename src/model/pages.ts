import { compareStrings } from "../format/text.js";
import type { AnyEntry, Repository } from "./repository.js";

/** Where each rendered page goes in the output folder, by the document's file and by its id. */
export interface Pages {
  /** Document file (`lerum/plan-2019.md`) → page (`lerum/plan-2019.html`). */
  byRelPath: Map<string, string>;
  /** Document id (`lerum/plan-2019`) → page. */
  byId: Map<string, string>;
  index: string;
  rollupFolder: string;
}

/** The PDF beside a page: `lerum/plan-2019.html` → `lerum/plan-2019.pdf`. */
export const pdfPathOf = (page: string) => page.replace(/\.html?$/i, "") + ".pdf";

/** The meeting packet beside a kallelse's page: `herrljunga/sammantrade-2017-02-28.html` → `herrljunga/sammantrade-2017-02-28-handlingar.pdf`. */
export const packetPathOf = (page: string) => page.replace(/\.html?$/i, "") + "-handlingar.pdf";

export const INDEX_PAGE = "index.html";
/** The folder of the output that holds the roll-ups; the rules against clashing output names name it too. */
export const ROLLUP_FOLDER = "sammanstallningar";

/**
 * A page mirrors its document's place in the repository, so that relative links and images
 * written in the document keep working beside it. Documents of every kind get a page.
 */
export function pagesOf(repo: Repository): Pages {
  const pages: Pages = { byRelPath: new Map(), byId: new Map(), index: INDEX_PAGE, rollupFolder: ROLLUP_FOLDER };
  // Compared without case: a site copied to a case-insensitive disk (Windows, macOS) or server would merge `Plan.html` and `plan.html`.
  const taken = new Set([INDEX_PAGE]);
  const entries = [...repo.documents.values()].sort((a, b) => compareStrings(a.source.relPath, b.source.relPath));
  for (const entry of entries) {
    const path = entry.source.relPath.replace(/\.md$/i, "");
    // The roll-ups' folder is the build's own; a document folder of that name moves aside.
    const base = path.startsWith(`${ROLLUP_FOLDER}/`) ? `dokument-${path}` : path;
    let page = `${base}.html`;
    for (let n = 2; taken.has(page.toLowerCase()); n++) page = `${base}-${n}.html`;
    taken.add(page.toLowerCase());
    pages.byRelPath.set(entry.source.relPath, page);
    pages.byId.set(entry.id, page);
  }
  return pages;
}

/** `pagesOf` for a repository given again and again (watch mode): kept while the documents' ids and files, which alone decide it, stay. */
export function pagesKept(): (repo: Repository) => Pages {
  let before: { entries: AnyEntry[]; pages: Pages } | undefined;
  return (repo) => {
    const entries = [...repo.documents.values()];
    const last = before;
    const same =
      last?.entries.length === entries.length &&
      entries.every((e, i) => e === last.entries[i] || (e.id === last.entries[i]!.id && e.source.relPath === last.entries[i]!.source.relPath));
    before = { entries, pages: same ? last.pages : pagesOf(repo) };
    return before.pages;
  };
}
