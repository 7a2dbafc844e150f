import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { lazy } from "../lazy.js";

/** The open font every PDF is set in, shipped with plan as the npm package @fontsource/noto-sans (SIL Open Font License). */
export const PRINT_FONT = "Noto Sans";
/** The open font of the arrows and mathematical signs Noto Sans lacks (↩ → ≈ ≤ ≥ …), shipped as @fontsource/noto-sans-math (SIL Open Font License). */
export const MATH_FONT = "Noto Sans Math";
/** The open font of the other symbols Noto Sans lacks (◐ ✓ ✗ …), shipped as @fontsource/noto-sans-symbols-2 (SIL Open Font License). */
export const SYMBOL_FONT = "Noto Sans Symbols 2";
/** The font stack of everything plan prints (print.hbs), in this order: what one font lacks, the next has. */
export const PRINT_FONT_STACK = [PRINT_FONT, MATH_FONT, SYMBOL_FONT];

/** A font family shipped with plan: its npm package, and the subsets, weights and styles plan prints with. */
interface ShippedFamily {
  family: string;
  package: string;
  /** File names are `<prefix>-<subset>-<weight>-<style>.woff2`. */
  prefix: string;
  /** The first is on every page; the others only on pages with a character of theirs. */
  subsets: readonly string[];
  /** The characters the font has, where the package's `unicode.json` does not say (one file with the whole font). */
  ranges?: Record<string, string>;
  weights: readonly number[];
  styles: readonly string[];
}

/**
 * Noto Sans's latin covers Swedish, the minus sign and the narrow no-break space; latin-ext the
 * letters of the other Nordic and the Sami languages (ŋ, š, đ, …); greek, cyrillic and
 * vietnamese names as they occur. The package of Noto Sans Math has the whole font in the file it
 * calls latin: arrows (↩ →), mathematical operators (≈ ≤ ≥ ∑) and letters, its ranges given here.
 * Symbols 2 has the goal statuses ◐ ✓ ✗ (its subset symbols) and what Math lacks. Neither has a
 * bold or an italic, and print.hbs forbids the browser to make one (it would print them as Type 3
 * images of glyphs): a bold ✓ is printed regular.
 */
const FAMILIES: readonly ShippedFamily[] = [
  {
    family: PRINT_FONT,
    package: "@fontsource/noto-sans",
    prefix: "noto-sans",
    subsets: ["latin", "latin-ext", "greek", "cyrillic", "cyrillic-ext", "vietnamese"],
    weights: [400, 700],
    styles: ["normal", "italic"],
  },
  {
    family: MATH_FONT,
    package: "@fontsource/noto-sans-math",
    prefix: "noto-sans-math",
    subsets: ["latin"],
    // Arrows, Mathematical Operators, Miscellaneous Technical (brackets), Miscellaneous Mathematical Symbols-A and -B,
    // Supplemental Arrows-A and -B, Supplemental Mathematical Operators, Mathematical Alphanumeric Symbols.
    ranges: { latin: "U+2190-21FF,U+2200-22FF,U+2308-230B,U+27C0-27FF,U+2900-2AFF,U+1D400-1D7FF" },
    weights: [400],
    styles: ["normal"],
  },
  {
    family: SYMBOL_FONT,
    package: "@fontsource/noto-sans-symbols-2",
    prefix: "noto-sans-symbols-2",
    subsets: ["symbols", "math"],
    weights: [400],
    styles: ["normal"],
  },
];

export interface PrintFonts {
  /** `@font-face` rules for a page, with the font files inlined as `data:` URLs: the PDF needs no file outside the page. */
  cssFor(html: string): string;
  /** Whether a shipped font has `char` (one code point). */
  covers(char: string): boolean;
  /** The characters of a page that no shipped font has, each once, in order of code point. */
  missing(html: string): string[];
  /** Hash of all the rules, part of every PDF's cache key. */
  hash: string;
}

/** `U+0000-00FF,U+0131` as a test of one code point. */
function rangeTest(unicodeRange: string): (code: number) => boolean {
  const ranges = unicodeRange.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const;
  });
  return (code) => ranges.some(([from, to]) => code >= from && code <= to);
}

interface Subset {
  css: string;
  has: (code: number) => boolean;
}

/** A file of a shipped font package (`files/noto-sans-latin-400-normal.woff`), found where npm installed it. */
export function fontFile(pkg: string, file: string): Buffer {
  return readFileSync(join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), file));
}

/** The font rules, read from the shipped font packages the first time a build prints. */
export const printFonts = lazy((): PrintFonts => {
  const subsets: Subset[] = FAMILIES.flatMap((f) => {
    const ranges = f.ranges ?? (JSON.parse(fontFile(f.package, "unicode.json").toString("utf8")) as Record<string, string>);
    return f.subsets.map((name) => {
      const range = ranges[name];
      if (range === undefined) throw new Error(`${f.package} has no subset ${name}`);
      const css = f.weights
        .flatMap((weight) =>
          f.styles.map((style) => {
            const data = fontFile(f.package, `files/${f.prefix}-${name}-${weight}-${style}.woff2`).toString("base64");
            return `@font-face{font-family:"${f.family}";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range}}`;
          }),
        )
        .join("\n");
      return { css, has: rangeTest(range) };
    });
  });
  const first = subsets[0]!;
  const hash = createHash("sha256");
  for (const s of subsets) hash.update(s.css).update("\0");
  return {
    // Each inlined subset costs the browser time on every page it loads: only those the page uses.
    cssFor(html) {
      // The code points the first subset lacks (its latin has the text of most pages, and the control characters that Symbols 2 also lists).
      const codes = new Set<number>();
      for (const char of html) {
        const code = char.codePointAt(0)!;
        if (!first.has(code)) codes.add(code);
      }
      // Each code point loads the first subset that has it, in the order of the font stack.
      const used = new Set<Subset>([first]);
      for (const code of codes) {
        const subset = subsets.find((s) => s.has(code));
        if (subset) used.add(subset);
      }
      return subsets
        .filter((s) => used.has(s))
        .map((s) => s.css)
        .join("\n");
    },
    covers: (char) => subsets.some((s) => s.has(char.codePointAt(0)!)),
    missing(html) {
      const codes = new Set<number>();
      for (const char of html) codes.add(char.codePointAt(0)!);
      return [...codes]
        .filter((code) => !subsets.some((s) => s.has(code)))
        .sort((a, b) => a - b)
        .map((code) => String.fromCodePoint(code));
    },
    hash: hash.digest("hex"),
  };
});
