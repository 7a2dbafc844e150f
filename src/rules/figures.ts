import { agrees, citeFigure, writtenFigures, type CitedFigure } from "../model/figures.js";
import type { LoneDocument } from "../model/repository.js";
import type { BodyFigure } from "../source/load.js";
import { code, type Rule } from "./rule.js";
import { t } from "../format/message.js";
import { KRONOR_PER_UNIT } from "../model/table.js";

/** The directive as written, for messages and fixes: `:figure[2,7 mnkr]{table=drift row=netto col=utfall}`. */
function written(f: BodyFigure, label = f.label?.text): string {
  const attributes = Object.entries(f.attributes).map(([k, v]) => (v === "" ? k : /^[\w.%-]+$/.test(v) ? `${k}=${v}` : `${k}="${v}"`));
  return `:figure${label === undefined ? "" : `[${label}]`}{${attributes.join(" ")}}`;
}

/** The figures of a body each with what it cites, the unknown ones left out (`body/figure` reports them). */
function cited(doc: LoneDocument): { figure: BodyFigure; cited: CitedFigure }[] {
  return (doc.source.outline?.figures ?? []).flatMap((figure) => {
    const result = citeFigure(doc, figure.attributes);
    return result.ok ? [{ figure, cited: result.figure }] : [];
  });
}

export const figureReferences: Rule = {
  id: "body/figure",
  severity: "error",
  summary:
    "A figure cited in prose (`:figure{table=drift row=Nettokostnad col=utfall from=bokslut-2015 unit=mnkr}`) names a money table, row and column (or a plan's budget line, or a board goal's indicator and year) that the document has, and a cell with a figure; the page prints it computed, in the unit asked for (`unit=kr|tkr|mnkr|%`, `decimals=`, `abs` for no sign).",
  example: "The table `organisatorisk-fordelning` has no row `Nettokostnader`. fix: Write `row=Nettokostnad`.",
  document(doc, report) {
    for (const figure of doc.source.outline?.figures ?? []) {
      const result = citeFigure(doc, figure.attributes);
      if (result.ok) continue;
      report(doc.source, figure.position, { reason: t`${code(written(figure))}: ${result.reason}`, fix: result.fix });
    }
  },
};

/** The sentence of `text` around the span `[start, end)`: from after the last full stop (or ! ?) before it that ends a sentence to the next. */
function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  const ends = [...text.matchAll(/[.!?](?=\s+[\p{Lu}\d])|\n\s*\n/gu)].map((m) => m.index + m[0].length);
  const from = Math.max(0, ...ends.filter((e) => e <= start));
  const to = Math.min(text.length, ...ends.filter((e) => e >= end));
  return { from, to };
}

export const figureText: Rule = {
  id: "body/figure-text",
  severity: "warning",
  summary:
    "A figure written by hand beside a cited one says what the data says. Beside is, precisely: the text in the directive's brackets (`:figure[2,7 tkr]{…}`, the figure as the author wrote it, which the page replaces with the computed one), compared at its own unit and decimals (without a sign, by size); and, in the same sentence, a figure written with the cited figure's digits but another unit (`2,7 tkr` beside a cited `2,7 mnkr`). Other figures of the sentence are not compared: a sentence often sets last year's figure beside this year's.",
  example:
    'The text says "2,7 tkr" where the cited figure is 2,7 mnkr (Nettokostnad, Utfall 2016 − Bokslut 2015 in Organisatorisk fördelning: 177 246 − 179 992 = −2 746 tkr).',
  document(doc, report) {
    for (const { figure, cited: c } of cited(doc)) {
      const label = figure.label;
      if (label) {
        const [hand] = writtenFigures(label.text);
        if (hand && !agrees(hand, c)) {
          const should = plain(c.text);
          report(doc.source, label.position, {
            reason: t`The text says "${label.text}" where the cited figure is ${c.text} (${c.source}).`,
            fix: t`Write ${code(written(figure, should))}, or correct the data; the page prints ${c.text}.`,
          });
        }
      }
      const { text, start, cited: spans } = figure.paragraph;
      const own = spans.find((s) => s.start === (figure.position.start.offset ?? 0) - start);
      if (!own || c.dimension !== "money") continue;
      const sentence = sentenceAround(text, own.start, own.end);
      const printed = writtenFigures(c.text)[0];
      for (const hand of writtenFigures(text.slice(sentence.from, sentence.to))) {
        const at = sentence.from + hand.index;
        if (spans.some((s) => at >= s.start && at < s.end) || hand.dimension !== "money" || !printed || hand.unit === printed.unit) continue;
        if (digitsOf(hand) !== digitsOf(printed)) continue;
        report(doc.source, doc.source.lines.position(start + at, start + at + hand.length), {
          reason: t`"${text.slice(at, at + hand.length)}" stands beside the cited figure ${c.text} with its digits but in ${hand.unit}: a unit slip (${c.source}).`,
          fix: t`Write ${plain(c.text)}, or cite it: ${code(written(figure, undefined))}.`,
        });
      }
    }
  },
};

/** A printed figure with plain spaces, for a fix the author types. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/gu, " ");

/** A written figure's digits without its unit: `2,7` of `2,7 tkr`. */
const digitsOf = (f: { value: { num: bigint; den: bigint }; unit: string; decimals: number }) => {
  const scale = f.unit === "kr" || f.unit === "tkr" || f.unit === "mnkr" ? KRONOR_PER_UNIT[f.unit] : 1n;
  const n = f.value.num < 0n ? -f.value.num : f.value.num;
  return `${(n * 10n ** BigInt(f.decimals)) / (f.value.den * scale)}/${f.decimals}`;
};
