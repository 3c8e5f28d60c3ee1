import type { Rule } from './rule.js';

/** Reported by the engine itself: goose's parser rejected the file. */
export const gooseParse: Rule = {
  id: 'goose-parse',
  defaultLevel: 'error',
  docs: {
    what: "goose's own parser rejects the file (annotations, StatementBegin/End, a statement without `;`).",
    why: 'goose stops at this file: no migration after it runs, in CI or in production.',
    fix: 'follow the hint: usually a missing `-- +goose Up`, an unclosed StatementBegin, or a last statement without `;`.',
    bad: '-- +goose Up\nCREATE TABLE t (id int)\n',
    good: '-- +goose Up\nCREATE TABLE t (id int);\n',
  },
};

/** Reported by the engine itself: PostgreSQL's grammar rejected a statement. */
export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultLevel: 'error',
  sections: ['up', 'down'],
  docs: {
    what: "PostgreSQL's own grammar (libpg_query) rejects a statement, at the position PostgreSQL would name.",
    why: 'goose sends the statement as written; the migration fails there, halfway through when the file runs without a transaction.',
    fix: 'correct the SQL at the line and column shown.',
    bad: '-- +goose Up\nCREATE TABLE t (id int,);\n',
    good: '-- +goose Up\nCREATE TABLE t (id int);\n',
  },
};

/** Reported by the engine itself: a suppression comment without a reason or with an unknown rule. */
export const invalidSuppression: Rule = {
  id: 'invalid-suppression',
  defaultLevel: 'error',
  docs: {
    what: '`-- gander-lint-ignore` without a reason after a second `--`, naming no rule, or naming a rule that does not exist.',
    why: 'a silenced finding is a decision; without the reason nobody can later tell a considered risk from a muted one.',
    fix: 'write `-- gander-lint-ignore <rule>[, <rule>] -- <reason>` on the line before the statement, or `-- gander-lint-ignore-file <rule> -- <reason>` for the whole file.',
    bad: '-- +goose Up\n-- gander-lint-ignore renaming\nALTER TABLE users RENAME COLUMN name TO full_name;\n',
    good: '-- +goose Up\n-- gander-lint-ignore renaming -- no code reads users.name since release 4.2\nALTER TABLE users RENAME COLUMN name TO full_name;\n',
  },
};
