import { watch } from "node:fs";
import { join } from "node:path";

/**
 * Calls `onChange` with the changed paths, at most once per `delayMs` burst of saves (editors
 * often write a file in several steps). Returns a function that stops watching.
 */
export function watchFolder(root: string, onChange: (absPaths: string[]) => void, delayMs = 20): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(root, { recursive: true }, (_event, filename) => {
    if (!filename) return;
    const name = filename.toString();
    if (name.split(/[\\/]/).some((part) => part.startsWith(".") || part === "node_modules" || part === "dist")) return;
    pending.add(join(root, name));
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
