import { sourcesFromList, type Database } from '@gander/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, providerFor, resetDatabase } from './test-support/database.js';
import { goodSources, LONG_NAME } from './test-support/migrations.js';
import { KEY, renderApp, type AppHarness } from './test-support/render-app.js';

let db: Database;
let app: AppHarness | undefined;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await resetDatabase(db);
});
afterAll(async () => {
  await db.close();
});

async function open(options: { columns?: number; rows?: number } = {}) {
  app = await renderApp(await providerFor(db, goodSources()), options);
  return app;
}

function selectedLine(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('> ')) ?? '';
}

describe('main screen', () => {
  it('lists every migration with its state, the version and the database target', async () => {
    const ui = await open();
    const frame = ui.frame();
    expect(frame).toContain('pglite:memory://');
    expect(frame).toContain('version 0 (latest 4)');
    expect(frame).toContain('4 pending');
    expect(frame).toMatch(/VERSION\s+NAME\s+STATE\s+APPLIED AT\s+BY/);
    expect(frame).toMatch(/1 create_users\s+pending/);
    expect(frame).toMatch(/2 add_email\s+pending/);
    expect(frame).toMatch(/3 create_posts\s+pending/);
    expect(frame).toContain('q quit');
  });

  it('shows applied migrations with when and by whom (audit log)', async () => {
    const provider = await providerFor(db, goodSources());
    await provider.upTo(2n);
    app = await renderApp(provider);
    const frame = app.frame();
    expect(frame).toContain('version 2 (latest 4)');
    const row = frame.split('\n').find((l) => l.includes('add_email')) ?? '';
    expect(row).toMatch(/applied\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(row).toMatch(/@.*\(test\)|@/);
    expect(frame).toMatch(/3 create_posts\s+pending/);
  });

  it('says drifted, missing and unknown in words', async () => {
    const [one, two, three, four] = goodSources();
    const asFile = (s: typeof one) => ({ fileName: s!.fileName, content: s!.content });
    // Applied 1, 3, 4 (2 skipped), then: 1 edited since, 2 now older than the newest applied, 4's file gone.
    const first = await providerFor(db, sourcesFromList([one, three, four].map(asFile)));
    await first.up();
    const edited = { fileName: one!.fileName, content: `${one!.content}-- edited after it was applied\n` };
    app = await renderApp(await providerFor(db, sourcesFromList([edited, asFile(two), asFile(three)])));
    const frame = app.frame();
    expect(frame).toMatch(/1 create_users\s+drifted/);
    expect(frame).toMatch(/2 add_email\s+missing/);
    expect(frame).toMatch(/3 create_posts\s+applied/);
    expect(frame).toMatch(/4 \(no file\)\s+unknown/);
    expect(frame).toContain('1 missing, 1 drifted, 1 unknown');
    // The unknown version has no SQL to show, and says why.
    await app.press('G');
    const sql = await app.press(KEY.enter, (f) => f.includes('E_UNKNOWN_MIGRATION'));
    expect(sql).toContain('has no migration file');
  });

  it('moves the selection with j/k and the arrow keys', async () => {
    const ui = await open();
    expect(selectedLine(ui.frame())).toContain('create_users');
    expect(selectedLine(await ui.press('j'))).toContain('add_email');
    expect(selectedLine(await ui.press(KEY.down))).toContain('create_posts');
    expect(selectedLine(await ui.press('k'))).toContain('add_email');
    expect(selectedLine(await ui.press(KEY.up))).toContain('create_users');
    // At the top already: nothing moves, nothing breaks.
    await ui.press('k', () => true);
    expect(selectedLine(ui.frame())).toContain('create_users');
  });

  it('enter shows the Up and Down statements as core splits them', async () => {
    const ui = await open();
    await ui.press('j');
    const frame = await ui.press(KEY.enter, (f) => f.includes('Statements of'));
    expect(frame).toContain('Statements of 00002_add_email.sql');
    expect(frame).toContain('-- +goose Up (2 statements)');
    expect(frame).toContain('[1] line 2');
    expect(frame).toContain('ALTER TABLE users ADD COLUMN email text;');
    expect(frame).toContain('[2] line 3');
    expect(frame).toContain('CREATE INDEX users_email_idx ON users (email);');
    expect(frame).toContain('-- +goose Down (2 statements)');
    expect(frame).toContain('DROP INDEX users_email_idx;');
    const back = await ui.press(KEY.escape, (f) => f.includes('VERSION'));
    expect(selectedLine(back)).toContain('add_email');
  });

  it('/ filters by name or version, esc clears it', async () => {
    const ui = await open();
    await ui.press('/', (f) => f.includes('filter: _'));
    await ui.press('p');
    let frame = await ui.press('o', (f) => f.includes('filter: po_'));
    expect(frame).toContain('create_posts');
    expect(frame).not.toContain('create_users');
    expect(frame).toContain('(1 of 4)');
    frame = await ui.press(KEY.enter, (f) => f.includes('filter "po": 1 of 4'));
    expect(selectedLine(frame)).toContain('create_posts');
    frame = await ui.press(KEY.escape, (f) => f.includes('create_users'));
    expect(frame).not.toContain('filter "po"');
    // By version.
    await ui.press('/');
    frame = await ui.press('2', (f) => f.includes('filter: 2_'));
    expect(frame).toContain('add_email');
    expect(frame).not.toContain('create_users');
  });

  it('h shows the history from the audit log', async () => {
    const provider = await providerFor(db, goodSources());
    await provider.up();
    await provider.down();
    app = await renderApp(provider);
    const frame = await app.press('h', (f) => f.includes('History:'));
    expect(frame).toContain('History: 5 audit rows, newest first');
    const lines = frame.split('\n');
    const first = lines.findIndex((l) => /down\s+4/.test(l));
    const older = lines.findIndex((l) => /up\s+1\s+ok\s.*00001_create_users\.sql/.test(l));
    expect(first).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(first);
    expect(frame).toContain('(test)');
    await app.press('q', (f) => f.includes('VERSION'));
  });

  it('? shows the help, and any of esc/q goes back', async () => {
    const ui = await open();
    const frame = await ui.press('?', (f) => f.includes('Help'));
    expect(frame).toContain('down-to: roll back every version above the selected one');
    expect(frame).toContain('type the target version');
    await ui.press(KEY.escape, (f) => f.includes('VERSION'));
  });

  it('fits 80x24: no line longer than 80 columns, long names cut', async () => {
    const ui = await open({ columns: 80, rows: 24 });
    for (const frame of [ui.frame(), await ui.press('?'), await ui.press('q'), await ui.press('u', (f) => f.includes('[y/N]'))]) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    }
    await ui.press('n', (f) => f.includes('VERSION'));
    expect(ui.frame()).toContain('add_a_rather_long');
    expect(ui.frame()).not.toContain(LONG_NAME);
  });

  it('keeps the version and the pending count in the header when the target is long', async () => {
    const provider = await providerFor(db, goodSources());
    const longTarget = { ...provider, db: { ...provider.db, target: `pglite:/tmp/${'very-long-directory-name/'.repeat(4)}pglite` } };
    app = await renderApp(longTarget);
    const header = app.frame().split('\n')[0] ?? '';
    expect([...header].length).toBeLessThanOrEqual(80);
    expect(header).toMatch(/^gander {2}pglite:\/tmp\/very-.*….*\/pglite {2}version 0 \(latest 4\) {2}4 pending$/);
  });

  it('follows a resize: narrower drops columns, fewer rows scrolls to keep the selection visible', async () => {
    const ui = await open({ columns: 100, rows: 24 });
    expect(ui.frame()).toContain(LONG_NAME.slice(0, 30));
    let frame = await ui.resize(50, 9);
    for (const l of frame.split('\n')) expect([...l].length).toBeLessThanOrEqual(50);
    expect(frame).not.toContain('APPLIED AT');
    // 9 rows: 8 drawn, 4 of them list rows. Move to the last migration: it must be on screen.
    await ui.press('G');
    frame = ui.frame();
    expect(selectedLine(frame)).toContain('add_a_rather');
    expect(frame.split('\n').length).toBeLessThanOrEqual(9);
  });

  it('noColor: no ANSI escapes at all; with colour, there are some', async () => {
    const provider = await providerFor(db, goodSources());
    await provider.upTo(1n);
    const plain = await renderApp(provider, { noColor: true });
    await plain.press('j');
    expect(plain.rawFrame()).not.toContain('\u001B');
    expect(plain.rawFrame()).toContain('> ');
    expect(plain.rawFrame()).toMatch(/1 create_users\s+applied/);
    plain.unmount();
    app = await renderApp(provider, { noColor: false });
    expect(app.rawFrame()).toContain('\u001B[');
  });

  it('q quits: the app stops answering keys', async () => {
    const ui = await open();
    // j moves the cursor while the app runs…
    const moved = await ui.press('j');
    await ui.press('k');
    expect(moved).not.toBe(ui.frame());
    await ui.send('q');
    // …and after q nothing answers it any more.
    const quitFrame = ui.rawFrame();
    await ui.send('j');
    await ui.send('j');
    expect(ui.rawFrame()).toBe(quitFrame);
  });

  it('takes a burst of keys in one read key by key: jjj moves three, six DELs empty the filter', async () => {
    const ui = await open();
    const moved = await ui.press('jjj', (f) => selectedLine(f).includes(' 4 '));
    expect(selectedLine(moved)).toMatch(/^>\s+4 /);
    await ui.press('/', (f) => f.includes('filter: _'));
    await ui.press('zzzzzz', (f) => f.includes('filter: zzzzzz_'));
    const erased = await ui.press('\u007f'.repeat(6), (f) => f.includes('filter: _  (4 of 4)'));
    expect(erased).toContain('filter: _  (4 of 4)');
  });
});
