import type { LoneDocument } from "../model/repository.js";
import { PARTS, partNames, partOf, type PartInfo } from "../model/parts.js";
import { closest } from "../model/suggest.js";
import type { BodyDirective } from "../source/load.js";
import type { DocumentKind } from "../schema/index.js";
import { aKind, code, kindName, type Reporter, type Rule } from "./rule.js";
import { listOf, t, type Part } from "../format/message.js";

/** The parts a document places, as a message lists them: `::budget`, `::goals` and `::values`; `none`. */
const list = (names: readonly string[], conjunction: "and" | "or" = "and"): Part =>
  names.length
    ? listOf(
        names.map((n) => code(`::${n}`)),
        conjunction,
      )
    : t`none`;

/** What the picking attribute of a part may name in this document. */
function pickable(doc: LoneDocument, part: PartInfo): string[] {
  const attribute = part.pick?.attribute;
  if (attribute === "area" && doc.kind === "plan") return [...new Set(doc.data.goals.flatMap((g) => (g.level === "local" && g.area ? [g.area] : [])))];
  if (attribute === "id" && part.name === "intervention" && doc.kind === "plan") return doc.data.interventions.map((i) => i.id);
  if (attribute === "id" && part.name === "table" && (doc.kind === "plan" || doc.kind === "report" || doc.kind === "budget"))
    return (doc.data.tables ?? []).map((t) => t.id);
  if (attribute === "id" && part.name === "evaluation" && doc.kind === "fund") return doc.data.applications.map((a) => a.id);
  return [];
}

/** The directive as written, for messages: `::goals{area="Hälsa"}`. */
function written(d: BodyDirective): string {
  const attributes = Object.entries(d.attributes).map(([k, v]) => (k === "id" ? `#${v}` : `${k}="${v}"`));
  return `${d.container ? ":::" : "::"}${d.name}${attributes.length ? `{${attributes.join(" ")}}` : ""}`;
}

/** The key two placements of the same part share: the part (its whole, for a picking form) and what it picks. */
const keyOf = (part: PartInfo, d: BodyDirective) => ({ family: part.of ?? part.name, pick: part.pick ? (d.attributes[part.pick.attribute] ?? "") : undefined });

function checkDirective(doc: LoneDocument, d: BodyDirective, report: Reporter): PartInfo | undefined {
  const kind = doc.kind;
  const names = partNames(doc.kind);
  const at = d.position;
  if (!names.includes(d.name)) {
    const elsewhere = Object.entries(PARTS)
      .filter(([, parts]) => parts.some((p) => p.name === d.name))
      .map(([other]) => other as DocumentKind);
    const guess = closest(d.name, names);
    report(doc.source, at, {
      reason: elsewhere.length
        ? t`${code(`::${d.name}`)} is no part of ${aKind(kind)} (that part belongs to ${listOf(elsewhere.map(aKind), "or")}); ${aKind(kind)} places ${list(names)}.`
        : t`${code(written(d))} names no part that ${aKind(kind)} generates; ${aKind(kind)} places ${list(names)}.`,
      fix: guess
        ? t`Write ${code(`::${guess}`)}.`
        : names.length
          ? t`Write one of ${list(names, "or")} on a line of its own, or remove the line.`
          : t`Remove the line: the sections of ${aKind(kind)} are its own and it places no generated part.`,
    });
    return undefined;
  }
  // A board's own report has no joint plan: its outcome per line, goals, indicators and carry-over are not there to print.
  if (doc.kind === "report" && doc.data.plan === undefined && PARTS.report.some((p) => p.name === d.name && p.jointPlan)) {
    const own = [...new Set(PARTS.report.filter((p) => !p.jointPlan).map((p) => p.name))];
    report(doc.source, at, {
      reason: t`A board's own report (\`organisation\`, no \`plan\`) places no ${code(`::${d.name}`)} (that part belongs to the report of a joint plan); it places ${list(own)}.`,
      fix: t`Write one of ${list(own, "or")} on a line of its own, or remove the line.`,
    });
    return undefined;
  }
  // A board's report in parts renders its text within each part, where no directive places anything: each part lists its tables.
  if (doc.kind === "report" && doc.data.plan === undefined && doc.data.parts.length > 0) {
    report(doc.source, at, {
      reason: t`${code(written(d))} is in a report in parts (\`parts:\`), whose money tables each part prints under its Ekonomi (its \`tables:\`); here it would print nothing.`,
      fix: t`Remove the line, and name the table in the \`tables:\` of the part it belongs to.`,
    });
    return undefined;
  }
  if (d.container) {
    report(doc.source, at, {
      reason: t`${code(written(d))} opens a block; a generated part is placed with two colons on a line of its own, and holds no text.`,
      fix: t`Write ${code(written({ ...d, container: false }))} on a line of its own, and move the text inside the block out of it.`,
    });
    return undefined;
  }
  if (d.nested) {
    report(doc.source, at, {
      reason: t`${code(written(d))} stands inside a list or a quote; a generated part is placed on a line of its own at the body's top level.`,
      fix: t`Move the directive out of the list or quote, with a blank line before and after it.`,
    });
    return undefined;
  }
  const part = partOf(doc.kind, d.name, d.attributes)!;
  const allowed = PARTS[doc.kind].filter((p) => p.name === d.name && p.pick).map((p) => p.pick!.attribute);
  for (const key of Object.keys(d.attributes)) {
    if (allowed.includes(key as "id" | "area")) continue;
    report(doc.source, at, {
      reason: allowed.length
        ? t`${code(`::${d.name}`)} takes only ${listOf(
            allowed.map((a) => (a === "id" ? code("#id") : code(a))),
            "or",
          )}, but ${code(written(d))} gives ${code(key === "class" ? "." : key)}.`
        : t`${code(`::${d.name}`)} takes no attributes, but ${code(written(d))} gives ${code(key === "class" ? "." : key)}.`,
      fix: allowed.length
        ? t`Write ${code(part.pick?.example ?? PARTS[doc.kind].find((p) => p.name === d.name && p.pick)!.pick!.example)}.`
        : t`Write ${code(`::${d.name}`)}.`,
    });
    return undefined;
  }
  if (part.pick) {
    const value = d.attributes[part.pick.attribute] ?? "";
    const candidates = pickable(doc, part);
    if (!candidates.includes(value)) {
      const guess = closest(value, candidates);
      const named = value ? code(value) : t`the empty name`;
      report(doc.source, at, {
        reason: candidates.length
          ? t`${code(written(d))}: ${named} is not ${part.pick.names} of this ${kindName(kind)}; it has ${listOf(candidates.map(code))}.`
          : t`${code(written(d))}: ${named} is not ${part.pick.names} of this ${kindName(kind)}.`,
        fix: guess
          ? t`Write ${code(written({ ...d, attributes: { [part.pick.attribute]: guess } }))}.`
          : t`Name one of them, or write ${code(`::${part.of ?? part.name}`)} for all.`,
      });
      return undefined;
    }
  }
  return part;
}

export const bodyDirectives: Rule = {
  id: "body/directive",
  severity: "error",
  summary:
    "A directive in the body (`::budget` on a line of its own) names a part its kind of document generates, with an id or area the document has, and places each part once.",
  example: "`::budget` is no part of an indicator (that part belongs to a plan); an indicator places `::values` and `::plans`.",
  document(doc, report) {
    const directives = doc.source.outline?.directives ?? [];
    const placed: { key: ReturnType<typeof keyOf>; directive: BodyDirective }[] = [];
    for (const d of directives) {
      const part = checkDirective(doc, d, report);
      if (!part) continue;
      const key = keyOf(part, d);
      const first = placed.find((p) => p.key.family === key.family && (p.key.pick === undefined || key.pick === undefined || p.key.pick === key.pick));
      if (first) {
        const same = first.key.pick === key.pick;
        report(doc.source, d.position, {
          reason: same
            ? t`${code(written(d))} is placed a second time; the part would be printed twice.`
            : t`${code(written(d))} shows part of what ${code(written(first.directive))} already shows; it would be printed twice.`,
          fix: same
            ? t`Remove one of the two lines.`
            : t`Remove one of the two lines, or pick each item once with ${code(part.pick?.example ?? written(first.directive))}.`,
          related: [{ source: doc.source, at: first.directive.position, reason: t`Placed first here.` }],
        });
        continue;
      }
      placed.push({ key, directive: d });
    }
  },
};
