import { describe, expect, it } from 'vitest';
import { EXIT_MARK, migration, onList, SKIP_WHY, START_MS, TWO_SIZES, TMUX, useWorkFolders } from './gander-cli.js';

const SLEEP_S = 5;


/** The elapsed time on the row of the running slow migration, in ms; undefined when it is not running. */
function slowElapsedMs(screen: string): number | undefined {
  const row = screen.split('\n').find((l) => /\[running\s*\] up\s+00001_slow\.sql/.test(l));
  const match = row && /(\d+(?:\.\d)?) (ms|s)\s*$/.exec(row);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

const newFolder = useWorkFolders();

describe.each(TWO_SIZES)('gander tui, one long statement on the embedded database (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`the elapsed time ticks and q is answered during the statement; the run stops after it and exits 1${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    // One statement, seconds long: PGlite runs it in its worker thread, the screen keeps going.
    await folder.write('00001_slow.sql', migration(`SELECT pg_sleep(${SLEEP_S});`, 'SELECT 1;'));
    await folder.write('00002_second.sql', migration('CREATE TABLE second (id int);', 'DROP TABLE second;'));
    const s = folder.start(columns, rows);
    await s.waitFor((x) => onList(x) && x.includes('2 pending'), 'the list', START_MS);
    s.sendKeys('u');
    await s.waitFor((x) => x.includes('[y/N]'), 'the plan');
    s.sendKeys('y');
    const first = await s.waitFor((x) => (slowElapsedMs(x) ?? 0) >= 300, 'the slow migration running');
    // The statement on the server is the right one.
    expect(first).toContain('statement 1 at line 2: SELECT pg_sleep');
    const before = slowElapsedMs(first)!;
    const later = await s.waitFor((x) => (slowElapsedMs(x) ?? 0) >= before + 1000, 'the elapsed time to tick during the statement');
    expect(later).toContain('0/1 statements');

    s.sendKeys('q');
    const answered = await s.waitFor((x) => x.includes('stopping after the running migration'), 'the answer to q');
    // Answered while the one statement still runs, not when it ends.
    expect(slowElapsedMs(answered)).toBeDefined();
    expect(slowElapsedMs(answered)!).toBeLessThan(SLEEP_S * 1000);

    const stopped = await s.waitFor((x) => x.includes('Stopped by you'), 'the stopped outcome');
    expect(stopped).toMatch(/\[done\s*\] up\s+00001_slow\.sql/);
    expect(stopped).toContain('Not run (1 migration): 00002_second.sql');
    s.sendKeys('x');
    await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit');
    const after = s.captureJoined();
    expect(after).toContain('up stopped by the user: ran up 00001_slow.sql; not run: up 00002_second.sql; the database is at version 1');
    expect(after).toContain(`${EXIT_MARK} 1`);
    console.log(`tmux capture-pane, ${columns}x${rows}, during the long statement:\n${later}`);
  }, 300_000);
});

describe.each(TWO_SIZES)('gander tui and a CLI on the same embedded database (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`while the TUI sits idle a second process runs gander up at once; R then shows its work${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    await folder.write('00001_users.sql', migration('CREATE TABLE users (id int);', 'DROP TABLE users;'));
    await folder.write('00002_posts.sql', migration('CREATE TABLE posts (id int);', 'DROP TABLE posts;'));
    const s = folder.start(columns, rows);
    await s.waitFor((x) => onList(x) && x.includes('2 pending'), 'the list', START_MS);

    // A real second process on .gander/pglite. Held by the TUI, it would wait the whole -lock-timeout and fail.
    const up = await folder.cli(['-lock-timeout', '20s', 'pglite', '.gander/pglite', '-dir', 'migrations', 'up']);
    expect(up.stderr).not.toContain('waiting for the embedded database');
    expect(up.code, up.stderr).toBe(0);
    // goose's log lines go to stderr.
    expect(up.stderr).toContain('successfully migrated database to version: 2');

    s.sendKeys('R');
    const list = await s.waitFor((x) => onList(x) && x.includes('up to date'), 'the list after R');
    expect(list).toMatch(/version 2 \(latest 2\)/);
    expect(list).not.toContain('pending');

    // And the TUI's own next run works on what the CLI left: nothing to do.
    s.sendKeys('u');
    expect(await s.waitFor((x) => x.includes('nothing to do'), 'up with nothing pending')).toContain('the database is at version 2');
    s.sendKeys('q');
    expect(await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit')).toContain(`${EXIT_MARK} 0`);
  }, 300_000);
});
