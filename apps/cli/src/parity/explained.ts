import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from './twin.js';

/**
 * Some deliberate differences are one narrow thing (goose's parser trace, an
 * error line's wording): for those, a step marked `!differs: <key>` must not
 * only differ but become equal once exactly that thing is taken out of both
 * sides, so the mark cannot hide any other difference in the same step (the
 * exit code, the version rows, the other lines). Keys without an entry here
 * only have to differ.
 */
export interface Explanation {
  /** What the README says the difference is, for the failure message. */
  what: string;
  /** Take the difference out of one side's observation. */
  remove(o: Observation, tool: 'goose' | 'gander', projectDir: string): Observation;
}

const GRAY = '\u001b[90m';
const RESET = '\u001b[00m';
/** goose's parser trace line, gray even with -no-color (internal/sqlparser/parser.go). */
const isStateMachineLine = (l: string) => l.replaceAll(GRAY, '').replaceAll(RESET, '').startsWith('StateMachine: ');

/** Every migration file of a project as goose's scanner reads it: its lines, without line ends. */
function sqlFileLines(root: string): string[][] {
  const out: string[][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.gander') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.sql')) {
        const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
        if (lines[lines.length - 1] === '') lines.pop();
        if (lines.length > 0) out.push(lines);
      }
    }
  };
  walk(root);
  return out;
}

/** Remove each whole-file echo (the file's lines, in order, contiguous) from the lines. */
function withoutEchoes(lines: readonly string[], files: readonly string[][]): string[] {
  const out = [...lines];
  for (const file of files) {
    for (let i = 0; i + file.length <= out.length; ) {
      if (file.every((l, j) => out[i + j] === l)) out.splice(i, file.length);
      else i++;
    }
  }
  return out;
}

const onGooseStderr =
  (change: (lines: string[], projectDir: string) => string[]) =>
  (o: Observation, tool: 'goose' | 'gander', projectDir: string): Observation =>
    tool === 'goose' ? { ...o, stderr: change(o.stderr, projectDir) } : o;

/** Both sides' error line (the one starting with `prefix`) becomes `<error line>`; nothing else changes. */
const errorLine = (prefix: RegExp) => (o: Observation) => ({
  ...o,
  stderr: o.stderr.map((l) => (prefix.test(l) ? '<error line>' : l)),
});

export const EXPLAINED: Readonly<Record<string, Explanation>> = {
  'verbose-parser-trace': {
    what: "goose's -v echoes every line of each file it parses and its parser's `StateMachine: …` steps",
    remove: onGooseStderr((lines, dir) => withoutEchoes(lines.filter((l) => !isStateMachineLine(l)), sqlFileLines(dir))),
  },
  'colour-in-pipe': {
    what: "goose colours its -v lines gray when stderr is not a terminal (a format ending in a newline leaves the reset code on a line of its own)",
    remove: onGooseStderr((lines) => lines.filter((l) => l !== RESET).map((l) => l.replaceAll(GRAY, '').replaceAll(RESET, ''))),
  },
  'statement-error-text': { what: 'the wording of the error line of a failed statement', remove: errorLine(/^goose run: /) },
  'timeout-error-text': { what: 'the wording of the error line after -timeout', remove: errorLine(/^goose run: /) },
  'dotenv-error-text': { what: 'the wording of the error line of a .env that does not parse', remove: errorLine(/^failed to load env file: /) },
};
