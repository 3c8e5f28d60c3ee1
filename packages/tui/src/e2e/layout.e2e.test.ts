import { describe, expect, it } from 'vitest';
import { EXIT_MARK, onList, SKIP_WHY, START_MS, TMUX, useWorkFolders, widest } from './gander-cli.js';

const LONG = 'backfill_the_customer_addresses_from_the_legacy_billing_system_in_batches';

const table = (name: string) => `-- +goose Up\nCREATE TABLE t_${name} (id int);\n\n-- +goose Down\nDROP TABLE t_${name};\n`;

const newFolder = useWorkFolders();

describe.each([
  [40, 10],
  [200, 60],
])('gander tui layout (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`opens on an empty folder, keeps help and quit, says what is hidden, uses the width${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    const s = folder.start(columns, rows);
    const empty = await s.waitFor((x) => x.includes('no migration files'), 'the empty list', START_MS);
    expect(empty).toContain('no migration files');
    expect(empty.trimEnd().split('\n').at(-1)).toMatch(/\? help {2}q quit\s*$/);
    // History is reachable with no files.
    s.sendKeys('h');
    await s.waitFor((x) => x.includes('No audit rows yet'), 'the empty history');
    s.sendKeys('Escape');
    await s.waitFor((x) => x.includes('no migration files'), 'the list again');
    // d at version 0 says there is nothing to do, as D would.
    s.sendKeys('d');
    await s.waitFor((x) => x.includes('nothing to do'), 'the nothing-to-do notice');

    // Twelve files appear; R re-reads them.
    for (let i = 1; i <= 12; i++) await folder.write(`${String(i).padStart(5, '0')}_${i === 12 ? LONG : `step_${i}`}.sql`, table(String(i)));
    s.sendKeys('R');
    const list = await s.waitFor((x) => onList(x) && x.includes('12 pending'), 'the twelve files');
    expect(widest(list)).toBeLessThanOrEqual(columns);
    expect(list.trimEnd().split('\n').at(-1)).toMatch(/\? help {2}q quit\s*$/);
    if (rows < 20) {
      expect(list).toMatch(/↓ \d+ more/);
      // The state column survives the narrow width.
      expect(list).toMatch(/1 step_1\s+pending/);
    } else {
      // Wide: the long name is whole, nothing cut.
      expect(list).toContain(LONG);
      expect(list).not.toContain('…');
    }

    // The plan opens on a summary, with its scroll position.
    s.sendKeys('u');
    const plan = await s.waitFor((x) => x.includes('Summary'), 'the plan summary');
    expect(plan).toMatch(/1\. UP/);
    if (rows < 20) expect(plan).toMatch(/lines 1-\d+ of \d+/);
    expect(widest(plan)).toBeLessThanOrEqual(columns);
    s.sendKeys('Escape');
    await s.waitFor((x) => x.includes('cancelled: nothing ran'), 'the cancel');
    console.log(`tmux capture-pane, ${columns}x${rows}, twelve migrations:\n${list}`);
    s.sendKeys('q');
    expect(await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit')).toContain(`${EXIT_MARK} 0`);
  }, 300_000);
});
