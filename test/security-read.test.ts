import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLoaded } from "../src/check/check.js";
import { main } from "../src/commands/main.js";
import { formatJson } from "../src/diagnostics/format-machine.js";
import { say } from "../src/format/message.js";
import { readInside, RefusedPath, whereInside } from "../src/source/read-inside.js";
import { loadRepository } from "../src/model/load-repository.js";
import { betweenDocumentsChecker, checkDocument } from "../src/rules/index.js";
import { incrementalRepository } from "../src/watch/incremental.js";
import { copyExamples, edit, type ExamplesPart, EPOCH, lineOf, run, tempDir } from "./helpers/repo.js";
import { browserPath, warnIfSkipped } from "./helpers/printer.js";
import { builtExamples } from "./helpers/shared.js";
import { startWatch } from "./helpers/watch.js";
import { listFiles } from "./helpers/html.js";

/**
 * A contributor controls every file of a plan repository, and `plan check` / `plan build` run
 * in CI runners that hold tokens. Nothing may be read from outside the repository's real path,
 * and hidden or git-ignored files may never be published: each attack below tries it.
 */

const SECRET = "SECRET_TOKEN=abc123";
const PLAN = "sjobacka/plan-2020.md";
/** The attacks need one folder of documents: Sjöbacka's (plan-2020 is the one they change), with the configuration and data/. */
const SJOBACKA = { only: ["sjobacka"] };
/** The PDFs of Sjöbacka's documents: two plans, a report, a memo and an agreement. */
const SJOBACKA_PDFS = 5;

// The test that a git-ignored document gets no PDF starts from the examples' build with their PDFs, which needs a browser.
warnIfSkipped("The test that an ignored document gets no PDF", "browser");

/** A file outside the repository holding the secret, as `/proc/self/environ` or a runner's `.git/config` would. */
function secretOutside(): string {
  const path = join(tempDir("plan-secret-"), "environ");
  writeFileSync(path, `${SECRET}\n`);
  return path;
}

/** Every file below `dir`, with its bytes as text. */
function filesBelow(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), "latin1"));
  }
  return found;
}

const addToBody = (repo: string, markdown: string) => edit(repo, PLAN, "\nFiktivt exempel.\n", `\nFiktivt exempel.\n\n${markdown}\n`);

/** `plan check` in every format and `plan build`: none may show the secret, and build must refuse. */
async function everyOutput(repo: string) {
  const text = await run(["check", "."], repo);
  const json = await run(["check", ".", "--format", "json"], repo);
  const github = await run(["check", ".", "--format", "github"], repo);
  const out = join(tempDir(), "out");
  const build = await run(["build", ".", "--out", out, "--no-pdf"], repo);
  for (const [name, r] of Object.entries({ text, json, github, build })) {
    expect(r.stdout + r.stderr, name).not.toContain("abc123");
  }
  for (const [file, content] of filesBelow(out)) expect(content, file).not.toContain("abc123");
  return { text, json, github, build, out };
}

describe("a file of the repository that is a symbolic link out of it is refused at that file, never read", () => {
  it.each([
    ["plan.config.yaml"],
    ["templates/style.css"],
    ["templates/plan.hbs"],
    ["templates/partials/x.hbs"],
    ["sjobacka/hemlig.md"],
    ["data/kolada/N00000-1499.yaml"],
  ])("%s", async (file) => {
    const repo = copyExamples(SJOBACKA);
    mkdirSync(join(repo, file, ".."), { recursive: true });
    rmSync(join(repo, file), { force: true });
    const secret = secretOutside();
    symlinkSync(secret, join(repo, file));

    const { text, json, github, build } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${file}:1:1: error [path/outside]`);
    expect(text.stdout).toContain(`${file} is refused: it is a symbolic link that leads out of the repository (to ${secret}); it was not read.`);
    expect(json.code).toBe(1);
    const { problems } = JSON.parse(json.stdout) as { problems: { file: string; ruleId: string; line: number; column: number }[] };
    expect(problems).toContainEqual(expect.objectContaining({ file, ruleId: "path/outside", line: 1, column: 1 }));
    expect(github.stdout).toContain(`::error file=${file},line=1,col=1,`);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${file}:1:1: error [path/outside]`);
  });

  it("an image or an attachment linked out of the repository is refused at its link, and nothing of it is published", async () => {
    for (const [markdown, target] of [
      ["![bild](bilder/bild.png)", "sjobacka/bilder/bild.png"],
      ["[bilaga](bilagor/bilaga.pdf)", "sjobacka/bilagor/bilaga.pdf"],
    ] as const) {
      const repo = copyExamples(SJOBACKA);
      mkdirSync(join(repo, target, ".."), { recursive: true });
      const secret = secretOutside();
      symlinkSync(secret, join(repo, target));
      addToBody(repo, markdown);
      const { text, github, build } = await everyOutput(repo);
      expect(text.code, markdown).toBe(1);
      expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, markdown)}:1: error [path/outside]`);
      expect(text.stdout).toContain(`is refused: it is a symbolic link that leads out of the repository (to ${secret}).`);
      expect(github.stdout).toContain(`::error file=${PLAN},line=${lineOf(repo, PLAN, markdown)},col=1,`);
      expect(build.code).toBe(1);
    }
  });

  it.each([["sjobacka/delat"], ["data/kolada"]])("a linked folder %s that leads out is refused at its place, its documents never read", async (folder) => {
    const repo = copyExamples(SJOBACKA);
    const outside = tempDir("plan-outside-");
    writeFileSync(join(outside, "hemlig.md"), `---\nkind: plan\ntitle: ${SECRET}\n---\n`);
    writeFileSync(join(outside, "N00000-1499.yaml"), `kpi: ${SECRET}\n`);
    mkdirSync(join(repo, folder, ".."), { recursive: true });
    rmSync(join(repo, folder), { recursive: true, force: true });
    symlinkSync(outside, join(repo, folder));
    const { text, json, build } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${folder}:1:1: error [path/outside]`);
    expect(text.stdout).toContain(`${folder} is refused: it is a symbolic link that leads out of the repository (to ${outside})`);
    const { problems } = JSON.parse(json.stdout) as { problems: { file: string; ruleId: string; line: number; column: number }[] };
    expect(problems).toContainEqual(expect.objectContaining({ file: folder, ruleId: "path/outside", line: 1, column: 1 }));
    expect(build.code).toBe(1);
  });

  it("a linked folder that stays inside is not walked: its documents are read once, at their real place", async () => {
    const repo = copyExamples(SJOBACKA);
    const before = await run(["check", ".", "--format", "json"], repo);
    symlinkSync("sjobacka", join(repo, "sjobacka-kopia"));
    const after = await run(["check", ".", "--format", "json"], repo);
    expect(after.code).toBe(before.code);
    expect(after.stdout).toBe(before.stdout);
  });

  it("a hard link to a file outside is refused, as a document and as an attachment, with what to do", async () => {
    const repo = copyExamples(SJOBACKA);
    const secret = secretOutside();
    linkSync(secret, join(repo, "sjobacka/hemlig.md"));
    linkSync(secret, join(repo, "sjobacka/bilaga.txt"));
    addToBody(repo, "[bilaga](bilaga.txt)");
    const { text, github, build, out } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("sjobacka/hemlig.md:1:1: error [path/outside]");
    expect(text.stdout).toContain(
      "sjobacka/hemlig.md is refused: it is a hard link (the same file has 3 names on the disk, and one may lie outside the repository); copy the file instead of linking it; it was not read.",
    );
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[bilaga](bilaga.txt)")}:1: error [path/outside]`);
    expect(github.stdout).toContain("::error file=sjobacka/hemlig.md,line=1,col=1,");
    expect(build.code).toBe(1);
    expect(existsSync(join(out, "sjobacka/bilaga.txt"))).toBe(false);
  });

  it("a link to a pipe is refused instead of hanging the check", async () => {
    const repo = copyExamples(SJOBACKA);
    execFileSync("mkfifo", [join(repo, "sjobacka/ror")]);
    symlinkSync("ror", join(repo, "sjobacka/ror.md"));
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout).toContain("sjobacka/ror.md:1:1: error [path/outside]");
    expect(stdout).toContain("it is not a regular file");
  });

  it("links whose target stays inside the repository keep working: configuration, document and image", async () => {
    const repo = copyExamples(SJOBACKA);
    mkdirSync(join(repo, "bilder"));
    writeFileSync(join(repo, "bilder/karta.png"), "en bild");
    mkdirSync(join(repo, "sjobacka/bilder"));
    symlinkSync("../../bilder/karta.png", join(repo, "sjobacka/bilder/karta.png"));
    rmSync(join(repo, "plan.config.yaml"));
    writeFileSync(join(repo, "inställningar.yaml"), readFileSync(join(import.meta.dirname, "../examples/plan.config.yaml")));
    symlinkSync("inställningar.yaml", join(repo, "plan.config.yaml"));
    addToBody(repo, "![karta](bilder/karta.png)");
    cpSync(join(repo, PLAN), join(repo, "utkast.txt"));
    symlinkSync("../utkast.txt", join(repo, "sjobacka/utkast.md"));
    const out = join(tempDir(), "out");
    const build = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(join(out, "sjobacka/bilder/karta.png"), "utf8")).toBe("en bild");
    expect(readFileSync(join(out, "sjobacka/plan-2020.html"), "utf8")).toContain('src="bilder/karta.png"');
    expect(readFileSync(join(out, "sjobacka/utkast.html"), "utf8")).toContain('src="bilder/karta.png"');
  });
});

describe("hidden and git-ignored files are never published", () => {
  it.each([
    ["[konfig](../.git/config)", ".git/config"],
    ["[miljö](../.env)", ".env"],
    ["![bild](bilder/.hemlig.png)", "sjobacka/bilder/.hemlig.png"],
  ])("%s is refused at the link, and not copied", async (markdown, hidden) => {
    const repo = copyExamples(SJOBACKA);
    mkdirSync(join(repo, hidden, ".."), { recursive: true });
    // A `.git` that git cannot read would leave every document unread (see the fail-closed tests): a real one, its config holding the secret.
    if (hidden.startsWith(".git/")) spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, hidden), `# ${SECRET}\n`, { flag: "a" });
    addToBody(repo, markdown);
    const { text, build, out } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, markdown)}:1: error [path/hidden]`);
    expect(text.stdout).toContain("it is a hidden file");
    expect(build.code).toBe(1);
    expect(existsSync(join(out, hidden))).toBe(false);
  });

  it("a link with an ordinary name that leads to a hidden file is refused too", async () => {
    const repo = copyExamples(SJOBACKA);
    writeFileSync(join(repo, ".env"), `${SECRET}\n`);
    symlinkSync("../.env", join(repo, "sjobacka/bilaga.txt"));
    addToBody(repo, "[bilaga](bilaga.txt)");
    const { text } = await everyOutput(repo);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[bilaga](bilaga.txt)")}:1: error [path/hidden]`);
  });

  it("in a git repository, a file git ignores is refused; the same file, not ignored, is published", async () => {
    const repo = copyExamples(SJOBACKA);
    spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "hemligt.txt\n");
    writeFileSync(join(repo, "sjobacka/hemligt.txt"), `${SECRET}\n`);
    // Also through a linked folder, a path git itself refuses to look at.
    symlinkSync(".", join(repo, "sjobacka/länkad"));
    addToBody(repo, "[hemligt](hemligt.txt)\n\n[via länk](länkad/hemligt.txt)");
    const { text, build } = await everyOutput(repo);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[hemligt](hemligt.txt)")}:1: error [path/hidden]`);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[via länk](länkad/hemligt.txt)")}:1: error [path/hidden]`);
    expect(text.stdout).toContain("git ignores it");
    expect(build.code).toBe(1);

    writeFileSync(join(repo, ".gitignore"), "annat.txt\n");
    const out = join(tempDir(), "out");
    const published = await run(["build", ".", "--out", out, "--no-pdf"], repo);
    expect(published.code, published.stderr).toBe(0);
    expect(readFileSync(join(out, "sjobacka/hemligt.txt"), "utf8")).toBe(`${SECRET}\n`);
  });

  it("a link to a folder (the root) does not turn the git check off: the ignored file is still refused and not copied", async () => {
    const repo = copyExamples(SJOBACKA);
    spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "hemligt.txt\n");
    writeFileSync(join(repo, "sjobacka/hemligt.txt"), `${SECRET}\n`);
    addToBody(repo, "[mapp](..)\n\n[hemligt](hemligt.txt)");
    const { text, build, out } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[hemligt](hemligt.txt)")}:1: error [path/hidden]`);
    expect(text.stdout).toContain("git ignores it");
    expect(text.stdout).not.toContain("[mapp](..)");
    expect(build.code).toBe(1);
    expect(existsSync(join(out, "sjobacka/hemligt.txt"))).toBe(false);
  });

  it("when git fails inside a git repository, the files it could not judge are refused with git's words, the others judged", async () => {
    const repo = copyExamples(SJOBACKA);
    spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "hemligt.txt\n");
    writeFileSync(join(repo, "sjobacka/hemligt.txt"), `${SECRET}\n`);
    writeFileSync(join(repo, "sjobacka/bilaga.txt"), "en bilaga\n");
    // A repository inside the repository, added as git adds a submodule: git will not judge paths in it.
    const sub = join(repo, "sjobacka/del");
    mkdirSync(sub);
    writeFileSync(join(sub, "fil.txt"), `${SECRET}\n`);
    const git = (cwd: string, ...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd });
    git(sub, "init", "-q");
    git(sub, "add", "fil.txt");
    git(sub, "commit", "-qm", "fil");
    git(repo, "add", "sjobacka/del");
    addToBody(repo, "[del](del/fil.txt)\n\n[hemligt](hemligt.txt)\n\n[bilaga](bilaga.txt)");
    const { text, json, out } = await everyOutput(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[del](del/fil.txt)")}:1: error [path/hidden]`);
    expect(text.stdout).toContain("git could not tell whether it ignores it (git said: fatal: Pathspec 'sjobacka/del/fil.txt' is in submodule 'sjobacka/del')");
    expect(text.stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[hemligt](hemligt.txt)")}:1: error [path/hidden]`);
    const { problems } = JSON.parse(json.stdout) as { problems: { ruleId: string }[] };
    expect(problems.filter((p) => p.ruleId === "path/hidden")).toHaveLength(2);
    expect(existsSync(join(out, "sjobacka/del/fil.txt"))).toBe(false);
    expect(existsSync(join(out, "sjobacka/hemligt.txt"))).toBe(false);

    // Without the two refused links the build publishes the file git judged.
    edit(repo, PLAN, "[del](del/fil.txt)\n\n[hemligt](hemligt.txt)\n\n", "");
    const published = await run(["build", ".", "--out", join(tempDir(), "ut"), "--no-pdf"], repo);
    expect(published.code, published.stderr).toBe(0);
  });

  it("outside a git repository, only hidden files count", async () => {
    const repo = copyExamples(SJOBACKA);
    writeFileSync(join(repo, ".gitignore"), "hemligt.txt\n");
    writeFileSync(join(repo, "sjobacka/hemligt.txt"), "inte hemligt\n");
    writeFileSync(join(repo, ".env"), `${SECRET}\n`);
    addToBody(repo, "[hemligt](hemligt.txt) [miljö](../.env)");
    const { code, stdout } = await run(["check", "."], repo);
    expect(code).toBe(1);
    expect(stdout.match(/error \[path\/hidden\]/g)).toHaveLength(1);
    expect(stdout).toContain(`${PLAN}:${lineOf(repo, PLAN, "[miljö](../.env)")}:24: error [path/hidden]`);
  });

  it("in a git repository on a machine without git, or with a git that cannot be run, plan check answers and ends at once", () => {
    // The process is under test: a timer left for a git that never started kept it from exiting for git's whole timeout (30 s).
    const repo = copyExamples(SJOBACKA);
    spawnSync("git", ["init", "-q"], { cwd: repo });
    const noGit = tempDir();
    const brokenGit = tempDir();
    writeFileSync(join(brokenGit, "git"), "#!/bin/sh\n", { mode: 0o644 });
    const cli = join(import.meta.dirname, "..", "dist", "cli.js");
    const check = (path: string) =>
      spawnSync(process.execPath, [cli, "check", ".", "--format", "json"], {
        cwd: repo,
        env: { ...process.env, PATH: path },
        encoding: "utf8",
        timeout: 20_000,
      });
    // Without git: only hidden files count, as outside a repository.
    const without = check(noGit);
    expect(without.error?.message, "plan still running after 20 s").toBeUndefined();
    expect(without.status, without.stderr).toBe(0);
    // A git that cannot be run judges nothing: no file is read, as when git fails, and the check says why.
    const broken = check(brokenGit);
    expect(broken.error?.message, "plan still running after 20 s").toBeUndefined();
    expect(broken.status).toBe(1);
    const { problems } = JSON.parse(broken.stdout) as { problems: { ruleId: string; file: string; message: string }[] };
    const hidden = problems.filter((p) => p.ruleId === "path/hidden");
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.file).toBe("plan.config.yaml");
    expect(hidden[0]!.message).toMatch(/files \(.*\) were not read: git could not tell whether it ignores them \(git ended with spawnSync git EACCES\)/);
  });
});

/** The number of inotify watches this process holds (Linux): what following a link to `/` would multiply. */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of readdirSync("/proc/self/fdinfo")) {
    try {
      count += (readFileSync(`/proc/self/fdinfo/${fd}`, "utf8").match(/^inotify wd:/gm) ?? []).length;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}

/**
 * A repository kept in memory as watch mode keeps it, and `compare`, which makes a change, tells
 * watch mode which files it touched, and expects the same JSON findings as a fresh check (returned).
 */
function watchedAgainstFresh(root: string) {
  const model = incrementalRepository(root, root, { keepBody: false, checkDocument });
  const between = betweenDocumentsChecker();
  const documents = checkLoaded(model.refresh(), between).repo.documents.size;
  const compare = (what: string, touched: string[], apply: () => void): string => {
    apply();
    for (const f of touched) model.touch(join(root, f));
    const incremental = checkLoaded(model.refresh(), between);
    const fresh = checkLoaded(loadRepository(root, { cwd: root, keepBody: false, checkDocument }));
    const json = formatJson(fresh.problems, fresh.repo.documents.size, "en");
    expect(formatJson(incremental.problems, incremental.repo.documents.size, "en"), what).toBe(json);
    return json;
  };
  return { documents, compare };
}

describe("the repository's folder gone between two reads (watch mode, a long build)", () => {
  it("is a refusal that names the folder, never a stack trace", () => {
    const dir = tempDir();
    const real = join(dir, "arkiv");
    mkdirSync(real);
    const file = join(real, "plan-2020.md");
    writeFileSync(file, "Fiktivt exempel.\n");
    // The root reached through a link (as /tmp is on macOS): its real path is asked of the disk for a file's found through another way.
    const root = join(dir, "länk");
    symlinkSync(real, root);
    expect(whereInside(root, file)).toEqual({ kind: "file", realPath: join(realpathSync(real), "plan-2020.md") });
    expect(readInside(root, file, "utf8")).toBe("Fiktivt exempel.\n");
    // Removed since: the file's real path is still found, the root's is not.
    unlinkSync(root);
    const where = whereInside(root, file);
    expect(where.kind).toBe("special");
    const reason = where.kind === "special" ? where.reason : undefined;
    expect(say(reason!, "en")).toBe(`the repository's folder ${root} is gone (removed or moved while plan ran)`);
    expect(say(reason!, "sv")).toBe(`arkivets mapp ${root} finns inte längre (den togs bort eller flyttades medan plan körde)`);
    let refused: unknown;
    try {
      readInside(root, file, "utf8");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RefusedPath);
    expect((refused as RefusedPath).message).toBe(`${file} is refused: the repository's folder ${root} is gone (removed or moved while plan ran).`);
  });
});

describe("watch mode and links", () => {
  it("does not follow a link to / made inside the repository, and finishes the round at once", async () => {
    const root = copyExamples(SJOBACKA);
    symlinkSync("/", join(root, "rot-vid-start"));
    const watcher = startWatch(root);
    // Not walked, and not silently: a linked folder that leads out is refused at its place.
    expect(await watcher.next(/Watching \. for changes/)).toContain("rot-vid-start:1:1: error [path/outside]");
    const before = inotifyWatches();
    // The round's CPU time, not the clock's: walking `/` takes many seconds of it; a busy machine makes a quick round slow only on the clock.
    const cpu = process.cpuUsage();
    symlinkSync("/", join(root, "sjobacka/rot"));
    expect(await watcher.next(/Watching \. for changes/)).toContain("sjobacka/rot:1:1: error [path/outside]");
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    // A link to `/` followed gives thousands of watches; the repository's folders are a handful.
    expect(inotifyWatches() - before).toBeLessThan(5);
    expect(await watcher.stop()).toBe(1);
  });

  it("agrees with a fresh check when a link is made, its target changed, retargeted out and removed", () => {
    const root = copyExamples(SJOBACKA);
    const { documents, compare } = watchedAgainstFresh(root);
    const secret = secretOutside();
    const change = (what: string, touched: string[], apply: () => void) => {
      const json = compare(what, touched, apply);
      expect(json, what).not.toContain("abc123");
      return json;
    };
    // A document that is a link to a file inside: read as that file.
    cpSync(join(root, "sjobacka/plan-2020.md"), join(root, "utkast.txt"));
    let json = change("a linked document made", ["sjobacka/utkast.md"], () => symlinkSync("../utkast.txt", join(root, "sjobacka/utkast.md")));
    expect(JSON.parse(json).documents).toBe(documents + 1);
    // Its target changed: the event is on the target alone, which plan does not read.
    json = change("the linked document's target changed", ["utkast.txt"], () => edit(root, "utkast.txt", "total: 65000", "total: 66000"));
    expect(json).toMatch(/"file": "sjobacka\/utkast\.md"[\s\S]*"ruleId": "money\/line-total"/);
    json = change("the linked document retargeted out", ["sjobacka/utkast.md"], () => {
      unlinkSync(join(root, "sjobacka/utkast.md"));
      symlinkSync(secret, join(root, "sjobacka/utkast.md"));
    });
    expect(json).toContain('"ruleId": "path/outside"');
    change("the linked document removed", ["sjobacka/utkast.md"], () => unlinkSync(join(root, "sjobacka/utkast.md")));

    // An image linked inside, then out, then removed: the document's link is judged anew.
    addToBody(root, "![bild](bild.png)");
    writeFileSync(join(root, "bild.png"), "en bild");
    change("an image link added", [PLAN], () => symlinkSync("../bild.png", join(root, "sjobacka/bild.png")));
    json = change("the image retargeted out", ["sjobacka/bild.png"], () => {
      unlinkSync(join(root, "sjobacka/bild.png"));
      symlinkSync(secret, join(root, "sjobacka/bild.png"));
    });
    expect(json).toContain('"ruleId": "path/outside"');
    change("the image link removed", ["sjobacka/bild.png"], () => unlinkSync(join(root, "sjobacka/bild.png")));
    // A template retargeted out, then back.
    json = change("a template linked out", ["templates/style.css"], () => {
      mkdirSync(join(root, "templates"));
      symlinkSync(secret, join(root, "templates/style.css"));
    });
    expect(json).toContain('"file": "templates/style.css"');
    change("the template removed", ["templates/style.css"], () => unlinkSync(join(root, "templates/style.css")));
  });

  it("says so in plain words when the repository folder is gone, waits for it, and checks again once it is back", async () => {
    // All the examples: their warnings make the summary line (`0 errors and …`) that each round ends with.
    const root = copyExamples();
    const saved = `${root}-sparad`;
    const watcher = startWatch(root);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/0 errors/);
    renameSync(root, saved);
    const gone = await watcher.next(/waiting for it to come back/);
    expect(gone).toContain(`plan: the repository folder ${root} is gone; waiting for it to come back`);
    expect(gone).not.toMatch(/internal error|at .*\.ts:\d+/);
    try {
      cpSync(saved, root, { recursive: true });
    } finally {
      rmSync(saved, { recursive: true, force: true });
    }
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/0 errors/);
    // Saves in the folder made again are seen.
    edit(root, PLAN, "total: 65000", "total: 66000");
    expect(await watcher.next(/Watching \. for changes/)).toContain("error [money/line-total]");
    // And removed for good, with rm -rf: said again, and Ctrl+C still ends the watch.
    rmSync(root, { recursive: true });
    expect(await watcher.next(/waiting for it to come back/)).not.toMatch(/internal error/);
    expect(await watcher.stop()).toBe(1);
  });

  it("a folder removed while a round reads it is said to be gone; no result about half of it is printed", async () => {
    const root = copyExamples(SJOBACKA);
    const stop = new AbortController();
    let out = "";
    let removed = false;
    // The first file read moves the progress line, a terminal's: the folder is removed right then, mid-round.
    const stderr = {
      isTTY: true,
      write: (s: string) => {
        if (!removed && s.includes("reading")) {
          removed = true;
          rmSync(root, { recursive: true });
        }
        out += s;
        return true;
      },
    };
    const done = main(["check", ".", "--watch"], {
      stdout: { write: (s: string) => (out += s) },
      stderr,
      env: { NO_COLOR: "1", LANG: "en" },
      cwd: root,
      signal: stop.signal,
    });
    const started = Date.now();
    while (!out.includes("waiting for it to come back") && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await done;
    expect(removed).toBe(true);
    expect(out).toContain(`plan: the repository folder ${root} is gone`);
    expect(out).not.toMatch(/No problems|Watching \. for changes|documents/);
  });

  it("plan build --watch writes every page again once the repository folder is back", async () => {
    const root = copyExamples(SJOBACKA);
    const saved = `${root}-sparad`;
    const out = join(tempDir(), "ut");
    const watcher = startWatch(root, ["build", ".", "--watch", "--no-pdf", "--out", out]);
    await watcher.next(/Watching \. for changes/);
    const pages = listFiles(out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    renameSync(root, saved);
    await watcher.next(/waiting for it to come back/);
    rmSync(out, { recursive: true });
    renameSync(saved, root);
    expect(await watcher.next(/Watching \. for changes/)).not.toMatch(/internal error/);
    expect(listFiles(out).filter((f) => f.endsWith(".html"))).toEqual(pages);
    expect(await watcher.stop()).toBe(0);
  });
});

describe("documents and data files git ignores are not read: not checked, not built, not referred to", () => {
  const DRAFT = "utkast/plan-2027.md";
  const TITLE = "Utkast som aldrig publiceras";

  /** The examples with a draft plan in `utkast/`, which has an error of its own (a wrong line total); in a git repository ignoring `utkast/` when `git` is set. */
  function withDraft(git: boolean, part: ExamplesPart = SJOBACKA): string {
    const repo = copyExamples(part);
    if (git) spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "utkast/\n");
    mkdirSync(join(repo, "utkast"));
    writeDraft(repo);
    return repo;
  }

  const writeDraft = (repo: string) =>
    writeFileSync(
      join(repo, DRAFT),
      readFileSync(join(repo, PLAN), "utf8")
        .replace(/^title: .*$/m, `title: ${TITLE}`)
        .replace("year: 2020", "year: 2027")
        .replace("total: 65000", "total: 66000"),
    );

  it("plan check passes and never names it", async () => {
    const repo = withDraft(true);
    for (const format of ["text", "json", "github"]) {
      const r = await run(["check", ".", "--format", format], repo);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr, format).not.toContain("utkast");
    }
  });

  it("nor when git would quote its name (a quote, a backslash, a letter beyond ASCII): each is judged, and the one not ignored is read", async () => {
    // Ignored paths are asked of git as arguments where git prints them as they are, the others on its standard input (see git-ignore.ts).
    const repo = withDraft(true);
    const names = ['utkast "ny".md', "utkast\\b.md", "utkast-å.md", "utkast-ö.md"];
    writeFileSync(join(repo, ".gitignore"), "utkast*\n!utkast-ö.md\n");
    for (const name of names) writeFileSync(join(repo, "sjobacka", name), readFileSync(join(repo, DRAFT), "utf8"));
    const r = await run(["check", ".", "--format", "json"], repo);
    const files = new Set((JSON.parse(r.stdout) as { problems: { file: string }[] }).problems.map((p) => p.file));
    expect([...files].filter((f) => f.includes("utkast"))).toEqual(["sjobacka/utkast-ö.md"]);
  });

  it.skipIf(!browserPath)("plan build publishes no page, PDF or mention of it", async () => {
    const repo = withDraft(true);
    // The previous output: the examples' build with their PDFs, made with the same SOURCE_DATE_EPOCH.
    const out = join(tempDir(), "out");
    cpSync((await builtExamples(true)).out, out, { recursive: true });
    const build = await run(["build", ".", "--out", out], repo, EPOCH);
    expect(build.code, build.stderr).toBe(0);
    // Not a page to print, nor a change to one: every PDF is the examples' own.
    expect(build.stdout).toContain(`plan: 0 PDFs rendered, ${SJOBACKA_PDFS} unchanged`);
    const files = filesBelow(out);
    expect(
      [...files.keys()].some((f) => f.endsWith(".pdf")),
      "PDFs of the other documents are built",
    ).toBe(true);
    for (const [file, content] of files) {
      expect(file).not.toMatch(/utkast|plan-2027/);
      expect(content, file).not.toContain(TITLE);
    }
  });

  it("a reference to its id is to an unknown document", async () => {
    const repo = withDraft(true);
    edit(repo, "sjobacka/tjansteskrivelse-2020.md", "about: sjobacka/plan-2020", "about: utkast/plan-2027");
    const r = await run(["check", "."], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `sjobacka/tjansteskrivelse-2020.md:${lineOf(repo, "sjobacka/tjansteskrivelse-2020.md", "about: utkast")}:8: error [ref/document]`,
    );
    expect(r.stdout).not.toContain(`${DRAFT}:`);
  });

  it("outside a git repository the same folder is read", async () => {
    const repo = withDraft(false);
    const r = await run(["check", "."], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${DRAFT}:\\d+:\\d+: error \\[money/line-total\\]`));
  });

  it("watch mode agrees with a fresh check when such a file is created, and when .gitignore stops ignoring it", () => {
    const root = withDraft(true);
    rmSync(join(root, "utkast"), { recursive: true });
    const { documents, compare } = watchedAgainstFresh(root);
    const change = (what: string, touched: string[], apply: () => void) =>
      JSON.parse(compare(what, touched, apply)) as { documents: number; problems: { file: string }[] };
    let seen = change("an ignored draft created", ["utkast", DRAFT], () => {
      mkdirSync(join(root, "utkast"));
      writeDraft(root);
    });
    expect(seen.documents).toBe(documents);
    seen = change("the ignored draft changed", [DRAFT], () => edit(root, DRAFT, "total: 66000", "total: 67000"));
    expect(seen.documents).toBe(documents);
    seen = change(".gitignore no longer ignores it", [".gitignore"], () => writeFileSync(join(root, ".gitignore"), "annat/\n"));
    expect(seen.documents).toBe(documents + 1);
    expect(seen.problems.some((p) => p.file === DRAFT)).toBe(true);
    seen = change(".gitignore ignores it again", [".gitignore"], () => writeFileSync(join(root, ".gitignore"), "utkast/\n"));
    expect(seen.documents).toBe(documents);
  });

  it("plan check --watch sees .gitignore change", async () => {
    // All the examples: their warnings make the summary line (`0 errors and …`) that each round ends with.
    const root = withDraft(true, {});
    const watcher = startWatch(root);
    expect(await watcher.next(/Watching \. for changes/)).toMatch(/0 errors/);
    writeFileSync(join(root, ".gitignore"), "annat/\n");
    expect(await watcher.next(/Watching \. for changes/)).toContain(`${DRAFT}:`);
    expect(await watcher.stop()).toBe(1);
  });
});

describe("when git fails inside a git repository, the documents it could not judge are not read", () => {
  it("and plan.config.yaml says so once, as an error", async () => {
    const repo = copyExamples(SJOBACKA);
    const git = (cwd: string, ...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd });
    git(repo, "init", "-q");
    // A repository inside the repository, added as git adds a submodule: git will not judge paths in it.
    const sub = join(repo, "sjobacka/del");
    mkdirSync(sub);
    cpSync(join(repo, PLAN), join(sub, "a.md"));
    cpSync(join(repo, PLAN), join(sub, "b.md"));
    edit(repo, "sjobacka/del/a.md", "total: 65000", "total: 66000");
    git(sub, "init", "-q");
    git(sub, "add", ".");
    git(sub, "commit", "-qm", "del");
    git(repo, "add", "sjobacka/del");
    const r = await run(["check", "."], repo);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/error \[path\/hidden\]/g)).toHaveLength(1);
    expect(r.stdout).toContain("plan.config.yaml:1:1: error [path/hidden]");
    expect(r.stdout).toContain(
      "2 files (sjobacka/del/a.md, sjobacka/del/b.md) were not read: git could not tell whether it ignores them (git said: fatal: Pathspec 'sjobacka/del/a.md' is in submodule 'sjobacka/del'), and a file git may ignore is never read or published.",
    );
    expect(r.stdout).not.toContain("[money/line-total]");
  });
});
