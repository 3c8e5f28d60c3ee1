import { Box, Text } from 'ink';
import type { ErrorInfo } from '../format/error-info.js';
import { errorLines } from '../format/error-lines.js';
import { fit, fitRight, textWidth } from '../format/text.js';
import { listColumns, type ListColumns } from '../layout/columns.js';
import { listWindow } from '../layout/viewport.js';
import type { MigrationRow } from '../state/rows.js';
import { useTheme } from '../theme.js';
import { LinesView } from './lines-view.js';
import { TextLine } from './text-line.js';

export interface MigrationListProps {
  /** Undefined until the first status arrives. */
  rows: readonly MigrationRow[] | undefined;
  selectedIndex: number;
  /** Lines for the rows, below the column titles. */
  height: number;
  width: number;
  filter: string;
  statusError: ErrorInfo | undefined;
}

const NO_TX = ' (no tx)';

/** The name as listed: NO TRANSACTION files say so, and that mark survives a cut name. */
export function displayName(row: MigrationRow, width: number): string {
  if (!row.noTx) return fit(row.name, width);
  return fit(`${fit(row.name, Math.max(1, width - NO_TX.length)).trimEnd()}${NO_TX}`, width);
}

function titles(c: ListColumns): string {
  const base = `${' '.repeat(c.marker)}${fit('VERSION', c.version)} ${fit('NAME', c.name)} ${fit('STATE', c.state)}`;
  return c.appliedAt === 0 ? base : `${base} ${fit('APPLIED AT', c.appliedAt)} ${fit('BY', c.by)}`;
}

function Row({ row, selected, columns }: { row: MigrationRow; selected: boolean; columns: ListColumns }) {
  const theme = useTheme();
  const style = selected ? theme.selected : {};
  const marker = `${selected ? '>' : ' '}${row.current ? '*' : ' '}`;
  const head = `${marker}${fitRight(String(row.version), columns.version)} ${displayName(row, columns.name)} `;
  const tail = columns.appliedAt === 0 ? '' : ` ${fit(row.appliedAt ?? '-', columns.appliedAt)} ${fit(row.by ?? '-', columns.by)}`;
  return (
    <Text wrap="truncate-end">
      <Text {...style}>{head}</Text>
      <Text {...style} {...theme.state(row.state)}>
        {fit(row.state, columns.state)}
      </Text>
      <Text {...style}>{tail}</Text>
    </Text>
  );
}

/**
 * Every migration with version, name, state word, when and by whom it was
 * applied. `>` marks the selection and `*` the current version. Scrolls to
 * keep the selection in view, with a line saying how many rows are hidden
 * above and below; long names are cut, the state never is.
 */
export function MigrationList({ rows, selectedIndex, height, width, filter, statusError }: MigrationListProps) {
  const all = rows ?? [];
  const columns = listColumns(
    width,
    Math.max(0, ...all.map((r) => String(r.version).length)),
    Math.max(0, ...all.map((r) => textWidth(r.name) + (r.noTx ? NO_TX.length : 0))),
    Math.max(0, ...all.map((r) => textWidth(r.by ?? ''))),
  );
  let body;
  if (statusError && !rows) {
    body = <LinesView lines={errorLines(statusError, width)} offset={0} height={height} width={width} />;
  } else if (!rows) {
    body = <TextLine text="reading the migration status…" width={width} tone="muted" />;
  } else if (rows.length === 0) {
    const empty = filter ? `no migration matches "${filter}"` : 'no migration files and no applied versions (h: history, R: re-read)';
    body = <TextLine text={empty} width={width} tone="muted" />;
  } else {
    const view = listWindow(rows.length, selectedIndex, height);
    body = (
      <>
        {view.above !== undefined && <TextLine text={view.above === 0 ? '' : `  ↑ ${view.above} more`} width={width} tone="muted" />}
        {rows.slice(view.offset, view.offset + view.shown).map((row, i) => (
          <Row key={String(row.version)} row={row} selected={view.offset + i === selectedIndex} columns={columns} />
        ))}
        {view.below !== undefined && <TextLine text={view.below === 0 ? '' : `  ↓ ${view.below} more`} width={width} tone="muted" />}
      </>
    );
  }
  return (
    <Box flexDirection="column">
      <TextLine text={titles(columns)} width={width} tone="muted" />
      <Box flexDirection="column" height={height} overflow="hidden">
        {body}
      </Box>
    </Box>
  );
}
