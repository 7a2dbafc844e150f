import { describe, expect, it } from "vitest";
import { EXAMPLES, run } from "./helpers/repo.js";

describe("plan check on the shipped examples", () => {
  it("exits 0 and shows the warnings the real Lerum documents deserve", async () => {
    const { code, stdout } = await run(["check", EXAMPLES], process.cwd());
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 errors and \d+ warnings in \d+ files/);
    // The real plan was decided on 2019-01-09, after its year began.
    expect(stdout).toMatch(/lerum\/plan-2019\.md:\d+:\d+: warning \[date\/decided-late\]/);
    // Three of Lerum's local goals have no intervention.
    expect(stdout.match(/\[goal\/unfunded\]/g)).toHaveLength(3);
    // The carry-over from 2018 was decided without an amount.
    expect(stdout).toMatch(/warning \[money\/carry-over\]/);
  });
});
