import { parseMigrationFileName } from '@gander/core';
import type { Rule } from './rule.js';

/** DD-012: only migrations in the migrations folder root. */
export const strayFile: Rule = {
  id: 'stray-file',
  defaultLevel: 'warning',
  docs: {
    what: 'A file in the migrations folder root that is neither a migration nor allowed by the config (sub-folders such as testdata/ are fine; `.sql` files are file-name\'s).',
    why: 'DD-012 keeps the root for migrations only: other files there get mistaken for migrations, renamed into them, or shipped with them.',
    fix: "move the file to a sub-folder (e.g. `testdata/`) or out of the migrations folder; list harmless files in the config's `allowFiles` (README.md is allowed by default).",
    bad: 'migrations/\n  001_init.sql\n  notes.txt',
    good: 'migrations/\n  001_init.sql\n  README.md\n  testdata/notes.txt',
  },
  project(project, reportIn) {
    for (const folder of project.folders) {
      for (const entry of folder.entries) {
        // `.sql` files are all read as migrations: a bad name there is file-name's finding.
        if (entry.isDirectory || entry.name.endsWith('.sql') || entry.name.startsWith('.')) continue;
        if (project.allowFiles.includes(entry.name) || parseMigrationFileName(entry.name).ok) continue;
        reportIn(`${folder.path.replace(/[/\\]$/, '')}/${entry.name}`, 'file')({
          line: 1,
          column: 1,
          message: `${entry.name} is in the migrations root but is not a migration`,
          help: 'move it to a sub-folder such as testdata/, or out of the migrations folder',
        });
      }
    }
  },
};
