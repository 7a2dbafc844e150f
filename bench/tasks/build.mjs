// `plan build --no-pdf` on the 1,000-plan repository: check, then every page, roll-up and CSV in HTML
// (the PDFs are bench/tasks/pdf.mjs's: with a browser at hand a build without --no-pdf prints them all).
// Issue 3 aims at under 3 s, beside the check time that the runner measures itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default async function ({ repoDir, measure, tmpDir, cli, root }) {
  const base = tmpDir ?? mkdtempSync(join(tmpdir(), "plan-bench-build-"));
  const out = join(base, "site");
  try {
    // The runner starts commands in repoDir, so the CLI is named by its absolute path where the runner gives it.
    await measure("plan build (HTML)", ["node", cli ?? "dist/cli.js", "build", repoDir, "--out", out, "--no-pdf"], {
      ...(root && !cli ? { cwd: root } : {}),
      aim: { seconds: 3, issue: 3 },
    });
  } finally {
    if (!tmpDir) rmSync(base, { recursive: true, force: true });
  }
}
