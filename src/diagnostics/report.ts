import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { say, type Lang, type Part } from "../format/message.js";
import { PendingPlace } from "./positions.js";

declare module "vfile-message" {
  interface VFileMessage {
    /**
     * The message as it was written (a `Message` to be said in the user's language), beside its
     * English in `reason` and `note`, which tests and machine readers of the findings read.
     */
    said?: { reason: Part; fix?: Part | undefined };
  }
}

export type Severity = "error" | "warning";

/**
 * What every rule declares, as remark-lint's rules and hledger's checks do: a stable id, its
 * default severity, what it checks and an example message. Rules that run while files are
 * loaded (YAML, schemas) are declared beside their loader; every declaration is listed in the
 * registry (`src/rules/index.ts`), which the README's rule table and `plan.config.yaml`'s
 * `rules:` settings read.
 */
export interface RuleInfo {
  /** Stable id, e.g. `money/line-total`. */
  readonly id: string;
  readonly severity: Severity;
  /** A severity some of its messages take instead of the default (a placeholder in a draft is a warning). */
  readonly otherSeverity?: Severity;
  readonly summary: string;
  /** A message the rule gives, for the README. */
  readonly example: string;
  /**
   * Rules whose findings in a document can cause this one's (a misspelled party id makes every
   * sum per party wrong): where both are found, the cause is listed first and this rule's
   * messages name it, so that the user fixes the cause rather than the consequences.
   */
  readonly follows?: readonly string[];
}

/** Another place a message is about: the first of two duplicates, the other id of a collision. */
export interface RelatedPlace {
  /** The file as messages name it (relative to the working folder). */
  file: string;
  place: Position;
  /** What is at that place, e.g. "first defined here". */
  reason: Part;
}

export interface Problem {
  /** What was expected and what was found. */
  reason: Part;
  place?: Position | undefined;
  /** How to fix it. */
  fix?: Part | undefined;
  /** The rule's default unless this message differs. */
  severity?: Severity | undefined;
  /** Other places the message is about, shown with it in every format (vfile-message's `cause`). */
  related?: RelatedPlace[] | undefined;
}

/**
 * The place not found yet (`PendingPlace`) of each message reported at one, until `settlePlaces`
 * sets it. Beside the message rather than on it: a property deleted from an object turns it into
 * a dictionary of its properties, several times the size (1.5 kB more a message, 80,000 warnings
 * on 10,000 plans); weak, so a check cut short leaves nothing here for the next.
 */
const pendingPlaces = new WeakMap<VFileMessage, PendingPlace>();

/**
 * Sets the place of every message of `files` reported at a `PendingPlace`, file by file (a light
 * source keeps the text and YAML tree it read last, so each file is read once), as a message made
 * with that place has it. `collectMessages` calls it before it reads the places.
 */
export function settlePlaces(files: readonly VFile[]): void {
  for (const file of files) {
    for (const message of file.messages) {
      // The message and its related places (its chain of `cause`), each perhaps pending.
      for (let m: unknown = message; m instanceof VFileMessage; m = m.cause) settle(m);
    }
  }
}

function settle(message: VFileMessage): void {
  const place = pendingPlaces.get(message);
  if (place === undefined) return;
  pendingPlaces.delete(message);
  const found = place.settle();
  // As vfile-message's constructor sets them from a place.
  message.place = found;
  message.line = found.start.line;
  message.column = found.start.column;
  message.name = `${pointName(found.start)}-${pointName(found.end)}`;
}

const pointName = (point: Point) => `${point.line || 1}:${point.column || 1}`;

/** Records a problem found by `rule` as a vfile message on the file it is about; errors are `fatal`. */
export function report(file: VFile, rule: RuleInfo, problem: Problem): void {
  // A vfile message is an Error that drops its stack; not capturing one at all halves the cost
  // of a message, which counts when a large repository has thousands of warnings.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message;
  try {
    const cause = problem.related?.length ? causeOf(problem.related) : undefined;
    const pending = problem.place instanceof PendingPlace ? problem.place : undefined;
    message = file.message(say(problem.reason, "en"), { place: pending ? undefined : problem.place, ruleId: rule.id, source: "plan", cause });
    if (pending) pendingPlaces.set(message, pending);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  message.fatal = (problem.severity ?? rule.severity) === "error";
  if (problem.fix) message.note = say(problem.fix, "en");
  message.said = { reason: problem.reason, fix: problem.fix };
}

/** What a message says, in `lang`. */
export const reasonIn = (message: Pick<VFileMessage, "reason" | "said">, lang: Lang): string => say(message.said?.reason ?? message.reason, lang);

/** How a message says to fix it, in `lang`; undefined where it does not. */
export const fixIn = (message: Pick<VFileMessage, "note" | "said">, lang: Lang): string | undefined =>
  message.said?.fix !== undefined ? say(message.said.fix, lang) : (message.note ?? undefined);

/**
 * Related places travel as the message's `cause`, as remark-lint passes them: a message at the
 * first place, whose own `cause` is the next.
 */
function causeOf(related: RelatedPlace[]): VFileMessage | undefined {
  let cause: VFileMessage | undefined;
  for (const r of [...related].reverse()) {
    const pending = r.place instanceof PendingPlace ? r.place : undefined;
    const next: VFileMessage = new VFileMessage(say(r.reason, "en"), { place: pending ? undefined : r.place, source: "plan", cause });
    if (pending) pendingPlaces.set(next, pending);
    next.file = r.file;
    next.said = { reason: r.reason };
    cause = next;
  }
  return cause;
}

/** The other places of a message, in order: its chain of `cause` messages. */
export function relatedPlaces(message: VFileMessage): RelatedPlace[] {
  const out: RelatedPlace[] = [];
  for (let c = message.cause; c instanceof VFileMessage; c = c.cause) {
    const start = c.place && "start" in c.place ? c.place.start : c.place;
    const end = c.place && "end" in c.place ? c.place.end : start;
    if (start) out.push({ file: c.file ?? "", place: { start, end: end ?? start }, reason: c.said?.reason ?? c.reason });
  }
  return out;
}

export function isError(message: { fatal?: boolean | null | undefined }): boolean {
  return message.fatal === true;
}

/** A message as plain data, to keep between runs (the cache of `plan check`) and give again with `replay`. */
export interface MessageRecord {
  reason: string;
  place: Position | Point | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  note: string | undefined;
  related: RelatedPlace[];
  /** The message as written, to be said in the user's language (`said`). */
  said: VFileMessage["said"];
}

export const recordOf = (message: VFileMessage): MessageRecord => ({
  reason: message.reason,
  place: message.place ?? undefined,
  ruleId: message.ruleId,
  source: message.source,
  fatal: message.fatal,
  note: message.note,
  related: relatedPlaces(message),
  said: message.said,
});

/** The message `record` was made of, as `report` made it on the file at `path` (as messages name it), not yet recorded on the file. */
export function messageOf(path: string, record: MessageRecord): VFileMessage {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const cause = record.related.length ? causeOf(record.related) : undefined;
    const message = new VFileMessage(record.reason, { place: record.place, ruleId: record.ruleId, source: record.source, cause });
    // As `VFile.message` names a message of its file.
    if (path) {
      message.name = `${path}:${message.name}`;
      message.file = path;
    }
    message.fatal = record.fatal;
    if (record.note !== undefined) message.note = record.note;
    if (record.said !== undefined) message.said = record.said;
    return message;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
