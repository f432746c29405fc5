/**
 * The entries behind each figure of the month and of the year to date, for
 * the HTML report's appendix, where every total can be opened. Long lists
 * are cut: the rest is one `revitalize explain` away. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricDefinition, MetricInput, MetricItem, MetricKey, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS } from '../metrics/metric-definitions.js';
import type { MetricValues } from '../metrics/compute-metrics.js';
import type { YearMonth } from '../metrics/report-period.js';
import { reportWindows } from '../metrics/report-period.js';
import type { ExplainedItem } from './explain-metric.js';
import { describeItem } from './explain-metric.js';
import { formatFigure } from '../figures/format-figure.js';

/** Items listed per figure; a county's year would otherwise make a page of a hundred thousand rows. */
export const EVIDENCE_LIMIT = 200;

export interface EvidenceList {
  label: string;
  value: number | null;
  items: ExplainedItem[];
  /** How many more there are than listed, and how to see them. */
  more: number;
  moreNote: string | null;
}

export interface EvidenceWindow {
  value: number | null;
  /** Which window, and how many items count in it: 本月（38条）. */
  heading: string;
  /** One list, or for a rate its numerator's and denominator's. */
  lists: EvidenceList[];
}

export interface EvidenceGroup {
  key: string;
  label: string;
  /** The line shown before it is opened, with both figures. */
  summary: string;
  unit: MetricUnit;
  month: EvidenceWindow;
  ytd: EvidenceWindow;
}

/** `metrics`: the report's figures, which the lists are shown under (not measured again). */
export function buildEvidence(month: YearMonth, input: MetricInput, metrics: MetricValues, catalogue: Catalogue, limit = EVIDENCE_LIMIT): EvidenceGroup[] {
  const words = catalogue.report.evidence;
  const windows = reportWindows(month);
  return METRICS.map((metric: MetricDefinition) => {
    const command = `revitalize explain ${metric.key} --month ${month} --window`;
    const windowOf = (window: 'month' | 'ytd'): EvidenceWindow => {
      const range = windows[window];
      // Only the items shown are described: a county's year has tens of thousands behind one figure.
      const cut = (label: string, items: MetricItem[]): EvidenceList => {
        const more = Math.max(0, items.length - limit);
        return {
          label,
          value: items.length,
          items: items.slice(0, limit).map((item) => describeItem(metric, item, catalogue)),
          more,
          moreNote: more > 0 ? words.more(more, `${command} ${window}`) : null,
        };
      };
      const value = metrics[metric.key as MetricKey][window];
      if (metric.aggregate !== 'ratio') {
        const items = metric.select(range, input);
        return { value, heading: words.window(catalogue.windows[window], items.length), lists: [{ ...cut('', items), value }] };
      }
      const denominator = metric.denominator(range, input);
      return {
        value,
        heading: words.window(catalogue.windows[window], denominator.length),
        lists: [cut(words.numerator, metric.numerator(range, input)), cut(words.denominator, denominator)],
      };
    };
    const [monthly, yearly] = [windowOf('month'), windowOf('ytd')];
    const label = catalogue.metrics[metric.key as MetricKey];
    const figure = (value: number | null) => formatFigure(value, metric.unit, catalogue.locale);
    return {
      key: metric.key,
      label,
      summary: words.summary(label, [
        [catalogue.windows.month, figure(monthly.value)],
        [catalogue.windows.ytd, figure(yearly.value)],
      ]),
      unit: metric.unit,
      month: monthly,
      ytd: yearly,
    };
  });
}
