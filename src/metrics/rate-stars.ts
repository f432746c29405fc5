/**
 * 星级评定: each evaluated subject (a team member, an area) rated by the
 * config's rule from its latest score this year. The rule decides for every
 * subject alike; a `stars` value written in the log is not used. Pure.
 */
import type { EntryOf } from '../schema/log-schema.js';
import type { StarRule } from '../schema/config-schema.js';
import { roundSum } from './metric-definitions.js';
import type { YearMonth } from './report-period.js';
import { reportWindows, isWithin } from './report-period.js';
import { compareText } from '../compare-text.js';

export interface StarRating {
  subject: string;
  village: string;
  evaluations: number;
  latestDate: string;
  latestScore: number;
  /** The sum of the year's scores, so that ratings of separate logs can be merged (averageScore is rounded). */
  totalScore: number;
  averageScore: number;
  stars: number;
}

export function rateStars(evaluations: readonly EntryOf<'evaluation'>[], month: YearMonth, rule: readonly StarRule[]): StarRating[] {
  const ytd = reportWindows(month).ytd;
  const bySubject = new Map<string, EntryOf<'evaluation'>[]>();
  for (const evaluation of evaluations) {
    if (!isWithin(evaluation.date, ytd)) continue;
    bySubject.set(evaluation.subject, [...(bySubject.get(evaluation.subject) ?? []), evaluation]);
  }
  const steps = [...rule].sort((a, b) => b.min - a.min);
  const ratings = [...bySubject].map(([subject, list]) => {
    // The latest by date; on the same day, the one written later in the logs.
    const latest = list.reduce((a, b) => (b.date >= a.date ? b : a));
    const total = roundSum(list.reduce((sum, evaluation) => sum + evaluation.score, 0));
    return {
      subject,
      village: latest.village,
      evaluations: list.length,
      latestDate: latest.date,
      latestScore: latest.score,
      totalScore: total,
      averageScore: averageScore(total, list.length),
      stars: starsFor(latest.score, steps),
    };
  });
  return ratings.sort(compareRatings);
}

/** Best first: by stars, then latest score, then subject. */
export function compareRatings(a: StarRating, b: StarRating): number {
  return b.stars - a.stars || b.latestScore - a.latestScore || compareText(a.subject, b.subject);
}

/** The average shown: one decimal. */
export function averageScore(total: number, evaluations: number): number {
  return Math.round((total / evaluations) * 10) / 10;
}

/** The stars of the highest step the score reaches; a score below every step gets none. */
export function starsFor(score: number, stepsHighFirst: readonly StarRule[]): number {
  return stepsHighFirst.find((step) => score >= step.min)?.stars ?? 0;
}
