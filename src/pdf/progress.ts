/** Progress of the PDFs: one line on a terminal, rewritten as documents are done; nothing elsewhere (CI logs get the summary only). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  end(): void;
}

export function progress(stream: { write(s: string): unknown; isTTY?: boolean }, env: Record<string, string | undefined>): Progress {
  const live = Boolean(stream.isTTY) && !env["CI"] && env["TERM"] !== "dumb";
  let shown = false;
  return {
    update(done, total, label) {
      if (!live) return;
      const columns = (stream as { columns?: number }).columns ?? 80;
      const text = `plan: PDF ${done} of ${total}: ${label}`;
      stream.write(`\r\x1b[K${text.length >= columns ? `${text.slice(0, columns - 2)}…` : text}`);
      shown = true;
    },
    end() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
