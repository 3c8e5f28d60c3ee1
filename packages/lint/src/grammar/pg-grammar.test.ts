import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar, parseGrammar, parseGrammarBatch } from './pg-grammar.js';

beforeAll(() => loadGrammar());

describe('parseGrammarBatch', () => {
  it('gives each goose statement what parsing it alone gives', () => {
    const texts = ['CREATE TABLE t (id int);', "-- why\nALTER TABLE t ADD COLUMN n text; SELECT 1;", 'DROP TABLE t;'];
    const batch = parseGrammarBatch(texts);
    expect(batch).toBeDefined();
    // Kinds and statement offsets agree (node-internal `location`s count from the joined text; no rule reads them).
    const shape = (r: ReturnType<typeof parseGrammar>) => (r.ok ? r.statements.map((s) => [s.kind, s.offset]) : r.message);
    expect(batch!.map(shape)).toEqual(texts.map((t) => shape(parseGrammar(t))));
    expect(batch!.map(shape)).toEqual([[['CreateStmt', 0]], [['AlterTableStmt', 7], ['SelectStmt', 40]], [['DropStmt', 0]]]);
  });

  it('refuses a statement that runs from one goose statement into the next (a body goose split)', () => {
    const split = ['CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n    PERFORM 1;', 'RETURN 1;', 'END;\n$$ LANGUAGE plpgsql;'];
    expect(parseGrammarBatch(split)).toBeUndefined();
  });

  it('refuses text that is not ASCII or a statement without a closing semicolon', () => {
    expect(parseGrammarBatch(["SELECT 'é';", 'SELECT 1;'])).toBeUndefined();
    expect(parseGrammarBatch(['SELECT 1;', 'SELECT 2'])).toBeUndefined();
  });
});
