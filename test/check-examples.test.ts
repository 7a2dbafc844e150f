import { describe, expect, it } from "vitest";
import { checkJson, ofRule } from "./helpers/findings.js";
import { EXAMPLES, run } from "./helpers/repo.js";

describe("plan check on the shipped examples", () => {
  it("exits 0 and shows the warnings the real Lerum documents deserve", async () => {
    const { code, stdout } = await run(["check", EXAMPLES], process.cwd());
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 errors and \d+ warnings in \d+ files/);
    const { findings } = await checkJson(EXAMPLES);
    // The real plan was decided on 2019-01-09, after its year began.
    expect(ofRule(findings, "date/decided-late")).toContainEqual(expect.objectContaining({ file: "lerum/plan-2019.md", severity: "warning" }));
    // Three of Lerum's local goals have no intervention.
    expect(ofRule(findings, "goal/unfunded")).toHaveLength(3);
    // The carry-over from 2018 was decided without an amount.
    expect(ofRule(findings, "money/carry-over")).toContainEqual(expect.objectContaining({ severity: "warning" }));
  });
});
