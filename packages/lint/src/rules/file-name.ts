import type { Rule } from './rule.js';

/** DD-012: `{version}_{description}.sql`, underscores, never dashes. */
export const fileName: Rule = {
  id: 'file-name',
  defaultLevel: 'error',
  docs: {
    what: 'A `.sql` file in the migrations folder whose name has no version before the first `_` (goose refuses the folder), or a migration name with dashes instead of underscores.',
    why: 'goose refuses the whole folder when one `.sql` file has no version (`99-init.sql`); dashes in the description work but break the team convention (DD-012) that tools and reviewers rely on.',
    fix: 'rename to `{version}_{description}.sql` with underscores only, e.g. `013_add_user_email.sql` (`gander fix` renumbers).',
    bad: '99-init-vector.sql\n013_add-user-email.sql',
    good: '099_init_vector.sql\n013_add_user_email.sql',
  },
  file(file, report) {
    const name = file.fileName;
    if (file.version === undefined) {
      report({
        line: 1,
        column: 1,
        message: `${name} is not a migration name: goose needs {version}_{description}.sql and will refuse the folder`,
        help: name.includes('-') ? `use underscores: ${name.replace(/-/g, '_')}` : 'start the name with a version and `_`, e.g. 013_description.sql',
      });
      return;
    }
    if (name.includes('-')) {
      report({
        line: 1,
        column: 1,
        message: `${name} uses dashes; DD-012 names migrations with underscores only`,
        help: `rename to ${name.replace(/-/g, '_')}`,
      });
    }
  },
};
