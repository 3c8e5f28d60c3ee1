/**
 * The messages between the UI thread and the PGlite worker. Only the
 * database crosses the thread boundary (open, one statement, close): core's
 * provider stays on the UI thread, the same one for PGlite and PostgreSQL.
 */

export interface OpenRequest {
  id: number;
  op: 'open';
  /** A data directory, or `memory://`. The UI thread holds the directory's lock; the worker never takes it. */
  dataDir: string;
  /** CREATE EXTENSION names and the files that need them (extensionsCreatedBy). */
  extensions: Array<[string, string[]]>;
}

export type Request =
  | OpenRequest
  | { id: number; op: 'query'; sql: string; params: unknown[] | undefined }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'close' };

/** An error as plain data: structured cloning keeps only an Error's message, and core reads PostgreSQL's fields. */
export interface WireError {
  name: string;
  message: string;
  /** GanderError's code and hint, or PostgreSQL's fields (code, position, detail, hint, …). */
  fields: Record<string, unknown>;
  gander: boolean;
}

export type Reply =
  | { id: number; ok: true; rows?: unknown[]; target?: string }
  | { id: number; ok: false; error: WireError };
