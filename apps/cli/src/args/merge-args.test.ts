import { describe, expect, it } from 'vitest';
import { loadEnvConfig, mergeArgs, resolveInvocation } from './merge-args.js';

describe('loadEnvConfig', () => {
  it('treats empty as unset and reads NO_COLOR as ParseBool', () => {
    expect(loadEnvConfig({ GOOSE_DRIVER: '', GOOSE_MIGRATION_DIR: '', NO_COLOR: 'yes' })).toEqual({
      driver: '',
      dbstring: '',
      dir: '.',
      table: '',
      noColor: false,
    });
    expect(loadEnvConfig({ GOOSE_DRIVER: 'pgx', GOOSE_TABLE: 't', GOOSE_MIGRATION_DIR: 'm', NO_COLOR: '1' })).toMatchObject({
      driver: 'pgx',
      table: 't',
      dir: 'm',
      noColor: true,
    });
  });
});

describe('mergeArgs', () => {
  const config = (driver: string, dbstring: string) => ({ driver, dbstring, dir: '.', table: '', noColor: false });
  it('prepends GOOSE_DRIVER and inserts GOOSE_DBSTRING at position 1', () => {
    expect(mergeArgs(config('postgres', 'dsn'), ['up'])).toEqual(['postgres', 'dsn', 'up']);
    expect(mergeArgs(config('postgres', ''), ['dsn', 'up'])).toEqual(['postgres', 'dsn', 'up']);
    expect(mergeArgs(config('', 'dsn'), ['postgres', 'up'])).toEqual(['postgres', 'dsn', 'up']);
    // Both from the environment and both on the command line: goose shifts them along.
    expect(mergeArgs(config('postgres', 'env-dsn'), ['pgx', 'arg-dsn', 'up'])).toEqual(['postgres', 'env-dsn', 'pgx', 'arg-dsn', 'up']);
    expect(mergeArgs(config('postgres', 'dsn'), [])).toEqual([]);
  });
});

describe('resolveInvocation', () => {
  const none = { driver: '', dbstring: '', dir: '.', table: '', noColor: false };
  it('dispatches no-DB commands before merging', () => {
    expect(resolveInvocation({ ...none, driver: 'postgres' }, ['create', 'x', 'sql'])).toEqual({ kind: 'no-db', command: 'create', args: ['x', 'sql'] });
    expect(resolveInvocation(none, ['postgres', 'dsn', 'fix'])).toEqual({ kind: 'no-db', command: 'fix', args: [] });
  });
  it('takes DRIVER DBSTRING COMMAND', () => {
    expect(resolveInvocation(none, ['postgres', 'dsn', 'up-to', '5'])).toEqual({
      kind: 'db',
      driver: 'postgres',
      dbstring: 'dsn',
      command: 'up-to',
      args: ['5'],
    });
  });
  it('uses the embedded database with no driver anywhere', () => {
    expect(resolveInvocation(none, ['status'])).toEqual({ kind: 'embedded', command: 'status', args: [] });
    expect(resolveInvocation(none, ['up-to', '3'])).toEqual({ kind: 'embedded', command: 'up-to', args: ['3'] });
  });
  it('asks for usage when too little is given', () => {
    expect(resolveInvocation(none, [])).toEqual({ kind: 'usage' });
    expect(resolveInvocation({ ...none, driver: 'postgres' }, ['up'])).toEqual({ kind: 'usage' });
    expect(resolveInvocation(none, ['postgres', 'up'])).toEqual({ kind: 'usage' });
  });
});
