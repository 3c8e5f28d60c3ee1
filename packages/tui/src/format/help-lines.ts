import { blank, line, type Line } from './lines.js';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['up/down, j/k', 'move the selection (PgUp/PgDn a page, g/G first/last)'],
  ['enter', "show the selected migration's Up and Down statements"],
  ['u', 'up: apply every pending migration'],
  ['U', 'up-to: apply pending migrations up to the selected one'],
  ['d', 'down: roll back the current version'],
  ['D', 'down-to: roll back every version above the selected one'],
  ['r', 'redo: roll back the current version and apply it again'],
  ['R', 're-read the files and the database (done before every plan too)'],
  ['/', 'filter by name or version (enter keeps it, esc clears it)'],
  ['h', 'history: the audit log, newest first'],
  ['?', 'this help'],
  ['q, ctrl-c', 'quit; during a run: stop after the running migration'],
];

/** The keys, and the promise behind u/U/d/D/r: a plan first, nothing runs without a yes. */
export function helpLines(): Line[] {
  return [
    line('Keys on the migration list', 'title'),
    ...KEYS.map(([key, what]) => line(`  ${key.padEnd(14)} ${what}`)),
    blank,
    line('Every run (u, U, d, D, r) shows its plan first: each migration, its', 'plain'),
    line('direction, transaction mode and statements. Nothing runs until you answer y;', 'plain'),
    line('rolling back more than one version asks you to type the target version;', 'plain'),
    line('running over drifted files asks you to type allow-drift.', 'plain'),
    blank,
    line('q or ctrl-c during a run stops after the running migration (never halfway):', 'plain'),
    line('the screen lists what ran and what did not; gander then exits with status 1.', 'plain'),
    blank,
    line('In a plan, the history or this help: j/k, PgUp/PgDn scroll; esc or q back.', 'muted'),
    line('In the statements, left/right scroll long lines sideways.', 'muted'),
    line('States: applied, pending, missing (older than the newest applied), unknown (in', 'muted'),
    line('the database, no file), drifted (applied, but the file changed since), failed', 'muted'),
    line('(the last attempt failed and was rolled back), partial (a NO TRANSACTION', 'muted'),
    line('migration failed part-way: what ran before the failure stays).', 'muted'),
    line('* marks the current version; (no tx) marks NO TRANSACTION files.', 'muted'),
  ];
}
