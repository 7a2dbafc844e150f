import { deserialize, serialize, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { checkRepository, formatProblems, problemPieces, writePieces } from "../src/check/check.js";
import { packed, Strings } from "../src/check/intern.js";
import { countMessages } from "../src/diagnostics/collect.js";
import { jsonPieces } from "../src/diagnostics/format-machine.js";
import { textPieces, plain } from "../src/diagnostics/format-text.js";
import { lineIndex } from "../src/diagnostics/positions.js";
import { fixIn, frameLines, isError, reasonIn, relatedPlaces, report } from "../src/diagnostics/report.js";
import { t } from "../src/format/message.js";
import { VFileMessage } from "vfile-message";
import { safeJson } from "../src/format/control.js";
import { join, relative, sep } from "node:path";
import { CheckCache, recordOfLoaded } from "../src/check/cache.js";
import { loadRead, loadRepository, readFromDisk } from "../src/model/load-repository.js";
import { checkDocument } from "../src/rules/index.js";
import { CONFIG_FILE, discover } from "../src/source/discover.js";
import { lightFile } from "../src/source/load.js";
import { copyExamples, EXAMPLES } from "./helpers/repo.js";

/**
 * What a cold check of a large repository keeps in its main thread (issue 20: 10,000 plans in
 * under 1 GB): the records worker threads send, and the data read back from them, take no more
 * room than they must.
 */

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap taken by what `make` returns, kept, in bytes. */
function heapOf(make: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined();
  return after - before;
}

/** An array as a schema's parser makes it: with room for holes, though it has none. */
function holey<T>(items: T[]): T[] {
  const out = new Array<T>(items.length);
  items.forEach((item, i) => (out[i] = item));
  return out;
}

describe("packed", () => {
  const data = { id: "k0001/lerum/plan-2019", goals: holey([{ id: "g1", indicators: holey(["a", "b", "c"]) }]), amounts: holey([1000n, -1760n]) };

  it("writes arrays made with room for holes as packed ones, the same data read back", () => {
    const literal = { id: "k0001/lerum/plan-2019", goals: [{ id: "g1", indicators: ["a", "b", "c"] }], amounts: [1000n, -1760n] };
    expect(serialize(data).length).toBeGreaterThan(serialize(literal).length);
    expect(serialize(packed(data))).toEqual(serialize(literal));
    expect(deserialize(serialize(packed(data)))).toEqual(data);
    // A copy: what the check goes on reading is not changed.
    expect(packed(data)).not.toBe(data);
    expect(packed(data).goals).not.toBe(data.goals);
  });

  it("leaves an array with a real hole, and objects other than plain ones, as they are", () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    const bytes = new Uint8Array([1, 2]);
    const withHole = packed({ sparse, bytes, when: new Date(0), none: null, blank: undefined });
    expect(withHole.sparse).toBe(sparse);
    expect(withHole.bytes).toBe(bytes);
    expect(Object.keys(withHole)).toEqual(["sparse", "bytes", "when", "none", "blank"]);
    expect(1 in withHole.sparse).toBe(false);
  });

  it("reads 1,000 documents' arrays back in less than two thirds of the heap", () => {
    // A table's figures: arrays of a few numbers each, as the money tables of a plan.
    const doc = () => ({ rows: holey(Array.from({ length: 20 }, (_, i) => holey([i, 2 * i, 3 * i, 4 * i]))) });
    const asMade = serialize(doc());
    const asPacked = serialize(packed(doc()));
    const heapMade = heapOf(() => Array.from({ length: 1000 }, () => deserialize(asMade)));
    const heapPacked = heapOf(() => Array.from({ length: 1000 }, () => deserialize(asPacked)));
    expect(heapPacked).toBeLessThan((heapMade * 2) / 3);
  });
});

describe("Strings", () => {
  it("holds each text of the data read back once", () => {
    const paragraph = "Målet är en god och jämlik hälsa i hela befolkningen. ".repeat(200);
    const bytes = serialize({ goals: [{ title: "Ökad psykisk hälsa", comment: paragraph }], tags: [paragraph] });
    const strings = new Strings();
    const each = heapOf(() => Array.from({ length: 500 }, () => deserialize(bytes)));
    const once = heapOf(() => Array.from({ length: 500 }, () => strings.within(deserialize(bytes))));
    // 500 × 2 copies of an 11 kB paragraph read back on their own (most of 10.8 MB: garbage another test left may be
    // collected between the two measures, which once took 13 kB off the difference); once with the strings of the check.
    expect(each).toBeGreaterThan(0.9 * 500 * 2 * paragraph.length);
    expect(once).toBeLessThan(each / 20);
    const [a, b] = [strings.within(deserialize(bytes)), strings.within(deserialize(bytes))] as { goals: { comment: string }[]; tags: string[] }[];
    expect(a).toEqual(deserialize(bytes));
    expect(b!.goals[0]!.comment).toBe(paragraph);
  });
});

describe("what the report keeps and makes", () => {
  it("keeps what a message says, not its English, and says the English when asked", () => {
    setFlagsFromString("--allow-natives-syntax");
    const fast = new Function("o", "return %HasFastProperties(o)") as (o: unknown) => boolean;
    const file = new VFile({ path: "lerum/plan-2019.md", value: "---\nkind: plan\n---\n" });
    const rule = { id: "money/line-total", severity: "error", summary: "", example: "" } as const;
    const related = [{ file: "lerum/avtal.md", place: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } }, reason: t`The agreement is here.` }];
    const place = { start: { line: 2, column: 1 }, end: { line: 2, column: 11 } };
    report(file, rule, { reason: t`The total says ${"1 000"} kr, the rows add up to ${"1 200"} kr.`, place, fix: t`Write ${"1 200"}.`, related });
    report(file, { ...rule, id: "ref/document" }, { reason: t`No document ${"x"}.`, place });
    const [message, other] = file.messages;
    expect(message!.reason).toBe("The total says 1 000 kr, the rows add up to 1 200 kr.");
    expect(message!.message).toBe(message!.reason);
    expect(message!.note).toBe("Write 1 200.");
    expect(message!.name).toBe("lerum/plan-2019.md:2:1-2:11");
    expect(message!.file).toBe("lerum/plan-2019.md");
    expect(file.messages.length).toBe(2);
    expect(other!.note).toBeUndefined();
    expect(relatedPlaces(message!)).toEqual(related);
    expect((message!.cause as VFileMessage).reason).toBe("The agreement is here.");
    // The English is said when asked, not kept: 80,000 messages on 10,000 plans, a sentence or two each.
    const own = (m: object) => Reflect.ownKeys(m).map((key) => (m as Record<PropertyKey, unknown>)[key]);
    expect(own(message!)).not.toContain(message!.reason);
    expect(own(message!)).not.toContain(message!.note);
    expect(own(message!.cause as object)).not.toContain("The agreement is here.");
    expect([fast(message), fast(other), fast(message!.cause)]).toEqual([true, true, true]);
    // One set is kept as set (as `causesFirst` sets a message's reason).
    message!.reason = "Set.";
    expect(message!.reason).toBe("Set.");
  });

  it("keeps a message's source lines without the text of its file", () => {
    // 300 files of 55 kB (two bytes a character, for the å), each with a message on its line 10.
    const textOf = (i: number) => `rad ${String(i).padStart(3, "0")}: målet är en god och jämlik hälsa i hela befolkningen\n`.repeat(500);
    const messageAt = (line: number) => new VFile({ path: "plan.md" }).message("x", { place: { line, column: 1 } });
    // Each text made, framed and let go.
    const framed = () => Array.from({ length: 300 }, (_, i) => frameLines(messageAt(10), lineIndex(textOf(i))));
    const kept = framed();
    expect(kept[7]).toEqual([
      [9, "rad 007: målet är en god och jämlik hälsa i hela befolkningen"],
      [10, "rad 007: målet är en god och jämlik hälsa i hela befolkningen"],
    ]);
    // Lines cut from the texts would keep every text: 300 × 55 kB = 16 MB.
    expect(heapOf(framed)).toBeLessThan(1 << 20);
  });

  /** The JSON report as one object, as `formatJson` made it before it was written in pieces. */
  const jsonWhole = (checked: ReturnType<typeof checkRepository>) => {
    const problems = checked.problems.flatMap(({ file, messages }) =>
      messages.map((m) => {
        const p = m.place && "start" in m.place ? m.place : { start: m.place, end: m.place };
        const related = relatedPlaces(m).map((r) => ({
          file: r.file,
          line: r.place.start.line,
          column: r.place.start.column,
          endLine: r.place.end.line,
          endColumn: r.place.end.column,
          message: reasonIn({ reason: "", said: { reason: r.reason } }, "sv"),
        }));
        return {
          file: file.path,
          line: p.start?.line ?? 1,
          column: p.start?.column ?? 1,
          endLine: p.end?.line ?? 1,
          endColumn: p.end?.column ?? 1,
          severity: isError(m) ? "error" : "warning",
          ruleId: m.ruleId,
          message: reasonIn(m, "sv"),
          fix: fixIn(m, "sv") ?? null,
          ...(related.length ? { related } : {}),
        };
      }),
    );
    return `${safeJson({ ...countMessages(checked.problems), documents: checked.repo.documents.size, problems }, 2)}\n`;
  };

  it("writes the JSON and text reports a file at a time, the same text as made whole", () => {
    const checked = checkRepository(EXAMPLES, { cwd: EXAMPLES });
    const files = checked.problems.length;
    expect(files).toBeGreaterThan(5);
    const pieces = [...jsonPieces(checked.problems, checked.repo.documents.size, "sv")];
    // The head, each file's problems, the end.
    expect(pieces).toHaveLength(files + 2);
    expect(pieces.join("")).toBe(jsonWhole(checked));
    const none = { ...checked, problems: [] };
    const documents = checked.repo.documents.size;
    expect([...jsonPieces([], documents, "sv")].join("")).toBe(jsonWhole(none));
    expect(JSON.parse(jsonWhole(none))).toEqual({ errors: 0, warnings: 0, files: 0, documents, problems: [] });

    const text = [...textPieces(checked.problems, checked.repo.documents.size, plain, "sv")];
    expect(text).toHaveLength(files + 1);
    expect(text[0]).toMatch(/^\S.*\n\n$/s);
    expect(text.at(-1)).toMatch(/^0 fel och \d+ varningar i \d+ filer\n$/);
  });

  it("writes the pieces of a report in writes of about the size asked for", () => {
    const checked = checkRepository(EXAMPLES, { cwd: EXAMPLES });
    const io = { cwd: EXAMPLES, env: { LANG: "sv" }, stdout: { write: () => true }, stderr: { write: () => true } };
    for (const format of ["json", "text", "github", "codequality"] as const) {
      const writes: string[] = [];
      writePieces({ write: (s: string) => writes.push(s) }, problemPieces(checked, format, io, io.stdout), 4096);
      expect(writes.join("")).toBe(formatProblems(checked, format, io, io.stdout));
      if (format === "json" || format === "text") {
        expect(writes.length).toBeGreaterThan(2);
        // Each write is a batch of whole pieces that reached the size, but the last.
        for (const w of writes.slice(0, -1)) expect(w.length).toBeGreaterThanOrEqual(4096);
      }
    }
  });
});

describe("the model a cold check keeps", () => {
  it("keeps the light sources, their files and outlines and the entries as objects of shared shapes, not dictionaries", () => {
    setFlagsFromString("--allow-natives-syntax");
    const fast = new Function("o", "return %HasFastProperties(o)") as (o: unknown) => boolean;
    // As a cold check's worker threads send the files, and its main thread takes them (check/parallel.ts).
    const root = copyExamples();
    const cache = CheckCache.memory(root, root);
    const discovered = discover(root);
    for (const absPath of [join(root, CONFIG_FILE), ...discovered.files]) {
      const read = readFromDisk(root, absPath);
      if (!read || "refused" in read) continue;
      const loaded = loadRead(root, absPath, read, root, { keepBody: false, checkDocument });
      cache.adopt(relative(root, absPath).split(sep).join("/"), packed(recordOfLoaded(loaded, read.linked ? undefined : read.stat, true)));
    }
    const repo = loadRepository(root, { cwd: root, keepBody: false, checkDocument, cache, discovered });
    const entries = [...repo.documents.values()];
    expect(entries.length).toBeGreaterThan(40);
    for (const entry of entries) {
      const { source } = entry;
      expect(lightFile(source)).toBeDefined();
      // A getter of each object's own made each a dictionary of its properties, several hundred bytes more each.
      expect([fast(entry), fast(source), fast(source.file), fast(source.outline)]).toEqual([true, true, true, true]);
    }
    // What they hold is read when asked, as before.
    const plan = repo.documents.get("lerum/plan-2019")!;
    expect(String(plan.source.file.value)).toContain("kind: plan");
    expect(plan.source.yaml?.get("kind")).toBe("plan");
    expect((plan.data as { year: number }).year).toBe(2019);
    expect(plan.source.outline?.headings.length).toBeGreaterThan(0);
    expect(plan.source.lines.line(1)).toBe("---");
  });
});
