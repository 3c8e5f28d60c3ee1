import type { Database } from '../db/database.js';
import { GanderError } from '../errors.js';
import { advisoryLock, noopLock, type Lock } from '../lock/advisory-lock.js';
import { tableLock } from '../lock/table-lock.js';
import type { MigrationSource } from '../source/index.js';
import { AUDIT_TABLE_NAME, AuditLog } from '../store/audit-log.js';
import { parseTableName, siblingTable } from '../store/table-name.js';
import { VersionStore } from '../store/version-store.js';
import { auditContext } from './audit-context.js';
import { resolveGuard, type ResolvedGuard } from './lock-guard.js';
import { migrationCollector, type MigrationCollector } from './provider-collect.js';
import type { ProviderEvent, ProviderOptions } from './types.js';

/** Everything a provider's parts share, built once from its options. */
export interface ProviderContext {
  readonly options: ProviderOptions;
  readonly db: Database;
  readonly sources: readonly MigrationSource[];
  readonly noVersioning: boolean;
  readonly store: VersionStore;
  /** Absent when the audit log is off (or with noVersioning). */
  readonly audit: AuditLog | undefined;
  readonly lock: Lock;
  /** The lock-timeout guard, validated; absent when off. */
  readonly guard: ResolvedGuard | undefined;
  readonly collector: MigrationCollector;
  readonly listeners: Set<(event: ProviderEvent) => void>;
  emit(event: ProviderEvent): void;
}

function chooseLock(options: ProviderOptions, emit: (event: ProviderEvent) => void): Lock {
  if (options.disableLock) return noopLock();
  const mode = options.lockMode ?? 'advisory';
  if (mode === 'table') {
    return tableLock({
      heartbeatDb: options.db,
      ...options.tableLock,
      timeoutMs: options.lockTimeoutMs,
      pollMs: options.lockPollMs,
      onWait: (holder) => emit({ type: 'lock-wait', holders: [], lockedBy: holder.lockedBy, leaseExpiresAt: holder.leaseExpiresAt }),
    });
  }
  if (mode !== 'advisory') {
    throw new GanderError('E_INVALID_OPTION', `invalid lock mode ${JSON.stringify(mode)}: it is advisory or table`, {
      hint: 'advisory (a session advisory lock, the default) or table (goose_lock, for PgBouncer in transaction mode)',
    });
  }
  return advisoryLock({
    timeoutMs: options.lockTimeoutMs,
    pollMs: options.lockPollMs,
    onWait: (holders) => emit({ type: 'lock-wait', holders }),
  });
}

/** Refuse options that cannot work, before anything touches the database. */
export function validateOptions(options: ProviderOptions): void {
  if (!options.db) throw new GanderError('E_INVALID_OPTION', 'createProvider needs a db (pgDatabase or pgliteDatabase)');
  if ((options.dir === undefined) === (options.sources === undefined)) {
    throw new GanderError('E_INVALID_OPTION', 'createProvider needs exactly one of dir or sources');
  }
}

export function providerContext(options: ProviderOptions, sources: readonly MigrationSource[]): ProviderContext {
  const noVersioning = options.noVersioning ?? false;
  const table = parseTableName(options.table);
  const listeners = new Set<(event: ProviderEvent) => void>();
  if (options.onEvent) listeners.add(options.onEvent);
  const emit = (event: ProviderEvent) => {
    for (const listener of listeners) listener(event);
  };
  const lock = chooseLock(options, emit);
  return {
    options,
    db: options.db,
    sources,
    noVersioning,
    store: new VersionStore(table),
    audit:
      options.auditLog === false || noVersioning
        ? undefined
        : new AuditLog(siblingTable(table, AUDIT_TABLE_NAME), auditContext(options.envLabel)),
    lock,
    guard: resolveGuard(options.lockTimeoutGuard),
    collector: migrationCollector(sources, options.env ?? process.env),
    listeners,
    emit,
  };
}
