import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { code, type Rule } from "./rule.js";

export const memoDnr: Rule = {
  id: "memo/dnr",
  severity: "error",
  example: "`KS 2018/1375` is not a diarienummer of Lerums kommun, which look like `KS18.1375`.",
  summary: "A memo's diarienummer (each of them, and its attachments') matches the issuing organisation's pattern in `plan.config.yaml`.",
  repository(repo, report) {
    for (const memo of repo.memos) {
      const issuerId = memo.data.issuer ?? repo.config?.data.organisation;
      const rule = issuerId ? repo.parties.get(issuerId)?.dnr : undefined;
      if (!rule) continue;
      // The configuration's schema has made sure it is a regular expression.
      const pattern = new RegExp(rule.pattern, "u");
      const numbers: [Path, string][] = Array.isArray(memo.data.dnr)
        ? memo.data.dnr.map((d, i): [Path, string] => [["dnr", i], d])
        : [[["dnr"], memo.data.dnr]];
      memo.data.attachments.forEach((a, i) => {
        if (a.dnr) numbers.push([["attachments", i, "dnr"], a.dnr]);
      });
      for (const [path, dnr] of numbers) {
        if (pattern.test(dnr) || PLACEHOLDER.test(dnr)) continue; // placeholders have a rule of their own
        report(memo.source, path, {
          reason: `${code(dnr)} is not a diarienummer of ${repo.parties.get(issuerId!)!.name}, which look like ${code(rule.example)}.`,
          fix: "Copy the number the registrar assigned. The tool never invents one.",
        });
      }
    }
  },
};

export const memoSelfAttachment: Rule = {
  id: "memo/self-attachment",
  severity: "error",
  example: "The memo lists itself (`sjobacka/tjansteskrivelse-2020`) as an attachment; an attachment is a document the decision is based on, such as the plan.",
  summary: "A memo does not list itself among its attachments (beslutsunderlag): the board would be sent the memo as the ground for the memo.",
  repository(repo, report) {
    for (const memo of repo.memos) {
      memo.data.attachments.forEach((a, i) => {
        if (a.document !== memo.id) return;
        report(memo.source, ["attachments", i, "document"], {
          reason: `The memo lists itself (${code(memo.id)}) as an attachment; an attachment is a document the decision is based on, such as the plan.`,
          fix: "Name the plan, report or agreement the memo is about, or remove this attachment.",
        });
      });
    }
  },
};

/** Placeholder text left from a template: `XX`, `XXXX Kommun`, `KSXX.XXX`, `TODO`. */
export const PLACEHOLDER = /(?<![\p{L}\p{N}])(?:TODO|FIXME|[\p{Lu}]{0,4}X{2,}(?:[.\-/ ]?X+)*)(?![\p{L}\p{N}])/u;

const MAY_HOLD_PLACEHOLDER = /XX|TODO|FIXME/;

export const placeholders: Rule = {
  id: "text/placeholder",
  severity: "error",
  otherSeverity: "warning",
  example: "Placeholder text `KSXX.XXX` in the frontmatter of a decided document.",
  summary: "Placeholder text (`XX`, `XXXX`, `KSXX.XXX`, `TODO`) is an error in a decided document and a warning in a draft.",
  document(doc, report) {
    const text = String(doc.source.file.value);
    // Nearly every document has none; a plain search first keeps this rule cheap.
    if (!MAY_HOLD_PLACEHOLDER.test(text)) return;
    const severity = doc.data.status === "decided" ? "error" : "warning";
    const found = (where: string, match: string) => `Placeholder text ${code(match)} in ${where}${severity === "error" ? " of a decided document" : ""}.`;
    const fix = severity === "error" ? "Write the real text; a decided document goes to the board as it is." : "Fill it in before the document is decided.";
    for (const [path, value] of strings(doc.data, [])) {
      const match = PLACEHOLDER.exec(value);
      if (match) report(doc.source, path, { severity, reason: found("the frontmatter", match[0]), fix });
    }
    const outline = doc.source.outline;
    if (!outline) return;
    const placeholder = new RegExp(PLACEHOLDER.source, "gu");
    placeholder.lastIndex = outline.bodyStart;
    for (let match = placeholder.exec(text); match; match = placeholder.exec(text)) {
      const at = match.index;
      report(doc.source, doc.source.lines.position(at, at + match[0].length), { severity, reason: found("the text", match[0]), fix });
    }
  },
};

function* strings(value: unknown, path: Path): Generator<[Path, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

export type { SourceDocument };
