import type { Entry, EntryOf, Kind } from '../../src/schema/log-schema.js';
import { KIND_PILLAR } from '../../src/schema/log-schema.js';

let line = 0;

/** A valid entry of a kind, for metric tests that do not go through files. */
export function entry<K extends Kind>(
  kind: K,
  date: string,
  fields: Omit<EntryOf<K>, 'date' | 'pillar' | 'kind' | 'village' | 'at'> & { village?: string },
): Entry {
  line += 1;
  return {
    village: '甲村',
    ...fields,
    kind,
    date,
    pillar: KIND_PILLAR[kind],
    at: { file: 'logs/test.yaml', line, col: 5 },
  } as unknown as Entry;
}
