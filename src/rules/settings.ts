import { suggestion } from "../model/suggest.js";
import { registry } from "./index.js";
import { code, type Rule } from "./rule.js";
import { t } from "../format/message.js";

/** `rules:` in `plan.config.yaml` names registered rules only: a setting for a misspelt id would silently do nothing. */
export const ruleSettings: Rule = {
  id: "config/unknown-rule",
  severity: "error",
  summary: "Every rule id under `rules:` in `plan.config.yaml` is the id of a rule.",
  example: "No rule has the id `goal/unfundd`. Did you mean `goal/unfunded`?",
  repository(repo, report) {
    const config = repo.config;
    if (!config?.data.rules) return;
    // Read when the check runs: the registry lists this rule too.
    const ids = registry.map((rule) => rule.id);
    for (const id of Object.keys(config.data.rules)) {
      if (ids.includes(id)) continue;
      report(config.source, ["rules", id], {
        key: true,
        reason: t`No rule has the id ${code(id)}.${suggestion(id, ids)}`,
        fix: t`Use an id from the README's rule table, or from the \`[rule/id]\` of a message.`,
      });
    }
  },
};
