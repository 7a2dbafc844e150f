import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, type Node as YamlNode } from "yaml";
import { findFrontmatter, untabIndentation } from "../src/source/frontmatter.js";
import { fieldStarts, placesIn } from "../src/source/field-places.js";
import { readYaml, type PlaceJob } from "../src/source/load.js";
import { EXAMPLES, tempDir } from "./helpers/repo.js";

/**
 * A cold check's worker threads find the places of the messages the rules between documents make
 * in the files they parsed, reading each file anew. A value's place is found by parsing only the
 * lines of the field its path begins with (`fieldStarts`), where the whole frontmatter was parsed
 * before: the place must be the one the whole YAML tree gives, for every value, key and missing
 * field, in every form of YAML a frontmatter may take; a form where a field's lines would not read
 * alone as they do in the whole gets no field starts, and the whole is parsed.
 */

/** Documents of the examples of every kind, one of each (the first in the folder's order), and Lerum's plan with its budget. */
function documents(): string[] {
  const byKind = new Map<string, string>();
  for (const path of readdirSync(EXAMPLES, { recursive: true, encoding: "utf8" }).sort()) {
    if (!path.endsWith(".md")) continue;
    const text = readFileSync(join(EXAMPLES, path), "utf8");
    const kind = /^kind: (\S+)$/m.exec(text)?.[1];
    if (text.startsWith("---\n") && kind && !byKind.has(kind)) byKind.set(kind, text);
  }
  return [readFileSync(join(EXAMPLES, "lerum/plan-2019.md"), "utf8"), ...byKind.values()];
}

/** The frontmatter of `text` rewritten by `change`, the body kept. */
function rewrite(text: string, change: (yaml: string) => string): string {
  const end = text.indexOf("\n---", 4) + 1;
  return `---\n${change(text.slice(4, end))}${text.slice(end)}`;
}

/** Forms of YAML beside the examples' own: comments and blank lines between fields, block scalars, aliases, line ends. */
const FORMS: Record<string, (yaml: string) => string> = {
  asWritten: (y) => y,
  crlf: (y) => y.replace(/\n/g, "\r\n"),
  commentsBetween: (y) => y.replace(/\n(?=[a-z])/g, "\n# a comment\n\n"),
  commentsAtEnd: (y) => `${y}# last\n\n  # indented\n`,
  spaceBeforeColon: (y) => y.replace(/^([a-zA-Z]+):/gm, "$1  :"),
  anchorFirst: (y) => `anchored: &a\n  x: 1\n${y}aliased: *a\n`,
  aliasLater: (y) => y.replace(/^title:/m, "title: &t") + "again: *t\n",
  keptBlock: (y) => y.replace(/^(title:).*$/m, "$1 |+\n  Titel\n\n\n"),
  foldedBlock: (y) => y.replace(/^(title:).*$/m, "$1 >-\n  Titel\n  mer\n"),
  unindentedLists: (y) => y.replace(/\n {2}- /g, "\n- "),
  quotedOverLines: (y) => y.replace(/^(title:).*$/m, '$1 "Titel\n  fortsatt"'),
  plainOverLines: (y) => y.replace(/^(title:).*$/m, "$1 Titel\n  fortsatt"),
  emptyValue: (y) => y.replace(/^(title:).*$/m, "$1\n"),
  documentEnd: (y) => `${y}...\n`,
  commentsBetweenItems: (y) => y.replace(/\n(?= {2}- )/g, "\n  # between items\n# at the left\n"),
  itemOnNextLine: (y) => y.replace(/\n {2}- /g, "\n  -\n    "),
  anchoredItems: (y) => {
    let n = 0;
    return y.replace(/\n {2}- /g, () => `\n  - &item${n++} `);
  },
  blankLinesBetweenItems: (y) => y.replace(/\n(?= {2}- )/g, "\n\n"),
  // Field starts, but the lines of a field indented with tabs are not read alone: the whole is parsed.
  tabs: (y) => y.replace(/\n {2}/g, "\n\t"),
  // No field starts for these: the whole is parsed.
  flowMap: () => "{kind: plan, title: x, goals: [a, b]}\n",
  quotedKey: (y) => y.replace(/^title:/m, '"title":'),
  numberKey: (y) => `${y}1.0: x\n`,
  indentedMap: (y) => y.replace(/^(?=.)/gm, " "),
  duplicateKey: (y) => `${y}title: again\n`,
  directive: (y) => `%YAML 1.2\n---\n${y}`,
  explicitKey: (y) => `? kind\n: plan\n${y.replace(/^kind:.*\n/m, "")}`,
};

/** Every path to a value of the tree, each as a value and as a key, with a missing field or item beside each map and list. */
function jobsOf(node: YamlNode | null, path: PropertyKey[] = []): PlaceJob[] {
  const jobs: PlaceJob[] = [
    { path, key: false },
    { path, key: true },
  ];
  if (isMap(node)) {
    for (const pair of node.items) if (isScalar(pair.key)) jobs.push(...jobsOf(pair.value as YamlNode | null, [...path, String(pair.key.value)]));
    jobs.push({ path: [...path, "saknas"], key: true });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => jobs.push(...jobsOf(item as YamlNode | null, [...path, i])));
    jobs.push({ path: [...path, node.items.length], key: false });
  }
  return jobs;
}

/** A document's frontmatter parsed as the loader parses it (see `loadMarkdown`), its body left aside. */
function parsed(text: string) {
  const span = findFrontmatter(text)!;
  const yaml = readYaml(untabIndentation(text.slice(span.yamlStart, span.yamlEnd)).text);
  return { yaml, yamlStart: span.yamlStart, file: { value: text } };
}

describe("a value's place found from its field's lines alone", () => {
  const texts = documents();

  it("is the place the whole YAML tree gives, for every value and key, in every form", () => {
    const dir = tempDir("plan-field-places-");
    let compared = 0;
    const fielded = new Set<string>();
    const withItems = new Set<string>();
    for (const [name, change] of Object.entries(FORMS)) {
      texts.forEach((text, i) => {
        const absPath = join(dir, `${name}-${i}.md`);
        writeFileSync(absPath, rewrite(text, change));
        const doc = parsed(readFileSync(absPath, "utf8"));
        const fields = fieldStarts(doc);
        // A form that changes nothing in a document (no tab to put in) is the document as written.
        if (fields && rewrite(text, change) !== text) fielded.add(name);
        if (fields?.within) withItems.add(name);
        // Every path of the smaller documents; of the larger (Lerum's budget has thousands), an even sample.
        const all = jobsOf(doc.yaml.contents as YamlNode | null);
        const jobs = [
          ...all.filter((_, at) => at % Math.ceil(all.length / 200) === 0),
          { path: ["saknas", 1], key: false },
          { path: [0], key: false },
        ] satisfies PlaceJob[];
        const file = { absPath, yamlStart: doc.yamlStart, hasYaml: true };
        const whole = placesIn(dir, file, jobs);
        placesIn(dir, file, jobs, fields).forEach((found, at) => {
          if (JSON.stringify(found) !== JSON.stringify(whole[at])) expect(found, `${name} ${JSON.stringify(jobs[at])}`).toEqual(whole[at]);
        });
        compared += jobs.length;
      });
    }
    expect(compared, [...fielded].join(" ")).toBeGreaterThan(4_000);
    // Lerum's plan and the meetings have large fields whose items are parsed alone; not where an item starts on the line after its \`-\`.
    expect(withItems).toContain("asWritten");
    expect(withItems).toContain("commentsBetweenItems");
    expect(withItems).not.toContain("itemOnNextLine");
    // The forms whose fields read alone have field starts; the others none.
    expect([...fielded].sort(), [...fielded].join(" ")).toEqual(
      [
        "crlf",
        "commentsBetween",
        "commentsAtEnd",
        "spaceBeforeColon",
        "anchorFirst",
        "aliasLater",
        "keptBlock",
        "foldedBlock",
        "unindentedLists",
        "quotedOverLines",
        "plainOverLines",
        "emptyValue",
        "documentEnd",
        "commentsBetweenItems",
        "itemOnNextLine",
        "anchoredItems",
        "blankLinesBetweenItems",
        "tabs",
      ].sort(),
    );
  });

  it("parses the whole again where the file read anew is not the one parsed", () => {
    const dir = tempDir("plan-field-places-");
    const absPath = join(dir, "changed.md");
    const text = texts.find((t) => /^goals:/m.test(t))!;
    writeFileSync(absPath, text);
    const doc = parsed(text);
    const fields = fieldStarts(doc)!;
    expect(fields).toBeDefined();
    // A field added at the top since: every field stands lower in the file than the starts say.
    writeFileSync(absPath, text.replace("---\n", "---\nadded: 1\n"));
    const jobs: PlaceJob[] = [{ path: ["goals", 0], key: false }];
    const file = { absPath, yamlStart: doc.yamlStart, hasYaml: true };
    const [found] = placesIn(dir, file, jobs, fields);
    expect(found).toEqual(placesIn(dir, file, jobs)[0]);
    expect(found!.start.line).toBe(text.split("\n").findIndex((line) => line.startsWith("goals:")) + 3);
  });
});
