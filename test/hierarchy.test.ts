import { describe, expect, it } from "vitest";
import { checkRepository } from "../src/check/check.js";
import { renderSite } from "../src/render/site.js";
import { checkJson, ofRule, only, show } from "./helpers/findings.js";
import { tableByCaption, text } from "./helpers/html.js";
import { copyExamples, edit, lineOf } from "./helpers/repo.js";

/** The plan hierarchy of examples/gr (seed 004): a strategy, a multi-year plan, two action plans and the follow-up of 2020. */
const PART = { only: ["gr"] };
const FOLLOW_UP = "gr/uppfoljning-2020.md";
const BRANSCHRAD = "gr/handlingsplan-branschrad-aldreomsorg.md";
const VARDENS = "gr/handlingsplan-vardens-medarbetare.md";
const PLAN = "gr/handlingsplan-natverket-2019-2020.md";

/** The follow-up's page, rendered in memory from a checked copy. */
function followUpPage(root: string): string {
  const checked = checkRepository(root, { cwd: root });
  const page = renderSite(checked.repo).find((f) => f.path === "gr/uppfoljning-2020.html");
  if (!page) throw new Error("no page of the follow-up");
  return String(page.content);
}

describe("a plan hierarchy", () => {
  it("checks without errors, and no money rule asks money of plans that hold none", async () => {
    const root = copyExamples(PART);
    const { errors, findings } = await checkJson(root);
    expect(findings.map(show)).toEqual([]);
    expect(errors).toBe(0);
  });

  it("a decided follow-up that leaves out an activity is an error at the action plan's activities, naming it, with the fix", async () => {
    const root = copyExamples(PART);
    edit(root, FOLLOW_UP, "status: draft", "status: decided");
    edit(root, FOLLOW_UP, "      - { activity: kick-off, status: met, comment: Kick-offen hölls den 1 april. }\n", "");
    const found = await checkJson(root);
    const f = only(found.findings, "hierarchy/left-out");
    expect([f.file, f.line, f.column, f.severity]).toEqual([FOLLOW_UP, lineOf(root, FOLLOW_UP, "    activities:", 2), 5, "error"]);
    expect(f.message).toBe(
      'The decided follow-up of 2020 leaves out the activity `kick-off` ("Kick-off för projektet den 1 april") of the action plan `gr/handlingsplan-vardens-medarbetare`, which runs in 2020.',
    );
    expect(f.fix).toBe(
      "Add `- { activity: kick-off, status: …, comment: … }` under the action plan's `activities`, with the status one of `met`, `partly-met`, `not-met`, `not-assessed`.",
    );
    expect(found.code).toBe(1);

    // A draft may still have gaps: the same is a warning.
    edit(root, FOLLOW_UP, "status: decided", "status: draft");
    const draft = only((await checkJson(root)).findings, "hierarchy/left-out");
    expect([draft.line, draft.severity]).toEqual([f.line, "warning"]);
    expect(draft.message).toMatch(/^The follow-up of 2020 leaves out the activity `kick-off`/);
  });

  it("a decided follow-up that leaves out a whole action plan names it, at `actionPlans`", async () => {
    const root = copyExamples(PART);
    edit(root, FOLLOW_UP, "status: draft", "status: decided");
    edit(root, FOLLOW_UP, / {2}- actionPlan: gr\/handlingsplan-vardens-medarbetare[\s\S]*?(?=---)/, "");
    const f = only(await checkJson(root).then((r) => r.findings), "hierarchy/left-out");
    expect([f.line, f.column]).toEqual([lineOf(root, FOLLOW_UP, "actionPlans:"), 1]);
    expect(f.message).toContain(
      'leaves out the action plan `gr/handlingsplan-vardens-medarbetare` ("Vårdens medarbetare och nära vård"), which runs in 2020, with its 4 activities of the year.',
    );
  });

  it("an unknown activity or goal in the follow-up is an error at its id, with the closest id", async () => {
    const root = copyExamples(PART);
    edit(root, FOLLOW_UP, "activity: fou-arbeten,", "activity: fou-arbete,");
    edit(root, FOLLOW_UP, "goal: nara-vard,", "goal: nara-vrd,");
    const found = ofRule((await checkJson(root)).findings, "hierarchy/follow-up");
    expect(found.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [
        lineOf(root, FOLLOW_UP, "goal: nara-vrd"),
        13,
        "error",
        "The plan `gr/handlingsplan-natverket-2019-2020` has no goal `nara-vrd`. Did you mean `nara-vard`?",
      ],
      [
        lineOf(root, FOLLOW_UP, "activity: fou-arbete,"),
        21,
        "error",
        "The action plan `gr/handlingsplan-vardens-medarbetare` has no activity `fou-arbete`. Did you mean `fou-arbeten`?",
      ],
    ]);
    // The activity it was meant to be is then left out: the draft's warning says which.
    expect(ofRule((await checkJson(root)).findings, "hierarchy/left-out").map((f) => f.message)).toEqual([
      expect.stringContaining("leaves out the goal `nara-vard`"),
      expect.stringContaining("leaves out the activity `fou-arbeten`"),
    ]);
  });

  it("a reference to a parent that does not exist is an error at its place, with the closest id", async () => {
    const root = copyExamples(PART);
    edit(root, VARDENS, "plan: gr/handlingsplan-natverket-2019-2020", "plan: gr/handlingsplan-natverket-2019-2021");
    edit(root, PLAN, "strategy: gr/programforklaring-socialchefsnatverket", "strategy: gr/programforklaring");
    const found = ofRule((await checkJson(root)).findings, "ref/document");
    expect(found.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      [
        PLAN,
        lineOf(root, PLAN, "strategy: gr/"),
        11,
        "No strategy has the id `gr/programforklaring`. Did you mean `gr/programforklaring-socialchefsnatverket`?",
      ],
      [
        VARDENS,
        lineOf(root, VARDENS, "plan: gr/"),
        7,
        "No multi-year-plan has the id `gr/handlingsplan-natverket-2019-2021`. Did you mean `gr/handlingsplan-natverket-2019-2020`?",
      ],
    ]);
  });

  it("a goal that serves a goal the level above does not have, and an activity's unknown goal, are errors with the closest id", async () => {
    const root = copyExamples(PART);
    edit(root, BRANSCHRAD, "serves: [valfardsutmaningar]", "serves: [valfardsutmaning]");
    edit(root, BRANSCHRAD, "    goals: [regional-strategi]\n    responsible: Temagrupp", "    goals: [regional-strategin]\n    responsible: Temagrupp");
    const found = ofRule((await checkJson(root)).findings, "hierarchy/goal");
    expect(found.map((f) => [f.line, f.message])).toEqual([
      [
        lineOf(root, BRANSCHRAD, "serves: [valfardsutmaning]"),
        "The multi-year plan `gr/handlingsplan-natverket-2019-2020` has no goal `valfardsutmaning`. Did you mean `valfardsutmaningar`?",
      ],
      [lineOf(root, BRANSCHRAD, "goals: [regional-strategin]"), "This action plan has no goal `regional-strategin`. Did you mean `regional-strategi`?"],
    ]);
  });

  it("an action plan outside its plan's years is an error at its period", async () => {
    const root = copyExamples(PART);
    edit(root, VARDENS, "period: { from: 2020, to: 2020 }", "period: { from: 2020, to: 2021 }");
    const f = only((await checkJson(root)).findings, "hierarchy/period");
    expect([f.file, f.line, f.column, f.message]).toEqual([
      VARDENS,
      lineOf(root, VARDENS, "period: {"),
      9,
      "The action plan runs 2020–2021, outside its multi-year plan's period 2019–2020.",
    ]);
  });
});

describe("the follow-up's page", () => {
  it("shows each action plan's status rolled up from its activities, and the plan's from its action plans, in text and symbol", () => {
    const root = copyExamples(PART);
    const table = tableByCaption(followUpPage(root), "Status per handlingsplan och aktivitet 2020");
    const rows = table.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows[0]).toEqual(["Del", "Status", "Underlag", "Kommentar"]);
    expect(rows[1]).toEqual([
      "Handlingsplan för äldreomsorgschef- och hälso- och sjukvårdschefsnätverket",
      "◐ Delvis uppfyllt",
      "2 handlingsplaner: 2 delvis uppfyllda",
      "",
    ]);
    expect(rows[2]).toEqual(["Branschråd för äldreomsorg", "◐ Delvis uppfyllt", "4 aktiviteter: 2 uppfyllda, 1 delvis uppfylld, 1 ej uppfylld", ""]);
    expect(rows[3]).toEqual(["Utreda förutsättningarna för ett branschråd för äldreomsorg", "✓ Uppfyllt", "", "Utredningen redovisades för socialcheferna."]);
    expect(rows[6]).toEqual(["Dialog med den nationella samordnaren för kompetensförsörjning, Göran Johnsson", "✗ Ej uppfyllt", "", "Dialogen ställdes in."]);
    expect(rows[7]).toEqual(["Vårdens medarbetare och nära vård", "◐ Delvis uppfyllt", "4 aktiviteter: 2 uppfyllda, 1 delvis uppfylld, 1 ej bedömd", ""]);
    // The symbol is for the eye only: a screen reader reads the words.
    expect(table.rows[1]!.cells[1]!.html).toBe('<span class="symbol" aria-hidden="true">◐</span> Delvis uppfyllt');
  });

  it("rolls up again when the statuses change: all activities met is met, an unassessed one does not count, none met is not met", () => {
    const root = copyExamples(PART);
    edit(root, FOLLOW_UP, "activity: larande-aldreassistent, status: partly-met", "activity: larande-aldreassistent, status: met");
    edit(root, FOLLOW_UP, "activity: dialog-goran-johnsson, status: not-met", "activity: dialog-goran-johnsson, status: not-assessed");
    for (const id of ["nara-vard-for-medarbetare", "digital-plattform", "kick-off"])
      edit(root, FOLLOW_UP, new RegExp(`activity: ${id}, status: [a-z-]+`), `activity: ${id}, status: not-met`);
    const rows = tableByCaption(followUpPage(root), "Status per handlingsplan och aktivitet").rows.map((r) => r.cells.map((c) => c.text));
    expect(rows[2]!.slice(0, 3)).toEqual(["Branschråd för äldreomsorg", "✓ Uppfyllt", "4 aktiviteter: 3 uppfyllda, 1 ej bedömd"]);
    expect(rows[7]!.slice(0, 3)).toEqual(["Vårdens medarbetare och nära vård", "✗ Ej uppfyllt", "4 aktiviteter: 3 ej uppfyllda, 1 ej bedömd"]);
    expect(rows[1]!.slice(1, 3)).toEqual(["◐ Delvis uppfyllt", "2 handlingsplaner: 1 uppfylld, 1 ej uppfylld"]);
  });

  it("shows an activity a draft leaves out as not assessed, saying it has no follow-up", () => {
    const root = copyExamples(PART);
    edit(root, FOLLOW_UP, "      - { activity: digital-plattform, status: met }\n", "");
    const table = tableByCaption(followUpPage(root), "Status per handlingsplan och aktivitet");
    const left = table.rows[9]!.cells;
    expect(left[0]!.text).toBe("En digital kompetensutvecklingsplattform");
    expect(left[1]!.html).toBe('<span class="symbol" aria-hidden="true">–</span> Ej bedömt<span class="detail">Ingen uppföljning</span>');
    expect(table.rows[7]!.cells.slice(1, 3).map((c) => c.text)).toEqual(["◐ Delvis uppfyllt", "4 aktiviteter: 1 uppfylld, 1 delvis uppfylld, 2 ej bedömda"]);
  });

  it("shows the goals of the plan and of each action plan with their statuses", () => {
    const root = copyExamples(PART);
    const rows = tableByCaption(followUpPage(root), "Måluppfyllelse per mål 2020").rows.map((r) => r.cells.map((c) => c.text));
    expect(rows).toContainEqual([
      "Viktigt att vi delar och lär oss av varandra i nätverket.",
      "✓ Uppfyllt",
      "Varje nätverksträff har haft dagens kommun med en presentation.",
    ]);
    expect(rows).toContainEqual(["Branschråd för äldreomsorg"]);
    expect(rows).toContainEqual([
      "En regional strategi för kompetensförsörjning för både äldreomsorg och kommunal hälso- och sjukvård.",
      "◐ Delvis uppfyllt",
      "Utredningen är klar; strategin skrivs 2021.",
    ]);
  });
});

describe("the index", () => {
  it("lists each strategy with its plans, and under each plan its action plans and follow-ups", () => {
    const root = copyExamples(PART);
    const index = String(renderSite(checkRepository(root, { cwd: root }).repo).find((f) => f.path === "index.html")!.content);
    const section = index.slice(index.indexOf('<h2 id="strategier"'), index.indexOf("</section>", index.indexOf('id="strategier"')));
    expect(text(section)).toBe(
      "Strategier, fleråriga planer och handlingsplaner Programförklaring för Socialchefsnätverket i Göteborgsregionen (beslutad) " +
        "Handlingsplan för äldreomsorgschef- och hälso- och sjukvårdschefsnätverket (beslutad) Branschråd för äldreomsorg (beslutad) " +
        "Vårdens medarbetare och nära vård (beslutad) Uppföljning av nätverkets handlingsplan 2020 (utkast)",
    );
    // None of them again among the other documents (where gr's allocation stands, which is no level of the hierarchy).
    const others = index.slice(index.indexOf('id="ovriga"'));
    for (const file of ["programforklaring", "handlingsplan-", "uppfoljning-2020"]) expect(others).not.toContain(file);
  });
});
