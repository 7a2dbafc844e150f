import { createHash } from "node:crypto";
import fs, { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bodyParser, commonMarkParser } from "../src/source/load.js";
import { listFiles } from "./helpers/html.js";
import { copyExamples, edit, EPOCH, run, tempDir, write } from "./helpers/repo.js";
import { startWatch } from "./helpers/watch.js";

/**
 * `plan build --no-pdf` renders only the pages a change reaches and takes the others from the
 * previous output (see `renderChanged` and src/build/pages.ts). After every kind of change a user
 * makes, its output must be byte for byte that of a build that renders every page from a full
 * check (`--shard 1/1` takes that way), as watch mode's is held to a fresh build
 * (test/render-incremental.test.ts).
 */

afterEach(() => vi.restoreAllMocks());

/** Every file of a folder with its bytes. */
const contents = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
const inode = (out: string, file: string) => statSync(join(out, file)).ino;

describe("plan build --no-pdf after a change", () => {
  it("renders only the pages the change reaches, and gives the output of a build that renders them all", async () => {
    const root = copyExamples({ only: ["sjobacka", "herrljunga"] });
    const out = join(root, "dist");
    const first = await run(["build", ".", "--no-pdf"], root, EPOCH);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^plan: built \d+ pages and \d+ other files into dist\n$/);
    const pages = listFiles(out).filter((f) => f.endsWith(".html")).length;

    /** Builds after `apply`, counting the markdown bodies parsed; compares the output with a full build's; returns how many pages were rendered. */
    const change = async (what: string, apply: () => void): Promise<{ rendered: number; bodies: number }> => {
      apply();
      // A body with nothing of GitHub's extensions is parsed without them (see `bodyParserFor`): both parsers are counted.
      const parsers = [vi.spyOn(bodyParser, "parse"), vi.spyOn(commonMarkParser, "parse")];
      const built = await run(["build", ".", "--no-pdf"], root, EPOCH);
      const bodies = parsers.reduce((n, parse) => n + parse.mock.calls.length, 0);
      for (const parse of parsers) parse.mockRestore();
      expect(built.code, `${what}: ${built.stderr}`).toBe(0);
      const full = join(tempDir(), "full");
      const reference = await run(["build", ".", "--no-pdf", "--shard", "1/1", "--out", full], root, EPOCH);
      expect(reference.code, `${what}: ${reference.stderr}`).toBe(0);
      const made = contents(out);
      const expected = contents(full);
      expect([...made.keys()], what).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(made.get(file)?.equals(bytes), `${what}: ${file}`).toBe(true);
      const all = listFiles(out).filter((f) => f.endsWith(".html")).length;
      const counted = /^plan: built (\d+) pages and \d+ other files into dist(?: \((\d+) pages? rendered, (\d+) unchanged\))?\n$/.exec(built.stdout);
      expect(counted, `${what}: ${built.stdout}`).not.toBeNull();
      expect(Number(counted![1]), what).toBe(all);
      const rendered = counted![2] === undefined ? all : Number(counted![2]);
      if (counted![2] !== undefined) expect(rendered + Number(counted![3]), what).toBe(all);
      return { rendered, bodies };
    };

    // A figure of Sjöbacka's plan: the pages of its agreement's documents and its roll-ups; no page of Herrljunga's, which stay the same files.
    const memo = "herrljunga/tjansteskrivelse-anhorigstod.html";
    let before = inode(out, memo);
    const figure = await change("a plan's figure", () => {
      // 1 000 kr of the region's moved from one line to another: the plan's totals stay.
      edit(root, "sjobacka/plan-2020.md", "total: 65000\n    parties: { hsn-vast: 40000,", "total: 66000\n    parties: { hsn-vast: 41000,");
      edit(root, "sjobacka/plan-2020.md", "total: 10000\n    parties: { hsn-vast: 10000 }", "total: 9000\n    parties: { hsn-vast: 9000 }");
    });
    expect(figure.rendered).toBeGreaterThan(0);
    expect(figure.rendered).toBeLessThan(pages / 2);
    // Only the bodies of the documents whose pages were rendered are read.
    expect(figure.bodies).toBeGreaterThan(0);
    expect(figure.bodies).toBeLessThanOrEqual(figure.rendered);
    expect(inode(out, memo)).toBe(before);
    expect(readFileSync(join(out, "sjobacka/plan-2020.html"), "utf8")).toMatch(/41\s000/);

    // Nothing changed since: nothing is written.
    expect((await run(["build", ".", "--no-pdf"], root, EPOCH)).stdout).toContain("nothing changed since the last build");

    // What every page shows: the organisation's phone number in the configuration.
    expect((await change("a value of the configuration", () => edit(root, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99"))).rendered).toBe(
      pages,
    );

    // The form of Herrljunga's memos, which they name nowhere (the party's default).
    before = inode(out, memo);
    await change("a memo's form", () =>
      edit(root, "herrljunga/formular/tjansteskrivelse.md", "heading: HERRLJUNGA KOMMUN", "heading: HERRLJUNGA KOMMUN (ÄNDRAD)"),
    );
    expect(inode(out, memo)).not.toBe(before);
    expect(readFileSync(join(out, memo), "utf8")).toContain("HERRLJUNGA KOMMUN (ÄNDRAD)");

    // Herrljunga's report links in its text to a markdown file of Sjöbacka's that is no document: no link.
    const report = "herrljunga/verksamhetsberattelse-2016.html";
    await change("a link to a file that is no document", () => {
      write(root, "sjobacka/ny-skrivelse.md", "# Anteckningar\n\nText.\n");
      edit(
        root,
        "herrljunga/verksamhetsberattelse-2016.md",
        "\n## Verksamhetsbeskrivning\n",
        "\nSe [skrivelsen](../sjobacka/ny-skrivelse.md).\n\n## Verksamhetsbeskrivning\n",
      );
    });
    expect(readFileSync(join(out, report), "utf8")).not.toContain("ny-skrivelse");
    // The file becomes a document, a memo of Sjöbacka's: the link on Herrljunga's page, of another group, leads to its page.
    before = inode(out, memo);
    const newMemo = await change("a new memo", () =>
      write(root, "sjobacka/ny-skrivelse.md", readFileSync(join(root, "sjobacka/tjansteskrivelse-2020.md"), "utf8")),
    );
    expect(newMemo.rendered).toBeLessThan(pages);
    expect(readFileSync(join(out, report), "utf8")).toContain('href="../sjobacka/ny-skrivelse.html"');
    expect(inode(out, memo)).toBe(before);
    // Renamed: another id, another page; the link leads nowhere.
    await change("a renamed id", () => renameSync(join(root, "sjobacka/ny-skrivelse.md"), join(root, "sjobacka/skrivelse-omdopt.md")));
    expect(listFiles(out)).toContain("sjobacka/skrivelse-omdopt.html");
    expect(listFiles(out)).not.toContain("sjobacka/ny-skrivelse.html");
    expect(readFileSync(join(out, report), "utf8")).not.toContain("ny-skrivelse");
    expect(inode(out, memo)).toBe(before);
    // An id of its own, then the file renamed: the same id and facts, another page, which the index links.
    await change("an id of its own", () => edit(root, "sjobacka/skrivelse-omdopt.md", /^---\n/, "---\nid: sjobacka/egen-skrivelse\n"));
    await change("renamed under its own id", () => renameSync(join(root, "sjobacka/skrivelse-omdopt.md"), join(root, "sjobacka/skrivelse-flyttad.md")));
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("skrivelse-flyttad.html");
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("skrivelse-omdopt.html");
    await change("a removed report", () => rmSync(join(root, "sjobacka/rapport-2019.md")));
    expect(listFiles(out)).not.toContain("sjobacka/rapport-2019.html");

    // An image a page shows, then changed: copied again, and its page (which a PDF is printed from) rendered again.
    mkdirSync(join(root, "sjobacka/bilder"));
    write(root, "sjobacka/bilder/karta.png", "png 1");
    await change("an image shown", () =>
      edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel.\n\n![Karta över Sjöbacka](bilder/karta.png)\n"),
    );
    before = inode(out, "sjobacka/plan-2020.html");
    // Builds ten seconds after each change from here on: the image has settled when it is copied (one changed within the last 3 s
    // is copied, and its page rendered, again by each build until a build has seen it settled).
    vi.spyOn(Date, "now").mockImplementation(() => Date.prototype.getTime.call(new Date()) + 10_000);
    const image = await change("the image changed", () => write(root, "sjobacka/bilder/karta.png", "png 2, longer"));
    expect(readFileSync(join(out, "sjobacka/bilder/karta.png"), "utf8")).toBe("png 2, longer");
    expect(inode(out, "sjobacka/plan-2020.html")).not.toBe(before);
    expect(image.rendered).toBeLessThan(pages);

    // The output changed by hand: the page changed, and the one removed, are made again; nothing else.
    const byHand = await change("pages of the output changed and removed by hand", () => {
      writeFileSync(join(out, "index.html"), "changed");
      rmSync(join(out, "herrljunga/verksamhetsberattelse-2016.html"));
    });
    expect(byHand.rendered).toBe(2);
  }, 120_000);
});

describe("plan build --no-pdf keeps the PDFs beside the pages it keeps", () => {
  it("names the PDFs that no longer match their kept pages, as a build that renders every page does", async () => {
    const root = copyExamples({ only: ["sjobacka", "herrljunga"] });
    const out = join(root, "dist");
    expect((await run(["build", ".", "--no-pdf"], root, EPOCH)).code).toBe(0);
    // PDFs as a build with a browser leaves them: one made from its page as it is now, one from another version of it.
    const { pdfInputs } = deserialize(readFileSync(join(root, ".plan-cache/pages.bin"))) as { pdfInputs: Map<string, string> };
    const fresh = "herrljunga/tjansteskrivelse-anhorigstod";
    const stale = "herrljunga/verksamhetsberattelse-2016";
    const pdfs = { [`${fresh}.pdf`]: pdfInputs.get(`${fresh}.html`), [`${stale}.pdf`]: "an earlier page" };
    expect(pdfs[`${fresh}.pdf`]).toMatch(/^[0-9a-f]{64}$/);
    const entries = Object.fromEntries(
      Object.entries(pdfs).map(([pdf, input]) => {
        writeFileSync(join(out, pdf), `%PDF ${pdf}`);
        return [pdf, { input, browser: "HeadlessChrome/1", output: createHash("sha256").update(`%PDF ${pdf}`).digest("hex") }];
      }),
    );
    writeFileSync(join(out, ".plan-cache.json"), JSON.stringify({ format: 2, generator: "plan", pdfs: entries }));
    const warning = `plan: warning: 1 PDF in the output folder no longer matches its document: ${stale}.pdf\n`;

    // Every page kept (only the output changed), then Herrljunga's kept beside Sjöbacka's rendered.
    const kept = await run(["build", ".", "--no-pdf"], root, EPOCH);
    expect(kept.stdout).toMatch(/ \(0 pages rendered, \d+ unchanged\)\n$/);
    expect(kept.stderr).toContain(warning);
    edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel, ändrat.\n");
    const some = await run(["build", ".", "--no-pdf"], root, EPOCH);
    expect(some.stdout).toMatch(/ \([1-9]\d* pages? rendered, \d+ unchanged\)\n$/);
    expect(some.stderr).toContain(warning);
    expect(readFileSync(join(out, `${fresh}.pdf`), "utf8")).toBe(`%PDF ${fresh}.pdf`);
    // A build that renders every page says the same.
    const all = await run(["build", ".", "--no-pdf", "--shard", "1/1"], root, EPOCH);
    expect(all.stderr).toContain(warning);
  }, 60_000);
});

describe("watch mode copies an attachment again whenever its bytes may have changed", () => {
  it("an attachment rewritten in place to the same size and given its old time back (cp -p, an unpacked archive) is copied anew", async () => {
    const root = copyExamples({ only: ["sjobacka"] });
    const file = join(root, "sjobacka/bilagor/data.txt");
    mkdirSync(join(root, "sjobacka/bilagor"));
    writeFileSync(file, "Version A av bilagan.\n");
    // A time of whole seconds, as an archive or a copy from another file system gives.
    const then = new Date("2024-03-01T12:00:00Z");
    utimesSync(file, then, then);
    edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel.\n\nSe [bilagan](bilagor/data.txt).\n");
    const out = join(tempDir(), "ut");
    const watcher = startWatch(root, ["build", ".", "--watch", "--no-pdf", "--out", out], EPOCH);
    try {
      await watcher.next(/Watching \. for changes/);
      expect(readFileSync(join(out, "sjobacka/bilagor/data.txt"), "utf8")).toBe("Version A av bilagan.\n");
      writeFileSync(file, "Version B av bilagan.\n");
      utimesSync(file, then, then);
      await watcher.next(/Watching \. for changes/);
      expect(readFileSync(join(out, "sjobacka/bilagor/data.txt"), "utf8")).toBe("Version B av bilagan.\n");
    } finally {
      await watcher.stop();
    }
  });
});

describe("plan build copies an attachment again whenever its bytes may have changed", () => {
  /** Sjöbacka's plan linking an attachment holding `text`, whose times are `then`, built once. */
  async function builtWithAttachment(text: string, then: Date) {
    const root = copyExamples({ only: ["sjobacka"] });
    mkdirSync(join(root, "sjobacka/bilagor"));
    const file = join(root, "sjobacka/bilagor/data.txt");
    writeFileSync(file, text);
    utimesSync(file, then, then);
    edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel.\n\nSe [bilagan](bilagor/data.txt).\n");
    const first = await run(["build", ".", "--no-pdf"], root, EPOCH);
    expect(first.code, first.stderr).toBe(0);
    const copy = join(root, "dist/sjobacka/bilagor/data.txt");
    expect(readFileSync(copy, "utf8")).toBe(text);
    return { root, file, copy };
  }

  it("an attachment rewritten in place to the same size and given its old time back (cp -p, an unpacked archive) is copied anew", async () => {
    // A time of whole seconds, as an archive or a copy from another file system gives.
    const then = new Date("2024-03-01T12:00:00Z");
    const { root, file, copy } = await builtWithAttachment("Version A av bilagan.\n", then);
    writeFileSync(file, "Version B av bilagan.\n");
    utimesSync(file, then, then);
    const next = await run(["build", ".", "--no-pdf"], root, EPOCH);
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(copy, "utf8")).toBe("Version B av bilagan.\n");
  });

  it("an attachment changed in the same tick of a coarse clock as it was copied (a FAT disk: 2 s; HFS+: 1 s) is copied anew: an unsettled state tells nothing", async () => {
    const { root, file, copy } = await builtWithAttachment("Version A av bilagan.\n", new Date());
    // The disk's coarse clock, as FAT or HFS+ keeps it (Linux's own file systems have told each change apart since 6.13):
    // the file's state after its change is the one it had when the build copied it, size, times and inode, and the
    // build runs a second after that time. Simulated: the times, not the bytes.
    const copied = statSync(file);
    writeFileSync(file, "Version B av bilagan.\n");
    const now = copied.ctimeMs + 1000;
    const realStat = fs.statSync;
    const stat = vi
      .spyOn(fs, "statSync")
      .mockImplementation(((path: fs.PathLike, options?: fs.StatSyncOptions) => (path === file ? copied : realStat(path, options))) as typeof fs.statSync);
    syncBuiltinESMExports();
    vi.spyOn(Date, "now").mockReturnValue(now);
    try {
      expect(statSync(file)).toBe(copied);
      const next = await run(["build", ".", "--no-pdf"], root, EPOCH);
      expect(next.code, next.stderr).toBe(0);
    } finally {
      stat.mockRestore();
      syncBuiltinESMExports();
    }
    expect(readFileSync(copy, "utf8")).toBe("Version B av bilagan.\n");
  });
});
