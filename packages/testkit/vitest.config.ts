import { ganderProject } from '../../vitest.shared.js';

// A crash test waits for the reaper, and PGlite needs seconds to start.
export default ganderProject('testkit', { hookTimeout: 120_000 });
