import { CLEAR_LINE } from "../format/ansi.js";
import { visible } from "../format/control.js";

/** Progress of long work: one line on a terminal, rewritten as items are done; nothing elsewhere (CI logs get the summary only). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  end(): void;
}

/** At most this often the line is written again, so that thousands of quick items do not flood the terminal. */
const INTERVAL_MS = 50;

/** `what` names the items: `plan: PDF 3 of 8: lerum/plan-2019.pdf`. */
export function progress(stream: { write(s: string): unknown; isTTY?: boolean }, env: Record<string, string | undefined>, what: string): Progress {
  const live = Boolean(stream.isTTY) && !env["CI"] && env["TERM"] !== "dumb";
  let shown = false;
  let last = 0;
  return {
    update(done, total, label) {
      if (!live) return;
      const now = performance.now();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      const columns = (stream as { columns?: number }).columns ?? 80;
      // The label is a file name from the repository: shown, not obeyed.
      const text = `plan: ${what} ${done} of ${total}: ${visible(label)}`;
      stream.write(`${CLEAR_LINE}${text.length >= columns ? `${text.slice(0, columns - 2)}…` : text}`);
      shown = true;
    },
    end() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
