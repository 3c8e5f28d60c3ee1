/**
 * Run `work` over `items` with at most `concurrency` at once, in order of
 * start. Before each start `mayStart()` is asked: once it says no, the items
 * not yet started are handed to `onNotStarted` instead (running ones finish).
 */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  mayStart: () => boolean,
  onNotStarted: (item: T) => void,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      if (!mayStart()) {
        onNotStarted(item);
        continue;
      }
      await work(item);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
}
