import type { MigrationSource } from '@gander/core';
import { TestkitError } from '../errors.js';

/**
 * A known, harmless difference a migration is allowed: a catalog or data
 * difference line it matches (a substring, or a RegExp) is reported as
 * accepted, with the reason, instead of failing the check. For differences
 * a real history cannot avoid: column positions after a dropped and re-added
 * column, an extension a Down keeps on purpose, an empty partition.
 */
export interface Acceptance {
  match: string | RegExp;
  reason: string;
}

/** Per migration: its version as written (`'009'`, `'9'`) or its file name. */
export type Acceptances = Readonly<Record<string, readonly Acceptance[]>>;

/** One difference that was accepted, never dropped silently. */
export interface AcceptedDifference {
  file: string;
  line: string;
  reason: string;
}

/** The acceptances that apply to `source`; an empty reason or a key naming no migration is an error. */
export function acceptancesFor(accept: Acceptances | undefined, sources: readonly MigrationSource[], source: MigrationSource): readonly Acceptance[] {
  if (!accept) return [];
  const found: Acceptance[] = [];
  for (const [key, list] of Object.entries(accept)) {
    const target = /^\d+$/.test(key) ? sources.find((s) => s.version === BigInt(key)) : sources.find((s) => s.fileName === key);
    if (!target) throw new TestkitError('E_INVALID_OPTION', `accept names ${key}, which is no migration here`);
    for (const acceptance of list) {
      if (!acceptance.reason.trim()) throw new TestkitError('E_INVALID_OPTION', `accept for ${key}: every acceptance needs a reason`);
    }
    if (target === source) found.push(...list);
  }
  return found;
}

const matches = (line: string, acceptance: Acceptance) =>
  typeof acceptance.match === 'string' ? line.includes(acceptance.match) : acceptance.match.test(line);

/** Split difference lines into those still failing and those accepted (with the first matching reason). */
export function applyAcceptances(
  file: string,
  lines: readonly string[],
  acceptances: readonly Acceptance[],
): { kept: string[]; accepted: AcceptedDifference[] } {
  const kept: string[] = [];
  const accepted: AcceptedDifference[] = [];
  for (const line of lines) {
    const acceptance = acceptances.find((a) => matches(line, a));
    if (acceptance) accepted.push({ file, line, reason: acceptance.reason });
    else kept.push(line);
  }
  return { kept, accepted };
}

/** How an accepted difference reads in a report or a test log. */
export function acceptedLine(difference: AcceptedDifference): string {
  return `${difference.file}: accepted: ${difference.line} (reason: ${difference.reason})`;
}
