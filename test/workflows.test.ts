import { spawn } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { browserArgs, browsersOnPath, findBrowser, inContainer } from "../src/browser/index.js";
import { commitAll, git } from "./helpers/git.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { copyExamples, edit, fileTempDir, lineOf, read, run, tempDir } from "./helpers/repo.js";

/**
 * The CI that `plan init` writes, run as GitHub and GitLab would run it: each job in a fresh
 * git clone of an init'ed repository whose `origin` holds main and the pull-request branches,
 * each `run:` step (GitHub) or the job's `before_script` and `script` (GitLab) with bash, in
 * order, with the variables the CI sets. What the test does itself, in place of the runner:
 *
 * - GitHub `actions/checkout` (fetch-depth 0): the clone, at the merge commit of the pull
 *   request into main, as GitHub checks out `refs/pull/N/merge`; GitLab's clone (GIT_DEPTH 0):
 *   the clone at the source branch.
 * - `actions/setup-node` and the `node:22-bookworm` image: the node running this test, on PATH.
 * - npm's cache (setup-node's `cache: npm`, GitLab's `cache:` of `.npm/`): this machine's npm
 *   cache, read with `npm_config_offline`, so that `npm ci` reaches no network; the copy's
 *   dependencies are the versions of this repository's lock, which installed node_modules here.
 * - `actions/cache` and GitLab's cache of `dist/`: the output of the job's previous build.
 * - `actions/upload-artifact` and GitLab's artifacts: checked to be there.
 * - `gh` (GitHub's CLI on the runner) and `apt-get` (Debian's, in the image): stubs on PATH
 *   that record how they were called; the PDFs are printed with this machine's browser, which
 *   plan finds as it finds Chrome on a GitHub runner or the chromium apt-get installs.
 * - GitLab's notes API: a server in this test, at CI_API_V4_URL.
 */

const npmCache = process.env["npm_config_cache"] ?? join(homedir(), ".npm");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Ran {
  code: number;
  output: string;
}

let origin: string;
let stubs: string;
let calls: string;

/** bash running `script` in `cwd`, asynchronously (the notes server answers meanwhile). */
function bash(script: string, cwd: string, env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The job's installed plan, removed when the job ends as the runner removes its machine: thousands of files, not to be left to the hook that removes the folders. */
function dropInstall(dir: string): void {
  rmSync(join(dir, ".plan/node_modules"), { recursive: true, force: true });
}

/** A fresh clone of origin, as a CI job starts. */
function clone(name: string): string {
  const dir = join(fileTempDir("plan-ci-"), name);
  git(dirname(dir), "clone", "-q", origin, name);
  return dir;
}

/** PATH as a runner has it: the stubs, then the node running this test (setup-node, the image), then the system's. */
const basePath = () => [stubs, dirname(process.execPath), process.env["PATH"] ?? ""].join(delimiter);

/** What every job sees: a CI, npm reading only its cache, git without the user's settings. */
const baseEnv = (): Record<string, string> => ({
  HOME: process.env["HOME"] ?? homedir(),
  PATH: basePath(),
  CI: "true",
  LANG: "C.UTF-8",
  npm_config_offline: "true",
  npm_config_update_notifier: "false",
  GIT_CONFIG_NOSYSTEM: "1",
  STUB_CALLS: calls,
});

/** Expressions the workflow uses, with the values GitHub gives them for pull request 7 of the repository. */
function githubExpressions(sha: string): Record<string, string> {
  return {
    "github.token": "ghs_test",
    "github.repository": "kommun/folkhalsoplan",
    "github.event.pull_request.number": "7",
    "github.sha": sha,
  };
}

function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
    if (!(e in values)) throw new Error(`the workflow uses \${{ ${e} }}, which this test does not know`);
    return values[e]!;
  });
}

/** A step's `if:`, for the conditions the workflow has: anything else fails the test, so that a new one is thought about. */
function githubIf(condition: string | undefined, failed: boolean, dir: string): boolean {
  if (condition === undefined) return !failed;
  if (condition === "${{ !cancelled() }}") return true;
  if (condition === "${{ !cancelled() && hashFiles('plan-diff.md') != '' && github.event.pull_request.head.repo.full_name == github.repository }}")
    return existsSync(join(dir, "plan-diff.md"));
  throw new Error(`the workflow has the condition ${condition}, which this test does not know`);
}

interface GithubRun {
  dir: string;
  steps: { name: string; code: number; output: string }[];
  summary: string;
}

/** Runs a job of the GitHub workflow in a fresh clone at `ref` (for a pull request: its merge into main). */
async function runGithubJob(job: "check" | "build", event: "pull_request" | "push", branch: string, restoreDist?: string): Promise<GithubRun> {
  const workflow = parse(read(origin, ".github/workflows/plan.yml"));
  const spec = workflow.jobs[job] as { if: string; "runs-on": string; steps: Step[] };
  expect(spec.if).toBe(`github.event_name == '${event}'`);
  expect(spec["runs-on"]).toBe("ubuntu-latest");
  const dir = clone(`github-${job}`);
  const files = join(dirname(dir), "runner");
  mkdirSync(files);
  const [pathFile, summaryFile, outputFile, envFile] = ["path", "summary", "output", "env"].map((f) => join(files, f));
  for (const f of [pathFile!, summaryFile!, outputFile!, envFile!]) writeFileSync(f, "");
  let path = basePath();
  const env: Record<string, string> = {
    ...baseEnv(),
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: "kommun/folkhalsoplan",
    GITHUB_PATH: pathFile!,
    GITHUB_STEP_SUMMARY: summaryFile!,
    GITHUB_OUTPUT: outputFile!,
    GITHUB_ENV: envFile!,
    RUNNER_TEMP: files,
    ...(event === "pull_request"
      ? { GITHUB_BASE_REF: "main", GITHUB_HEAD_REF: branch, GITHUB_REF: "refs/pull/7/merge" }
      : { GITHUB_REF: `refs/heads/${branch}` }),
  };
  const steps: GithubRun["steps"] = [];
  let failed = false;
  for (const step of spec.steps) {
    if (step.uses) {
      const action = step.uses.split("@")[0];
      if (action === "actions/checkout") {
        expect(step.with?.["fetch-depth"]).toBe(0);
        expect(step.with?.["persist-credentials"]).toBe(false);
        if (event === "pull_request") {
          git(dir, "checkout", "-q", "--detach", "origin/main");
          git(dir, "merge", "-q", "--no-ff", "-m", `Merge ${branch} into main`, `origin/${branch}`);
        } else git(dir, "checkout", "-q", branch);
      } else if (action === "actions/setup-node") {
        expect(step.with).toEqual({ "node-version": 22, cache: "npm", "cache-dependency-path": ".plan/package-lock.json" });
        expect(existsSync(join(dir, ".plan/package-lock.json"))).toBe(true);
      } else if (action === "actions/cache" && step.with?.["path"] === ".plan-cache") {
        // plan check's cache: none yet (the first run); the check writes it.
        expect(step.with).toMatchObject({ "restore-keys": "plan-check-" });
      } else if (action === "actions/cache") {
        expect(step.with).toMatchObject({ path: "dist", "restore-keys": "plan-dist-" });
        if (restoreDist) cpSync(restoreDist, join(dir, "dist"), { recursive: true });
      } else if (action === "actions/upload-artifact") {
        expect(step.with).toEqual({ name: "dokument", path: "dist/" });
        expect(readdirSync(join(dir, "dist")).length).toBeGreaterThan(0);
      } else throw new Error(`the workflow uses ${step.uses}, which this test does not stand in for`);
      steps.push({ name: step.uses, code: 0, output: "" });
      continue;
    }
    if (!githubIf(step.if, failed, dir)) continue;
    const values = githubExpressions(git(dir, "rev-parse", "HEAD").trim());
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), values)]));
    const result = await bash(substitute(step.run!, values), dir, { ...env, ...stepEnv, PATH: path });
    steps.push({ name: step.name ?? step.run!, ...result });
    if (result.code !== 0) failed = true;
    // What a step adds to GITHUB_PATH is on PATH for the steps after it.
    const added = read(files, "path").split("\n").filter(Boolean);
    path = [...added.reverse(), basePath()].join(delimiter);
  }
  dropInstall(dir);
  return { dir, steps, summary: read(files, "summary") };
}

interface Note {
  method: string;
  url: string;
  token: string | undefined;
  body: string;
}

/** GitLab's API for merge-request notes, as far as the job uses it: it records each note and answers 201. */
async function notesServer(): Promise<{ url: string; notes: Note[]; close: () => Promise<void> }> {
  const notes: Note[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let data = "";
    request.on("data", (d: Buffer) => (data += d.toString()));
    request.on("end", () => {
      notes.push({
        method: request.method ?? "",
        url: request.url ?? "",
        token: request.headers["private-token"] as string | undefined,
        body: new URLSearchParams(data).get("body") ?? "",
      });
      response.writeHead(201, { "content-type": "application/json" }).end('{"id":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v4`, notes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs a job of the GitLab CI in a fresh clone at `branch`: its before_script and script in one shell, as the runner does. */
async function runGitlabJob(
  job: "check" | "build",
  branch: string,
  env: Record<string, string>,
  options: { afterwards?: (dir: string) => Promise<void> } = {},
) {
  const ci = parse(read(origin, ".gitlab-ci.yml"));
  expect(ci.variables).toEqual({ GIT_DEPTH: "0" });
  expect(ci.default.image).toBe("node:22-bookworm");
  const dir = clone(`gitlab-${job}-${branch}`);
  git(dir, "checkout", "-q", branch);
  // The cache: npm's, restored into .npm/ of the project (here this machine's); for the build, dist/ (none yet: the first build).
  const caches = (ci[job].cache ?? [ci.default.cache]) as { key: unknown; paths: string[] }[];
  expect(caches[0]).toEqual({ key: { files: [".plan/package-lock.json"] }, paths: [".npm/"] });
  symlinkSync(npmCache, join(dir, ".npm"));
  if (job === "build") expect(caches[1]).toEqual({ key: "plan-dist", paths: ["dist/"] });
  expect(caches.at(-1)).toEqual({ key: "plan-check", paths: [".plan-cache/"] });
  const script = ["set -eo pipefail", ...(ci.default.before_script as string[]), ...(ci[job].script as string[])].join("\n");
  const result = await bash(script, dir, { ...baseEnv(), GITLAB_CI: "true", CI_PROJECT_DIR: dir, CI_PROJECT_ID: "42", ...env });
  await options.afterwards?.(dir);
  dropInstall(dir);
  return { dir, ...result, artifacts: ci[job].artifacts };
}

// Each job installs plan's dependencies (about 190 packages) from npm's cache: a minute on a busy machine.
/**
 * The five jobs install plan from `.plan/` with `npm ci` each (about 190 packages, some 10 s a
 * job on two cores), so they run in the long suite (`npm run test:workflows`, run by `.ci/run`),
 * not in `npm test`; the reporter and the browser search below run in both.
 */
const LONG = process.env["PLAN_LONG_TESTS"] === "1";
if (LONG) warnIfSkipped("The CI workflows' test", "browser");

describe.skipIf(!browserPath || !LONG)("the CI that plan init writes, run as generated (npm run test:workflows)", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    const base = fileTempDir("plan-ci-");
    origin = join(base, "origin");
    mkdirSync(origin);
    const init = await run(["init", ".", "--kommun", "Alingsås kommun", "--year", "2027", "--contribution", "500000"], origin);
    expect(init.code, init.stderr).toBe(0);
    git(origin, "init", "-q", "-b", "main");
    commitAll(origin, "Folkhälsoplan 2027");
    // A pull request that moves 50 000 kr per party from the strategist to the parenting support: the totals hold.
    git(origin, "checkout", "-q", "-b", "flytta-pengar");
    const line = /total: 500000\n {4}parties: \{ (\S+): 250000, (\S+): 250000 \}/;
    edit(origin, "plan-2027.md", line, "total: 600000\n    parties: { $1: 300000, $2: 300000 }");
    edit(origin, "plan-2027.md", line, "total: 400000\n    parties: { $1: 200000, $2: 200000 }");
    commitAll(origin, "Mer till föräldrastödet");
    // A pull request with an error: a party's amount changed, and the line's total no longer its sum.
    git(origin, "checkout", "-q", "-b", "fel-summa", "main");
    edit(origin, "plan-2027.md", line, "total: 500000\n    parties: { $1: 300000, $2: 250000 }");
    commitAll(origin, "Fel summa");
    git(origin, "checkout", "-q", "main");

    stubs = join(base, "bin");
    calls = join(base, "calls");
    mkdirSync(stubs);
    mkdirSync(calls);
    const stub = (name: string, body: string) => {
      writeFileSync(join(stubs, name), `#!/bin/bash\n${body}\n`);
      chmodSync(join(stubs, name), 0o755);
    };
    // gh records its arguments and the body it was given; --edit-last fails as when the pull request has no comment yet.
    stub(
      "gh",
      `echo "gh $*" >> "$STUB_CALLS/gh"
  for a in "$@"; do [ "$a" = --edit-last ] && exit 1; done
  while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$STUB_CALLS/gh-body"; shift; done
  exit 0`,
    );
    stub("apt-get", `echo "apt-get $*" >> "$STUB_CALLS/apt-get"`);
  }, 120_000);

  let gitlabDist: string;

  it("GitLab, merge request: installs plan from .plan/, reports the problems as Code Quality, writes the diff and posts it as a note", async () => {
    const server = await notesServer();
    try {
      const ci = parse(read(origin, ".gitlab-ci.yml"));
      expect(ci.check.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
      const job = await runGitlabJob(
        "check",
        "flytta-pengar",
        {
          CI_PIPELINE_SOURCE: "merge_request_event",
          CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
          CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "flytta-pengar",
          CI_MERGE_REQUEST_IID: "7",
          CI_API_V4_URL: server.url,
          PLAN_NOTE_TOKEN: "glpat-test",
        },
        {
          // The plan installed from the copy packs itself to the same bytes: renewing the copy with it changes nothing.
          afterwards: async (dir) => {
            const renewed = await bash(".plan/node_modules/.bin/plan init --update .", dir, baseEnv());
            // The runner names no language (LANG=C.UTF-8): plan speaks Swedish, as to its users.
            expect(renewed).toEqual({ code: 0, output: "Kopian av plan i .plan är redan den här versionen (folkhalsoplan-0.1.0.tgz); inget ändrades.\n" });
          },
        },
      );
      expect(job.code, job.output).toBe(0);
      expect(job.output).toContain("0 fel och 3 varningar i 2 filer");
      // The Code Quality report: the placeholders of the drafts, at their lines.
      expect(job.artifacts.reports.codequality).toBe("gl-code-quality-report.json");
      const report = JSON.parse(read(job.dir, "gl-code-quality-report.json")) as { check_name: string; severity: string; location: { path: string } }[];
      expect(report.map((r) => [r.check_name, r.severity, r.location.path])).toEqual([
        ["text/placeholder", "minor", "plan-2027.md"],
        ["text/placeholder", "minor", "tjansteskrivelse-plan-2027.md"],
        ["text/placeholder", "minor", "tjansteskrivelse-plan-2027.md"],
      ]);
      // The diff, in the log, in the artifact and as the merge request's note.
      const diff = read(job.dir, "plan-diff.md");
      expect(diff).toMatch(/600\s000/);
      expect(job.output).toContain(diff.split("\n")[0]!);
      expect(job.artifacts).toMatchObject({ when: "always", paths: ["plan-diff.md"] });
      expect(server.notes).toEqual([{ method: "POST", url: "/api/v4/projects/42/merge_requests/7/notes", token: "glpat-test", body: diff }]);
    } finally {
      await server.close();
    }
  });

  it("GitLab, merge request with an error: the diff is written all the same, no note without a token, and the job fails with the check's exit code", async () => {
    const job = await runGitlabJob("check", "fel-summa", {
      CI_PIPELINE_SOURCE: "merge_request_event",
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
      CI_MERGE_REQUEST_IID: "8",
      CI_API_V4_URL: "http://127.0.0.1:9/api/v4",
    });
    expect(job.code, job.output).toBe(1);
    const report = JSON.parse(read(job.dir, "gl-code-quality-report.json")) as { check_name: string; severity: string; location: { path: string } }[];
    const errors = report.filter((r) => r.severity === "major");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((r) => r.location.path === "plan-2027.md")).toBe(true);
    expect(read(job.dir, "plan-diff.md")).toMatch(/300\s000/);
  });

  it("GitLab, main: installs Debian's chromium with apt-get and builds the HTML and PDFs", async () => {
    const ci = parse(read(origin, ".gitlab-ci.yml"));
    expect(ci.build.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main"' }]);
    const job = await runGitlabJob("build", "main", { CI_PIPELINE_SOURCE: "push", CI_COMMIT_BRANCH: "main" });
    expect(job.code, job.output).toBe(0);
    expect(read(calls, "apt-get")).toBe("apt-get update -qq\napt-get install -y -qq --no-install-recommends chromium\n");
    for (const f of ["plan-2027.html", "plan-2027.pdf", "tjansteskrivelse-plan-2027.pdf", "avtal-2027-2030.pdf"])
      expect(existsSync(join(job.dir, "dist", f)), f).toBe(true);
    expect(job.artifacts).toEqual({ name: "dokument", paths: ["dist/"] });
    gitlabDist = join(job.dir, "dist");
  });

  it("GitHub, pull request: installs plan from .plan/, annotates the problems, writes the diff to the summary and comments it", async () => {
    const job = await runGithubJob("check", "pull_request", "flytta-pengar");
    const failed = job.steps.filter((s) => s.code !== 0);
    expect(failed, failed.map((s) => `${s.name}:\n${s.output}`).join("\n")).toEqual([]);
    expect(job.steps.map((s) => s.name)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "Install plan from .plan/",
      "actions/cache@v4",
      "Check",
      "Diff against the base branch",
      "Comment the diff on the pull request",
    ]);
    expect(job.steps.find((s) => s.name === "Check")!.output).toMatch(
      /^::warning file=plan-2027\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=text\/placeholder::/m,
    );
    const diff = read(job.dir, "plan-diff.md");
    expect(diff).toMatch(/600\s000/);
    expect(job.summary).toBe(diff);
    expect(read(calls, "gh")).toBe("gh pr comment 7 --body-file plan-diff.md --edit-last\ngh pr comment 7 --body-file plan-diff.md\n");
    expect(read(calls, "gh-body")).toBe(diff);
  });

  it("GitHub, main: builds with the browser on the runner, and the cached output spares the unchanged PDFs", async () => {
    const job = await runGithubJob("build", "push", "main", gitlabDist);
    const failed = job.steps.filter((s) => s.code !== 0);
    expect(failed, failed.map((s) => `${s.name}:\n${s.output}`).join("\n")).toEqual([]);
    expect(job.steps.map((s) => s.name)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "Install plan from .plan/",
      "actions/cache@v4",
      "actions/cache@v4",
      "Build the documents (the PDFs printed with the Chrome installed on the runner)",
      "actions/upload-artifact@v4",
    ]);
    expect(job.steps.find((s) => s.name.startsWith("Build the documents"))!.output).toMatch(/framställde 0 PDF-filer, oförändrade: 3/);
    expect(existsSync(join(job.dir, "dist/plan-2027.pdf"))).toBe(true);
  });
});

describe("plan check --format codequality", () => {
  it("is GitLab's Code Quality report: every problem of the JSON report at its file and line, with its fix and other places, each fingerprint its own", async () => {
    const root = copyExamples();
    const PLAN = "lerum/plan-2019.md";
    edit(root, PLAN, "- id: actionplan-can", "- id: andt-arbete");
    const first = lineOf(root, PLAN, "- id: andt-arbete", 2);
    const second = lineOf(root, PLAN, "- id: andt-arbete", 3);
    const quality = await run(["check", ".", "--format", "codequality"], root);
    expect(quality.code).toBe(1);
    const issues = JSON.parse(quality.stdout) as {
      type: string;
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number; end: number } };
    }[];
    const json = JSON.parse((await run(["check", ".", "--format", "json"], root)).stdout) as {
      problems: { file: string; line: number; endLine: number; ruleId: string; severity: string; message: string; fix: string | null }[];
    };
    expect(issues.length).toBe(json.problems.length);
    expect(issues.length).toBeGreaterThan(1);
    issues.forEach((issue, i) => {
      const p = json.problems[i]!;
      expect(issue).toMatchObject({
        type: "issue",
        check_name: p.ruleId,
        severity: p.severity === "error" ? "major" : "minor",
        location: { path: p.file, lines: { begin: p.line, end: p.endLine } },
      });
      expect(issue.description.startsWith(p.message)).toBe(true);
      if (p.fix) expect(issue.description.endsWith(`Fix: ${p.fix}`)).toBe(true);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const duplicate = issues.find((i) => i.check_name === "id/duplicate")!;
    expect(duplicate).toMatchObject({ severity: "major", location: { path: PLAN, lines: { begin: second } } });
    expect(duplicate.description).toContain(`See ${PLAN}:${first}:9: \`andt-arbete\` is first the id of budget[4] here.`);
    // A line moved by an edit above it is the same problem: GitLab compares the branches' reports by fingerprint.
    edit(root, PLAN, "---\n", "---\n# En kommentar\n");
    const moved = JSON.parse((await run(["check", ".", "--format", "codequality"], root)).stdout) as typeof issues;
    const again = moved.find((i) => i.check_name === "id/duplicate")!;
    expect(again.location.lines.begin).toBe(second + 1);
    expect(again.fingerprint).toBe(duplicate.fingerprint);
  });

  it("is an empty list when there is nothing to report", async () => {
    const root = tempDir();
    await run(["init", "."], root);
    edit(root, "plan-2027.md", "TODO: Skriv här vad parterna vill uppnå under året.", "Parterna vill att fler fullföljer sina studier.");
    edit(root, "tjansteskrivelse-plan-2027.md", "dnr: KS XXXX/XXX", "dnr: KS 2026/123");
    edit(root, "tjansteskrivelse-plan-2027.md", "name: XXXX", "name: Anna Andersson");
    const clean = await run(["check", ".", "--format", "codequality"], root);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe("[]\n");
  });
});

describe("the browser in CI", () => {
  it("finds Chrome where GitHub's Ubuntu runners have it, and a browser by name on PATH", () => {
    expect(findBrowser({ env: {}, platform: "linux", isExecutable: (p) => p === "/usr/bin/google-chrome" })).toBe("/usr/bin/google-chrome");
    expect(
      findBrowser({ env: { PATH: "/usr/local/sbin:/opt/chrome/bin" }, platform: "linux", isExecutable: (p) => p === "/opt/chrome/bin/google-chrome-stable" }),
    ).toBe("/opt/chrome/bin/google-chrome-stable");
    expect(browsersOnPath("linux", { PATH: "/a:relative" })).toEqual([
      "/a/chromium",
      "/a/chromium-browser",
      "/a/google-chrome-stable",
      "/a/google-chrome",
      "/a/microsoft-edge-stable",
      "/a/microsoft-edge",
    ]);
    expect(browsersOnPath("win32", { PATH: "C:\\Windows" })).toEqual([]);
  });

  it("adds --disable-dev-shm-usage in a container (Docker, Podman, Kubernetes), and only there", () => {
    const probe = (files: string[], cgroup = "0::/\n") => ({
      exists: (p: string) => files.includes(p),
      read: (p: string) => (p === "/proc/1/cgroup" ? cgroup : undefined),
    });
    expect(inContainer({}, "linux", probe(["/.dockerenv"]))).toBe(true);
    expect(inContainer({}, "linux", probe(["/run/.containerenv"]))).toBe(true);
    expect(inContainer({ container: "podman" }, "linux", probe([]))).toBe(true);
    expect(inContainer({}, "linux", probe([], "12:memory:/kubepods/burstable/pod1234/abcd\n"))).toBe(true);
    expect(inContainer({}, "linux", probe([], "1:name=systemd:/docker/0123abcd\n"))).toBe(true);
    expect(inContainer({}, "linux", probe([], "0::/user.slice/user-1000.slice/session-2.scope\n"))).toBe(false);
    expect(inContainer({}, "darwin", probe(["/.dockerenv"]))).toBe(false);
    expect(browserArgs("/tmp/profile", true)).toEqual(expect.arrayContaining(["--disable-dev-shm-usage", "--user-data-dir=/tmp/profile", "--no-sandbox"]));
    expect(browserArgs("/tmp/profile", false)).not.toContain("--disable-dev-shm-usage");
  });
});
