import type { ScenarioResult } from './scenario.js';

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
}

/** The results as a markdown table: value columns in the scenario's unit, plus wall-clock seconds. */
export function markdownTable(results: readonly ScenarioResult[]): string {
  const rows = [
    '| scenario | median | min | max | unit | median s | min s | max s | runs | target | met |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.name} | ${fixed(r.median)} | ${fixed(r.min)} | ${fixed(r.max)} | ${r.unit} | ${fixed(r.seconds.median)} | ${fixed(r.seconds.min)} | ${fixed(r.seconds.max)} | ${r.runs} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`,
    );
  }
  return rows.join('\n');
}
