import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../rules/index.js';
import { renderRulesDoc } from './render-rules.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('rule documentation', () => {
  it('every rule says what, why, how to fix, with a flagged and a quiet example', () => {
    for (const rule of ALL_RULES) {
      for (const part of ['what', 'why', 'fix', 'bad', 'good'] as const) {
        expect(rule.docs[part].trim().length, `${rule.id}: docs.${part}`).toBeGreaterThan(10);
      }
      expect(rule.docs.bad, `${rule.id}: bad and good examples differ`).not.toBe(rule.docs.good);
    }
  });

  it('rule ids are unique', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('docs/rules.md is rendered from the rules as they are now', () => {
    const path = join(packageRoot, 'docs', 'rules.md');
    const rendered = renderRulesDoc(ALL_RULES);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(path, rendered);
    expect(readFileSync(path, 'utf8')).toBe(rendered);
  });

  it('the README lists every rule', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    for (const rule of ALL_RULES) expect(readme, rule.id).toContain(`\`${rule.id}\``);
  });
});
