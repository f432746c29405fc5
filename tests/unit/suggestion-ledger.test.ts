import { describe, expect, it } from 'vitest';
import { suggestionLedger } from '../../src/report/suggestion-ledger.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

const { ledger } = checkSuggestions([
  entry('suggestion', '2023-03-08', { id: 'B', text: '村道', topic: '道路交通' }),
  entry('suggestion', '2023-03-08', { id: 'A', text: '路灯', resolved: '2023-03-20' }),
  entry('resolution', '2023-04-10', { ref: 'B' }),
  entry('suggestion', '2023-04-08', { id: 'C', text: '河道' }),
  entry('suggestion', '2023-05-02', { id: 'D', text: '饮水' }),
]);

describe('suggestionLedger', () => {
  it('lists what was made by the day, oldest first, with the status as of that day', () => {
    expect(suggestionLedger(ledger, '2023-03-31').map((row) => [row.id, row.status, row.resolvedOn, row.daysOpen])).toEqual([
      ['A', 'resolved', '2023-03-20', 12],
      ['B', 'open', null, 23],
    ]);
  });

  it('counts days to the resolution once resolved, and to the day while open', () => {
    expect(suggestionLedger(ledger, '2023-04-30').map((row) => [row.id, row.status, row.daysOpen])).toEqual([
      ['A', 'resolved', 12],
      ['B', 'resolved', 33],
      ['C', 'open', 22],
    ]);
  });

  it('keeps only the open ones when asked', () => {
    expect(suggestionLedger(ledger, '2023-04-30', { openOnly: true }).map((row) => row.id)).toEqual(['C']);
    expect(suggestionLedger(ledger, '2023-05-31', { openOnly: true }).map((row) => row.id)).toEqual(['C', 'D']);
  });

  it('says where each suggestion was written', () => {
    expect(suggestionLedger(ledger, '2023-03-31')[0]).toMatchObject({ file: 'logs/test.yaml', topic: null });
  });
});

describe('办理情况 (how each suggestion was handled)', () => {
  const { ledger: handled } = checkSuggestions([
    entry('suggestion', '2023-03-08', { id: 'R', text: '村道', note: '三组村民提出' }),
    entry('resolution', '2023-04-10', { ref: 'R', note: '已硬化路面300米' }),
    entry('suggestion', '2023-03-08', { id: 'I', text: '路灯', resolved: '2023-03-20', note: '更换灯泡2个' }),
    entry('suggestion', '2023-04-08', { id: 'O', text: '河道', note: '已报区水务局' }),
    entry('suggestion', '2023-04-08', { id: 'N', text: '饮水' }),
  ]);
  const handling = (asOf: string) => Object.fromEntries(suggestionLedger(handled, asOf).map((row) => [row.id, row.handling]));

  it('is the resolution’s note, else the suggestion’s own (resolved in place, or open with what was done so far)', () => {
    expect(handling('2023-04-30')).toEqual({ R: '已硬化路面300米', I: '更换灯泡2个', O: '已报区水务局', N: null });
  });

  it('is not told before the resolution happened', () => {
    expect(handling('2023-03-31')).toEqual({ R: null, I: '更换灯泡2个' });
  });
});
