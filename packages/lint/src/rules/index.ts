import { addingRequiredColumn } from './adding-required-column.js';
import { addingVolatileDefault } from './adding-volatile-default.js';
import { gooseParse, invalidSuppression, syntaxError } from './builtin.js';
import { changingColumnType } from './changing-column-type.js';
import { constraintNotValid } from './constraint-not-valid.js';
import { downOrder } from './down-order.js';
import { drift } from './drift.js';
import { dropping } from './dropping.js';
import { fileName } from './file-name.js';
import { lockTimeout } from './lock-timeout.js';
import { missingDown } from './missing-down.js';
import { noTransactionRerun } from './no-transaction-rerun.js';
import { nonTransactionalStatement } from './non-transactional-statement.js';
import { preferIfExists } from './prefer-if-exists.js';
import { preferIfNotExists } from './prefer-if-not-exists.js';
import { reindexConcurrently } from './reindex-concurrently.js';
import { renaming } from './renaming.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import type { Rule } from './rule.js';
import { settingNotNull } from './setting-not-null.js';
import { strayFile } from './stray-file.js';
import { uniqueConstraintInPlace } from './unique-constraint-in-place.js';
import { unwrappedBody } from './unwrapped-body.js';
import { vacuumFullCluster } from './vacuum-full-cluster.js';
import { versionSequence } from './version-sequence.js';

/** Every rule, in the order the docs list them: goose and DD-012 first, then locks and rewrites. */
export const ALL_RULES: readonly Rule[] = [
  gooseParse,
  syntaxError,
  invalidSuppression,
  fileName,
  versionSequence,
  strayFile,
  missingDown,
  preferIfNotExists,
  preferIfExists,
  unwrappedBody,
  nonTransactionalStatement,
  noTransactionRerun,
  downOrder,
  drift,
  requireConcurrentIndexCreation,
  requireConcurrentIndexDeletion,
  addingVolatileDefault,
  settingNotNull,
  addingRequiredColumn,
  changingColumnType,
  renaming,
  constraintNotValid,
  uniqueConstraintInPlace,
  dropping,
  vacuumFullCluster,
  reindexConcurrently,
  lockTimeout,
];

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);
