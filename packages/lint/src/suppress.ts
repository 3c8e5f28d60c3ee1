/**
 * `-- gander-lint-ignore rule[, rule] -- reason` on the line before a
 * statement, or `-- gander-lint-ignore-file rule[, rule] -- reason` anywhere
 * in the file. The reason is mandatory: a suppression is a decision someone
 * has to be able to read later.
 */

const MARK = /^\s*--\s*gander-lint-ignore(-file)?\b(.*)$/;

export interface Suppression {
  /** The comment's own line. */
  line: number;
  column: number;
  fileWide: boolean;
  rules: string[];
  reason: string;
  /** For a line suppression: the first line after the comment that is not blank or a comment. */
  target: number;
}

export function readSuppressions(lines: readonly string[]): Suppression[] {
  const found: Suppression[] = [];
  if (!lines.some((l) => l.includes('gander-lint-ignore'))) return found;
  lines.forEach((raw, index) => {
    const match = MARK.exec(raw);
    if (!match) return;
    const rest = match[2]!;
    const split = rest.indexOf('--');
    const rulesText = split === -1 ? rest : rest.slice(0, split);
    const reason = split === -1 ? '' : rest.slice(split + 2).trim();
    const rules = rulesText
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '');
    let target = index + 1;
    while (target < lines.length && /^\s*(--.*)?\r?$/.test(lines[target]!)) target++;
    found.push({ line: index + 1, column: raw.indexOf('--') + 1, fileWide: match[1] !== undefined, rules, reason, target: target + 1 });
  });
  return found;
}
