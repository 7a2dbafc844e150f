/** A failure the user can fix, reported as its message alone with exit code 2 (usage) or 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
