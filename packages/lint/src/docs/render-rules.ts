import type { Rule } from '../rules/rule.js';

const fence = (text: string, lang: string) => `\`\`\`${lang}\n${text.replace(/\n$/, '')}\n\`\`\``;
const isSql = (text: string) => text.includes('-- +goose') || /^(CREATE|ALTER|DROP)\b/m.test(text);

/** docs/rules.md: one section per rule, from the rule's own documentation. */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const out: string[] = [
    '# gander lint rules',
    '',
    '<!-- Generated from each rule\'s `docs` (src/rules/*.ts) by src/docs/docs.test.ts: edit the rule, then run',
    '     UPDATE_DOCS=1 pnpm exec vitest run packages/lint/src/docs/docs.test.ts -->',
    '',
    'Every rule also checks the statements a `DO` block\'s PL/pgSQL body runs (written in the body, or `EXECUTE` of a constant string), at their own line: see the README\'s "DO blocks".',
    '',
    '| rule | default | what it finds |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultLevel} | ${r.docs.what.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const r of rules) {
    out.push(
      `## ${r.id}`,
      '',
      `Default level: **${r.defaultLevel}**. ${r.sections === undefined ? '' : `Checked in ${r.sections.map((s) => (s === 'up' ? 'Up' : 'Down')).join(' and ')}. `}Testdata: \`src/rules/testdata/${r.id}/\`.`,
      '',
      `**What.** ${r.docs.what}`,
      '',
      `**Why.** ${r.docs.why}`,
      '',
      `**Fix.** ${r.docs.fix}`,
      '',
      'Flagged:',
      '',
      fence(r.docs.bad, isSql(r.docs.bad) ? 'sql' : 'text'),
      '',
      'Quiet:',
      '',
      fence(r.docs.good, isSql(r.docs.good) ? 'sql' : 'text'),
      '',
    );
  }
  return out.join('\n');
}
