/**
 * Small multiples: one small bar panel per measure, each with its own value
 * axis, in one SVG. Measures of different units or sizes (3 场 beside 103
 * 人次, 万元 beside %) can then be shown together without one flattening the
 * other: each panel is read on its own scale, which its heading names.
 */
import type { EChartsOption } from 'echarts';
import { FAINT_COLOUR, FONT_FAMILY, GRID_COLOUR, STRONG_COLOUR, TEXT_COLOUR, valueLabel } from './chart-style.js';
import { drawChartSvg } from './draw-chart-svg.js';

export interface ChartPanel {
  /** Names the measure and its unit: 参训（人次）. */
  heading: string;
  /** The periods compared, earliest first: the last, the current one, is drawn strong and the others faint. */
  categories: string[];
  /** One per category; null is drawn as a gap, never as 0. */
  values: (number | null)[];
  /** Values are counts: the axis then ticks in whole numbers only. */
  wholeNumbers?: boolean;
  /** Formats the panel's value-axis ticks and value labels. */
  formatValue?: (value: number) => string;
}

export interface SmallMultiplesSpec {
  /** The chart's accessible name (aria-label and SVG <title>); the page shows it as the figure's caption. */
  title: string;
  panels: ChartPanel[];
  /** Written under a category whose value is null, so that its gap is not read as 0: 无数据. */
  noData: string;
}

/** Three panels of this width fill the width of the report's other charts. */
const PANEL_WIDTH = 213;
const MAX_COLUMNS = 3;
/** Two lines of heading, then room for the value label over the tallest bar. */
const PLOT_TOP = 6 + 2 * 17 + 26;
const PLOT_HEIGHT = 90;
const PLOT_RIGHT_MARGIN = 16;
const CATEGORY_LINE_HEIGHT = 15;
/** About the width of a digit or separator in an 11px tick label. */
const TICK_CHARACTER_WIDTH = 6.5;

/** Where a panel's parts go; the same in every panel of a chart, so that the baselines of a row line up. */
interface PanelGeometry {
  height: number;
  /** Room left of the plot for the value axis's labels. */
  labelsWidth: number;
  plotWidth: number;
  /** The width a category label wraps at: its own bar's band. */
  categoryWidth: number;
}

export async function renderSmallMultiples(spec: SmallMultiplesSpec): Promise<string> {
  checkSpec(spec);
  const { columns, rows } = panelLayout(spec.panels.length);
  const geometry = panelGeometry(spec);
  return drawChartSvg(smallMultiplesOption(spec, columns, geometry), {
    title: spec.title,
    width: columns * PANEL_WIDTH,
    height: rows * geometry.height,
  });
}

function checkSpec(spec: SmallMultiplesSpec): void {
  if (spec.panels.length === 0) throw new RangeError(`Chart "${spec.title}" has no panels.`);
  for (const panel of spec.panels) {
    if (panel.values.length !== panel.categories.length) {
      throw new RangeError(
        `Chart "${spec.title}": panel "${panel.heading}" has ${panel.values.length} values for ${panel.categories.length} categories.`,
      );
    }
  }
}

/** As few rows as three columns allow, then as few columns as those rows need: 4 panels are 2 × 2, not 3 + 1. */
export function panelLayout(count: number): { columns: number; rows: number } {
  const rows = Math.ceil(count / MAX_COLUMNS);
  return { columns: Math.ceil(count / rows), rows };
}

/**
 * Sized from estimates of the labels: 5,000,000 in English yuan needs far
 * more room than 1200 in 万元, "Last month" wraps where 上月 does not. A
 * label larger than its estimate shrinks only its own plot.
 */
function panelGeometry(spec: SmallMultiplesSpec): PanelGeometry {
  const labelsWidth = Math.ceil(12 + TICK_CHARACTER_WIDTH * Math.max(...spec.panels.map(widestTick)));
  const plotWidth = PANEL_WIDTH - labelsWidth - PLOT_RIGHT_MARGIN;
  const categoryWidth = Math.floor(plotWidth / Math.max(...spec.panels.map((panel) => panel.categories.length))) - 8;
  const lines = Math.max(
    ...spec.panels.flatMap((panel) =>
      panel.categories.map((category, position) => Math.ceil(textWidth(category) / categoryWidth) + (panel.values[position] === null ? 1 : 0)),
    ),
  );
  return { height: PLOT_TOP + PLOT_HEIGHT + 8 + lines * CATEGORY_LINE_HEIGHT + 12, labelsWidth, plotWidth, categoryWidth };
}

/** Characters in a panel's top tick, roughly: 4,200,000 ends at 5,000,000. */
function widestTick(panel: ChartPanel): number {
  const largest = Math.max(0, ...panel.values.filter((value): value is number => value !== null));
  const step = largest > 0 ? 10 ** Math.floor(Math.log10(largest)) : 1;
  return (panel.formatValue ?? String)(Math.ceil(largest / step) * step).length;
}

/** A 12px label's width: Chinese characters are square, Latin letters and digits about half as wide. */
function textWidth(text: string): number {
  return [...text].reduce((width, character) => width + (character.codePointAt(0)! >= 0x2e80 ? 12 : 6.5), 0);
}

function smallMultiplesOption(spec: SmallMultiplesSpec, columns: number, geometry: PanelGeometry): EChartsOption {
  const { height, labelsWidth, plotWidth, categoryWidth } = geometry;
  const boxes = spec.panels.map((_, index) => ({
    left: (index % columns) * PANEL_WIDTH,
    top: Math.floor(index / columns) * height,
  }));
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
    title: spec.panels.map((panel, index) => ({
      text: panel.heading,
      // Centred over the plot, as wide as the box allows either side of that centre.
      left: boxes[index]!.left + labelsWidth + plotWidth / 2,
      top: boxes[index]!.top + 6,
      textAlign: 'center' as const,
      textStyle: {
        color: TEXT_COLOUR,
        fontSize: 13,
        fontWeight: 'normal' as const,
        lineHeight: 17,
        width: plotWidth + 2 * PLOT_RIGHT_MARGIN - 8,
        overflow: 'break' as const,
      },
    })),
    grid: boxes.map((box) => ({
      left: box.left + labelsWidth,
      top: box.top + PLOT_TOP,
      width: plotWidth,
      height: PLOT_HEIGHT,
      outerBounds: { left: box.left, top: box.top, width: PANEL_WIDTH, height },
      outerBoundsContain: 'axisLabel' as const,
    })),
    xAxis: spec.panels.map((panel, index) => ({
      type: 'category' as const,
      gridIndex: index,
      data: panel.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: TEXT_COLOUR } },
      axisLabel: {
        interval: 0,
        color: TEXT_COLOUR,
        fontSize: 12,
        lineHeight: 15,
        // "Last month" on two lines rather than touching "This month".
        width: categoryWidth,
        overflow: 'break' as const,
        formatter: (category: string, position: number) => (panel.values[position] === null ? `${category}\n${spec.noData}` : category),
      },
    })),
    yAxis: spec.panels.map((panel, index) => ({
      type: 'value' as const,
      gridIndex: index,
      splitNumber: 3,
      // Counts of things have no half steps: an axis of 0, 0.5, 1 would read as half a meeting.
      ...(panel.wholeNumbers ? { minInterval: 1 } : {}),
      axisLabel: { color: TEXT_COLOUR, fontSize: 11, formatter: (value: number) => (panel.formatValue ?? String)(value) },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    })),
    series: spec.panels.map((panel, index) => {
      const last = panel.values.length - 1;
      return {
        type: 'bar' as const,
        name: panel.heading,
        xAxisIndex: index,
        yAxisIndex: index,
        barMaxWidth: 40,
        data: panel.values.map((value, position) => ({ value, itemStyle: { color: position === last ? STRONG_COLOUR : FAINT_COLOUR } })),
        label: valueLabel('top', panel.formatValue ?? String),
      };
    }),
  };
}
