import { describe, expect, it } from 'vitest';
import { fitHints, hintsFor } from '../keys/hints.js';
import { listColumns } from '../layout/columns.js';
import { clampScroll, listOffset } from '../layout/viewport.js';
import { helpLines } from './help-lines.js';
import { fit, fitRight, truncate, truncateMiddle, wrap } from './text.js';
import { formatDuration, formatTimestamp } from './time.js';

describe('text', () => {
  it('truncates with an ellipsis and pads to a width', () => {
    expect(truncate('create_users', 6)).toBe('creat…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fitRight('7', 3)).toBe('  7');
    expect(truncateMiddle('pglite:/tmp/a-long-dir/pglite', 15)).toBe('pglite:…/pglite');
    expect(truncateMiddle('short', 15)).toBe('short');
  });

  it('wraps prose without losing words, cutting what cannot fit', () => {
    expect(wrap('relation "no_such_table" does not exist', 20)).toEqual(['relation', '"no_such_table" does', 'not exist']);
    expect(wrap('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('time', () => {
  it('formats durations and timestamps', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1450)).toBe('1.4 s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatTimestamp('2025-11-25T07:12:33.123456')).toBe('2025-11-25 07:12');
    expect(formatTimestamp('2025-11-25 07:12:33.12+00')).toBe('2025-11-25 07:12');
  });
});

describe('layout', () => {
  it('list columns add up to the width', () => {
    for (const width of [50, 63, 64, 80, 120]) {
      const c = listColumns(width, 5);
      const used = c.appliedAt === 0 ? c.marker + c.version + 1 + c.name + 1 + c.state : c.marker + c.version + 1 + c.name + 1 + c.state + 1 + c.appliedAt + 1 + c.by;
      expect(used).toBeLessThanOrEqual(width);
    }
    expect(listColumns(50, 5).appliedAt).toBe(0);
    expect(listColumns(80, 14).version).toBe(14);
  });

  it('keeps the selection in view', () => {
    expect(listOffset(5, 4, 10)).toBe(0);
    expect(listOffset(100, 0, 10)).toBe(0);
    expect(listOffset(100, 50, 10)).toBe(45);
    expect(listOffset(100, 99, 10)).toBe(90);
    for (let selected = 0; selected < 100; selected++) {
      const offset = listOffset(100, selected, 7);
      expect(selected).toBeGreaterThanOrEqual(offset);
      expect(selected).toBeLessThan(offset + 7);
    }
    expect(clampScroll(50, 10, 4)).toBe(6);
    expect(clampScroll(-3, 10, 4)).toBe(0);
  });

  it('the help and every hint line fit 80 columns', () => {
    for (const l of helpLines()) expect(l.text.length).toBeLessThanOrEqual(80);
    const screens = [
      { kind: 'list' },
      { kind: 'filter' },
      { kind: 'loading', request: 1, what: '' },
      { kind: 'help', scroll: 0 },
    ] as const;
    for (const screen of screens) expect(fitHints(hintsFor(screen), 80).length).toBeLessThanOrEqual(80);
  });

  it('keeps ? help and q quit on the list at every width from 40 columns', () => {
    for (const width of [40, 60, 80, 160]) {
      const text = fitHints(hintsFor({ kind: 'list' }), width);
      expect(text.length).toBeLessThanOrEqual(width);
      expect(text.endsWith('? help  q quit')).toBe(true);
    }
    expect(fitHints(hintsFor({ kind: 'list' }), 200)).toContain('R reread');
  });
});
