import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFrontmatter } from "../src/source/frontmatter.js";
import { bodyParser, bodyParserFor, commonMarkParser, GFM_SYNTAX } from "../src/source/load.js";
import { random } from "./fuzz/mutate.js";
import { EXAMPLES } from "./helpers/repo.js";

/**
 * A body without anything GitHub's extensions read is parsed without them (`bodyParserFor`), which
 * halves the time of a cold check's parsing: held here to give the very tree `bodyParser` gives.
 */

/** The bodies of every markdown document of the examples and the test fixtures. */
function bodies(): { path: string; body: string }[] {
  const out: { path: string; body: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) {
        const text = readFileSync(path, "utf8");
        const span = findFrontmatter(text);
        out.push({ path, body: span ? text.slice(span.bodyStart) : text });
      }
    }
  };
  walk(EXAMPLES);
  walk(join(import.meta.dirname, "fixtures"));
  return out;
}

const both = (text: string) => [bodyParser.parse(text), commonMarkParser.parse(text)] as const;

describe("the parser of a body", () => {
  it("gives the tree of GitHub's markdown, without its extensions where the text has nothing they read", () => {
    const all = bodies();
    const plain = all.filter((b) => !GFM_SYNTAX.test(b.body));
    // Most bodies of the examples have no table, bare URL or struck text: the fast way is the common one.
    expect(plain.length).toBeGreaterThan(all.length / 2);
    for (const { path, body } of plain) {
      expect(bodyParserFor(body), path).toBe(commonMarkParser);
      const [gfm, commonMark] = both(body);
      expect(commonMark, path).toEqual(gfm);
    }
  });

  it("parses with GitHub's extensions every text that uses one of them", () => {
    const uses = [
      "| Post | Belopp |\n|---|--:|\n| Lön | 1 000 |\n",
      "Post | Belopp\n--- | ---\nLön | 1 000\n",
      "Det ~~gamla~~ nya målet.\n",
      "Det ~gamla~ nya målet.\n",
      "Se not[^1].\n\n[^1]: Seed 000, rad 12.\n",
      "[^källa]: Lerums kommun\n",
      "- [ ] Skicka till KS\n- [x] Diarieför\n",
      "- [X] Klar\n",
      "- [\t] Med tabb\n",
      "Läs mer på www.lerum.se om planen.\n",
      "Läs mer på WWW.LERUM.SE om planen.\n",
      "Se https://www.vgregion.se/halsa-och-vard/.\n",
      "Se HTTP://example.se/a.\n",
      "Frågor till folkhalsa@lerum.se.\n",
    ];
    for (const text of uses) {
      expect(bodyParserFor(text), text).toBe(bodyParser);
      const [gfm, commonMark] = both(text);
      // Each is a use the extensions read: without them the tree would differ.
      expect(commonMark, text).not.toEqual(gfm);
    }
  });

  it("gives the same tree for markdown that looks like the extensions' but is not", () => {
    const texts = [
      "Rubrik\n-\n\nText\n===\n",
      "- [y] inte en ruta\n- [] inte heller\n- [xx] två\n",
      "Kl. 09:00 beslutade nämnden: S:a 1 000 kr.\n",
      "Dnr:KS18/1375 och :figure{table=drift row=netto col=utfall}\n",
      'Se [planen](plan-2019.md) och ![logga](bilder/logga.png "Lerum").\n',
      "[ref]: plan-2019.md\n\nSe [ref].\n",
      "<span>html</span> och `kod ~ | @` är inte text\n",
      "    indraget | kodblock\n",
    ].filter((t) => !GFM_SYNTAX.test(t));
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) {
      const [gfm, commonMark] = both(text);
      expect(commonMark, text).toEqual(gfm);
    }
  });

  it("gives the same tree for bodies changed at random, whenever the text has nothing the extensions read", () => {
    const sources = bodies().filter((b) => !GFM_SYNTAX.test(b.body) && b.body.length > 200);
    // Markdown's own signs, and the letters and signs around the extensions' (`w`, `h`, `:`, `.`, `[`, `x`), never the extensions' own.
    const signs = [
      "*",
      "_",
      "[",
      "]",
      "(",
      ")",
      "!",
      "<",
      ">",
      "#",
      "-",
      "=",
      ":",
      ".",
      "`",
      "\\",
      "&",
      "x",
      "X",
      "w",
      "h",
      " ",
      "\t",
      "\n",
      "\n\n",
      "1.",
      "+",
    ];
    const r = random(20);
    let compared = 0;
    for (let n = 0; n < 150; n++) {
      const { body } = r.pick(sources);
      const chars = [...body.slice(0, 1500)];
      for (let k = 1 + r.int(12); k > 0; k--) chars.splice(r.int(chars.length), r.int(3), r.pick(signs));
      const text = chars.join("");
      if (GFM_SYNTAX.test(text)) continue;
      const [gfm, commonMark] = both(text);
      expect(commonMark, text).toEqual(gfm);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
