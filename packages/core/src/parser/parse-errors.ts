import { GanderParseError } from '../errors.js';
import type { AnnotationProblem } from './annotation.js';
import { plainOrExcerpt, quoteExcerpt } from './go-text.js';
import type { EnvsubProblemKind } from './interpolate.js';
import { STATE, type ParserState } from './states.js';
import type { Direction } from './types.js';

/**
 * Every error the parser raises. Each message carries goose's own text (so it
 * can be searched for and compared with goose), and each hint says what to
 * change in the file.
 */
const SEE = 'see https://github.com/pressly/goose#sql-migrations';
const ANNOTATION_LIST = 'Up, Down, StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON, ENVSUB OFF';
const WRAP_HINT = 'end the statement with `;` or wrap it in `-- +goose StatementBegin` / `-- +goose StatementEnd`';

interface Where {
  file: string | undefined;
  line: number;
}

function parseError(where: Where, message: string, hint: string): GanderParseError {
  return new GanderParseError(message, { file: where.file, line: where.line, hint });
}

export function annotationError(where: Where, rawLine: string, problem: AnnotationProblem): GanderParseError {
  const hints: Record<AnnotationProblem['kind'], string> = {
    'leading-whitespace': 'remove the spaces or tabs before `--`: an annotation must start at the beginning of the line',
    multiple: 'put one annotation per line, written as `-- +goose <annotation>`',
    empty: `write the annotation after \`+goose\`, one of: ${ANNOTATION_LIST}`,
    unsupported: `supported annotations are ${ANNOTATION_LIST}; a \`--\` comment that is not an annotation must not contain \`+goose\``,
  };
  return parseError(where, `failed to parse annotation line ${quoteExcerpt(rawLine)}: ${problem.message}`, hints[problem.kind]);
}

export function duplicateUpError(where: Where, state: ParserState): GanderParseError {
  return parseError(
    where,
    `duplicate '-- +goose Up' annotations; stateMachine=${state}, ${SEE}`,
    'a migration has exactly one `-- +goose Up` section: remove this one or move its statements to a new migration file',
  );
}

export function downOutOfPlaceError(where: Where, state: ParserState): GanderParseError {
  let hint: string;
  if (state === STATE.start) hint = 'add `-- +goose Up` (and the up statements) before `-- +goose Down`';
  else if (state === STATE.beginUp || state === STATE.beginDown)
    hint = 'close the open StatementBegin block with `-- +goose StatementEnd` before `-- +goose Down`';
  else hint = 'a migration has exactly one `-- +goose Down` section: remove the second one';
  return parseError(where, `must start with '-- +goose Up' annotation, stateMachine=${state}, ${SEE}`, hint);
}

export function statementBeginOutOfPlaceError(where: Where, state: ParserState, openedAt: number): GanderParseError {
  const hint =
    state === STATE.start
      ? 'add `-- +goose Up` (or `-- +goose Down`) before `-- +goose StatementBegin`'
      : `StatementBegin blocks do not nest: add \`-- +goose StatementEnd\` to close the block opened on line ${openedAt}`;
  return parseError(
    where,
    `'-- +goose StatementBegin' must be defined after '-- +goose Up' or '-- +goose Down' annotation, stateMachine=${state}, ${SEE}`,
    hint,
  );
}

export function statementEndOutOfPlaceError(where: Where): GanderParseError {
  return parseError(
    where,
    `'-- +goose StatementEnd' must be defined after '-- +goose StatementBegin', ${SEE}`,
    'add `-- +goose StatementBegin` before the statement, or remove this StatementEnd',
  );
}

export function envsubError(where: Where, kind: EnvsubProblemKind, problem: string, rawLine: string): GanderParseError {
  const hints: Record<EnvsubProblemKind, string> = {
    required: 'set the environment variable, or give it a default with `${VAR:-default}`',
    syntax:
      'while ENVSUB is on, a `$` must start `$NAME` or `${NAME}`: write a literal `$` as `$$` or `\\$`, or put `-- +goose ENVSUB OFF` before these lines (for example around `$$` function bodies)',
    range: 'use a smaller substring length in the `${VAR:offset:length}` expansion',
  };
  return parseError(where, `variable substitution failed: ${problem}:\n${plainOrExcerpt(rawLine)}`, hints[kind]);
}

export function unexpectedStartLineError(where: Where, line: string): GanderParseError {
  // goose does not strip a UTF-8 byte order mark: Go's TrimSpace keeps U+FEFF,
  // so `\uFEFF-- +goose Up` is not seen as a comment and fails here. We stay
  // goose-exact (the file would fail under goose too) and say why.
  const hint =
    where.line === 1 && line.startsWith('\uFEFF')
      ? 'the file starts with a UTF-8 byte order mark (BOM), which goose does not accept: save the file as UTF-8 without BOM'
      : 'add `-- +goose Up` before the first statement: only blank lines and `--` comments may come before it';
  return parseError(where, `failed to parse migration: unexpected state 0 on line ${quoteExcerpt(line)}, ${SEE}`, hint);
}

export function lineTooLongError(where: Where): GanderParseError {
  return parseError(
    where,
    'failed to scan migration: bufio.Scanner: token too long',
    'this line is 4 MiB or longer, which goose cannot read: break it into several lines',
  );
}

export function missingUpError(where: Where): GanderParseError {
  return parseError(
    where,
    `failed to parse migration: must start with '-- +goose Up' annotation, ${SEE}`,
    'add `-- +goose Up` as the first annotation, followed by the up statements',
  );
}

export function missingStatementEndError(where: Where): GanderParseError {
  return parseError(
    where,
    "failed to parse migration: missing '-- +goose StatementEnd' annotation",
    'add `-- +goose StatementEnd` after the last line of the statement that this StatementBegin opens',
  );
}

export function missingSemicolonError(
  where: Where,
  state: ParserState,
  direction: Direction,
  pending: string,
  downLine?: number,
): GanderParseError {
  const before = downLine === undefined ? '' : ` (before \`-- +goose Down\` on line ${downLine})`;
  return parseError(
    where,
    `failed to parse migration: state ${state}, direction: ${direction}: unexpected unfinished SQL query: ${quoteExcerpt(pending)}: missing semicolon?`,
    `${WRAP_HINT}${before}`,
  );
}
