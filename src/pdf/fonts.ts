import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The open font every PDF is set in, shipped with plan as the npm package @fontsource/noto-sans (SIL Open Font License). */
export const PRINT_FONT = "Noto Sans";
const PACKAGE = "@fontsource/noto-sans";
const WEIGHTS = [400, 700] as const;
const STYLES = ["normal", "italic"] as const;

/**
 * Latin covers Swedish, the minus sign and the narrow no-break space; latin-ext the letters of
 * the other Nordic and the Sami languages (ŋ, š, đ, …), added only to pages that use one: each
 * inlined subset costs the browser time on every page it loads.
 */
const EXTENDED =
  /[\u0100-\u02BA\u02BD-\u02C5\u02C7-\u02CC\u02CE-\u02D7\u02DD-\u02FF\u1D00-\u1DBF\u1E00-\u1E9F\u1EF2-\u1EFF\u2020\u20A0-\u20AB\u20AD-\u20C0\u2113\u2C60-\u2C7F\uA720-\uA7FF]/;

export interface PrintFonts {
  /** `@font-face` rules for a page, with the font files inlined as `data:` URLs: the PDF needs no file outside the page. */
  cssFor(html: string): string;
  /** Hash of all the rules, part of every PDF's cache key. */
  hash: string;
}

let loaded: PrintFonts | undefined;

/** The font rules, read once per process. */
export function printFonts(): PrintFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${PACKAGE}/package.json`));
  const ranges = JSON.parse(readFileSync(join(root, "unicode.json"), "utf8")) as Record<string, string>;
  const subset = (name: string) =>
    WEIGHTS.flatMap((weight) =>
      STYLES.map((style) => {
        const data = readFileSync(join(root, "files", `noto-sans-${name}-${weight}-${style}.woff2`)).toString("base64");
        return `@font-face{font-family:"${PRINT_FONT}";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${ranges[name]}}`;
      }),
    ).join("\n");
  const latin = subset("latin");
  const extended = subset("latin-ext");
  loaded = {
    cssFor: (html) => (EXTENDED.test(html) ? `${latin}\n${extended}` : latin),
    hash: createHash("sha256").update(latin).update(extended).digest("hex"),
  };
  return loaded;
}
