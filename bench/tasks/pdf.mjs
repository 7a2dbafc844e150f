// PDFs (issues 4 and 20): plan's PDFs per second and peak memory on about 200 documents, against md-to-pdf
// on the same documents' markdown bodies and against the floor (bench/pdf-floor.mjs: one warm
// browser printing plan's built HTML files with page.pdf, one after another), all with the
// same Chromium, measured in the same run. Aims: plan at least 3× md-to-pdf's PDFs per second,
// and within 1.3× the floor's time.
//
// The documents: a repository generated from the examples with 50 plans (BENCH_PDF_PLANS), about
// 200 documents that plan prints (plans, memos, reports, agreements, …); every figure is of as many
// as plan printed in its first build. Issue 20's aim (PDFs within 1.1× the warm-browser floor)
// compares printing alone: the floor's clock around page.pdf, browser warm, and plan's own report
// of its PDFs ("N PDFs rendered … in S s": its browser started and the pages printed). md-to-pdf gets each one's markdown body (the text below the frontmatter; plan's
// PDFs also show the budget tables, goals and interventions from the frontmatter, so md-to-pdf
// has less to print). md-to-pdf is installed once into BENCH_MD_TO_PDF_DIR (default: the
// system's temp folder/plan-bench-md-to-pdf), outside the project, with
// `PUPPETEER_SKIP_DOWNLOAD=1 npm install md-to-pdf@5` (it depends on full puppeteer, whose
// browser download is skipped), and pointed at the same browser with --launch-options. Its
// command line opens every file it is given at once, in one browser: with 200 files on a small
// machine most pages time out (its 30 s navigation limit) and it fails, so it is given the
// files in batches, one browser per batch, through xargs. BENCH_MD_TO_PDF_BATCH lists the
// batch sizes measured (default "10,20"; on 2 quiet cores: 5 → 99 s, 10 → 59 s, 20 → 44 s,
// 50 → 18 files failed). 20 is its fastest but on a busy machine some of its pages time out;
// a size whose runs fail is noted and left out. plan is compared with the fastest that made
// all 200. BENCH_MD_TO_PDF_BATCH=0 leaves md-to-pdf out (issue 20's figure does not need it).
//
// plan and the floor are measured together, run after run in alternating order, so that a
// change in the machine's load meets both alike; plan is run with --lang en, whose report the
// task reads ("N PDFs rendered, 0 unchanged in S s": the browser started, the print variants
// made, the pages printed and the browser closed; "N meeting packets joined in S s" apart).
//
// Wall times are of the whole command (start, check, HTML, browser start, PDFs). Each run of
// plan removes the output's .plan-cache.json first, so every run renders all the PDFs. Peak
// memory: the runner's figure (the largest single process: node, or one browser process), and
// once per tool the sum over the whole process tree (node + every browser process), sampled
// from /proc every 50 ms as proportional set size, so memory the processes share is counted
// once (Linux only).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

// About 200 documents with a PDF: the examples print about 4 documents a plan (3 once; they have grown). BENCH_PDF_PLANS sets another number.
const PLANS = Math.max(1, Math.round(Number(process.env.BENCH_PDF_PLANS ?? 50)));
const RUNS = Math.max(1, Number(process.env.BENCH_PDF_RUNS ?? 3));
const BATCHES = (process.env.BENCH_MD_TO_PDF_BATCH ?? "10,20")
  .split(",")
  .map((b) => Math.round(Number(b)))
  .filter((b) => Number.isFinite(b) && b >= 1);

function listFiles(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(p);
      } else if (e.name.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The markdown below the frontmatter. */
const bodyOf = (text) => text.replace(/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, "");

function ensureMdToPdf(log) {
  const dir = process.env.BENCH_MD_TO_PDF_DIR || join(tmpdir(), "plan-bench-md-to-pdf");
  const bin = join(dir, "node_modules", ".bin", "md-to-pdf");
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, "package.json"))) writeFileSync(join(dir, "package.json"), '{ "name": "plan-bench-md-to-pdf", "private": true }\n');
  log(`installing md-to-pdf into ${dir} (browser download skipped)`);
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "md-to-pdf@5"], {
    cwd: dir,
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0 || !existsSync(bin))
    throw new Error(`could not install md-to-pdf into ${dir}: ${(r.stderr || r.error?.message || "").trim().split("\n").slice(-3).join(" / ")}`);
  return bin;
}

/** Runs argv once and samples the memory of its whole process tree (the sum of each process's PSS), as text in MB (10^6 bytes). */
async function treePeakMB(argv, options) {
  if (process.platform !== "linux") return undefined;
  const page = Number(spawnSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).stdout.trim()) || 4096;
  const child = spawn(argv[0], argv.slice(1), { ...options, stdio: "ignore" });
  let peak = 0;
  const sample = () => {
    const parents = new Map();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        parents.set(Number(name), ppid);
      } catch {
        // gone meanwhile
      }
    }
    let sum = 0;
    for (const pid of parents.keys()) {
      let p = pid;
      while (p && p !== child.pid && parents.has(p)) p = parents.get(p);
      if (p !== child.pid) continue;
      try {
        // Proportional set size: memory shared between the browser's processes counted once, not in each.
        const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
        sum += pss ? Number(pss[1]) * 1024 : Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * page;
      } catch {
        // gone meanwhile
      }
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(timer);
  return `${(peak / 1e6).toFixed(0)} MB${code === 0 ? "" : ` (that run failed: exit ${code})`}`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export default async function ({ tmpDir, measure, measureTogether, cli, root, generateRepository, note, record, log }) {
  const { findBrowser, isExecutable } = await import(join(root, "dist", "browser", "index.js"));
  const browser = findBrowser({ env: process.env });
  if (!browser || !isExecutable(browser)) throw new Error("no browser found (set PUPPETEER_EXECUTABLE_PATH or install chromium): the PDF bench needs one");
  const node = process.execPath;

  const repo = join(tmpDir, "repo");
  generateRepository(repo, { plans: PLANS });
  const out = join(tmpDir, "site");
  log(`first build of ${PLANS} plans, to check the count and to have the HTML for the floor`);
  const first = spawnSync(node, [cli, "build", repo, "--out", out, "--pdf"], { encoding: "utf8" });
  if (first.status !== 0) throw new Error(`plan build failed: ${first.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  // The documents' PDFs: those of a markdown file (a meeting's packet of documents is joined from them, not printed).
  const pdfs = listFiles(out, ".pdf").filter((pdf) => existsSync(join(repo, relative(out, pdf).replace(/\.pdf$/, ".md"))));
  // Every figure below is of as many documents as plan printed from these plans.
  const DOCUMENTS = pdfs.length;
  if (DOCUMENTS === 0) throw new Error("plan made no PDF");

  // The floor prints the built HTML of the same 200 documents.
  const list = join(tmpDir, "floor-files.txt");
  writeFileSync(list, pdfs.map((p) => p.replace(/\.pdf$/, ".html")).join("\n") + "\n");
  const floorFigures = join(tmpDir, "floor-seconds.txt");

  // md-to-pdf gets the same documents' markdown bodies, one file each.
  const mdDir = join(tmpDir, "md");
  mkdirSync(mdDir);
  const mdFiles = pdfs.map((pdf) => {
    const rel = relative(out, pdf).replace(/\.pdf$/, ".md");
    const name = rel.split(sep).join("-");
    writeFileSync(join(mdDir, name), bodyOf(readFileSync(join(repo, rel), "utf8")));
    return name;
  });
  const mdList = join(tmpDir, "md-files.txt");
  writeFileSync(mdList, mdFiles.join("\n") + "\n");
  const mdToPdf = BATCHES.length ? ensureMdToPdf(log) : undefined;
  const launch = JSON.stringify({ executablePath: browser, args: ["--no-sandbox"] });

  const jobs = availableParallelism();
  const planLabel = `plan build --pdf (${DOCUMENTS} PDFs, --jobs ${jobs})`;
  const mdLabel = (batch) => `md-to-pdf (${DOCUMENTS} markdown bodies, ${batch} a call)`;
  const floorLabel = `PDF floor (${DOCUMENTS} pages, 1 warm browser, page.pdf in turn)`;
  // plan's report of each run ("plan: N PDFs rendered, 0 unchanged in S s, …") is kept, for its printing time alone.
  const planSaid = join(tmpDir, "plan-stdout.txt");
  const planArgv = [
    "sh",
    "-c",
    `rm -f "$1/.plan-cache.json" && exec "$2" "$3" build "$4" --out "$1" --pdf --lang en >> "$5"`,
    "sh",
    out,
    node,
    cli,
    repo,
    planSaid,
  ];
  const mdArgv = (batch) => ["xargs", "-a", mdList, "-d", "\n", "-n", String(batch), mdToPdf, "--launch-options", launch];
  const floorArgv = ["node", join(root, "bench", "pdf-floor.mjs"), browser, list, join(tmpDir, "floor-pdfs"), floorFigures];

  const planSpec = {
    label: planLabel,
    argv: planArgv,
    cwd: tmpDir,
    plans: PLANS,
    floor: floorLabel,
    aim: { ratioTo: floorLabel, ratio: 1.3, issue: 4, text: `plan build --pdf, ${DOCUMENTS} PDFs: within 1.3× the floor (whole commands)` },
  };
  const floorSpec = { label: floorLabel, argv: floorArgv, cwd: tmpDir, plans: PLANS };
  // Together, alternating; a runner without measureTogether measures one after the other.
  const [floor, plan] = measureTogether
    ? await measureTogether([floorSpec, planSpec], { runs: RUNS })
    : [await measure(floorLabel, floorArgv, floorSpec), await measure(planLabel, planArgv, planSpec)];
  if (listFiles(join(tmpDir, "floor-pdfs"), ".pdf").length !== DOCUMENTS) throw new Error("the floor did not print every page");
  if (listFiles(out, ".pdf").filter((pdf) => pdfs.includes(pdf)).length !== DOCUMENTS) throw new Error(`plan's measured runs did not leave ${DOCUMENTS} PDFs`);
  let md;
  for (const batch of BATCHES) {
    for (const pdf of listFiles(mdDir, ".pdf")) rmSync(pdf);
    try {
      const row = await measure(mdLabel(batch), mdArgv(batch), { cwd: mdDir, runs: RUNS, plans: PLANS });
      if (listFiles(mdDir, ".pdf").length !== DOCUMENTS) throw new Error(`made ${listFiles(mdDir, ".pdf").length} PDFs, not ${DOCUMENTS}`);
      if (!md || row.median < md.row.median) md = { row, batch };
    } catch (error) {
      note(
        `${mdLabel(batch)}: left out`,
        String(error.message ?? error)
          .split("\n")[0]
          .slice(0, 160),
      );
    }
  }
  if (!md)
    note("md-to-pdf (issue 4)", BATCHES.length ? "no complete run at any batch size: plan ÷ md-to-pdf has no figure" : "left out (BENCH_MD_TO_PDF_BATCH=0)");

  // Issue 20: PDFs within 1.1× the warm-browser floor. Both printing alone: the floor's from its clock around page.pdf
  // (browser started and warm), plan's as it reports it (its browser started, the pages printed; no check, no HTML).
  const warmRuns = existsSync(floorFigures) ? readFileSync(floorFigures, "utf8").split("\n").filter(Boolean).map(Number) : [];
  const said = existsSync(planSaid) ? readFileSync(planSaid, "utf8") : "";
  const planRuns = [...said.matchAll(/PDFs? rendered, \d+ unchanged in ([\d.]+) s/g)].map((m) => Number(m[1]));
  const packetRuns = [...said.matchAll(/meeting packets? joined in ([\d.]+) s/g)].map((m) => Number(m[1]));
  if (warmRuns.length && planRuns.length) {
    const warmLabel = `PDF floor, printing alone (${DOCUMENTS} pages, browser warm)`;
    const warmRow = record(warmLabel, warmRuns, { plans: PLANS });
    const planRow = record(`plan build --pdf, its PDFs (${DOCUMENTS}, as plan reports them: browser start to close)`, planRuns, {
      plans: PLANS,
      floor: warmLabel,
      aim: { ratioTo: warmLabel, ratio: 1.1, issue: 20, text: `plan's PDFs, ${DOCUMENTS}: within 1.1× the warm-browser floor (printing alone)` },
    });
    // Run by run: the n-th run of each was made one beside the other.
    const pairs = planRuns.map((p, i) => (warmRuns[i] ? `${p.toFixed(1)}/${warmRuns[i].toFixed(2)}` : undefined)).filter(Boolean);
    const ratio = planRow.median / warmRow.median;
    note(
      "plan's PDFs ÷ the warm-browser floor (aim: at most 1.1×, issue 20)",
      `${ratio.toFixed(2)}× — ${ratio <= 1.1 ? "met" : "NOT met"}: plan ${planRow.median.toFixed(1)} s against the floor's ${warmRow.median.toFixed(2)} s (medians; minima ${(planRow.min / warmRow.min).toFixed(2)}×); run by run, plan/floor s: ${pairs.join(", ")}`,
    );
  } else note("plan's PDFs against the warm-browser floor (issue 20)", "no figure: plan's report or the floor's figures are missing");
  if (packetRuns.length)
    note(
      "plan's meeting packets, joined after its PDFs (not in the figure above; the floor joins none)",
      `${median(packetRuns).toFixed(1)} s (median of ${packetRuns.length})`,
    );

  const rate = (row) => DOCUMENTS / row.median;
  const warm = existsSync(floorFigures) ? median(readFileSync(floorFigures, "utf8").split("\n").filter(Boolean).map(Number)) : undefined;
  note(
    "PDFs per second (median run)",
    `plan ${rate(plan).toFixed(2)}, md-to-pdf ${md ? `${rate(md.row).toFixed(2)} (${md.batch} a call)` : "-"}, floor ${rate(floor).toFixed(2)} (whole command)${warm ? `, floor ${(DOCUMENTS / warm).toFixed(2)} (printing alone, browser warm)` : ""}`,
  );
  if (md) {
    const speedup = md.row.median / plan.median;
    note(
      "plan ÷ md-to-pdf, PDFs per second (aim: at least 3×, issue 4)",
      `${speedup.toFixed(2)}× against md-to-pdf's fastest complete batch size (${md.batch}) — ${speedup >= 3 ? "met" : "NOT met"}`,
    );
  }
  note(
    "plan ÷ floor, time (aim: at most 1.3×, issue 4)",
    `${(plan.median / floor.median).toFixed(2)}× against the whole floor command${warm ? `, ${(plan.median / warm).toFixed(2)}× against its printing alone (plan's time includes its check, HTML and browser start)` : ""}`,
  );

  log("sampling the memory of each process tree once");
  const planTree = await treePeakMB(planArgv, { cwd: tmpDir });
  const mdTree = md ? await treePeakMB(mdArgv(md.batch), { cwd: mdDir }) : "-";
  if (planTree !== undefined)
    note(
      "peak memory, whole process tree (node + browser, PSS), one run",
      `plan ${planTree}, md-to-pdf ${mdTree}; largest single process: plan ${plan.peakMB?.toFixed(0) ?? "?"} MB, md-to-pdf ${md?.row.peakMB?.toFixed(0) ?? "?"} MB`,
    );
}
