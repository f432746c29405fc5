/**
 * The editor schemas in schema/ are generated from the validator's own
 * definitions; these tests keep them current and check that a schema and
 * the validator give the same verdict on every fixture file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { configJsonSchema, logFileJsonSchema } from '../../src/schema/json-schemas.js';
import { validateConfig } from '../../src/validate/validate-config.js';
import { validateLogFile } from '../../src/validate/validate-log-file.js';
import { REPO, fixtureText, fixtureYamlFiles } from '../helpers/yaml-fixtures.js';

const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strict: false });
const validLog = ajv.compile(logFileJsonSchema());
const validConfig = ajv.compile(configJsonSchema());

const yamlFiles = fixtureYamlFiles();
const SCHEMA_REFUSES = new Set(['W-UNKNOWN-FIELD', 'W-FULLWIDTH-DIGITS', 'W-NUMBER-GROUPING']);

describe('schema/', () => {
  it('holds the schemas as generated from the current definitions (npm run schema)', () => {
    expect(JSON.parse(readFileSync(path.join(REPO, 'schema/log.schema.json'), 'utf8'))).toEqual(logFileJsonSchema());
    expect(JSON.parse(readFileSync(path.join(REPO, 'schema/revitalize.schema.json'), 'utf8'))).toEqual(configJsonSchema());
  });
});

describe('schema and validator agree', () => {
  let compared = 0;
  for (const file of yamlFiles) {
    it(file, () => {
      const text = fixtureText(file);
      if (text === undefined) return;
      const parsed = parseYaml(text, file);
      // A schema speaks of values: files that do not parse, or are empty, are outside it.
      if (!parsed.ok || parsed.document.value === undefined || parsed.document.value === null) return;
      const isConfig = path.basename(file) === 'revitalize.yaml';
      const problems = isConfig ? validateConfig(parsed.document).problems : validateLogFile(parsed.document).problems;
      // The schema is strict where the validator warns: an unknown field is outside the format, and so is
      // a number in full-width digits or with thousands separators, which the validator reads past.
      const ours = !problems.some((p) => p.severity === 'error' || SCHEMA_REFUSES.has(p.code));
      const theirs = (isConfig ? validConfig : validLog)(parsed.document.value);
      expect(theirs, JSON.stringify(problems.map((p) => p.code))).toBe(ours);
      compared++;
    });
  }
  it('compared enough files to mean something', () => {
    expect(compared).toBeGreaterThan(50);
  });
});
