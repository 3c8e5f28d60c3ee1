/** What every scenario report has. */
export interface ScenarioReport {
  scenario: 'verifyMigrations' | 'verifyDataIntegrity' | 'verifyIdempotentSql';
  /** True when `failures` is empty. */
  ok: boolean;
  /** The database it ran on, password masked (Database.target). */
  database: string;
  /**
   * One entry per problem, each starting with the migration file it is about;
   * continuation lines (the catalog diff, a hint) follow after a newline.
   */
  failures: string[];
  durationMs: number;
}

/** A migration failed to run: the error as the provider reported it. */
export interface ScenarioStepError {
  code: string;
  message: string;
  hint?: string;
}
