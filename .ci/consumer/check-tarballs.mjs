/* global console, process */
// What a published tarball may hold: LICENSE, README, package.json, dist, src;
// no tests, test helpers or fixtures; no path of the machine that built it;
// every source map and declaration map naming only files inside the tarball (or embedding a bundled
// dependency's file).
// Usage: node check-tarballs.mjs <dir of unpacked tarballs> <workspace root>
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const [unpacked, workspace] = process.argv.slice(2);
const problems = [];
const walk = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

for (const tarball of readdirSync(unpacked)) {
  const root = join(unpacked, tarball, 'package');
  const files = walk(root);
  const shown = (file) => `${tarball}: ${relative(root, file)}`;
  for (const required of ['LICENSE', 'README.md', 'package.json']) {
    if (!existsSync(join(root, required))) problems.push(`${tarball}: no ${required}`);
  }
  for (const file of files) {
    const path = relative(root, file);
    if (/\.test\.|(^|\/)(testdata|test-support|reliability|e2e)\//.test(path)) problems.push(`${shown(file)}: test code or fixture`);
    const text = readFileSync(file, 'utf8');
    if (workspace && text.includes(workspace)) problems.push(`${shown(file)}: contains the build machine's path ${workspace}`);
    if (path.endsWith('.map')) {
      const map = JSON.parse(text);
      (map.sources ?? []).forEach((source, i) => {
        const target = resolve(dirname(file), map.sourceRoot ?? '', source);
        if (target.startsWith(root) && existsSync(target)) return;
        // A dependency bundled into the file (the CLI carries node-postgres) is not in the tarball: the map embeds it.
        if (source.includes('node_modules/') && typeof map.sourcesContent?.[i] === 'string') return;
        problems.push(`${shown(file)}: names ${source}, which is not in the tarball`);
      });
    }
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (JSON.stringify(manifest.exports ?? {}).includes('@gander/source')) problems.push(`${tarball}: exports keep the workspace-only @gander/source condition`);
  for (const field of ['repository', 'homepage', 'bugs', 'license']) if (!manifest[field]) problems.push(`${tarball}: package.json has no ${field}`);
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (String(range).startsWith('workspace:')) problems.push(`${tarball}: ${name} is still ${range}`);
  }
  console.log(`${tarball}: ${files.length} files checked`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
