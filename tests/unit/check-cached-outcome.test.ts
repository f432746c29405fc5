/** What is read back from the cache is served only when it has the shape of a log file's outcome. */
import { describe, expect, it } from 'vitest';
import { isLogFileOutcome } from '../../src/load/check-cached-outcome.js';
import { parseLogFile } from '../../src/load/parse-log-file.js';

const text = [
  'village: 永胜村',
  'entries:',
  '  - date: 2023-04-08',
  '    pillar: night-talk',
  '    kind: suggestion',
  '    id: 永胜-20230408-01',
  '    text: 路灯不亮',
  '  - date: 2023-04-09',
  '    pillar: talent',
  '    kind: training',
  '    topic: 电商',
  '    attendees: 20',
  '  - date: 2023-04-10',
  '    pillar: organization',
  '    kind: joint-org',
  '    name: 联合党委',
  '    villages: [永胜村, 和平村]',
  '  - date: 2023-04-32',
  '    pillar: night-talk',
  '    kind: suggestion',
  '    id: 永胜-20230432-01',
  '    text: 坏日期',
  '',
].join('\n');
const outcome = parseLogFile('logs/2023/04/永胜村.yaml', text, undefined);

describe('isLogFileOutcome', () => {
  it('accepts what parsing gives: entries, problems and refused suggestions', () => {
    expect(outcome.entries).toHaveLength(3);
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.refusedSuggestions).toHaveLength(1);
    expect(isLogFileOutcome(structuredClone(outcome))).toBe(true);
    expect(isLogFileOutcome({ entries: [], problems: [], refusedSuggestions: [] })).toBe(true);
  });

  it('refuses anything else, down to one field of one entry', () => {
    const changed = (change: (copy: typeof outcome) => void) => {
      const copy = structuredClone(outcome);
      change(copy);
      return isLogFileOutcome(copy);
    };
    for (const wrong of [
      {},
      null,
      [],
      'x',
      { entries: [null], problems: [], refusedSuggestions: [] },
      { entries: [], problems: [{}], refusedSuggestions: [] },
    ]) {
      expect(isLogFileOutcome(wrong), JSON.stringify(wrong)).toBe(false);
    }
    const entry = (copy: typeof outcome, i: number) => copy.entries[i] as unknown as Record<string, unknown>;
    expect(changed((copy) => (entry(copy, 1).attendees = '599994'))).toBe(false);
    expect(changed((copy) => (entry(copy, 1).attendees = Infinity))).toBe(false);
    expect(changed((copy) => (entry(copy, 1).kind = 'party'))).toBe(false);
    expect(changed((copy) => (entry(copy, 1).pillar = 'ecology'))).toBe(false);
    expect(changed((copy) => (entry(copy, 1).date = '2023-4-9'))).toBe(false);
    expect(changed((copy) => (entry(copy, 1).injected = 1))).toBe(false);
    expect(changed((copy) => delete entry(copy, 1).at)).toBe(false);
    expect(changed((copy) => (entry(copy, 2).villages = [1]))).toBe(false);
    expect(changed((copy) => ((copy.problems[0] as unknown as Record<string, unknown>).code = 'E-NOPE'))).toBe(false);
    expect(changed((copy) => ((copy.problems[0] as unknown as Record<string, unknown>).severity = 'warning'))).toBe(false);
    expect(changed((copy) => ((copy.problems[0] as unknown as Record<string, unknown>).params = { x: {} }))).toBe(false);
    expect(changed((copy) => ((copy.refusedSuggestions[0] as unknown as Record<string, unknown>).fieldAt = {}))).toBe(false);
  });
});
