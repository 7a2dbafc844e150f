// Generates a large plan repository for the benchmarks from the shipped examples.
//
//   generateRepository(dir, { plans: 1000, git: false })
//
// The examples' plan.config.yaml goes to the root of `dir`; every document of
// examples/ (lerum/, sjobacka/) is copied under numbered folders k0001/, k0002/, …,
// so k0001/lerum/plan-2019.md is a copy of lerum/plan-2019.md. Every reference
// by document id in the frontmatter (agreement:, plan:, about:, document:,
// indicator lists, …) is rewritten to point into the same copy
// (`lerum/avtal-2017-2020` → `k0001/lerum/avtal-2017-2020`), so each copy is a
// self-contained set of documents and `plan check` finds no broken reference.
//
// Each copy holds as many plans as the examples (3: lerum/plan-2019,
// sjobacka/plan-2019, sjobacka/plan-2020). The last copy drops plans (in id
// order, from the end) so that the repository holds exactly `plans` documents of
// `kind: plan`; documents that refer to a dropped plan (its report, its memo)
// are dropped with it, and so are agreements and indicators that nothing
// refers to any more.
//
// With `git: true` the folder becomes a git repository with everything in one
// commit (for `plan diff`).
//
// CLI: node bench/generate.mjs <dir> [--plans N] [--git]

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const EXAMPLES = resolve(here, "..", "examples");
const CONFIG_FILE = "plan.config.yaml";

const frontmatterRe = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/;

/** Every markdown file with frontmatter below `root`, sorted, as { rel, id, text, data }. */
function readDocuments(root) {
  const docs = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) {
        const text = readFileSync(path, "utf8");
        const fm = frontmatterRe.exec(text);
        if (!fm) continue; // a README, not a document
        const rel = relative(root, path).split(sep).join("/");
        const data = parse(fm[2]) ?? {};
        if (data.id !== undefined) throw new Error(`${rel}: documents with an explicit id are not supported by the generator`);
        docs.push({ rel, id: rel.replace(/\.md$/i, ""), text, data, kind: data.kind });
      }
    }
  };
  walk(root);
  return docs;
}

/** All string values anywhere in `value`. */
function strings(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PREFIX = "\u0000copy\u0000";

/** The examples, prepared once: each document's text with a placeholder before every id it refers to. */
export function loadTemplates(examples = EXAMPLES) {
  const config = readFileSync(join(examples, CONFIG_FILE), "utf8");
  const docs = readDocuments(examples);
  const ids = new Set(docs.map((d) => d.id));
  // An id as a whole YAML scalar token: not preceded or followed by characters an id can hold.
  const idRe = new RegExp(
    `(?<![\\w./-])(${[...ids]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join("|")})(?![\\w./-])`,
    "g",
  );
  for (const doc of docs) {
    doc.refs = [...new Set(strings(doc.data).filter((s) => ids.has(s)))];
    const fm = frontmatterRe.exec(doc.text);
    const rewritten = fm[2].replace(idRe, (id) => PREFIX + id);
    doc.template = fm[1] + rewritten + fm[3] + doc.text.slice(fm[0].length);
    // Every reference found by parsing must have been rewritten, and nothing else.
    const probe = parse(rewritten.replaceAll(PREFIX, "kXXXX/")) ?? {};
    const left = strings(probe).filter((s) => ids.has(s));
    const moved = strings(probe).filter((s) => s.startsWith("kXXXX/"));
    if (left.length || moved.length !== strings(doc.data).filter((s) => ids.has(s)).length) {
      throw new Error(`${doc.rel}: could not rewrite its references (${left.join(", ") || "count mismatch"})`);
    }
  }
  const plans = docs.filter((d) => d.kind === "plan").map((d) => d.id);
  if (plans.length === 0) throw new Error(`${examples}: no document of kind plan`);
  return { config, docs, plans };
}

/** The configuration, its parties' default forms (`forms:`, document ids) pointing into the first copy. */
function configFor(config, prefix) {
  const forms = (parse(config)?.parties ?? []).flatMap((p) => Object.values(p.forms ?? {}));
  return forms.reduce((text, id) => text.replace(new RegExp(`(?<![\\w./-])${escapeRe(id)}(?![\\w./-])`, "g"), prefix + id), config);
}

/** The documents of one copy that keeps only the first `keep` plans. */
function selectDocuments(templates, keep) {
  const { docs, plans } = templates;
  if (keep >= plans.length) return docs;
  const referencedAtAll = new Set(docs.flatMap((d) => d.refs));
  const dropped = new Set(plans.slice(keep));
  let included = docs.filter((d) => !dropped.has(d.id));
  for (;;) {
    const ids = new Set(included.map((d) => d.id));
    const referenced = new Set(included.flatMap((d) => d.refs));
    const next = included.filter((d) => d.refs.every((r) => ids.has(r)) && (!referencedAtAll.has(d.id) || referenced.has(d.id)));
    if (next.length === included.length) return next;
    included = next;
  }
}

/**
 * Writes a repository of exactly `plans` plans into `dir` (created if needed; it should be empty).
 * Returns { dir, plans, copies, documents, files }.
 */
export function generateRepository(dir, { plans = 1000, git = false, examples = EXAMPLES } = {}) {
  if (!Number.isInteger(plans) || plans < 1) throw new Error(`plans must be a positive whole number, not ${plans}`);
  const templates = loadTemplates(examples);
  const perCopy = templates.plans.length;
  const copies = Math.ceil(plans / perCopy);
  const width = Math.max(4, String(copies).length);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CONFIG_FILE), configFor(templates.config, `k${"1".padStart(width, "0")}/`));
  const full = templates.docs;
  const folders = [...new Set(full.map((d) => dirname(d.rel)))];
  let documents = 0;
  let planCount = 0;
  for (let c = 1; c <= copies; c++) {
    const name = `k${String(c).padStart(width, "0")}`;
    const keep = Math.min(perCopy, plans - (c - 1) * perCopy);
    const selected = keep === perCopy ? full : selectDocuments(templates, keep);
    const base = join(dir, name);
    for (const folder of folders) mkdirSync(join(base, folder), { recursive: true });
    const prefix = `${name}/`;
    for (const doc of selected) {
      writeFileSync(join(base, doc.rel), doc.template.replaceAll(PREFIX, prefix));
      documents++;
      if (doc.kind === "plan") planCount++;
    }
  }
  if (planCount !== plans) throw new Error(`generated ${planCount} plans instead of ${plans}`);
  if (git) commitAll(dir, `Benchmark repository: ${plans} plans`);
  return { dir, plans: planCount, copies, documents, files: documents + 1 };
}

const GIT_IDENTITY = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"];

/** `git add -A && git commit` in `dir`, initialising the repository first if needed. */
export function commitAll(dir, message) {
  const git = (...args) => execFileSync("git", [...GIT_IDENTITY, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }).toString();
  if (!existsSync(join(dir, ".git"))) git("-c", "init.defaultBranch=main", "init", "-q");
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", message);
  return git("rev-parse", "HEAD").trim();
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--plans");
  const plansAt = args.indexOf("--plans");
  if (!dir) {
    console.error("usage: node bench/generate.mjs <dir> [--plans N] [--git]");
    process.exit(2);
  }
  const result = generateRepository(resolve(dir), { plans: plansAt >= 0 ? Number(args[plansAt + 1]) : 1000, git: args.includes("--git") });
  console.log(`${result.plans} plans, ${result.documents} documents in ${result.copies} copies: ${result.dir}`);
}
