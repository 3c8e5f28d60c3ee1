import { parseGoDuration } from './go-duration.js';
import { parseGoBool } from './go-strconv.js';

/**
 * goose's command line is Go's `flag` package driven by xflag.ParseToEnd:
 * `-f`, `--f`, `-f=v`, `-f v` (not for bools), flags anywhere among the
 * positional arguments. This is that parser, rule for rule, so scripts written
 * for goose parse the same way here.
 */

export type FlagKind = 'bool' | 'string' | 'duration';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  /** As Go prints it in `(default …)`; '' / 'false' / '0s' are zero and not printed. */
  defaultText: string;
  usage: string;
}

/** Every flag: goose v3.26's (verbatim help text), then gander's own. */
export const FLAG_SPECS: readonly FlagSpec[] = [
  { name: 'dir', kind: 'string', defaultText: '.', usage: 'directory with migration files, (GOOSE_MIGRATION_DIR env variable supported)' },
  { name: 'table', kind: 'string', defaultText: '', usage: 'migrations table name (GOOSE_TABLE env variable supported; default goose_db_version)' },
  { name: 'v', kind: 'bool', defaultText: 'false', usage: 'enable verbose mode' },
  { name: 'h', kind: 'bool', defaultText: 'false', usage: 'print help' },
  { name: 'version', kind: 'bool', defaultText: 'false', usage: 'print version' },
  { name: 'certfile', kind: 'string', defaultText: '', usage: "file path to root CA's certificates in pem format (gander: the TLS CA for PostgreSQL, like sslrootcert)" },
  { name: 's', kind: 'bool', defaultText: 'false', usage: 'use sequential numbering for new migrations' },
  { name: 'allow-missing', kind: 'bool', defaultText: 'false', usage: 'applies missing (out-of-order) migrations' },
  { name: 'ssl-cert', kind: 'string', defaultText: '', usage: 'file path to SSL certificates in pem format (gander: the TLS client certificate, like sslcert)' },
  { name: 'ssl-key', kind: 'string', defaultText: '', usage: 'file path to SSL key in pem format (gander: the TLS client key, like sslkey)' },
  { name: 'no-versioning', kind: 'bool', defaultText: 'false', usage: 'apply migration commands with no versioning, in file order, from directory pointed to' },
  { name: 'no-color', kind: 'bool', defaultText: 'false', usage: 'disable color output (NO_COLOR env variable supported)' },
  { name: 'timeout', kind: 'duration', defaultText: '0s', usage: 'maximum allowed duration for queries to run; e.g., 1h13m' },
  { name: 'env', kind: 'string', defaultText: '', usage: 'load environment variables from file (default .env)' },
  // gander's own
  { name: 'json', kind: 'bool', defaultText: 'false', usage: 'print one JSON document on stdout instead of log lines (gander)' },
  { name: 'log-prefix', kind: 'string', defaultText: '', usage: 'word before log messages: goose or gander (GANDER_LOG_PREFIX env variable supported; default goose) (gander)' },
  { name: 'env-label', kind: 'string', defaultText: '', usage: 'environment label recorded in the audit log, e.g. staging (GANDER_ENV env variable supported) (gander)' },
  { name: 'lock-timeout', kind: 'duration', defaultText: '5m0s', usage: 'give up waiting for the migration lock after this long (gander)' },
  { name: 'no-lock', kind: 'bool', defaultText: 'false', usage: 'take no advisory lock: only when nothing else migrates this database (gander)' },
  { name: 'env-all', kind: 'bool', defaultText: 'false', usage: 'load every key of the -env file, not only GOOSE_* and GANDER_* (gander)' },
  { name: 'allow-drift', kind: 'bool', defaultText: 'false', usage: 'run up even when an applied migration file changed since it was applied (gander)' },
  // gander fleet: one release on many databases (apps/cli/README.md "Fleet")
  { name: 'targets', kind: 'string', defaultText: '', usage: 'fleet: JSON or YAML file listing the target databases (gander)' },
  { name: 'targets-env', kind: 'string', defaultText: '', usage: 'fleet: environment variable holding the targets as JSON or YAML (gander)' },
  { name: 'targets-cmd', kind: 'string', defaultText: '', usage: 'fleet: shell command whose output lists the targets as JSON or YAML (gander)' },
  { name: 'concurrency', kind: 'string', defaultText: '4', usage: 'fleet: how many databases migrate at once (gander)' },
  { name: 'groups', kind: 'string', defaultText: '', usage: 'fleet: comma-separated group order, e.g. canary,eu,us; others follow in file order (gander)' },
  { name: 'on-error', kind: 'string', defaultText: 'continue', usage: 'fleet: after a failed database, stop starting others (stop) or finish the group (continue) (gander)' },
  { name: 'max-failures', kind: 'string', defaultText: '', usage: 'fleet: start no other database once this many failed (gander)' },
  { name: 'report', kind: 'string', defaultText: '', usage: 'fleet: write the per-database results as JSON to this file (gander)' },
  { name: 'only-failed', kind: 'string', defaultText: '', usage: 'fleet: run only the databases a previous --report says failed or did not run (gander)' },
  { name: 'shard', kind: 'string', defaultText: '', usage: 'fleet: run shard i of n (i/n, 1-based) of the targets, e.g. 2/3 (gander)' },
  // gander lint's
  { name: 'format', kind: 'string', defaultText: '', usage: 'lint output: text, json, github (workflow annotations) or sarif; default text (gander lint)' },
  { name: 'since', kind: 'string', defaultText: '', usage: 'lint only migration files added or changed since this git ref (gander lint)' },
  { name: 'db', kind: 'string', defaultText: '', usage: 'lint against this database (DBSTRING; GOOSE_DRIVER/GOOSE_DBSTRING work too): only pending migrations, drift, table sizes (gander lint)' },
  { name: 'lint-config', kind: 'string', defaultText: '', usage: 'lint config file with rule levels; default gander-lint.json when present (gander lint)' },
  { name: 'fail-on-warnings', kind: 'bool', defaultText: 'false', usage: 'exit 1 on warnings too, not only on errors (gander lint)' },
  { name: 'single-transaction', kind: 'bool', defaultText: 'false', usage: 'apply the pending migrations in one transaction per group; NO TRANSACTION files split the groups (GANDER_SINGLE_TRANSACTION env variable supported) (gander)' },
  { name: 'lock-timeout-guard', kind: 'duration', defaultText: '0s', usage: 'run each migration with this lock_timeout and retry it when a lock wait times out; off when 0 (GANDER_LOCK_TIMEOUT_GUARD env variable supported) (gander)' },
  { name: 'lock-timeout-guard-attempts', kind: 'string', defaultText: '', usage: 'attempts in all under -lock-timeout-guard (GANDER_LOCK_TIMEOUT_GUARD_ATTEMPTS env variable supported; default 5) (gander)' },
  { name: 'lock-mode', kind: 'string', defaultText: '', usage: 'migration lock: advisory (session advisory lock) or table (goose_lock, safe behind PgBouncer in transaction mode) (GANDER_LOCK_MODE env variable supported; default advisory) (gander)' },
  { name: 'retry-failed', kind: 'bool', defaultText: 'false', usage: 'run up past a NO TRANSACTION migration that failed part-way, running it again from its first statement (gander)' },
  { name: 'reason', kind: 'string', defaultText: '', usage: 'why, recorded in the audit log by baseline (gander)' },
  { name: 'force', kind: 'bool', defaultText: 'false', usage: 'baseline even when the version table already has applied versions (gander)' },
  { name: 'out', kind: 'string', defaultText: '', usage: 'dump: write the migration file here instead of stdout (gander dump)' },
  { name: 'pg-dump', kind: 'string', defaultText: '', usage: 'dump, squash: the pg_dump to use; it must be the server\'s major version (GANDER_PG_DUMP env variable supported) (gander)' },
  { name: 'to', kind: 'string', defaultText: '', usage: 'squash: the version the squashed file replaces the files up to (gander squash)' },
  { name: 'archive', kind: 'string', defaultText: '', usage: 'squash: folder the replaced files move to; default archived-to-<VERSION> inside -dir (gander squash)' },
  { name: 'dry-run', kind: 'bool', defaultText: 'false', usage: 'squash: build and prove the squashed file, write nothing (gander squash)' },
];

export type FlagValue = string | boolean | number;

export interface ParsedArgs {
  /** Flag values by name, defaults filled in; durations in milliseconds. */
  values: Map<string, FlagValue>;
  /** Flags given explicitly on the command line. */
  given: Set<string>;
  /** Positional arguments, in order. */
  args: string[];
}

/** Go prints the message, then the usage; exit 2 (or 0 for -help). */
export class FlagError extends Error {
  constructor(
    message: string,
    readonly help: boolean = false,
  ) {
    super(message);
    this.name = 'FlagError';
  }
}

function defaultValue(spec: FlagSpec): FlagValue {
  if (spec.kind === 'bool') return spec.defaultText === 'true';
  if (spec.kind === 'duration') return parseGoDuration(spec.defaultText) ?? 0;
  return spec.defaultText;
}

/** Go's FlagSet: `parse` consumes flags until the first positional or `--`. */
class GoFlagSet {
  readonly values = new Map<string, FlagValue>();
  readonly given = new Set<string>();
  args: string[] = [];
  private readonly specs: Map<string, FlagSpec>;

  constructor(specs: readonly FlagSpec[]) {
    this.specs = new Map(specs.map((s) => [s.name, s]));
    for (const spec of specs) this.values.set(spec.name, defaultValue(spec));
  }

  parse(argv: readonly string[]): void {
    this.args = [...argv];
    while (this.parseOne());
  }

  private parseOne(): boolean {
    const s = this.args[0];
    if (s === undefined || s.length < 2 || s[0] !== '-') return false;
    let minuses = 1;
    if (s[1] === '-') {
      minuses = 2;
      if (s.length === 2) {
        // "--" ends the flags and is consumed.
        this.args.shift();
        return false;
      }
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
    this.args.shift();
    let value: string | undefined;
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const spec = this.specs.get(name);
    if (!spec) {
      if (name === 'help' || name === 'h') throw new FlagError('flag: help requested', true);
      throw new FlagError(`flag provided but not defined: -${name}`);
    }
    if (spec.kind === 'bool') {
      if (value === undefined) this.values.set(name, true);
      else {
        const parsed = parseGoBool(value);
        if (parsed === undefined) throw new FlagError(`invalid boolean value "${value}" for -${name}: parse error`);
        this.values.set(name, parsed);
      }
    } else {
      if (value === undefined) {
        if (this.args.length === 0) throw new FlagError(`flag needs an argument: -${name}`);
        value = this.args.shift()!;
      }
      if (spec.kind === 'duration') {
        const ms = parseGoDuration(value);
        if (ms === undefined) throw new FlagError(`invalid value "${value}" for flag -${name}: parse error`);
        this.values.set(name, ms);
      } else this.values.set(name, value);
    }
    this.given.add(name);
    return true;
  }
}

/**
 * xflag.ParseToEnd: after Go's parse stops at a positional, every later
 * argument that looks like a flag re-enters flag parsing; a `--` met there
 * keeps itself and everything after it as positionals. (A `--` that Go's own
 * parse meets is consumed, exactly as in goose.)
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[] = FLAG_SPECS): ParsedArgs {
  const set = new GoFlagSet(specs);
  set.parse(argv);
  const positional: string[] = [];
  let remaining = set.args;
  for (let i = 0; i < remaining.length; i++) {
    const arg = remaining[i]!;
    if (arg.length > 1 && arg[0] === '-') {
      if (arg === '--') {
        positional.push(...remaining.slice(i));
        break;
      }
      set.parse(remaining.slice(i));
      remaining = set.args;
      i = -1;
      continue;
    }
    positional.push(arg);
  }
  return { values: set.values, given: set.given, args: positional };
}

/** Go's `flag.PrintDefaults()`, sorted by name. */
export function formatFlagDefaults(specs: readonly FlagSpec[] = FLAG_SPECS): string {
  const lines: string[] = [];
  for (const spec of [...specs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    let line = `  -${spec.name}`;
    if (spec.kind !== 'bool') line += ` ${spec.kind === 'duration' ? 'duration' : 'string'}`;
    // Go puts a one-letter bool's help on the same line.
    line += line.length <= 4 ? '\t' : '\n    \t';
    line += spec.usage;
    const zero = spec.defaultText === '' || spec.defaultText === 'false' || spec.defaultText === '0s';
    if (!zero) line += spec.kind === 'string' ? ` (default "${spec.defaultText}")` : ` (default ${spec.defaultText})`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
