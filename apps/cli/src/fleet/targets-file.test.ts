import { describe, expect, it } from 'vitest';
import { expandEnv } from './expand-env.js';
import { parseTargetList } from './targets-file.js';

describe('parseTargetList', () => {
  it('reads YAML with groups, labels and the line of each target', () => {
    const list = parseTargetList(
      `groups: [canary]
targets:
  - name: a
    dsn: postgres://app:\${PW}@h/a
    group: canary
    labels: { region: eu, tier: 1 }
  - name: b
    dsnEnv: B_DSN
`,
      'fleet.yaml',
    );
    expect(list).toEqual({
      groups: ['canary'],
      targets: [
        { name: 'a', dsn: 'postgres://app:${PW}@h/a', group: 'canary', labels: { region: 'eu', tier: '1' }, origin: 'fleet.yaml:3' },
        { name: 'b', dsnEnv: 'B_DSN', labels: {}, origin: 'fleet.yaml:7' },
      ],
    });
  });

  it('reads a plain JSON list', () => {
    expect(parseTargetList('[{"name":"a","dsn":"host=h dbname=a"}]', '$T').targets).toEqual([
      { name: 'a', dsn: 'host=h dbname=a', labels: {}, origin: '$T:1' },
    ]);
  });

  it.each([
    ['- name: a\n  dsn: x\n- name: a\n  dsn: y\n', 'f.yaml:3: the name "a" is already used at f.yaml:1'],
    ['- name: a\n  dsn: x\n  dsnEnv: Y\n', 'f.yaml:1: a: give exactly one of dsn or dsnEnv'],
    ['- name: a\n  dns: x\n', 'f.yaml:1: unknown key "dns"'],
    ['- dsn: x\n', 'f.yaml:1: the target has no name'],
    ['targets: {a: 1}\n', 'f.yaml:1: expected a list of targets'],
    ['- name: a\n  dsn: x\n  dsn: y\n', 'f.yaml:3: not valid JSON or YAML: Map keys must be unique'],
    ['tragets: []\n', 'f.yaml:1: unknown key "tragets"'],
  ])('refuses %j with file:line', (input, message) => {
    expect(() => parseTargetList(input, 'f.yaml')).toThrow(message);
  });
});

describe('expandEnv', () => {
  it('replaces ${VAR} and reports each unset one once; a bare $ stays', () => {
    expect(expandEnv('postgres://u:${PW}@${HOST}/d?x=$y', { PW: 'p$w', HOST: 'h' })).toEqual({ text: 'postgres://u:p$w@h/d?x=$y', missing: [] });
    expect(expandEnv('${A}${B}${A}', { B: '' })).toEqual({ text: '', missing: ['A', 'B'] });
  });
});
