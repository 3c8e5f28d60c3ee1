import type { Screen } from '../state/types.js';

/**
 * The key hints for the bottom line of each screen, most useful first. The
 * last `keep` hints (help and quit on the list, the way back elsewhere) are
 * never dropped: a narrow terminal drops hints from the middle instead.
 */
export interface Hints {
  parts: string[];
  keep: number;
}

export function hintsFor(screen: Screen): Hints {
  switch (screen.kind) {
    case 'list':
      return { parts: ['j/k move', 'enter sql', 'u/U up', 'd/D down', 'r redo', 'R reread', '/ filter', 'h hist', '? help', 'q quit'], keep: 2 };
    case 'filter':
      return { parts: ['type to filter by name or version', 'enter keep', 'esc clear'], keep: 2 };
    case 'loading':
      return { parts: ['esc cancel'], keep: 1 };
    case 'plan':
      if (screen.plan.steps.length === 0) return { parts: ['any key: back to the list'], keep: 1 };
      return screen.confirm.kind === 'typed'
        ? { parts: ['up/down scroll', `type ${screen.confirm.target}`, 'enter confirm', 'esc cancel'], keep: 2 }
        : { parts: ['j/k PgUp/PgDn scroll', 'y run', 'n/esc cancel'], keep: 2 };
    case 'running':
      return { parts: ['q/ctrl-c: stop after the running migration'], keep: 1 };
    case 'result':
      return { parts: ['j/k scroll', 'any other key: back'], keep: 1 };
    case 'statements':
      return { parts: ['j/k PgUp/PgDn scroll', 'left/right', 'esc/q back'], keep: 1 };
    case 'history':
    case 'help':
    case 'message':
      return { parts: ['j/k PgUp/PgDn scroll', 'esc/q back'], keep: 1 };
  }
}

const GAP = '  ';

/** The hints that fit `width`: the kept ones always, then as many of the others, in order, as there is room for. */
export function fitHints(hints: Hints, width: number): string {
  const kept = hints.parts.slice(hints.parts.length - hints.keep);
  const optional = hints.parts.slice(0, hints.parts.length - hints.keep);
  const chosen: string[] = [];
  let used = kept.join(GAP).length;
  for (const part of optional) {
    if (used + GAP.length + part.length > width) break;
    chosen.push(part);
    used += GAP.length + part.length;
  }
  return [...chosen, ...kept].join(GAP);
}
