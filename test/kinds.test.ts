import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadRepository } from "../src/model/load-repository.js";
import { PARTS } from "../src/model/parts.js";
import { keepListed, listedDocuments, type AnyEntry, type Repository } from "../src/model/repository.js";
import { KIND_PAGES } from "../src/render/views/kinds.js";
import { documentKinds, documentSchemas, KINDS } from "../src/schema/index.js";
import { KIND } from "../src/vocabulary.js";
import { EXAMPLES } from "./helpers/repo.js";

/**
 * A kind of document is declared once, in two tables: `KINDS` (schema/index.ts: its schema, the
 * name of its list, its Swedish names, its parts) and `KIND_PAGES` (render/views/kinds.ts: its
 * page). Everything else that is per kind is derived from them. These tests walk every kind
 * through both, and through what is derived, so that a merge cannot leave a kind out of one again
 * (last time the repository's `listedDocuments` lacked two kinds, and the party rules did not
 * see their documents).
 */
describe("the kinds of document", () => {
  const kinds = [...documentKinds];

  it("are the same kinds, in the same order, in every table: KINDS, KIND_PAGES, the vocabulary's KIND, the schemas and the parts", () => {
    expect(kinds.length).toBeGreaterThanOrEqual(15);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(Object.keys(KINDS)).toEqual(kinds);
    expect(Object.keys(documentSchemas)).toEqual(kinds);
    expect(Object.keys(PARTS)).toEqual(kinds);
    // The page table is in the order the index counts the kinds in; the vocabulary in its own.
    expect(Object.keys(KIND_PAGES).sort()).toEqual([...kinds].sort());
    expect(Object.keys(KIND).sort()).toEqual([...kinds].sort());
  });

  it.each(kinds)("%s has a schema of its own kind, a list, its Swedish names, its parts and a page", (kind) => {
    const declared = KINDS[kind];
    // The schema validates documents of this kind and no other: `kind:` is the literal.
    const schema = declared.schema as unknown as z.ZodObject;
    expect(schema.shape["kind"]).toBeInstanceOf(z.ZodLiteral);
    expect((schema.shape["kind"] as z.ZodLiteral).value).toBe(kind);
    expect(documentSchemas[kind]).toBe(declared.schema);
    // A list of its own, named as the rules and views read it.
    expect(declared.list).toMatch(/^[a-z][A-Za-z]+s$/);
    expect(kinds.filter((k) => KINDS[k].list === declared.list)).toEqual([kind]);
    // Its names, from the vocabulary (the heading of its page, in lists, in running text).
    expect(declared.label).toBe(KIND[kind]);
    for (const name of ["name", "short", "one", "many"] as const) expect(declared.label[name]).toMatch(/^\p{L}[\p{L} /-]*$/u);
    // Its parts: each with a name and what it shows; a part that picks names how.
    expect(PARTS[kind]).toBe(declared.parts);
    for (const part of PARTS[kind]) {
      expect(part.name).toMatch(/^[a-z][a-z-]*$/);
      expect(part.summary.length).toBeGreaterThan(10);
      if (part.pick) expect(part.pick.example).toMatch(new RegExp(`^::${part.name}\\{`));
    }
    // Its page.
    expect(KIND_PAGES[kind].view).toBeTypeOf("function");
    expect(KIND_PAGES[kind].counted).toBeTypeOf("boolean");
  });

  describe("in a repository", () => {
    const repo = loadRepository(EXAMPLES, { cwd: EXAMPLES, keepBody: false });
    const named = (r: Repository, kind: (typeof kinds)[number]) => (r as unknown as Record<string, AnyEntry[]>)[KINDS[kind].list];

    it("holds every document once, in the list of its kind; the named lists are those lists", () => {
      expect(repo.documents.size).toBeGreaterThan(30);
      for (const kind of kinds) {
        expect(repo.byKind[kind].every((e) => e.kind === kind)).toBe(true);
        expect(named(repo, kind)).toBe(repo.byKind[kind]);
      }
      const listed = listedDocuments(repo);
      expect(listed).toHaveLength(repo.documents.size);
      expect(new Set(listed)).toEqual(new Set(repo.documents.values()));
      // The examples hold documents of most kinds: a kind's list that stayed empty would say little.
      expect(kinds.filter((k) => repo.byKind[k].length > 0).length).toBeGreaterThanOrEqual(13);
    });

    it("keeps in its lists only what watch mode checks again, by kind and by name alike, and every document whole", () => {
      const lerum = (e: AnyEntry) => e.id.startsWith("lerum/");
      const kept = keepListed(repo, lerum);
      expect(listedDocuments(kept).map((e) => e.id)).toEqual(
        listedDocuments(repo)
          .filter(lerum)
          .map((e) => e.id),
      );
      for (const kind of kinds) expect(named(kept, kind)).toBe(kept.byKind[kind]);
      expect(kept.documents).toBe(repo.documents);
      // The repository itself is left as it was.
      expect(listedDocuments(repo)).toHaveLength(repo.documents.size);
    });
  });
});
