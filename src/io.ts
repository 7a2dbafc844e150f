/** What a command may touch of the outside world, so that tests can run it in-process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends long-running work (watch mode) when aborted; Ctrl+C does so on the command line. */
  signal?: AbortSignal;
}

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: Io["env"]): boolean {
  return Boolean(stream.isTTY) && !env["NO_COLOR"] && env["TERM"] !== "dumb";
}
