import { describe, expect, it } from 'vitest';
import { EXIT_MARK, onList, SKIP_WHY, START_MS, TWO_SIZES, TMUX, useWorkFolders, widest } from './gander-cli.js';


const USERS = '-- +goose Up\nCREATE TABLE users (id int);\n\n-- +goose Down\nDROP TABLE users;\n';
// On a table an applied migration created: a NOT NULL column without a default is an error, the index a warning.
const RISKY = `-- +goose Up
CREATE INDEX users_id_idx ON users (id);
ALTER TABLE users ADD COLUMN email text NOT NULL;

-- +goose Down
ALTER TABLE users DROP COLUMN email;
DROP INDEX users_id_idx;
`;

const newFolder = useWorkFolders();

describe.each(TWO_SIZES)('gander tui, lint findings on the plan (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`the plan counts findings per severity and lists each under its file with line and rule${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    await folder.write('00001_users.sql', USERS);
    await folder.write('00002_risky.sql', RISKY);
    // users exists before the plan: the lock rules judge 00002 against an existing table.
    const first = await folder.cli(['pglite', '.gander/pglite', '-dir', 'migrations', 'up-to', '1']);
    expect(first.code, first.stderr).toBe(0);

    const s = folder.start(columns, rows);
    await s.waitFor((x) => onList(x) && x.includes('1 pending'), 'the list', START_MS);
    s.sendKeys('u');
    const plan = await s.waitFor((x) => x.includes('[y/N]'), 'the plan', 60_000);
    // The same findings `gander lint` and `plan --json` give: counts first, then each under its migration.
    expect(plan).toMatch(/Lint: 1 error, \d+ warnings/);
    expect(plan).toMatch(/ERROR line 3:1 {2}adding-required-column/);
    expect(plan).toMatch(/warn {2}line 2:1 {2}require-concurrent-index-creation/);
    expect(widest(plan)).toBeLessThanOrEqual(columns);
    console.log(`tmux capture-pane, ${columns}x${rows}, the plan with lint findings:\n${plan}`);
    // Findings inform; the answer is still the user's: n runs nothing.
    s.sendKeys('n');
    await s.waitFor((x) => onList(x) && x.includes('1 pending'), 'the list again');
    s.sendKeys('q');
    expect(await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit')).toContain(`${EXIT_MARK} 0`);
  }, 300_000);
});
