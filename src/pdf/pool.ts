/**
 * Runs `work` on every item with at most `size` at a time; each worker gets its own slot
 * (a browser page) from `open`, kept for all its items and closed at the end. The first
 * failure stops the handing out of items; the workers still busy are awaited, so nothing runs
 * on after this returns, and that first failure is thrown.
 */
export async function runPool<T, S>(
  items: readonly T[],
  size: number,
  open: () => Promise<S>,
  work: (item: T, slot: S) => Promise<void>,
  close: (slot: S) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    if (next >= items.length) return;
    let slot: S;
    try {
      slot = await open();
    } catch (error) {
      failure ??= { error };
      return;
    }
    try {
      while (!failure && next < items.length) {
        const item = items[next++]!;
        try {
          await work(item, slot);
        } catch (error) {
          failure ??= { error };
        }
      }
    } finally {
      await close(slot).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  if (failure) throw failure.error;
}
