/* eslint-disable @typescript-eslint/no-explicit-any -- the fixtures are Kolada's JSON, changed here into every wrong shape the importer must refuse. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { loadRepository } from "../src/model/load-repository.js";
import { koladaData } from "../src/schema/kolada.js";
import { mergeRows } from "../src/kolada/merge.js";
import { buildRequests, koladaTargets, type KoladaTarget } from "../src/kolada/requests.js";
import { parseResponse } from "../src/kolada/response.js";
import { copyExamples, read, run, tempDir } from "./helpers/repo.js";

const FIXTURES = resolve(import.meta.dirname, "fixtures/kolada");
const V3 = join(FIXTURES, "v3-sjobacka");
const V2 = join(FIXTURES, "v2-sjobacka");
const EXAMPLE_PAGES = "sjobacka/kolada-svar";
/** What these tests use of the examples: Lerum's and Sjöbacka's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka"] };
const N15428 = "data/kolada/N15428-9999.yaml";
const N17473 = "data/kolada/N17473-9999.yaml";

const fixture = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), "utf8")) as Record<string, any>;
const v3Pages = () => ["page-1.json", "page-2.json", "page-3.json"].map((f) => join(V3, f));

/** The values of a data file, read the way `plan check` reads it. */
function dataFile(root: string, file: string) {
  return koladaData.parse(parse(read(root, file)));
}

/** A copy of the examples without any imported Kolada values. */
function examplesWithoutData(): string {
  const root = copyExamples(PART);
  rmSync(join(root, "data"), { recursive: true, force: true });
  return root;
}

/** Writes a response (given as data) to a file in a fresh folder and returns its path. */
function responseFile(data: unknown, name = "svar.json"): string {
  const path = join(tempDir("plan-kolada-svar-"), name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return path;
}

/** Every file below a folder, with its text, to tell that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("plan kolada import: validation", () => {
  /** A valid v3 page with one change applied to it. */
  const broken = (change: (page: Record<string, any>) => void) => {
    const page = fixture(V3, "page-1.json");
    change(page);
    return responseFile(page);
  };

  const cases: [string, (page: Record<string, any>) => void, string, string][] = [
    [
      "a gender other than T, K or M",
      (p) => (p.values[1].values[0].gender = "F"),
      "$.values[1].values[0].gender",
      'expected a gender "T" (total), "K" (women) or "M" (men), got "F"',
    ],
    [
      "a period that is neither a number nor a four-digit string",
      (p) => (p.values[0].period = true),
      "$.values[0].period",
      "expected a year as a number or a four-digit string",
    ],
    ["a period string that is not a year", (p) => (p.values[2].period = "19"), "$.values[2].period", 'got "19"'],
    ["a value given as a string", (p) => (p.values[0].values[2].value = "84,0"), "$.values[0].values[2].value", 'expected a number or null, got "84,0"'],
    ["a value left out", (p) => delete p.values[0].values[2].value, "$.values[0].values[2].value", "expected a number or null, got nothing"],
    ["a KPI id of the wrong form", (p) => (p.values[0].kpi = "N1542"), "$.values[0].kpi", 'expected a KPI id such as "N15419", got "N1542"'],
    ["a municipality id as a number", (p) => (p.values[0].municipality = 9999), "$.values[0].municipality", "expected a municipality id as a string"],
    [
      "a deleted flag that is not a boolean",
      (p) => (p.values[0].values[0].isdeleted = "no"),
      "$.values[0].values[0].isdeleted",
      'expected true or false, got "no"',
    ],
    ["a next_url that is not a URL", (p) => (p.next_url = 2), "$.next_url", "expected a URL or null, got 2"],
    ["no values list (a metadata response)", (p) => (p.values = { id: "N15428" }), "$.values", "expected `values`, the list of a Kolada data response"],
    [
      "the same gender twice in a row",
      (p) => p.values[0].values.push({ ...p.values[0].values[0] }),
      "$.values[0].values[3]",
      "a second value for N15428, 9999, 2018, gender K",
    ],
  ];

  for (const [what, change, path, message] of cases) {
    it(`rejects ${what}, naming the file and the JSON path, and writes nothing`, async () => {
      const root = copyExamples(PART);
      const before = snapshot(join(root, "data"));
      const file = broken(change);
      const { code, stdout, stderr } = await run(["kolada", "import", file, "--repo", root], root);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      const line = stderr.split("\n").find((l) => l.startsWith(`${file}: ${path}: `));
      expect(line, stderr).toBeDefined();
      expect(line).toContain(message);
      expect(stderr).toContain("nothing was imported");
      expect(snapshot(join(root, "data"))).toEqual(before);
    });
  }

  it("rejects a file that is not JSON, and a list, naming each file; a valid file beside them is not imported either", async () => {
    const root = examplesWithoutData();
    const notJson = responseFile("{ values: [", "trasig.json");
    const list = responseFile([], "lista.json");
    const { code, stderr } = await run(["kolada", "import", join(V3, "page-1.json"), notJson, list, "--repo", root], root);
    expect(code).toBe(1);
    expect(stderr).toContain(`${notJson}: $: not JSON: `);
    expect(stderr).toContain(`${list}: $: expected an object with \`values\` (a Kolada data response), got a list`);
    expect(stderr).toContain("2 files are not a Kolada data response");
    expect(existsSync(join(root, "data"))).toBe(false);
  });

  it("names a missing file with exit code 2, and needs a repository", async () => {
    const root = copyExamples(PART);
    const missing = await run(["kolada", "import", "no-such.json"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such.json: no such file or folder.");
    const outside = await run(["kolada", "import", join(V3, "page-1.json")], tempDir());
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("plan.config.yaml");
  });
});

describe("plan kolada import: merging into data/kolada", () => {
  it("imports several pages of one query into one sorted file per KPI and municipality", async () => {
    const root = examplesWithoutData();
    // Given out of order: the order of the pages does not matter.
    const { code, stdout, stderr } = await run(["kolada", "import", ...v3Pages().reverse(), "--repo", root], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Read 3 Kolada response files (3 v3 pages): 24 values of 2 KPIs; left out 1 value that Kolada marks deleted.");
    expect(stdout).toMatch(/data\/kolada\/N15428-9999\.yaml +12 added, 0 changed, 0 unchanged \(new file\)/);
    expect(stdout).toMatch(/data\/kolada\/N17473-9999\.yaml +12 added, 0 changed, 0 unchanged \(new file\)/);
    expect(stdout).toContain("In all: 24 added, 0 changed, 0 unchanged.");

    // Every non-deleted value of every page is in the files, by year, with Kolada's genders mapped.
    const field = { T: "total", K: "women", M: "men" } as const;
    for (const page of v3Pages().map((p) => JSON.parse(readFileSync(p, "utf8")))) {
      for (const row of page.values) {
        const data = dataFile(root, `data/kolada/${row.kpi}-${row.municipality}.yaml`);
        const year = data.values.find((v) => v.year === row.period)!;
        for (const v of row.values) if (!v.isdeleted) expect(year[field[v.gender as "T"]]).toBe(v.value);
      }
    }
    const n15428 = dataFile(root, N15428);
    expect(n15428.values.map((v) => v.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(dataFile(root, N17473).values.at(-1)).toEqual({ year: 2021, total: null, women: 73.8, men: null });

    const text = read(root, N15428);
    expect(text).toMatch(/^# Written by `plan kolada import`/m);
    expect(text).toContain('municipality: "9999"');
    expect(text).toContain("  - { year: 2020, total: 85.9, women: 88.1, men: 83.8 }\n");
    // The repository loader reads the new files without complaint.
    const repo = loadRepository(root, { cwd: root });
    for (const [key, years] of [
      ["N15428-9999", 4],
      ["N17473-9999", 4],
    ] as const) {
      const loaded = repo.kolada.get(key);
      expect(loaded?.data.values).toHaveLength(years);
      expect(loaded?.source.file.messages).toEqual([]);
    }
  });

  it("accepts a folder for the .json files in it", async () => {
    const root = examplesWithoutData();
    const { code, stdout } = await run(["kolada", "import", V3, "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toContain("Read 3 Kolada response files");
    expect(existsSync(join(root, N15428))).toBe(true);
  });

  it("a re-import that changes nothing leaves every file byte for byte as it was, and does not touch it", async () => {
    const root = copyExamples(PART);
    const before = [N15428, N17473].map((f) => ({ text: read(root, f), ino: statSync(join(root, f)).ino, mtime: statSync(join(root, f)).mtimeMs }));
    const { code, stdout } = await run(["kolada", "import", join(root, EXAMPLE_PAGES), "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toContain("In all: 0 added, 0 changed, 18 unchanged.");
    expect(stdout).toMatch(/N15428-9999\.yaml +0 added, 0 changed, 9 unchanged \(unchanged\)/);
    const after = [N15428, N17473].map((f) => ({ text: read(root, f), ino: statSync(join(root, f)).ino, mtime: statSync(join(root, f)).mtimeMs }));
    expect(after).toEqual(before);
    expect(readdirSync(join(root, "data/kolada")).sort()).toEqual(["N15428-9999.yaml", "N17473-9999.yaml"]);
  });

  it("the shipped example data files are exactly what importing the example responses writes", async () => {
    const root = examplesWithoutData();
    const shipped = copyExamples(PART);
    const { code } = await run(["kolada", "import", join(root, EXAMPLE_PAGES), "--repo", root], root);
    expect(code).toBe(0);
    // The schema comment is only written where a schemas/ folder is found above the file.
    const withoutSchemaLine = (t: string) => t.replace(/^# yaml-language-server:.*\n/, "");
    for (const f of [N15428, N17473]) expect(withoutSchemaLine(read(root, f))).toBe(withoutSchemaLine(read(shipped, f)));
  });

  it("a value that changed counts as changed, and only its line of the file changes", async () => {
    const root = copyExamples(PART);
    const page = fixture(join(root, EXAMPLE_PAGES), "sida-1.json");
    const y2019 = page.values.find((r: any) => r.period === 2019);
    const total = y2019.values.find((v: any) => v.gender === "T");
    expect(total.value).toBe(85.2);
    total.value = 85.3;
    const before = read(root, N15428);
    const { code, stdout } = await run(["kolada", "import", responseFile(page), "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/N15428-9999\.yaml +0 added, 1 changed, 8 unchanged \(updated\)/);
    expect(stdout).toContain("In all: 0 added, 1 changed, 8 unchanged.");
    const after = read(root, N15428);
    expect(after).toBe(before.replace("{ year: 2019, total: 85.2,", "{ year: 2019, total: 85.3,"));
    expect(after).not.toBe(before);
    expect(readdirSync(join(root, "data/kolada")).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("drops values marked deleted (isdeleted, and the spelling is_deleted) and keeps what the file had for them", async () => {
    const root = copyExamples(PART);
    const page = fixture(join(root, EXAMPLE_PAGES), "sida-1.json");
    const y2018 = page.values.find((r: any) => r.period === 2018);
    y2018.values.find((v: any) => v.gender === "T").isdeleted = true;
    y2018.values.find((v: any) => v.gender === "K").is_deleted = true;
    y2018.values.find((v: any) => v.gender === "M").value = 99.9;
    // A deleted value for a year the file does not have yet is not added either.
    page.values.push({ kpi: "N15428", municipality: "9999", period: 2020, values: [{ count: 1, gender: "T", status: "", value: 50, isdeleted: true }] });
    const { code, stdout } = await run(["kolada", "import", responseFile(page), "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toContain("left out 3 values that Kolada marks deleted.");
    const year2018 = dataFile(root, N15428).values.find((v) => v.year === 2018);
    expect(year2018).toEqual({ year: 2018, total: 84, women: 86.2, men: 99.9 });
    expect(dataFile(root, N15428).values.map((v) => v.year)).toEqual([2017, 2018, 2019]);
  });

  it("reads v2 exports (period as a string, paging by next_page) and reports KPIs that no indicator uses", async () => {
    const root = copyExamples(PART);
    const { code, stdout } = await run(["kolada", "import", join(V2, "page-1.json"), join(V2, "page-2.json"), "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toContain("Read 2 Kolada response files (2 v2 pages): 9 values of 1 KPI.");
    expect(stdout).toContain("No indicator uses this KPI (imported all the same):\n  N00945 for 9999\n");
    expect(dataFile(root, "data/kolada/N00945-9999.yaml").values).toEqual([
      { year: 2017, total: 14860, women: 7390, men: 7470 },
      { year: 2018, total: 15000, women: 7458, men: 7542 },
      { year: 2019, total: 15118, women: 7512, men: 7606 },
    ]);
    // The KPIs that indicators use are not reported.
    const used = await run(["kolada", "import", join(root, EXAMPLE_PAGES), "--repo", root], root);
    expect(used.stdout).not.toContain("No indicator uses");
  });

  it("notes values that two files give differently, keeping the later file's", async () => {
    const root = copyExamples(PART);
    const page = fixture(join(root, EXAMPLE_PAGES), "sida-1.json");
    page.values[0].values.find((v: any) => v.gender === "T").value = 80;
    const other = responseFile(page, "annan.json");
    const { code, stdout } = await run(["kolada", "import", other, join(root, EXAMPLE_PAGES, "sida-1.json"), "--repo", root], root);
    expect(code).toBe(0);
    expect(stdout).toContain(`Note: the files disagree on N15428 for 9999, 2017, total: 80 in ${other}, 83.1 in ${EXAMPLE_PAGES}/sida-1.json`);
    expect(stdout).toContain("In all: 0 added, 0 changed, 9 unchanged.");
  });

  it("refuses to merge into a data file it cannot read, and writes nothing", async () => {
    const root = copyExamples(PART);
    writeFileSync(join(root, N15428), "kpi: N15428\nmunicipality: 9999\nvalues: []\n");
    const before = snapshot(join(root, "data"));
    const { code, stderr } = await run(["kolada", "import", join(root, EXAMPLE_PAGES), "--repo", root], root);
    expect(code).toBe(1);
    expect(stderr).toContain(`${N15428}: municipality: `);
    expect(stderr).toContain("Fix or remove the file above");
    expect(snapshot(join(root, "data"))).toEqual(before);
  });
});

describe("merging and requests (pure functions)", () => {
  it("mergeRows counts added, changed and unchanged values and keeps what the rows do not mention", () => {
    const existing = {
      kpi: "N15428",
      municipality: "9999",
      title: "Behöriga",
      values: [
        { year: 2019, total: 1, women: 2 },
        { year: 2017, men: 3 },
      ],
    };
    const copy = structuredClone(existing);
    const { data, counts } = mergeRows(existing, "N15428", "9999", [
      { kpi: "N15428", municipality: "9999", year: 2019, gender: "T", value: 1 },
      { kpi: "N15428", municipality: "9999", year: 2019, gender: "K", value: null },
      { kpi: "N15428", municipality: "9999", year: 2018, gender: "M", value: 4 },
    ]);
    expect(counts).toEqual({ added: 1, changed: 1, unchanged: 1 });
    expect(data).toEqual({
      kpi: "N15428",
      municipality: "9999",
      title: "Behöriga",
      values: [
        { year: 2017, men: 3 },
        { year: 2018, men: 4 },
        { year: 2019, total: 1, women: null },
      ],
    });
    expect(existing).toEqual(copy);
  });

  it("buildRequests puts at most 25 KPIs in a request, one municipality each, with the union of their years", () => {
    const targets: KoladaTarget[] = Array.from({ length: 30 }, (_, i) => ({
      kpi: `N${String(10000 + i)}`,
      municipality: i < 28 ? "9999" : "1441",
      years: [2019 + (i % 2)],
      indicators: [],
    }));
    const requests = buildRequests(targets, "https://api.kolada.se/v3/");
    expect(requests.map((r) => [r.municipality, r.kpis.length, r.years])).toEqual([
      ["1441", 2, [2019, 2020]],
      ["9999", 25, [2019, 2020]],
      ["9999", 3, [2019, 2020]],
    ]);
    expect(requests[0]!.url).toBe("https://api.kolada.se/v3/data/kpi/N10028,N10029/municipality/1441/year/2019,2020");
    expect(new Set(requests.flatMap((r) => r.kpis)).size).toBe(30);
  });

  it("koladaTargets takes years from the indicators and from the agreements of the municipality's party", () => {
    const root = copyExamples(PART);
    const targets = koladaTargets(loadRepository(root, { cwd: root }));
    expect(targets.map((t) => [t.kpi, t.municipality, t.years])).toEqual([
      // baseline 2018, targets 2019 and 2022; Sjöbacka's agreement runs 2019–2022.
      ["N15428", "9999", [2018, 2019, 2020, 2021, 2022]],
      ["N17473", "9999", [2018, 2019, 2020, 2021, 2022]],
    ]);
  });

  it("parseResponse tells v3 from v2 by the paging fields and flattens rows", () => {
    const v3 = parseResponse(fixture(V3, "page-3.json"));
    expect(v3.version).toBe("v3");
    expect(v3.deleted).toBe(1);
    expect(v3.next).toBeUndefined();
    expect(v3.rows).toContainEqual({ kpi: "N17473", municipality: "9999", year: 2020, gender: "M", value: 64.9 });
    const v2 = parseResponse(fixture(V2, "page-1.json"));
    expect(v2.version).toBe("v2");
    expect(v2.next).toBe(fixture(V2, "page-1.json").next_page);
    expect(v2.rows.every((r) => typeof r.year === "number")).toBe(true);
  });
});

/** A local stand-in for Kolada that serves the recorded pages, with their links pointing at itself. */
async function koladaServer(options: { hang?: boolean; status?: number } = {}) {
  const recorded = fixture(FIXTURES, "v3-sjobacka.requests.json") as unknown as { request: string; file: string }[];
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (options.hang) return;
    const match = recorded.find((r) => r.request === req.url);
    if (options.status || !match) {
      res.writeHead(options.status ?? 404, { "content-type": "application/json" }).end('{"error":"not recorded"}');
      return;
    }
    const body = readFileSync(join(V3, match.file), "utf8").replaceAll("https://api.kolada.se", base);
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { base, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length) {
    const s = servers.pop()!;
    s.closeAllConnections();
    await new Promise((ok) => s.close(ok));
  }
});

describe("plan kolada fetch", () => {
  it("asks for the repository's Kolada KPIs, follows next_url through every page, saves them and prints the import command", async () => {
    const root = copyExamples(PART);
    const dataBefore = snapshot(join(root, "data"));
    const kolada = await koladaServer();
    const { code, stdout, stderr } = await run(["kolada", "fetch", "--base-url", `${kolada.base}/v3`], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const recorded = fixture(FIXTURES, "v3-sjobacka.requests.json") as unknown as { request: string }[];
    expect(kolada.requests).toEqual(recorded.map((r) => r.request));

    // A fresh folder in the temp folder, printed, holding each page as Kolada sent it.
    const dir = /Saved 3 pages \(24 values\) in (.+)\n/.exec(stdout)?.[1];
    expect(dir, stdout).toBeDefined();
    expect(dir!.startsWith(join(tmpdir(), "plan-kolada-"))).toBe(true);
    try {
      const saved = readdirSync(dir!).sort();
      expect(saved).toEqual(["kolada-9999-1-p1.json", "kolada-9999-1-p2.json", "kolada-9999-1-p3.json"]);
      expect(readFileSync(join(dir!, saved[1]!), "utf8")).toBe(readFileSync(join(V3, "page-2.json"), "utf8").replaceAll("https://api.kolada.se", kolada.base));
      // Fetching changed nothing in the repository.
      expect(snapshot(join(root, "data"))).toEqual(dataBefore);

      // The printed command imports what was fetched.
      const command = /\n {2}plan (kolada import .+)\n/.exec(stdout)?.[1];
      expect(command).toBe(`kolada import ${dir}`);
      const imported = await run(command!.split(" "), root);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain("left out 1 value that Kolada marks deleted.");
      expect(imported.stdout).toContain("In all: 12 added, 0 changed, 12 unchanged.");
      expect(dataFile(root, N15428).values.map((v) => v.year)).toEqual([2017, 2018, 2019, 2020, 2021]);
    } finally {
      rmSync(dir!, { recursive: true, force: true });
    }
  });

  it("saves into --out and names --repo in the command when run from elsewhere", async () => {
    const root = copyExamples(PART);
    const out = join(tempDir(), "svar");
    const kolada = await koladaServer();
    const { code, stdout } = await run(["kolada", "fetch", "--repo", root, "--out", out, "--base-url", `${kolada.base}/v3/`], tempDir());
    expect(code).toBe(0);
    expect(readdirSync(out)).toHaveLength(3);
    expect(stdout).toContain(`  plan kolada import ${out} --repo ${root}\n`);
  });

  it("offline (connection refused): exit 2, says so, and writes nothing", async () => {
    const root = copyExamples(PART);
    const closed = await koladaServer();
    const port = new URL(closed.base).port;
    const s = servers.pop()!;
    await new Promise((ok) => s.close(ok));
    const out = join(tempDir(), "svar");
    const dataBefore = snapshot(join(root, "data"));
    const { code, stderr } = await run(["kolada", "fetch", "--out", out, "--base-url", `http://127.0.0.1:${port}/v3`], root);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `plan: Could not reach Kolada at http://127.0.0.1:${port}/v3/data/kpi/N15428,N17473/municipality/9999/year/2018,2019,2020,2021,2022: `,
    );
    expect(stderr).toContain("ECONNREFUSED");
    expect(stderr).toContain("Check your connection; nothing was written.");
    expect(existsSync(out)).toBe(false);
    expect(snapshot(join(root, "data"))).toEqual(dataBefore);
  });

  it("times out after --timeout seconds when Kolada does not answer, writing nothing", async () => {
    const root = copyExamples(PART);
    const kolada = await koladaServer({ hang: true });
    const out = join(tempDir(), "svar");
    const started = Date.now();
    const { code, stderr } = await run(["kolada", "fetch", "--out", out, "--timeout", "0.3", "--base-url", `${kolada.base}/v3`], root);
    expect(code).toBe(2);
    expect(stderr).toContain("no answer within 0.3 s. Check your connection; nothing was written.");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(out)).toBe(false);
  });

  it("stops at an HTTP error and writes nothing", async () => {
    const root = copyExamples(PART);
    const kolada = await koladaServer({ status: 500 });
    const out = join(tempDir(), "svar");
    const { code, stderr } = await run(["kolada", "fetch", "--out", out, "--base-url", `${kolada.base}/v3`], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Kolada at http:\/\/127\.0\.0\.1:\d+\/v3\/data\/kpi\/\S+ answered 500 Internal Server Error; nothing was written\./);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a non-empty --out folder, a bad --timeout, and a repository without Kolada indicators, before any request", async () => {
    const root = copyExamples(PART);
    const kolada = await koladaServer();
    const out = tempDir();
    mkdirSync(join(out, "old"));
    const full = await run(["kolada", "fetch", "--out", out, "--base-url", `${kolada.base}/v3`], root);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain("the folder is not empty");
    const timeout = await run(["kolada", "fetch", "--timeout", "soon", "--base-url", `${kolada.base}/v3`], root);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout takes seconds, a number above 0, e.g. 30; got "soon".');
    for (const f of ["sjobacka/indikatorer/behoriga-yrkesprogram.md", "sjobacka/indikatorer/hogskolebehorighet-3-ar.md"]) {
      writeFileSync(
        join(root, f),
        read(root, f).replace(/source:\n {2}type: kolada\n {2}kpi: \w+\n {2}municipality: "9999"\n/, "source: { type: local, description: Egen mätning. }\n"),
      );
    }
    const none = await run(["kolada", "fetch", "--base-url", `${kolada.base}/v3`], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("takes its values from Kolada");
    expect(kolada.requests).toEqual([]);
  });
});
