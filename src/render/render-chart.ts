/**
 * A bar or line chart of one grid, as static inline SVG for the HTML report
 * (drawn by draw-chart-svg.ts). Every series is read against the one value
 * axis, so they must share a unit, which `valueAxisName` names.
 */
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY, GRID_COLOUR, PALETTE, TEXT_COLOUR, valueLabel } from './chart-style.js';
import { drawChartSvg } from './draw-chart-svg.js';

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
  /** The unit every series is in, written at the value axis: 单位：件. */
  valueAxisName?: string;
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 320;
const LEGEND_HEIGHT = 28;
/** Room for the unit above a vertical chart's value axis, or below a horizontal one's. */
const AXIS_NAME_HEIGHT = 22;
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const LINE_SYMBOLS = ['circle', 'rect', 'triangle'] as const;

export async function renderChart(spec: ChartSpec): Promise<string> {
  checkSpec(spec);
  const { width, height } = chartSize(spec);
  return drawChartSvg(chartOption(spec, width), { title: spec.title, width, height });
}

function checkSpec(spec: ChartSpec): void {
  for (const series of spec.series) {
    if (series.values.length !== spec.categories.length) {
      throw new RangeError(`Chart "${spec.title}": series "${series.name}" has ${series.values.length} values for ${spec.categories.length} categories.`);
    }
  }
}

function chartSize(spec: ChartSpec): { width: number; height: number } {
  const width = spec.width ?? DEFAULT_WIDTH;
  if (spec.height !== undefined) return { width, height: spec.height };
  if (!spec.horizontal) return { width, height: DEFAULT_HEIGHT };
  const bandHeight = 12 + 18 * Math.max(1, spec.series.length);
  const legend = spec.series.length > 1 ? LEGEND_HEIGHT : 0;
  const axisName = spec.valueAxisName ? AXIS_NAME_HEIGHT : 0;
  return { width, height: Math.max(120, 48 + legend + axisName + bandHeight * spec.categories.length) };
}

// Roughly the plot width (less the value axis labels) shared among the categories.
function categoryColumnWidth(chartWidth: number, categoryCount: number): number {
  return Math.max(24, Math.floor((chartWidth - 80) / Math.max(1, categoryCount)) - 6);
}

function chartOption(spec: ChartSpec, width: number): EChartsOption {
  const format = spec.formatValue ?? String;
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
    ...(spec.valueAxisName ? valueAxisNaming(spec.valueAxisName, spec.horizontal === true) : {}),
  };
  const axisName = spec.valueAxisName ? AXIS_NAME_HEIGHT : 0;
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
    legend: hasLegend ? { top: 0, itemGap: 20, textStyle: { color: TEXT_COLOUR, fontSize: 12 } } : { show: false },
    grid: {
      containLabel: true,
      left: 8,
      right: spec.horizontal ? 48 : 16,
      top: (hasLegend ? LEGEND_HEIGHT : 0) + 24 + (spec.horizontal ? 0 : axisName),
      bottom: 8 + (spec.horizontal ? axisName : 0),
    },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series, index) => {
      const common = {
        name: series.name,
        data: series.values,
        label: valueLabel(spec.horizontal && series.kind !== 'line' ? 'right' : 'top', format),
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

/** The unit over a vertical value axis, as Chinese charts put it; under a horizontal one, at its end. */
function valueAxisNaming(name: string, horizontal: boolean) {
  return {
    name,
    nameLocation: 'end' as const,
    nameTextStyle: horizontal
      ? { color: TEXT_COLOUR, fontSize: 12, align: 'right' as const, verticalAlign: 'top' as const, padding: [24, 0, 0, 0] }
      : { color: TEXT_COLOUR, fontSize: 12, align: 'left' as const, padding: [0, 0, 4, 0] },
    nameGap: horizontal ? 0 : 12,
  };
}
