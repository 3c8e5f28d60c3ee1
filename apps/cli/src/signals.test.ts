import { describe, expect, it } from 'vitest';
import { SIGNAL_EXIT_CODES, watchStopSignals, type SignalHost, type StopSignal } from './signals.js';

function fakeHost() {
  const listeners = new Map<StopSignal, Set<() => void>>();
  const host: SignalHost = {
    on: (signal, listener) => listeners.set(signal, (listeners.get(signal) ?? new Set()).add(listener)),
    removeListener: (signal, listener) => listeners.get(signal)?.delete(listener),
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
  };
  const send = (signal: StopSignal) => {
    for (const listener of listeners.get(signal) ?? []) listener();
  };
  return { host, send, count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0) };
}

describe('watchStopSignals', () => {
  it('settles with the first signal; a second one exits at once with its code', async () => {
    const { host, send } = fakeHost();
    const seconds: StopSignal[] = [];
    const watch = watchStopSignals(host, (signal) => seconds.push(signal));
    send('SIGTERM');
    expect(await watch.first).toBe('SIGTERM');
    expect(seconds).toEqual([]);
    send('SIGINT');
    expect(seconds).toEqual(['SIGINT']);
    watch.dispose();
  });

  it('the default for a second signal is to exit with 128 + its number', () => {
    const { host, send } = fakeHost();
    watchStopSignals(host);
    send('SIGINT');
    expect(() => send('SIGHUP')).toThrow('exit 129');
    expect(SIGNAL_EXIT_CODES).toEqual({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 });
  });

  it('dispose gives the signals back to Node', () => {
    const { host, count } = fakeHost();
    const watch = watchStopSignals(host);
    expect(count()).toBe(3);
    watch.dispose();
    expect(count()).toBe(0);
  });
});
