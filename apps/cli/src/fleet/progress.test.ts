import type { FleetTargetResult, ResolvedTarget } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { palette } from '../output/colors.js';
import { terminalProgress } from './progress.js';

const target = (name: string): ResolvedTarget => ({ name, group: 'default', labels: {}, display: name });
const done = (name: string, status: FleetTargetResult['status']): FleetTargetResult => ({
  ...target(name),
  status,
  fromVersion: 0n,
  toVersion: 2n,
  applied: [],
  durationMs: 5,
});

/** What a terminal shows after the writes: ESC[nF moves up n lines, ESC[J clears below. */
function screen(written: string): string[] {
  const lines: string[] = [''];
  // eslint-disable-next-line no-control-regex
  for (const part of written.split(/(\x1b\[\d+F\x1b\[J|\n)/)) {
    // eslint-disable-next-line no-control-regex
    const up = /^\x1b\[(\d+)F\x1b\[J$/.exec(part);
    if (up) lines.splice(lines.length - 1 - Number(up[1]), Number(up[1]) + 1, '');
    else if (part === '\n') lines.push('');
    else lines[lines.length - 1] += part;
  }
  return lines.filter((l) => l !== '');
}

describe('terminalProgress', () => {
  it('shows one line per running database and a summary line, finished ones above', () => {
    let out = '';
    const progress = terminalProgress({ write: (t: string) => (out += t) }, palette(false), 'up', 3);
    progress.onEvent({ type: 'target-start', target: target('a') });
    progress.onEvent({ type: 'target-start', target: target('b') });
    progress.onEvent({
      type: 'target-event',
      target: target('b'),
      event: { type: 'migration-start', version: 2n, file: '00002_x.sql', direction: 'up', useTx: true, statementCount: 1 },
    });
    expect(screen(out)).toEqual(['  … a  connecting', '  … b  up 00002_x.sql', 'fleet up: 0/3 done · 0 ok · 0 failed · 0 not run · 2 running']);
    progress.onEvent({ type: 'target-done', result: done('a', 'ok') });
    expect(screen(out)).toEqual([
      expect.stringMatching(/^ok {6}a {2}0 -> 2 \(0 applied, /),
      '  … b  up 00002_x.sql',
      'fleet up: 1/3 done · 1 ok · 0 failed · 0 not run · 1 running',
    ]);
    progress.finish();
    expect(screen(out)).toEqual([expect.stringMatching(/^ok {6}a /)]);
  });
});
