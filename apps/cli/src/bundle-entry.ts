// What bin.cjs requires for every command line but a lone --version. The build
// bundles this file and everything it imports into one CommonJS file
// (dist/cli.cjs, scripts/bundle.mjs), so a cold start opens one file instead
// of one per module; dist/main.js and the rest stay as tsc wrote them for the
// package's library entry (index.js).
export { run } from './main.js';
