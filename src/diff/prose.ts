import { diffArrays, diffWords } from "diff";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { SourceDocument } from "../source/load.js";
import type { ParagraphChange, SectionChange, WordPart } from "./model.js";

export function wordDiff(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((part) => ({ op: part.added ? "+" : part.removed ? "-" : "=", text: part.value }));
}

/** Whether two versions of a text are one text edited, rather than one text replaced by another: half of it or more kept. */
function edited(parts: WordPart[]): boolean {
  const kept = parts.filter((p) => p.op === "=").reduce((n, p) => n + p.text.trim().length, 0);
  const longer = Math.max(...(["-", "+"] as const).map((op) => parts.filter((p) => p.op === op || p.op === "=").reduce((n, p) => n + p.text.trim().length, 0)));
  return longer === 0 || kept * 2 >= longer;
}

/**
 * The differences between two lists of texts (paragraphs, list items): texts added, removed,
 * and texts edited in place, with a word diff. Texts that are equal are left out.
 */
export function diffTexts(before: string[], after: string[]): ParagraphChange[] {
  const changes: ParagraphChange[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++) {
      const b = removed[i];
      const a = added[i];
      const words = b !== undefined && a !== undefined ? wordDiff(b, a) : undefined;
      if (words && edited(words)) changes.push({ change: "changed", before: b, after: a, words });
      else {
        if (b !== undefined) changes.push({ change: "removed", before: b });
        if (a !== undefined) changes.push({ change: "added", after: a });
      }
    }
    removed = [];
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return changes;
}

interface Section {
  heading: string;
  paragraphs: string[];
}

const normalise = (s: string) => s.replace(/\s+/g, " ").trim();

/** The body's prose by section: each heading with the texts under it (paragraphs, list items, table rows), as written. */
export function sectionsOf(source: SourceDocument): Section[] {
  const text = String(source.file.value);
  const body = source.body as Root | undefined;
  if (!body) return [];
  const slice = (node: RootContent | { position?: RootContent["position"] }) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? "" : normalise(text.slice(start, end));
  };
  const sections: Section[] = [{ heading: "", paragraphs: [] }];
  const path: string[] = [];
  for (const node of body.children) {
    if (node.type === "yaml") continue;
    if (node.type === "heading") {
      path.length = node.depth - 1;
      path[node.depth - 1] = normalise(toString(node));
      sections.push({ heading: path.filter(Boolean).join(" › "), paragraphs: [] });
      continue;
    }
    const units = node.type === "list" ? node.children : node.type === "table" ? node.children : [node];
    sections.at(-1)!.paragraphs.push(...units.map(slice).filter(Boolean));
  }
  return sections.filter((s, i) => i > 0 || s.paragraphs.length > 0);
}

/** Sections added, removed, renamed (a changed heading over mostly the same text) or with changed texts, matched by heading. */
export function diffSections(before: Section[], after: Section[]): SectionChange[] {
  const key = (sections: Section[]) => {
    const seen = new Map<string, number>();
    return sections.map((s) => {
      const n = (seen.get(s.heading) ?? 0) + 1;
      seen.set(s.heading, n);
      return n === 1 ? s.heading : `${s.heading}\u0000${n}`;
    });
  };
  const keysBefore = key(before);
  const keysAfter = key(after);
  const sectionOf = new Map<string, Section>();
  keysBefore.forEach((k, i) => sectionOf.set(`b${k}`, before[i]!));
  keysAfter.forEach((k, i) => sectionOf.set(`a${k}`, after[i]!));

  const changes: SectionChange[] = [];
  const compare = (b: Section, a: Section) => {
    const paragraphs = diffTexts(b.paragraphs, a.paragraphs);
    if (paragraphs.length === 0 && a.heading === b.heading) return;
    changes.push({
      heading: a.heading,
      ...(a.heading !== b.heading ? { headingBefore: b.heading } : {}),
      change: a.heading !== b.heading ? "renamed" : "changed",
      paragraphs,
    });
  };
  const whole = (s: Section, change: "added" | "removed"): SectionChange => ({
    heading: s.heading,
    change,
    paragraphs: s.paragraphs.map((p) => (change === "added" ? { change, after: p } : { change, before: p })),
  });
  let removed: Section[] = [];
  const flush = (added: Section[]) => {
    // A section whose heading changed keeps most of its text: pair such sections in order.
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const b = removed[i];
      const a = added[i];
      if (i < pairs && b && a && similar(b, a)) compare(b, a);
      else {
        if (b) changes.push(whole(b, "removed"));
        if (a) changes.push(whole(a, "added"));
      }
    }
    removed = [];
  };
  for (const part of diffArrays(keysBefore, keysAfter)) {
    if (part.removed) removed.push(...part.value.map((k) => sectionOf.get(`b${k}`)!));
    else if (part.added) flush(part.value.map((k) => sectionOf.get(`a${k}`)!));
    else {
      flush([]);
      for (const k of part.value) compare(sectionOf.get(`b${k}`)!, sectionOf.get(`a${k}`)!);
    }
  }
  flush([]);
  return changes;
}

function similar(b: Section, a: Section): boolean {
  if (b.paragraphs.length === 0 && a.paragraphs.length === 0) return true;
  const changed = diffTexts(b.paragraphs, a.paragraphs).filter((p) => p.change !== "changed").length;
  return changed * 2 <= b.paragraphs.length + a.paragraphs.length;
}
