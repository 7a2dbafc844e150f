import { memberNames } from "../../model/parties.js";
import type { Entry, Repository } from "../../model/repository.js";
import { workTables } from "../../model/table.js";
import { KIND, LABEL } from "../../vocabulary.js";
import { isFictional, partyLabels, partyName, type PageView, type ViewContext } from "./common.js";
import { moneyTableView, type PartyNames } from "./money-table.js";
import { documentPage, type PartSource } from "./page.js";
import type { TableView } from "./table.js";

/** The money tables of a document as its page prints them (`partials/money-tables.hbs`), under `heading`. */
export function moneyTables(
  repo: Repository,
  tables: Entry<"plan" | "report" | "budget">["data"]["tables"],
  heading: string,
): { tables: TableView[]; tablesHeading: string } {
  const parties: PartyNames = {
    label: (party) => partyLabels(repo, [party]).get(party)!,
    members: (party) => memberNames(repo, party),
  };
  return { tables: workTables(tables).map((worked) => moneyTableView(worked, parties)), tablesHeading: heading };
}

/** The parts `::tables` and `::table{#id}` of a document with money tables. */
export function tableParts(written: Entry<"plan" | "report" | "budget">["data"]["tables"], tables: { tables: TableView[]; tablesHeading: string }): PartSource {
  return {
    defaults: ["tables"],
    place(name, attributes, at) {
      if (name === "tables") return { partial: "money-tables", part: name, ...at, ...tables };
      const table = name === "table" ? tables.tables[written.findIndex((t) => t.id === attributes["id"])] : undefined;
      return table ? { partial: "money-table", part: name, ...at, table } : undefined;
    },
  };
}

/** A board's or a kommunalförbund's budget: its tables, in the order the document prints them. */
export function budgetView(ctx: ViewContext, budget: Entry<"budget">, page: string): PageView {
  const { repo } = ctx;
  const data = budget.data;
  return documentPage(ctx, budget, page, {
    organisation: repo.parties.get(data.organisation),
    fictional: isFictional(repo, budget),
    print: { header: "document" },
    header: {
      doctype: KIND.budget.name,
      facts: [
        { label: "Organisation", text: partyName(repo, data.organisation) },
        { label: "Budgetår", text: String(data.year) },
        data.decision && { label: LABEL.decision, text: [data.decision.body, data.decision.date, data.decision.paragraph].filter(Boolean).join(", ") },
      ],
    },
    content: { year: data.year },
    parts: tableParts(data.tables, moneyTables(repo, data.tables, `${KIND.budget.name} ${data.year}`)),
  });
}
