import { resolveAsset } from "../model/assets.js";
import { pathOutside } from "../source/rules.js";
import { code, type Rule } from "./rule.js";

/** Declared with the loader, which reports a file that is a link leading out of the repository. */
export const localPaths: Rule = {
  ...pathOutside,
  repository(repo, report) {
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
        const what = kind === "image" ? "image" : "link";
        if (target.kind === "outside") {
          report(source, position, { reason: `The ${what} ${code(url)} is refused: ${target.reason}.`, fix: "Put the file inside the repository and refer to it with a relative path." });
        } else if (target.kind === "missing" && kind === "image") {
          report(source, position, { reason: `The image ${code(url)} does not exist (looked for ${target.relPath}).`, fix: "Check the file name and its folder, relative to this document." });
        } else if (target.kind === "remote" && kind === "image") {
          report(source, position, {
            severity: "warning",
            reason: `The image ${code(url)} is on another server; documents are built without the network, so it will not be shown.`,
            fix: "Download the image into the repository and refer to it with a relative path.",
          });
        }
      }
    }
  },
};

export const hiddenPaths: Rule = {
  id: "path/hidden",
  severity: "error",
  example: "The link `../.git/config` is refused: it is a hidden file (its name, or a folder's on the way, starts with `.`), and hidden files such as `.git/config` and `.env` are never published.",
  summary: "Images and links in a document name no hidden file (`.git/config`, `.env`, anything under a folder starting with `.`) and, in a git repository, no file git ignores: those are never published.",
  repository(repo, report) {
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url, repo.ignored);
        if (target.kind !== "hidden") continue;
        report(source, position, {
          reason: `The ${kind === "image" ? "image" : "link"} ${code(url)} is refused: ${target.reason}.`,
          fix: "Link to a file that is part of the repository, or remove the link.",
        });
      }
    }
  },
};
