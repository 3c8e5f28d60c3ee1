import type { ContestantStats, ScenarioResult } from '../harness/result-types.js';
import type { MachineInfo } from './machine.js';

function fixed(value: number): string {
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toFixed(3);
}

function load(values: readonly number[]): string {
  return values.map((l) => l.toFixed(1)).join(' / ');
}

function verdict(c: ContestantStats): string {
  if (c.met === undefined) return c.role === 'gander' && c.targetDetail ? `– (${c.targetDetail})` : '';
  return c.met ? `met${c.targetDetail ? ` (${c.targetDetail})` : ''}` : `**missed**${c.targetDetail ? ` (${c.targetDetail})` : ''}`;
}

function row(r: ScenarioResult, c: ContestantStats, floors: number): string {
  const label = `${c.role === 'floor' ? '_floor_: ' : c.role === 'reference' ? '_reference_: ' : ''}${c.name}`;
  if (c.status !== 'ok' || !c.value) {
    return `| ${r.id} | ${label} | ${c.mode} | ${c.status}: ${c.note ?? ''} | | | | | | |`;
  }
  const ratio = c.ratioToFloor === undefined ? '' : `${c.ratioToFloor.toFixed(2)}×${floors > 1 && c.role !== 'floor' ? ` ${c.floor}` : ''}`;
  const target = c.target ?? '';
  return `| ${r.id} | ${label} | ${c.mode} | ${fixed(c.value.median)} | ${fixed(c.value.min)} | ${fixed(c.value.max)} | ${r.unit} | ${ratio} | ${target} | ${verdict(c)} |`;
}

function phaseLine(c: ContestantStats): string | undefined {
  if (!c.phases || Object.keys(c.phases).length < 2) return undefined;
  const parts = Object.entries(c.phases).map(([name, s]) => `${name} ${fixed(s.median)} s`);
  return `  - ${c.name}: ${parts.join(', ')} (medians)`;
}

/** One table for every scenario and contestant, then each scenario's input, phases and notes. */
export function markdownReport(results: readonly ScenarioResult[], machine: MachineInfo, runs: number, warmups: number): string {
  const lines = [
    `# gander bench: ${machine.date}`,
    '',
    `${machine.model} × ${machine.cpus} CPUs, load average (1/5/15 min) ${load(machine.loadAverage.start)} at start and ${load(machine.loadAverage.end)} at the end, Node ${machine.node}, ${machine.postgres}. ${runs} timed runs per contestant (${warmups} warm-up), interleaved. ${Object.entries(machine.tools).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    '',
    '| scenario | contestant | mode | median | min | max | unit | × floor | target | met |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: | --- | --- |',
    ...results.flatMap((r) => {
      const floors = r.contestants.filter((c) => c.role === 'floor' && c.status === 'ok').length;
      return r.contestants.map((c) => row(r, c, floors));
    }),
    '',
  ];
  for (const r of results) {
    lines.push(`**${r.id}**: ${r.title}. ${r.input}.`);
    for (const c of r.contestants) {
      const phases = phaseLine(c);
      if (phases) lines.push(phases);
    }
    for (const note of r.notes) lines.push(`  - ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
