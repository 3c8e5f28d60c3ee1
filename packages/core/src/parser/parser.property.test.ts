import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GanderParseError } from '../errors.js';
import { parseMigrationSql, parseSql } from './index.js';

const numRuns = Number(process.env.GANDER_FUZZ_RUNS ?? 200);

function onlyParseErrors(sql: string, env: Record<string, string>): void {
  for (const direction of ['up', 'down'] as const) {
    let thrown: unknown;
    try {
      parseSql(sql, direction, { env });
    } catch (error) {
      thrown = error;
    }
    // Either it parsed, or it said why in a GanderParseError: never another kind of error.
    if (thrown !== undefined) expect(thrown).toBeInstanceOf(GanderParseError);
    else expect(thrown).toBeUndefined();
  }
}

// Lines chosen to hit every branch: annotations in odd spellings, statements
// with and without `;`, comments, blank and whitespace-only lines, ENVSUB syntax.
const trickyLine = fc.oneof(
  fc.constantFrom(
    '-- +goose Up',
    '-- +goose Down',
    '-- +goose StatementBegin',
    '-- +goose StatementEnd',
    '-- +goose NO TRANSACTION',
    '-- +goose ENVSUB ON',
    '-- +goose ENVSUB OFF',
    '--+goose up',
    ' -- +goose Down',
    '-- +goose',
    '-- +goose +goose Up',
    '-- +goose nonsense',
    '-- comment',
    '-- comment;',
    '',
    '   ',
    '\t',
    '\ufeff',
    'SELECT 1;',
    'SELECT 1',
    'END; -- done',
    "'a;",
    '$$',
    '${X?}',
    '${X:-y}',
    '$1',
    '${',
    'SELECT ${N:1:2};',
  ),
  fc.string({ maxLength: 20 }),
);

describe('parser never throws anything but GanderParseError', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (sql) => onlyParseErrors(sql, { N: 'abc' })),
      { numRuns },
    );
  });

  it('on random mixes of annotations, statements and comments', () => {
    fc.assert(
      fc.property(fc.array(trickyLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) =>
        onlyParseErrors(lines.join(eol), { N: 'abc' }),
      ),
      { numRuns },
    );
  });
});

// ---- generated valid files ----------------------------------------------

type Item =
  | { kind: 'statement'; lines: string[] }
  | { kind: 'block'; lines: string[] }
  | { kind: 'comment'; text: string }
  | { kind: 'blank' };

const word = fc.constantFrom('SELECT', 'id', 'name', 'FROM', 'users', '1', "'x;y'", '$$', '(', ')', ',', 'a--b', '=');
// A line of SQL: words joined by spaces, never starting with `--` and never
// ending with `;` (we add the terminator where we want it).
const sqlLine = fc
  .tuple(fc.constantFrom('', '  ', '\t'), fc.array(word, { minLength: 1, maxLength: 6 }))
  .map(([indent, words]) => `${indent}${words.join(' ')}`)
  .filter((line) => !line.trimEnd().endsWith(';'));

const statement = fc
  .array(sqlLine, { minLength: 1, maxLength: 4 })
  .map((lines): Item => ({ kind: 'statement', lines: [...lines.slice(0, -1), `${lines[lines.length - 1]!};`] }));
// Inside StatementBegin/End anything goes, `;` included, as long as it is not a comment.
const block = fc
  .array(fc.tuple(sqlLine, fc.boolean()), { minLength: 1, maxLength: 5 })
  .map((pairs): Item => ({ kind: 'block', lines: pairs.map(([line, semi]) => (semi ? `${line};` : line)) }));
const comment = fc.constantFrom('-- note', '-- another; note', '  -- indented').map((text): Item => ({ kind: 'comment', text }));
const blank = fc.constant<Item>({ kind: 'blank' });
const section = fc.array(fc.oneof(statement, statement, block, comment, blank), { maxLength: 8 });

function render(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'statement') out.push(...item.lines);
    else if (item.kind === 'block') out.push('-- +goose StatementBegin', ...item.lines, '-- +goose StatementEnd');
    else if (item.kind === 'comment') out.push(item.text);
    else out.push('');
  }
  return out;
}

function contentLines(items: readonly Item[]): string[] {
  return items.flatMap((item) => (item.kind === 'statement' || item.kind === 'block' ? item.lines : []));
}

function statementCount(items: readonly Item[]): number {
  return items.filter((item) => item.kind === 'statement' || item.kind === 'block').length;
}

/** Every expected line appears, in order, in the statements' lines. */
function expectNoLineLost(statements: readonly string[], expected: readonly string[]): void {
  const produced = statements.flatMap((s) => s.split('\n')).map((line) => line.trim());
  let at = 0;
  for (const line of expected) {
    const found = produced.indexOf(line.trim(), at);
    expect(found, `line ${JSON.stringify(line)} is missing`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe('generated valid files', () => {
  it('lose no line, keep the order and split where the file says', () => {
    fc.assert(
      fc.property(
        section,
        fc.option(section, { nil: undefined }),
        fc.constantFrom('\n', '\r\n'),
        (up, down, eol) => {
          const lines = ['-- +goose Up', ...render(up)];
          if (down !== undefined) lines.push('-- +goose Down', ...render(down));
          const sql = lines.join(eol) + eol;
          const parsed = parseMigrationSql(sql, { env: {} });

          expect(parsed.up).toHaveLength(statementCount(up));
          expectNoLineLost(
            parsed.up.map((s) => s.sql),
            contentLines(up),
          );
          expect(parsed.down).toHaveLength(statementCount(down ?? []));
          expectNoLineLost(
            parsed.down.map((s) => s.sql),
            contentLines(down ?? []),
          );
          for (const s of [...parsed.up, ...parsed.down]) {
            // `line`/`endLine` point at the first and last line of the statement text.
            const textLines = s.sql.split('\n');
            expect(lines[s.line - 1]!.trim()).toBe(textLines[0]!.trim());
            expect(lines[s.endLine - 1]!.trim()).toBe(textLines[textLines.length - 1]!.trim());
          }
          expect(parsed.useTx).toBe(true);
        },
      ),
      { numRuns },
    );
  });
});
