import type { CommandOutcome } from '../commands/context.js';

/**
 * The promise's value, or undefined after `ms`. The timer is cleared as soon
 * as the promise settles, so a cap never keeps the process alive by itself.
 */
export async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<undefined>((done) => {
    timer = setTimeout(() => done(undefined), ms);
  });
  try {
    return await Promise.race([promise, cap]);
  } finally {
    clearTimeout(timer);
  }
}

/** Run the work; past `timeoutMs`, cancel what the database runs and give the work a moment to come back. */
export async function withTimeout(
  timeoutMs: number,
  work: () => Promise<CommandOutcome>,
  cancel: () => Promise<void>,
): Promise<{ outcome: CommandOutcome | undefined; timedOut: boolean }> {
  const settled = work().then(
    (outcome) => outcome,
    (error: unknown) => ({ error }) as CommandOutcome,
  );
  if (timeoutMs <= 0) return { outcome: await settled, timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), timeoutMs);
  });
  const first = await Promise.race([settled, deadline]);
  clearTimeout(timer);
  if (first !== 'timeout') return { outcome: first, timedOut: false };
  await cancel();
  const late = await withinMs(settled, 5000);
  return { outcome: late, timedOut: true };
}
