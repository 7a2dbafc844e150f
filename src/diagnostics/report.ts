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
  // A vfile message is an Error that drops its stack; not capturing one at all halves the cost
  // of a message, which counts when a large repository has thousands of warnings.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message;
  try {
    message = file.message(problem.reason, { place: problem.place, ruleId: problem.ruleId, source: "plan" });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  message.fatal = problem.severity === "error";
  if (problem.fix) message.note = problem.fix;
}

export function isError(message: { fatal?: boolean | null | undefined }): boolean {
  return message.fatal === true;
}
