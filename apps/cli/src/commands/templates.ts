/**
 * The file templates. The SQL one is goose v3.26.0's, with its StatementBegin/
 * StatementEnd lines; goose v3.27.0 (commit 2277397) dropped those lines, and
 * since gander targets v3.26 it keeps them.
 */
export const SQL_MIGRATION_TEMPLATE = `-- +goose Up
-- +goose StatementBegin
SELECT 'up SQL query';
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
SELECT 'down SQL query';
-- +goose StatementEnd
`;

/** A TypeScript migration (goose's is Go): the functions take what the provider passes, a Queryable. */
export function tsMigrationTemplate(): string {
  return `import type { Queryable } from '@gander/core';

export async function up(db: Queryable): Promise<void> {
  // This code is executed when the migration is applied.
}

export async function down(db: Queryable): Promise<void> {
  // This code is executed when the migration is rolled back.
}
`;
}

/** goose init's first migration (cmd/goose/main.go), with the project's name in it. */
export const INIT_SQL_TEMPLATE = `-- Thank you for giving gander a try!
-- 
-- This file was automatically created running gander init. If you're familiar with goose
-- feel free to remove/rename this file, write some SQL and gander up. Briefly,
-- 
-- gander reads goose's file format: https://pressly.github.io/goose
--
-- A single .sql file holds both Up and Down migrations.
-- 
-- All .sql files are expected to have a -- +goose Up annotation.
-- The -- +goose Down annotation is optional, but recommended, and must come after the Up annotation.
-- 
-- The -- +goose NO TRANSACTION annotation may be added to the top of the file to run statements 
-- outside a transaction. Both Up and Down migrations within this file will be run without a transaction.
-- 
-- More complex statements that have semicolons within them must be annotated with 
-- the -- +goose StatementBegin and -- +goose StatementEnd annotations to be properly recognized.
-- 
-- Try gander plan to see the SQL a command would run before you run it.

-- +goose Up
SELECT 'up SQL query';

-- +goose Down
SELECT 'down SQL query';
`;
