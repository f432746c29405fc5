/**
 * The report's figures by key, each with its unit: the contract of the JSON
 * report, and what targets in revitalize.config name. How each is measured
 * is metrics/metric-definitions.ts, whose definitions must cover exactly
 * these keys in this order (a test holds them together). The list lives
 * here, below the metrics, so that the config schema can name metrics
 * without importing the measures, which import the schema.
 */

/** count: things or people; yuan: money; jin: weight in 斤; ratio: a fraction 0–1; score: 0–100. */
export const METRIC_UNITS = ['count', 'yuan', 'jin', 'ratio', 'score'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const METRIC_UNIT_BY_KEY = {
  'organization.joint-orgs': 'count',
  'organization.villages-covered': 'count',
  'organization.projects': 'count',
  'organization.investment': 'yuan',
  'organization.sales-jin': 'jin',
  'talent.cultivated': 'count',
  'talent.returnees': 'count',
  'talent.mentees': 'count',
  'talent.cooperatives': 'count',
  'talent.livelihood-projects': 'count',
  'talent.trainings': 'count',
  'talent.training-attendance': 'count',
  'talent.education-upgrades': 'count',
  'night-talk.sessions': 'count',
  'night-talk.attendance': 'count',
  'night-talk.suggestions': 'count',
  'night-talk.resolved': 'count',
  'night-talk.resolution-rate': 'ratio',
  'night-talk.open': 'count',
  'ecology.teams': 'count',
  'ecology.team-members': 'count',
  'ecology.joint-actions': 'count',
  'ecology.evaluations': 'count',
  'ecology.average-score': 'score',
} as const satisfies Record<string, MetricUnit>;

export type MetricKey = keyof typeof METRIC_UNIT_BY_KEY;

/** Every metric key, in the report's order. */
export const METRIC_KEYS = Object.keys(METRIC_UNIT_BY_KEY) as [MetricKey, ...MetricKey[]];
