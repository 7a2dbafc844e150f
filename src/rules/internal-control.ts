import { INTERNAL_CONTROL } from "../vocabulary.js";
import { code, ofKind, type Rule } from "./rule.js";
import { t } from "../format/message.js";

/** Rules of a board's internal-control plan (`kind: internal-control`): each risk scored on the organisation's scale. */

export const riskScore: Rule = {
  id: "risk/score",
  severity: "error",
  summary:
    "Each risk of an internal-control plan is scored on the plan's scale: its probability and consequence are levels of the scale (numbered 1, 2, 3, … in order), and its written score is probability × consequence.",
  example: "The risk `Hygien` is scored 6, but probability 3 × consequence 3 is 9.",
  document: ofKind("internal-control", (doc, report) => {
    const { scale, risks } = doc.data;
    const sides = [
      { key: "probability", name: INTERNAL_CONTROL.probability, levels: scale.probability.levels },
      { key: "consequence", name: INTERNAL_CONTROL.consequence, levels: scale.consequence.levels },
    ] as const;
    for (const side of sides)
      side.levels.forEach((l, i) => {
        if (l.level === i + 1) return;
        report(doc.source, ["scale", side.key, "levels", i, "level"], {
          reason: t`The levels of ${side.name} are numbered from 1 in order; the level at place ${i + 1} (${l.label}) is numbered ${l.level}.`,
          fix: t`Write \`level: ${i + 1}\`, or put the levels in order.`,
        });
      });
    risks.forEach((risk, i) => {
      let inScale = true;
      for (const side of sides) {
        const value = risk[side.key];
        const top = side.levels.length;
        if (value >= 1 && value <= top) continue;
        inScale = false;
        report(doc.source, ["risks", i, side.key], {
          reason: t`The risk ${code(risk.process)} has ${side.key} ${value}, which is not on the scale: ${side.name} runs from 1 (${side.levels[0]!.label}) to ${top} (${side.levels[top - 1]!.label}).`,
          fix: t`Write a level from 1 to ${top}.`,
        });
      }
      const product = risk.probability * risk.consequence;
      if (!inScale || risk.score === product) return;
      report(doc.source, ["risks", i, "score"], {
        reason: t`The risk ${code(risk.process)} is scored ${risk.score}, but probability ${risk.probability} × consequence ${risk.consequence} is ${product}.`,
        fix: t`Write \`score: ${product}\`, or correct the probability or the consequence.`,
      });
    });
  }),
};
