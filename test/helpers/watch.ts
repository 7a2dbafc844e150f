import { main } from "../../src/commands/main.js";
import { KEPT } from "./repo.js";

/** Starts `plan check --watch` (or other arguments) in-process, with `env` besides NO_COLOR; `next(pattern)` waits for output matching it after the last wait. */
export function startWatch(root: string, args = ["check", ".", "--watch"], env: Record<string, string | undefined> = {}) {
  const stop = new AbortController();
  let out = "";
  let seen = 0;
  const done = main(
    args,
    {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (out += s) },
      env: { NO_COLOR: "1", LANG: "en", ...env },
      cwd: root,
      signal: stop.signal,
    },
    KEPT,
  );
  // The output is kept, so no moment can be missed: the time limit is only there to fail with what was written, before the test's own
  // limit (60 s) fails without it. A round on two busy cores has taken several seconds: the limit is far above that.
  const next = async (pattern: RegExp, timeoutMs = 45_000) => {
    const started = Date.now();
    for (;;) {
      const fresh = out.slice(seen);
      const match = pattern.exec(fresh);
      if (match) {
        seen += match.index + match[0].length;
        return fresh;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`no output matching ${pattern} within ${timeoutMs} ms; got:\n${fresh}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { next, stop: async () => (stop.abort(), done) };
}
