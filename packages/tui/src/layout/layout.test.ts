import { describe, expect, it } from 'vitest';
import { listColumns } from './columns.js';
import { listWindow } from './viewport.js';

describe('listWindow', () => {
  it('adds no indicator lines when every row fits', () => {
    expect(listWindow(3, 0, 5)).toEqual({ offset: 0, shown: 3, above: undefined, below: undefined });
  });

  it('says how many rows are hidden above and below, keeping the selection in view', () => {
    expect(listWindow(12, 0, 5)).toEqual({ offset: 0, shown: 3, above: 0, below: 9 });
    expect(listWindow(12, 11, 5)).toEqual({ offset: 9, shown: 3, above: 9, below: 0 });
  });
});

describe('listColumns', () => {
  it('gives a long name its whole width on a wide terminal, the rest to by', () => {
    const c = listColumns(200, 2, 74, 20);
    expect(c.name).toBe(74);
    expect(c.marker + c.version + 1 + c.name + 1 + c.state + 1 + c.appliedAt + 1 + c.by).toBe(200);
  });

  it('keeps the state column whole at 40 columns', () => {
    const c = listColumns(40, 2, 74, 20);
    expect(c.state).toBe(8);
    expect(c.marker + c.version + 1 + c.name + 1 + c.state).toBe(40);
  });
});
