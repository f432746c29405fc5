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
