/**
 * The JSON report (`report --format json`), defined once: renderJson writes
 * a value of this type, and `rollup` checks the township reports it reads
 * against it. docs/format.md describes every field.
 */
import { z } from 'zod';
import { LOCALES } from '../i18n/locale.js';
import type { Aggregate, MetricParts, PartsByAggregate } from '../metrics/metric-definitions.js';
import { METRICS, METRIC_KEYS } from '../metrics/metric-definitions.js';
import type { MonthActivities } from '../metrics/month-activities.js';
import { WINDOW_KEYS } from '../metrics/report-period.js';
import type { WindowKey } from '../metrics/report-period.js';
import { KINDS, PROJECT_STATUSES, YEAR_PATTERN } from './log-schema.js';
import { METRIC_UNITS } from './metric-keys.js';

const count = z.int().min(0);
const figure = z.number().nullable();
const yearMonth = z.string().regex(new RegExp(`^${YEAR_PATTERN}-(0[1-9]|1[0-2])$`));
const day = z.string().regex(new RegExp(`^${YEAR_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`));
const unit = z.enum(METRIC_UNITS);

/** One value for each of the five windows (WINDOW_KEYS, in their order). */
function windows<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(WINDOW_KEYS.map((key) => [key, value])) as Record<WindowKey, T>);
}

/** What a figure is made of, by how it adds up (see measureParts). */
export const PARTS_SCHEMAS = {
  count: z.object({ count }),
  sum: z.object({ sum: z.number() }),
  mean: z.object({ sum: z.number(), count }),
  distinct: z.object({ values: z.array(z.string()) }),
  ratio: z.object({ numerator: count, denominator: count }),
} satisfies { [A in Aggregate]: z.ZodType<PartsByAggregate[A]> };

const change = z.object({ difference: figure, percent: figure });

/** A metric of the report; its parts must be those of its aggregate. */
function metricSchema(aggregate: Aggregate) {
  return z.object({
    label: z.string(),
    unit,
    aggregate: z.literal(aggregate) as z.ZodType<Aggregate>,
    ...windows(figure).shape,
    changes: z.object({ monthOnMonth: change, yearOnYear: change, ytdOnYtd: change }),
    parts: windows(PARTS_SCHEMAS[aggregate] as z.ZodType<MetricParts>),
  });
}

export type MetricDocument = z.output<ReturnType<typeof metricSchema>>;

/** Every metric, each with the parts its aggregate calls for. */
const metrics = z.object(Object.fromEntries(METRICS.map((metric) => [metric.key, metricSchema(metric.aggregate)]))) as unknown as z.ZodType<
  Record<(typeof METRIC_KEYS)[number], MetricDocument>
>;

/** One village's figures: every metric, each in the five windows. */
const villageFigures = z.object(Object.fromEntries(METRIC_KEYS.map((key) => [key, windows(figure)]))) as unknown as z.ZodType<
  Record<(typeof METRIC_KEYS)[number], z.output<ReturnType<typeof windows<typeof figure>>>>
>;

const target = z.object({
  metric: z.string(),
  label: z.string(),
  unit,
  period: z.enum(['month', 'year']),
  bound: z.enum(['atLeast', 'atMost']),
  value: z.number(),
  perVillage: z.boolean(),
  actual: figure,
  status: z.enum(['met', 'notMet', 'onTrack', 'unknown']),
  progress: figure,
  elapsed: figure,
  villages: z.array(z.object({ village: z.string(), actual: figure, met: z.boolean().nullable() })),
});

const cadence = z.object({
  kind: z.enum(KINDS as [string, ...string[]]),
  day: z.int().min(1).max(31),
  months: z.array(yearMonth),
  expected: count,
  onTime: count,
  misses: z.array(z.object({ village: z.string(), month: yearMonth, status: z.enum(['missed', 'otherDay']), heldOn: z.array(day) })),
});

const overdueRow = z.object({
  id: z.string(),
  date: day,
  village: z.string(),
  topic: z.string().nullable(),
  text: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedOn: day.nullable(),
  handling: z.string().nullable(),
  daysOpen: count,
  file: z.string(),
  line: count,
});

const starRating = z.object({
  subject: z.string(),
  village: z.string(),
  evaluations: z.int().min(1),
  latestDate: day,
  latestScore: z.number(),
  totalScore: z.number(),
  averageScore: z.number(),
  stars: z.int().min(0).max(5),
});

/** What happened in the month, by name (month-activities.ts). */
const activities = z.object({
  jointOrgs: z.array(z.object({ name: z.string(), villages: z.array(z.string()) })),
  projects: z.array(z.object({ name: z.string(), status: z.enum(PROJECT_STATUSES).nullable(), investment: z.number().nullable() })),
  sales: z.array(z.object({ product: z.string(), jin: z.number() })),
  talents: z.array(z.object({ role: z.string(), count })),
  cooperatives: z.array(z.string()),
  livelihoodProjects: z.array(z.string()),
  trainings: z.array(z.object({ topic: z.string(), sessions: count, attendees: count })),
  sessionForms: z.array(z.object({ form: z.string(), count })),
  suggestionTopics: z.array(z.object({ topic: z.string().nullable(), count })),
  jointActions: z.array(z.object({ type: z.string(), count, villages: z.array(z.string()) })),
  teams: z.array(z.object({ name: z.string(), members: count })),
}) satisfies z.ZodType<MonthActivities>;

const note = z.object({
  file: z.string(),
  line: count,
  col: count,
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const reportDocumentSchema = z.object({
  schemaVersion: z.number(),
  region: z.string().min(1),
  title: z.string().nullable(),
  recipient: z.string().nullable(),
  issuer: z.string().min(1),
  locale: z.enum(LOCALES),
  month: yearMonth,
  generatedOn: day,
  firstMonth: yearMonth.nullable(),
  metrics,
  villages: z.record(z.string(), villageFigures),
  villagesListed: z.boolean(),
  silentVillages: z.array(z.string()),
  targets: z.array(target),
  cadence: z.array(cadence),
  overdue: z.object({ days: count, asOf: day, rows: z.array(overdueRow) }),
  stars: z.array(starRating),
  activities,
  trend: z.array(z.object({ month: yearMonth, suggestions: count.nullable(), resolved: count.nullable() })),
  warnings: z.array(note),
});

export type ReportDocument = z.output<typeof reportDocumentSchema>;
