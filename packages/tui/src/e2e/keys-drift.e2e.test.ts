import { describe, expect, it } from 'vitest';
import { EXIT_MARK, onList, SKIP_WHY, START_MS, TWO_SIZES, TMUX, useWorkFolders } from './gander-cli.js';


const table = (name: string) => `-- +goose Up\nCREATE TABLE ${name} (id int);\n\n-- +goose Down\nDROP TABLE ${name};\n`;

/** The version on the row marked `>`. */
const selected = (screen: string) => /^>\*?\s*(\d+) /m.exec(screen)?.[1];

const newFolder = useWorkFolders();

describe.each(TWO_SIZES)('gander tui, keys in bursts and drift at plan time (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`loses no key of a burst; drift shows on the plan and runs only after typing allow-drift${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    for (const [i, name] of ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].entries()) await folder.write(`0000${i + 1}_${name}.sql`, table(name));
    const s = folder.start(columns, rows);
    await s.waitFor((x) => onList(x) && x.includes('5 pending'), 'the list', START_MS);

    // Three j in one write: three moves.
    s.sendKeys('jjj');
    expect(selected(await s.waitFor((x) => selected(x) === '4', 'the selection on version 4'))).toBe('4');
    // Filter, then six backspaces in one write: the filter is empty again.
    s.sendKeys('/');
    s.sendKeys('zzzzzz');
    await s.waitFor((x) => x.includes('filter: zzzzzz_'), 'the typed filter');
    s.sendKeys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await s.waitFor((x) => x.includes('filter: _  (5 of 5)'), 'the erased filter');
    s.sendKeys('Escape');
    await s.waitFor((x) => onList(x) && !x.includes('filter:'), 'the list');

    // Apply all, then change an applied file and add a new one.
    s.sendKeys('u');
    await s.waitFor((x) => x.includes('[y/N]'), 'the plan');
    s.sendKeys('y');
    await s.waitFor((x) => x.includes('Finished: up'), 'the outcome');
    s.sendKeys('Enter');
    await s.waitFor((x) => onList(x) && x.includes('up to date'), 'all applied');
    await folder.write('00002_beta.sql', table('beta_renamed'));
    await folder.write('00006_zeta.sql', table('zeta'));
    // The folder is watched: the new file shows up without a key.
    await s.waitFor((x) => onList(x) && /6 zeta\s+pending/.test(x), 'the new file, seen without a key');

    // Drift is on the plan, before any confirmation; a y does not run it.
    s.sendKeys('u');
    const plan = await s.waitFor((x) => x.includes('allow-drift and enter to run anyway'), 'the drift prompt');
    expect(plan).toContain('DRIFT: 1 applied migration changed since applied');
    expect(plan).toMatch(/2\s+00002_beta\.sql/);
    s.sendKeys('y', 'Enter');
    await s.waitFor((x) => x.includes('Typed y, not allow-drift: nothing ran'), 'the refusal');
    s.sendKeys('-l', 'allow-drift');
    s.sendKeys('Enter');
    const ran = await s.waitFor((x) => x.includes('Finished: up'), 'the run over drift');
    expect(ran).toMatch(/\[done\s*\] up\s+00006_zeta\.sql/);
    s.sendKeys('Enter');
    await s.waitFor((x) => onList(x) && x.includes('version 6'), 'the list at version 6');

    // A typed rollback target and its enter in one write.
    s.sendKeys('g', 'j', 'j', 'j');
    await s.waitFor((x) => selected(x) === '4', 'the selection on version 4');
    s.sendKeys('D');
    await s.waitFor((x) => x.includes('Type 4 and enter'), 'the typed confirmation');
    s.sendKeys('4', 'Enter');
    await s.waitFor((x) => x.includes('Finished: down-to'), 'the roll back');
    s.sendKeys('Enter');
    await s.waitFor((x) => onList(x) && x.includes('version 4 (latest 6)'), 'the list at version 4');
    s.sendKeys('q');
    expect(await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit')).toContain(`${EXIT_MARK} 0`);
  }, 300_000);
});
