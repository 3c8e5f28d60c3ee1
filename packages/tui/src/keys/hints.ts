import type { Screen } from '../state/types.js';

/** The key hints for the bottom line of each screen; they must fit 80 columns. */
export function hintsFor(screen: Screen): string {
  switch (screen.kind) {
    case 'list':
      return 'j/k move  enter sql  u/U up  d/D down  r redo  / filter  h hist  ? help  q quit';
    case 'filter':
      return 'type to filter by name or version  enter keep  esc clear';
    case 'loading':
      return 'esc cancel';
    case 'plan':
      if (screen.plan.steps.length === 0) return 'any key: back to the list';
      return screen.confirm.kind === 'typed'
        ? 'type the target version  enter confirm  esc cancel  up/down scroll'
        : 'y run  n/enter/esc cancel  j/k PgUp/PgDn scroll';
    case 'running':
      return 'running  q quits when the running migration is done';
    case 'result':
      return 'j/k scroll  any other key: back to the list';
    case 'statements':
    case 'history':
    case 'help':
    case 'message':
      return 'j/k PgUp/PgDn scroll  esc/q back';
  }
}
