import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { code, type Rule } from "./rule.js";
import { KIND } from "../vocabulary.js";
import { t } from "../format/message.js";

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
          reason: t`${code(dnr)} is not a diarienummer of ${repo.parties.get(issuerId!)!.name}, which look like ${code(rule.example)}.`,
          fix: t`Copy the number the registrar assigned. The tool never invents one.`,
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
          reason: t`The memo lists itself (${code(memo.id)}) as an attachment; an attachment is a document the decision is based on, such as the plan.`,
          fix: t`Name the plan, report or agreement the memo is about, or remove this attachment.`,
        });
      });
    }
  },
};

export const memoHandler: Rule = {
  id: "memo/handler",
  severity: "error",
  example: `The ${KIND.memo.one} names no handläggare (\`handler\`); only a political proposal (\`type: political\`) has none.`,
  summary: "A memo of the förvaltning (`type: official`, the default) names its handläggare (`handler`); a political proposal has none.",
  document(doc, report) {
    if (doc.kind !== "memo" || doc.data.type !== "official" || doc.data.handler) return;
    report(doc.source, ["handler"], {
      reason: t`The ${KIND.memo.one} names no handläggare (\`handler\`); only a political proposal (\`type: political\`) has none.`,
      fix: t`Add \`handler: { name: …, title: … }\` with the handläggare's name and title, or write \`type: political\` if politicians wrote and sign it.`,
    });
  },
};

export const memoSignatures: Rule = {
  id: "memo/signatures",
  severity: "error",
  otherSeverity: "warning",
  example:
    "The political proposal has no signatures; the politicians who make it sign it (the seed's: the chair, the vice chair and a member of the arbetsutskott).",
  summary:
    "A political proposal (`type: political`) is signed: it has `signatures` (an error without any), each with the role the signer proposes it in (`title`, a warning without).",
  document(doc, report) {
    if (doc.kind !== "memo" || doc.data.type !== "political") return;
    if (doc.data.signatures.length === 0) {
      report(doc.source, ["signatures"], {
        reason: t`The political proposal has no signatures; the politicians who make it sign it (the seed's: the chair, the vice chair and a member of the arbetsutskott).`,
        fix: t`Add \`signatures:\` with each politician's \`name\` and \`title\`, e.g. \`- { name: Lennart Ottosson, title: Socialnämndens ordförande }\`.`,
      });
      return;
    }
    doc.data.signatures.forEach((person, i) => {
      if (person.title) return;
      report(doc.source, ["signatures", i, "name"], {
        severity: "warning",
        reason: t`${person.name} signs the political proposal without a role; the proposal prints each signer's role under the name.`,
        fix: t`Add \`title:\` with the role, e.g. \`Socialnämndens vice ordförande\` or \`Ledamot SNAU\`.`,
      });
    });
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
    const found = (where: "frontmatter" | "text", match: string) =>
      severity === "error"
        ? where === "frontmatter"
          ? t`Placeholder text ${code(match)} in the frontmatter of a decided document.`
          : t`Placeholder text ${code(match)} in the text of a decided document.`
        : where === "frontmatter"
          ? t`Placeholder text ${code(match)} in the frontmatter.`
          : t`Placeholder text ${code(match)} in the text.`;
    const fix = severity === "error" ? t`Write the real text; a decided document goes to the board as it is.` : t`Fill it in before the document is decided.`;
    for (const [path, value] of strings(doc.data, [])) {
      const match = PLACEHOLDER.exec(value);
      if (match) report(doc.source, path, { severity, reason: found("frontmatter", match[0]), fix });
    }
    const outline = doc.source.outline;
    if (!outline) return;
    const placeholder = new RegExp(PLACEHOLDER.source, "gu");
    placeholder.lastIndex = outline.bodyStart;
    for (let match = placeholder.exec(text); match; match = placeholder.exec(text)) {
      const at = match.index;
      report(doc.source, doc.source.lines.position(at, at + match[0].length), { severity, reason: found("text", match[0]), fix });
    }
  },
};

function* strings(value: unknown, path: Path): Generator<[Path, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

export type { SourceDocument };
