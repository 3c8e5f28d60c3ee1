import { ganderProject } from '../../vitest.shared.js';

// FORCE_COLOR: the test streams are not TTYs, so colour would be off anyway and
// the NO_COLOR test would prove nothing; forced on, it shows noColor turns it off.
// CI / CONTINUOUS_INTEGRATION off: these tests are a terminal, and with CI set Ink
// draws only its last frame (at exit), so a screen the tests wait for never came.
export default ganderProject('tui', { env: { FORCE_COLOR: '1', CI: 'false', CONTINUOUS_INTEGRATION: 'false' } });
