import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { loadRepository } from "../src/model/load-repository.js";
import { agreementOf } from "../src/render/views/common.js";
import { agreement } from "../src/schema/agreement.js";
import { documentKinds, documentSchemas } from "../src/schema/index.js";
import { jsonSchemas } from "../src/schema/json-schema.js";
import { reference, referenceFields } from "../src/schema/reference.js";
import { copyExamples, edit, lineOf } from "./helpers/repo.js";
import { findings as allFindings, ofRule } from "./helpers/findings.js";

/** What these tests use of the examples: Lerum's, Sjöbacka's and Sjuhärad's documents, with the configuration and data/. */
const PART = { only: ["lerum", "sjobacka", "sjuharad"] };

const LERUM_PLAN = "lerum/plan-2019.md";
const LERUM_MEMO = "lerum/tjansteskrivelse-ks18-1375.md";
const SJOBACKA_AGREEMENT = "sjobacka/avtal-2019-2022.md";

/** The findings of one rule (`plan check --format json`, in process). */
const findings = async (root: string, rule: string) => ofRule(await allFindings(root), rule);

const load = (root: string) => loadRepository(root, { cwd: root });

describe("references are declared once, in the schemas", () => {
  it("every reference field of every kind, with the kinds it may name", () => {
    const declared = Object.fromEntries(
      documentKinds.map((kind) => [
        kind,
        referenceFields(documentSchemas[kind]).map((f) => `${f.field} → ${[f.kinds].flat().join(", ")}${f.belongsTo ? " (belongs to)" : ""}`),
      ]),
    );
    expect(declared).toEqual({
      agreement: [],
      plan: ["agreement → agreement (belongs to)", "form → form", "goals[].indicators[] → indicator", "interventions[].indicators[] → indicator"],
      report: ["plan → plan (belongs to)"],
      memo: ["about → plan, report, agreement (belongs to)", "form → form", "attachments[].document → any"],
      indicator: [],
      budget: [],
      strategy: [],
      "multi-year-plan": ["strategy → strategy (belongs to)"],
      "action-plan": ["plan → multi-year-plan (belongs to)"],
      "follow-up": ["plan → multi-year-plan (belongs to)", "actionPlans[].actionPlan → action-plan"],
      form: [],
      // A fund's applications are inside it: it names no other document.
      fund: [],
      allocation: [],
      meeting: ["items[].documents[].document → memo, plan, report, budget, agreement, indicator, internal-control"],
      "internal-control": [],
    });
  });

  it("the JSON Schema says which kinds a reference may name", () => {
    const schema = jsonSchemas()["document.schema.json"]!;
    const plan = (JSON.parse(schema).oneOf as { properties: Record<string, { reference?: unknown }> }[]).find((s) => "agreement" in s.properties)!;
    expect(plan.properties["agreement"]!.reference).toEqual({ kinds: ["agreement"], belongsTo: true });
  });
});

describe("ref/document reads the declared references", () => {
  it("a plan's agreement that does not exist, at its place, with the closest id", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM_PLAN, "agreement: lerum/avtal-2017-2020", "agreement: lerum/avtal-2017-2021");
    expect(await findings(root, "ref/document")).toEqual([
      expect.objectContaining({
        file: LERUM_PLAN,
        line: lineOf(root, LERUM_PLAN, "agreement: lerum/"),
        column: 12,
        severity: "error",
        message: expect.stringMatching(/^No agreement has the id `lerum\/avtal-2017-2021`\. Did you mean `lerum\/avtal-2017-2020`\?/),
      }),
    ]);
  });

  it("a goal's indicator that is a plan: the kind is named, at the list item", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM_PLAN, "      - lerum/indikatorer/narkotika-30-dagar", "      - sjobacka/plan-2019");
    expect(await findings(root, "ref/document")).toEqual([
      expect.objectContaining({
        file: LERUM_PLAN,
        line: lineOf(root, LERUM_PLAN, "      - sjobacka/plan-2019"),
        column: 9,
        message: expect.stringContaining("`sjobacka/plan-2019` is a plan, but an indicator is expected here."),
      }),
    ]);
  });

  it("a memo's attachment may be of any kind, but must exist; its subject must be a plan, report or agreement", async () => {
    const root = copyExamples(PART);
    edit(root, LERUM_MEMO, "    document: lerum/plan-2019", "    document: lerum/indikatorer/narkotika-30-dagar");
    expect(await findings(root, "ref/document")).toEqual([]);
    edit(root, LERUM_MEMO, "    document: lerum/indikatorer/narkotika-30-dagar", "    document: lerum/plan-2018");
    edit(root, LERUM_MEMO, "about: lerum/plan-2019", "about: lerum/indikatorer/narkotika-30-dagar");
    const found = await findings(root, "ref/document");
    expect(found.map((p) => [p.file, p.line, p.column])).toEqual([
      [LERUM_MEMO, lineOf(root, LERUM_MEMO, "about:"), 8],
      [LERUM_MEMO, lineOf(root, LERUM_MEMO, "    document:"), 15],
    ]);
    expect(found[0]!.message).toContain("is an indicator, but a plan, a report or an agreement is expected here.");
    expect(found[1]!.message).toMatch(/^No document has the id `lerum\/plan-2018`\. Did you mean `lerum\/plan-2019`\?/);
  });
});

describe("referrers and watch mode's groups read the declared references", () => {
  it("a memo that only attaches a plan refers to it and joins its group, but is not about it", () => {
    const root = copyExamples(PART);
    edit(root, LERUM_MEMO, "about: lerum/plan-2019\n", "");
    edit(root, LERUM_MEMO, "    document: lerum/plan-2019", "    document: lerum/avtal-2017-2020");
    const repo = load(root);
    const memo = "lerum/tjansteskrivelse-ks18-1375";
    expect(repo.referrers.memosAbout.get("lerum/plan-2019")).toBeUndefined();
    expect(repo.referrers.all.get("lerum/avtal-2017-2020")!.map((r) => [r.from.id, r.reference.field])).toEqual([
      ["lerum/plan-2019", "agreement"],
      [memo, "attachments[].document"],
    ]);
    expect(repo.groups.get(memo)).toBe(repo.groups.get("lerum/avtal-2017-2020"));
  });

  it("the lists the views ask for", () => {
    const repo = load(copyExamples(PART));
    const ids = (entries: { id: string }[] | undefined) => (entries ?? []).map((e) => e.id);
    expect(ids(repo.referrers.plansOfAgreement.get("sjobacka/avtal-2019-2022"))).toEqual(["sjobacka/plan-2019", "sjobacka/plan-2020"]);
    expect(ids(repo.referrers.reportsOfPlan.get("sjobacka/plan-2019"))).toEqual(["sjobacka/rapport-2019"]);
    expect(ids(repo.referrers.memosAbout.get("lerum/plan-2019"))).toEqual(["lerum/tjansteskrivelse-ks18-1375"]);
    // A plan that names an indicator twice (a goal and an intervention) is listed once.
    expect(ids(repo.referrers.plansUsingIndicator.get("sjobacka/indikatorer/behoriga-yrkesprogram"))).toEqual(["sjobacka/plan-2019", "sjobacka/plan-2020"]);
  });

  it("a document's agreement is found through what it belongs to, over any number of steps", () => {
    const root = copyExamples(PART);
    edit(root, "sjobacka/tjansteskrivelse-2020.md", "about: sjobacka/plan-2020", "about: sjobacka/rapport-2019");
    const repo = load(root);
    const agreementOfId = (id: string) => agreementOf(repo, repo.documents.get(id)!)?.id;
    expect(agreementOfId("sjobacka/tjansteskrivelse-2020")).toBe("sjobacka/avtal-2019-2022");
    expect(agreementOfId("sjobacka/rapport-2019")).toBe("sjobacka/avtal-2019-2022");
    expect(agreementOfId("lerum/plan-2019")).toBe("lerum/avtal-2017-2020");
    // An indicator belongs to no agreement, though plans of one use it.
    expect(agreementOfId("lerum/indikatorer/narkotika-30-dagar")).toBeUndefined();
  });
});

describe("a reference field added to a schema needs no other change", () => {
  const kinds = documentSchemas as unknown as Record<string, z.ZodType>;
  afterEach(() => {
    kinds["agreement"] = agreement;
  });

  /** An agreement that replaces an earlier one: a reference the code has never heard of. */
  const withReplaces = () => {
    kinds["agreement"] = agreement.extend({ replaces: reference("agreement").optional().describe("The agreement this one replaces.") });
  };
  const replaces = (root: string, id: string) => edit(root, SJOBACKA_AGREEMENT, "period: { from: 2019", `replaces: ${id}\nperiod: { from: 2019`);

  it("is listed among the reference fields", () => {
    withReplaces();
    expect(referenceFields(documentSchemas.agreement).map((f) => f.field)).toEqual(["replaces"]);
  });

  it("is checked: a dangling id is reported at the new field's place", async () => {
    withReplaces();
    const root = copyExamples(PART);
    replaces(root, "lerum/avtal-2017-2021");
    expect(await findings(root, "ref/document")).toEqual([
      expect.objectContaining({
        file: SJOBACKA_AGREEMENT,
        line: lineOf(root, SJOBACKA_AGREEMENT, "replaces:"),
        column: 11,
        message: expect.stringMatching(/^No agreement has the id `lerum\/avtal-2017-2021`\. Did you mean `lerum\/avtal-2017-2020`\?/),
      }),
    ]);
  });

  it("turns up among the referrers and joins the two documents' groups", () => {
    withReplaces();
    const root = copyExamples(PART);
    const before = load(root);
    expect(before.groups.get("sjobacka/avtal-2019-2022")).not.toBe(before.groups.get("lerum/avtal-2017-2020"));
    replaces(root, "lerum/avtal-2017-2020");
    const repo = load(root);
    expect(repo.referrers.all.get("lerum/avtal-2017-2020")!.map((r) => [r.from.id, r.reference.field, r.reference.path])).toContainEqual([
      "sjobacka/avtal-2019-2022",
      "replaces",
      ["replaces"],
    ]);
    expect(repo.groups.get("sjobacka/avtal-2019-2022")).toBe(repo.groups.get("lerum/avtal-2017-2020"));
    expect(repo.groups.get("sjobacka/plan-2019")).toBe(repo.groups.get("lerum/plan-2019"));
  });

  it("passes the check when the id names an agreement, and fails it for another kind", async () => {
    withReplaces();
    const root = copyExamples(PART);
    replaces(root, "lerum/avtal-2017-2020");
    expect(await findings(root, "ref/document")).toEqual([]);
    edit(root, SJOBACKA_AGREEMENT, "replaces: lerum/avtal-2017-2020", "replaces: lerum/plan-2019");
    const [problem, ...others] = await findings(root, "ref/document");
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: SJOBACKA_AGREEMENT, line: lineOf(root, SJOBACKA_AGREEMENT, "replaces:"), column: 11 });
    expect(problem!.message).toContain("`lerum/plan-2019` is a plan, but an agreement is expected here.");
  });
});

describe("party references are declared once, in the schemas", () => {
  it("every field a schema declares as a party (partyRef, partyKey) is checked: a report's outcome, a money table's row, the configuration's organisation", async () => {
    const root = copyExamples(PART);
    edit(root, "sjobacka/rapport-2019.md", "    parties: { hsn-vast: 40000, sjobacka: 20000 }", "    parties: { hsn-vest: 40000, sjobacka: 20000 }");
    edit(root, "sjuharad/budget-2013.md", "party: sjuharad-medlemmar,", "party: sjuharad-medlem,");
    edit(root, "plan.config.yaml", /^organisation: (\S+)$/m, "organisation: lerumm");
    const found = (await findings(root, "ref/party")).map((f) => [f.file, f.line, f.message]);
    expect(found).toContainEqual([
      "sjobacka/rapport-2019.md",
      lineOf(root, "sjobacka/rapport-2019.md", "hsn-vest: 40000"),
      "No party has the id `hsn-vest`. Did you mean `hsn-vast`?",
    ]);
    expect(found).toContainEqual([
      "sjuharad/budget-2013.md",
      lineOf(root, "sjuharad/budget-2013.md", "party: sjuharad-medlem,"),
      "No party has the id `sjuharad-medlem`. Did you mean `sjuharad-medlemmar`?",
    ]);
    expect(found).toContainEqual([
      "plan.config.yaml",
      lineOf(root, "plan.config.yaml", "organisation: lerumm"),
      "No party has the id `lerumm`. Did you mean `lerum`?",
    ]);
  });
});
