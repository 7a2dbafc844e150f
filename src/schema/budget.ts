import { z } from "zod";
import { decision, documentBase, partyRef, year } from "./common.js";
import { moneyTable } from "./table.js";
import { KIND } from "../vocabulary.js";

export const budget = z
  .strictObject({
    kind: z.literal("budget"),
    ...documentBase,
    organisation: partyRef.describe("Id of the party whose budget it is (a board, a kommunalförbund), declared in `plan.config.yaml`."),
    year: year.describe("The year the budget is for."),
    decision: decision.optional(),
    tables: z.array(moneyTable).min(1).describe("The budget's tables, in the order the document prints them."),
  })
  .describe(`${KIND.budget.name}: the budget of a board or a kommunalförbund, in money tables.`);

export type Budget = z.infer<typeof budget>;
