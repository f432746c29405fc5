/** The scenario table in-process, against the golden files (written from here by `npm run golden:update`). */
import { describe, it } from 'vitest';
import { checkScenario } from './golden-scenario.js';
import { inProcess } from './hosts.js';
import { SCENARIOS } from './scenarios.js';

describe('in-process', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => checkScenario(scenario, 'in-process', inProcess));
  }
});
