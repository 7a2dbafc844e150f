import { betweenMarkers } from "../format/text.js";
import { documentKinds, KINDS, type DocumentKind, type PartInfo } from "../schema/index.js";

export type { PartInfo } from "../schema/index.js";

/**
 * The parts of each kind of document, in the order a page shows them when its body places none:
 * what each kind declares (`KINDS` in schema/index.ts). The check (`body/directive`), the views
 * that render the parts and the README's list read them here.
 */
export const PARTS: Record<DocumentKind, readonly PartInfo[]> = Object.fromEntries(documentKinds.map((kind) => [kind, KINDS[kind].parts])) as Record<
  DocumentKind,
  readonly PartInfo[]
>;

/** The part a directive names in a document of `kind`: the picking form where it gives the attribute, else the whole. */
export function partOf(kind: DocumentKind, name: string, attributes: Record<string, string>): PartInfo | undefined {
  const candidates = PARTS[kind].filter((p) => p.name === name);
  return candidates.find((p) => p.pick && p.pick.attribute in attributes) ?? candidates.find((p) => !p.pick) ?? candidates[0];
}

/** The distinct directive names of a kind, in order. */
export const partNames = (kind: DocumentKind): string[] => [...new Set(PARTS[kind].map((p) => p.name))];

export const PARTS_START = "<!-- parts:start (written by `npm run rules-table` from src/model/parts.ts) -->";
export const PARTS_END = "<!-- parts:end -->";

/** The README's list of directives, one table row per part and kind. */
export function partsTable(): string {
  const rows = Object.entries(PARTS).flatMap(([kind, parts]) =>
    parts.map((p) => {
      const directive = p.pick ? p.pick.example : `::${p.name}`;
      return `| \`${kind}\` | \`${directive}\` | ${p.summary.replace(/\|/g, "\\|")} |`;
    }),
  );
  return ["| Kind | Directive | What it places |", "|---|---|---|", ...rows].join("\n");
}

/** `readme` with the text between the markers replaced by the list; `undefined` when the markers are missing. */
export function withPartsTable(readme: string): string | undefined {
  return betweenMarkers(readme, PARTS_START, PARTS_END, partsTable());
}
