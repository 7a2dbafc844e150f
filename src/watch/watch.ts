import { watch } from "node:fs";
import { join } from "node:path";

/**
 * Calls `onChange` with the changed paths, at most once per `delayMs` burst of saves (editors
 * often write a file in several steps). Returns a function that stops watching.
 */
export function watchFolder(root: string, onChange: (absPaths: string[]) => void, ignore: (absPath: string) => boolean = () => false, delayMs = 20): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(root, { recursive: true }, (_event, filename) => {
    if (!filename) return;
    const name = filename.toString();
    if (name.split(/[\\/]/).some((part) => part.startsWith(".") || part === "node_modules" || part === "dist")) return;
    const absPath = join(root, name);
    if (ignore(absPath)) return;
    pending.add(absPath);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      onChange(changed);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Runs `onChange` for every burst of saves until `signal` aborts, one run at a time: saves
 * that arrive during a run are gathered for the next. An error in a run ends the watch with it.
 */
export function watchUntilAborted(
  root: string,
  signal: AbortSignal | undefined,
  onChange: (absPaths: string[]) => Promise<void> | void,
  ignore?: (absPath: string) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let running: Promise<void> | undefined;
    let queued: string[] = [];
    const run = (changed: string[]) => {
      queued.push(...changed);
      if (running) return;
      const batch = queued;
      queued = [];
      running = Promise.resolve()
        .then(() => onChange(batch))
        .then(
          () => {
            running = undefined;
            if (queued.length) run([]);
          },
          (error: unknown) => {
            close();
            reject(error);
          },
        );
    };
    const close = watchFolder(root, run, ignore);
    const done = () => {
      close();
      void Promise.resolve(running).finally(() => resolve());
    };
    if (signal?.aborted) return done();
    signal?.addEventListener("abort", done, { once: true });
  });
}
