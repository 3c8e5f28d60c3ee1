import { goParseInt64 } from '../parser/go-strconv.js';
import type { MigrationKind } from './types.js';

/**
 * goose's `NumericComponent` (migration.go), with `.ts`/`.js` in place of
 * `.go`: the version is the text before the first `_`, parsed like Go's
 * `strconv.ParseInt(s, 10, 64)` (so `00001`, `+5` and 20251105120000 are
 * fine, `1_000` or `v1` are not), and must be at least 1.
 */
export type FileNameResult =
  | { ok: true; version: bigint; description: string; kind: MigrationKind }
  | { ok: false; code: 'E_INVALID_FILENAME' | 'E_INVALID_VERSION'; reason: string; kind: MigrationKind | undefined };

// `.go`: goose's Go migrations. gander lists them (status shows them pending, as goose does) but cannot run them.
const KINDS: Readonly<Record<string, MigrationKind>> = { '.sql': 'sql', '.ts': 'ts', '.js': 'js', '.go': 'go' };

/** Go's filepath.Base for `/`-separated names, plus `\` so Windows-style names work too. */
export function baseName(name: string): string {
  let end = name.length;
  while (end > 1 && (name.charCodeAt(end - 1) === 0x2f || name.charCodeAt(end - 1) === 0x5c)) end--;
  const trimmed = end === name.length ? name : name.slice(0, end);
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}

/** Go's filepath.Ext: from the last `.` of the base name, or "". */
export function extension(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot === -1 ? '' : base.slice(dot);
}

export function parseMigrationFileName(fileName: string): FileNameResult {
  const base = baseName(fileName);
  const ext = extension(base);
  const kind = KINDS[ext];
  if (kind === undefined) {
    return { ok: false, code: 'E_INVALID_FILENAME', reason: 'migration file does not have .sql, .ts or .js file extension', kind };
  }
  const separator = base.indexOf('_');
  if (separator === -1) return { ok: false, code: 'E_INVALID_FILENAME', reason: "no filename separator '_' found", kind };
  const parsed = goParseInt64(base.slice(0, separator));
  if (!parsed.ok) {
    return {
      ok: false,
      code: parsed.range ? 'E_INVALID_VERSION' : 'E_INVALID_FILENAME',
      reason: `failed to parse version from migration file: ${base}: ${parsed.message}`,
      kind,
    };
  }
  if (parsed.value < 1n) {
    return { ok: false, code: 'E_INVALID_VERSION', reason: 'migration version must be greater than zero', kind };
  }
  // The description ends at the extension; for "1_x.sql" with "_" right before it, it is "".
  const description = base.slice(separator + 1, Math.max(separator + 1, base.length - ext.length));
  return { ok: true, version: parsed.value, description, kind };
}

/** The version of a migration file name, or undefined when goose would not accept the name. */
export function parseVersionFromFileName(fileName: string): bigint | undefined {
  const result = parseMigrationFileName(fileName);
  return result.ok ? result.version : undefined;
}

/**
 * What the collector does with a directory entry: `.sql` files must be valid
 * migrations (goose fails hard on a badly named one), `.ts`/`.js` files are
 * migrations only when well named (like goose's `.go`: helpers may live next
 * to them), and tests, specs and declaration files never are.
 */
export type EntryRole = 'sql' | 'script' | 'ignore';

export function entryRole(base: string): EntryRole {
  const ext = extension(base);
  if (ext === '.sql') return 'sql';
  if (ext !== '.ts' && ext !== '.js' && ext !== '.go') return 'ignore';
  if (base.endsWith('_test.go') || base.endsWith('.test.ts') || base.endsWith('.test.js') || base.endsWith('.d.ts') || base.includes('.spec.')) {
    return 'ignore';
  }
  return 'script';
}
