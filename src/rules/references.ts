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
import { suggestion } from "../model/suggest.js";
import { documentKinds, type DocumentKind } from "../schema/index.js";
import type { SourceDocument } from "../source/load.js";
import type { Path } from "../source/locate.js";
import { aKind, code, kindName, ofKind, partyLabel, type Reporter, type Rule } from "./rule.js";
import { listOf, t } from "../format/message.js";

/** Reports a reference to a document that does not exist or is of another kind. */
function checkDocumentRef(repo: Repository, report: Reporter, source: SourceDocument, path: Path, id: string, kinds: readonly DocumentKind[]) {
  const target = repo.documents.get(id);
  if ((target && kinds.includes(target.kind)) || (!target && repo.invalidIds.has(id))) return;
  // A reference that may name any document (a memo's attachment) says "document", not every kind there is.
  const anyKind = documentKinds.every((k) => kinds.includes(k));
  if (id.split("/").includes("..") || id.startsWith("/") || /^[a-z]:[\\/]/i.test(id)) {
    report(source, path, {
      reason: t`The reference ${code(id)} points outside the repository; documents refer to each other by id.`,
      fix: t`Use the id of a document in this repository: its path from the root without \`.md\`.`,
    });
    return;
  }
  if (target) {
    const wanted = anyKind ? t`a document` : listOf(kinds.map(aKind), "or");
    report(source, path, { reason: t`${code(id)} is ${aKind(target.kind)}, but ${wanted} is expected here.`, fix: t`Refer to ${wanted}.` });
    return;
  }
  // From every document, not only those being checked (see `Rule.repository`).
  const candidates = kinds.flatMap((k) => [...repo.documents.values()].filter((e) => e.kind === k).map((e) => e.id));
  const suggested = suggestion(id, candidates);
  const existing = candidates.slice(0, 5).map(code).join(", ") + (candidates.length > 5 ? ", …" : "");
  report(source, path, {
    reason: anyKind ? t`No document has the id ${code(id)}.${suggested}` : t`No ${listOf(kinds.map(kindName), "or")} has the id ${code(id)}.${suggested}`,
    fix:
      candidates.length && !suggested
        ? t`A document's id is its path from the repository root without \`.md\`, or the \`id\` it sets. Existing: ${existing}.`
        : t`A document's id is its path from the repository root without \`.md\`, or the \`id\` it sets.`,
  });
}

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
  for (const entry of listedDocuments(repo)) for (const use of partiesOf(repo, entry)) yield { source: entry.source, ...use };
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
        reason: t`No party has the id ${code(use.party)}.${suggestion(use.party, declared)}`,
        fix: t`Declare it under \`parties:\` in plan.config.yaml, or use ${listOf(declared.map(code), "or")}.`,
      });
    }
    for (const a of repo.agreements) {
      const financiers = a.data.contributions.map((c) => c.party);
      for (const use of partiesOf(repo, a).filter((u) => u.path[0] === "split")) {
        if (!repo.parties.has(use.party) || financiers.includes(use.party)) continue;
        report(a.source, use.path, {
          key: use.key,
          reason: t`${partyLabel(repo, use.party)} is not a financier of this agreement (financiers: ${listOf(financiers.map(code))}), so its figure in the split is never used.`,
          fix: t`Name a financier, or add the contribution of ${code(use.party)} to the agreement.`,
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
              reason: t`${partyLabel(repo, p)} is not a financier of the agreement ${code(agreement.id)} (financiers: ${listOf(financiers.map(code))}).`,
              fix: t`Give the amount to a financier, or add the contribution of ${code(p)} to the agreement.`,
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
          reason: t`${code(c.party)} contributes but is not listed under \`parties\`.`,
          fix: t`Add ${code(c.party)} to \`parties\`.`,
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
    const refer = (path: Path, id: string, ids: string[], what: "goal" | "intervention") => {
      if (ids.includes(id)) return;
      const suggested = suggestion(id, ids);
      report(
        plan.source,
        path,
        what === "goal"
          ? { reason: t`The plan has no goal ${code(id)}.${suggested}`, fix: t`Use the \`id\` of one of its goals.` }
          : { reason: t`The plan has no intervention ${code(id)}.${suggested}`, fix: t`Use the \`id\` of one of its interventions.` },
      );
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
            reason: t`The plan ${code(plan.id)} has no budget line ${code(o.line)}.${suggestion(o.line, lines)}`,
            fix: t`Use the \`id\` of one of the plan's budget lines.`,
          });
      });
      r.data.goals.forEach((g, i) => {
        if (!goals.includes(g.goal))
          report(r.source, ["goals", i, "goal"], {
            reason: t`The plan ${code(plan.id)} has no goal ${code(g.goal)}.${suggestion(g.goal, goals)}`,
            fix: t`Use the \`id\` of one of the plan's goals.`,
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
          reason: t`${code(item.id)} is already the id of ${field}[${first}]; ids in \`${field}\` must be unique.`,
          fix: t`Give this one a different id.`,
          related: [{ source: plan.source, at: [field, first, "id"], reason: t`${code(item.id)} is first the id of ${field}[${first}] here.` }],
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
          reason: t`The roll-ups of ${code(entry.id)} would be written to the same files as those of ${listOf(others.map((o) => code(o.id)))}: \`${ROLLUP_FOLDER}/${rollupName(entry.id)}-…\`, one ${kindName(entry.kind)}'s figures replacing the other's.`,
          fix: t`Rename one of the files, or give one an \`id\` that differs in letters or digits, not only in punctuation or case.`,
          related: others.map((o) => ({
            source: o.source,
            at: idPath(o),
            reason: t`The ${kindName(o.kind)} ${code(o.id)}, whose roll-ups would be written to the same files.`,
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
          reason: t`The roll-up of ${partyLabel(repo, party.id)} would be written to the same file as that of ${listOf(others.map((o) => partyLabel(repo, o.party.id)))}: \`${ROLLUP_FOLDER}/${rollupName(party.id)}-across-agreements.csv\`.`,
          fix: t`Give one of the parties an id that differs in letters or digits, not only in \`-\` or \`_\`.`,
          related: others.map((o) => ({
            source: config.source,
            at: ["parties", o.index, "id"],
            reason: t`The party ${partyLabel(repo, o.party.id)}, whose roll-up would be written to the same file.`,
          })),
        });
      }
    }
  },
};
