import { describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../commands/context.js';
import { withTimeout } from './timeout.js';

/** Work that finishes only when cancelled, and says whether it was. */
function cancellableWork() {
  let cancelled = false;
  let finish: (o: CommandOutcome) => void = () => undefined;
  const done = new Promise<CommandOutcome>((resolve) => (finish = resolve));
  return {
    work: () => done,
    cancel: async () => {
      cancelled = true;
      finish({ results: [] });
    },
    wasCancelled: () => cancelled,
    finish: () => finish({ results: [] }),
  };
}

describe('withTimeout (-timeout)', () => {
  it('a negative -timeout has passed already: the work is cancelled at once (goose: context.WithTimeout)', async () => {
    const w = cancellableWork();
    const ran = await withTimeout(-1000, w.work, w.cancel);
    expect(ran.timedOut).toBe(true);
    expect(w.wasCancelled()).toBe(true);
  });

  it('0 is no deadline: the work runs to its end', async () => {
    const w = cancellableWork();
    setImmediate(w.finish);
    const ran = await withTimeout(0, w.work, w.cancel);
    expect(ran).toEqual({ outcome: { results: [] }, timedOut: false });
    expect(w.wasCancelled()).toBe(false);
  });
});
