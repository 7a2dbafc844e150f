import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { markUnmarkedAsArtifacts } from "../src/pdf/content.js";
import { drawnContent, orphans } from "./helpers/pdf-marked.js";
import { ancestor, elements, pdfPages, runsOf, structTree as readTree, type StructNode } from "./helpers/pdf-pages.js";
import { canPrint, warnIfSkipped } from "./helpers/printer.js";
import { builtExamples, HERRLJUNGA_PACKET_DOCUMENTS } from "./helpers/shared.js";

/**
 * The meeting packet is a tagged PDF, as the PDFs it is joined from (issue 16, "Documents are
 * accessible"): one structure tree whose Document holds the kallelse's structure, then a
 * section per item with its cover page's heading and each of its documents' structure, in
 * agenda order; every text drawn on its pages either belongs to an element of that tree or is
 * an artifact (the packet's page numbers, the documents' running headers and footers).
 */

warnIfSkipped("The meeting packet's tags test", "pdf");

/** The packets of the examples and the PDFs each is joined from, in agenda order; the covers' titles and Dnr as the kallelse prints them (examples/lerum/ksau-2019-01-09.md). */
const PACKETS = [
  {
    packet: "lerum/ksau-2019-01-09-handlingar.pdf",
    parts: ["lerum/ksau-2019-01-09.pdf", "lerum/tjansteskrivelse-ks18-1375.pdf", "lerum/plan-2019.pdf"],
    covers: [
      ["Förutsättningar för ökad digitalisering av Lerums kommun", "KS18.628"],
      ["Dialog om ny skolstruktur i Floda", "KS17.427"],
      ["Verksamhetsplan för det gemensamma folkhälsoarbetet 2019 mellan Lerums kommun och Hälso- och sjukvårdsnämnd Väst", "KS18.1375"],
    ],
  },
  {
    packet: "herrljunga/sammantrade-2017-02-28-handlingar.pdf",
    parts: ["herrljunga/sammantrade-2017-02-28.pdf", ...HERRLJUNGA_PACKET_DOCUMENTS],
    covers: [],
  },
];

/** pdfinfo joins a run's lines without a space: texts are compared without white space. */
const squeezed = (text: string) => text.replace(/\s+/g, "");
const texts = (node: StructNode) => runsOf(node).map((r) => squeezed(r.text));
/** Each PDF's structure read once (pdfinfo on the Herrljunga report takes seconds). */
const trees = new Map<string, ReturnType<typeof readTree>>();
const structTree = (pdf: string) => trees.get(pdf) ?? trees.set(pdf, readTree(pdf)).get(pdf)!;
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);

describe.skipIf(!canPrint)("the meeting packet as a tagged PDF", () => {
  let out = "";
  beforeAll(async () => {
    const built = await builtExamples(true);
    expect(built.code, built.stderr).toBe(0);
    out = built.out;
  });

  it.each(PACKETS)("$packet: marked, with a StructTreeRoot and its Document in Swedish", async ({ packet }) => {
    const pdf = join(out, packet);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
    const doc = await PDFDocument.load(readFileSync(pdf));
    const catalog = doc.catalog;
    expect(String(catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked")))).toBe("true");
    expect(catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("sv");
    const root = catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    // Chromium's PDF 2.0 Strong and Em, which PDF 1.7 readers do not know, as Span.
    const roles = root.lookup(PDFName.of("RoleMap"), PDFDict);
    expect([String(roles.get(PDFName.of("Strong"))), String(roles.get(PDFName.of("Em")))]).toEqual(["/Span", "/Span"]);
    const top = root.lookup(PDFName.of("K"), PDFArray);
    expect(top.size()).toBe(1);
    const document = top.lookup(0, PDFDict);
    expect(String(document.get(PDFName.of("S")))).toBe("/Document");
    expect(document.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("sv");
    // Each page and each annotation with its own key in the parent tree: keys taken twice would send a screen reader to another document's element.
    const keys: number[] = [];
    for (const page of doc.getPages()) {
      keys.push(page.node.lookup(PDFName.of("StructParents"), PDFNumber).asNumber());
      const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const key = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of("StructParent"), PDFNumber);
        if (key) keys.push(key.asNumber());
      }
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(root.lookup(PDFName.of("ParentTreeNextKey"), PDFNumber).asNumber()).toBeGreaterThan(Math.max(...keys));
  });

  it.each(PACKETS)(
    "$packet: its Document holds the kallelse, then per item the cover's heading and Dnr and each document's whole structure, in agenda order",
    ({ packet, parts, covers }) => {
      const { root } = structTree(join(out, packet));
      expect(root.children.map((c) => c.role)).toEqual(["Document"]);
      const document = root.children[0]!;
      const [kallelse, ...items] = document.children;
      expect(kallelse!.role).toBe("Part");
      expect(items.map((i) => i.role)).toEqual(items.map(() => "Sect"));
      // The parts in agenda order, each with every run of its own PDF's structure, in its order.
      const joined = [kallelse!, ...items.flatMap((i) => i.children.filter((c) => c.role === "Part"))];
      expect(joined).toHaveLength(parts.length);
      // Chromium tags <strong> as PDF 2.0's Strong, which poppler drops from a part read alone; the packet maps it to Span (its role map), so there it is read: compared outside Span.
      const outsideSpan = (node: StructNode) =>
        runsOf(node)
          .filter((r) => !ancestor(r.node, ["Span"]))
          .map((r) => squeezed(r.text));
      joined.forEach((part, i) => {
        const own = structTree(join(out, parts[i]!)).root;
        expect(outsideSpan(part), parts[i]).toEqual(outsideSpan(own));
        expect(elements(part, "Table").length, parts[i]).toBe(elements(own, "Table").length);
      });
      // Every H1 in order: the kallelse's, each cover's, each document's.
      const h1 = (node: StructNode) => elements(node, "H1").map((h) => texts(h).join(""));
      const coverSections = items.filter((i) => i.children[0]?.role === "H1");
      expect(coverSections.map((s) => [texts(s.children[0]!).join(""), texts(s.children[1]!).join("")])).toEqual(covers.map(([t, d]) => [squeezed(t!), d]));
      const expected = [
        ...h1(structTree(join(out, parts[0]!)).root),
        ...items.flatMap((item) => [
          ...(item.children[0]?.role === "H1" ? [texts(item.children[0]).join("")] : []),
          ...item.children.filter((c) => c.role === "Part").flatMap(h1),
        ]),
      ];
      expect(h1(document)).toEqual(expected);
      expect(expected.length).toBe(parts.length + covers.length);
    },
  );

  it.each(PACKETS)(
    "$packet: every text and image drawn belongs to an element of the tree or is an artifact; the page numbers are artifacts",
    async ({ packet }) => {
      const pdf = join(out, packet);
      const drawn = await drawnContent(pdf);
      expect(orphans(drawn)).toEqual([]);
      const pages = pageCount(pdf);
      // Each page has content of the structure and artifacts (its number, at least).
      for (let p = 1; p <= pages; p++) {
        expect(
          drawn.some((d) => d.page === p && d.element && "role" in d.element),
          `page ${p}`,
        ).toBe(true);
        expect(
          drawn.some((d) => d.page === p && d.tags.includes("Artifact")),
          `page ${p}`,
        ).toBe(true);
      }
      // The packet's number is printed on each page, and is in no element.
      const printed = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      expect(printed.match(new RegExp(`Sida \\d+ av ${pages}\\b`, "g"))).toHaveLength(pages);
      const { runs } = structTree(pdf);
      expect(runs.filter((r) => new RegExp(`Sida\\s*\\d+\\s*av\\s*${pages}\\b`).test(r.text)).map((r) => r.text)).toEqual([]);
    },
  );

  it.each(PACKETS)("$packet: the text of the tree is found on the pages, in order", ({ packet }) => {
    const pdf = join(out, packet);
    const pages = pageCount(pdf);
    const read = pdfPages(pdf, pages);
    expect(read.runs.filter((r) => r.page < 0).map((r) => r.text)).toEqual([]);
    const order = read.runs.map((r) => r.page);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Every page's body is reached from the tree.
    expect(new Set(order).size).toBe(pages);
  });

  it.each(PACKETS)("$packet: links to a place in their document find it in the packet; fonts embedded; no larger than its parts", async ({ packet, parts }) => {
    const pdf = join(out, packet);
    const doc = await PDFDocument.load(readFileSync(pdf));
    const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
    const named = new Set(dests?.keys().map((k) => k.decodeText()) ?? []);
    const targets: string[] = [];
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const dest = annots.lookup(i, PDFDict).get(PDFName.of("Dest"));
        if (dest instanceof PDFName) targets.push(dest.decodeText());
      }
    }
    expect(targets.filter((t) => !named.has(t))).toEqual([]);
    if (packet.startsWith("lerum/")) expect(targets.length).toBeGreaterThan(0); // the memo's and the plan's footnotes
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.filter((line) => !/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line))).toEqual([]);
    const size = statSync(pdf).size;
    const sum = parts.reduce((total, part) => total + statSync(join(out, part)).size, 0);
    expect(size).toBeLessThan(sum * 1.1);
    // It opens in poppler's renderer.
    expect(spawnSync("pdftoppm", ["-r", "10", "-f", "1", "-l", "1", "-png", pdf], { stdio: ["ignore", "pipe", "pipe"] }).status).toBe(0);
  });
});

describe("what a page shows outside marked content becomes an artifact", () => {
  it("an untagged text object and a painted path are wrapped whole; tagged content, clipping and graphics state are left as they are", () => {
    const stream = [
      "q 1 0 0 1 0 0 cm",
      "0 0 10 10 re W n",
      "0 0 643 907 re f",
      "BT /F4 12 Tf 1 0 0 -1 83 94 Tm <002F> Tj (a\\)b) Tj ET",
      "/P <</MCID 0 >>BDC BT <0001> Tj ET EMC",
      "Q",
    ].join("\n");
    const { text, marked } = markUnmarkedAsArtifacts(stream);
    expect(marked).toBe(2);
    expect(text).toBe(
      [
        "q 1 0 0 1 0 0 cm",
        "0 0 10 10 re W n",
        "/Artifact BMC\n0 0 643 907 re f\nEMC",
        "/Artifact BMC\nBT /F4 12 Tf 1 0 0 -1 83 94 Tm <002F> Tj (a\\)b) Tj ET\nEMC",
        "/P <</MCID 0 >>BDC BT <0001> Tj ET EMC",
        "Q",
      ].join("\n"),
    );
  });

  it("in a text object that also holds marked content, each unmarked text-showing operator is wrapped", () => {
    const { text } = markUnmarkedAsArtifacts("BT <01> Tj /Span <</MCID 2>> BDC [(x) -20 (y)] TJ EMC 0 -12 Td (z) ' ET");
    expect(text).toBe("BT /Artifact BMC\n<01> Tj\nEMC /Span <</MCID 2>> BDC [(x) -20 (y)] TJ EMC 0 -12 Td /Artifact BMC\n(z) '\nEMC ET");
  });
});
