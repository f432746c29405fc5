/**
 * Charts as static inline SVG for the HTML report: drawn on the server by
 * ECharts' SSR mode, so the page needs no script, font or URL to show them
 * (its CSP is `default-src 'none'; style-src 'unsafe-inline'; img-src data:`).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';

export interface ChartSeries {
  name: string;
  /** One per category; null is drawn as a gap, never as 0. */
  values: (number | null)[];
  kind?: 'bar' | 'line';
}

export interface ChartSpec {
  /** The chart's accessible name (aria-label and SVG <title>); the page shows it as the figure's caption. */
  title: string;
  /** Axis labels: along the bottom, or down the side when horizontal. */
  categories: string[];
  series: ChartSeries[];
  /** Bars left to right with categories down the side, which leaves room for long Chinese labels. */
  horizontal?: boolean;
  /** In px. Defaults to 640 × 320; a horizontal chart's height grows with its categories. */
  width?: number;
  height?: number;
  /** Values are counts: the axis then ticks in whole numbers only. */
  wholeNumbers?: boolean;
  /** Formats value-axis ticks and value labels. */
  formatValue?: (value: number) => string;
}

type EChartsModule = typeof import('echarts');

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 320;
const LEGEND_HEIGHT = 28;

// Navy and vermillion stay apart under every common colour-vision deficiency
// and in greyscale print; grey marks a third, lesser series.
const PALETTE = ['#1b3a5c', '#d55e00', '#8f8f8f', '#56b4e9', '#009e73'];
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const LINE_SYMBOLS = ['circle', 'rect', 'triangle'] as const;
const TEXT_COLOUR = '#333333';
const GRID_COLOUR = '#e3e3e3';

// Single quotes only: ECharts writes this into a style="" attribute without
// escaping it, so a double quote would end the attribute.
const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif";

let echartsModule: EChartsModule | undefined;

// The CommonJS bundle loads in about a fifth of the time the ESM build takes.
function loadECharts(): EChartsModule {
  echartsModule ??= createRequire(import.meta.url)('echarts') as EChartsModule;
  return echartsModule;
}

export async function renderChart(spec: ChartSpec): Promise<string> {
  checkSpec(spec);
  const echarts = loadECharts();
  const { width, height } = chartSize(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, width));
    return makeStaticAndAccessible(chart.renderToSVGString(), spec.title);
  } finally {
    // An undisposed chart keeps a timer alive and the process never exits.
    chart.dispose();
  }
}

function checkSpec(spec: ChartSpec): void {
  for (const series of spec.series) {
    if (series.values.length !== spec.categories.length) {
      throw new RangeError(
        `Chart "${spec.title}": series "${series.name}" has ${series.values.length} values for ${spec.categories.length} categories.`,
      );
    }
  }
}

function chartSize(spec: ChartSpec): { width: number; height: number } {
  const width = spec.width ?? DEFAULT_WIDTH;
  if (spec.height !== undefined) return { width, height: spec.height };
  if (!spec.horizontal) return { width, height: DEFAULT_HEIGHT };
  const bandHeight = 12 + 18 * Math.max(1, spec.series.length);
  const legend = spec.series.length > 1 ? LEGEND_HEIGHT : 0;
  return { width, height: Math.max(120, 48 + legend + bandHeight * spec.categories.length) };
}

// Roughly the plot width (less the value axis labels) shared among the categories.
function categoryColumnWidth(chartWidth: number, categoryCount: number): number {
  return Math.max(24, Math.floor((chartWidth - 80) / Math.max(1, categoryCount)) - 6);
}

function chartOption(spec: ChartSpec, width: number): EChartsOption {
  const format = spec.formatValue ?? String;
  const formatLabel = (params: { value?: unknown }) => (typeof params.value === 'number' ? format(params.value) : '');
  const hasLegend = spec.series.length > 1;
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    // Without this the first category would sit at the bottom of a horizontal chart.
    inverse: spec.horizontal === true,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: TEXT_COLOUR } },
    axisLabel: {
      interval: 0,
      color: TEXT_COLOUR,
      fontSize: 12,
      // Long names wrap within their own column instead of running into the next one.
      ...(spec.horizontal ? {} : { width: categoryColumnWidth(width, spec.categories.length), overflow: 'break' as const }),
    },
  };
  const valueAxis = {
    type: 'value' as const,
    // Counts of things have no half steps: an axis of 0, 0.5, 1 would read as half a meeting.
    ...(spec.wholeNumbers ? { minInterval: 1 } : {}),
    axisLabel: { color: TEXT_COLOUR, fontSize: 11, formatter: (value: number) => format(value) },
    splitLine: { lineStyle: { color: GRID_COLOUR } },
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
    legend: hasLegend ? { top: 0, itemGap: 20, textStyle: { color: TEXT_COLOUR, fontSize: 12 } } : { show: false },
    grid: { containLabel: true, left: 8, right: spec.horizontal ? 48 : 16, top: (hasLegend ? LEGEND_HEIGHT : 0) + 24, bottom: 8 },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series, index) => {
      const common = {
        name: series.name,
        data: series.values,
        label: {
          show: true,
          position: spec.horizontal && series.kind !== 'line' ? ('right' as const) : ('top' as const),
          color: TEXT_COLOUR,
          fontSize: 12,
          // A white halo keeps labels legible where they cross a bar or a line.
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          formatter: formatLabel,
        },
      };
      if (series.kind === 'line') {
        return {
          ...common,
          type: 'line' as const,
          connectNulls: false,
          symbol: LINE_SYMBOLS[index % LINE_SYMBOLS.length],
          symbolSize: 7,
          lineStyle: { width: 2, type: LINE_TYPES[index % LINE_TYPES.length] },
        };
      }
      return { ...common, type: 'bar' as const, barMaxWidth: 48 };
    }),
  };
}

/**
 * ECharts' SSR output is meant for hydration by ECharts in a browser. Dropped
 * here: the `ecmeta_*` attributes (hydration hooks that the HTML checker
 * rejects) and the hover classes with their <style> block (their names come
 * from a counter global to the process, and a <style> inside inline SVG would
 * apply to the whole page).
 */
function makeStaticAndAccessible(svg: string, title: string): string {
  // Text content arrives entity-encoded, so these patterns can only match markup.
  const staticSvg = svg
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+(?: zr\d+-cls-\d+)*"/g, '')
    .replace(/\n?<style\b[^>]*>[\s\S]*?<\/style>/g, '');
  const escapedTitle = escapeXml(title);
  const accessibleSvg = staticSvg.replace(
    /^<svg\b([^>]*)>/,
    `<svg role="img" aria-label="${escapedTitle}"$1>\n<title>${escapedTitle}</title>`,
  );
  return withStableIds(accessibleSvg);
}

const INSTANCE_ID_PREFIX = /(?<= id="|="url\(#|href="#)zr\d+-/g;

/**
 * Ids (a line series' clip path) start with the chart instance's number,
 * which grows with every chart the process draws. A digest of the chart
 * makes them the same on every run yet different between the charts of one
 * page, where ids share a single namespace. The same chart twice on one page
 * would repeat its ids.
 */
function withStableIds(svg: string): string {
  const digest = createHash('sha256').update(svg.replace(INSTANCE_ID_PREFIX, '')).digest('hex').slice(0, 12);
  return svg.replace(INSTANCE_ID_PREFIX, `chart-${digest}-`);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
