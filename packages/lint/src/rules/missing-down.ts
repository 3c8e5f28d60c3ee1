import type { Rule } from './rule.js';

/** DD-012: every Up has a Down. */
export const missingDown: Rule = {
  id: 'missing-down',
  defaultLevel: 'warning',
  docs: {
    what: 'A migration without `-- +goose Down`, or whose Down section has no statement.',
    why: 'goose records the rollback as done and changes nothing: `goose down` then leaves the schema and the version table disagreeing, which is worse than an error.',
    fix: 'write the statements that undo Up, in reverse order; if the change truly cannot be undone, say so in a suppression with the reason.',
    bad: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n',
    good: '-- +goose Up\nALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN IF EXISTS email;\n',
  },
  file(file, report) {
    if (file.version === undefined || !file.fileName.endsWith('.sql')) return;
    if (file.annotations.downLine === undefined) {
      report({
        line: file.annotations.upLine ?? 1,
        column: 1,
        message: 'no `-- +goose Down` section: goose down would record a rollback and change nothing',
        help: 'add `-- +goose Down` with the statements that undo Up, in reverse order',
      });
    } else if (file.down.length === 0) {
      report({
        line: file.annotations.downLine,
        column: 1,
        message: 'the Down section has no statement: goose down would record a rollback and change nothing',
        help: 'write the statements that undo Up, in reverse order',
      });
    }
  },
};
