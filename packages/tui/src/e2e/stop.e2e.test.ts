import { describe, expect, it } from 'vitest';
import { EXIT_MARK, migration, onList, SKIP_WHY, START_MS, TWO_SIZES, TMUX, useWorkFolders } from './gander-cli.js';



const newFolder = useWorkFolders();

describe.each(TWO_SIZES)('gander tui, q during a run (tmux %ix%i)', (columns, rows) => {
  it.skipIf(!TMUX)(`stops after the running migration, shows what did not run, and exits 1${SKIP_WHY}`, async () => {
    const folder = await newFolder();
    // Thirty short sleeps: a migration of many statements, stopped part-way through its statements.
    // (One single long statement is live.e2e.test.ts.)
    const sleeps = Array.from({ length: 30 }, () => 'SELECT pg_sleep(0.1);').join('\n');
    await folder.write('00001_slow.sql', migration(`${sleeps}\nCREATE TABLE slow (id int);`, 'DROP TABLE slow;'));
    await folder.write('00002_second.sql', migration('CREATE TABLE second (id int);', 'DROP TABLE second;'));
    await folder.write('00003_third.sql', migration('CREATE TABLE third (id int);', 'DROP TABLE third;'));
    const s = folder.start(columns, rows);
    await s.waitFor((x) => onList(x) && x.includes('3 pending'), 'the list', START_MS);
    s.sendKeys('u');
    await s.waitFor((x) => x.includes('[y/N]'), 'the plan');
    s.sendKeys('y');
    const running = await s.waitFor((x) => x.includes('Running up'), 'the progress screen');
    expect(running).toContain('q/ctrl-c: stop after the running migration');
    // q while the first migration sleeps: once it has started (the progress screen comes first; a q
    // before the first migration starts rightly runs nothing, which a loaded machine can make happen).
    await s.waitFor((x) => /\[running\s*\] up\s+00001_slow\.sql/.test(x), 'the first migration running');
    s.sendKeys('q');
    const stopped = await s.waitFor((x) => x.includes('Stopped by you'), 'the stopped outcome');
    expect(stopped).toMatch(/\[done\s*\] up\s+00001_slow\.sql/);
    expect(stopped).toMatch(/\[waiting\s*\] up\s+00002_second\.sql/);
    expect(stopped).toContain('Not run (2 migrations): 00002_second.sql, 00003_third.sql');
    expect(stopped).toContain('Press any key to quit');
    s.sendKeys('x');
    await s.waitFor((x) => x.includes(EXIT_MARK), 'the exit');
    const after = s.captureJoined();
    // The shell's screen: what ran and what did not, and a non-zero exit.
    expect(after).toContain('up stopped by the user: ran up 00001_slow.sql');
    expect(after).toContain('not run: up 00002_second.sql, up 00003_third.sql');
    expect(after).toContain(`${EXIT_MARK} 1`);
    console.log(`tmux capture-pane, ${columns}x${rows}, after q during a run:\n${after}`);
  }, 300_000);
});
