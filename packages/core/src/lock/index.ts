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
