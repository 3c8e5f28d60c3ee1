// What bin.cjs imports for every command line but a lone --version. The build
// bundles this file in place (dist/bundle-entry.js, plus one chunk per lazily
// loaded command and shared code), so a cold start opens a few files instead
// of one per module; dist/main.js and the rest stay as tsc wrote them for the
// package's library entry (index.js).
export { run } from './main.js';
