import { textWidth, truncateMiddle } from '../format/text.js';
import type { MigrationRow } from '../state/rows.js';
import { TextLine } from './text-line.js';

export interface HeaderProps {
  target: string;
  currentVersion: bigint | undefined;
  latestVersion: bigint | undefined;
  rows: readonly MigrationRow[] | undefined;
  width: number;
}

function counts(rows: readonly MigrationRow[]): string {
  const parts: string[] = [];
  for (const state of ['failed', 'pending', 'missing', 'drifted', 'unknown'] as const) {
    const n = rows.filter((r) => r.state === state).length;
    if (n > 0) parts.push(`${n} ${state}`);
  }
  return parts.length === 0 ? 'up to date' : parts.join(', ');
}

/** Where we are: the database target (password masked by core), its version, what is left to do. */
export function Header({ target, currentVersion, latestVersion, rows, width }: HeaderProps) {
  const version = currentVersion === undefined ? 'version …' : `version ${currentVersion} (latest ${latestVersion ?? 0})`;
  const summary = rows ? counts(rows) : 'reading status…';
  const rest = `  ${version}  ${summary}`;
  // The version and what is left to do matter most; a long target gives up its middle first.
  const room = Math.max(16, width - textWidth('gander  ') - textWidth(rest));
  return <TextLine text={`gander  ${truncateMiddle(target, room)}${rest}`} width={width} tone="title" />;
}
