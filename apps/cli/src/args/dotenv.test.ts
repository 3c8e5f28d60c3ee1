import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFileMode, loadEnvFile, parseDotenv, type Env } from './dotenv.js';

describe('parseDotenv (godotenv rules)', () => {
  it('reads the usual forms', () => {
    const parsed = parseDotenv(
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
        '',
      ].join('\n'),
    );
    expect(Object.fromEntries(parsed)).toEqual({
      GOOSE_DRIVER: 'postgres',
      GOOSE_TABLE: 'ops.versions',
      YAML_STYLE: 'yes',
      SINGLE: 'host=x password=$NOT',
      DOUBLE: 'line1\nline2 "q"',
      INLINE: 'value',
      HASH: 'a#b',
      SPACED: 'padded',
      EMPTY: '',
      MULTI: 'first\nsecond',
      REF: 'postgres-ops.versions',
      ESCAPED: '$GOOSE_DRIVER',
    });
  });

  it('expands from the environment when the file does not define the name', () => {
    expect(parseDotenv('X=${HOME_DIR}/m', { HOME_DIR: '/srv' }).get('X')).toBe('/srv/m');
  });

  it('handles CRLF line ends', () => {
    expect(Object.fromEntries(parseDotenv('A=1\r\nB=2\r\n'))).toEqual({ A: '1', B: '2' });
  });

  it('rejects a line without a name', () => {
    expect(() => parseDotenv('just words')).toThrow(/unexpected character/);
    expect(() => parseDotenv('A="open')).toThrow(/unterminated/);
  });
});

describe('loadEnvFile', () => {
  async function dirWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'gander-dotenv-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  it('never overrides a variable already set, even to ""', async () => {
    const cwd = await dirWith({ '.env': 'GOOSE_DRIVER=postgres\nGOOSE_DBSTRING=from-file\nGOOSE_TABLE=t\n' });
    const env: Env = { GOOSE_DBSTRING: 'from-env', GOOSE_TABLE: '' };
    expect(await loadEnvFile(envFileMode(''), env, cwd)).toEqual(['GOOSE_DRIVER']);
    expect(env).toEqual({ GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: 'from-env', GOOSE_TABLE: '' });
  });

  it('-env none loads nothing; a missing default .env is fine', async () => {
    const cwd = await dirWith({ '.env': 'A=1\n' });
    const env: Env = {};
    await loadEnvFile(envFileMode('none'), env, cwd);
    expect(env).toEqual({});
    await loadEnvFile(envFileMode(''), env, await dirWith({}));
    expect(env).toEqual({});
  });

  it('-env PATH must load', async () => {
    const cwd = await dirWith({ 'prod.env': 'A=1\n' });
    const env: Env = {};
    await loadEnvFile(envFileMode('prod.env'), env, cwd);
    expect(env).toEqual({ A: '1' });
    await expect(loadEnvFile(envFileMode('missing.env'), env, cwd)).rejects.toThrow('open missing.env: no such file or directory');
  });

  it('ignores a broken default .env as goose does, but not a named one', async () => {
    const cwd = await dirWith({ '.env': 'broken line\n', 'bad.env': 'broken line\n' });
    await expect(loadEnvFile(envFileMode(''), {}, cwd)).resolves.toEqual([]);
    await expect(loadEnvFile(envFileMode('bad.env'), {}, cwd)).rejects.toThrow(/unexpected character/);
  });
});
