import { describe, expect, it } from 'vitest';
import { GanderParseError } from '../errors.js';
import { extractAnnotation, type Annotation } from './annotation.js';
import { parseSql } from './index.js';
import { endsWithSemicolon } from './semicolon.js';

/**
 * The inline cases of goose's parser_test.go (TestSemicolons,
 * TestSplitStatements, TestParsingErrors, Test_extractAnnotation,
 * TestEnvsubError), rewritten with our own SQL but the same shapes and the
 * same expected counts, so a divergence from goose shows up here first.
 */

describe('endsWithSemicolon (goose TestSemicolons)', () => {
  const cases: Array<[string, boolean]> = [
    ['COMMIT;', true],
    ['COMMIT; -- trailing note', true],
    ['COMMIT   ; -- trailing note', true],
    ['COMMIT -- trailing note', false],
    ['COMMIT -- trailing note ;', false],
    ['COMMIT " ; " -- trailing note', false],
  ];
  for (const [line, expected] of cases) {
    it(`${JSON.stringify(line)} → ${String(expected)}`, () => {
      expect(endsWithSemicolon(line)).toBe(expected);
    });
  }
});

// Same structure as goose's multilineSQL: a multi-line statement, a comment,
// two statements on one line (one statement for goose), trailing comments.
const multiline = `-- +goose Up
CREATE TABLE story (
    id int NOT NULL,
    headline text,
    PRIMARY KEY (id)
);                    -- first

-- a comment between statements
SELECT 'two';         -- second
SELECT 3; SELECT 3;   -- third, one statement for goose
SELECT 'four';        -- fourth

-- +goose Down
-- a comment
DROP TABLE story;     -- first
`;

const onlyComment = `-- +goose Up
-- nothing but a comment here`;

const blankSections = `

-- leading comment
-- +goose Up

-- comment
-- +goose Down

`;

const functionAndTable = `-- +goose Up
CREATE TABLE IF NOT EXISTS reading (
    id          bigserial PRIMARY KEY,
    value       numeric NOT NULL,
    taken_at    timestamptz NOT NULL
);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION reading_month_partition(from_date date, to_date date)
RETURNS void AS $$
DECLARE
    ddl text;
BEGIN
    FOR ddl IN SELECT
            'CREATE TABLE IF NOT EXISTS reading_'
            || to_char(d, 'YYYY_MM')
            || ' () INHERITS (reading);'
        FROM generate_series(from_date, to_date, '1 month') AS d
    LOOP
        EXECUTE ddl;
    END LOOP;   -- loop done
END;            -- body done
$$
LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION reading_month_partition(date, date);
DROP TABLE reading;
`;

const delimiterBlocks = `
-- +goose Up
-- +goose StatementBegin
DELIMITER //
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION shout(s CHAR(64)) RETURNS CHAR(64) DETERMINISTIC
BEGIN
  RETURN UPPER(s);
END //
-- +goose StatementEnd

-- +goose StatementBegin
DELIMITER ;
-- +goose StatementEnd

SELECT shout('hi') FROM dual;
-- +goose Down
`;

const copyBlock = `
-- +goose Up
-- +goose StatementBegin
COPY public.fruit (id, name) FROM stdin;
1\tapple
2\tpear
3\tplum
\\.
-- +goose StatementEnd
`;

const triggerBlocks = `
-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION bump_version() RETURNS trigger AS $$
BEGIN
    NEW.version = OLD.version + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER doc_bump BEFORE UPDATE ON doc FOR EACH ROW EXECUTE PROCEDURE bump_version();
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TRIGGER doc_bump ON doc
-- +goose StatementEnd
-- +goose StatementBegin
DROP FUNCTION bump_version()
-- +goose StatementEnd
`;

const triggerMixed = `
-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION bump_version() RETURNS trigger AS $$
BEGIN
    NEW.version = OLD.version + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER doc_bump
BEFORE UPDATE
ON doc
FOR EACH ROW EXECUTE PROCEDURE bump_version();

-- +goose Down
DROP TRIGGER doc_bump ON doc;
DROP FUNCTION bump_version();
`;

describe('statement counts (goose TestSplitStatements)', () => {
  const cases: Array<[string, string, number, number]> = [
    ['multi-line statements', multiline, 4, 1],
    ['only a comment', onlyComment, 0, 0],
    ['blank sections', blankSections, 0, 0],
    ['function and table', functionAndTable, 2, 2],
    ['delimiter blocks', delimiterBlocks, 4, 0],
    ['copy from stdin', copyBlock, 1, 0],
    ['trigger blocks', triggerBlocks, 2, 2],
    ['trigger mixed', triggerMixed, 2, 2],
  ];
  for (const [name, sql, up, down] of cases) {
    it(`${name}: up ${up}, down ${down}`, () => {
      expect(parseSql(sql, 'up', { env: {} }).statements).toHaveLength(up);
      expect(parseSql(sql, 'down', { env: {} }).statements).toHaveLength(down);
    });
  }

  it('keeps the two-statements-on-one-line quirk and trailing comments', () => {
    const { statements } = parseSql(multiline, 'up', { env: {} });
    expect(statements[2]).toBe('SELECT 3; SELECT 3;   -- third, one statement for goose');
  });
});

describe('parsing errors (goose TestParsingErrors)', () => {
  const statementBeginNoEnd = functionAndTable.replace('-- +goose StatementEnd\n', '');
  const unfinished = `
-- +goose Up
ALTER TABLE story

-- +goose Down
`;
  const noAnnotations = `
CREATE TABLE story (
    id int NOT NULL,
    PRIMARY KEY (id)
);
`;
  const upTwice = `-- +goose Up
CREATE TABLE story (id int NOT NULL);

-- +goose Down
DROP TABLE story;

-- +goose Up
CREATE TABLE longer_story (id int NOT NULL);
`;
  const downFirst = `-- +goose Down
DROP TABLE longer_story;
`;
  const cases: Array<[string, string]> = [
    ['StatementBegin without StatementEnd', statementBeginNoEnd],
    ['unfinished statement', unfinished],
    ['no annotations', noAnnotations],
    ['Up twice', upTwice],
    ['Down first', downFirst],
  ];
  for (const [name, sql] of cases) {
    it(name, () => {
      expect(() => parseSql(sql, 'up', { env: {} })).toThrow(GanderParseError);
    });
  }
});

describe('extractAnnotation (goose Test_extractAnnotation)', () => {
  const cases: Array<[string, string, Annotation | undefined]> = [
    ['Up', '-- +goose Up', 'Up'],
    ['Down', '-- +goose Down', 'Down'],
    ['StatementBegin', '-- +goose StatementBegin', 'StatementBegin'],
    ['NO TRANSACTION', '-- +goose NO TRANSACTION', 'NO TRANSACTION'],
    ['unsupported', '-- +goose unsupported', undefined],
    ['empty', '-- +goose', undefined],
    ['extra spaces and upper case', '-- +goose   UP \t', 'Up'],
    ['leading space', ' -- +goose   UP \t', undefined],
    ['leading tab', '\t-- +goose   UP \t', undefined],
    ['two +goose', '-- +goose +goose Up', undefined],
  ];
  for (const [name, line, expected] of cases) {
    it(name, () => {
      const result = extractAnnotation(line);
      if (expected === undefined) expect(result.ok).toBe(false);
      else expect(result).toEqual({ ok: true, annotation: expected });
    });
  }
});

describe('envsub error (goose TestEnvsubError)', () => {
  it('reports the unset required variable and its message', () => {
    const sql = `
-- +goose ENVSUB ON
-- +goose Up
CREATE TABLE story (
    id int NOT NULL,
    \${STORY_UNSET_COLUMN?column name is required} text,
    PRIMARY KEY (id)
);
`;
    expect(() => parseSql(sql, 'up', { env: {} })).toThrow(
      'variable substitution failed: $STORY_UNSET_COLUMN: column name is required:',
    );
  });
});
