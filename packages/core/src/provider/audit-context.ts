import { hostname, userInfo } from 'node:os';
import type { AuditContext } from '../store/audit-log.js';
import { GANDER_VERSION } from '../version.js';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to what the shell says.
    return process.env.USER ?? process.env.LOGNAME ?? String(process.getuid?.() ?? 'unknown');
  }
}

export function auditContext(envLabel: string | undefined): AuditContext {
  return {
    osUser: osUser(),
    host: hostname(),
    ganderVersion: GANDER_VERSION,
    envLabel: envLabel ?? (process.env.GANDER_ENV || undefined),
  };
}
