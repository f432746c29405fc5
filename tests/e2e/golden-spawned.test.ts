/**
 * The scenario table through the built bin, against the same golden files
 * as in-process. Each run is a child process that mostly waits on Node's
 * start-up, so several run at once; each has a workspace of its own.
 * While `npm run golden:update` rewrites the golden files from the
 * in-process runs (in the other project, at the same time) these are not
 * run: they would read files half rewritten. `npm test` then checks them.
 */
import { describe, it } from 'vitest';
import { checkScenario } from './golden-scenario.js';
import { spawned } from './hosts.js';
import { SCENARIOS } from './scenarios.js';

describe.skipIf(process.env.UPDATE_GOLDEN === '1').concurrent('spawned bin', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => checkScenario(scenario, 'spawned bin', spawned));
  }
});
