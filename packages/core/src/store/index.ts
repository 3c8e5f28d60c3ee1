export { AUDIT_TABLE_NAME, AuditLog, type AppliedRecord, type AuditContext, type AuditEntry, type AuditEvent, type AuditRow, type LastRun } from './audit-log.js';
export { DEFAULT_TABLE_NAME, parseTableName, siblingTable, type TableName } from './table-name.js';
export { VersionStore, type VersionRow } from './version-store.js';
