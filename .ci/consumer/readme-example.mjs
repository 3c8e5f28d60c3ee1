/* global console, process */
// Print a README's first ```js example, so the consumer test runs it exactly as written.
// Usage: node readme-example.mjs <README.md>
import { readFileSync } from 'node:fs';

const [readme] = process.argv.slice(2);
const example = /```js\n([\s\S]*?)```/.exec(readFileSync(readme, 'utf8'));
if (!example) {
  console.error(`${readme}: no \`\`\`js example`);
  process.exit(1);
}
process.stdout.write(example[1]);
