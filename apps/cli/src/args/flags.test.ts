import { describe, expect, it } from 'vitest';
import { FlagError, formatFlagDefaults, parseArgs } from './flags.js';

describe('parseArgs (Go flag + xflag.ParseToEnd)', () => {
  it('reads flags before, between and after positionals', () => {
    const p = parseArgs(['-dir', 'migrations', 'postgres', 'dsn', 'up', '-v', '--table=t', '-allow-missing']);
    expect(p.args).toEqual(['postgres', 'dsn', 'up']);
    expect(p.values.get('dir')).toBe('migrations');
    expect(p.values.get('v')).toBe(true);
    expect(p.values.get('table')).toBe('t');
    expect(p.values.get('allow-missing')).toBe(true);
    expect([...p.given].sort()).toEqual(['allow-missing', 'dir', 'table', 'v']);
  });

  it('accepts -f, --f, -f=v and -f v', () => {
    expect(parseArgs(['--dir', 'a']).values.get('dir')).toBe('a');
    expect(parseArgs(['--dir=b']).values.get('dir')).toBe('b');
    expect(parseArgs(['-dir=c=d']).values.get('dir')).toBe('c=d');
    expect(parseArgs(['-dir=']).values.get('dir')).toBe('');
  });

  it('takes bools only as -v or -v=value; "-v false" leaves false as a positional', () => {
    expect(parseArgs(['-v=false']).values.get('v')).toBe(false);
    expect(parseArgs(['-v=T']).values.get('v')).toBe(true);
    const p = parseArgs(['-v', 'false']);
    expect(p.values.get('v')).toBe(true);
    expect(p.args).toEqual(['false']);
    expect(() => parseArgs(['-v=yes'])).toThrow('invalid boolean value "yes" for -v: parse error');
  });

  it('parses durations the Go way', () => {
    expect(parseArgs(['-timeout', '1h13m']).values.get('timeout')).toBe(73 * 60_000);
    expect(parseArgs(['-timeout=500ms']).values.get('timeout')).toBe(500);
    expect(parseArgs([]).values.get('lock-timeout')).toBe(300_000);
    expect(() => parseArgs(['-timeout', '10'])).toThrow('invalid value "10" for flag -timeout: parse error');
  });

  it('rejects an unknown flag as Go does', () => {
    expect(() => parseArgs(['up', '-x'])).toThrow(new FlagError('flag provided but not defined: -x'));
    expect(() => parseArgs(['-dir'])).toThrow('flag needs an argument: -dir');
    expect(() => parseArgs(['---dir'])).toThrow('bad flag syntax: ---dir');
    expect(() => parseArgs(['-=x'])).toThrow('bad flag syntax: -=x');
  });

  it('treats -help and --help as a help request', () => {
    try {
      parseArgs(['status', '--help']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FlagError);
      expect((error as FlagError).help).toBe(true);
    }
    expect(parseArgs(['-h']).values.get('h')).toBe(true);
  });

  it('stops at "--" met among positionals, keeping it', () => {
    const p = parseArgs(['create', '--', '-v', 'x']);
    expect(p.args).toEqual(['create', '--', '-v', 'x']);
    expect(p.values.get('v')).toBe(false);
  });

  it('consumes a leading "--" the way Go’s own parse does, then keeps parsing flags (xflag quirk)', () => {
    const p = parseArgs(['--', 'up', '-v']);
    expect(p.args).toEqual(['up']);
    expect(p.values.get('v')).toBe(true);
  });

  it('keeps a lone "-" as a positional', () => {
    expect(parseArgs(['-', 'up']).args).toEqual(['-', 'up']);
  });

  it('prints defaults as Go’s PrintDefaults does', () => {
    const text = formatFlagDefaults();
    expect(text).toContain('  -dir string\n    \tdirectory with migration files, (GOOSE_MIGRATION_DIR env variable supported) (default ".")\n');
    expect(text).toContain('  -v\tenable verbose mode\n');
    expect(text).toContain('  -timeout duration\n    \tmaximum allowed duration for queries to run; e.g., 1h13m\n');
    expect(text).toContain('(default 5m0s)');
    expect(text.indexOf('-allow-drift')).toBeLessThan(text.indexOf('-allow-missing'));
  });
});
