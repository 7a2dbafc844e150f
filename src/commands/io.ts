/** What a command may touch of the outside world, so that tests can run it in-process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends long-running work (watch mode) when aborted; Ctrl+C does so on the command line. */
  signal?: AbortSignal;
}

/** A failure the user can fix, reported as its message alone with exit code 2 (usage) or 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: Io["env"]): boolean {
  return Boolean(stream.isTTY) && !env["NO_COLOR"] && env["TERM"] !== "dumb";
}
