import { cpSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLoaded } from "../src/check/check.js";
import { formatJson } from "../src/diagnostics/format-machine.js";
import { loadRepository } from "../src/model/load-repository.js";
import { betweenDocumentsChecker, checkDocument } from "../src/rules/index.js";
import { incrementalRepository } from "../src/watch/incremental.js";
import { copyExamples, edit, tempDir, write } from "./helpers/repo.js";

/**
 * Watch mode runs the rules between documents again only for the documents a change can reach;
 * this holds its messages to those of a fresh `plan check` after each kind of change a user makes.
 */
/** A copy of the examples checked incrementally; `change` applies a change, checks both ways, compares, and returns the fresh check's messages. */
function checkedAgain() {
  const root = copyExamples();
  const model = incrementalRepository(root, root, { keepBody: false, checkDocument });
  const between = betweenDocumentsChecker();
  let checked = checkLoaded(model.refresh(), between);
  const change = (what: string, files: string[], apply: () => void) => {
    apply();
    for (const f of files) model.touch(join(root, f));
    checked = checkLoaded(model.refresh(), between);
    const fresh = checkLoaded(loadRepository(root, { cwd: root, keepBody: false, checkDocument }));
    const json = formatJson(fresh.problems, fresh.repo.documents.size, "en");
    expect(formatJson(checked.problems, checked.repo.documents.size, "en"), what).toBe(json);
    return json;
  };
  return { root, change, source: (relPath: string) => checked.repo.sources.find((s) => s.relPath === relPath)! };
}

describe("checking again after a change", () => {
  it("gives the messages of a fresh check, and keeps the findings of documents the change does not reach", () => {
    const { root, change, source } = checkedAgain();
    const lerumPlan = () => source("lerum/plan-2019.md");

    // Lerum's plan outside its agreement's period: a finding between documents.
    let json = change("a year outside the agreement", ["lerum/plan-2019.md"], () => edit(root, "lerum/plan-2019.md", /\nyear: 2019\n/, "\nyear: 2021\n"));
    expect(json).toContain('"ruleId": "date/plan-in-period"');

    // Sjöbacka's plan breaks the split: its findings change, Lerum's (a group of its own) are kept as they were.
    const lerumFindings = [...lerumPlan().file.messages];
    expect(lerumFindings.some((m) => m.ruleId === "date/plan-in-period")).toBe(true);
    json = change("a split broken", ["sjobacka/plan-2020.md"], () =>
      edit(
        root,
        "sjobacka/plan-2020.md",
        "total: 65000\n    parties: { hsn-vast: 40000, sjobacka: 25000 }",
        "total: 66000\n    parties: { hsn-vast: 41000, sjobacka: 25000 }",
      ),
    );
    expect(json).toContain('"ruleId": "money/split"');
    const kept = lerumPlan().file.messages;
    expect(kept).toHaveLength(lerumFindings.length);
    kept.forEach((m, i) => expect(m, "a finding of Lerum's plan checked again").toBe(lerumFindings[i]));

    // A reference to an agreement that does not exist, then a document that takes its id.
    json = change("a missing agreement", ["sjobacka/plan-2020.md"], () =>
      edit(root, "sjobacka/plan-2020.md", "agreement: sjobacka/avtal-2019-2022", "agreement: sjobacka/avtal-2021"),
    );
    expect(json).toContain("No agreement has the id `sjobacka/avtal-2021`");
    json = change("the agreement written", ["sjobacka/avtal-2021.md"], () =>
      write(root, "sjobacka/avtal-2021.md", readFileSync(join(root, "sjobacka/avtal-2019-2022.md"), "utf8").replace(/\nid: [^\n]*/, "")),
    );
    expect(json).not.toContain("No agreement has the id");

    // Imported values out of range: reported in the data file, through the indicator that uses it.
    json = change("an imported value out of range", ["data/kolada/N15428-9999.yaml"], () =>
      edit(root, "data/kolada/N15428-9999.yaml", "{ year: 2019, total: 85.2", "{ year: 2019, total: 185.2"),
    );
    expect(json).toContain('"ruleId": "indicator/value-range"');

    // The configuration: every document may be checked anew.
    json = change("a memo section required", ["plan.config.yaml"], () =>
      edit(
        root,
        "plan.config.yaml",
        "organisation: lerum\n",
        "organisation: lerum\nmemo:\n  requiredSections: [Sammanfattning, Bakgrund, Ekonomi, Jämställdhet, Miljö]\n",
      ),
    );
    expect(json).toContain('lacks the heading \\"Miljö');

    // An image written before it exists, then the image saved (a file that is not a document).
    json = change("a missing image", ["sjobacka/plan-2019.md"], () => edit(root, "sjobacka/plan-2019.md", /\n## /, "\n![Karta](karta.png)\n\n## "));
    expect(json).toContain("The image `karta.png` does not exist");
    json = change("the image saved", ["sjobacka/karta.png"], () => write(root, "sjobacka/karta.png", "png"));
    expect(json).not.toContain("karta.png");

    // A plan made invalid: the report on it says nothing of a missing plan; then the report removed.
    json = change("an invalid plan", ["sjobacka/plan-2019.md"], () => edit(root, "sjobacka/plan-2019.md", /\nyear: 2019\n/, "\nyear: tjugo\n"));
    expect(json).toContain('"ruleId": "schema/type"');
    change("a removed report", ["sjobacka/rapport-2019.md"], () => rmSync(join(root, "sjobacka/rapport-2019.md")));
  });

  it("checks a group's files together, whatever in it changed", () => {
    const { root, change } = checkedAgain();
    const data = "data/kolada/N15428-9999.yaml";
    const indicator = "sjobacka/indikatorer/behoriga-yrkesprogram.md";
    let json = change("an imported value out of range", [data], () => edit(root, data, "{ year: 2019, total: 85.2", "{ year: 2019, total: 185.2"));
    expect(json).toContain('"ruleId": "indicator/value-range"');

    // The data file under another name, the same text: its finding moves with it.
    json = change("the data file renamed", [data, "data/kolada/N15428-9999-b.yaml"], () =>
      renameSync(join(root, data), join(root, "data/kolada/N15428-9999-b.yaml")),
    );
    expect(json).toContain('"file": "data/kolada/N15428-9999-b.yaml"');

    // An image the indicator shows, then saved: the indicator is checked again, and its data file's finding is not doubled.
    change("an image in the indicator's text", [indicator], () => edit(root, indicator, /\n---\n/, "\n---\n\n![Diagram](diagram.png)\n"));
    json = change("the image saved", ["sjobacka/indikatorer/diagram.png"], () => write(root, "sjobacka/indikatorer/diagram.png", "png"));
    expect(json.split('"ruleId": "indicator/value-range"')).toHaveLength(2);

    // A document that changes kind changes the list of existing agreements a missing reference offers.
    change("a missing agreement", ["sjobacka/plan-2020.md"], () =>
      edit(root, "sjobacka/plan-2020.md", "agreement: sjobacka/avtal-2019-2022", "agreement: zzz"),
    );
    json = change("an agreement made an indicator", ["lerum/avtal-2017-2020.md"], () =>
      write(root, "lerum/avtal-2017-2020.md", "---\nkind: indicator\ntitle: Ett mått\nunit: percent\ndirection: higher-is-better\n---\n"),
    );
    expect(json).toContain("No agreement has the id `zzz`");
    expect(json).not.toContain("Existing: `lerum/avtal-2017-2020`");
  });

  it("reads again the files of a folder replaced in one go, as a checkout does", () => {
    const { root, change } = checkedAgain();
    const other = join(tempDir(), "sjobacka");
    cpSync(join(root, "sjobacka"), other, { recursive: true });
    edit(other, "plan-2020.md", "total: 65000", "total: 66000");
    const json = change("the folder replaced", ["sjobacka"], () => {
      rmSync(join(root, "sjobacka"), { recursive: true });
      renameSync(other, join(root, "sjobacka"));
    });
    expect(json).toContain('"ruleId": "money/line-total"');
  });
});
