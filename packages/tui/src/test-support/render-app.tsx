// Test-only: render the App with ink-testing-library at a given terminal size,
// and press keys one at a time, waiting for the screen to answer.
import type { Provider } from '@gander/core';
import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { App, type ProviderSource } from '../app.js';
import type { LintPlan } from '../state/types.js';
import type { LoadProvider } from '../state/use-tui.js';

export interface AppHarness {
  /** The last frame, without ANSI escapes. */
  frame(): string;
  /** The last frame as Ink wrote it. */
  rawFrame(): string;
  /** Every frame so far, without ANSI escapes: what the screen went through. */
  frames(): string[];
  /** Wait until the frame satisfies `ready`; fails with the frame it last saw. */
  waitFor(ready: (frame: string) => boolean, what?: string): Promise<string>;
  /**
   * Type `input` and wait for the screen to answer: until `ready` holds, or
   * by default until the frame changes.
   */
  press(input: string, ready?: (frame: string) => boolean): Promise<string>;
  resize(columns: number, rows: number): Promise<string>;
  /** Type `input` without waiting for anything (to show that nothing answers any more). */
  send(input: string): Promise<void>;
  unmount(): void;
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

const TIMEOUT_MS = 15_000;

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A provider held open (with `options.load`), or a source that lends one per use (withProvider). */
export async function renderApp(
  from: Provider | ProviderSource,
  options: { columns?: number; rows?: number; noColor?: boolean; load?: LoadProvider; lint?: LintPlan } = {},
): Promise<AppHarness> {
  const source: ProviderSource = 'withProvider' in from || 'provider' in from ? from : { provider: from, ...(options.load ? { load: options.load } : {}) };
  const ui = render(<App {...source} noColor={options.noColor ?? true} {...(options.lint ? { lint: options.lint } : {})} />);
  const rawFrame = () => ui.lastFrame() ?? '';
  const frame = () => stripVTControlCharacters(rawFrame());

  const waitFor = async (ready: (f: string) => boolean, what = 'the expected screen') => {
    const deadline = Date.now() + TIMEOUT_MS;
    while (!ready(frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
      await tick(10);
    }
    return frame();
  };

  const resize = async (columns: number, rows: number) => {
    // ink-testing-library's stdout is 100 columns with no rows; a terminal says both and emits resize.
    Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
    ui.stdout.emit('resize');
    await tick(5);
    return frame();
  };

  const press = async (input: string, ready?: (f: string) => boolean) => {
    // Let Ink's input effects settle first: a write in the same tick as the last render can be lost.
    await tick(5);
    const before = rawFrame();
    ui.stdin.write(input);
    return waitFor(ready ?? (() => rawFrame() !== before), `the screen after pressing ${JSON.stringify(input)}`);
  };

  await resize(options.columns ?? 80, options.rows ?? 24);
  await waitFor((f) => f.includes('VERSION') && !f.includes('reading the migration status'), 'the migration list');
  const frames = () => ui.frames.map((f) => stripVTControlCharacters(f));
  const send = async (input: string) => {
    await tick(5);
    ui.stdin.write(input);
    await tick(50);
  };
  return { frame, rawFrame, frames, waitFor, press, resize, send, unmount: () => ui.unmount() };
}
