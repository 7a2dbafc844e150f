import type { Position } from "unist";
import { report, type Severity } from "../diagnostics/report.js";
import type { Repository } from "../model/repository.js";
import { place, type SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";

export interface Finding {
  reason: string;
  fix?: string | undefined;
  /** Point at the key rather than its value. */
  key?: boolean;
  severity?: Severity;
}

/** Reports a finding of the running rule on `source`, at a YAML path or an explicit position. */
export type Reporter = (source: SourceDocument, at: Path | Position, finding: Finding) => void;

/** A named check, as hledger's: a stable id, what it checks, and an example message for the README. */
export interface Rule {
  id: string;
  severity: Severity;
  summary: string;
  check(repo: Repository, report: Reporter): void;
}

export function runRules(repo: Repository, rules: readonly Rule[]): void {
  for (const rule of rules) {
    const reporter: Reporter = (source, at, finding) =>
      report(source.file, {
        ruleId: rule.id,
        severity: finding.severity ?? rule.severity,
        reason: finding.reason,
        fix: finding.fix,
        place: Array.isArray(at) ? place(source, at, { key: finding.key }) : (at as Position),
      });
    rule.check(repo, reporter);
  }
}

export const code = (s: string | number) => `\`${s}\``;
