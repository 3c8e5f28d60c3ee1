import type { Rule } from './rule.js';

/** Reported in database mode: the file's checksum is not the one recorded when it was applied. */
export const drift: Rule = {
  id: 'drift',
  defaultLevel: 'error',
  docs: {
    what: '(database mode) A migration that was already applied, whose file changed since (its checksum differs from the one gander recorded).',
    why: "goose never runs an applied file again: the edit reaches no database that already has the version, so the schema now differs between environments depending on when each one migrated (DD-012: never edit an applied migration).",
    fix: 'restore the file as it was applied (git), and put the change in a new migration.',
    bad: '(applied as)  ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n(file now)    ALTER TABLE users ADD COLUMN IF NOT EXISTS email citext;',
    good: '(file kept as applied; new migration)  ALTER TABLE users ALTER COLUMN email TYPE citext;',
  },
};
