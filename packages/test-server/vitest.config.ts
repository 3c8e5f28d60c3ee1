import { ganderProject } from '../../vitest.shared.js';

// A crash test waits for the reaper.
export default ganderProject('test-server', { hookTimeout: 120_000 });
