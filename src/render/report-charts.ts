/**
 * The HTML report's charts, from the report model: this month against last
 * month in each pillar, suggestions made and resolved month by month, and
 * the suggestion figures of each village. Each is an inline SVG drawn on
 * the server (render-chart.ts), so the page needs no script to show them.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricKey } from '../metrics/metric-definitions.js';
import type { ReportModel } from '../report/build-report.js';
import { formatFigure } from './format-figure.js';
import type { ChartSpec } from './render-chart.js';
import { renderChart } from './render-chart.js';

export interface ReportChart {
  title: string;
  svg: string;
}

/** Suggestion figures that share a unit, so one axis fits all three. */
const VILLAGE_CHART_METRICS: readonly MetricKey[] = ['night-talk.suggestions', 'night-talk.resolved', 'night-talk.open'];
/** More villages than this make bars too thin to read: the chart then shows those with the most suggestions. */
export const VILLAGE_CHART_LIMIT = 40;

export function reportChartSpecs(report: ReportModel, catalogue: Catalogue): ChartSpec[] {
  const plain = (value: number) => formatFigure(value, 'count', report.locale);
  const pillarCharts = report.sections.map((section) => {
    // Counts only: money and weight would dwarf them on a shared axis, and rates are not amounts.
    const rows = section.rows.filter((row) => row.unit === 'count');
    return {
      title: catalogue.report.charts.pillar(section.label),
      categories: rows.map((row) => row.label),
      series: [
        { name: report.windowLabels.month, values: rows.map((row) => row.month) },
        { name: report.windowLabels.previousMonth, values: rows.map((row) => row.previousMonth) },
      ],
      horizontal: true,
      formatValue: plain,
      wholeNumbers: true,
    };
  });
  const trend: ChartSpec = {
    title: catalogue.report.charts.suggestions(report.month.slice(0, 4)),
    categories: report.trend.map((point) => point.label),
    series: [
      { name: catalogue.metrics['night-talk.suggestions'], values: report.trend.map((point) => point.suggestions) },
      { name: catalogue.metrics['night-talk.resolved'], values: report.trend.map((point) => point.resolved) },
    ],
    formatValue: plain,
    wholeNumbers: true,
  };
  const nightTalk = report.villages.tables.find((table) => table.id === 'night-talk')!;
  const columnOf = (key: MetricKey) => nightTalk.metrics.findIndex((metric) => metric.key === key);
  const suggestions = columnOf('night-talk.suggestions');
  const rows =
    nightTalk.rows.length <= VILLAGE_CHART_LIMIT
      ? nightTalk.rows
      : [...nightTalk.rows].sort((a, b) => (b.cells[suggestions]!.ytd ?? 0) - (a.cells[suggestions]!.ytd ?? 0)).slice(0, VILLAGE_CHART_LIMIT);
  const villages: ChartSpec = {
    title: nightTalk.rows.length <= VILLAGE_CHART_LIMIT ? catalogue.report.charts.villages : catalogue.report.charts.topVillages(VILLAGE_CHART_LIMIT),
    categories: rows.map((row) => row.village),
    series: VILLAGE_CHART_METRICS.map((key) => {
      const column = columnOf(key);
      return { name: catalogue.metrics[key], values: rows.map((row) => row.cells[column]!.ytd) };
    }),
    horizontal: true,
    formatValue: plain,
    wholeNumbers: true,
  };
  const charts = [...pillarCharts, trend];
  return report.villages.names.length > 0 ? [...charts, villages] : charts;
}

export async function renderReportCharts(report: ReportModel, catalogue: Catalogue): Promise<ReportChart[]> {
  const charts: ReportChart[] = [];
  for (const spec of reportChartSpecs(report, catalogue)) charts.push({ title: spec.title, svg: await renderChart(spec) });
  return charts;
}
