import { describe, expect, it } from 'vitest';
import { rateStars, starsFor } from '../../src/metrics/rate-stars.js';
import { DEFAULT_STAR_RULE } from '../../src/schema/config-schema.js';
import type { EntryOf } from '../../src/schema/log-schema.js';
import { entry } from '../helpers/entries.js';

const evaluation = (date: string, subject: string, score: number, stars?: number) =>
  entry('evaluation', date, { subject, score, ...(stars === undefined ? {} : { stars }) }) as EntryOf<'evaluation'>;

describe('rateStars', () => {
  it('rates each subject by its latest score this year with the rule, best first', () => {
    const ratings = rateStars(
      [
        evaluation('2023-01-31', '张三', 95),
        evaluation('2023-03-31', '张三', 78, 5),
        evaluation('2023-02-28', '李四', 90),
        evaluation('2022-12-31', '王五', 99),
        evaluation('2023-05-31', '李四', 40),
      ],
      '2023-04',
      DEFAULT_STAR_RULE,
    );
    expect(ratings).toEqual([
      { subject: '李四', village: '甲村', evaluations: 1, latestDate: '2023-02-28', latestScore: 90, totalScore: 90, averageScore: 90, stars: 5 },
      { subject: '张三', village: '甲村', evaluations: 2, latestDate: '2023-03-31', latestScore: 78, totalScore: 173, averageScore: 86.5, stars: 3 },
    ]);
  });

  it('follows a configured rule whatever order it is written in', () => {
    const rule = [
      { min: 60, stars: 3 },
      { min: 85, stars: 5 },
    ];
    const high = [...rule].sort((a, b) => b.min - a.min);
    expect(starsFor(85, high)).toBe(5);
    expect(starsFor(84.9, high)).toBe(3);
    expect(starsFor(59, high)).toBe(0);
  });
});
