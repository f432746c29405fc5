/**
 * The HTML report's charts, from the report model, numbered 图1, 图2, … in
 * the order the page shows them:
 * - for each pillar, its metrics this month against last month as small
 *   multiples, one panel and one value axis per metric, because the metrics
 *   of a pillar differ in unit and size (3 场 beside 103 人次, 万元 beside %);
 * - suggestions collected and resolved in each month of the year;
 * - per village, suggestions collected and resolved in the year and open at
 *   the month's end.
 * Every value axis holds one unit, which the chart names. A metric at 0 or
 * without data in both months gets no panel (the caption says so), a pillar
 * without panels no chart. Planning is pure; drawing (render-chart.ts,
 * render-small-multiples.ts) turns each plan into an inline SVG.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricKey } from '../metrics/metric-definitions.js';
import type { MetricRow, PillarSection, ReportModel } from '../report/build-report.js';
import { chartValue, chartValueFormat } from './chart-scale.js';
import type { ChartSpec } from './render-chart.js';
import { renderChart } from './render-chart.js';
import type { ChartPanel, SmallMultiplesSpec } from './render-small-multiples.js';
import { renderSmallMultiples } from './render-small-multiples.js';

/** A chart as the page shows it: its number, its caption (also the SVG's accessible name) and the SVG. */
export interface ReportChart {
  number: number;
  /** 图1 组织联建主要指标本月与上月对比（2023年4月） */
  caption: string;
  /** The caption without its number, for a workspace's own template (and for those copied before charts had numbers). */
  title: string;
  svg: string;
}

/**
 * A chart before it is drawn. `metrics` lists what it draws: one metric per
 * panel of small multiples, one per series of bars (which then share a unit).
 */
export type PlannedChart = { number: number; caption: string; title: string; metrics: MetricKey[] } & (
  | { layout: 'panels'; spec: SmallMultiplesSpec }
  | { layout: 'bars'; spec: ChartSpec }
);

/** A chart before its number: its title becomes its caption once it has one. */
type UnnumberedChart = { title: string; metrics: MetricKey[] } & (
  | { layout: 'panels'; spec: Omit<SmallMultiplesSpec, 'title'> }
  | { layout: 'bars'; spec: Omit<ChartSpec, 'title'> }
);

/** Suggestion figures that share a unit, so one axis fits all three. */
const VILLAGE_CHART_METRICS: readonly MetricKey[] = ['night-talk.suggestions', 'night-talk.resolved', 'night-talk.open'];
const TREND_CHART_METRICS: readonly MetricKey[] = ['night-talk.suggestions', 'night-talk.resolved'];
/** More villages than this make bars too thin to read: the chart then shows those with the most suggestions. */
export const VILLAGE_CHART_LIMIT = 40;

export function planReportCharts(report: ReportModel, catalogue: Catalogue): PlannedChart[] {
  const charts = [
    ...report.sections.map((section) => pillarChart(section, report, catalogue)),
    trendChart(report, catalogue),
    villageChart(report, catalogue),
  ].filter((chart): chart is UnnumberedChart => chart !== null);
  return charts.map((chart, index) => {
    const number = index + 1;
    const caption = catalogue.report.charts.caption(number, chart.title);
    const numbered = { number, caption, title: chart.title, metrics: chart.metrics };
    return chart.layout === 'panels'
      ? { ...numbered, layout: chart.layout, spec: { ...chart.spec, title: caption } }
      : { ...numbered, layout: chart.layout, spec: { ...chart.spec, title: caption } };
  });
}

export async function renderReportCharts(report: ReportModel, catalogue: Catalogue): Promise<ReportChart[]> {
  const charts: ReportChart[] = [];
  for (const { number, caption, title, ...chart } of planReportCharts(report, catalogue)) {
    const svg = chart.layout === 'panels' ? await renderSmallMultiples(chart.spec) : await renderChart(chart.spec);
    charts.push({ number, caption, title, svg });
  }
  return charts;
}

/** Last month, then this month, each metric on its own scale. */
function pillarChart(section: PillarSection, report: ReportModel, catalogue: Catalogue): UnnumberedChart | null {
  const shown = section.rows.filter((row) => !isNothing(row.previousMonth) || !isNothing(row.month));
  if (shown.length === 0) return null;
  const words = catalogue.report.charts;
  return {
    layout: 'panels',
    title: words.pillar(section.label, report.monthLabel, shown.length < section.rows.length),
    metrics: shown.map((row) => row.key),
    spec: { noData: words.noData, panels: shown.map((row) => comparisonPanel(row, report, catalogue)) },
  };
}

function comparisonPanel(row: MetricRow, report: ReportModel, catalogue: Catalogue): ChartPanel {
  return {
    heading: catalogue.report.charts.panelHeading(row.label, catalogue.report.charts.units[row.key]),
    categories: [report.windowLabels.previousMonth, report.windowLabels.month],
    values: [row.previousMonth, row.month].map((value) => chartValue(value, row.unit, report.locale)),
    wholeNumbers: row.unit === 'count',
    formatValue: chartValueFormat(row.unit, report.locale),
  };
}

/** Counted and none, or not counted at all: either way nothing to draw. */
function isNothing(value: number | null): boolean {
  return value === null || value === 0;
}

function trendChart(report: ReportModel, catalogue: Catalogue): UnnumberedChart | null {
  const { trend } = report;
  if (!trend.some((point) => (point.suggestions ?? 0) > 0 || (point.resolved ?? 0) > 0)) return null;
  const words = catalogue.report.charts;
  return {
    layout: 'bars',
    title: words.suggestions(trend[0]!.month, trend[trend.length - 1]!.month),
    metrics: [...TREND_CHART_METRICS],
    spec: {
      categories: trend.map((point) => point.label),
      series: [
        { name: catalogue.metrics['night-talk.suggestions'], values: trend.map((point) => point.suggestions) },
        { name: catalogue.metrics['night-talk.resolved'], values: trend.map((point) => point.resolved) },
      ],
      valueAxisName: sharedUnit(TREND_CHART_METRICS, catalogue),
      formatValue: chartValueFormat('count', report.locale),
      wholeNumbers: true,
    },
  };
}

function villageChart(report: ReportModel, catalogue: Catalogue): UnnumberedChart | null {
  const nightTalk = report.villages.tables.find((table) => table.id === 'night-talk');
  if (!nightTalk || nightTalk.rows.length === 0) return null;
  const columnOf = (key: MetricKey) => nightTalk.metrics.findIndex((metric) => metric.key === key);
  const suggestions = columnOf('night-talk.suggestions');
  const limited = nightTalk.rows.length > VILLAGE_CHART_LIMIT;
  const rows = limited
    ? [...nightTalk.rows].sort((a, b) => (b.cells[suggestions]!.ytd ?? 0) - (a.cells[suggestions]!.ytd ?? 0)).slice(0, VILLAGE_CHART_LIMIT)
    : nightTalk.rows;
  const series = VILLAGE_CHART_METRICS.map((key) => {
    const column = columnOf(key);
    // The year to date of a stock (open suggestions) is its figure at the month's end.
    return { name: catalogue.metrics[key], values: rows.map((row) => row.cells[column]!.ytd) };
  });
  if (!series.some(({ values }) => values.some((value) => !isNothing(value)))) return null;
  const from = report.trend[0]?.month ?? `${report.month.slice(0, 4)}-01`;
  return {
    layout: 'bars',
    title: catalogue.report.charts.villages(from, report.month, limited ? VILLAGE_CHART_LIMIT : null),
    metrics: [...VILLAGE_CHART_METRICS],
    spec: {
      categories: rows.map((row) => row.village),
      series,
      horizontal: true,
      valueAxisName: sharedUnit(VILLAGE_CHART_METRICS, catalogue),
      formatValue: chartValueFormat('count', report.locale),
      wholeNumbers: true,
    },
  };
}

/** The axis title of counts drawn against one axis: their unit words (条 and 件 both count items). */
function sharedUnit(keys: readonly MetricKey[], catalogue: Catalogue): string {
  return catalogue.report.charts.axisUnit([...new Set(keys.map((key) => catalogue.report.charts.units[key]))]);
}
