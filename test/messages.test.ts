import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { count, decimal, langOf, listOf, say, t } from "../src/format/message.js";
import { SV } from "../src/format/messages-sv.js";
import { edit, run, tempDir } from "./helpers/repo.js";

/**
 * The Swedish catalog against the code: every message written with `t` and every `count` has its
 * Swedish, with the same values; every entry of the catalog is used. Read from the sources with
 * TypeScript's parser, as the templates are written.
 */

const SRC = join(import.meta.dirname, "../src");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** Every template of `t\`…\`` and every `one|many` of `count(…)` in the sources, with where it is. */
function used(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${file.slice(SRC.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "t") {
        const tpl = node.template;
        const template = ts.isNoSubstitutionTemplateLiteral(tpl)
          ? escape(tpl.text)
          : escape(tpl.head.text) + tpl.templateSpans.map((s, i) => `{${i}}${escape(s.literal.text)}`).join("");
        found.set(template, where(node));
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "phrase") {
        const [text] = node.arguments;
        if (text && (ts.isStringLiteral(text) || ts.isNoSubstitutionTemplateLiteral(text))) found.set(escape(text.text), where(node));
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "count") {
        const [, one, many] = node.arguments;
        if (one && ts.isStringLiteral(one)) found.set(`${one.text}|${many && ts.isStringLiteral(many) ? many.text : `${one.text}s`}`, where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const escape = (text: string) => text.replace(/[{}]/g, (b) => b + b);
const placeholders = (template: string) =>
  [...template.matchAll(/\{\{|\}\}|\{(\d+)\}/g)]
    .filter((m) => m[1] !== undefined)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);

describe("messages in Swedish", () => {
  const templates = used();

  it("has the Swedish of every message the code writes, with the same values", () => {
    const missing = [...templates].filter(([template]) => SV[template] === undefined).map(([template, at]) => `${at}: ${template}`);
    expect(missing, "add these to src/format/messages-sv.ts").toEqual([]);
    for (const [template, at] of templates) {
      if (template.includes("|") && !template.includes("{")) {
        expect(SV[template]!.split("|"), `${at}: ${template}`).toHaveLength(2);
        continue;
      }
      expect(placeholders(SV[template]!), `${at}: ${template}`).toEqual(placeholders(template));
    }
  });

  it("holds no Swedish of a message the code no longer writes", () => {
    expect(Object.keys(SV).filter((key) => !templates.has(key))).toEqual([]);
  });

  it("says a message in either language, values in the Swedish's order, lists and counts in the language's words", () => {
    const catalog = { "{0} pays {1}": "{1} betalas av {0}", "error|errors": "fel|fel" };
    const m = t`${"Lerum"} pays ${listOf(["1 kr", "2 kr", "3 kr"])}`;
    expect(say(m, "en", catalog)).toBe("Lerum pays 1 kr, 2 kr and 3 kr");
    expect(say(m, "sv", catalog)).toBe("1 kr, 2 kr och 3 kr betalas av Lerum");
    expect(say(count(2, "error"), "sv", catalog)).toBe("2 fel");
    expect(say(count(1, "error"), "en", catalog)).toBe("1 error");
    // A message the catalog does not have is said in English rather than not at all.
    expect(say(t`Unknown ${1}`, "sv", catalog)).toBe("Unknown 1");
    // A decimal with the language's decimal sign: plan's seconds are `5,7 s` in Swedish.
    expect(say(decimal(5.66, 1), "sv")).toBe("5,7");
    expect(say(decimal(5.66, 1), "en")).toBe("5.7");
  });

  it("takes the language from --lang, else from LC_ALL, LC_MESSAGES or LANG", () => {
    expect(langOf("en", { LANG: "sv_SE.UTF-8" })).toBe("en");
    expect(langOf(undefined, { LANG: "sv_SE.UTF-8" })).toBe("sv");
    expect(langOf(undefined, { LC_ALL: "en_GB.UTF-8", LANG: "sv_SE.UTF-8" })).toBe("en");
    expect(langOf(undefined, { LC_MESSAGES: "sv_SE", LANG: "en_US" })).toBe("sv");
    expect(langOf("de", {})).toBeUndefined();
  });
});

describe("plan check in Swedish", () => {
  async function repoWithColon() {
    const dir = tempDir("plan-lang-");
    expect((await run(["init", dir, "--kommun", "Alingsås kommun", "--year", "2027"], dir)).code).toBe(0);
    edit(dir, "plan-2027.md", /^title: .*$/m, "title: Föräldraskapsstöd: gruppträffar");
    return dir;
  }

  it("speaks Swedish with --lang sv or a Swedish LANG: the message, the fix, the words around them and the summary; the rule id stays", async () => {
    const dir = await repoWithColon();
    for (const [args, env] of [
      [["check", "--lang", "sv"], {}],
      [["check"], { LANG: "sv_SE.UTF-8" }],
    ] as const) {
      const { code, stdout } = await run([...args], dir, env);
      expect(code).toBe(1);
      expect(stdout).toContain("plan-2027.md (1 fel");
      expect(stdout).toMatch(/plan-2027\.md:\d+:8: fel \[yaml\/syntax\]/);
      expect(stdout).toContain(
        "Värdet i `title` innehåller ett kolon följt av ett mellanslag (`Föräldraskapsstöd: gruppträffar`), och YAML läser det som början på ett nytt fält.",
      );
      expect(stdout).toContain('åtgärd: Skriv värdet inom citattecken: `title: "Föräldraskapsstöd: gruppträffar"`.');
      expect(stdout.trim().split("\n").at(-1)).toMatch(/^1 fel och \d+ varning(ar)? i \d+ fil(er)?$/);
    }
  });

  it("speaks English with --lang en whatever LANG says, and refuses a language it does not speak with exit 2", async () => {
    const dir = await repoWithColon();
    const english = await run(["check", "--lang", "en"], dir, { LANG: "sv_SE.UTF-8" });
    expect(english.stdout).toContain("The value of `title` holds a colon followed by a space");
    expect(english.stdout).toContain('fix: Put the value in quotes: `title: "Föräldraskapsstöd: gruppträffar"`.');
    const refused = await run(["check", "--lang", "de"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Allowed choices are sv, en");
  });
});
