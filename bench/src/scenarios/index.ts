import type { Scenario } from '../scenario.js';
import { collectScenario } from './collect.js';
import { parserScenario } from './parser.js';

/** Every scenario, in the order they run. Add new ones here. */
export const scenarios: readonly Scenario[] = [parserScenario, collectScenario];
