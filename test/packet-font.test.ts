import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { fontFile } from "../src/pdf/fonts.js";
import { woffToSfnt } from "../src/pdf/packet.js";

/**
 * The meeting packet's page numbers and cover pages are set in Noto Sans, embedded from the font
 * inside the package's WOFF file (src/pdf/packet.ts woffToSfnt, inflated once with node's zlib)
 * rather than from the WOFF, which fontkit inflates itself on every packet: the font fontkit
 * reads, and the subset embedded in the packet, must be the same.
 */
describe("the packet's font, taken out of its WOFF file", () => {
  for (const weight of [400, 700]) {
    it(`Noto Sans ${weight}: the same font and the same embedded subset as from the WOFF`, async () => {
      const woff = fontFile("@fontsource/noto-sans", `files/noto-sans-latin-${weight}-normal.woff`);
      const sfnt = woffToSfnt(woff);
      expect(sfnt.toString("latin1", 0, 4)).not.toBe("wOFF");
      const [fromWoff, fromSfnt] = [fontkit.create(woff), fontkit.create(sfnt)];
      expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
      expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
      expect(fromSfnt.numGlyphs).toBeGreaterThan(100);
      // A subset as pdf-lib embeds one (CustomFontSubsetEmbedder): the glyphs of the page numbers and of a cover's title.
      const subset = (font: typeof fromWoff) =>
        new Promise<Buffer>((resolve) => {
          const s = font.createSubset();
          for (const glyph of font.layout("Sida 12 av 40 Överenskommelse om samverkan – Dnr KS18/1375").glyphs) s.includeGlyph(glyph);
          const parts: Uint8Array[] = [];
          s.encodeStream()
            .on("data", (bytes: Uint8Array) => parts.push(bytes))
            .on("end", () => resolve(Buffer.concat(parts)));
        });
      const [a, b] = [await subset(fromWoff), await subset(fromSfnt)];
      expect(b.length).toBeGreaterThan(1000);
      expect(b.equals(a)).toBe(true);
    });
  }
  it("refuses a file that is no WOFF 1.0", () => {
    expect(() => woffToSfnt(fontFile("@fontsource/noto-sans", "files/noto-sans-latin-400-normal.woff2"))).toThrow(/not a WOFF 1.0 file/);
  });
});
