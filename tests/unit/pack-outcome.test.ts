/**
 * What crosses from a parse worker and what the workspace cache keeps is a
 * packed outcome: read back, it must be the outcome the file gives in the
 * main thread, to the key order and every undefined value, for every
 * example and fixture (problems included) and for values JSON would change.
 */
import { describe, expect, it } from 'vitest';
import { packOutcome, unpackOutcome } from '../../src/load/pack-outcome.js';
import { parseLogFile } from '../../src/load/parse-log-file.js';
import { fixtureText, fixtureYamlFiles } from '../helpers/yaml-fixtures.js';

/** Every key in order, undefined values and -0 included. */
const exactly = (value: unknown) => JSON.stringify(value, (_key, item) => (item === undefined ? '<undefined>' : Object.is(item, -0) ? '<-0>' : item));

describe('packOutcome and unpackOutcome', () => {
  const files = fixtureYamlFiles().filter((file) => /(^|\/)logs\//.test(file) || file.startsWith('tests/'));

  it("give back every fixture's outcome exactly", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = fixtureText(file);
      if (text === undefined) continue;
      const unpacked = unpackOutcome(packOutcome(parseLogFile(file, text, ['永胜村'])), file);
      expect(exactly(unpacked), file).toBe(exactly(parseLogFile(file, text, ['永胜村'])));
    }
  });

  it('keep what JSON would change: a key holding undefined, a -0', () => {
    const file = 'logs/2023/04/a.yaml';
    const text = 'village: 新华村\nentries:\n  - date: 2023-04-09\n    pillar: talent\n    kind: training\n    topic: 电商\n    attendees: -0\n';
    const outcome = parseLogFile(file, text, undefined);
    expect(exactly(unpackOutcome(packOutcome(parseLogFile(file, text, undefined)), file))).toBe(exactly(outcome));
    const joint = 'entries:\n  - date: 2023-04-09\n    pillar: organization\n    kind: joint-org\n    name: 联合党委\n    villages: [新华村, 永胜村]\n';
    expect(exactly(unpackOutcome(packOutcome(parseLogFile(file, joint, undefined)), file))).toBe(exactly(parseLogFile(file, joint, undefined)));
  });

  it('give nothing back for bytes that are not a packed outcome', () => {
    for (const bytes of [new Uint8Array(0), Buffer.from('J{"entries":[null]}'), Buffer.from('J{not json'), Buffer.from('Vxx'), Buffer.from('X{}')]) {
      expect(unpackOutcome(bytes, 'a.yaml')).toBeUndefined();
    }
  });
});
