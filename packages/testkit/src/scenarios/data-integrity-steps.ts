import type { Provider } from '@gander/core';
import { compareChecksums, type TableDifference } from '../data/compare-checksums.js';
import { tableChecksums, type TableChecksumOptions } from '../data/table-checksums.js';
import { toStepError } from './failure-text.js';
import type { ScenarioStepError } from './scenario-report.js';

export interface DataIntegrityStep {
  version: bigint;
  file: string;
  upMs: number | undefined;
  downMs: number | undefined;
  /** Tables whose rows differ after this migration's up and down. */
  changed: TableDifference[];
  error?: ScenarioStepError;
}

/** Apply the next migration without checking it (`stepwise: false`). */
export async function applyOnly(provider: Provider, file: string): Promise<DataIntegrityStep> {
  const up = await provider.upByOne();
  const result = up.results[0];
  return {
    version: result?.version ?? 0n,
    file,
    upMs: result?.durationMs,
    downMs: undefined,
    changed: [],
    ...(up.error ? { error: { ...toStepError(up.error), message: `up failed: ${up.error.message}` } } : {}),
  };
}

/** Up, down (the data of every table must be as before), up again: pins a data loss on one file. */
export async function roundTripData(
  provider: Provider,
  source: { version: bigint; fileName: string },
  checksumOptions: TableChecksumOptions,
): Promise<DataIntegrityStep> {
  const step: DataIntegrityStep = { version: source.version, file: source.fileName, upMs: undefined, downMs: undefined, changed: [] };
  const before = await tableChecksums(provider.db, checksumOptions);
  const up = await provider.upByOne();
  step.upMs = up.results[0]?.durationMs;
  if (up.error) return { ...step, error: { ...toStepError(up.error), message: `up failed: ${up.error.message}` } };
  const down = await provider.down();
  step.downMs = down.results[0]?.durationMs;
  if (down.error) return { ...step, error: { ...toStepError(down.error), message: `down failed: ${down.error.message}` } };
  step.changed = compareChecksums(before, await tableChecksums(provider.db, { ...checksumOptions, tables: before.map((t) => t.table) }));
  const again = await provider.upByOne();
  if (again.error) return { ...step, error: { ...toStepError(again.error), message: `up after down failed: ${again.error.message}` } };
  return step;
}
