import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every service start (startup-check) and every CLI command imports core's bundle: a Node module it loads at
// import time is paid on each cold start. child_process (with the dgram and net it pulls in) is needed only by
// `dump`, so it is imported there, when used (bench/README.md, "Third pass": 19.2 → 16.4 ms per import).
const BUNDLE = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function nodeModulesLoadedBy(script: string): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return (JSON.parse(out) as string[]).map((name) => name.replace(/^NativeModule /, ''));
}

describe("importing @gander/core's bundle", () => {
  it('loads neither child_process nor perf_hooks', () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
    const loaded = nodeModulesLoadedBy(
      `await import(${JSON.stringify(BUNDLE)}); console.log(JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule '))));`,
    );
    expect(loaded).toContain('fs'); // the list is real: core reads files
    expect(loaded.filter((name) => ['child_process', 'perf_hooks'].includes(name))).toEqual([]);
  });
});
