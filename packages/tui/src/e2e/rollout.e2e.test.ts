import { describe, expect, it } from 'vitest';
import { EXIT_MARK, onList, SKIP_WHY, START_MS, TWO_SIZES, TMUX, useWorkFolders, widest } from './gander-cli.js';


const USERS = `-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY);

-- +goose Down
DROP TABLE users;
`;
// A typo on line 4, as a user would make it; the fix is the same file, corrected.
const BROKEN = `-- +goose Up
CREATE TABLE posts (id bigint PRIMARY KEY);

CREAT INDEX posts_id_idx ON posts (id);

-- +goose Down
DROP TABLE posts;
`;
const FIXED = BROKEN.replace('CREAT INDEX', 'CREATE INDEX');
// NO TRANSACTION: the index stays when the third statement fails.
const NO_TX = `-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE tags (name text);
CREATE INDEX CONCURRENTLY tags_name_idx ON tags (name);
SELECT no_such_function();

-- +goose Down
DROP TABLE tags;
`;

/** The state word on the row of `name`. */
const stateOf = (screen: string, name: string) =>
  /\s(applied|pending|missing|unknown|drifted|failed|partial)\b/.exec(screen.split('\n').find((l) => l.includes(name)) ?? '')?.[1];

const newFolder = useWorkFolders();

describe.each(TWO_SIZES)('gander tui, a failing rollout fixed in place (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`re-reads a fixed file before the next plan; failed and partial show in the list, after a restart too${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    await folder.write('00001_create_users.sql', USERS);
    await folder.write('00002_create_posts.sql', BROKEN);
    await folder.write('00003_tag_index.sql', NO_TX);
    const s = folder.start(columns, rows);
    const first = await s.waitFor((x) => onList(x) && x.includes('3 pending'), 'the list', START_MS);
    expect(first).toContain('? help  q quit');
    expect(first).toMatch(/3 tag_index \(no tx\)/);
    expect(widest(first)).toBeLessThanOrEqual(columns);

    s.sendKeys('u');
    await s.waitFor((x) => x.includes('[y/N]'), 'the plan');
    s.sendKeys('y');
    const failed = await s.waitFor((x) => x.includes('Failed: up'), 'the failure');
    expect(failed).toContain('00002_create_posts.sql:4');
    s.sendKeys('Enter');
    const afterFail = await s.waitFor((x) => onList(x) && stateOf(x, 'create_posts') === 'failed', 'the list after the failure');
    expect(afterFail.split('\n')[0]).toContain('1 failed');
    expect(stateOf(afterFail, 'create_posts')).toBe('failed');
    // The current version's row is marked.
    expect(afterFail).toMatch(/^ ?>?\*\s+1 create_users/m);

    // The user fixes the typo the hint pointed to; u plans and runs the file as it is now.
    await folder.write('00002_create_posts.sql', FIXED);
    s.sendKeys('u');
    const plan = await s.waitFor((x) => x.includes('[y/N]'), 'the plan after the fix');
    expect(plan).not.toContain('CREAT INDEX');
    s.sendKeys('y');
    const partial = await s.waitFor((x) => x.includes('Failed: up'), 'the NO TRANSACTION failure');
    expect(partial).toMatch(/\[done\s*\] up\s+00002_create_posts\.sql/);
    expect(partial).toMatch(/\[FAILED\s*\] up\s+00003_tag_index\.sql/);
    s.sendKeys('Enter');
    const list = await s.waitFor((x) => onList(x) && stateOf(x, 'tag_index') === 'partial', 'the list after the partial failure');
    expect(list.split('\n')[0]).toContain('1 partial');
    expect(stateOf(list, 'create_posts')).toBe('applied');
    expect(stateOf(list, 'tag_index')).toBe('partial');

    // History keeps the outcome column whole at this width.
    s.sendKeys('h');
    const history = await s.waitFor((x) => x.includes('History:'), 'the history');
    expect(history).toMatch(/up\s+3\s+FAILED/);
    expect(history).toMatch(/up\s+2\s+FAILED/);
    expect(widest(history)).toBeLessThanOrEqual(columns);
    // Enter does not silently leave the history.
    s.sendKeys('Enter');
    expect(await s.waitFor((x) => x.includes('esc or q goes back'), 'the notice on enter')).toContain('History:');
    s.sendKeys('Escape');
    await s.waitFor(onList, 'the list again');
    s.sendKeys('q');
    expect(await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit')).toContain(`${EXIT_MARK} 0`);

    // After a restart the partial migration is still called partial.
    const again = folder.start(columns, rows);
    const restarted = await again.waitFor((x) => onList(x) && stateOf(x, 'tag_index') !== undefined, 'the list after a restart', START_MS);
    expect(stateOf(restarted, 'tag_index')).toBe('partial');
    console.log(`tmux capture-pane, ${columns}x${rows}, after a restart:\n${restarted}`);
    again.sendKeys('q');
    await again.waitFor((x) => x.includes(EXIT_MARK), 'the exit');
  }, 300_000);
});
