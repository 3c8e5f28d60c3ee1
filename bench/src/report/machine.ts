import { cpus, loadavg } from 'node:os';
import { toolVersions } from './tool-versions.js';

export interface MachineInfo {
  date: string;
  cpus: number;
  model: string;
  node: string;
  postgres: string;
  /** 1, 5 and 15 minute load averages when the bench started and ended: numbers from a busy machine say so. */
  loadAverage: { start: number[]; end: number[] };
  /** Versions of the peers and drivers measured. */
  tools: Record<string, string>;
}

export function machineInfo(postgres: string, startedAt: Date, loadAtStart: number[]): MachineInfo {
  const list = cpus();
  return {
    date: startedAt.toISOString(),
    cpus: list.length,
    model: list[0]?.model ?? 'unknown',
    node: process.version,
    postgres,
    loadAverage: { start: loadAtStart, end: loadavg() },
    tools: toolVersions(),
  };
}
