import { activeContent } from "../model/active-content.js";
import { resolveAsset } from "../model/assets.js";
import { code, type Rule } from "./rule.js";
import { t } from "../format/message.js";

export const activeFiles: Rule = {
  id: "path/active-content",
  severity: "error",
  example:
    "The image `bilagor/diagram.svg` is refused: it holds a `<script>` element (sjobacka/bilagor/diagram.svg:4:1): published, it could run or load something when a reader opens it.",
  summary:
    "A file an image or a link names, which the build publishes, cannot run when a reader opens it: no HTML, XHTML, XML or JavaScript files, and an SVG only without scripts, event handlers, embedded HTML or references outside it.",
  repository(repo, report) {
    for (const source of repo.sources) {
      for (const { kind, url, position } of source.outline?.urls ?? []) {
        const target = resolveAsset(repo.root, source.relPath, url);
        if (target.kind !== "local") continue;
        const found = activeContent(target.absPath, repo.active);
        if (!found) continue;
        const what = kind === "image" ? t`The image ${code(url)}` : t`The file ${code(url)}`;
        const where = found.line === undefined ? "" : ` (${target.relPath}:${found.line}:${found.column ?? 1})`;
        const svg = /\.svg$/i.test(target.relPath);
        report(source, position, {
          reason: svg
            ? t`${what} is refused: it holds ${found.what}${where}: published, it could run or load something when a reader opens it.`
            : t`${what} is refused: it is ${found.what}${where}: published, it could run or load something when a reader opens it.`,
          fix: svg
            ? t`Remove it from the SVG (or save the image as a plain SVG or as PNG), then check again.`
            : t`Publish it in a form that cannot run (PDF, or a text or image file), or leave the link out.`,
        });
      }
    }
  },
};
