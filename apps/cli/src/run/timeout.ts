import type { CommandOutcome } from '../commands/context.js';
import type { StopSignal } from '../signals.js';

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

/**
 * Run the work; past `timeoutMs` (0: never; below 0: at once), or on a stop
 * signal (SIGINT/SIGTERM/SIGHUP), cancel what the database runs and give the
 * work a moment to come back.
 */
export async function withTimeout(
  timeoutMs: number,
  work: () => Promise<CommandOutcome>,
  cancel: () => Promise<void>,
  signal: Promise<StopSignal> = new Promise(() => undefined),
): Promise<{ outcome: CommandOutcome | undefined; timedOut: boolean; interruptedBy?: StopSignal }> {
  const settled = work().then(
    (outcome) => outcome,
    (error: unknown) => ({ error }) as CommandOutcome,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((done) => {
    // 0 is no deadline; a negative one has passed already (goose: context.WithTimeout, `!= 0`).
    if (timeoutMs !== 0) timer = setTimeout(() => done('timeout'), Math.max(0, timeoutMs));
  });
  // A stop signal is handled like the deadline: cancel, then give the work a moment to report.
  const first = await Promise.race([settled, deadline, signal.then((name) => ({ signal: name }))]);
  clearTimeout(timer);
  if (first !== 'timeout' && !('signal' in first)) return { outcome: first, timedOut: false };
  await cancel();
  const late = await withinMs(settled, 5000);
  return first === 'timeout' ? { outcome: late, timedOut: true } : { outcome: late, timedOut: false, interruptedBy: first.signal };
}
