import { ganderProject } from '../../vitest.shared.js';

// FORCE_COLOR: the test streams are not TTYs, so colour would be off anyway and
// the NO_COLOR test would prove nothing; forced on, it shows noColor turns it off.
export default ganderProject('tui', { env: { FORCE_COLOR: '1' } });
