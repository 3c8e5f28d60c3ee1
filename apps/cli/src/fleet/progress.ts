import type { FleetEvent, FleetTargetResult } from '@gander/core';
import type { TextSink } from '../io.js';
import type { Palette } from '../output/colors.js';
import { formatMigrationDuration } from '../output/duration.js';
import type { Logger } from '../output/logger.js';

function doneLine(r: FleetTargetResult, colors: Palette): string {
  const took = formatMigrationDuration(r.durationMs);
  if (r.status === 'ok') {
    const move = r.fromVersion === r.toVersion ? `at ${r.toVersion ?? '-'}` : `${r.fromVersion ?? '-'} -> ${r.toVersion ?? '-'}`;
    return `${colors.green('ok')}      ${r.name}  ${move} (${r.applied.length} applied, ${took})`;
  }
  if (r.status === 'skipped') return `${colors.gray('not run')} ${r.name}  ${r.skippedBecause ?? ''}`;
  return `${colors.red('FAILED')}  ${r.name}  ${r.error?.code ?? ''}: ${(r.error?.message ?? '').split('\n')[0]}`;
}

export interface FleetProgress {
  onEvent(event: FleetEvent): void;
  /** Clear the live lines (a terminal) before the table is printed. */
  finish(): void;
}

/** Not a terminal (CI logs, pipes): one log line per finished database and per group. */
export function lineProgress(log: Logger, colors: Palette): FleetProgress {
  const skippedGroups = new Set<string>();
  return {
    onEvent(event) {
      switch (event.type) {
        case 'group-start':
          log.print(`fleet: group ${event.group}: ${event.targets} target${event.targets === 1 ? '' : 's'}`);
          break;
        case 'group-skipped':
          skippedGroups.add(event.group);
          log.print(`fleet: group ${event.group}: ${event.because}`);
          break;
        case 'target-done':
          if (!(event.result.status === 'skipped' && skippedGroups.has(event.result.group))) log.print(`fleet: ${doneLine(event.result, colors)}`);
          break;
        default:
          break;
      }
    },
    finish() {},
  };
}

/**
 * On a terminal: finished databases scroll by above a live block with one
 * line per running database (what it is applying) and a summary line,
 * redrawn in place.
 */
export function terminalProgress(sink: TextSink, colors: Palette, task: string, total: number): FleetProgress {
  const running = new Map<string, string>();
  const counts = { ok: 0, failed: 0, skipped: 0 };
  let drawn = 0;
  const clear = () => (drawn > 0 ? `\x1b[${drawn}F\x1b[J` : '');
  const block = () => {
    const lines = [...running.entries()].map(([name, doing]) => `  ${colors.gray('…')} ${name}  ${doing}`);
    const done = counts.ok + counts.failed + counts.skipped;
    lines.push(
      `fleet ${task}: ${done}/${total} done · ${counts.ok} ok · ${counts.failed} failed · ${counts.skipped} not run · ${running.size} running`,
    );
    drawn = lines.length;
    return `${lines.join('\n')}\n`;
  };
  const redraw = (above = '') => sink.write(`${clear()}${above}${block()}`);
  return {
    onEvent(event) {
      switch (event.type) {
        case 'target-start':
          running.set(event.target.name, 'connecting');
          redraw();
          break;
        case 'target-event':
          if (event.event.type === 'migration-start') {
            running.set(event.target.name, `${event.event.direction} ${event.event.file}`);
            redraw();
          } else if (event.event.type === 'lock-wait') {
            running.set(event.target.name, 'waiting for the migration lock');
            redraw();
          }
          break;
        case 'target-done':
          running.delete(event.result.name);
          counts[event.result.status]++;
          redraw(`${doneLine(event.result, colors)}\n`);
          break;
        case 'group-skipped':
          redraw(`group ${event.group}: ${event.because}\n`);
          break;
        default:
          break;
      }
    },
    finish() {
      sink.write(clear());
      drawn = 0;
    },
  };
}
