import type { LintFile } from '../model/types.js';
import type { Rule } from './rule.js';

// goose create's timestamp versions (yyyymmddhhmmss) are not sequential by design.
const TIMESTAMP_MIN = 10_000_000_000n;

function versionText(file: LintFile): string {
  return file.fileName.slice(0, file.fileName.indexOf('_'));
}

/** DD-012: zero-padded sequential versions, no gaps, no duplicates. */
export const versionSequence: Rule = {
  id: 'version-sequence',
  defaultLevel: 'warning',
  docs: {
    what: 'Sequential versions with a gap, a duplicate, or a zero padding unlike the other files.',
    why: 'a gap usually means a migration got lost in a merge; a duplicate version stops goose; mixed padding (`2_x.sql` next to `001_y.sql`) sorts wrongly in every file listing and review.',
    fix: 'number migrations 001, 002, 003… with the same width (`gander -s create` does it; `gander fix` renumbers).',
    bad: '001_a.sql\n2_b.sql\n004_c.sql',
    good: '001_a.sql\n002_b.sql\n003_c.sql',
  },
  project(project, reportIn) {
    // Only whole folders: a few files named on the command line always have "gaps".
    const inFolder = (f: LintFile) => project.folders.some((d) => f.path === `${d.path.replace(/[/\\]$/, '')}/${f.fileName}` || f.path === `${d.path}\\${f.fileName}`);
    const sequential = project.files.filter((f) => f.version !== undefined && f.version < TIMESTAMP_MIN && f.fileName.endsWith('.sql') && inFolder(f));
    if (sequential.length === 0) return;
    const widths = new Map<number, number>();
    for (const f of sequential) widths.set(versionText(f).length, (widths.get(versionText(f).length) ?? 0) + 1);
    const usual = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
    const seen = new Map<bigint, LintFile>();
    let previous: LintFile | undefined;
    for (const f of sequential) {
      const report = reportIn(f.path, 'file');
      const text = versionText(f);
      if (text.length !== usual) {
        report({
          line: 1,
          column: 1,
          message: `version ${text} is ${text.length} digits wide; the other migrations use ${usual}`,
          help: `rename to ${f.version!.toString().padStart(usual, '0')}${f.fileName.slice(text.length)}`,
        });
      }
      const twin = seen.get(f.version!);
      if (twin !== undefined) {
        report({ line: 1, column: 1, message: `version ${f.version} is also used by ${twin.fileName}: goose refuses duplicate versions`, help: 'give one of them the next free version' });
      } else if (previous !== undefined && f.version! > previous.version! + 1n) {
        const missing = previous.version! + 1n === f.version! - 1n ? `${previous.version! + 1n}` : `${previous.version! + 1n}…${f.version! - 1n}`;
        report({
          line: 1,
          column: 1,
          message: `versions ${missing} are missing between ${previous.fileName} and ${f.fileName}`,
          help: 'renumber so versions follow each other (gander fix), or restore the lost migration',
        });
      }
      seen.set(f.version!, f);
      previous = f;
    }
  },
};
