/**
 * What may differ between two runs of the same command and still count as the
 * same output: log timestamps, durations, applied-at times, temp paths, the
 * twin databases' names, `create`'s timestamps, and the program name in usage
 * (the whole usage text: each tool lists its own drivers and commands). Nothing else is rewritten.
 */
export interface Normalisation {
  /** Literal strings to replace, e.g. the project path or a database name. */
  replace: ReadonlyArray<readonly [string, string]>;
}

const LOG_STAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /;
const DURATION = /\((\d+(\.\d+)?(ns|µs|us|ms|s|m|h))+\)/g;
const ANSIC = /[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}/g;
const CREATE_STAMP = /\b\d{14}_/g;

/** Replace a usage block (from `Usage:` through its command list) by `<usage>`. */
function collapseUsage(lines: string[]): string[] {
  const start = lines.findIndex((l) => /^Usage: (goose|gander) \[OPTIONS\]/.test(l));
  if (start < 0) return lines;
  const commands = lines.findIndex((l, i) => i > start && l === 'Commands:');
  let end = commands < 0 ? lines.length : commands + 1;
  while (end < lines.length && (lines[end] === '' || lines[end]!.startsWith(' '))) end++;
  return [...lines.slice(0, start), '<usage>', ...lines.slice(end)];
}

export function normaliseOutput(text: string, n: Normalisation): string[] {
  let t = text;
  for (const [from, to] of n.replace) t = t.split(from).join(to);
  const lines = t
    .split('\n')
    .map((l) => l.replace(LOG_STAMP, '').replace(/ must be of form: gander /, ' must be of form: goose ').replace(DURATION, '(DURATION)').replace(ANSIC, '<time>').replace(CREATE_STAMP, '<timestamp>_'));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return collapseUsage(lines);
}

/**
 * gander's error lines are followed by a hint and the location (a deliberate
 * addition, README "Deliberate differences"); they are compared without them.
 */
export function withoutGanderErrorDetail(lines: readonly string[]): string[] {
  let inStatement = false;
  return lines.filter((l) => {
    // -v's `    statement:` is followed by the whole statement, indented by six spaces.
    if (l === '    statement:') {
      inStatement = true;
      return false;
    }
    if (inStatement && l.startsWith('      ')) return false;
    inStatement = false;
    return !/^ {4}(hint|at|detail|sqlstate|statement|cause): /.test(l) && !/^ {4,}>? *\d+ \| /.test(l);
  });
}
