/**
 * The small surface the provider needs from a database. Two adapters implement
 * it: node-postgres (`pg`) and PGlite. Anything else (a pool wrapper, a proxy)
 * can too.
 */
export interface QueryResult<Row> {
  rows: Row[];
}

export interface Queryable {
  /** One statement with `$1…` parameters (extended protocol). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /**
   * Migration SQL as written: no parameters, simple query protocol, so a
   * statement may hold several commands the way goose sends them.
   */
  exec(sql: string): Promise<void>;
}

/** One dedicated connection: the advisory lock and the migrations share it. */
export interface Session extends Queryable {
  release(): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Where this database is, for humans: never contains a password. */
  readonly target: string;
  session(): Promise<Session>;
  /** Closes what the adapter opened; a pool or client passed in by the caller is left open. */
  close(): Promise<void>;
}
