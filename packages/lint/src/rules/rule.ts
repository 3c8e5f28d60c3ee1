import type { GooseStatement, LintFile, PlacedStatement } from '../model/types.js';
import type { Level, Section } from '../types.js';

/** A rule's documentation: rendered into docs/rules.md and the README. */
export interface RuleDocs {
  /** One line: what the rule finds. */
  what: string;
  /** Why it matters in production. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** SQL (or a file listing) that the rule flags. */
  bad: string;
  /** The same change written so the rule is quiet. */
  good: string;
}

/** What a rule reports; the engine adds file, level and suppressions. */
export interface RawFinding {
  line: number;
  column: number;
  message: string;
  help: string;
  /** The table the statement locks: in database mode a big one raises the finding to an error. */
  table?: string;
  /** The finding explains the statements up to this line too (their syntax errors are not repeated). */
  coversUntilLine?: number;
}

export type Report = (finding: RawFinding) => void;

/** What the engine knows while it walks a section, statement by statement. */
export interface StatementContext {
  file: LintFile;
  section: 'up' | 'down';
  statement: GooseStatement;
  sql: PlacedStatement;
  /** Created earlier in this migration, or in a migration not yet applied: no lock rule applies to it. */
  isNew(relation: string): boolean;
  /** The table of an index created by an earlier statement in this run, when known. */
  tableOfIndex(index: string): string | undefined;
  /** Created PARTITION BY by an earlier statement in this run (CONCURRENTLY does not work on its parent). */
  isPartitioned(table: string): boolean;
  /** An earlier statement of this section set `lock_timeout`. */
  lockTimeoutSet: boolean;
  /** Memory for the rest of this section (e.g. "already reported once here"). */
  sectionMemory: Set<string>;
}

export interface FolderEntry {
  name: string;
  isDirectory: boolean;
}

/** Everything linted in one run, for rules over the whole folder. */
export interface ProjectContext {
  files: readonly LintFile[];
  /** The migrations folders' own entries (root only), when linting folders. */
  folders: ReadonlyArray<{ path: string; entries: readonly FolderEntry[] }>;
  /** Files the config allows in a migrations root. */
  allowFiles: readonly string[];
}

export interface Rule {
  id: string;
  defaultLevel: Level;
  docs: RuleDocs;
  /** Called for every SQL statement of the named sections that PostgreSQL's grammar accepted. */
  sections?: ReadonlyArray<'up' | 'down'>;
  statement?(ctx: StatementContext, report: Report): void;
  /** Called once per file (goose accepted it). */
  file?(file: LintFile, report: Report): void;
  /** Called once per run; findings name their file through `reportIn`. */
  project?(project: ProjectContext, reportIn: (path: string, section: Section) => Report): void;
}
