import { config } from "../schema/config.js";
import { partiesIn } from "../schema/reference.js";
import {
  groupBy,
  kindsOf,
  listedDocuments,
  lookup,
  partiesOf,
  plansWithAgreements,
  referencesOf,
  type AnyEntry,
  type Repository,
} from "../model/repository.js";
import { ROLLUP_FOLDER } from "../model/pages.js";
import { slug as rollupName } from "../rollup/rollups.js";
import { idDuplicate } from "../model/rules.js";
import { didYouMean } from "../model/suggest.js";
import { documentKinds, type DocumentKind } from "../schema/index.js";
import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { code, ofKind, type Reporter, type Rule } from "./rule.js";

/** Reports a reference to a document that does not exist or is of another kind. */
function checkDocumentRef(repo: Repository, report: Reporter, source: SourceDocument, path: Path, id: string, kinds: readonly DocumentKind[]) {
  const target = repo.documents.get(id);
  if ((target && kinds.includes(target.kind)) || (!target && repo.invalidIds.has(id))) return;
  // A reference that may name any document (a memo's attachment) says "document", not every kind there is.
  const wanted = documentKinds.every((k) => kinds.includes(k)) ? "document" : kinds.join(" or ");
  if (id.split("/").includes("..") || id.startsWith("/") || /^[a-z]:[\\/]/i.test(id)) {
    report(source, path, {
      reason: `The reference ${code(id)} points outside the repository; documents refer to each other by id.`,
      fix: "Use the id of a document in this repository: its path from the root without `.md`.",
    });
    return;
  }
  if (target) {
    report(source, path, { reason: `${code(id)} is ${article(target.kind)}, but ${article(wanted)} is expected here.`, fix: `Refer to ${article(wanted)}.` });
    return;
  }
  // From every document, not only those being checked (see `Rule.repository`).
  const candidates = kinds.flatMap((k) => [...repo.documents.values()].filter((e) => e.kind === k).map((e) => e.id));
  report(source, path, {
    reason: `No ${wanted} has the id ${code(id)}.${didYouMean(id, candidates)}`,
    fix: `A document's id is its path from the repository root without \`.md\`, or the \`id\` it sets.${
      candidates.length && !didYouMean(id, candidates) ? ` Existing: ${candidates.slice(0, 5).map(code).join(", ")}${candidates.length > 5 ? ", …" : ""}.` : ""
    }`,
  });
}

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

export const documentReferences: Rule = {
  id: "ref/document",
  severity: "error",
  example: "No agreement has the id `lerum/avtal-2017-2021`. Did you mean `lerum/avtal-2017-2020`?",
  summary:
    "Every reference to another document (plan → agreement, report → plan, memo → plan and attachments, goal → indicators) names an existing document of the right kind.",
  repository(repo, report) {
    // The references and the kinds they may name are those the schemas declare (`reference()`).
    for (const entry of listedDocuments(repo)) {
      for (const ref of referencesOf(entry)) checkDocumentRef(repo, report, entry.source, ref.path, ref.id, kindsOf(ref));
    }
  },
};

/** Every place a party id is used, with the path to it: where the schemas declare one (`partyRef`, `partyKey`). */
function* partyUses(repo: Repository): Generator<{ source: SourceDocument; path: Path; party: string; key: boolean }> {
  if (repo.config) for (const use of partiesIn(config, repo.config.data)) yield { source: repo.config.source, ...use };
  for (const entry of listedDocuments(repo)) for (const use of partiesOf(entry)) yield { source: entry.source, ...use };
}

export const partyReferences: Rule = {
  id: "ref/party",
  severity: "error",
  example: "No party has the id `hsn-vst`. Did you mean `hsn-vast`?",
  summary:
    "Every party id (a group's `members` too) is declared in `plan.config.yaml`; a plan's and a report's amounts, and an agreement's split figures (shares, rates, populations), are only for the financiers of their agreement.",
  repository(repo, report) {
    if (!repo.config) return;
    const declared = [...repo.parties.keys()];
    for (const use of partyUses(repo)) {
      if (repo.parties.has(use.party)) continue;
      report(use.source, use.path, {
        key: use.key,
        reason: `No party has the id ${code(use.party)}.${didYouMean(use.party, declared)}`,
        fix: `Declare it under \`parties:\` in plan.config.yaml, or use one of ${declared.map(code).join(", ")}.`,
      });
    }
    for (const a of repo.agreements) {
      const financiers = a.data.contributions.map((c) => c.party);
      for (const use of partiesOf(a).filter((u) => u.path[0] === "split")) {
        if (!repo.parties.has(use.party) || financiers.includes(use.party)) continue;
        report(a.source, use.path, {
          key: use.key,
          reason: `${code(use.party)} is not a financier of this agreement (financiers: ${financiers.map(code).join(", ")}), so its figure in the split is never used.`,
          fix: "Name a financier, or add the party's contribution to the agreement.",
        });
      }
    }
    for (const [plan, agreement] of plansWithAgreements(repo)) {
      const financiers = agreement.data.contributions.map((c) => c.party);
      plan.data.budget.forEach((line, i) => {
        for (const p of Object.keys(line.parties)) {
          if (repo.parties.has(p) && !financiers.includes(p)) {
            report(plan.source, ["budget", i, "parties", p], {
              key: true,
              reason: `${code(p)} is not a financier of the agreement ${code(agreement.id)} (financiers: ${financiers.map(code).join(", ")}).`,
              fix: "Give the amount to a financier, or add the party's contribution to the agreement.",
            });
          }
        }
      });
    }
  },
  document: ofKind("agreement", (a, report) => {
    a.data.contributions.forEach((c, i) => {
      if (!a.data.parties.includes(c.party)) {
        report(a.source, ["contributions", i, "party"], {
          reason: `${code(c.party)} contributes but is not listed under \`parties\`.`,
          fix: "Add it to `parties`.",
        });
      }
    });
  }),
};

/** Ids within one document (goals, interventions, budget lines) that others in it refer to. */
export const localReferences: Rule = {
  id: "ref/local",
  severity: "error",
  example: "The plan has no intervention `andt`. Did you mean `andt-arbete`?",
  summary: "Budget lines name an existing intervention or goal of their plan, interventions existing goals; a report's lines and goals exist in its plan.",
  document: ofKind("plan", (plan, report) => {
    const goals = plan.data.goals.map((g) => g.id);
    const interventions = plan.data.interventions.map((i) => i.id);
    const refer = (path: Path, id: string, ids: string[], what: string) => {
      if (!ids.includes(id))
        report(plan.source, path, { reason: `The plan has no ${what} ${code(id)}.${didYouMean(id, ids)}`, fix: `Use the \`id\` of one of its ${what}s.` });
    };
    plan.data.interventions.forEach((n, i) => n.goals.forEach((g, j) => refer(["interventions", i, "goals", j], g, goals, "goal")));
    plan.data.budget.forEach((line, i) => {
      if (line.intervention) refer(["budget", i, "intervention"], line.intervention, interventions, "intervention");
      if (line.goal) refer(["budget", i, "goal"], line.goal, goals, "goal");
    });
  }),
  repository(repo, report) {
    for (const r of repo.reports) {
      const plan = lookup(repo, r.data.plan, "plan");
      if (!plan) continue;
      const lines = plan.data.budget.map((l) => l.id);
      const goals = plan.data.goals.map((g) => g.id);
      r.data.outcome.forEach((o, i) => {
        if (!lines.includes(o.line))
          report(r.source, ["outcome", i, "line"], {
            reason: `The plan ${code(plan.id)} has no budget line ${code(o.line)}.${didYouMean(o.line, lines)}`,
            fix: "Use the `id` of one of the plan's budget lines.",
          });
      });
      r.data.goals.forEach((g, i) => {
        if (!goals.includes(g.goal))
          report(r.source, ["goals", i, "goal"], {
            reason: `The plan ${code(plan.id)} has no goal ${code(g.goal)}.${didYouMean(g.goal, goals)}`,
            fix: "Use the `id` of one of the plan's goals.",
          });
      });
    }
  },
};

/** Ids inside one list must be unique, or references to them are ambiguous. */
export const duplicateIds: Rule = {
  ...idDuplicate,
  // Documents with the same id are found as the repository is assembled; this checks the lists inside a plan.
  document: ofKind("plan", (plan, report) => {
    const lists: [string, { id: string }[]][] = [
      ["goals", plan.data.goals],
      ["interventions", plan.data.interventions],
      ["budget", plan.data.budget],
    ];
    for (const [field, items] of lists) {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        const first = seen.get(item.id);
        if (first === undefined) return void seen.set(item.id, i);
        report(plan.source, [field, i, "id"], {
          reason: `${code(item.id)} is already the id of ${field}[${first}]; ids in \`${field}\` must be unique.`,
          fix: "Give this one a different id.",
          related: [{ source: plan.source, at: [field, first, "id"], reason: `${code(item.id)} is first the id of ${field}[${first}] here.` }],
        });
      });
    }
  }),
};

/** Where a message about a document's id points: its `id` field where it sets one, else its `kind`. */
const idPath = (entry: AnyEntry): Path => ((entry.data as { id?: string }).id ? ["id"] : ["kind"]);

export const outputNames: Rule = {
  id: "id/output-name",
  severity: "error",
  example:
    "The roll-ups of `sjobacka/plan_2019` would be written to the same files as those of `sjobacka/plan-2019`: `sammanstallningar/sjobacka-plan-2019-…`, one plan's figures replacing the other's.",
  summary:
    "Ids that differ only in punctuation or case (`plan_2019`, `plan-2019`) would give their roll-ups the same file names, one overwriting the other; both places are named.",
  repository(repo, report) {
    // Every document, not only those being checked (see `Rule.repository`); the names depend only on the ids.
    const checked = new Set<AnyEntry>([...repo.plans, ...repo.agreements]);
    const byName = groupBy(
      [...repo.documents.values()].filter((e) => e.kind === "plan" || e.kind === "agreement"),
      (e) => `${e.kind} ${rollupName(e.id)}`,
    );
    for (const entries of byName.values()) {
      if (entries.length < 2) continue;
      for (const entry of entries) {
        if (!checked.has(entry)) continue;
        const others = entries.filter((e) => e !== entry);
        report(entry.source, idPath(entry), {
          reason: `The roll-ups of ${code(entry.id)} would be written to the same files as those of ${others.map((o) => code(o.id)).join(", ")}: \`${ROLLUP_FOLDER}/${rollupName(entry.id)}-…\`, one ${entry.kind}'s figures replacing the other's.`,
          fix: "Rename one of the files, or give one an `id` that differs in letters or digits, not only in punctuation or case.",
          related: others.map((o) => ({
            source: o.source,
            at: idPath(o),
            reason: `The ${o.kind} ${code(o.id)}, whose roll-ups would be written to the same files.`,
          })),
        });
      }
    }
    if (!repo.config) return;
    const config = repo.config;
    const parties = groupBy(
      config.data.parties.map((party, index) => ({ party, index })),
      ({ party }) => rollupName(party.id),
    );
    for (const list of parties.values()) {
      if (new Set(list.map((p) => p.party.id)).size < 2) continue; // the same id twice is `id/duplicate`'s
      for (const { party, index } of list) {
        const others = list.filter((p) => p.party.id !== party.id);
        report(config.source, ["parties", index, "id"], {
          reason: `The roll-up of the party ${code(party.id)} would be written to the same file as that of ${others.map((o) => code(o.party.id)).join(", ")}: \`${ROLLUP_FOLDER}/${rollupName(party.id)}-across-agreements.csv\`.`,
          fix: "Give one of the parties an id that differs in letters or digits, not only in `-` or `_`.",
          related: others.map((o) => ({
            source: config.source,
            at: ["parties", o.index, "id"],
            reason: `The party ${code(o.party.id)}, whose roll-up would be written to the same file.`,
          })),
        });
      }
    }
  },
};
