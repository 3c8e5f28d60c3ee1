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
  for (const state of ['pending', 'failed', 'partial', 'missing', 'drifted', 'unknown'] as const) {
    const n = rows.filter((r) => r.state === state).length;
    if (n > 0) parts.push(`${n} ${state}`);
  }
  return parts.length === 0 ? 'up to date' : parts.join(', ');
}

/**
 * Where we are: the database target (password masked by core), its version,
 * what is left to do. On a narrow terminal the target gives up its middle,
 * then its place; the version and the counts stay.
 */
export function Header({ target, currentVersion, latestVersion, rows, width }: HeaderProps) {
  const summary = rows ? counts(rows) : 'reading status…';
  const version = currentVersion === undefined ? 'version …' : `version ${currentVersion} (latest ${latestVersion ?? 0})`;
  const rest = `  ${version}  ${summary}`;
  const room = width - textWidth('gander  ') - textWidth(rest);
  let text: string;
  if (room >= 16) text = `gander  ${truncateMiddle(target, room)}${rest}`;
  else if (textWidth(`gander${rest}`) <= width) text = `gander${rest}`;
  else text = `${currentVersion === undefined ? 'v…' : `v${currentVersion}/${latestVersion ?? 0}`}  ${summary}`;
  return <TextLine text={text} width={width} tone="title" />;
}
