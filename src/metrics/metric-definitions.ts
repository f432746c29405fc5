/**
 * The figures of the report, one row each: its key (the contract of the JSON
 * report), its pillar, its unit, which log items it is made of in a date
 * window, and how those items add up. Keeping the items apart from the
 * adding up is what lets `explain` show exactly the entries behind a figure.
 * Labels live in the locale catalogues, keyed by the same keys.
 */
import type { Entry, EntryOf, Kind, Pillar } from '../schema/log-schema.js';
import { JIN_PER_UNIT, KINDS } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../schema/suggestion-record.js';
import type { DateWindow } from './report-period.js';
import { isWithin } from './report-period.js';
import { compareText } from '../compare-text.js';
import type { MetricKey, MetricUnit } from '../schema/metric-keys.js';

export type { MetricKey, MetricUnit };

export type EntriesByKind = { [K in Kind]: EntryOf<K>[] };

export interface MetricInput {
  byKind: EntriesByKind;
  suggestions: readonly SuggestionRecord[];
  /** Set when the figures are one village's: distinct counts then count only that village. */
  village?: string;
}

/** What a figure is made of: a log entry or a suggestion of the ledger. */
export type MetricItem = Entry | SuggestionRecord;

/**
 * The items of a window, each kept or dropped on its own (by its kind, date,
 * state), so that a selection from all the logs holds each village's own:
 * computeVillageMetrics relies on it for distinct counts.
 */
type Select = (window: DateWindow, input: MetricInput) => MetricItem[];

interface MetricBase {
  key: MetricKey;
  pillar: Pillar;
  unit: MetricUnit;
  /**
   * A stock is a level on the window's last day (the backlog at month end),
   * not a flow over the window: it does not add up over a year, so it has
   * no year-to-date total and no yearly progress.
   */
  stock?: boolean;
}

/**
 * How the items add up: counted; summed or averaged by an amount; the
 * distinct values they name; or one set of items as a share of another.
 */
export type MetricDefinition = MetricBase &
  (
    | { aggregate: 'count'; select: Select }
    | { aggregate: 'sum' | 'mean'; select: Select; amount: (item: MetricItem) => number }
    | { aggregate: 'distinct'; select: Select; values: (item: MetricItem) => string[] }
    | { aggregate: 'ratio'; numerator: Select; denominator: Select }
  );

const within = <K extends Kind>(kind: K, window: DateWindow, input: MetricInput): EntryOf<K>[] =>
  input.byKind[kind].filter((entry) => isWithin(entry.date, window));

const count = <const Key extends MetricKey, K extends Kind>(key: Key, pillar: Pillar, kind: K) => ({
  key,
  pillar,
  unit: 'count' as const,
  aggregate: 'count' as const,
  select: (window: DateWindow, input: MetricInput) => within(kind, window, input),
});

const summed = <const Key extends MetricKey, K extends Kind>(
  key: Key,
  pillar: Pillar,
  unit: MetricUnit,
  kind: K,
  amount: (entry: EntryOf<K>) => number,
  aggregate: 'sum' | 'mean' = 'sum',
) => ({
  key,
  pillar,
  unit,
  aggregate,
  select: (window: DateWindow, input: MetricInput) => within(kind, window, input),
  amount: amount as unknown as (item: MetricItem) => number,
});

const resolvedBy = (suggestion: SuggestionRecord, day: string) => suggestion.resolvedOn !== null && suggestion.resolvedOn <= day;

export const METRICS = [
  count('organization.joint-orgs', 'organization', 'joint-org'),
  {
    key: 'organization.villages-covered',
    pillar: 'organization',
    unit: 'count',
    aggregate: 'distinct',
    select: (window, input) => within('joint-org', window, input),
    values: (item) => (item as EntryOf<'joint-org'>).villages,
  },
  count('organization.projects', 'organization', 'project'),
  summed('organization.investment', 'organization', 'yuan', 'project', (entry) => entry.investment ?? 0),
  summed('organization.sales-jin', 'organization', 'jin', 'sale', (entry) => entry.quantity * JIN_PER_UNIT[entry.unit]),
  count('talent.cultivated', 'talent', 'talent'),
  count('talent.returnees', 'talent', 'returnee'),
  summed('talent.mentees', 'talent', 'count', 'mentoring', (entry) => entry.mentees.length),
  count('talent.cooperatives', 'talent', 'cooperative'),
  count('talent.livelihood-projects', 'talent', 'livelihood-project'),
  count('talent.trainings', 'talent', 'training'),
  summed('talent.training-attendance', 'talent', 'count', 'training', (entry) => entry.attendees),
  count('talent.education-upgrades', 'talent', 'education'),
  count('night-talk.sessions', 'night-talk', 'session'),
  summed('night-talk.attendance', 'night-talk', 'count', 'session', (entry) => entry.attendees),
  count('night-talk.suggestions', 'night-talk', 'suggestion'),
  {
    // Resolutions in the window, whenever the suggestion was collected.
    key: 'night-talk.resolved',
    pillar: 'night-talk',
    unit: 'count',
    aggregate: 'count',
    select: (window, input) => input.suggestions.filter((s) => s.resolvedOn !== null && isWithin(s.resolvedOn, window)),
  },
  {
    // Of the suggestions collected in the window, the share resolved by its end (办结率).
    key: 'night-talk.resolution-rate',
    pillar: 'night-talk',
    unit: 'ratio',
    aggregate: 'ratio',
    numerator: (window, input) => input.suggestions.filter((s) => isWithin(s.date, window) && resolvedBy(s, window.end)),
    denominator: (window, input) => input.suggestions.filter((s) => isWithin(s.date, window)),
  },
  {
    // The backlog on the window's last day.
    key: 'night-talk.open',
    pillar: 'night-talk',
    unit: 'count',
    stock: true,
    aggregate: 'count',
    select: (window, input) => input.suggestions.filter((s) => s.date <= window.end && !resolvedBy(s, window.end)),
  },
  count('ecology.teams', 'ecology', 'team'),
  summed('ecology.team-members', 'ecology', 'count', 'team', (entry) => entry.members),
  count('ecology.joint-actions', 'ecology', 'joint-action'),
  count('ecology.evaluations', 'ecology', 'evaluation'),
  summed('ecology.average-score', 'ecology', 'score', 'evaluation', (entry) => entry.score, 'mean'),
] as const satisfies readonly MetricDefinition[];

export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((metric) => metric.key);

const DEFINITION_BY_KEY: ReadonlyMap<MetricKey, MetricDefinition> = new Map(METRICS.map((metric) => [metric.key, metric]));

/** A metric's definition; every key has one (metric-definitions.test.ts holds the keys and definitions together). */
export function metricDefinition(key: MetricKey): MetricDefinition {
  const definition = DEFINITION_BY_KEY.get(key);
  if (definition === undefined) throw new Error(`internal: no definition for metric ${key}`);
  return definition;
}

/** Whether a metric is a level at a window's end (see MetricBase.stock). */
export function isStock(metric: MetricDefinition): boolean {
  return metric.stock === true;
}

/**
 * What a figure is made of in a window, kept so that figures of separate
 * logs can be merged exactly (a district adding up its townships): counts
 * and sums add; a mean is its sum and count; a rate its numerator and
 * denominator; a distinct count the values themselves.
 */
export interface PartsByAggregate {
  count: { count: number };
  sum: { sum: number };
  mean: { sum: number; count: number };
  distinct: { values: string[] };
  ratio: { numerator: number; denominator: number };
}
export type Aggregate = keyof PartsByAggregate;
export type MetricParts = PartsByAggregate[Aggregate];

/** A metric's parts over a window, from its items. */
export function measureParts(metric: MetricDefinition, window: DateWindow, input: MetricInput): MetricParts {
  switch (metric.aggregate) {
    case 'count':
      return { count: metric.select(window, input).length };
    case 'sum':
      return { sum: roundSum(metric.select(window, input).reduce((total, item) => total + metric.amount(item), 0)) };
    case 'mean': {
      const items = metric.select(window, input);
      return { sum: roundSum(items.reduce((total, item) => total + metric.amount(item), 0)), count: items.length };
    }
    case 'distinct':
      return { values: [...new Set(metric.select(window, input).flatMap(metric.values))].sort(compareText) };
    case 'ratio':
      return { numerator: metric.numerator(window, input).length, denominator: metric.denominator(window, input).length };
  }
}

/**
 * How each aggregate turns its parts into a figure and merges two sets of
 * parts, typed by the aggregate: a figure is null for a mean or rate of
 * nothing; a distinct count for one village is whether that village is
 * among the values.
 */
interface AggregateRules<A extends Aggregate> {
  figure(parts: PartsByAggregate[A], village: string | undefined): number | null;
  merge(a: PartsByAggregate[A], b: PartsByAggregate[A]): PartsByAggregate[A];
}

const AGGREGATE_RULES: { [A in Aggregate]: AggregateRules<A> } = {
  count: {
    figure: ({ count }) => count,
    merge: (a, b) => ({ count: a.count + b.count }),
  },
  sum: {
    figure: ({ sum }) => sum,
    merge: (a, b) => ({ sum: roundSum(a.sum + b.sum) }),
  },
  mean: {
    figure: ({ sum, count }) => (count === 0 ? null : sum / count),
    merge: (a, b) => ({ sum: roundSum(a.sum + b.sum), count: a.count + b.count }),
  },
  distinct: {
    figure: ({ values }, village) => (village === undefined ? values.length : Number(values.includes(village))),
    merge: (a, b) => ({ values: [...new Set([...a.values, ...b.values])].sort(compareText) }),
  },
  ratio: {
    figure: ({ numerator, denominator }) => (denominator === 0 ? null : numerator / denominator),
    merge: (a, b) => ({ numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator }),
  },
};

/**
 * The rules of a metric's aggregate, taking parts of any aggregate. The
 * parts of a metric are always those of its aggregate (measureParts makes
 * them, report-schema.ts checks them when a report is read back), which
 * TypeScript cannot follow from one value to another; the rules are
 * written as methods, whose parameters TypeScript checks both ways, so
 * this is the one place where a metric's parts meet its aggregate's rules.
 */
function rulesOf(metric: MetricDefinition): AggregateRules<Aggregate> {
  return AGGREGATE_RULES[metric.aggregate];
}

/** A figure from its parts. */
export function figureFromParts(metric: MetricDefinition, parts: MetricParts, village?: string): number | null {
  return rulesOf(metric).figure(parts, village);
}

/** The parts of the same window of two separate sets of logs, as if they were one. */
export function mergeParts(metric: MetricDefinition, a: MetricParts, b: MetricParts): MetricParts {
  return rulesOf(metric).merge(a, b);
}

/** A metric's figure over a window, from its items. */
export function measure(metric: MetricDefinition, window: DateWindow, input: MetricInput): number | null {
  return figureFromParts(metric, measureParts(metric, window, input), input.village);
}

/** Sums of decimals drift (0.1 + 0.2); figures are kept to six decimals. */
export function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Entries sorted into one list per kind, the shape the measures read. */
export function groupByKind(entries: readonly Entry[]): EntriesByKind {
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, []])) as unknown as EntriesByKind;
  for (const entry of entries) (byKind[entry.kind] as Entry[]).push(entry);
  return byKind;
}
