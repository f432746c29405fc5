/**
 * The fast parser (js-yaml) and the diagnosing one (yaml) must read every
 * file the same way, or a report could count what `check` never saw.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { fixtureText, fixtureYamlFiles } from '../helpers/yaml-fixtures.js';

const yamlFiles = fixtureYamlFiles();

describe('js-yaml and yaml agree', () => {
  it('finds fixtures to compare', () => {
    expect(yamlFiles.length).toBeGreaterThan(40);
  });

  for (const file of yamlFiles) {
    it(file, () => {
      const text = fixtureText(file);
      if (text === undefined) return;
      const ours = parseYaml(text, file);
      let theirs: unknown;
      let theirsFailed = false;
      try {
        theirs = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
      } catch {
        theirsFailed = true;
      }
      expect(ours.ok, 'both accept or both refuse').toBe(!theirsFailed);
      if (ours.ok) expect(ours.document.value ?? null).toEqual(theirs ?? null);
    });
  }
});
