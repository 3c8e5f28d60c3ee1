export {
  GOOSE_LOCK_ID,
  advisoryLock,
  describeHolders,
  findLockHolders,
  noopLock,
  type Lock,
  type LockHolder,
  type LockOptions,
} from './advisory-lock.js';
export { GOOSE_LOCK_TABLE, instanceId, tableLock, type TableLockHolder, type TableLockOptions } from './table-lock.js';
