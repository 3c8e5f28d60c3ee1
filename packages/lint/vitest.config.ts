import { ganderProject } from '../../vitest.shared.js';

export default ganderProject('lint');
