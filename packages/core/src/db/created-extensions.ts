const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"([^"]+)"|([A-Za-z_][\w-]*))/gi;

/**
 * The extensions migrations create (`CREATE EXTENSION [IF NOT EXISTS] x`),
 * each with the files that create it, in the order first seen. Line and block
 * comments are ignored; the check is textual, which is enough to choose what
 * an embedded database loads before the migrations run.
 */
export function extensionsCreatedBy(sources: readonly { fileName: string; content: string }[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const source of sources) {
    const code = source.content.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, '');
    for (const match of code.matchAll(CREATE_EXTENSION)) {
      const name = (match[1] ?? match[2] ?? '').toLowerCase();
      if (!name) continue;
      const files = found.get(name) ?? [];
      if (!files.includes(source.fileName)) files.push(source.fileName);
      found.set(name, files);
    }
  }
  return found;
}
