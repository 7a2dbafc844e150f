import type { Entry } from "../../model/repository.js";
import { workTables } from "../../model/table.js";
import { KIND } from "../../vocabulary.js";
import { isFictional, partyName, type PageView, type ViewContext } from "./common.js";
import { moneyTableView } from "./money-table.js";
import { documentPage } from "./page.js";
import type { TableView } from "./table.js";

/** The money tables of a document as its page prints them (`partials/money-tables.hbs`), under `heading`. */
export const moneyTables = (
  tables: Entry<"plan" | "report" | "budget">["data"]["tables"],
  heading: string,
): { tables: TableView[]; tablesHeading: string } => ({
  tables: workTables(tables).map(moneyTableView),
  tablesHeading: heading,
});

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
        data.decision && { label: "Beslut", text: [data.decision.body, data.decision.date, data.decision.paragraph].filter(Boolean).join(", ") },
      ],
    },
    content: moneyTables(data.tables, `${KIND.budget.name} ${data.year}`),
  });
}
