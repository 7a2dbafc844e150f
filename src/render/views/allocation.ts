import { allocationOf, figureOf, isAllocated, percentText, weightFraction } from "../../model/allocation.js";
import type { Entry } from "../../model/repository.js";
import { groupDigits, NBSP, NNBSP } from "../../format/swedish.js";
import { list } from "../../format/text.js";
import { amount, kr } from "../helpers.js";
import { ALLOCATION, KIND } from "../../vocabulary.js";
import { isFictional, partyName, statusView, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";
import { num, th, type NoteView, type RowView, type TableView } from "./table.js";

/** A weight as the page prints it: `50 %`, `33,25 %`, or the fraction as written (`1/3`). */
function weightText(weight: Entry<"allocation">["data"]["measures"][number]["weight"]): string {
  if (typeof weight === "string") return weight.replace(/\s+/g, "");
  const f = weightFraction(weight);
  // Percentages as written, with a decimal comma; no more decimals than the weight has.
  const decimals = String(weight).split(".")[1]?.length ?? 0;
  return `${percentText(f, decimals)}${NBSP}%`;
}

/**
 * The table of an allocation: one row per member with its figure in each measure, its share and
 * its amount; a total row whose amount is the amount allocated. A figure cited with its own year
 * or source, and an amount that got one of the kronor left over, carry a marker to a note.
 */
export function allocationTable(ctx: ViewContext, entry: Entry<"allocation">): { table: TableView; computed: boolean } {
  const data = entry.data;
  const result = allocationOf(data);
  const allocated = isAllocated(result) ? result : undefined;
  const notes: NoteView[] = [];
  const note = (text: string) => {
    const found = notes.find((n) => n.text === text);
    if (found) return { symbol: found.symbol, target: found.id };
    const n = { id: `fordelning-not-${notes.length + 1}`, symbol: String(notes.length + 1), text };
    notes.push(n);
    return { symbol: n.symbol, target: n.id };
  };
  const rows: RowView[] = data.members.map((member, i) => {
    const m = allocated?.members[i];
    return {
      cells: [
        // The marker of a krona left over stands by the name, so that the amounts keep their digits aligned.
        th(partyName(ctx.repo, member), "row", m?.roundedUp ? { marker: note(ALLOCATION.roundedUp) } : {}),
        ...data.measures.map((measure) => {
          const figure = figureOf(measure, member);
          const own = figure && (figure.year !== measure.year || figure.source !== measure.source || figure.note);
          const text = own
            ? [
                `${partyName(ctx.repo, member)}, ${measure.label.toLocaleLowerCase("sv")}: ${ALLOCATION.figureYear} ${figure.year}`,
                figure.source !== measure.source ? ` (${figure.source})` : "",
                ".",
                figure.note ? ` ${figure.note}` : "",
              ].join("")
            : undefined;
          return num(amount(figure?.value), text ? { marker: note(text) } : {});
        }),
        num(m ? `${percentText(m.share)}${NBSP}%` : ""),
        num(m ? amount(m.amount) : ""),
      ],
    };
  });
  const total: RowView = {
    kind: "total",
    cells: [
      th(ALLOCATION.total),
      // A measure's total is a count, not kronor: shown exactly however large (the kronor helper stops at the range of exact sums).
      ...data.measures.map((_, k) => num(allocated ? groupDigits(allocated.totals[k]!, NNBSP) : "")),
      num(allocated ? `100,00${NBSP}%` : ""),
      num(allocated ? amount(allocated.members.reduce((s, m) => s + m.amount, 0n)) : ""),
    ],
  };
  return {
    computed: Boolean(allocated),
    table: {
      caption: `${ALLOCATION.caption} ${data.year}: ${kr(data.amount)}`,
      className: "summary allocation",
      head: [
        {
          cells: [
            th(ALLOCATION.member, "col"),
            ...data.measures.map((m) => th(`${m.label} ${m.year}`, "col", { num: true })),
            th(ALLOCATION.share, "col", { num: true }),
            th(ALLOCATION.amount, "col", { num: true }),
          ],
        },
      ],
      bodies: [rows, [total]],
      notes,
    },
  };
}

/** The key in words, as the seed writes it: `50 % befolkning och 50 % inskrivna i kommunal hälso- och sjukvård`. */
const keyText = (data: Entry<"allocation">["data"]) =>
  list(data.measures.map((m) => `${weightText(m.weight)} ${m.label.slice(0, 1).toLocaleLowerCase("sv")}${m.label.slice(1)}`));

/** An allocation's page: its facts, the table, the key's measures with their weights and sources, and how the amounts are rounded. */
export function allocationView(ctx: ViewContext, entry: Entry<"allocation">, page: string): PageView {
  const { repo } = ctx;
  const data = entry.data;
  const { table, computed } = allocationTable(ctx, entry);
  const sources: TableView = {
    caption: ALLOCATION.sources,
    className: "summary",
    head: [
      { cells: [th(ALLOCATION.measure, "col"), th(ALLOCATION.weight, "col", { num: true }), th(ALLOCATION.basis, "col", { num: true }), th("Källa", "col")] },
    ],
    bodies: [data.measures.map((m) => ({ cells: [th(m.label), num(weightText(m.weight)), num(String(m.year)), { text: m.source, tag: "td" as const }] }))],
  };
  return documentPage(ctx, entry, page, {
    organisation: data.organisation ? repo.parties.get(data.organisation) : undefined,
    fictional: isFictional(repo, entry) || data.members.some((m) => repo.parties.get(m)?.fictional),
    print: { header: "document" },
    header: {
      doctype: KIND.allocation.name,
      facts: [
        data.organisation !== undefined && { label: ALLOCATION.by, text: partyName(repo, data.organisation) },
        data.funder !== undefined && { label: ALLOCATION.funder, text: data.funder },
        { label: ALLOCATION.whole, text: kr(data.amount) },
        { label: ALLOCATION.key, text: keyText(data) },
        { label: ALLOCATION.basis, text: String(data.basisYear) },
      ],
    },
    content: { status: statusView(data) },
    parts: {
      defaults: ["allocation"],
      place(name, _attributes, at) {
        if (name !== "allocation") return undefined;
        return {
          partial: "allocation",
          part: name,
          ...at,
          title: ALLOCATION.heading,
          table,
          sources,
          rounding: computed ? ALLOCATION.rounding : ALLOCATION.notComputed,
        };
      },
    },
  });
}
