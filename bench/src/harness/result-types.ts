import type { Summary } from '../stats.js';
import type { Mode, Role, Unit } from './types.js';

export interface ContestantStats {
  name: string;
  role: Role;
  mode: Mode;
  status: 'ok' | 'skipped' | 'failed';
  /** The skip reason or the failure message. */
  note?: string;
  runs: number;
  /** In the scenario's unit. */
  value?: Summary;
  seconds?: Summary;
  /** Median seconds over the floor's median seconds: the floor of the same mode when the scenario has one, else the first floor. */
  ratioToFloor?: number;
  /** Which floor `ratioToFloor` divides by. */
  floor?: string;
  phases?: Record<string, Summary>;
  /** Only for gander's contestants that a target applies to: what they are held to. */
  target?: string;
  met?: boolean;
  targetDetail?: string;
  /** Raw seconds of every timed run, for anyone who wants to redo the statistics. */
  samples: number[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  unit: Unit;
  /** Human form of the target, e.g. "≤ 1.15× floor and faster than dbmate". */
  target?: string;
  input: string;
  notes: string[];
  floor?: string;
  contestants: ContestantStats[];
}
