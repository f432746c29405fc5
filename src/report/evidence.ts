/**
 * The entries behind each figure of the month and of the year to date, for
 * the HTML report's appendix, where every total can be opened. Long lists
 * are cut: the rest is one `revitalize explain` away. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricInput, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS } from '../metrics/metric-definitions.js';
import type { YearMonth } from '../metrics/report-period.js';
import type { ExplainedItem } from './explain-metric.js';
import { explainMetric } from './explain-metric.js';
import { formatFigure } from '../render/format-figure.js';

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

export function buildEvidence(month: YearMonth, input: MetricInput, catalogue: Catalogue, limit = EVIDENCE_LIMIT): EvidenceGroup[] {
  const words = catalogue.report.evidence;
  return METRICS.map((metric) => {
    const command = `revitalize explain ${metric.key} --month ${month} --window`;
    const windowOf = (window: 'month' | 'ytd'): EvidenceWindow => {
      const cut = (label: string, value: number | null, items: ExplainedItem[]): EvidenceList => {
        const more = Math.max(0, items.length - limit);
        return { label, value, items: items.slice(0, limit), more, moreNote: more > 0 ? words.more(more, `${command} ${window}`) : null };
      };
      const explained = explainMetric(metric, month, window, input, catalogue);
      if ('items' in explained) {
        return { value: explained.value, heading: words.window(catalogue.windows[window], explained.items.length), lists: [cut('', explained.value, explained.items)] };
      }
      return {
        value: explained.value,
        heading: words.window(catalogue.windows[window], explained.denominator.length),
        lists: [
          cut(catalogue.report.evidence.numerator, explained.numerator.length, explained.numerator),
          cut(catalogue.report.evidence.denominator, explained.denominator.length, explained.denominator),
        ],
      };
    };
    const [monthly, yearly] = [windowOf('month'), windowOf('ytd')];
    const label = catalogue.metrics[metric.key];
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
