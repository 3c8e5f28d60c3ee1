import { GanderMigrationError, isGanderError } from '@gander/core';
import type { ScenarioStepError } from './scenario-report.js';

export function toStepError(error: unknown): ScenarioStepError {
  if (isGanderError(error)) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { code: 'E_UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

/** The SQLSTATE of a failed statement, when the error came from the server. */
export function sqlStateOf(error: unknown): string | undefined {
  return error instanceof GanderMigrationError ? error.failure.sqlState : undefined;
}

const IDEMPOTENCY_HINTS: Readonly<Record<string, string>> = {
  '42P07': 'use CREATE TABLE / INDEX / SEQUENCE … IF NOT EXISTS, or CREATE OR REPLACE VIEW',
  '42701': 'use ALTER TABLE … ADD COLUMN IF NOT EXISTS',
  '42710': 'use IF NOT EXISTS or CREATE OR REPLACE (triggers, extensions), or a DO block that checks the catalog first',
  '42723': 'use CREATE OR REPLACE FUNCTION',
  '42P06': 'use CREATE SCHEMA IF NOT EXISTS',
  '23505': 'make the INSERT repeatable: INSERT … ON CONFLICT DO NOTHING',
  '42703': 'a rename or a column change runs once: guard it in a DO block that checks pg_attribute first',
  '42704': 'use DROP … IF EXISTS',
  '42P01': 'use IF EXISTS, or guard the statement in a DO block',
};

/** What to do about a statement that fails when it runs a second time (DD-012: Up uses IF NOT EXISTS). */
export function idempotencyHint(error: unknown): string {
  const state = sqlStateOf(error);
  const specific = state ? IDEMPOTENCY_HINTS[state] : undefined;
  return specific ?? 'every Up statement must be safe to run twice (IF NOT EXISTS, CREATE OR REPLACE, guarded DO blocks)';
}

export function bulletList(lines: readonly string[], limit = 40): string {
  const shown = lines.slice(0, limit);
  const more = lines.length > limit ? [`… and ${lines.length - limit} more`] : [];
  return [...shown, ...more].join('\n');
}
