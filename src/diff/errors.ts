import { say, type Message } from "../format/message.js";

/**
 * A failure the user can fix (an unknown revision, no git, no plan repository at a revision): its
 * message is all they need, said in the run's language where it is reported (`text`; `message` is its English).
 */
export class DiffError extends Error {
  constructor(readonly text: Message) {
    super(say(text, "en"));
  }
}
