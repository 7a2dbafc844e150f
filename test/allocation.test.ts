import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allocate, isAllocated, weightFraction, weightSum, type Allocated } from "../src/model/allocation.js";
import type { Measure } from "../src/schema/allocation.js";
import { findings, ofRule, only } from "./helpers/findings.js";
import { spaces, tableByCaption, text } from "./helpers/html.js";
import type { DiffResult } from "../src/diff/model.js";
import { commitAll, git } from "./helpers/git.js";
import { copyExamples, edit, lineOf, read, run, write } from "./helpers/repo.js";

const FILE = "gr/fordelning-nara-vard-2020.md";

const measure = (weight: Measure["weight"], values: Record<string, number>): Measure => ({
  id: "m",
  label: "Mått",
  weight,
  year: 2018,
  source: "Källa",
  values,
});

const allocated = (result: ReturnType<typeof allocate>): Allocated => {
  if (!isAllocated(result)) throw new Error(`not allocated: ${result.reason}`);
  return result;
};

const amounts = (a: Allocated) => Object.fromEntries(a.members.map((m) => [m.member, Number(m.amount)]));

/** A small deterministic generator (mulberry32), so that a failing case can be run again. */
function random(seed: number) {
  let t = seed >>> 0;
  const next = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** The exact amounts by another route than the model's common denominator: each measure's part added as reduced fractions. */
function exactByMeasure(amount: bigint, members: string[], measures: Measure[]): [bigint, bigint][] {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const add = ([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]): [bigint, bigint] => {
    const n = a * d + c * b;
    const m = b * d;
    const g = gcd(n, m) || 1n;
    return [n / g, m / g];
  };
  return members.map((member) =>
    measures.reduce<[bigint, bigint]>(
      (s, m) => {
        const w = weightFraction(m.weight);
        const total = Object.values(m.values).reduce<bigint>((t, v) => t + BigInt(v as number), 0n);
        return add(s, [amount * w.numerator * BigInt(m.values[member] as number), w.denominator * total]);
      },
      [0n, 1n],
    ),
  );
}

describe("the largest remainder split (model)", () => {
  it("reads weights exactly: percentages as written and fractions as text", () => {
    expect(weightFraction(50)).toEqual({ numerator: 1n, denominator: 2n });
    expect(weightFraction(33.25)).toEqual({ numerator: 133n, denominator: 400n });
    expect(weightFraction("1/3")).toEqual({ numerator: 1n, denominator: 3n });
    // 0.01 + 65.4 + 34.59 is 100 exactly, though in floats it is 100.00000000000001.
    expect(0.01 + 65.4 + 34.59).not.toBe(100);
    expect(weightSum([measure(0.01, {}), measure(65.4, {}), measure(34.59, {})])).toEqual({ numerator: 1n, denominator: 1n });
    expect(weightSum([measure("1/3", {}), measure("2/3", {})])).toEqual({ numerator: 1n, denominator: 1n });
  });

  it("splits an amount that does not divide: 10 kr in three equal shares is 4 + 3 + 3, the tie to the first party id whatever the order", () => {
    const m = [measure(100, { a: 1, b: 1, c: 1 })];
    expect(amounts(allocated(allocate(10n, ["a", "b", "c"], m)))).toEqual({ a: 4, b: 3, c: 3 });
    expect(amounts(allocated(allocate(10n, ["c", "b", "a"], m)))).toEqual({ c: 3, b: 3, a: 4 });
    const twoLeft = allocated(allocate(11n, ["c", "b", "a"], m));
    expect(amounts(twoLeft)).toEqual({ a: 4, b: 4, c: 3 });
    expect(twoLeft.leftOver).toBe(2n);
  });

  it("weights the measures: 50 % by population and 50 % by enrolled, as the seed's key", () => {
    // a: 1/4 of the population and 1/2 of the enrolled → 3/8 of 1 000 kr = 375 kr.
    const m = [measure(50, { a: 1, b: 3 }), measure(50, { a: 1, b: 1 })];
    const result = allocated(allocate(1000n, ["a", "b"], m));
    expect(amounts(result)).toEqual({ a: 375, b: 625 });
    expect(result.members[0]!.share).toEqual({ numerator: 3n, denominator: 8n });
  });

  it("gives the largest remainders the kronor left over, not the largest shares", () => {
    // Exact: a 1.9, b 5.55, c 2.55 → 1, 5, 2 and 2 kronor left: a (0.9) first, then b before c on the tie of 0.55 by id.
    const m = [measure(100, { a: 190, b: 555, c: 255 })];
    expect(amounts(allocated(allocate(10n, ["a", "b", "c"], m)))).toEqual({ a: 2, b: 6, c: 2 });
  });

  it("says why where it cannot split: weights off 100 %, a missing figure, a measure of zeros", () => {
    expect(allocate(10n, ["a"], [measure(90, { a: 1 })])).toEqual({ reason: "weights", sum: { numerator: 9n, denominator: 10n } });
    expect(allocate(10n, ["a", "b"], [measure(100, { a: 1 })])).toEqual({ reason: "missing", measure: 0, member: "b" });
    expect(allocate(10n, ["a", "b"], [measure(100, { a: 0, b: 0 })])).toEqual({ reason: "zero", measure: 0 });
  });

  it("adds up to the amount exactly for 400 random keys, each member within a krona of its exact part, the kronor left over to the largest remainders", () => {
    const rnd = random(17);
    for (let i = 0; i < 400; i++) {
      const n = rnd.int(1, 20);
      const members = Array.from({ length: n }, (_, j) => `m${String(j).padStart(2, "0")}`);
      const k = rnd.int(1, 4);
      // Weights: integer or two-decimal percentages adding up to 100, or fractions of the whole.
      const useFractions = rnd.next() < 0.3;
      const weights: Measure["weight"][] = [];
      if (useFractions) {
        const d = rnd.int(k, 97);
        let left = d;
        for (let j = 0; j < k - 1; j++) {
          const take = rnd.int(1, left - (k - 1 - j));
          weights.push(`${take}/${d}`);
          left -= take;
        }
        weights.push(`${left}/${d}`);
      } else {
        let left = 10000;
        for (let j = 0; j < k - 1; j++) {
          const take = rnd.int(1, left - (k - 1 - j));
          weights.push(take / 100);
          left -= take;
        }
        weights.push(left / 100);
      }
      const measures = weights.map((w) => {
        const values = Object.fromEntries(members.map((m) => [m, rnd.next() < 0.1 ? 0 : rnd.int(0, rnd.next() < 0.5 ? 50 : 1_000_000)]));
        if (Object.values(values).every((v) => v === 0)) values[members[0]!] = 1;
        return measure(w, values);
      });
      const amount = BigInt(rnd.next() < 0.2 ? rnd.int(0, 30) : rnd.int(0, 2 ** 31)) * BigInt(rnd.next() < 0.3 ? 1_000_003 : 1);
      const result = allocated(allocate(amount, members, measures));
      const exact = exactByMeasure(amount, members, measures);
      expect(
        result.members.reduce((s, m) => s + m.amount, 0n),
        `case ${i}`,
      ).toBe(amount);
      result.members.forEach((m, j) => {
        const [num, den] = exact[j]!;
        expect(m.exact.numerator * den, `case ${i}, ${m.member}`).toBe(num * m.exact.denominator);
        // floor(exact) or floor(exact) + 1
        expect(m.amount - num / den, `case ${i}, ${m.member}`).toBe(m.roundedUp ? 1n : 0n);
      });
      // Every member rounded up has a remainder at least as large as every member rounded down.
      const remainder = (m: Allocated["members"][number]) => (m.exact.numerator % m.exact.denominator) * 1n;
      const frac = (m: Allocated["members"][number]): [bigint, bigint] => [remainder(m), m.exact.denominator];
      const up = result.members.filter((m) => m.roundedUp).map(frac);
      const down = result.members.filter((m) => !m.roundedUp).map(frac);
      for (const [a, b] of up) for (const [c, d] of down) expect(a * d >= c * b, `case ${i}`).toBe(true);
      // The same amounts whatever order the members are listed in.
      const shuffled = [...members].sort(() => rnd.next() - 0.5);
      expect(amounts(allocated(allocate(amount, shuffled, measures))), `case ${i}`).toEqual(amounts(result));
    }
  });
});

describe("kind: allocation in a repository", () => {
  it("checks the example without findings", async () => {
    const root = copyExamples({ only: ["gr"] });
    const found = (await findings(root)).filter((f) => f.file === FILE);
    expect(found).toEqual([]);
  });

  it("alloc/weights: weights adding up to 90 % is an error at the first weight, with the weight that makes 100 %", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, 'weight: 50 # seed 004, line 133: "50% antalet', 'weight: 40 # seed 004, line 133: "50% antalet');
    const f = only(await findings(root), "alloc/weights");
    expect(f).toMatchObject({ file: FILE, line: lineOf(root, FILE, "weight: 50"), column: 13, severity: "error" });
    expect(f.message).toBe(
      'The weights of the key add up to 90 % ("Befolkning" 50 %, "Inskrivna i kommunal hälso- och sjukvård" 40 %), but they share the whole amount between them: they must add up to 100 %.',
    );
    expect(f.fix).toBe('Write `weight: 60` for "Befolkning", or correct the other weights so that all add up to 100 %.');
  });

  it("alloc/input-missing: a member without a figure, and one whose figure is `~`", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, "      ockero: 12964 # invented\n", "");
    edit(root, FILE, "      tjorn: 538 # invented", "      tjorn: ~");
    const found = ofRule(await findings(root), "alloc/input-missing");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ file: FILE, line: lineOf(root, FILE, "values:"), column: 5, severity: "error" });
    expect(found[0]!.message).toBe(
      'The measure "Befolkning" has no figure for `ockero`: every member needs a figure in every measure, or no member\'s amount can be computed.',
    );
    expect(found[1]).toMatchObject({ line: lineOf(root, FILE, "tjorn: ~"), column: 14 });
    expect(found[1]!.message).toContain('`tjorn` in the measure "Inskrivna i kommunal hälso- och sjukvård" is `~` (not known)');
  });

  it("alloc/input-missing: a measure whose figures are all `~` is not known, not all 0", async () => {
    const root = copyExamples({ only: ["gr"] });
    const text = read(root, FILE);
    const from = text.indexOf("values:", text.indexOf("values:") + 1);
    write(root, FILE, text.slice(0, from) + text.slice(from).replace(/^( {6}[a-z-]+): \d+ # invented$/gm, "$1: ~"));
    const found = ofRule(await findings(root), "alloc/input-missing");
    expect(found).toHaveLength(13);
    expect(found.every((f) => f.message.includes("is `~` (not known)"))).toBe(true);
  });

  it("alloc/member: a figure for a party that is no member; ref/party: a member that is no party", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, "members: [ale,", "members: [ale, ale, vasterbotten,");
    edit(root, FILE, "      ale: 812 # invented", "      ale: 812 # invented\n      boras: 3000");
    const found = await findings(root);
    const member = ofRule(found, "alloc/member");
    expect(member.map((f) => [f.line, f.column, f.message])).toEqual([
      [lineOf(root, FILE, "members:"), 16, "`ale` is listed twice among the members (also as members[0]); it would get two shares."],
      [
        lineOf(root, FILE, "boras: 3000"),
        7,
        'The measure "Inskrivna i kommunal hälso- och sjukvård" has a figure for `boras`, which is not one of the allocation\'s `members`.',
      ],
    ]);
    const party = ofRule(found, "ref/party").filter((f) => f.file === FILE);
    expect(party.map((f) => [f.line, f.column, f.message])).toEqual([[lineOf(root, FILE, "members:"), 21, "No party has the id `vasterbotten`."]]);
  });

  it("alloc/input-year: a measure of another year, and a member's figure cited from another year", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, "    year: 2018\n    source: SCB", "    year: 2017\n    source: SCB");
    edit(root, FILE, "      tjorn: 538 # invented", "      tjorn: { value: 538, year: 2019, note: Uppgift för 2018 saknas. }");
    const found = ofRule(await findings(root), "alloc/input-year");
    expect(found.map((f) => [f.severity, f.line, f.column])).toEqual([
      ["warning", lineOf(root, FILE, "year: 2017"), 11],
      ["warning", lineOf(root, FILE, "tjorn: {"), 34],
    ]);
    expect(found[0]!.message).toBe(
      'The figures of "Befolkning" are from 2017, but the key\'s figures are from 2018 (`basisYear`): every share is computed from the same year.',
    );
    expect(found[1]!.message).toContain('The figure of `tjorn` in "Inskrivna i kommunal hälso- och sjukvård" is from 2019');
  });

  it("renders the table: each member's figures, share and amount, a total row equal to the amount, and notes", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, "      tjorn: 538 # invented", "      tjorn: { value: 538, year: 2017, note: Uppgift för 2018 saknas. }");
    const out = join(root, "ut");
    const { code } = await run(["build", ".", "--out", out, "--no-pdf"], root);
    expect(code).toBe(0);
    const html = readFileSync(join(out, "gr/fordelning-nara-vard-2020.html"), "utf8");
    expect(html).toContain('<html lang="sv"');
    const table = tableByCaption(html, "Fördelning per kommun 2020");
    expect(spaces(table.caption)).toBe("Fördelning per kommun 2020: 51 234 567 kr");
    const head = table.rows[0]!.cells;
    expect(head.map((c) => [c.tag, spaces(c.text)])).toEqual([
      ["th", "Medlemskommun"],
      ["th", "Befolkning 2018"],
      ["th", "Inskrivna i kommunal hälso- och sjukvård 2018"],
      ["th", "Andel av beloppet"],
      ["th", "Belopp (kronor)"],
    ]);
    expect(head.every((c) => c.attrs.includes('scope="col"'))).toBe(true);
    // A cell's text without its note marker (`<sup>`), and the markers apart.
    const bare = (html: string) => spaces(text(html.replace(/<sup[\s\S]*?<\/sup>/g, "")));
    const rows = table.rows.slice(1).map((r) => r.cells.map((c) => bare(c.html)));
    const marked = table.rows.slice(1).map((r) => r.cells.map((c) => c.html.includes('class="marker"')));
    expect(rows).toHaveLength(14);
    expect(rows[2]).toEqual(["Göteborgs Stad", "571 868", "13 377", "53,83 %", "27 577 313"]);
    expect(rows[3]).toEqual(["Härryda kommun", "37 968", "905", "3,61 %", "1 847 733"]);
    // Tjörn's enrolled figure is of 2017: marked, with the note under the table.
    expect(rows[11]![2]).toBe("538");
    expect(marked[11]![2]).toBe(true);
    // Göteborg got one of the 8 kronor left over, Härryda none: marked by the name.
    expect([marked[2]![0], marked[3]![0]]).toEqual([true, false]);
    expect(marked.slice(0, 13).filter((row) => row[0]).length).toBe(8);
    expect(rows[13]).toEqual(["Summa fördelat", "1 027 780", "25 720", "100,00 %", "51 234 567"]);
    expect(table.rows[14]!.attrs).toContain('class="total"');
    // The members' amounts, without their note markers, add up to the total row's.
    const amountsCol = rows.slice(0, 13).map((r) => Number(r[4]!.replace(/\D/g, "")));
    expect(amountsCol.reduce((a, b) => a + b, 0)).toBe(51234567);
    expect(spaces(html)).toContain("Tjörns kommun, inskrivna i kommunal hälso- och sjukvård: Uppgiften avser 2017. Uppgift för 2018 saknas.");
    expect(spaces(html)).toContain("Fick en av de kronor som blev över vid avrundningen.");
    const facts = spaces(html);
    expect(facts).toContain("<dt>Fördelningsnyckel</dt><dd>50 % befolkning och 50 % inskrivna i kommunal hälso- och sjukvård</dd>");
    expect(facts).toContain("<dt>Belopp att fördela</dt><dd>51 234 567 kr</dd>");
  });
});

describe("an allocation at the edges of the range", () => {
  it("renders figures whose total passes the range of exact kronor sums, and amounts that still add up", async () => {
    const root = copyExamples({ only: ["gr"] });
    edit(root, FILE, "      ale: 31402 # invented", "      ale: 9007199254740991");
    edit(root, FILE, "      alingsas: 41420 # invented", "      alingsas: 9007199254740991");
    edit(root, FILE, "amount: 51234567", "amount: 9007199254740991");
    const out = join(root, "ut");
    const { code, stderr } = await run(["build", ".", "--out", out, "--no-pdf"], root);
    expect(code, stderr).toBe(0);
    const table = tableByCaption(readFileSync(join(out, "gr/fordelning-nara-vard-2020.html"), "utf8"), "Fördelning per kommun");
    const total = table.rows.at(-1)!.cells.map((c) => spaces(text(c.html.replace(/<sup[\s\S]*?<\/sup>/g, ""))));
    expect(total).toEqual(["Summa fördelat", "18 014 398 510 436 940", "25 720", "100,00 %", "9 007 199 254 740 991"]);
    const amounts = table.rows.slice(1, -1).map((r) => BigInt(spaces(text(r.cells[4]!.html)).replace(/\D/g, "")));
    expect(amounts.reduce((a, b) => a + b, 0n)).toBe(9007199254740991n);
  });
});

describe("plan diff of an allocation", () => {
  it("shows each member's amount before and after when an input changes, and the amount allocated unchanged", async () => {
    const root = copyExamples({ only: ["gr"] });
    git(root, "init", "-q");
    commitAll(root, "The examples");
    edit(root, FILE, "      ale: 31402 # invented", "      ale: 32402 # invented");
    commitAll(root, "Ale's population corrected");
    const { code, stdout } = await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as DiffResult;
    const doc = result.documents.find((d) => d.id === "gr/fordelning-nara-vard-2020")!;
    expect(doc.fields).toEqual([{ field: "measures[befolkning].values.ale", before: 31402, after: 32402 }]);
    // Every member's share moves when one member's population does: Ale gains, all others lose, the whole stays.
    expect(doc.allocation!.members).toHaveLength(13);
    expect(doc.allocation!.members.slice(0, 3)).toEqual([
      { party: "ale", before: 1591448, after: 1615588, difference: 24140 },
      { party: "alingsas", before: 2230584, after: 2229580, difference: -1004 },
      { party: "goteborg", before: 27577313, after: 27563458, difference: -13855 },
    ]);
    expect(doc.allocation!.members.reduce((s, m) => s + m.difference, 0)).toBe(0);
    expect(doc.allocation!.total).toEqual({ before: 51234567, after: 51234567, difference: 0 });

    const text = (await run(["diff", "HEAD~1", "HEAD"], root)).stdout.split("\n").map((l) => l.replace(/ {2,}/g, "  ").trim());
    expect(text).toContain("Allocation per member");
    expect(text).toContain("Ale kommun  1 591 448 kr  1 615 588 kr  +24 140 kr");
    expect(text).toContain("Lerums kommun  2 132 470 kr  2 131 449 kr  \u22121 021 kr");
    expect(text).toContain("Allocated  51 234 567 kr  51 234 567 kr  0 kr");
    const markdown = (await run(["diff", "HEAD~1", "HEAD", "--format", "markdown"], root)).stdout;
    expect(markdown).toContain("| Ale kommun | 1 591 448 kr | 1 615 588 kr | +24 140 kr |");
  });

  it("shows the amounts going blank where a change leaves the key without amounts", async () => {
    const root = copyExamples({ only: ["gr"] });
    git(root, "init", "-q");
    commitAll(root, "The examples");
    edit(root, FILE, "      ale: 812 # invented", "      ale: ~");
    commitAll(root, "Ale's figure not known");
    const result = JSON.parse((await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root)).stdout) as DiffResult;
    const doc = result.documents.find((d) => d.id === "gr/fordelning-nara-vard-2020")!;
    expect(doc.allocation!.members[0]).toEqual({ party: "ale", before: 1591448, after: null, difference: -1591448 });
    expect(doc.allocation!.total).toEqual({ before: 51234567, after: null, difference: -51234567 });
    expect(result.problems.map((p) => p.ruleId)).toEqual(["alloc/input-missing"]);
  });

  it("follows an allocation whose file was renamed (its id with it) by its title and year", async () => {
    const root = copyExamples({ only: ["gr"] });
    git(root, "init", "-q");
    commitAll(root, "The examples");
    git(root, "mv", FILE, "gr/nara-vard-2020.md");
    edit(root, "gr/nara-vard-2020.md", "      ockero: 421 # invented", "      ockero: 521 # invented");
    commitAll(root, "Renamed, and Öckerö's figure corrected");
    const result = JSON.parse((await run(["diff", "HEAD~1", "HEAD", "--format", "json"], root)).stdout) as DiffResult;
    expect(result.documents.map((d) => [d.id, d.status, d.idBefore, d.pathBefore])).toEqual([
      ["gr/nara-vard-2020", "changed", "gr/fordelning-nara-vard-2020", FILE],
    ]);
    const ockero = result.documents[0]!.allocation!.members.find((m) => m.party === "ockero")!;
    expect(ockero.difference).toBeGreaterThan(0);
  });
});
