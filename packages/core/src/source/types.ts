/** `go`: one of goose's Go migrations, listed (as goose lists it) but never run. */
export type MigrationKind = 'sql' | 'ts' | 'js' | 'go';

/** One migration file, named `{version}_{description}.{sql|ts|js}`. */
export interface MigrationSource {
  /** int64 like goose's; bigint because timestamps and large versions exceed 2^53. */
  version: bigint;
  /** Base name, e.g. `00001_create_users.sql`. */
  fileName: string;
  /** The directory joined with the file name; for in-memory sources, the name as given. */
  path: string;
  kind: MigrationKind;
  /** Text after the first `_`, without the extension, e.g. `create_users`. */
  description: string;
  /** The file's text, decoded as UTF-8 (a BOM is kept: the parser reports it). */
  content: string;
  /** SHA-256 of the file's bytes, lowercase hex. */
  checksum: string;
}
