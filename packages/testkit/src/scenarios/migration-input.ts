import { collectMigrations, type Database, type MigrationSource, type ProviderOptions } from '@gander/core';
import { TestkitError } from '../errors.js';
import type { SnapshotOptions } from '../catalog/types.js';
import type { Acceptances } from './acceptances.js';

/** The options every scenario takes. */
export interface ScenarioOptions {
  db: Database;
  /** The migrations directory; or give `sources`. */
  dir?: string;
  sources?: readonly MigrationSource[];
  /** More provider options (table, env, allowMissing, …); db, dir and sources come from above. */
  provider?: Omit<ProviderOptions, 'db' | 'dir' | 'sources'>;
  /** Which schemas and tables the catalog snapshots and checksums look at. */
  snapshot?: Pick<SnapshotOptions, 'schemas' | 'excludeTables' | 'comments'>;
  /**
   * Known, harmless differences per migration (`{ '009': [{ match: '~ column public.t.c: position', reason: '…' }] }`):
   * a difference line a `match` (substring or RegExp) fits is reported in `accepted`, with its reason, not failed.
   */
  accept?: Acceptances;
  /** Throw a MigrationScenarioError instead of returning a failed report. */
  throwOnFailure?: boolean;
}

export async function loadSources(options: Pick<ScenarioOptions, 'dir' | 'sources'>): Promise<readonly MigrationSource[]> {
  if ((options.dir === undefined) === (options.sources === undefined)) {
    throw new TestkitError('E_INVALID_OPTION', 'give exactly one of dir or sources');
  }
  if (options.sources) return [...options.sources].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return collectMigrations(options.dir!);
}

/** The version table named in the provider options is left out of snapshots, like the default one. */
export function snapshotOptionsOf(options: Pick<ScenarioOptions, 'snapshot' | 'provider'>): SnapshotOptions {
  const table = options.provider?.table;
  return {
    ...options.snapshot,
    excludeTables: [...(options.snapshot?.excludeTables ?? []), ...(table ? [table] : [])],
  };
}
