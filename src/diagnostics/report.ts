import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { say, type Lang, type Part } from "../format/message.js";
import { CompactPosition, lineIndex, PendingPlace, plainPlace, type LineIndex } from "./positions.js";

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
// eslint-disable-next-line no-restricted-syntax -- a field of each message held beside it (weakly), not state shared between runs: each run's messages are its own
const pendingOf = new WeakMap<VFileMessage, PendingPlace>();

/**
 * Sets the place of every message of `files` reported at a `PendingPlace`, file by file (a light
 * source keeps the text and YAML tree it read last, so each file is read once), as a message made
 * with that place has it. `collectMessages` calls it before it reads the places.
 */
export function settlePlaces(files: readonly VFile[]): void {
  for (const file of files) {
    let settled: VFileMessage[] | undefined;
    for (const message of file.messages) {
      // The message and its related places (its chain of `cause`), each perhaps pending.
      let any = false;
      for (let m: unknown = message; m instanceof VFileMessage; m = m.cause) any = settle(m) || any;
      if (any) (settled ??= []).push(message);
    }
    // Their frame lines taken while the file's text is at hand: the cache keeps them, and the report reads them (`FrameLines`).
    if (settled) {
      const lines = lineIndex(String(file.value));
      for (const message of settled) (message as Framed)[FRAME] = frameLines(message, lines);
    }
  }
}

/** The places not found yet of the messages of `files` and of their related places, each once. */
export function pendingPlaces(files: readonly VFile[]): PendingPlace[] {
  const pending = new Set<PendingPlace>();
  for (const file of files) {
    for (const message of file.messages) {
      for (let m: unknown = message; m instanceof VFileMessage; m = m.cause) {
        const place = pendingOf.get(m);
        if (place && !place.settled) pending.add(place);
      }
    }
  }
  return [...pending];
}

/** Sets a pending message's place; whether it was pending. */
function settle(message: VFileMessage): boolean {
  const place = pendingOf.get(message);
  if (place === undefined) return false;
  pendingOf.delete(message);
  const found = place.settle();
  // As vfile-message's constructor sets them from a place; held compact, as the message is kept until the report.
  message.place = new CompactPosition(found);
  message.line = found.start.line;
  message.column = found.start.column;
  message.name = `${pointName(found.start)}-${pointName(found.end)}`;
  return true;
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
    message = new SaidMessage("", { place: pending ? undefined : problem.place, ruleId: rule.id, source: "plan", cause });
    // As `VFile.message` names a message of its file and records it.
    if (file.path) {
      message.name = `${file.path}:${message.name}`;
      message.file = file.path;
    }
    file.messages.push(message);
    if (pending) pendingOf.set(message, pending);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  message.fatal = (problem.severity ?? rule.severity) === "error";
  message.said = { reason: problem.reason, fix: problem.fix };
}

/** What a `SaidMessage`'s `reason` (and `message`) and `note` were set to, where something set them. */
const REASON = Symbol("reason as set");
const NOTE = Symbol("note as set");

/**
 * A message whose English (`reason`, `message`, `note`) is said from what it says (`said`) when
 * read, not kept: the reports say it in the user's language from `said`, and a large repository's
 * check keeps tens of thousands of messages until it reports them (80,000 on 10,000 plans, each
 * with a sentence or two of English in its reason and its fix). One set is kept as set.
 */
class SaidMessage extends VFileMessage {
  declare [REASON]: string | undefined;
  declare [NOTE]: string | undefined;
}
const english: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: SaidMessage) {
    return this[REASON] || (this.said ? say(this.said.reason, "en") : "");
  },
  set(this: SaidMessage, value: string) {
    this[REASON] = value;
  },
};
Object.defineProperties(SaidMessage.prototype, {
  reason: english,
  message: english,
  note: {
    configurable: true,
    enumerable: true,
    get(this: SaidMessage) {
      return this[NOTE] ?? (this.said?.fix ? say(this.said.fix, "en") : undefined);
    },
    set(this: SaidMessage, value: string | undefined) {
      this[NOTE] = value;
    },
  },
});

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
    const next: VFileMessage = new SaidMessage("", { place: pending ? undefined : r.place, source: "plan", cause });
    if (pending) pendingOf.set(next, pending);
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

/**
 * The lines of its file's text that the text report shows with a message (see `codeFrame`: the line
 * of its place and the one before it, and those of its related places in the same file), by number.
 * Kept with the message where the file's text is not at hand (`plan check`'s cache), so that a
 * file no change reached is not read again to show them.
 */
export type FrameLines = [line: number, text: string][];

/** Marks a message with its frame lines. */
const FRAME = Symbol("frame lines");
type Framed = VFileMessage & { [FRAME]?: FrameLines };

/** The frame lines kept with a message, if any (`recordOf`, `messageOf`). */
export const frameLinesOf = (message: VFileMessage): FrameLines | undefined => (message as Framed)[FRAME];

/** The lines `codeFrame` reads to show `message` and its related places in its file, from the file's text (`lines`). */
export function frameLines(message: VFileMessage, lines: Pick<LineIndex, "line">): FrameLines {
  const wanted: number[] = [];
  const want = (n: number) => {
    if (!wanted.includes(n)) wanted.push(n);
  };
  const add = (place: Position | Point | null | undefined) => {
    const start = place && "start" in place ? place.start : place;
    if (!start?.line) return;
    if (start.line > 1) want(start.line - 1);
    want(start.line);
  };
  add(message.place);
  for (const r of relatedPlaces(message)) if (r.file === message.file) add(r.place);
  return wanted.map((n) => [n, ownText(lines.line(n) ?? "")]);
}

/**
 * A text that holds only its own characters. A line cut from a file's text is a window on the
 * whole text in V8 (a sliced string), and kept with a message it would keep the whole file: on
 * 1,000 plans, 45 MB of files for 0.2 MB of lines. The concatenation is copied into a string of
 * its own when it is cut.
 */
const ownText = (text: string): string => (" " + text).slice(1);

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
  /** Its frame lines, where they were kept (`FrameLines`). */
  lines?: FrameLines | undefined;
}

/**
 * A message as plain data, with the frame lines it carries, else those read from its file's text
 * (`lines`) when given. A message given frame lines carries them from then on: the report shows
 * them without reading the file.
 */
export function recordOf(message: VFileMessage, lines?: Pick<LineIndex, "line">): MessageRecord {
  let frame = frameLinesOf(message);
  if (!frame && lines) (message as Framed)[FRAME] = frame = frameLines(message, lines);
  return {
    reason: message.reason,
    // Plain: kept in the cache (see `CompactPosition`).
    place: plainPlace(message.place ?? undefined),
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    note: message.note,
    related: relatedPlaces(message),
    said: message.said,
    ...(frame ? { lines: frame } : {}),
  };
}

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
    // Copied with the message (`Object.assign` copies it, as `collectMessages` and `causesFirst` copy messages).
    if (Array.isArray(record.lines)) (message as Framed)[FRAME] = record.lines;
    return message;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
