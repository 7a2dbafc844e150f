import type { Entry } from "../../model/repository.js";
import { list } from "../helpers.js";
import { FORM, KIND } from "../../vocabulary.js";
import { isFictional, organisationParty, type PageView, type ViewContext } from "./common.js";
import { documentPage } from "./page.js";

/**
 * A form's page, for the writers of its documents: what it is the form of, the header fields, and
 * its body as written: the headings every document of the form has, with the guidance under each.
 * A web page only: a form goes to no board.
 */
export function formView(ctx: ViewContext, form: Entry<"form">, page: string): PageView {
  const { repo } = ctx;
  const data = form.data;
  return documentPage(ctx, form, page, {
    organisation: data.organisation ? repo.parties.get(data.organisation) : organisationParty(repo),
    fictional: isFictional(repo, form),
    header: {
      doctype: KIND.form.name,
      facts: [
        { label: FORM.for, text: KIND[data.for].many },
        data.for === "plan" && { label: KIND.budget.name, text: FORM.money[data.money] },
        data.optional.length > 0 && { label: FORM.optional, text: list(data.optional) },
      ],
    },
    content: {
      fieldsHeading: FORM.fields,
      fields: data.fields.map((f) => ({ label: f.label, required: f.required ? FORM.required : undefined })),
    },
  });
}
