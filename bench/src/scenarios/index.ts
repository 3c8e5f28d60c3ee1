import type { Scenario } from '../harness/types.js';
import { schemaScenario } from './a-schema.js';
import { schemaPgliteScenario } from './a2-schema-pglite.js';
import { manySmallScenario } from './b-many-small.js';
import { status10kScenario } from './c-status-10k.js';
import { parserScenario } from './d-parser.js';
import { cliLintScenario } from './e-cli-lint.js';
import { cliStatusScenario } from './e-cli-status.js';
import { cliVersionScenario } from './e-cli-version.js';
import { embeddedStatusScenario } from './e-embedded-status.js';
import { startupCheckScenario } from './f-startup-check.js';
import { fleetScenario } from './g-fleet.js';
import { lint10kScenario } from './g-lint-10k.js';
import { collectScenario } from './source-collect.js';

/** Every scenario, in the order they run. Add new ones here. */
export const scenarios: readonly Scenario[] = [
  schemaScenario,
  schemaPgliteScenario,
  manySmallScenario,
  status10kScenario,
  parserScenario,
  cliVersionScenario,
  cliStatusScenario,
  cliLintScenario,
  embeddedStatusScenario,
  startupCheckScenario,
  fleetScenario,
  collectScenario,
  lint10kScenario,
];
