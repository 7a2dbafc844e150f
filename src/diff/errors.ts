/** A failure the user can fix (an unknown revision, no git, no plan repository at a revision): its message is all they need. */
export class DiffError extends Error {}
