/* global require, console */
/* eslint-disable @typescript-eslint/no-require-imports -- require() is what this file checks */
// The READMEs say the packages load with require() on Node.js >= 20.19 (require(esm)): from a CommonJS
// file, as a CommonJS project would, each package by name with a named export it documents.
const expected = {
  '@gander/core': 'createProvider',
  '@gander/startup-check': 'assertSchema',
  '@gander/lint': 'runLint',
  '@gander/testkit': 'assertMigrations',
  '@gander/test-server': 'createTestDatabase',
};
for (const [name, exported] of Object.entries(expected)) {
  const loaded = require(name);
  if (typeof loaded[exported] !== 'function') throw new Error(`require('${name}') has no ${exported}()`);
}
console.log(`require(esm): ${Object.keys(expected).join(', ')}`);
