import { resolveAsset } from "../model/assets.js";
import { pathHidden, pathOutside } from "../source/rules.js";
import type { Repository } from "../model/repository.js";
import { packetPathOf, pagesOf, pdfPathOf, ROLLUP_FOLDER } from "../model/pages.js";
import { rollupNames } from "../rollup/rollups.js";
import { code, partyLabel, type Rule } from "./rule.js";
import { t, type Message } from "../format/message.js";

/** Declared with the loader, which reports a file that is a link leading out of the repository. */
export const localPaths: Rule = {
  ...pathOutside,
  repository(repo, report) {
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
        if (target.kind === "outside") {
          report(source, position, {
            reason: kind === "image" ? t`The image ${code(url)} is refused: ${target.reason}.` : t`The link ${code(url)} is refused: ${target.reason}.`,
            fix: t`Put the file inside the repository and refer to it with a relative path.`,
          });
        } else if (target.kind === "missing" && kind === "image") {
          report(source, position, {
            reason: t`The image ${code(url)} does not exist (looked for ${target.relPath}).`,
            fix: t`Check the file name and its folder, relative to this document.`,
          });
        } else if (target.kind === "remote" && kind === "image") {
          report(source, position, {
            severity: "warning",
            reason: t`The image ${code(url)} is on another server; documents are built without the network, so it will not be shown.`,
            fix: t`Download the image into the repository and refer to it with a relative path.`,
          });
        }
      }
    }
  },
};

/** Declared with the loader, which reports the documents git could not judge. */
export const hiddenPaths: Rule = {
  ...pathHidden,
  repository(repo, report) {
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
        if (target.kind !== "hidden") continue;
        report(source, position, {
          reason: kind === "image" ? t`The image ${code(url)} is refused: ${target.reason}.` : t`The link ${code(url)} is refused: ${target.reason}.`,
          fix: t`Link to a file that is part of the repository, or remove the link.`,
        });
      }
    }
  },
};

/** The longest name of a file or folder that common file systems take (ext4, XFS, APFS): 255 bytes. */
const NAME_MAX = 255;

/** The first name on `path` (`a/b/c.html`) longer than a file system takes, with its length in bytes. */
function tooLongName(path: string): { name: string; bytes: number } | undefined {
  for (const name of path.split("/")) {
    const bytes = Buffer.byteLength(name);
    if (bytes > NAME_MAX) return { name, bytes };
  }
  return undefined;
}

/** A file's first line and column: where a finding about the file's own name goes. */
const FILE_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

const shortened = (name: string) => (name.length > 60 ? `${name.slice(0, 28)}…${name.slice(-28)}` : name);

export const nameLength: Rule = {
  id: "path/name-length",
  severity: "error",
  summary: `Every file \`plan build\` writes for a document (its page and PDF, its roll-ups, a party's roll-up) has a name of at most ${NAME_MAX} bytes, as file systems require.`,
  example:
    "`plan build` would write `lerum/bbbbbbbbbbbbbbbbbbbbbbbbbbbb…bbbbbbbbbbbbbbbbbbbbbbbbbbbb.html`, a name of 257 bytes; file systems take at most 255.",
  repository(repo, report) {
    // Every document decides the pages' names (\`-2\` where two differ only in case); only those being checked are reported.
    const pages = pagesOf(repo);
    const checked = new Set(repo.sources);
    const tooLong = (path: string) => {
      const found = tooLongName(path);
      return found
        ? t`\`plan build\` would write ${code(shortened(found.name))}, a name of ${found.bytes} bytes; file systems take at most ${NAME_MAX}.`
        : undefined;
    };
    for (const entry of repo.documents.values()) {
      if (!checked.has(entry.source)) continue;
      const page = pages.byRelPath.get(entry.source.relPath);
      // The page is the longest name from the file's (\`.html\`, against \`.pdf\` beside it).
      const byFile = page && tooLong(page);
      if (byFile) {
        report(entry.source, FILE_START, { reason: byFile, fix: t`Give the file a shorter name.` });
        continue;
      }
      const names = entry.kind === "plan" || entry.kind === "agreement" ? rollupNames[entry.kind](entry.id) : [];
      const byId = names.map((name) => tooLong(`${ROLLUP_FOLDER}/${name}.html`)).find(Boolean);
      const explicit = (entry.data as { id?: string }).id !== undefined;
      if (byId)
        report(entry.source, explicit ? ["id"] : FILE_START, {
          reason: byId,
          fix: explicit ? t`Give the document a shorter \`id\`.` : t`Give the file (and its folder) a shorter name, or the document a shorter \`id\`.`,
        });
    }
    repo.config?.data.parties.forEach((party, index) => {
      const reason = tooLong(`${ROLLUP_FOLDER}/${rollupNames.party(party.id)[0]}.html`);
      if (reason) report(repo.config!.source, ["parties", index, "id"], { reason, fix: t`Give the party a shorter id.` });
    });
  },
};

/**
 * The files `plan build` makes itself, by path in the output, with what each is: pages, their
 * PDFs (plans, agreements, reports and memos are printed), the index and the roll-ups. A copied
 * attachment of the same path would be left out of the output for plan's own file.
 */
function ownOutputs(repo: Repository): Map<string, Message> {
  const pages = pagesOf(repo);
  const own = new Map<string, Message>([[pages.index, t`the start page`]]);
  for (const entry of repo.documents.values()) {
    const page = pages.byRelPath.get(entry.source.relPath)!;
    own.set(page, t`the page of ${code(entry.id)}`);
    if (entry.kind !== "indicator") own.set(pdfPathOf(page), t`the PDF of ${code(entry.id)}`);
    if (entry.kind === "meeting") own.set(packetPathOf(page), t`the meeting packet of ${code(entry.id)}`);
    const names = entry.kind === "plan" || entry.kind === "agreement" ? rollupNames[entry.kind](entry.id) : [];
    for (const name of names) for (const ext of [".html", ".csv"]) own.set(`${ROLLUP_FOLDER}/${name}${ext}`, t`a roll-up of ${code(entry.id)}`);
  }
  for (const party of repo.config?.data.parties ?? []) {
    for (const ext of [".html", ".csv"]) own.set(`${ROLLUP_FOLDER}/${rollupNames.party(party.id)[0]}${ext}`, t`the roll-up of ${partyLabel(repo, party.id)}`);
  }
  for (const ext of [".html", ".csv"]) own.set(`${ROLLUP_FOLDER}/${rollupNames.organisations}${ext}`, t`the roll-up of the money tables per organisation`);
  return own;
}

export const outputTaken: Rule = {
  id: "path/own-output",
  severity: "error",
  summary:
    "No image or attachment has the path of a file `plan build` makes itself (a page, its PDF, a roll-up, the start page): it would be left out for plan's own file.",
  example: "The link `plan-2019.pdf` names sjobacka/plan-2019.pdf, the path of the PDF of sjobacka/plan-2019 in the output: it would not be published.",
  repository(repo, report) {
    let own: Map<string, Message> | undefined;
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
        // A link to a document's markdown is a link to its page, not a copy.
        if (target.kind !== "local" || /\.md$/i.test(target.relPath)) continue;
        own ??= ownOutputs(repo);
        const what = own.get(target.relPath);
        if (!what) continue;
        report(source, position, {
          reason:
            kind === "image"
              ? t`The image ${code(url)} names ${target.relPath}, the path of ${what} in the output: it would not be published.`
              : t`The link ${code(url)} names ${target.relPath}, the path of ${what} in the output: it would not be published.`,
          fix: t`Give the file another name or put it in another folder, and change the link.`,
        });
      }
    }
  },
};
