import { equalFoldAscii, goTrimSpace, quoteExcerpt } from './go-text.js';

/** The annotations goose understands, spelled as goose spells them. */
export type Annotation =
  | 'Up'
  | 'Down'
  | 'StatementBegin'
  | 'StatementEnd'
  | 'NO TRANSACTION'
  | 'ENVSUB ON'
  | 'ENVSUB OFF';

export const ANNOTATIONS: readonly Annotation[] = [
  'Up',
  'Down',
  'StatementBegin',
  'StatementEnd',
  'NO TRANSACTION',
  'ENVSUB ON',
  'ENVSUB OFF',
];

/** Why a `-- +goose` line is not an annotation; `message` is goose's own text. */
export interface AnnotationProblem {
  kind: 'leading-whitespace' | 'multiple' | 'empty' | 'unsupported';
  message: string;
}

export type AnnotationResult = { ok: true; annotation: Annotation } | { ok: false; problem: AnnotationProblem };

/**
 * goose's `extractAnnotation`, step for step: it is deliberately crude (it
 * removes every `--` in the line, not only the leading one), and files in the
 * wild depend on exactly what it accepts, e.g. `--+goose up`, `-- +goose   UP \t`
 * and `-- +gooseUp` are all "Up", while `-- +goose Up -- comment` is rejected.
 */
export function extractAnnotation(line: string): AnnotationResult {
  if (line.startsWith(' ') || line.startsWith('\t')) {
    return fail('leading-whitespace', `${quoteExcerpt(line)} contains leading whitespace: invalid annotation`);
  }
  let cmd = line.split('--').join('');
  const at = cmd.indexOf('+goose');
  if (at !== -1) cmd = cmd.slice(0, at) + cmd.slice(at + '+goose'.length);
  if (cmd.includes('+goose')) {
    return fail('multiple', `${quoteExcerpt(cmd)} contains multiple '+goose' annotations: invalid annotation`);
  }
  cmd = goTrimSpace(cmd);
  if (cmd === '') return fail('empty', 'empty annotation');
  for (const annotation of ANNOTATIONS) {
    if (equalFoldAscii(cmd, annotation)) return { ok: true, annotation };
  }
  return fail('unsupported', `${quoteExcerpt(cmd)} not supported: invalid annotation`);
}

function fail(kind: AnnotationProblem['kind'], message: string): AnnotationResult {
  return { ok: false, problem: { kind, message } };
}
