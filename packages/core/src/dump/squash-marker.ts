/**
 * A squashed file takes the version of the last file it replaces, whose
 * checksum the audit log of every database that applied it still holds. The
 * file names that checksum in its header, so gander's drift check knows the
 * change is the squash and not an edit:
 *   -- gander squash replaces 004_add_x.sql (sha256 9f86d0…)
 */
const MARKER = /^-- gander squash replaces (\d+)_.+ \(sha256 ([0-9a-f]{64})\)$/;

export function squashMarkerLine(fileName: string, checksum: string): string {
  return `-- gander squash replaces ${fileName} (sha256 ${checksum})`;
}

/**
 * The checksums a file's header says it replaces at `version` (the file of the
 * same version, the only one whose audit rows a database can hold for it), or
 * at any version when none is given. Only comment lines before `-- +goose Up` count.
 */
export function replacedChecksums(content: string, version?: bigint): Set<string> {
  const found = new Set<string>();
  for (const line of content.split('\n')) {
    const trimmed = line.trimEnd();
    if (/^--\s*\+goose\s+up\b/i.test(trimmed)) break;
    const match = MARKER.exec(trimmed);
    if (match && (version === undefined || BigInt(match[1]!) === version)) found.add(match[2]!);
  }
  return found;
}
