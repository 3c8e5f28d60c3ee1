import type { GooseStatement } from '../model/types.js';
import type { Rule } from './rule.js';

/** PostgreSQL's words for a statement that ends inside a `$$` body. */
const UNTERMINATED_DOLLAR = /unterminated dollar-quoted string/i;
const BEGIN_ATOMIC = /\bBEGIN\s+ATOMIC\b/i;

/** How a statement that goose cut off inside a body starts, or undefined. */
function opensBody(s: GooseStatement): 'dollar' | 'atomic' | undefined {
  if (s.inBlock || s.grammar.ok) return undefined;
  if (UNTERMINATED_DOLLAR.test(s.grammar.message)) return 'dollar';
  return BEGIN_ATOMIC.test(s.text) ? 'atomic' : undefined;
}

/** The fragment that ends the body: the next one with the closing `$$`, or `END`. */
function closesBody(s: GooseStatement, kind: 'dollar' | 'atomic'): boolean {
  if (kind === 'atomic') return /^END\b/i.test(s.text);
  return !s.grammar.ok && UNTERMINATED_DOLLAR.test(s.grammar.message);
}

/** goose#91: goose ends a statement at any line ending in `;`, also inside a function body. */
export const unwrappedBody: Rule = {
  id: 'unwrapped-body',
  defaultLevel: 'error',
  docs: {
    what: 'A `$$` body (function, procedure, DO block) or `BEGIN ATOMIC … END` body that goose split into pieces because it is not inside `-- +goose StatementBegin` / `StatementEnd`.',
    why: 'goose ends a statement at every line that ends with `;` (goose#91), also inside a body: PostgreSQL receives fragments and the migration fails at run time, halfway through without a transaction.',
    fix: 'put `-- +goose StatementBegin` on the line before the statement and `-- +goose StatementEnd` on the line after it.',
    bad: "-- +goose Up\nCREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at = now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n",
    good: "-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at = now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n-- +goose StatementEnd\n",
  },
  file(file, report) {
    for (const section of [file.up, file.down]) {
      for (let i = 0; i < section.length; i++) {
        const first = section[i]!;
        const kind = opensBody(first);
        if (kind === undefined) continue;
        // The pieces after the first are fragments too, up to the one that closes the body.
        // (`END;` alone parses: it is COMMIT. So look for the closing piece, whatever lies between.)
        let last = i;
        for (let j = i + 1; j < section.length && !section[j]!.inBlock; j++) {
          if (closesBody(section[j]!, kind)) {
            last = j;
            break;
          }
        }
        report({
          line: first.line,
          column: first.column,
          message: `goose splits this body at every line ending in \`;\` (lines ${first.line}–${section[last]!.endLine} become ${last - i + 1} statements): it is not inside StatementBegin/StatementEnd`,
          help: 'put `-- +goose StatementBegin` before the statement and `-- +goose StatementEnd` after it',
          coversUntilLine: section[last]!.line,
        });
        i = last;
      }
    }
  },
};
