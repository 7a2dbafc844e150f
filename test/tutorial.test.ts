import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { browserPath } from "./helpers/printer.js";
import { read, run as runIn, tempDir, write } from "./helpers/repo.js";

/**
 * The README's tutorial, followed word for word: its commands run as written (in process), its
 * edits made as it words them (each "change X to Y" finds X in the file), and what it says plan
 * answers compared with what plan answers. The tutorial names every field the memo prints.
 */

const README = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
const tutorial = README.slice(README.indexOf("## Tutorial"), README.indexOf("## A plan repository"));
/** The text of step `n` (`**n. …**` to the next step). */
const step = (n: number) => tutorial.slice(tutorial.indexOf(`**${n}. `), tutorial.indexOf(`**${n + 1}. `) > 0 ? tutorial.indexOf(`**${n + 1}. `) : undefined);
const blocks = (text: string, lang = "") => [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
/** The words of a command line as a shell splits them (double quotes only). */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
/** `plan …` as typed: the arguments after `plan`. */
const planArgs = (line: string) => words(line.replace(/\s+#.*$/, "")).slice(1);
const endsWith = (text: string) => /ends with `([^`]+)`/.exec(text)![1]!;
/** Replaces `from` with `to` in a file, failing where the tutorial names a text the file does not have. */
function change(root: string, file: string, from: string, to: string) {
  const text = read(root, file);
  expect(text, `the tutorial says ${file} has \`${from}\``).toContain(from);
  write(root, file, text.replace(from, to));
}

/** As a new user runs it: with no language named, plan speaks Swedish. */
const run = (args: string[], cwd: string) => runIn(args, cwd, { LANG: undefined });

describe("README tutorial", () => {
  it("runs as written: init, check, a mistake and its message, the memo filled in, the documents built with what the tutorial wrote", async () => {
    const home = tempDir("plan-tutorial-");
    const init = blocks(step(2), "sh")[0]!
      .split("\n")
      .find((l) => l.startsWith("plan init"))!;
    const repo = join(home, "folkhalsoplan");
    const initArgs = planArgs(init.replace("~/folkhalsoplan", repo));
    expect((await run(initArgs, home)).code).toBe(0);

    // 3. Check it.
    expect(blocks(step(3), "sh")[0]!.trim()).toBe("plan check");
    const first = await run(["check"], repo);
    expect(first.stdout.trim().split("\n").at(-1)).toBe(endsWith(step(3)));

    // 4. Make a mistake on purpose: the message as the tutorial prints it, "…" standing for lines it leaves out.
    const [, from, to] = /change\s+the first line's `([^`]+)` to `([^`]+)`/.exec(step(4))!;
    change(repo, "plan-2027.md", from!, to!);
    const mistake = await run(["check"], repo);
    expect(mistake.code).toBe(1);
    const shown = blocks(step(4))[0]!
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "" && l.trim() !== "…");
    const actual = mistake.stdout.split("\n").map((l) => l.trimEnd());
    let at = 0;
    for (const line of shown) {
      const found = actual.indexOf(line, at);
      expect(found, `the tutorial shows "${line}"; plan check printed:\n${mistake.stdout}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(step(4)).toContain("Put `500000` back");
    change(repo, "plan-2027.md", to!, from!);

    // 5. Fill in the memo: each "`X`: … e.g. `Y`" changes X to Y; the signatures go after `sendTo:`; the configuration's commented lines are replaced.
    const memo = "tjansteskrivelse-plan-2027.md";
    const five = step(5);
    const edits = [...five.matchAll(/^- `([^`]+)`: [^]*?e\.g\.\s+`([^`]+)`/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(edits.map(([f]) => f.split(":")[0])).toEqual(["dnr", "date", "handler"]);
    for (const [f, t] of edits) change(repo, memo, f, t);
    const [signatures, config] = blocks(five, "yaml");
    expect(five).toContain("add these lines after `sendTo:`");
    const sendTo = /^sendTo:.*$/m.exec(read(repo, memo))![0];
    change(repo, memo, sendTo, `${sendTo}\n${signatures!.replace(/^ {2}/gm, "").trimEnd()}`);
    for (const line of config!.trimEnd().split("\n")) {
      const key = line.trim().split(":")[0]!;
      const commented = new RegExp(`^ *# ${key}:.*$`, "m").exec(read(repo, "plan.config.yaml"));
      expect(commented, `plan.config.yaml has a commented \`${key}:\``).not.toBeNull();
      change(repo, "plan.config.yaml", commented![0], line);
    }
    const [, draft, decided] = /change `(status: draft)` to `(status: decided)`/.exec(five)!;
    change(repo, memo, draft!, decided!);
    const filled = await run(["check"], repo);
    expect(filled.code, filled.stdout).toBe(0);
    expect(filled.stdout.trim().split("\n").at(-1)).toBe(/now\s+ends with `([^`]+)`/.exec(five)![1]);

    // The tutorial names every field of the memo's frontmatter (they are what the memo prints) and the footer's.
    const keys = Object.keys(parseDocument(read(repo, memo).split("---")[1]!).toJS() as object).filter((k) => k !== "kind");
    for (const key of [...keys, "orgnr", "address"]) expect(tutorial, `the tutorial says what \`${key}:\` is`).toContain(`\`${key}:`);

    // 6. Build the documents: the memo prints what the tutorial wrote.
    expect(blocks(step(6), "sh")[0]!.trim()).toBe("plan build");
    const built = await run(["build"], repo);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(join(repo, "dist/tjansteskrivelse-plan-2027.html"), "utf8");
    const written = [...edits.map(([, t]) => t), signatures!, config!].flatMap((yaml) => leaves(parse(yaml.trim().replace(/^ +/gm, "")) as unknown));
    expect(written.length).toBeGreaterThan(10);
    for (const value of written) expect(html, `the memo prints ${value}`).toContain(String(value).replace(/&/g, "&amp;"));
    if (browserPath) expect(existsSync(join(repo, "dist/tjansteskrivelse-plan-2027.pdf"))).toBe(true);
  });
});

/** The values of a YAML value: its scalars, in order. */
function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === "object") return Object.values(value).flatMap(leaves);
  return [String(value)];
}
