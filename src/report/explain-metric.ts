/**
 * The entries behind a figure ("where does this 93 come from?"): the very
 * items the metric adds up, each with where it was written and a short
 * description; for a rate, the numerator's and the denominator's. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricDefinition, MetricInput, MetricItem, MetricUnit } from '../metrics/metric-definitions.js';
import { measure } from '../metrics/metric-definitions.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import { reportWindows } from '../metrics/report-period.js';
import type { Entry } from '../schema/log-schema.js';
import { JIN_PER_UNIT } from '../schema/log-schema.js';

export interface ExplainedItem {
  file: string;
  line: number;
  date: string;
  village: string | null;
  summary: string;
  /** What the item adds, for sums and averages. */
  amount?: number;
  /** The values it names, for distinct counts (villages covered). */
  values?: string[];
}

interface ExplanationBase {
  key: string;
  label: string;
  unit: MetricUnit;
  month: YearMonth;
  window: WindowKey;
  value: number | null;
}

export type Explanation = (ExplanationBase & { items: ExplainedItem[] }) | (ExplanationBase & { numerator: ExplainedItem[]; denominator: ExplainedItem[] });

export function explainMetric(metric: MetricDefinition, month: YearMonth, window: WindowKey, input: MetricInput, catalogue: Catalogue): Explanation {
  const range = reportWindows(month)[window];
  const base: ExplanationBase = {
    key: metric.key,
    label: catalogue.metrics[metric.key as keyof Catalogue['metrics']],
    unit: metric.unit,
    month,
    window,
    value: measure(metric, range, input),
  };
  const describe = (item: MetricItem) => describeItem(metric, item, catalogue);
  if (metric.aggregate === 'ratio') {
    return { ...base, numerator: metric.numerator(range, input).map(describe), denominator: metric.denominator(range, input).map(describe) };
  }
  return { ...base, items: metric.select(range, input).map(describe) };
}

/** An item of a metric as `explain` lists it: where, when, which village, what, and what it adds. */
export function describeItem(metric: MetricDefinition, item: MetricItem, catalogue: Catalogue): ExplainedItem {
  const explained: ExplainedItem = {
    file: item.at.file,
    line: item.at.line,
    date: item.date,
    village: item.village ?? null,
    summary: summarize(item, catalogue),
  };
  if (metric.aggregate === 'sum' || metric.aggregate === 'mean') explained.amount = metric.amount(item);
  if (metric.aggregate === 'distinct') explained.values = metric.values(item);
  return explained;
}

/** One line about an item, in the catalogue's language: its kind and what identifies it. */
export function summarize(item: MetricItem, catalogue: Catalogue): string {
  const words = catalogue.explain;
  if (!('kind' in item)) return words.suggestion(item.id, item.topic, item.resolvedOn);
  return `${catalogue.kinds[item.kind]}${words.separator}${details(item, catalogue)}${item.source === undefined ? '' : words.source(item.source)}`;
}

function details(entry: Entry, catalogue: Catalogue): string {
  const { aside, comma, list, people, score, amount } = catalogue.explain;
  switch (entry.kind) {
    case 'joint-org':
      return aside(entry.name, list(entry.villages));
    case 'project':
      return entry.investment === undefined ? entry.name : `${entry.name}${comma}${amount(entry.investment, 'yuan')}`;
    case 'sale': {
      const sold = `${entry.product} ${entry.quantity}${entry.unit}`;
      return JIN_PER_UNIT[entry.unit] === 1 ? sold : aside(sold, amount(entry.quantity * JIN_PER_UNIT[entry.unit], 'jin'));
    }
    case 'talent':
      return aside(entry.name, entry.role);
    case 'mentoring':
      return `${entry.mentor} → ${list(entry.mentees)}`;
    case 'training':
      return `${entry.topic}${comma}${people(entry.attendees)}`;
    case 'session':
      return `${entry.form}${comma}${people(entry.attendees)}`;
    case 'suggestion':
      return `${entry.id} ${entry.text}`;
    case 'resolution':
      return entry.ref;
    case 'team':
      return `${entry.name}${comma}${people(entry.members)}`;
    case 'joint-action':
      return entry.participants === undefined ? entry.type : `${entry.type}${comma}${people(entry.participants)}`;
    case 'evaluation':
      return `${entry.subject}${comma}${score(entry.score)}`;
    default:
      return entry.name;
  }
}
