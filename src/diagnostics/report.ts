import type { Position } from "unist";
import type { VFile } from "vfile";

export type Severity = "error" | "warning";

export interface Problem {
  /** Stable id of the rule, e.g. `money/line-total`. */
  ruleId: string;
  severity: Severity;
  /** What was expected and what was found. */
  reason: string;
  place?: Position | undefined;
  /** How to fix it. */
  fix?: string | undefined;
}

/** Records a problem as a vfile message on the file it is about; errors are `fatal`. */
export function report(file: VFile, problem: Problem): void {
  const message = file.message(problem.reason, { place: problem.place, ruleId: problem.ruleId, source: "plan" });
  message.fatal = problem.severity === "error";
  if (problem.fix) message.note = problem.fix;
}

export function isError(message: { fatal?: boolean | null | undefined }): boolean {
  return message.fatal === true;
}
