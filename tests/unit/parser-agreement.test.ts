/**
 * The fast parser (js-yaml) and the diagnosing one (yaml) must read every
 * file the same way, or a report could count what `check` never saw.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml } from '../../src/load/parse-yaml.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const yamlFiles = ['examples', 'tests/fixtures'].flatMap((folder) =>
  (readdirSync(path.join(REPO, folder), { recursive: true }) as string[])
    .map((file) => path.join(folder, file))
    .filter((file) => /\.ya?ml$/.test(file) && statSync(path.join(REPO, file)).isFile()),
);

describe('js-yaml and yaml agree', () => {
  it('finds fixtures to compare', () => {
    expect(yamlFiles.length).toBeGreaterThan(40);
  });

  for (const file of yamlFiles) {
    it(file, () => {
      const text = readFileSync(path.join(REPO, file), 'utf8');
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
