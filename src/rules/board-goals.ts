import { councilGoalOf, figuresOf, goalTextKey, partOf } from "../model/board-goals.js";
import type { Path } from "../source/locate.js";
import type { SourceDocument } from "../source/load.js";
import { suggestion } from "../model/suggest.js";
import { code, ofKind, type Rule } from "./rule.js";
import { listOf, t, type Part } from "../format/message.js";

/** Rules of a board's own report: its goals under kommunfullmäktige's, their indicators' figures, its parts. */

export const writtenFigures: Rule = {
  id: "indicator/written-figure",
  severity: "error",
  example: 'The 2016 value "95.5 %" of the indicator "Andel genomförandeplaner …" has a decimal point.',
  summary:
    "Each value and target of a board's goal indicator is a figure in the report's notation (`95 %`, `-2,4 %`, `+5 %`, a range `5-10`, for a target `ca 0 %`), read as an exact decimal.",
  document: ofKind("report", (r, report) => {
    r.data.goals.forEach((g, i) =>
      g.indicators.forEach((ind, j) => {
        for (const f of figuresOf(ind)) {
          if (f.parsed.ok) continue;
          report(r.source, ["goals", i, "indicators", j, ...f.path], {
            reason: f.target
              ? t`The ${f.year} target of the indicator "${ind.title}" (goal ${code(g.goal)}): ${f.parsed.reason}.`
              : t`The ${f.year} value of the indicator "${ind.title}" (goal ${code(g.goal)}): ${f.parsed.reason}.`,
            fix: f.parsed.fix,
          });
        }
      }),
    );
  }),
};

/** What a report declares, in a message's parenthesis: `it has 1, 2 and 3`, `it declares none`. */
const declaredOnes = (ids: readonly string[]): Part => (ids.length ? t`it has ${listOf(ids)}` : t`it declares none`);

export const councilGoals: Rule = {
  id: "goal/council-goal",
  severity: "error",
  example: "The goal `6:1` serves the kommunfullmäktige goal `6`, which the report's `councilGoals` does not declare (it has 1, 2, 3, 4 and 5).",
  summary:
    "A board's goal passed on to kommunfullmäktige serves one of kommunfullmäktige's goals the report declares (`councilGoals`): the one it names in `council`, or, where the report declares them, the number before the colon of its id (`6` of `6:1`).",
  document: ofKind("report", (r, report) => {
    if (r.data.organisation === undefined) return;
    const declared = r.data.councilGoals.map((c) => c.id);
    r.data.goals.forEach((g, i) => {
      const council = councilGoalOf(g);
      if (!council || declared.includes(council.id)) return;
      // A goal the board keeps to itself (7:1, a verksamhetsmål) may serve no goal of kommunfullmäktige; a report that
      // declares none of them numbers its goals for itself, unless a goal names the one it serves.
      if (!council.explicit && (!g.passedOn || declared.length === 0)) return;
      report(r.source, ["goals", i, council.explicit ? "council" : "goal"], {
        reason: t`The goal ${code(g.goal)} serves the kommunfullmäktige goal ${code(council.id)}, which the report's \`councilGoals\` does not declare (${declaredOnes(declared)}).`,
        fix: t`Declare kommunfullmäktige's goal ${council.id} under \`councilGoals\` (\`- { id: "${council.id}", title: … }\`), write \`council:\` with the goal it serves, or \`passedOn: false\` for a goal the board keeps to itself.`,
      });
    });
  }),
};

export const reportParts: Rule = {
  id: "report/part",
  severity: "error",
  example: "The goal `6:2` is in the part `del-3`, which the report's `parts` does not declare (it has del-1 and del-2).",
  summary:
    "A board's report declares its parts once each, every goal and money table it places in a part is declared, and a part to kommunfullmäktige comes first.",
  document: ofKind("report", (r, report) => {
    const parts = r.data.parts.map((p) => p.id);
    const tables = r.data.tables.map((table) => table.id);
    r.data.goals.forEach((g, i) => {
      if (g.part === undefined || parts.includes(g.part)) return;
      report(r.source, ["goals", i, "part"], {
        reason: t`The goal ${code(g.goal)} is in the part ${code(g.part)}, which the report's \`parts\` does not declare (${declaredOnes(parts)}).${suggestion(g.part, parts)}`,
        fix: t`Use the \`id\` of one of the report's \`parts\`, or declare the part.`,
      });
    });
    r.data.parts.forEach((p, i) => {
      if (parts.indexOf(p.id) !== i)
        report(r.source, ["parts", i, "id"], {
          reason: t`${code(p.id)} is already the id of parts[${parts.indexOf(p.id)}]; each part is declared once.`,
          fix: t`Give this part a different id.`,
          related: [{ source: r.source, at: ["parts", parts.indexOf(p.id), "id"], reason: t`${code(p.id)} is first declared here.` }],
        });
      p.tables.forEach((table, j) => {
        if (!tables.includes(table))
          report(r.source, ["parts", i, "tables", j], {
            reason: t`The part ${code(p.id)} prints the money table ${code(table)}, which the report's \`tables\` does not have.${suggestion(table, tables)}`,
            fix: t`Use the \`id\` of one of the report's money tables.`,
          });
      });
    });
    const board = r.data.parts.findIndex((p) => p.audience === "board");
    const council = r.data.parts.findIndex((p) => p.audience === "council");
    if (board !== -1 && council > board)
      report(r.source, ["parts", council, "audience"], {
        reason: t`The part to kommunfullmäktige, ${code(r.data.parts[council]!.id)}, comes after the board's own part ${code(r.data.parts[board]!.id)}.`,
        fix: t`List the part to kommunfullmäktige first (del 1), the board's part after it (del 2).`,
      });
  }),
};

interface GoalPlace {
  source: SourceDocument;
  path: Path;
  id: string;
  text: string;
  where: Part;
}

export const sameGoalText: Rule = {
  id: "goal/same-text",
  severity: "warning",
  example:
    'The goal "Antalet medarbetare med önskad sysselsättningsgrad ska öka." is `6:3` here but `6:2` in the part `del-2` of `herrljunga/verksamhetsberattelse-2016`.',
  summary:
    "The same goal text under two ids, in two parts of one report (the seed's 6:3 in del 1 is 6:2 in del 2) or in two documents that refer to one another: a warning at both places.",
  repository(repo, report) {
    // Every goal text, the first place of each id it is written under, within each group of connected documents
    // (so that watch mode, which checks a group again as a whole, finds the same).
    const places = new Map<string, GoalPlace[]>();
    const add = (p: GoalPlace & { doc: string }) => {
      const key = `${repo.groups.get(p.doc) ?? p.doc}\u0000${goalTextKey(p.text)}`;
      const list = places.get(key) ?? [];
      if (!list.some((q) => q.id === p.id)) list.push(p);
      places.set(key, list);
    };
    for (const plan of repo.plans)
      plan.data.goals.forEach((g, i) => add({ doc: plan.id, source: plan.source, path: ["goals", i, "title"], id: g.id, text: g.title, where: code(plan.id) }));
    for (const r of repo.reports)
      r.data.goals.forEach((g, i) => {
        if (g.title === undefined) return;
        const part = partOf(r.data, g);
        const where = part && r.data.parts.length > 1 ? t`the part ${code(part.id)} of ${code(r.id)}` : code(r.id);
        add({ doc: r.id, source: r.source, path: ["goals", i, "title"], id: g.goal, text: g.title, where });
      });
    for (const list of places.values()) {
      if (list.length < 2) continue;
      const [first, ...others] = list as [GoalPlace, ...GoalPlace[]];
      for (const other of others) {
        const fix = t`Give the goal one id wherever it is written, or reword one of them if they are different goals.`;
        report(other.source, other.path, {
          reason: t`The goal "${other.text}" is ${code(other.id)} here but ${code(first.id)} in ${first.where}.`,
          fix,
          related: [{ source: first.source, at: first.path, reason: t`The same goal is ${code(first.id)} here.` }],
        });
        report(first.source, first.path, {
          reason: t`The goal "${first.text}" is ${code(first.id)} here but ${code(other.id)} in ${other.where}.`,
          fix,
          related: [{ source: other.source, at: other.path, reason: t`The same goal is ${code(other.id)} here.` }],
        });
      }
    }
  },
};
