import { Box, Text } from 'ink';
import type { ErrorInfo } from '../format/error-info.js';
import { errorLines } from '../format/error-lines.js';
import { fit, fitRight } from '../format/text.js';
import { listColumns, type ListColumns } from '../layout/columns.js';
import { listOffset } from '../layout/viewport.js';
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

function titles(c: ListColumns): string {
  const base = `${' '.repeat(c.marker)}${fit('VERSION', c.version)} ${fit('NAME', c.name)} ${fit('STATE', c.state)}`;
  return c.appliedAt === 0 ? base : `${base} ${fit('APPLIED AT', c.appliedAt)} ${fit('BY', c.by)}`;
}

function Row({ row, selected, columns }: { row: MigrationRow; selected: boolean; columns: ListColumns }) {
  const theme = useTheme();
  const style = selected ? theme.selected : {};
  const head = `${selected ? '> ' : '  '}${fitRight(String(row.version), columns.version)} ${fit(row.name, columns.name)} `;
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
 * applied. Scrolls to keep the selection in view; long names are cut.
 */
export function MigrationList({ rows, selectedIndex, height, width, filter, statusError }: MigrationListProps) {
  const columns = listColumns(width, Math.max(0, ...(rows ?? []).map((r) => String(r.version).length)));
  let body;
  if (statusError && !rows) {
    body = <LinesView lines={errorLines(statusError, width)} offset={0} height={height} width={width} />;
  } else if (!rows) {
    body = <TextLine text="reading the migration status…" width={width} tone="muted" />;
  } else if (rows.length === 0) {
    body = <TextLine text={filter ? `no migration matches "${filter}"` : 'no migrations'} width={width} tone="muted" />;
  } else {
    const offset = listOffset(rows.length, selectedIndex, height);
    body = rows
      .slice(offset, offset + height)
      .map((row, i) => <Row key={String(row.version)} row={row} selected={offset + i === selectedIndex} columns={columns} />);
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
