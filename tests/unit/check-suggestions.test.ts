import { describe, expect, it } from 'vitest';
import type { ProblemParams } from '../../src/problems/problem.js';
import type { RefusedSuggestion } from '../../src/validate/check-suggestions.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

const codes = (entries: Parameters<typeof checkSuggestions>[0]) =>
  checkSuggestions(entries).problems.map((p) => [p.code, (p.params as ProblemParams).id ?? (p.params as ProblemParams).ref]);

describe('checkSuggestions', () => {
  it('resolves by an inline date or by a resolution entry', () => {
    const { ledger, problems } = checkSuggestions([
      entry('suggestion', '2023-04-08', { id: 'A', text: '路灯', resolved: '2023-04-10' }),
      entry('suggestion', '2023-04-08', { id: 'B', text: '村道' }),
      entry('resolution', '2023-04-20', { ref: 'B' }),
      entry('suggestion', '2023-04-08', { id: 'C', text: '河道' }),
    ]);
    expect(problems).toEqual([]);
    expect(ledger.map((s) => [s.id, s.resolvedOn])).toEqual([
      ['A', '2023-04-10'],
      ['B', '2023-04-20'],
      ['C', null],
    ]);
  });

  it('treats ids as text: 12 and "12" are the same suggestion', () => {
    // Validation turns a numeric id into text; the ledger compares text.
    expect(codes([entry('suggestion', '2023-04-08', { id: '12', text: '一' }), entry('suggestion', '2023-04-09', { id: '12', text: '二' })])).toEqual([
      ['E-DUPLICATE-SUGGESTION-ID', '12'],
    ]);
  });

  it('names where a duplicated id was first used', () => {
    const first = entry('suggestion', '2023-04-08', { id: 'X', text: '一' });
    const { problems } = checkSuggestions([first, entry('suggestion', '2023-04-09', { id: 'X', text: '二' })]);
    expect((problems[0]!.params as ProblemParams).first).toBe(`logs/test.yaml:${first.at.line}`);
  });

  it('refuses a reference to no suggestion, suggesting the closest id', () => {
    const { problems } = checkSuggestions([
      entry('suggestion', '2023-04-08', { id: '永胜-20230408-01', text: '一' }),
      entry('resolution', '2023-04-09', { ref: '永胜-20230408-1' }),
    ]);
    expect(problems.map((p) => [p.code, (p.params as ProblemParams).suggestion])).toEqual([['E-DANGLING-REF', '永胜-20230408-01']]);
  });

  it('refuses a suggestion resolved twice, in either way', () => {
    expect(
      codes([
        entry('suggestion', '2023-04-08', { id: 'A', text: '一', resolved: '2023-04-09' }),
        entry('resolution', '2023-04-10', { ref: 'A' }),
        entry('suggestion', '2023-04-08', { id: 'B', text: '二' }),
        entry('resolution', '2023-04-10', { ref: 'B' }),
        entry('resolution', '2023-04-11', { ref: 'B' }),
      ]),
    ).toEqual([
      ['E-RESOLVED-TWICE', 'A'],
      ['E-RESOLVED-TWICE', 'B'],
    ]);
  });

  it('refuses a resolution dated before its suggestion, whichever file comes first', () => {
    expect(
      codes([
        entry('resolution', '2023-03-01', { ref: 'A' }),
        entry('suggestion', '2023-04-08', { id: 'A', text: '一' }),
        entry('suggestion', '2023-04-08', { id: 'B', text: '二', resolved: '2023-04-07' }),
      ]),
    ).toEqual([
      ['E-RESOLUTION-BEFORE-SUGGESTION', 'B'],
      ['E-RESOLUTION-BEFORE-SUGGESTION', 'A'],
    ]);
  });
});

describe('a suggestion the entry checks refused', () => {
  const refused = (id: string, date: string | undefined, extra: Partial<RefusedSuggestion> = {}, line = 90): RefusedSuggestion => {
    const at = { file: 'logs/b.yaml', line, col: 5 };
    return { id, date, village: '红旗村', resolved: undefined, at, fieldAt: { id: { ...at, col: 9 }, date: { ...at, col: 11 } }, ...extra };
  };

  it('keeps its id: a resolution naming it is not dangling, and it is not in the ledger', () => {
    const { ledger, problems } = checkSuggestions([entry('resolution', '2023-04-20', { ref: '红旗-20230409-01' })], [refused('红旗-20230409-01', undefined)]);
    expect(problems).toEqual([]);
    expect(ledger).toEqual([]);
  });

  it('compares nothing with a date it could not read, and what it could read as usual', () => {
    expect(checkSuggestions([entry('resolution', '2023-04-01', { ref: 'A' })], [refused('A', undefined)]).problems).toEqual([]);
    expect(codes2([entry('resolution', '2023-04-01', { ref: 'A' })], [refused('A', '2023-04-09')])).toEqual([['E-RESOLUTION-BEFORE-SUGGESTION', 'A']]);
  });

  it('still has its id taken by one suggestion only, and is resolved once', () => {
    const first = entry('suggestion', '2023-04-08', { id: 'A', text: '一' });
    expect(codes2([first], [refused('A', undefined, {}, 95)])).toEqual([['E-DUPLICATE-SUGGESTION-ID', 'A']]);
    expect(codes2([entry('resolution', '2023-04-20', { ref: 'B' }), entry('resolution', '2023-04-21', { ref: 'B' })], [refused('B', undefined)])).toEqual([
      ['E-RESOLVED-TWICE', 'B'],
    ]);
  });
});

function codes2(entries: Parameters<typeof checkSuggestions>[0], refused: RefusedSuggestion[]) {
  return checkSuggestions(entries, refused).problems.map((p) => [p.code, (p.params as ProblemParams).id ?? (p.params as ProblemParams).ref]);
}
