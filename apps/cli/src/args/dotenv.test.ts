import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFileMode, loadEnvFile, parseDotenv, type Env } from './dotenv.js';

const values = (text: string) => Object.fromEntries([...parseDotenv(text)].map(([k, e]) => [k, e.value]));

describe('parseDotenv (godotenv v1.5.1, as goose v3.26 vendors it)', () => {
  it('reads the usual forms', () => {
    expect(
      values(
        [
          '# a comment',
          'GOOSE_DRIVER=postgres',
          'export GOOSE_TABLE=ops.versions',
          'YAML_STYLE: yes',
          "SINGLE='host=x password=$NOT'",
          'DOUBLE="line1\\nline2 \\"q\\""',
          'INLINE=value # comment',
          'HASH=a#b',
          '  SPACED =  padded  ',
          'EMPTY=',
          'MULTI="first',
          'second"',
          'REF=${GOOSE_DRIVER}-$GOOSE_TABLE',
          'ESCAPED=\\$GOOSE_DRIVER',
          'DOTTED.KEY=1',
          '',
        ].join('\n'),
      ),
    ).toEqual({
      GOOSE_DRIVER: 'postgres',
      GOOSE_TABLE: 'ops.versions',
      YAML_STYLE: 'yes',
      SINGLE: 'host=x password=$NOT',
      // v1.5.1 trims every quote off the end, the escaped one too, leaving its backslash.
      DOUBLE: 'line1\nline2 "q\\',
      INLINE: 'value',
      HASH: 'a#b',
      SPACED: 'padded',
      EMPTY: '',
      MULTI: 'first\nsecond',
      REF: 'postgres-ops.versions',
      ESCAPED: '$GOOSE_DRIVER',
      'DOTTED.KEY': '1',
    });
  });

  it('expands only from lines above in the same file, never from the process environment ($HOME stays empty)', () => {
    expect(values('A=${HOME}/m\nB=$C\nC=late\nD=$C')).toEqual({ A: '/m', B: '', C: 'late', D: 'late' });
  });

  it('keeps \\t as written in double quotes (v1.5.1 unescapes only \\n and \\r)', () => {
    expect(values('A="x\\ty"').A).toBe('xty');
  });

  it('handles CRLF line ends and reports each key’s line', () => {
    const parsed = parseDotenv('A=1\r\n\r\n# c\r\nB=2\r\n');
    expect([...parsed].map(([k, e]) => [k, e.value, e.line])).toEqual([
      ['A', '1', 1],
      ['B', '2', 4],
    ]);
  });

  it('rejects a hyphenated key, naming the line and never the value', () => {
    expect(() => parseDotenv('A=1\nGOOSE-TABLE=secret-value\n', '.env')).toThrow(/^\.env:2: unexpected character "-" in variable name$/);
    expect(() => parseDotenv('just words')).toThrow(/^\.env:1: a line without a variable name/);
    expect(() => parseDotenv('A=1\nB="open secret', 'prod.env')).toThrow(/^prod\.env:2: unterminated quoted value for B$/);
  });
});

describe('loadEnvFile', () => {
  async function dirWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'gander-dotenv-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  it('never overrides a variable already set, even to "", and says where each value came from', async () => {
    const cwd = await dirWith({ '.env': 'GOOSE_DRIVER=postgres\nGOOSE_DBSTRING=from-file\nGOOSE_TABLE=t\n' });
    const env: Env = { GOOSE_DBSTRING: 'from-env', GOOSE_TABLE: '' };
    expect(Object.fromEntries(await loadEnvFile(envFileMode(''), env, cwd))).toEqual({ GOOSE_DRIVER: '.env:1' });
    expect(env).toEqual({ GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: 'from-env', GOOSE_TABLE: '' });
  });

  it('loads only GOOSE_* and GANDER_* keys unless asked for all', async () => {
    const cwd = await dirWith({ '.env': 'PGPASSWORD=app-secret\nGOOSE_DRIVER=postgres\nGANDER_ENV=prod\nNOTE=x\n' });
    const env: Env = {};
    await loadEnvFile(envFileMode(''), env, cwd);
    expect(env).toEqual({ GOOSE_DRIVER: 'postgres', GANDER_ENV: 'prod' });
    const all: Env = {};
    await loadEnvFile(envFileMode(''), all, cwd, { allKeys: true });
    expect(all).toEqual({ PGPASSWORD: 'app-secret', GOOSE_DRIVER: 'postgres', GANDER_ENV: 'prod', NOTE: 'x' });
  });

  it('-env none loads nothing; a missing default .env is fine', async () => {
    const cwd = await dirWith({ '.env': 'GOOSE_DRIVER=1\n' });
    const env: Env = {};
    await loadEnvFile(envFileMode('none'), env, cwd);
    expect(env).toEqual({});
    await loadEnvFile(envFileMode(''), env, await dirWith({}));
    expect(env).toEqual({});
  });

  it('-env PATH must load', async () => {
    const cwd = await dirWith({ 'prod.env': 'GOOSE_DRIVER=postgres\n' });
    const env: Env = {};
    await loadEnvFile(envFileMode('prod.env'), env, cwd);
    expect(env).toEqual({ GOOSE_DRIVER: 'postgres' });
    await expect(loadEnvFile(envFileMode('missing.env'), env, cwd)).rejects.toThrow('open missing.env: no such file or directory');
  });

  it('a file that does not parse loads nothing and is an error, the default .env too', async () => {
    const cwd = await dirWith({ '.env': 'GOOSE_DRIVER=postgres\nGOOSE-TABLE=x\n', 'bad.env': 'GOOSE_DRIVER=postgres\nbroken line\n' });
    const env: Env = {};
    await expect(loadEnvFile(envFileMode(''), env, cwd)).rejects.toThrow(/^\.env:2: unexpected character "-"/);
    await expect(loadEnvFile(envFileMode('bad.env'), env, cwd)).rejects.toThrow(/^bad\.env:2: /);
    expect(env).toEqual({});
  });
});
