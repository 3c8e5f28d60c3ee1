import { formatFlagDefaults } from './args/flags.js';

/** goose v3.26's usage text, with gander's drivers, commands and flags. */
export const USAGE_PREFIX = `Usage: gander [OPTIONS] DRIVER DBSTRING COMMAND

or

Set environment key
GOOSE_DRIVER=DRIVER
GOOSE_DBSTRING=DBSTRING
GOOSE_MIGRATION_DIR=MIGRATION_DIR

Usage: gander [OPTIONS] COMMAND

With neither, gander uses the embedded database in .gander/pglite (PGlite).

Drivers:
    postgres     PostgreSQL (pgx is the same driver)
    pglite       embedded PostgreSQL: DBSTRING is a data directory, or memory://

Examples:
    gander -dir migrations postgres "host=localhost port=5432 user=postgres dbname=postgres sslmode=disable" status
    gander -dir migrations postgres "postgres://user:password@localhost:5432/db?sslmode=require" up
    gander -dir migrations postgres "$POSTGRES_CONNECTION_STRING" up-to 12
    gander -dir migrations pglite ./.gander/pglite up
    gander -dir migrations create add_some_column sql
    gander -dir migrations -s create add_some_column
    gander -dir migrations plan down-to 11

    GOOSE_DRIVER=postgres GOOSE_DBSTRING="user=postgres dbname=postgres sslmode=disable" gander status

Options:
`;

export const USAGE_COMMANDS = `
Commands:
    up                   Migrate the DB to the most recent version available
    up-by-one            Migrate the DB up by 1
    up-to VERSION        Migrate the DB to a specific VERSION
    down                 Roll back the version by 1
    down-to VERSION      Roll back to a specific VERSION
    redo                 Re-run the latest migration
    reset                Roll back all migrations
    status               Dump the migration status for the current DB
    version              Print the current version of the database
    create NAME [sql|ts] Creates new migration file with the current timestamp (default sql; goose's default is go)
    fix                  Apply sequential ordering to migrations
    validate             Check migration files without running them
    lint [PATH...]       Check migrations for risky or non-compliant SQL (default: the -dir folder)
    init                 Create the migrations directory with a first migration
    env                  Print the settings gander resolved (passwords masked)
    plan [OPERATION]     Print the SQL an operation would run and change nothing:
                         up (default), up-by-one, up-to VERSION, down, down-to VERSION, redo, reset
    history [N]          Print the last N (default 20) entries of gander's audit log
    baseline VERSION     Record every migration up to VERSION as applied without running it (-reason why; -force)
    dump                 Print the schema at the current version as one migration file (-out FILE; -pg-dump PATH)
    squash               Replace the files up to -to VERSION with one proven-identical file (-archive DIR; -dry-run)
    tui                  Open the interactive terminal UI (also: gander with no command, on a terminal)
    fleet COMMAND [ARGS] Run up, up-to, down, down-to, status, version, plan or lint on every database of
                         --targets FILE (or --targets-env VAR, --targets-cmd CMD); see the README
`;

export function usageText(): string {
  return `${USAGE_PREFIX}\n${formatFlagDefaults()}${USAGE_COMMANDS}`;
}
