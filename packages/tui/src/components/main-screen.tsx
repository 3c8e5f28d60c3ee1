import { Box } from 'ink';
import type { Line } from '../format/lines.js';
import { hintsFor } from '../keys/hints.js';
import { regions } from '../layout/regions.js';
import { visibleRows } from '../state/reducer.js';
import { indexOfVersion } from '../state/rows.js';
import type { TuiState } from '../state/types.js';
import { Header } from './header.js';
import { MigrationList } from './migration-list.js';
import { StatusBar } from './status-bar.js';
import { TextLine } from './text-line.js';

/** The line under the list: the filter being typed, the filter in force, or the last notice. */
function noticeLine(state: TuiState, shown: number): Line {
  const total = state.rows?.length ?? 0;
  if (state.screen.kind === 'filter') return { text: `filter: ${state.filter}_  (${shown} of ${total})`, tone: 'accent' };
  if (state.filter !== '') return { text: `filter "${state.filter}": ${shown} of ${total}  (/ to change, esc to clear)`, tone: 'accent' };
  return state.notice ?? { text: '', tone: 'plain' };
}

/** Header, the migration list, a notice line and the key hints. */
export function MainScreen({ state }: { state: TuiState }) {
  const { columns } = state.size;
  const rows = state.rows === undefined ? undefined : visibleRows(state);
  const notice = noticeLine(state, rows?.length ?? 0);
  return (
    <Box flexDirection="column" width={columns} height={regions(state.size).total}>
      <Header target={state.target} currentVersion={state.currentVersion} latestVersion={state.latestVersion} rows={state.rows} width={columns} />
      <MigrationList
        rows={rows}
        selectedIndex={indexOfVersion(rows ?? [], state.selectedVersion)}
        height={regions(state.size).listHeight}
        width={columns}
        filter={state.filter}
        statusError={state.statusError}
      />
      <TextLine text={notice.text} width={columns} tone={notice.tone} />
      <StatusBar hints={hintsFor(state.screen)} width={columns} />
    </Box>
  );
}
