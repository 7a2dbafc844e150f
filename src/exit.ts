/**
 * What is undone when this process exits in any way but SIGKILL: folders made beside an output
 * folder removed, browsers killed. A module of its own at the root, so that the browser and the
 * writer of the output can both register with it without knowing each other.
 */

// The process's own: what it must undo when it exits, whichever run made it (a true process-level fact, as `process.on("exit")` is).
// eslint-disable-next-line no-restricted-syntax -- what this process undoes at its exit
const atExit = new Set<() => void>();
/** Run after every `onExit` undo: what must outlive them (the record of a run's folders). */
// eslint-disable-next-line no-restricted-syntax -- what this process does last at its exit
const atLast = new Set<() => void>();

/** Hooks `runExitHooks` to the process's exit, once: the process's listeners say whether it is. */
function hookExit(): void {
  if (!process.listeners("exit").includes(runExitHooks)) process.on("exit", runExitHooks);
}

/** Runs `undo` when the process exits (also by `process.exit` from a signal handler), unless it is taken back first. */
export function onExit(undo: () => void): () => void {
  hookExit();
  atExit.add(undo);
  return () => atExit.delete(undo);
}

/** Runs `last` when the process exits, once, after everything registered with `onExit`. */
export function lastOnExit(last: () => void): void {
  hookExit();
  atLast.add(last);
}

/** Everything registered with `onExit`, now; each once; then what was registered with `lastOnExit`. */
function runExitHooks(): void {
  for (const undo of [...atExit]) {
    atExit.delete(undo);
    try {
      undo();
    } catch {
      // Leaving: what cannot be undone now is removed by the next run.
    }
  }
  for (const last of atLast) last();
}
