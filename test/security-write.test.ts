import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  watch,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateRepository } from "../bench/generate.mjs";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { copyExamples, edit, EPOCH, fileTempDir, read, run, tempDir, type ExamplesPart } from "./helpers/repo.js";
import { copyBuiltExamples } from "./helpers/shared.js";
import { startWatch } from "./helpers/watch.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");
warnIfSkipped("Each write test with PDFs", "browser");

/**
 * The mechanisms below need a few documents, not every example: Lerum's (the phone number in
 * plan.config.yaml is on each of its pages, and the tests name its folder), or Sjöbacka's where
 * a test changes one of them.
 */
const LERUM = { only: ["lerum"] };
const SJOBACKA = { only: ["sjobacka"] };
/** The smallest folder of documents: Ale's fund, one document. */
const ALE = { only: ["ale"] };

/** Every file under `dir`, hidden ones too, with its bytes; links are listed as links, never followed. */
function snapshot(dir: string): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) files.set(p.slice(dir.length + 1), `link to ${readlinkSync(p)}`);
      else if (e.isDirectory()) walk(p);
      else files.set(p.slice(dir.length + 1), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

function expectSame(after: Map<string, string | Buffer>, before: Map<string, string | Buffer>): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [path, bytes] of before) expect(Buffer.from(after.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
}

/** The hidden folders a run makes beside an output folder (`.dist.plan-new-…`). */
const besideFolders = (dir: string) => readdirSync(dir).filter((n) => /^\..+\.plan-(new|old|pdf|watch)-\d+-/.test(n));
/** What a run of pid `pid` has in the temp folder: its record and its browser profile. */
const tempLeftovers = (pid: number, temp: string) => readdirSync(temp).filter((n) => n === `plan-run-${pid}` || n.startsWith(`plan-browser-${pid}-`));
/** The browser processes started by plan's process `pid`: their command line names its profile. */
function browsersOf(pid: number): string[] {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).stdout;
  return ps.split("\n").filter((l) => l.includes(`plan-browser-${pid}-`));
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * `plan` spawned with a temp folder of its own (`temp`), where its browser profile and the record of
 * its folders go. Shared, that folder would hold what other processes left under the same pid: pids
 * wrap (at 32 768 on the CI machines, several times in one test run), and a worker killed outright,
 * or another process on the machine, leaves its records behind.
 */
function spawnPlan(args: string[], cwd: string) {
  const temp = tempDir("plan-tmp-");
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...EPOCH, NO_COLOR: "1", LANG: "en", LC_ALL: undefined, LC_MESSAGES: undefined, TMPDIR: temp },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((r) =>
    child.on("exit", (code, signal) => r({ code, signal, stderr })),
  );
  return { child, exited, temp };
}

/** `fn` run in process with `temp` as the temp folder (`os.tmpdir()` reads TMPDIR at every call). */
async function withTemp<T>(temp: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env["TMPDIR"];
  process.env["TMPDIR"] = temp;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = saved;
  }
}

/** A word for `sh`, quoted. */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The plans spawned on a terminal by a test, killed after it if they are still there (stopped by a test that failed). */
const onTerminal: { ended: boolean; exited: Promise<unknown>; kill: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const plan of onTerminal.splice(0)) {
    // While `script` has not ended, plan's pid is still plan's (alive, or not yet reaped by it).
    if (!plan.ended) await plan.kill();
    await plan.exited;
  }
});

/** Whether process `pid` is stopped by a signal (state T in /proc); false once it is gone. */
function isStopped(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("T");
  } catch {
    return false;
  }
}

/**
 * `plan` spawned on a pseudo-terminal (`script`), so that it shows its progress line while it
 * reads the documents, with `temp` as its temp folder. `terminal` is what it has written so
 * far; `pid` is the pid of plan's own process (the shell says its pid, then becomes plan with
 * `exec`). `stopWhen` stops plan (SIGSTOP) as soon as what it has written matches, in the same
 * turn as the output arrives; `kill` kills it with SIGKILL. `exited` gives `script`'s exit
 * code, which is 128 + the signal when plan was killed.
 */
function spawnPlanOnTerminal(args: string[], cwd: string, temp: string) {
  const command = `echo "plan pid $$"; exec ${[process.execPath, CLI, ...args].map(shellQuote).join(" ")}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...EPOCH,
    NO_COLOR: "1",
    LANG: "en",
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    TERM: "xterm",
    TMPDIR: temp,
  };
  delete env["CI"];
  const child = spawn("script", ["--quiet", "--return", "--flush", "--command", command, "/dev/null"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const plan = {
    terminal: "",
    pid: 0,
    ended: false,
    stopped: false,
    exited: new Promise<number | null>((r) => child.on("exit", (code) => ((plan.ended = true), r(code)))),
    stopWhen,
    kill,
  };
  onTerminal.push(plan);
  let waiting: { pattern: RegExp; resolve: () => void } | undefined;
  child.stdout!.on("data", (d) => {
    plan.terminal += d;
    plan.pid ||= Number(/^plan pid (\d+)\r?\n/.exec(plan.terminal)?.[1] ?? 0);
    if (waiting && plan.pid && waiting.pattern.test(plan.terminal)) {
      process.kill(plan.pid, "SIGSTOP");
      plan.stopped = true;
      waiting.resolve();
      waiting = undefined;
    }
  });
  child.stderr!.resume();
  async function kill(): Promise<void> {
    // `script` stops itself when it sees plan stop (as a shell's job would), and must then be woken to see plan end. plan is
    // killed only once script has stopped: had plan died before script took the news of the stop, the two would have come
    // as one signal (SIGCHLD is not queued), script would have read only the stop, and it would wait for ever.
    if (plan.stopped) await until(() => isStopped(child.pid!) || plan.ended, "script to stop as plan did", 10_000);
    if (plan.pid) process.kill(plan.pid, "SIGKILL");
    else child.kill("SIGKILL");
    child.kill("SIGCONT");
  }
  function stopWhen(pattern: RegExp, what: string, timeoutMs = 30_000): Promise<void> {
    return new Promise<void>((resolveStop, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; plan wrote ${JSON.stringify(plan.terminal)}`)), timeoutMs);
      waiting = { pattern, resolve: () => (clearTimeout(timer), resolveStop()) };
      void plan.exited.then(() => waiting && (clearTimeout(timer), reject(new Error(`plan ended before ${what}; it wrote ${JSON.stringify(plan.terminal)}`))));
    });
  }
  return plan;
}

describe("nothing is written outside the output folder, nor through a link", () => {
  it("refuses a dist that is a link to a folder outside the repository, and writes nothing there", async () => {
    const repo = copyExamples(LERUM);
    const elsewhere = tempDir("plan-elsewhere-");
    writeFileSync(join(elsewhere, ".bashrc"), "precious\n");
    symlinkSync(elsewhere, join(repo, "dist"));
    const { code, stderr } = await run(["build", ".", "--no-pdf"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("plan: The output folder dist is a symbolic link; plan writes only into real folders");
    expect(stderr).toContain("Nothing was written.");
    expect(readdirSync(elsewhere)).toEqual([".bashrc"]);
    expect(readdirSync(dirname(elsewhere)).filter((n) => n.startsWith(`.${"plan-elsewhere-"}`))).toEqual([]);
  });

  it("refuses an --out under a link, and an --out that is a link to the repository", async () => {
    const repo = copyExamples(LERUM);
    const work = tempDir();
    const elsewhere = tempDir("plan-elsewhere-");
    symlinkSync(elsewhere, join(work, "site"));
    const under = await run(["build", repo, "--no-pdf", "--out", "site/out"], work);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`The output folder site/out lies under ${join(work, "site")}, which is a symbolic link`);
    expect(readdirSync(elsewhere)).toEqual([]);

    symlinkSync(repo, join(work, "repo-link"));
    const before = snapshot(repo);
    for (const out of ["repo-link", join(work, "repo-link")]) {
      const { code, stderr } = await run(["build", repo, "--no-pdf", "--out", out], work);
      expect(code, out).toBe(2);
      expect(stderr).toContain(`The output folder ${out} is a symbolic link`);
    }
    expectSame(snapshot(repo), before);
  });

  it("never writes through a link placed inside a previous output: the link is replaced, its target untouched", async () => {
    const repo = copyExamples(LERUM);
    const first = await run(["build", ".", "--no-pdf"], repo);
    expect(first.code, first.stderr).toBe(0);
    // The folder of Lerum's pages replaced by a link to someone's home, which has a file of the same name as a page.
    const home = tempDir("plan-home-");
    writeFileSync(join(home, "plan-2019.html"), "precious\n");
    rmSync(join(repo, "dist", "lerum"), { recursive: true });
    symlinkSync(home, join(repo, "dist", "lerum"));
    const second = await run(["build", ".", "--no-pdf"], repo);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(home)).toEqual(["plan-2019.html"]);
    expect(readFileSync(join(home, "plan-2019.html"), "utf8")).toBe("precious\n");
    expect(lstatSync(join(repo, "dist", "lerum")).isDirectory()).toBe(true);
    expect(read(repo, "dist/lerum/plan-2019.html")).toContain("<html");
  });

  it("refuses an output folder inside the repository that holds its sources, and keeps dist and the CI's public working", async () => {
    const repo = copyExamples(LERUM);
    const before = snapshot(join(repo, "lerum"));
    for (const [out, source] of [
      ["lerum", "lerum/avtal-2017-2020.md"],
      [".", undefined],
      ["templates/..", undefined],
    ] as const) {
      const { code, stderr } = await run(["build", ".", "--no-pdf", "--out", out], repo);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(source ? `holds ${source}, a file of the repository's sources` : "is the repository or contains it");
    }
    expectSame(snapshot(join(repo, "lerum")), before);
    for (const out of ["public", "dist"]) {
      const { code, stderr } = await run(["build", ".", "--no-pdf", "--out", out], repo);
      expect(code, stderr).toBe(0);
      expect(existsSync(join(repo, out, ".plan-build"))).toBe(true);
    }
  });

  it("compares only with sources that exist: --out templates in a repository without templates/ builds there; one that holds a template is refused", async () => {
    const repo = copyExamples(LERUM);
    rmSync(join(repo, "templates"), { recursive: true, force: true });
    const built = await run(["build", ".", "--no-pdf", "--out", "templates"], repo);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(repo, "templates", ".plan-build"))).toBe(true);
    const withTemplates = copyExamples(LERUM);
    mkdirSync(join(withTemplates, "templates"), { recursive: true });
    writeFileSync(join(withTemplates, "templates", "style.css"), "body {}\n");
    const refused = await run(["build", ".", "--no-pdf", "--out", "templates"], withTemplates);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("holds templates, a file of the repository's sources");
  });

  it("refuses a non-empty folder that no build made, and replaces a previous build's output as a whole", async () => {
    const repo = copyExamples(SJOBACKA);
    const out = join(tempDir(), "site");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const refused = await run(["build", repo, "--no-pdf", "--out", out], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("holds files that plan did not build (it has no .plan-build mark)");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    rmSync(join(out, "notes.txt"));
    expect((await run(["build", repo, "--no-pdf", "--out", out], repo)).code).toBe(0);
    // A document removed: its page goes with the next build, and no temporary file is ever inside the output.
    rmSync(join(repo, "sjobacka", "rapport-2019.md"));
    expect((await run(["build", repo, "--no-pdf", "--out", out], repo)).code).toBe(0);
    const files = [...snapshot(out).keys()];
    expect(files).not.toContain("sjobacka/rapport-2019.html");
    expect(files.filter((f) => /\.tmp|plan-(new|old|pdf|watch)-/.test(f))).toEqual([]);
    expect(besideFolders(dirname(out))).toEqual([]);
  });

  it("kolada import refuses a data folder that is a link, and a link on the way to a file it writes", async () => {
    const repo = copyExamples(SJOBACKA);
    const responses = join(repo, "sjobacka", "kolada-svar");
    const elsewhere = tempDir("plan-elsewhere-");
    renameSync(join(repo, "data"), join(elsewhere, "data"));
    symlinkSync(join(elsewhere, "data"), join(repo, "data"));
    const before = snapshot(elsewhere);
    const { code, stderr } = await run(["kolada", "import", responses], repo);
    expect(code).toBe(2);
    // One message, naming the link and what to do: not, besides, each data file the link makes unreadable.
    expect(stderr).toMatch(
      /^plan: data is a symbolic link, and `plan kolada import` writes only into real folders of the repository\b.*Replace the link by a folder \(or file\) of the repository, then import again; nothing was imported\.\n$/,
    );
    expectSame(snapshot(elsewhere), before);

    // The folder real, one of its files a link.
    rmSync(join(repo, "data"));
    renameSync(join(elsewhere, "data"), join(repo, "data"));
    const file = readdirSync(join(repo, "data", "kolada")).find((n) => n.endsWith(".yaml"))!;
    const target = join(elsewhere, "target.yaml");
    writeFileSync(target, read(repo, `data/kolada/${file}`).replace(/^(\s*- \[?\d{4}, )\d+/m, "$1" + "1"));
    const outside = readFileSync(target);
    rmSync(join(repo, "data", "kolada", file));
    symlinkSync(target, join(repo, "data", "kolada", file));
    const again = await run(["kolada", "import", responses], repo);
    expect(again.code, again.stdout).toBe(2);
    expect(again.stderr).toMatch(
      new RegExp(`^plan: ${join("data", "kolada", file).replace(/\./g, "\\.")} is a symbolic link, [^\\n]*nothing was imported\\.\\n$`),
    );
    expect(readFileSync(target).equals(outside)).toBe(true);
  });
});

// The tests that spawn `node dist/cli.js` need it built from the sources as they are: test/global-setup.ts compiles it when it is not.

describe("watch mode writes file by file, never a temporary file inside the output, never through a link", () => {
  it("stages its temporary files beside the output, and refuses a link inside it", async () => {
    const root = copyExamples(LERUM);
    const watcher = startWatch(root, ["build", ".", "--watch", "--no-pdf"]);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/files written in dist/);
    const seen: string[] = [];
    const events = watch(join(root, "dist"), { recursive: true }, (_event, name) => name && seen.push(String(name)));
    // A new phone number: every Lerum page is written again.
    edit(root, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/files? written in dist/);
    await new Promise((r) => setTimeout(r, 100));
    events.close();
    expect(seen).toContain(join("lerum", "plan-2019.html"));
    expect(seen.filter((n) => !existsSync(join(root, "dist", n)))).toEqual([]);
    expect(besideFolders(root)).toEqual([]);

    const home = tempDir("plan-home-");
    writeFileSync(join(home, "plan-2019.html"), "precious\n");
    rmSync(join(root, "dist", "lerum"), { recursive: true });
    symlinkSync(home, join(root, "dist", "lerum"));
    edit(root, "plan.config.yaml", "phone: 0302-52 10 99", "phone: 0302-52 10 00");
    expect(await watcher.next(/Watching \. for changes/)).toContain(
      `${join(root, "dist", "lerum")} is a symbolic link, and plan writes only into real folders`,
    );
    expect(readdirSync(home)).toEqual(["plan-2019.html"]);
    expect(readFileSync(join(home, "plan-2019.html"), "utf8")).toBe("precious\n");
    expect(await watcher.stop()).toBe(2);
  });
});

describe("a killed build leaves the previous output, and the next run removes what it left", () => {
  /** A repository with a previous build in `dist` (PDFs too when a browser is there), and a change that makes every page new. */
  async function previousBuild(pdf: boolean, part: ExamplesPart) {
    const repo = await copyBuiltExamples(pdf, part);
    edit(repo, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
    return { repo, out: join(repo, "dist"), before: snapshot(join(repo, "dist")) };
  }

  async function afterKill(repo: string, out: string, before: Map<string, string | Buffer>, pid: number, outInPlace: boolean, temp: string) {
    if (outInPlace) expectSame(snapshot(out), before);
    await until(() => browsersOf(pid).length === 0, "the browser of the killed build to end", 10_000);
    const check = await withTemp(temp, () => run(["check", "."], repo));
    expect(check.code, check.stderr).toBe(0);
    expect(besideFolders(repo)).toEqual([]);
    expect(tempLeftovers(pid, temp)).toEqual([]);
    // Nor anything else the killed run's browser made in its temp folder.
    expect(readdirSync(temp)).toEqual([]);
    expectSame(snapshot(out), before);
  }

  /** The pid of a process that has ended: a run that was killed. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

  /** What a build killed while writing and printing leaves: a half-made new output and a PDF staging folder beside dist, its record and its browser profile. */
  function leftoversOfKilledRun(repo: string, temp: string): { pid: number; paths: string[] } {
    const pid = deadPid();
    const paths = [join(repo, `.dist.plan-new-${pid}-aaaaaa`), join(repo, `.dist.plan-pdf-${pid}-bbbbbb`), join(temp, `plan-browser-${pid}-cccccc`)];
    for (const p of paths) {
      mkdirSync(join(p, "lerum"), { recursive: true });
      writeFileSync(join(p, "lerum", "plan-2019.html"), "half");
    }
    writeFileSync(join(temp, `plan-run-${pid}`), `${join(repo, `.dist.plan-new-${pid}-`)}\n${join(repo, `.dist.plan-pdf-${pid}-`)}\n`);
    return { pid, paths: [...paths, join(temp, `plan-run-${pid}`)] };
  }

  /** The repository of previousBuildOfMany with its build, made once for the tests that copy it. */
  let many: Promise<string> | undefined;
  const builtMany = () =>
    (many ??= (async () => {
      const repo = join(fileTempDir(), "repo");
      generateRepository(repo, { plans: 10 });
      const first = await run(["build", ".", "--no-pdf"], repo, EPOCH);
      if (first.code !== 0) throw new Error(`the build of the generated repository failed:\n${first.stderr}`);
      return repo;
    })());

  /**
   * A repository large enough that reading its documents, and rendering its pages, each take a
   * while (ten plans, 61 documents: each phase took about a second on two busy cores), so that a
   * test can stop the build in either; with a previous build in `dist` and a change that makes
   * every page new.
   */
  async function previousBuildOfMany() {
    const repo = join(tempDir(), "repo");
    cpSync(await builtMany(), repo, { recursive: true });
    edit(repo, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
    // A temp folder of its own: any plan command anywhere removes what dead runs left in the shared one, which would hide a run that does not.
    const temp = tempDir("plan-tmp-");
    return { repo, out: join(repo, "dist"), before: snapshot(join(repo, "dist")), temp };
  }

  /** The progress line while a document is read: `reading 12 of 62: …`, not yet the last. */
  const readingUnfinished = /\r\x1b\[Kplan: reading (\d+) of (?!\1:)(\d+): [^\r]*$/;
  /** The progress line of the last document, then cleared: the reading and the checks are done. */
  const readingDone = /\r\x1b\[Kplan: reading (\d+) of \1: [^\r]*\r\x1b\[K/;

  it("killed while reading the documents, after an earlier killed run", async () => {
    const { repo, out, before, temp } = await previousBuildOfMany();
    const earlier = leftoversOfKilledRun(repo, temp);
    const plan = spawnPlanOnTerminal(["build", ".", "--no-pdf"], repo, temp);
    await plan.stopWhen(readingUnfinished, "the build to read its documents");
    // A run, even one killed before it has read the documents, has already removed what an earlier killed run left.
    expect(earlier.paths.filter((p) => existsSync(p))).toEqual([]);
    await plan.kill();
    expect(await plan.exited).toBe(128 + 9);
    // The last thing it wrote is the progress line of a document that was not the last: it died reading.
    const [, done, total] = readingUnfinished.exec(plan.terminal) ?? [];
    expect(Number(done), plan.terminal).toBeLessThan(Number(total));
    await afterKill(repo, out, before, plan.pid, true, temp);
  }, 60_000);

  it("killed while rendering the pages, after an earlier killed run", async () => {
    // The stop comes as the last document's progress line reaches this process. On a busy machine the build may by then have
    // begun its new output, and that attempt says nothing of a build killed while rendering: it is tried again, at most twice.
    for (let attempt = 1; ; attempt++) {
      const { repo, out, before, temp } = await previousBuildOfMany();
      const earlier = leftoversOfKilledRun(repo, temp);
      const plan = spawnPlanOnTerminal(["build", ".", "--no-pdf"], repo, temp);
      await plan.stopWhen(readingDone, "the build to finish reading and checking");
      expect(earlier.paths.filter((p) => existsSync(p))).toEqual([]);
      const writing = besideFolders(repo).some((n) => n.startsWith(".dist.plan-new-")) || plan.terminal.includes("plan: built");
      if (writing && attempt < 3) {
        await plan.kill();
        await plan.exited;
        continue;
      }
      // Stopped after the checks and before the new output is begun: the build is rendering the pages in memory.
      expect(besideFolders(repo).filter((n) => n.startsWith(".dist.plan-new-"))).toEqual([]);
      expect(plan.terminal).not.toContain("plan: built");
      await plan.kill();
      expect(await plan.exited).toBe(128 + 9);
      expect(plan.terminal).toMatch(new RegExp(`${readingDone.source}$`));
      await afterKill(repo, out, before, plan.pid, true, temp);
      return;
    }
  }, 90_000);

  it.skipIf(!browserPath)(
    "killed while printing the PDFs: the browser ends with it",
    async () => {
      const { repo, out, before } = await previousBuild(true, LERUM);
      const { child, exited, temp } = spawnPlan(["build", ".", "--pdf", "--jobs", "1"], repo);
      const pdfStaged = () =>
        besideFolders(repo)
          .filter((n) => n.startsWith(".dist.plan-pdf-"))
          .some((n) => readdirSync(join(repo, n), { recursive: true }).some((f) => String(f).endsWith(".pdf")));
      await until(pdfStaged, "the first PDF to be printed", 60_000);
      expect(browsersOf(child.pid!).length).toBeGreaterThan(0);
      child.kill("SIGKILL");
      expect((await exited).signal).toBe("SIGKILL");
      await afterKill(repo, out, before, child.pid!, true, temp);
    },
    120_000,
  );

  /**
   * A build of Lerum's and Sjöbacka's documents, with a large image (`megabytes`) that makes the
   * writing of the new output take a while, stopped (SIGSTOP) as soon as its new output folder
   * appears beside `dist`. The folder is seen through the kernel's notifications, not by polling,
   * so the moment is not missed; on a busy machine the stop can still come after the swap, and
   * then `caught` is false and the build has ended.
   */
  async function buildStoppedWhileWriting(megabytes: number) {
    const { repo, out, before } = await previousBuild(false, { only: ["lerum", "sjobacka"] });
    mkdirSync(join(repo, "sjobacka", "bilder"));
    writeFileSync(
      join(repo, "sjobacka", "bilder", "karta.png"),
      Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(megabytes * 1024 * 1024)]),
    );
    edit(repo, "sjobacka/plan-2020.md", "\nFiktivt exempel.\n", "\nFiktivt exempel.\n\n![Karta över Sjöbacka](bilder/karta.png)\n");
    const notifications = watch(repo);
    const { child, exited, temp } = spawnPlan(["build", ".", "--no-pdf"], repo);
    let ended = false;
    void exited.then(() => (ended = true));
    const started = new Promise<void>((resolveStarted) =>
      notifications.on("change", (_event, name) => {
        if (!String(name).startsWith(".dist.plan-new-")) return;
        child.kill("SIGSTOP");
        resolveStarted();
      }),
    );
    await Promise.race([started, exited]);
    notifications.close();
    await until(() => ended || isStopped(child.pid!), "the build to stop", 10_000);
    // Stopped with its new folder still beside `dist`, and `dist` in place: before the swap, which moves both.
    const caught = !ended && existsSync(out) && besideFolders(repo).some((n) => n.startsWith(".dist.plan-new-"));
    if (!caught) {
      child.kill("SIGCONT");
      expect((await exited).code).toBe(0);
    }
    return { repo, out, before, child, exited, temp, caught };
  }

  it("killed while writing the new output beside the old one", async () => {
    let attempt = await buildStoppedWhileWriting(64);
    // A build that outran its stop is tried again with an image twice as large, whose writing takes twice as long.
    for (let megabytes = 128; !attempt.caught && megabytes <= 512; megabytes *= 2) attempt = await buildStoppedWhileWriting(megabytes);
    const { repo, out, before, child, exited, temp, caught } = attempt;
    expect(caught, "a build stopped while it wrote its new output").toBe(true);
    // Stopped in the middle: the output folder is still the previous one.
    expectSame(snapshot(out), before);
    child.kill("SIGKILL");
    expect((await exited).signal).toBe("SIGKILL");
    await afterKill(repo, out, before, child.pid!, true, temp);
  }, 120_000);

  it("killed between moving the previous output aside and putting the new one in its place: the next run puts the previous one back", async () => {
    const { repo, out, before } = await previousBuild(false, LERUM);
    const dead = deadPid();
    const temp = tempDir("plan-tmp-");
    const aside = join(repo, `.dist.plan-old-${dead}-abc123`);
    renameSync(out, aside);
    mkdirSync(join(repo, `.dist.plan-new-${dead}-def456`));
    writeFileSync(join(repo, `.dist.plan-new-${dead}-def456`, "index.html"), "half");
    writeFileSync(join(temp, `plan-run-${dead}`), `${join(repo, `.dist.plan-new-${dead}-`)}\n${join(repo, `.dist.plan-old-${dead}-`)}\n`);
    expect(existsSync(out)).toBe(false);
    await afterKill(repo, out, before, dead, false, temp);
  });
});

describe("the browser dies with plan", () => {
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
  ] as const) {
    it.skipIf(!browserPath)(
      `on ${signal}: its whole process group ends, its profile and the build's folders go, the output stays`,
      async () => {
        const repo = await copyBuiltExamples(false, { only: ["sjuharad"] });
        const before = snapshot(join(repo, "dist"));
        const { child, exited, temp } = spawnPlan(["build", ".", "--pdf", "--jobs", "1"], repo);
        await until(() => browsersOf(child.pid!).length > 1, "the browser and its helpers to start", 60_000);
        child.kill(signal);
        const end = await exited;
        expect(end.code).toBe(code);
        expect(end.stderr).toContain(`plan: stopped by ${signal}.`);
        // The group is killed as plan stops; on a loaded machine the kernel may take a moment to end every process of it.
        await until(() => browsersOf(child.pid!).length === 0, "every process of the browser's group to end", 10_000);
        // Nothing in its temp folder, which was empty: its record, its browser's profile, and what Chromium makes in its temp folder (`org.chromium.Chromium.XXXXXX`) are gone.
        expect(readdirSync(temp)).toEqual([]);
        expect(besideFolders(repo)).toEqual([]);
        expectSame(snapshot(join(repo, "dist")), before);
      },
      120_000,
    );
  }

  it.skipIf(!browserPath)(
    "a build with PDFs leaves nothing in the temp folder: the browser's temp folder is plan's, removed with its profile",
    async () => {
      const repo = copyExamples(ALE);
      const { exited, temp } = spawnPlan(["build", ".", "--pdf", "--jobs", "1"], repo);
      const end = await exited;
      expect(end.code, end.stderr).toBe(0);
      expect(readdirSync(join(repo, "dist", "ale")).filter((n) => n.endsWith(".pdf")).length).toBeGreaterThan(0);
      // Chromium, its process group killed as the build ends, left its own temp folder (`org.chromium.Chromium.XXXXXX`) there.
      expect(readdirSync(temp)).toEqual([]);
    },
    120_000,
  );
});

describe("a full or read-only disk is the user's message, and the previous output stays", () => {
  const mounts: string[] = [];
  afterEach(() => {
    while (mounts.length) {
      const at = mounts.pop()!;
      spawnSync("umount", [at]);
      rmSync(at, { recursive: true, force: true });
    }
  });

  /** A small file system of its own (tmpfs), or `undefined` where this machine does not allow mounting one. */
  function smallDisk(size: string): string | undefined {
    const at = tempDir("plan-disk-");
    if (spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", at]).status !== 0) return undefined;
    mounts.push(at);
    return at;
  }

  const canMount = (() => {
    const at = join(tmpdir(), `plan-mount-probe-${process.pid}`);
    mkdirSync(at, { recursive: true });
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", at]).status === 0;
    if (ok) spawnSync("umount", [at]);
    rmSync(at, { recursive: true, force: true });
    return ok;
  })();
  if (!canMount) console.warn("Disk tests SKIPPED: this machine does not allow mounting a tmpfs (run as root).");

  /** The size of the output of a build of `repo`, in KiB. */
  async function outputSize(repo: string): Promise<number> {
    const out = join(tempDir(), "site");
    const built = await run(["build", repo, "--no-pdf", "--out", out], repo, EPOCH);
    if (built.code !== 0) throw new Error(`the build to measure failed:\n${built.stderr}`);
    return Number(execFileSync("du", ["-sk", out], { encoding: "utf8" }).split("\t")[0]);
  }

  for (const pdf of [false, true]) {
    it.skipIf(!canMount || (pdf && !browserPath))(
      `a full disk${pdf ? ", with PDFs" : ""}: exit 2, the disk named, the previous output intact`,
      async () => {
        const repo = copyExamples(LERUM);
        const size = await outputSize(repo);
        // Room for one build's pages and a little more: not for a second copy of them, nor for PDFs.
        const disk = smallDisk(`${Math.ceil(size * 1.4)}k`)!;
        const out = join(disk, "site");
        const first = await run(["build", repo, "--no-pdf", "--out", out], repo, EPOCH);
        expect(first.code, first.stderr).toBe(0);
        const before = snapshot(out);
        edit(repo, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
        const { code, stderr } = await run(["build", repo, pdf ? "--pdf" : "--no-pdf", "--out", out], repo, EPOCH);
        expect(code).toBe(2);
        expect(stderr).toMatch(
          /^plan: Could not write \S+: the disk is full; make room and build again\. Nothing was changed: \S+ is as it was before this build\.\n$/,
        );
        expect(stderr).not.toMatch(/internal error|This is a bug/);
        expectSame(snapshot(out), before);
        expect(besideFolders(disk)).toEqual([]);
      },
      120_000,
    );

    it.skipIf(!canMount || (pdf && !browserPath))(
      `a read-only disk${pdf ? ", with PDFs" : ""}: exit 2, said so, the output intact`,
      async () => {
        const disk = smallDisk("16m")!;
        const repo = copyExamples(LERUM);
        const out = join(disk, "site");
        expect((await run(["build", repo, "--no-pdf", "--out", out], repo, EPOCH)).code).toBe(0);
        const before = snapshot(out);
        expect(spawnSync("mount", ["-o", "remount,ro", disk]).status).toBe(0);
        edit(repo, "plan.config.yaml", "phone: 0302-52 10 00", "phone: 0302-52 10 99");
        const { code, stderr } = await run(["build", repo, pdf ? "--pdf" : "--no-pdf", "--out", out], repo, EPOCH);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^plan: Could not write \S+: the file system is read-only; choose another output folder \(--out\)\. Nothing was changed/);
        expect(stderr).not.toMatch(/internal error|This is a bug/);
        expectSame(snapshot(out), before);
      },
      120_000,
    );
  }
});
