/** What a command may touch of the outside world, so that tests can run it in-process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends long-running work (watch mode) when aborted; Ctrl+C does so on the command line. */
  signal?: AbortSignal;
  /** The language of what the command says (`--lang`); without it, the environment's (format/message.ts `langOf`). */
  lang?: Lang;
}

/** The languages plan speaks to its users. */
export type Lang = "sv" | "en";

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: Io["env"]): boolean {
  return Boolean(stream.isTTY) && !env["NO_COLOR"] && env["TERM"] !== "dumb";
}
