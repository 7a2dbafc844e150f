import { say, type Message } from "./format/message.js";

/**
 * A failure the user can fix, reported as its message alone with exit code 2 (usage) or 1. The
 * message is kept as a `Message` (`t\`…\``), said in the language of the run where it is
 * reported (commands/main.ts `reportError`); `message` holds its English, for logs and tests.
 */
export class UserError extends Error {
  constructor(
    readonly text: Message,
    readonly exitCode = 2,
  ) {
    super(say(text, "en"));
  }
}
