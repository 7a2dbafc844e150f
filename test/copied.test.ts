import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLoaded } from "../src/check/check.js";
import { formatJson } from "../src/diagnostics/format-machine.js";
import { loadRepository } from "../src/model/load-repository.js";
import { betweenDocumentsChecker, checkDocument } from "../src/rules/index.js";
import { incrementalRepository } from "../src/watch/incremental.js";
import {
  copiedPairs,
  copiesMemo,
  factsOfShingles,
  fingerprintFacts,
  overlap,
  sharePercent,
  shinglesOf,
  THRESHOLD,
  wordHashes,
  wordsOf,
} from "../src/model/copied.js";
import type { AnyEntry } from "../src/model/repository.js";
import { checkJson, ofRule } from "./helpers/findings.js";
import { copyExamples, edit, run } from "./helpers/repo.js";

/** Two unit plans of Sjuhärad's budget 2013 (seed 003): the second is the first with two header lines changed. */
const FIXTURES = resolve(import.meta.dirname, "fixtures/copied");
const A = "kopior/enhetsplan-social-valfard.md";
const B = "kopior/enhetsplan-utbildning.md";

function withPair(change: (text: string) => string = (t) => t, part = { only: ["lerum"] }): string {
  const root = copyExamples(part);
  mkdirSync(join(root, "kopior"));
  cpSync(join(FIXTURES, "enhetsplan-social-valfard.md"), join(root, A));
  writeFileSync(join(root, B), change(readFileSync(join(FIXTURES, "enhetsplan-utbildning.md"), "utf8")));
  return root;
}

interface JsonProblem {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

describe("text/copied", () => {
  it("warns at both documents of the seed's copied pair, naming the other and the share of text in common", async () => {
    const root = withPair();
    const found = ofRule((await checkJson(root)).findings, "text/copied");
    expect(found.map((f) => [f.file, f.line, f.column, f.severity])).toEqual([
      [A, 11, 1, "warning"],
      [B, 11, 1, "warning"],
    ]);
    expect(found[0]!.message).toBe(
      "95 % of the text of this plan is the same as that of `kopior/enhetsplan-utbildning`: it looks copied from it, with only a little changed.",
    );
    expect(found[1]!.message).toBe(
      "95 % of the text of this plan is the same as that of `kopior/enhetsplan-social-valfard`: it looks copied from it, with only a little changed.",
    );
    // The other document is the cause, at its own place.
    const { stdout } = await run(["check", ".", "--format", "json"], root);
    const problems = (JSON.parse(stdout) as { problems: JsonProblem[] }).problems.filter((p) => p.ruleId === "text/copied");
    expect(problems.map((p) => p.related!.map(({ file, line, column, message }) => ({ file, line, column, message })))).toEqual([
      [{ file: B, line: 11, column: 1, message: "95 % of this text is the same." }],
      [{ file: A, line: 11, column: 1, message: "95 % of this text is the same." }],
    ]);
  });

  it("gives each of many copies of one text one warning, naming one copy and how many others share it, not one per pair", async () => {
    const root = withPair();
    const text = readFileSync(join(root, A), "utf8");
    // Ten more copies of the first plan, each under its own id: eleven identical bodies and the near-copy.
    for (let n = 1; n <= 10; n++) writeFileSync(join(root, `kopior/kopia-${n}.md`), text.replace(/^---\n/, `---\nid: kopior/kopia-${n}\n`));
    const found = ofRule((await checkJson(root)).findings, "text/copied");
    expect(found).toHaveLength(12);
    expect(new Set(found.map((f) => f.file)).size).toBe(12);
    const first = found.find((f) => f.file === A)!;
    expect(first.message).toMatch(
      /^100 % of the text of this plan is the same as that of `kopior\/kopia-\d+`, and 1[01] other documents share most of it too:/,
    );
  });

  it("says nothing of two plans that share a template but not their text, and in the examples only of Sjuhärad's copied pair", async () => {
    // Half of the second plan rewritten: the headings and the header lines stay, the text is its own.
    const root = withPair((text) => {
      const start = text.indexOf("## Effektmål");
      const words = text.slice(start).replace(/(?<![#\n])\b[a-zåäö]{4,}\b/g, (w) => [...w].reverse().join(""));
      return text.slice(0, start) + words;
    });
    const share = sharePercent(overlap(shinglesOf(readFileSync(join(root, A), "utf8")), shinglesOf(readFileSync(join(root, B), "utf8"))));
    expect(share).toBeLessThan(THRESHOLD);
    expect(ofRule((await checkJson(root)).findings, "text/copied")).toEqual([]);
    // The examples: Sjöbacka's plans of 2019 and 2020 share 67 % of their text, below the threshold; Sjuhärad's unit plans
    // Social välfärd och hälsa and Utbildning/kompetensutveckling are the seed's pair (seed 003: section 3 is section 2).
    const examples = copyExamples();
    const copied = ofRule((await checkJson(examples)).findings, "text/copied");
    expect(copied.map((f) => [f.file, f.message.slice(0, 4)])).toEqual([
      ["sjuharad/enhetsplaner/social-valfard-och-halsa.md", "95 %"],
      ["sjuharad/enhetsplaner/utbildning-kompetensutveckling.md", "95 %"],
    ]);
  });

  it("finds one copied pair among 3 000 documents without comparing every pair", () => {
    // Random texts of 300 words from a vocabulary of 2 000, and one copy with two lines changed.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 2000 }, (_, i) => `ord${i.toString(36)}`);
    const text = () => Array.from({ length: 300 }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ");
    const entry = (id: string, kind: string, body: string) =>
      ({
        id,
        kind,
        source: { file: { value: `---\nkind: ${kind}\n---\n${body}`, data: {} }, outline: { bodyStart: `---\nkind: ${kind}\n---\n`.length } },
      }) as unknown as AnyEntry;
    const documents = new Map<string, AnyEntry>();
    for (let i = 0; i < 3000; i++) documents.set(`d${i}`, entry(`d${i}`, i % 2 ? "plan" : "memo", text()));
    const original = (documents.get("d1001")!.source.file.value as string).split("\n---\n")[1]!;
    const copy = original.replace(/^(\S+ ){10}/, "Ansvarig tjänsteman Lena Datum 2012 Beredning Utbildning Kompetensområde Utbildning ");
    documents.set("kopia", entry("kopia", "plan", copy));
    // The same text as another kind of document is no copy of it.
    documents.set("annan-sort", entry("annan-sort", "memo", original));
    // CPU time, not the clock's, which a busy machine stretches.
    const began = process.cpuUsage();
    const pairs = copiedPairs({ documents, copies: copiesMemo() });
    const used = process.cpuUsage(began);
    const took = (used.user + used.system) / 1000;
    // Ten words of 300 changed: the share is that of the exact comparison, about 93 %.
    const share = sharePercent(overlap(shinglesOf(original), shinglesOf(copy)));
    expect(share).toBeGreaterThanOrEqual(93);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.percent])).toEqual([["d1001", "kopia", share]]);
    // All 4.5 million pairs compared exactly would take minutes of CPU time; the candidates take a few seconds at most.
    expect(took).toBeLessThan(20_000);
  });

  it("in watch mode, a copy that is rewritten takes the warning off the other document too, though the two do not refer to each other", () => {
    // The copy belongs to Sjöbacka's agreement, the original to Lerum's: two groups of documents that watch mode checks apart.
    const root = withPair((t) => t.replace("agreement: lerum/avtal-2017-2020", "agreement: sjobacka/avtal-2019-2022"), { only: ["lerum", "sjobacka"] });
    const model = incrementalRepository(root, root, { keepBody: false, checkDocument });
    const between = betweenDocumentsChecker();
    const copied = (problems: ReturnType<typeof checkLoaded>["problems"]) =>
      problems.filter((p) => p.messages.some((m) => m.ruleId === "text/copied")).map((p) => p.file.path);
    const first = checkLoaded(model.refresh(), between);
    expect(copied(first.problems)).toEqual([A, B]);
    const rewrite = (from: string, to: string) => {
      edit(root, B, from, to);
      model.touch(join(root, B));
      const again = checkLoaded(model.refresh(), between);
      const fresh = checkLoaded(loadRepository(root, { cwd: root, keepBody: false, checkDocument }));
      expect(formatJson(again.problems, again.repo.documents.size, "en")).toBe(formatJson(fresh.problems, fresh.repo.documents.size, "en"));
      return copied(again.problems);
    };
    // A small change leaves it a copy (both warnings, with the new share); rewriting it takes both away.
    expect(rewrite("Ansvarig tjänsteman: Lena Brännmar", "Ansvarig tjänsteman: Charlotte Stigh-Brüsin")).toEqual([A, B]);
    const text = readFileSync(join(root, B), "utf8");
    const rest = text.slice(text.indexOf("## Uppgift"));
    expect(
      rewrite(
        rest,
        rest.replace(/\b[a-zåäö]{5,}\b/g, (w) => [...w].reverse().join("")),
      ),
    ).toEqual([]);
  });

  it("keeps what it found with its repository, lent to the next round of watch mode: two repositories share nothing", () => {
    const root = withPair();
    const load = () => loadRepository(root, { cwd: root, keepBody: false, checkDocument });
    const [one, other] = [load(), load()];
    expect(one.copies).not.toBe(other.copies);
    const pairs = copiedPairs(one);
    expect(pairs.map((p) => [p.a.source.relPath, p.b.source.relPath])).toEqual([[A, B]]);
    // Asked once, of this repository: the other has found nothing yet.
    expect(one.copies.last?.pairs).toBe(pairs);
    expect(other.copies.last).toBeUndefined();
    // Watch mode's next round, with no file changed: the same documents, the answer of the round before.
    const model = incrementalRepository(root, root, { keepBody: false, checkDocument });
    const first = model.refresh();
    const found = copiedPairs(first);
    const second = model.refresh();
    expect(second).not.toBe(first);
    expect(second.copies).toBe(first.copies);
    expect(copiedPairs(second)).toBe(found);
    // A file changed: found again, from the same memo.
    edit(root, B, "Ansvarig tjänsteman: Lena Brännmar", "Ansvarig tjänsteman: Charlotte Stigh-Brüsin");
    model.touch(join(root, B));
    const third = model.refresh();
    const again = copiedPairs(third);
    expect(again).not.toBe(found);
    expect(again.map((p) => [p.a.source.relPath, p.b.source.relPath])).toEqual([[A, B]]);
  });

  it("makes a body's fingerprint in one pass over its text as from the set of its shingles: the same words, key and signature", () => {
    const fnv = (word: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    const seed = readFileSync(join(FIXTURES, "enhetsplan-social-valfard.md"), "utf8");
    // Letters and digits of other scripts and planes, marks, a dotted capital I (two code units in lower case), lone surrogates, no-break spaces.
    const odd = "Å Ä Ö é ß İstanbul ½ ² ٣ 𝐀𝐁 a𝟘b 😀x x\u0301y \ud800z \udc00w a\u00a0b ǅ Ⅻ _x_ 3,5 % −1 760 kr";
    // A text said twice repeats its shingles, each kept once.
    const texts = [seed, `${seed}\n${seed}`, odd, `${odd} `.repeat(20), seed.toUpperCase(), "", "ord ".repeat(60), "ett två tre fyra fem ".repeat(20)];
    for (const text of texts) {
      expect([...wordHashes(text)]).toEqual(wordsOf(text).map(fnv));
      const facts = fingerprintFacts({ outline: { bodyStart: 0 }, file: { value: text } } as never);
      expect(facts).toEqual(factsOfShingles(shinglesOf(text)));
    }
    // Too short to compare: five words said again and again are one shingle.
    expect(fingerprintFacts({ outline: { bodyStart: 0 }, file: { value: "ord ".repeat(60) } } as never)).toBeNull();
  });
});
