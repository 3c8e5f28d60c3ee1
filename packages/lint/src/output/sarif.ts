import { ALL_RULES } from '../rules/index.js';
import type { LintReport } from '../types.js';

/** SARIF 2.1.0 (what GitHub code scanning and most CI dashboards read). */
export function formatSarif(report: LintReport, toolVersion: string): string {
  const used = new Set(report.findings.map((f) => f.rule));
  const rules = ALL_RULES.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gander-lint',
            version: toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs.what },
              fullDescription: { text: `${r.docs.what} ${r.docs.why}` },
              help: { text: r.docs.fix },
              defaultConfiguration: { level: r.defaultLevel },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: f.level,
          message: { text: `${f.message}. ${f.help}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/\\/g, '/') },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
