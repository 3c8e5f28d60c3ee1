import { extractAnnotation } from './annotation.js';
import { firstNonSpace, goTrimSpace, isGoSpace } from './go-text.js';
import { interpolate, type Env } from './interpolate.js';
import {
  annotationError,
  downOutOfPlaceError,
  duplicateUpError,
  envsubError,
  lineTooLongError,
  missingSemicolonError,
  missingStatementEndError,
  missingUpError,
  statementBeginOutOfPlaceError,
  statementEndOutOfPlaceError,
  unexpectedStartLineError,
} from './parse-errors.js';
import { endsWithSemicolon, endsWithSemicolonIn } from './semicolon.js';
import { StatementBuffer } from './statement-buffer.js';
import { STATE, type ParserState } from './states.js';
import type { Direction, ParsedSql, ParsedStatement } from './types.js';

/**
 * goose's `ParseSQLMigration` (internal/sqlparser/parser.go), one direction
 * per call, with goose's states 0..6 and its order of checks per line. The
 * numbered steps match the compatibility digest; any "simplification" here
 * changes which statements users' files produce.
 *
 * For speed the loop works on offsets into `sql` and only cuts a line out
 * when it needs the string (annotations, ENVSUB, errors).
 */

// bufio.Scanner with a 4 MiB buffer: a line (counted in UTF-8 bytes, with a
// trailing `\r` but without the `\n`) of 4 MiB or more cannot be scanned.
const MAX_LINE_BYTES = 4 * 1024 * 1024;
// At most 3 UTF-8 bytes per UTF-16 unit: shorter lines never need counting.
const MAX_LINE_UNITS_WITHOUT_CHECK = Math.floor((MAX_LINE_BYTES - 1) / 3);

/**
 * `indexOf` that remembers its last answer, so asking "is there a `--` in
 * this line?" for every line costs O(file) in total, not O(file) per line.
 */
class NextOccurrence {
  private at = -1;
  private searched = false;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** True when `needle` starts inside `[start, end)` (it cannot cross a line end). Starts must not decrease. */
  within(start: number, end: number): boolean {
    // `at === -1` after a search means "none left": later lines start further on.
    if (!this.searched || (this.at !== -1 && this.at < start)) {
      this.at = this.text.indexOf(this.needle, start);
      this.searched = true;
    }
    return this.at !== -1 && this.at < end;
  }
}

export function parseDirection(sql: string, direction: Direction, file: string | undefined, env: Env): ParsedSql {
  const wantUp = direction === 'up';
  const statements: ParsedStatement[] = [];
  const buf = new StatementBuffer(sql);
  const doubleDash = new NextOccurrence(sql, '--');
  const gooseMark = new NextOccurrence(sql, '+goose');
  let state: ParserState = STATE.start;
  let useTx = true;
  let useEnvsub = false;
  let beginLine = 0;

  const emit = (lineNo: number): void => {
    const first = buf.firstContentLine;
    const last = buf.lastContentLine;
    statements.push({
      sql: goTrimSpace(buf.take()),
      line: first === 0 ? lineNo : first,
      endLine: last === 0 ? lineNo : last,
    });
  };

  const length = sql.length;
  let pos = 0;
  let lineNo = 0;
  while (pos < length) {
    // bufio.ScanLines: split on `\n`, drop one trailing `\r`; no empty last line.
    const newline = sql.indexOf('\n', pos);
    const rawEnd = newline === -1 ? length : newline;
    const start = pos;
    pos = rawEnd + 1;
    lineNo++;
    if (rawEnd - start > MAX_LINE_UNITS_WITHOUT_CHECK && Buffer.byteLength(sql.slice(start, rawEnd)) >= MAX_LINE_BYTES) {
      throw lineTooLongError({ file, line: lineNo });
    }
    const end = rawEnd > start && sql.charCodeAt(rawEnd - 1) === 0x0d ? rawEnd - 1 : rawEnd;

    // 1. Blank lines before `-- +goose Up` are skipped.
    let lead = start;
    while (lead < end && isGoSpace(sql.charCodeAt(lead))) lead++;
    const blank = lead === end;
    if (state === STATE.start && blank) continue;

    // 2. Annotations: a `--` line containing `+goose` anywhere.
    const isComment = end - lead >= 2 && sql.charCodeAt(lead) === 0x2d && sql.charCodeAt(lead + 1) === 0x2d;
    if (isComment && gooseMark.within(start, end)) {
      const rawLine = sql.slice(start, end);
      const where = { file, line: lineNo };
      const result = extractAnnotation(rawLine);
      if (!result.ok) throw annotationError(where, rawLine, result.problem);
      let fallThrough = false;
      switch (result.annotation) {
        case 'Up':
          if (state !== STATE.start) throw duplicateUpError(where, state);
          state = STATE.up;
          break;
        case 'Down':
          if (state !== STATE.up && state !== STATE.endUp) throw downOutOfPlaceError(where, state);
          if (buf.hasContent) {
            const line = buf.firstContentLine;
            throw missingSemicolonError({ file, line }, state, direction, goTrimSpace(buf.take()), lineNo);
          }
          // goose does not reset the buffer here (it can only hold whitespace).
          state = STATE.down;
          break;
        case 'StatementBegin':
          if (state === STATE.up || state === STATE.endUp) state = STATE.beginUp;
          else if (state === STATE.down || state === STATE.endDown) state = STATE.beginDown;
          else throw statementBeginOutOfPlaceError(where, state, beginLine);
          beginLine = lineNo;
          break;
        case 'StatementEnd':
          if (state === STATE.beginUp) state = STATE.endUp;
          else if (state === STATE.beginDown) state = STATE.endDown;
          else throw statementEndOutOfPlaceError(where);
          // goose's quirk: StatementEnd does not `continue`, the line goes on through steps 3..6.
          fallThrough = true;
          break;
        case 'NO TRANSACTION':
          useTx = false;
          break;
        case 'ENVSUB ON':
          useEnvsub = true;
          break;
        case 'ENVSUB OFF':
          useEnvsub = false;
          break;
      }
      if (!fallThrough) continue;
    }

    // 3. Before a statement starts, comments and exactly-empty lines are
    // dropped; whitespace-only lines are not. (A StatementEnd whose block held
    // only comments lands here and leaves the state at 3/6: see step 6.)
    if (buf.isEmpty && (isComment || start === end)) continue;

    // 4. Write the line (never the StatementEnd line), substituting first.
    const closing = state === STATE.endUp || state === STATE.endDown;
    let expanded: string | undefined;
    if (!closing && useEnvsub) {
      const rawLine = sql.slice(start, end);
      const result = interpolate(env, rawLine);
      if (!result.ok) throw envsubError({ file, line: lineNo }, result.kind, result.message, rawLine);
      if (result.value !== rawLine) expanded = result.value;
    }

    // 5. Lines of the other direction are written and immediately dropped.
    if (state === STATE.start) {
      throw unexpectedStartLineError({ file, line: lineNo }, expanded ?? sql.slice(start, end));
    }
    const inUp = state === STATE.up || state === STATE.beginUp || state === STATE.endUp;
    if (inUp !== wantUp) {
      buf.reset();
      continue;
    }
    if (!closing) {
      if (expanded === undefined) buf.writeSource(start, end, lineNo, !blank);
      else buf.writeText(expanded, lineNo, firstNonSpace(expanded) < expanded.length);
    }

    // 6. Emit. In state 3/6 this also runs for the line *after* a StatementEnd
    // that step 3 skipped: that line was not written, so goose emits "" and
    // the line is lost. We reproduce it: goose users' files rely on goose.
    if (state === STATE.up || state === STATE.down) {
      const terminated =
        expanded === undefined
          ? endsWithSemicolonIn(sql, start, end, doubleDash.within(start, end))
          : endsWithSemicolon(expanded);
      if (terminated) emit(lineNo);
    } else if (state === STATE.endUp) {
      emit(lineNo);
      state = STATE.up;
    } else if (state === STATE.endDown) {
      emit(lineNo);
      state = STATE.down;
    }
  }

  // EOF. Errors point at the line where the unfinished thing started, which
  // is where the user has to look (goose reports no line at all).
  if (state === STATE.start) throw missingUpError({ file, line: 1 });
  if (state === STATE.beginUp || state === STATE.beginDown) throw missingStatementEndError({ file, line: beginLine });
  if (buf.hasContent) {
    const line = buf.firstContentLine;
    throw missingSemicolonError({ file, line }, state, direction, goTrimSpace(buf.take()), undefined);
  }
  return { statements, useTx };
}
