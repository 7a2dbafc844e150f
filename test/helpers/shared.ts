import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, inject } from "vitest";
import { runBuild } from "../../src/commands/build.js";
import { reportError } from "../../src/commands/main.js";
import { copyExamples, copyExamplesTo, EPOCH, fileTempDir, KEPT, type ExamplesPart } from "./repo.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The temp folder of the run (test/global-setup.ts), every test file's TMPDIR (test/setup.ts), removed when the run ends. */
    tempDir: string;
    /** A folder for what the test files of one run share (test/global-setup.ts), removed when the run ends. */
    sharedDir: string;
  }
}

/**
 * `make(dir)` once in `root` for every test file that asks, whichever worker asks first: the
 * first to create `dir` there makes it, the others wait for its result (a JSON file beside it).
 */
async function once<T>(root: string, name: string, make: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(root, name);
  const result = join(root, `${name}.json`);
  const maker = join(root, `${name}.pid`);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return waitFor<T>(result, maker);
  }
  writeFileSync(maker, String(process.pid));
  let outcome: { ok: true; value: T } | { ok: false; error: string };
  try {
    outcome = { ok: true, value: await make(dir) };
  } catch (error) {
    outcome = { ok: false, error: String((error as Error)?.stack ?? error) };
  }
  writeFileSync(`${result}.tmp`, JSON.stringify(outcome));
  renameSync(`${result}.tmp`, result);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

async function waitFor<T>(result: string, maker: string): Promise<T> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const end = Date.now() + 300_000;
  while (!existsSync(result)) {
    const pid = existsSync(maker) ? Number(readFileSync(maker, "utf8")) : 0;
    // The worker making it ended without a result (its test file crashed).
    if (pid && !alive(pid) && !existsSync(result)) throw new Error(`the test worker ${pid} that was making ${result} ended without making it`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${result}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const outcome = JSON.parse(readFileSync(result, "utf8")) as { ok: true; value: T } | { ok: false; error: string };
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

/** How many PDFs a build of the examples prints: every document's but the indicators' (the meeting packets are joined from them, not printed). */
export const EXAMPLE_PDFS = 34;

/** The documents of Herrljunga's meeting of 2017-02-28 (seed 001) that its packet joins after the kallelse, in agenda order. */
export const HERRLJUNGA_PACKET_DOCUMENTS = [
  "herrljunga/tjansteskrivelse-arbetsmiljo-chefer.pdf",
  "herrljunga/tjansteskrivelse-bokslut-2016.pdf",
  "herrljunga/verksamhetsberattelse-2016.pdf",
  "herrljunga/tjansteskrivelse-ombudgetering-2016.pdf",
  "herrljunga/ombudgetering-investeringar-2016.pdf",
  "herrljunga/tjansteskrivelse-intern-kontroll-2016.pdf",
  "herrljunga/intern-kontroll-2016.pdf",
  "herrljunga/forslag-uppsokande-verksamhet.pdf",
  "herrljunga/tjansteskrivelse-uppsokande-verksamhet.pdf",
  "herrljunga/tjansteskrivelse-anhorigstod.pdf",
  "herrljunga/forslag-hagen-demenscentrum.pdf",
  "herrljunga/forslag-verksamhetslokaler.pdf",
];

/** A `plan build` of the examples: where its output is (never to be changed: copy it), and what the command said and did. */
export interface ExamplesBuild {
  out: string;
  code: number;
  stdout: string;
  stderr: string;
  /** Every request the printer blocked. */
  blocked: string[];
}

const builds = new Map<string, Promise<ExamplesBuild>>();

/**
 * `plan build --pdf --jobs 2` (or `--no-pdf`) of the examples as they are, with SOURCE_DATE_EPOCH
 * (EPOCH): made once per run of the tests, in the run's shared folder (test/global-setup.ts), and
 * shared by every test file that asks; outside such a run, once per test file. Never change its
 * output: copy it (copyBuiltExamples).
 */
export function builtExamples(pdf: boolean): Promise<ExamplesBuild> {
  const shared = inject("sharedDir");
  const key = `${shared ? "" : expect.getState().testPath}|${pdf}`;
  let built = builds.get(key);
  if (!built) {
    built = once(shared ?? fileTempDir("plan-shared-"), `examples-${pdf ? "pdf" : "html"}`, async (dir) => {
      const repo = join(dir, "repo");
      copyExamplesTo(repo);
      const out = join(dir, "out");
      let stdout = "";
      let stderr = "";
      const blocked: string[] = [];
      const io = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { NO_COLOR: "1", LANG: "en", ...EPOCH },
        cwd: repo,
      };
      const code = await runBuild(repo, { out, pdf, jobs: "2", hooks: { finished: (r) => blocked.push(...r.blocked) }, ...KEPT }, io).catch((error: unknown) =>
        reportError(error, io),
      );
      return { out, code, stdout, stderr, blocked };
    });
    builds.set(key, built);
  }
  return built;
}

/**
 * A copy of the examples with a copy of their build in `dist`, as `plan build . --pdf` (or `--no-pdf`) with SOURCE_DATE_EPOCH
 * leaves them. With `only`, a part of the examples (copyExamples) beside the whole build: a build there prints again none of
 * the part's PDFs (the part's pages are the same), and drops the pages of the folders left out.
 */
export async function copyBuiltExamples(pdf: boolean, part: ExamplesPart = {}): Promise<string> {
  const built = await builtExamples(pdf);
  if (built.code !== 0) throw new Error(`the shared build of the examples failed (exit ${built.code}):\n${built.stderr}`);
  const repo = copyExamples(part);
  cpSync(built.out, join(repo, "dist"), { recursive: true });
  return repo;
}
