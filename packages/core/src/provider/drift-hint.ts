import { createHash } from 'node:crypto';
import type { MigrationSource } from '../source/index.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * True when the file differs from what was applied only in its line endings
 * (a CRLF ↔ LF conversion by git or an editor): the checksum differs, but
 * the file converted back matches the recorded one.
 */
export function onlyLineEndingsChanged(source: MigrationSource, recordedChecksum: string | undefined): boolean {
  if (recordedChecksum === undefined) return false;
  const lf = source.content.replace(/\r\n/g, '\n');
  return sha256(lf) === recordedChecksum || sha256(lf.replace(/\n/g, '\r\n')) === recordedChecksum;
}

/** The drift error's hint, naming the files whose only change is line endings. */
export function driftHint(lineEndingFiles: readonly string[]): string {
  const base = 'restore the applied files as they were and put the change in a new migration, or pass allowDrift (--allow-drift)';
  if (lineEndingFiles.length === 0) return base;
  return `only the line endings changed (CRLF ↔ LF) in ${lineEndingFiles.join(', ')}: convert ${lineEndingFiles.length === 1 ? 'it' : 'them'} back (check git's core.autocrlf / .gitattributes), or ${base.replace(/^restore/, 'otherwise restore')}`;
}
