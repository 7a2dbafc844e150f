import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/browser/index.js";
import { checkJson, ofRule, said } from "./helpers/findings.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { copyExamples, edit, lineOf, run, tempDir } from "./helpers/repo.js";

/** What these tests use of the examples: Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["sjobacka"] };

warnIfSkipped("The security test in a browser", "browser");

const PLAN = "sjobacka/plan-2020.md";

/** Content that would run code, fetch from the network or inject template syntax if anything let it through. */
const HOSTILE_BODY = `
<script>document.title = "pwned"; document.body.dataset.pwned = "script";</script>

<img src="x" onerror="document.body.dataset.pwned = 'onerror'">

<iframe src="https://example.invalid/frame"></iframe>

<style>body { background: url("https://example.invalid/bg.png"); }</style>

<p style="background-image: url(https://example.invalid/p.png)" onclick="document.body.dataset.pwned='click'">Stycke</p>

<a href="javascript:alert(1)">länk</a>

{{constructor.constructor("return process")()}} och {{{title}}}

<svg><script>document.body.dataset.pwned = "svg"</script></svg>

<form action="https://example.invalid/"><input name="x"></form>
`;

/** The examples with hostile content, built once (HTML only: no test here reads a PDF) for every test that reads the output. */
async function hostileBuild(site: string) {
  const out = join(site, "out");
  const made = copyExamples(PART);
  edit(made, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel.\n${HOSTILE_BODY}`);
  edit(made, PLAN, /^title: (.*)$/m, 'title: "$1 {{title}} <script>x</script>"');
  const result = await run(["build", made, "--out", out, "--no-pdf"], made);
  return { out, result, html: readFileSync(join(out, PLAN.replace(/\.md$/, ".html")), "utf8") };
}

describe("hostile content is shown as text or removed, never run or fetched", () => {
  // Its own folder: the helpers' temporary folders go after each test, this one must last for all of them.
  let site: string;
  let built: Awaited<ReturnType<typeof hostileBuild>>;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), "plan-hostile-"));
    built = await hostileBuild(site);
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it("leaves no script, handler, javascript: link, iframe, form or remote URL in the built HTML", () => {
    const { result, html } = built;
    expect(result.code, result.stderr).toBe(0);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe|<form|<style[^>]*>[^<]*url\(/i);
    expect(html).not.toContain("example.invalid");
    // Template syntax in a document is text, not a template.
    expect(html).toContain(`{{constructor.constructor("return process")()}} och {{{title}}}`);
    expect(html).toContain("{{title}}");
    // Pages forbid scripts and requests even if something slipped through.
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'none'/);
  });

  it.skipIf(!browserPath)("in a real browser with JavaScript on, nothing runs and nothing is requested from the network", async () => {
    const { out } = built;
    const browser = await launchBrowser(browserPath!);
    try {
      const page = await browser.newPage();
      const remote: string[] = [];
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (!request.url().startsWith("file:") && !request.url().startsWith("data:")) remote.push(request.url());
        void (request.url().startsWith("file:") ? request.continue() : request.abort());
      });
      await page.goto(pathToFileURL(join(out, PLAN.replace(/\.md$/, ".html"))).href, { waitUntil: "load" });
      await page.click("p").catch(() => undefined);
      const state = await page.evaluate(() => ({ title: document.title, pwned: document.body.dataset["pwned"] ?? null }));
      expect(state.pwned).toBeNull();
      expect(state.title).not.toBe("pwned");
      expect(remote).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("paths that lead out of the repository are refused with the file and the place", () => {
  it.each([
    ["![bild](../../../../etc/passwd)", "it leads out of the repository"],
    ["![bild](/etc/passwd)", "it is an absolute path"],
    ["![bild](file:///etc/passwd)", "the scheme `file:` is not allowed"],
    ["[länk](javascript:alert(1))", "the scheme `javascript:` is not allowed"],
  ])("%s", async (markdown, reason) => {
    const repo = copyExamples(PART);
    edit(repo, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel.\n\n${markdown}\n`);
    const { code, findings } = await checkJson(repo);
    expect(code).toBe(1);
    expect(ofRule(findings, "path/outside")).toContainEqual(
      expect.objectContaining({ file: PLAN, line: lineOf(repo, PLAN, markdown), column: 1, severity: "error" }),
    );
    expect(said(findings)).toContain(reason);
  });

  it("a symbolic link inside the repository that leads out of it is refused", async () => {
    const repo = copyExamples(PART);
    const outside = tempDir();
    writeFileSync(join(outside, "hemlig.png"), "not an image");
    mkdirSync(join(repo, "sjobacka/bilder"));
    symlinkSync(join(outside, "hemlig.png"), join(repo, "sjobacka/bilder/bild.png"));
    edit(repo, PLAN, "\nFiktivt exempel.\n", "\nFiktivt exempel.\n\n![bild](bilder/bild.png)\n");
    const { code, findings } = await checkJson(repo);
    expect(code).toBe(1);
    expect(said(findings)).toContain("is refused: it is a symbolic link that leads out of the repository");
  });

  it("a document reference that climbs out of the repository is refused, naming the field", async () => {
    const repo = copyExamples(PART);
    edit(repo, "sjobacka/rapport-2019.md", "plan: sjobacka/plan-2019", "plan: ../../etc/plan");
    const { findings } = await checkJson(repo);
    expect(ofRule(findings, "ref/document")).toContainEqual(
      expect.objectContaining({
        file: "sjobacka/rapport-2019.md",
        column: 7,
        severity: "error",
        message: expect.stringMatching(/^The reference `\.\.\/\.\.\/etc\/plan` points outside the repository/),
      }),
    );
  });
});
