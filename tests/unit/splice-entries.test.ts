/** spliceEntries is a faster spliceEntry applied entry after entry: the same text, whatever the log's layout. */
import { describe, expect, it } from 'vitest';
import { spliceEntries, spliceEntry } from '../../src/record/splice-entry.js';

const LAYOUTS = {
  block: 'village: 永胜村\nentries:\n  - date: 2023-04-08\n    kind: session\n',
  blankBetween: 'village: 永胜村\nentries:\n  - date: 2023-04-08\n    kind: session\n\n  - date: 2023-04-09\n    kind: session\n',
  oneLine: 'entries:\n  - {date: 2023-04-08, kind: session}\n  - {date: 2023-04-09, kind: session}\n',
  flow: 'entries: [{date: 2023-04-08, kind: session}]\n',
  empty: 'village: 永胜村\nentries:\n',
  emptyList: 'entries: []  # none yet\n',
  crlfNoLastEnd: 'village: 永胜村\r\nentries:\r\n  - date: 2023-04-08\r\n    kind: session',
  commentAfter: 'entries:\n  - date: 2023-04-08\n    kind: session\n# 以下为五月\n',
};

function oneByOne(text: string, list: Record<string, unknown>[]): string {
  let out = text;
  for (const values of list) {
    const spliced = spliceEntry(out, values);
    if (!spliced.ok) throw new Error(spliced.reason);
    out = spliced.text;
  }
  return out;
}

describe('spliceEntries', () => {
  const list = Array.from({ length: 7 }, (_, i) => ({
    date: `2023-05-0${i + 1}`,
    village: i % 2 ? '永胜村' : '和平村',
    kind: 'session',
    attendees: i,
    note: `第${i}次`,
  }));
  for (const [name, text] of Object.entries(LAYOUTS)) {
    it(`${name}: the same text as one entry after another`, () => {
      const batched = spliceEntries(text, list);
      expect(batched.ok).toBe(true);
      if (batched.ok) {
        expect(batched.text).toBe(oneByOne(text, list));
        expect(batched.indexes).toHaveLength(list.length);
      }
    });
  }
});
