import type { Position } from "unist";
import { t } from "../format/message.js";
import { copiedPairs, THRESHOLD, SHINGLE } from "../model/copied.js";
import type { AnyEntry } from "../model/repository.js";
import { code, type Rule } from "./rule.js";
import { THIS_KIND } from "../model/kinds.js";
import { bodyLinePlace } from "../source/load.js";

/** Where a warning about a document's body stands: its first line of text after the frontmatter. */
const bodyPlace = (entry: AnyEntry): Position => bodyLinePlace(entry.source);

export const copiedText: Rule = {
  id: "text/copied",
  severity: "warning",
  example: "95 % of the text of this plan is the same as that of `sjuharad/enhetsplan-utbildning`: it looks copied from it, with only a little changed.",
  summary: `Two documents of the same kind whose bodies share at least ${THRESHOLD} % of their text: a warning at both, naming the other and the share. The share is the Jaccard similarity of the bodies' runs of ${SHINGLE} words (hashed shingles), found among thousands of documents by MinHash with locality-sensitive hashing rather than by comparing every pair; bodies of a few lines are not compared.`,
  repository(repo, report) {
    // Watch mode checks again only some documents (`sources`); a pair is reported on those of its documents it checks.
    const checked = new Set(repo.sources);
    // One warning per document, naming the document it shares most with: a template copied into many
    // documents gives each of them one warning, not one per other copy.
    const best = new Map<AnyEntry, { other: AnyEntry; percent: number; more: number }>();
    for (const { a, b, percent } of copiedPairs(repo)) {
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const known = best.get(self);
        if (!known) best.set(self, { other, percent, more: 0 });
        else if (percent > known.percent) best.set(self, { other, percent, more: known.more + 1 });
        else known.more++;
      }
    }
    for (const [self, { other, percent, more }] of best) {
      if (!checked.has(self.source)) continue;
      const kind = THIS_KIND[self.kind];
      report(self.source, bodyPlace(self), {
        reason:
          more === 0
            ? t`${percent} % of the text of ${kind} is the same as that of ${code(other.id)}: it looks copied from it, with only a little changed.`
            : more === 1
              ? t`${percent} % of the text of ${kind} is the same as that of ${code(other.id)}, and 1 other document shares most of it too: it looks copied, with only a little changed.`
              : t`${percent} % of the text of ${kind} is the same as that of ${code(other.id)}, and ${more} other documents share most of it too: it looks copied, with only a little changed.`,
        fix: t`Write what is ${kind}'s own, or remove the one that replaces the other; where the two are meant to be alike, set \`text/copied: off\` under \`rules:\`.`,
        related: [{ source: other.source, at: bodyPlace(other), reason: t`${percent} % of this text is the same.` }],
      });
    }
  },
};
