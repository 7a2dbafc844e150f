import type { Position } from "unist";
import { formIdOf, isGeneratedSlot, formOf, headingKey, memoSlotOf, type FormHeading, type ResolvedForm } from "../model/forms.js";
import type { Entry, Repository } from "../model/repository.js";
import { closest } from "../model/suggest.js";
import { code, type Reporter, type Rule, type RuleRun, type Shared } from "./rule.js";
import { listOf, t, type Message, type Part } from "../format/message.js";

type FormDocument = Entry<"plan"> | Entry<"memo">;

/** A heading of a document's body, with what follows it up to the next heading. */
interface BodyHeading {
  depth: number;
  title: string;
  position: Position;
  /** Nothing but blank space before the next heading, and no sub-heading under it. */
  empty: boolean;
}

/** A `##` section of the document's body with its `###` sub-headings. */
interface BodySection extends BodyHeading {
  subs: BodyHeading[];
}

/** The body's sections, from its text (a light source, see `restoreSource`, reads it again from disk: asked once). */
function bodySections(doc: FormDocument, text: string): BodySection[] {
  const headings = doc.source.outline?.headings ?? [];
  const sections: BodySection[] = [];
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const between = text.slice(h.position.end.offset, next ? next.position.start.offset : text.length);
    // A comment (a transcription's note on its source) is no text of the section.
    const empty = between.replace(/<!--[\s\S]*?-->/g, "").trim() === "" && (!next || next.depth <= h.depth);
    const heading = { depth: h.depth, title: h.text, position: h.position, empty };
    if (h.depth === 2) sections.push({ ...heading, subs: [] });
    else if (h.depth === 3 && sections.length) sections.at(-1)!.subs.push(heading);
  });
  return sections;
}

const formName = (form: ResolvedForm): Message => (form.entry ? t`its form ${code(form.entry.id)}` : t`the default form of memos`);
const quoted = (s: string) => `"${s}"`;

/** The document a message is about, by its kind: "The plan lacks …", "if a memo may leave it out". */
const THE: Record<FormDocument["kind"], Message> = { plan: t`The plan`, memo: t`The memo` };
const A: Record<FormDocument["kind"], Message> = { plan: t`a plan`, memo: t`a memo` };
const MANY: Record<FormDocument["kind"], Message> = { plan: t`plans`, memo: t`memos` };

/** The end of the body: where a heading missing at the end goes. */
function endOf(doc: FormDocument, text: string): Position {
  const end = doc.source.lines.point(text.length);
  return { start: end, end };
}

/**
 * The body's headings matched to the form's, in the body's order, and those out of the form's
 * order: the fewest that, moved, leave the rest in order (those off a longest run in order).
 */
function outOfOrder<T>(matched: { at: T; index: number }[]): Set<T> {
  const n = matched.length;
  const length = Array<number>(n).fill(1);
  const previous = Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) if (matched[j]!.index < matched[i]!.index && length[j]! + 1 > length[i]!) [length[i], previous[i]] = [length[j]! + 1, j];
  let best = -1;
  // Of two runs as long, the later: a heading written too early (before all the rest) is the one out of place.
  for (let i = 0; i < n; i++) if (best === -1 || length[i]! >= length[best]!) best = i;
  const keep = new Set<number>();
  for (let i = best; i !== -1; i = previous[i]!) keep.add(i);
  return new Set(matched.filter((_, i) => !keep.has(i)).map((m) => m.at));
}

/** Whether a memo's frontmatter gives a section the memo fills from it (Förslag till beslut, Beslutsunderlag, …). */
function givenByData(doc: FormDocument, title: string): boolean {
  if (doc.kind !== "memo") return false;
  const slot = memoSlotOf(title);
  if (!isGeneratedSlot(slot)) return false;
  const d = doc.data;
  return (
    { forslag: d.proposal.length, beslutsunderlag: d.attachments.length, skickas: d.sendTo.length, kannedom: d.forInformation.length }[slot as "forslag"] > 0
  );
}

interface Level {
  /** The form's headings at this level, in order. */
  wanted: FormHeading[];
  /** The body's headings at this level, in order. */
  found: BodyHeading[];
  /** `##` or `###`. */
  marks: string;
  /** Where a heading missing after every heading of the body goes: the next section's heading, or the end of the body. */
  after: Position;
  /** What holds them, for messages: `the section "Precisering …"`; none for the body. */
  within?: Message;
}

/** Checks one level of headings against the form's: missing, empty, out of order, not in the form. */
function checkLevel(doc: FormDocument, form: ResolvedForm, level: Level, rules: Reporters): BodyHeading[] {
  const { wanted, found, marks, within } = level;
  const indexOf = (h: BodyHeading) => wanted.findIndex((w) => headingKey(w.title) === headingKey(h.title));
  const severity = form.severity;
  const kind = doc.kind;
  const matched = found.flatMap((h) => (indexOf(h) === -1 ? [] : [{ at: h, index: indexOf(h) }]));
  const misplaced = outOfOrder(matched);
  const inPlace = matched.filter((m) => !misplaced.has(m.at));

  wanted.forEach((w, index) => {
    if (w.optional || matched.some((m) => m.index === index) || givenByData(doc, w.title)) return;
    // Placed at the first heading of the body that the form puts after it, else where the level ends.
    const before = inPlace.find((m) => m.index > index);
    const follows = [...wanted.slice(0, index)].reverse().find((p) => matched.some((m) => headingKey(m.at.title) === headingKey(p.title)));
    rules.missing(doc.source, before ? before.at.position : level.after, {
      severity,
      reason: t`${THE[kind]} lacks the heading ${quoted(w.title)}${within ? t` in ${within}` : ""}, which ${formName(form)} requires${
        follows ? t` after ${quoted(follows.title)}` : ""
      }${before ? t`, before ${quoted(before.at.title)}` : ""}.`,
      fix: t`Add \`${marks} ${w.title}\` with its text ${before ? t`above this heading` : within ? t`at the end of the section` : t`at the end of the text`}${
        form.entry ? t`, or list it under \`optional\` in ${code(form.entry.id)} if ${A[kind]} may leave it out` : ""
      }.`,
    });
  });

  for (const m of matched) {
    const w = wanted[m.index]!;
    if (misplaced.has(m.at)) {
      const follows = [...inPlace].reverse().find((p) => p.index < m.index);
      rules.order(doc.source, m.at.position, {
        severity,
        reason: t`The heading ${quoted(m.at.title)} is out of the order of ${formName(form)}, which puts it ${
          follows ? t`after ${quoted(wanted[follows.index]!.title)}` : t`first`
        }${within ? t` in ${within}` : ""}.`,
        fix: follows ? t`Move the section to follow ${quoted(follows.at.title)}.` : t`Move the section to the start of ${within ?? t`the text`}.`,
      });
    }
    if (m.at.empty && !w.optional && !givenByData(doc, w.title)) {
      rules.empty(doc.source, m.at.position, {
        severity,
        reason: t`The heading ${quoted(m.at.title)} has no text under it; ${formName(form)} requires the section.`,
        fix: t`Write the section's text under the heading.`,
      });
    }
  }

  if (form.closed) {
    for (const h of found) {
      if (indexOf(h) !== -1) continue;
      const guess = closest(
        h.title,
        wanted.map((w) => w.title),
      );
      rules.unknown(doc.source, h.position, {
        reason: t`The heading ${quoted(h.title)} is not a heading of ${formName(form)}${within ? t` in ${within}` : ""}, which has ${wanted.map((w) => quoted(w.title)).join(", ")}.`,
        fix: guess
          ? t`Write \`${marks} ${guess}\`, if that is the section meant.`
          : t`Use one of the form's headings, make it a sub-heading (\`${marks}#\`), or add it to ${code(form.entry!.id)}.`,
      });
    }
  }
  return matched.map((m) => m.at);
}

interface Reporters {
  missing: Reporter;
  empty: Reporter;
  order: Reporter;
  unknown: Reporter;
}

/** The form's sections and fixed sub-headings against a document's body. */
function checkHeadings(doc: FormDocument, form: ResolvedForm, rules: Reporters): void {
  const text = String(doc.source.file.value);
  const sections = bodySections(doc, text);
  const end = endOf(doc, text);
  checkLevel(doc, form, { wanted: form.sections, found: sections, marks: "##", after: end }, rules);
  for (const wanted of form.sections) {
    if (wanted.subs.length === 0) continue;
    const index = sections.findIndex((s) => headingKey(s.title) === headingKey(wanted.title));
    const section = sections[index];
    if (!section) continue;
    const after = sections[index + 1]?.position ?? end;
    checkLevel(doc, form, { wanted: wanted.subs, found: section.subs, marks: "###", after, within: t`the section ${quoted(section.title)}` }, rules);
  }
  if (doc.kind === "memo" && !doc.data.genderEquality) {
    const jamstalldhet = form.sections.find((s) => memoSlotOf(s.title) === "jamstalldhet" && !s.optional);
    if (jamstalldhet) {
      // At the memo's Jämställdhet heading, where the questionnaire would print; else at its title.
      const heading = sections.find((s) => memoSlotOf(s.title) === "jamstalldhet");
      rules.missing(doc.source, heading ? heading.position : ["title"], {
        key: true,
        severity: form.severity,
        reason: t`The memo has no \`genderEquality\`, the questionnaire of the section ${quoted(jamstalldhet.title)} that ${formName(form)} requires.`,
        fix: t`Add \`genderEquality:\` with \`affects\`, \`visible\`, \`differentEffects\` (each \`true\` or \`false\`) and \`goals\` (the answer in words).`,
      });
    }
  }
}

/** The documents that have a form, each with it. */
function* withForms(repo: Repository): Generator<[FormDocument, ResolvedForm]> {
  for (const doc of [...repo.plans, ...repo.memos]) {
    const form = formOf(repo, doc);
    if (form) yield [doc, form];
  }
}

/** What the walk over a repository's headings found, for each of the four rules, in the order found. */
type HeadingFindings = Record<keyof Reporters, Parameters<Reporter>[]>;

/** The walk over a repository's headings, made once in a run by the first of the four rules to run: each reports its own part. */
const HEADINGS: Shared<Repository, HeadingFindings> = {
  make(repo) {
    const all: HeadingFindings = { missing: [], empty: [], order: [], unknown: [] };
    const rules: Reporters = {
      missing: (...finding) => void all.missing.push(finding),
      empty: (...finding) => void all.empty.push(finding),
      order: (...finding) => void all.order.push(finding),
      unknown: (...finding) => void all.unknown.push(finding),
    };
    for (const [doc, form] of withForms(repo)) checkHeadings(doc, form, rules);
    return all;
  },
};

/** The rules that share one walk over the headings. */
function headingRule(which: keyof Reporters): (repo: Repository, report: Reporter, run: RuleRun) => void {
  return (repo, report, run) => {
    for (const finding of run.get(HEADINGS, repo)[which]) report(...finding);
  };
}

export const formMissing: Rule = {
  id: "form/missing",
  severity: "error",
  otherSeverity: "warning",
  example:
    'The plan lacks the heading "Tidplan för aktiviteter", which its form `sjuharad/formular/enhetsplan` requires after "Viktiga aktiviteter/delmoment".',
  summary:
    "A document has every heading its form requires, and under each its fixed sub-headings; a memo without a form has Lerum's Sammanfattning, Bakgrund, Ekonomi, Jämställdhet (or `memo.requiredSections`). Placed at the heading it should precede, else at the end. A warning where the form says `severity: warning`.",
  repository: headingRule("missing"),
};

export const formEmpty: Rule = {
  id: "form/empty",
  severity: "error",
  otherSeverity: "warning",
  example: 'The heading "Tidplan för aktiviteter" has no text under it; its form `sjuharad/formular/enhetsplan` requires the section.',
  summary: "A heading its form requires has text under it. A warning where the form says `severity: warning`.",
  repository: headingRule("empty"),
};

export const formOrder: Rule = {
  id: "form/order",
  severity: "error",
  otherSeverity: "warning",
  example: 'The heading "Uppgift" is out of the order of its form `sjuharad/formular/enhetsplan`, which puts it after "Beskrivning".',
  summary:
    "A document's headings (and sub-headings) come in its form's order; the page prints them in that order. A warning where the form says `severity: warning`.",
  repository: headingRule("order"),
};

export const formUnknownHeading: Rule = {
  id: "form/heading",
  severity: "warning",
  example: 'The heading "Bakgrund" is not a heading of its form `herrljunga/formular/tjansteskrivelse`, which has "Sammanfattning", "Beslutsunderlag", ….',
  summary:
    "A `##` heading of a document with a declared form is one of the form's, and a `###` heading under a section with fixed sub-headings one of those (deeper headings are free).",
  repository: headingRule("unknown"),
};

export const formFieldsRule: Rule = {
  id: "form/field",
  severity: "error",
  example: "The plan lacks the header field `Ansvarig tjänsteman`, which its form `sjuharad/formular/enhetsplan` requires.",
  summary: "A document gives every header field its form requires under `fields:`, and no field its form does not declare.",
  repository(repo, report) {
    for (const doc of [...repo.plans, ...repo.memos]) {
      const form = formOf(repo, doc);
      const given = doc.data.fields ?? {};
      const labels = (form?.fields ?? []).map((f) => f.label);
      for (const key of Object.keys(given)) {
        if (labels.includes(key)) continue;
        const guess = closest(key, labels);
        report(doc.source, ["fields", key], {
          key: true,
          reason: form?.entry
            ? t`${code(key)} is not a header field of ${formName(form)}${labels.length ? t`, which has ${labels.map(code).join(", ")}` : t`, which has none`}.`
            : t`${THE[doc.kind]} has header fields but no form that declares them.`,
          fix: form?.entry
            ? guess
              ? t`Write ${code(guess)}.`
              : t`Remove it, or add \`{ label: ${key} }\` under \`fields\` in ${code(form.entry.id)}.`
            : t`Name its form with \`form:\` (a document of \`kind: form\` that lists the fields), or remove \`fields\`.`,
        });
      }
      if (!form) continue;
      const missing = form.fields.filter((f) => f.required && !(f.label in given));
      if (missing.length === 0) continue;
      report(doc.source, doc.data.fields ? ["fields"] : ["title"], {
        key: true,
        reason:
          missing.length > 1
            ? t`${THE[doc.kind]} lacks the header fields ${listOf(missing.map((f) => code(f.label)))}, which ${formName(form)} requires.`
            : t`${THE[doc.kind]} lacks the header field ${code(missing[0]!.label)}, which ${formName(form)} requires.`,
        fix: t`Write ${missing.map((f) => code(`${f.label}: …`)).join(", ")} under \`fields:\`.`,
      });
    }
  },
};

export const formMoney: Rule = {
  id: "form/money",
  severity: "error",
  example: "The plan has budget lines, but its form `sjuharad/formular/enhetsplan` says its plans have no money (`money: absent`).",
  summary:
    "A plan names its agreement, or its `organisation` where it belongs to none; a plan whose form says `money: absent` has no budget lines (one whose form says `optional` may leave them out).",
  repository(repo, report) {
    for (const plan of repo.plans) {
      if (plan.data.agreement === undefined && plan.data.organisation === undefined) {
        report(plan.source, ["year"], {
          key: true,
          reason: t`The plan names neither the agreement it belongs to (\`agreement\`) nor the organisation whose own plan it is (\`organisation\`).`,
          fix: t`Write \`agreement: <id of the agreement>\`, or \`organisation: <party id>\` for a plan outside any agreement.`,
        });
      }
      const form = formOf(repo, plan);
      if (form?.money === "absent" && plan.data.budget.length > 0) {
        report(plan.source, ["budget"], {
          key: true,
          reason: t`The plan has budget lines, but ${formName(form)} says its plans have no money (\`money: absent\`).`,
          fix: t`Remove \`budget\`, or write \`money: optional\` in ${code(form.entry!.id)}.`,
        });
      }
    }
  },
};

export const formKindRule: Rule = {
  id: "form/kind",
  severity: "error",
  example: "`herrljunga/formular/tjansteskrivelse` is a form for memos, but this is a plan.",
  summary:
    "The form a document names, or a party's default form for a kind (`forms:` in plan.config.yaml), is a `kind: form` document for that kind of document; `print:` belongs to a form for memos.",
  repository(repo, report) {
    // A plan's page is laid out by its template, not by a form's `print:`: on a form for plans it would be read by nothing.
    for (const form of repo.forms) {
      if (form.data.for === "memo" || form.data.print === undefined) continue;
      report(form.source, ["print"], {
        key: true,
        reason: t`\`print\` says how memos are printed, but this is a form for ${MANY[form.data.for]}, whose pages do not read it.`,
        fix: t`Remove \`print\`, or write \`for: memo\` if the form is for memos.`,
      });
    }
    for (const doc of [...repo.plans, ...repo.memos]) {
      const named = formIdOf(repo, doc);
      const target = named?.via === "document" ? repo.documents.get(named.id) : undefined;
      if (target?.kind === "form" && target.data.for !== doc.kind) {
        report(doc.source, ["form"], {
          reason: t`${code(target.id)} is a form for ${MANY[target.data.for]}, but this is ${A[doc.kind]}.`,
          fix: t`Name a form whose \`for\` is \`${doc.kind}\`.`,
        });
      }
    }
    if (!repo.config) return;
    repo.config.data.parties.forEach((party, i) => {
      for (const [kind, id] of Object.entries(party.forms ?? {})) {
        const target = repo.documents.get(id);
        if (!target && repo.invalidIds.has(id)) continue;
        const forms = repo.forms.filter((f) => f.data.for === kind).map((f) => f.id);
        const many = (k: string): Part => MANY[k as FormDocument["kind"]] ?? `${k}s`;
        const reason = !target
          ? t`No form has the id ${code(id)}.`
          : target.kind !== "form"
            ? t`${code(id)} is a ${target.kind}, not a form.`
            : target.data.for !== kind
              ? t`${code(id)} is a form for ${many(target.data.for)}, not for ${many(kind)}.`
              : undefined;
        if (!reason) continue;
        const guess = closest(id, forms);
        report(repo.config!.source, ["parties", i, "forms", kind], {
          reason,
          fix: guess
            ? t`Write ${code(guess)}.`
            : t`Name a document of \`kind: form\` with \`for: ${kind}\`${forms.length ? `: ${forms.map(code).join(", ")}` : ""}.`,
        });
      }
    });
  },
};

export const formRules: readonly Rule[] = [formKindRule, formFieldsRule, formMoney, formMissing, formEmpty, formOrder, formUnknownHeading];
