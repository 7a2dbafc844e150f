import { run } from "./repo.js";

/**
 * What `plan check --format json` reports, as an editor or a CI job reads it: tests of a rule
 * assert on these fields, not on the text reporter's layout (a few tests of each reporter do that).
 */
export interface Finding {
  rule: string;
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  message: string;
  fix: string | null;
}

/** A finding as the JSON reporter writes it (with `ruleId`, and more fields than a test needs). */
type JsonProblem = Omit<Finding, "rule"> & { ruleId: string };

/** `plan check --format json` in-process in `root`: its exit code and findings. A usage error (exit 2) fails the test with its message. */
export async function checkJson(root: string, args: string[] = []) {
  const { code, stdout, stderr } = await run(["check", ".", "--format", "json", ...args], root);
  if (code !== 0 && code !== 1) throw new Error(`plan check exited ${code}: ${stderr}`);
  const result = JSON.parse(stdout) as { errors: number; warnings: number; problems: JsonProblem[] };
  const findings: Finding[] = result.problems.map((p) => ({
    rule: p.ruleId,
    file: p.file,
    line: p.line,
    column: p.column,
    severity: p.severity,
    message: p.message,
    fix: p.fix,
  }));
  return { code, errors: result.errors, warnings: result.warnings, findings, stderr };
}

/** The findings of `plan check` in `root`. */
export async function findings(root: string, args: string[] = []): Promise<Finding[]> {
  return (await checkJson(root, args)).findings;
}

/** The findings of one rule. */
export function ofRule(found: Finding[], rule: string): Finding[] {
  return found.filter((f) => f.rule === rule);
}

/** The one finding of `rule`; fails, listing what was found, when there is none or more than one. */
export function only(found: Finding[], rule: string): Finding {
  const of = ofRule(found, rule);
  if (of.length !== 1) throw new Error(`expected one finding of ${rule}, found ${of.length}:\n${found.map(show).join("\n")}`);
  return of[0]!;
}

/** Every message, with its fix, as one text: for asserting that something is said somewhere (or nowhere). */
export function said(found: Finding[]): string {
  return found.map((f) => `${f.message}${f.fix ? `\nfix: ${f.fix}` : ""}`).join("\n");
}

/** A finding as one line, for failure messages. */
export function show(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} [${f.rule}] ${f.message}`;
}
