import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../src/model/load-repository.js";
import { renderSite, siteRenderer, type OutputFile } from "../src/render/site.js";
import { checkDocument } from "../src/rules/index.js";
import { incrementalRepository } from "../src/watch/incremental.js";
import { copyExamples, edit, KEPT, write } from "./helpers/repo.js";

const text = (file: OutputFile | undefined) => (file ? Buffer.from(file.content).toString("utf8") : "");
const byPath = (files: OutputFile[]) => new Map(files.map((f) => [f.path, f]));

/**
 * `plan build --watch` renders again only what a change can reach; this holds it to the output
 * of a fresh build after each kind of change a user makes.
 */
describe("rendering again after a change", () => {
  it("gives the same files as a fresh build, and renders only the pages a change reaches", () => {
    const root = copyExamples();
    const model = incrementalRepository(root, root, { checkDocument });
    const renderAgain = siteRenderer({ buildDate: "2026-11-23" });
    let previous = byPath(renderAgain(model.refresh()));

    /** Applies a change, renders both ways, compares, and returns the files before and after. */
    const change = (what: string, files: string[], apply: () => void) => {
      apply();
      for (const f of files) model.touch(join(root, f));
      const again = renderAgain(model.refresh());
      // Rendered anew; its templates compiled once for the worker (KEPT), which is not what is compared here.
      const fresh = renderSite(loadRepository(root, { cwd: root }), { buildDate: "2026-11-23", templateCache: KEPT.templateCache });
      expect(
        again.map((f) => f.path),
        what,
      ).toEqual(fresh.map((f) => f.path));
      again.forEach((f, i) => expect(text(f), `${what}: ${f.path}`).toBe(text(fresh[i])));
      const before = previous;
      previous = byPath(again);
      return { before, after: previous };
    };
    const reused = (before: Map<string, OutputFile>, after: Map<string, OutputFile>, path: string) => before.get(path)?.content === after.get(path)?.content;

    // An amount in Sjöbacka's plan: its page and roll-ups change; Lerum's pages are not rendered again.
    let round = change("an amount", ["sjobacka/plan-2020.md"], () =>
      edit(
        root,
        "sjobacka/plan-2020.md",
        "total: 65000\n    parties: { hsn-vast: 40000, sjobacka: 25000 }",
        "total: 66000\n    parties: { hsn-vast: 41000, sjobacka: 25000 }",
      ),
    );
    expect(text(round.after.get("sjobacka/plan-2020.html"))).toMatch(/41\s000/);
    expect(reused(round.before, round.after, "sjobacka/plan-2020.html")).toBe(false);
    expect(reused(round.before, round.after, "lerum/plan-2019.html")).toBe(true);
    expect(reused(round.before, round.after, "lerum/tjansteskrivelse-ks18-1375.html")).toBe(true);
    // The index shows no amounts: it is kept too.
    expect(reused(round.before, round.after, "index.html")).toBe(true);

    // The agreement's title shows on the pages of its plans, report and memo.
    round = change("an agreement's title", ["sjobacka/avtal-2019-2022.md"], () =>
      edit(root, "sjobacka/avtal-2019-2022.md", "title: Avtal om samverkan", "title: Nytt avtal om samverkan"),
    );
    expect(text(round.after.get("sjobacka/rapport-2019.html"))).toContain("Nytt avtal om samverkan");

    // Imported Kolada values reach the indicator's page and the report's goal fulfilment.
    change("imported values", ["data/kolada/N15428-9999.yaml"], () =>
      edit(root, "data/kolada/N15428-9999.yaml", "{ year: 2019, total: 85.2", "{ year: 2019, total: 91.2"),
    );

    // A party's name is on every page.
    round = change("a party's name", ["plan.config.yaml"], () => edit(root, "plan.config.yaml", "name: Lerums kommun", "name: Lerums kommun (ändrad)"));
    expect(reused(round.before, round.after, "sjobacka/plan-2019.html")).toBe(false);

    // A new document, and one removed.
    round = change("a new memo", ["sjobacka/ny-skrivelse.md"], () =>
      write(root, "sjobacka/ny-skrivelse.md", readFileSync(join(root, "sjobacka/tjansteskrivelse-2020.md"), "utf8")),
    );
    expect(text(round.after.get("sjobacka/plan-2020.html"))).toContain("ny-skrivelse.html");
    round = change("a removed report", ["sjobacka/rapport-2019.md"], () => rmSync(join(root, "sjobacka/rapport-2019.md")));
    expect(round.after.has("sjobacka/rapport-2019.html")).toBe(false);

    // A file a document links to, then removed: the link goes with it (and nothing tries to copy the file).
    write(root, "sjobacka/bilaga.txt", "Bilaga\n");
    round = change("a link to a file", ["sjobacka/plan-2020.md"], () =>
      edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel. Se [bilagan](bilaga.txt).\n"),
    );
    expect(text(round.after.get("sjobacka/plan-2020.html"))).toContain('href="bilaga.txt"');
    round = change("the linked file changed", ["sjobacka/bilaga.txt"], () => write(root, "sjobacka/bilaga.txt", "Bilaga, ny version\n"));
    expect(text(round.after.get("sjobacka/bilaga.txt"))).toBe("Bilaga, ny version\n");
    round = change("the linked file removed", ["sjobacka/bilaga.txt"], () => rmSync(join(root, "sjobacka/bilaga.txt")));
    expect(text(round.after.get("sjobacka/plan-2020.html"))).not.toContain('href="bilaga.txt"');

    // A page that links in its text to another municipality's plan, which then stops being a page of its own (invalid).
    round = change("a link to another document", ["sjobacka/plan-2020.md"], () =>
      edit(root, "sjobacka/plan-2020.md", "\nFiktivt exempel.", "\nFiktivt exempel. Jämför [Lerums plan](../lerum/plan-2019.md)."),
    );
    expect(text(round.after.get("sjobacka/plan-2020.html"))).toContain('href="../lerum/plan-2019.html"');
    round = change("the linked document made invalid", ["lerum/plan-2019.md"], () => edit(root, "lerum/plan-2019.md", /\nyear: 2019\n/, "\nyear: tjugo\n"));
    expect(text(round.after.get("sjobacka/plan-2020.html"))).not.toContain('href="../lerum/plan-2019.html"');
    change("the linked document valid again", ["lerum/plan-2019.md"], () => edit(root, "lerum/plan-2019.md", /\nyear: tjugo\n/, "\nyear: 2019\n"));

    // A party's default form, which its memos name nowhere: their pages follow it.
    round = change("a memo form's print", ["herrljunga/formular/tjansteskrivelse.md"], () =>
      edit(root, "herrljunga/formular/tjansteskrivelse.md", "heading: HERRLJUNGA KOMMUN", "heading: HERRLJUNGA KOMMUN (ÄNDRAD)"),
    );
    expect(text(round.after.get("herrljunga/tjansteskrivelse-bokslut-2016.html"))).toContain("HERRLJUNGA KOMMUN (ÄNDRAD)");

    // The repository's own template.
    mkdirSync(join(root, "templates"));
    round = change("a template of the repository's own", [], () =>
      write(root, "templates/style.css", readFileSync(join(import.meta.dirname, "../templates/style.css"), "utf8") + "\nh1 { color: #123456 }\n"),
    );
    expect(text(round.after.get("lerum/plan-2019.html"))).toContain("#123456");
  });
});
