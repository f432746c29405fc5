/**
 * Small multiples: one small bar panel per measure, each with its own value
 * axis, in one SVG. Measures of different units or sizes (3 场 beside 103
 * 人次, 万元 beside %) can then be shown together without one flattening the
 * other: each panel is read on its own scale, which its heading names.
 */
import type { EChartsOption } from 'echarts';
import { FAINT_COLOUR, FONT_FAMILY, GRID_COLOUR, STRONG_COLOUR, TEXT_COLOUR, valueLabel } from './chart-style.js';
import { drawChartSvg } from './draw-chart-svg.js';
import { wrapLabel } from './wrap-label.js';

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
const HEADING_TOP = 6;
const HEADING_FONT_SIZE = 13;
const HEADING_LINE_HEIGHT = 17;
/** Room between the heading and the plot for the value label over the tallest bar. */
const VALUE_LABEL_ROOM = 28;
const PLOT_HEIGHT = 90;
const PLOT_RIGHT_MARGIN = 16;
const CATEGORY_FONT_SIZE = 12;
const CATEGORY_LINE_HEIGHT = 15;
/** About the width of a digit or separator in an 11px tick label. */
const TICK_CHARACTER_WIDTH = 6.5;

/**
 * Where a panel's parts go, and its labels broken into lines: the same
 * places in every panel of a chart, so that the plots of a row line up.
 */
interface PanelLayout {
  height: number;
  /** Room left of the plot for the value axis's labels. */
  labelsWidth: number;
  plotTop: number;
  plotWidth: number;
  /** Each panel's heading, in lines. */
  headings: string[][];
  /** Each panel's category labels, in lines; a null value's with the no-data note under it. */
  categories: string[][][];
}

export async function renderSmallMultiples(spec: SmallMultiplesSpec): Promise<string> {
  checkSpec(spec);
  const { columns, rows } = panelGrid(spec.panels.length);
  const layout = layOutPanels(spec);
  return drawChartSvg(smallMultiplesOption(spec, columns, layout), {
    title: spec.title,
    width: columns * PANEL_WIDTH,
    height: rows * layout.height,
  });
}

function checkSpec(spec: SmallMultiplesSpec): void {
  if (spec.panels.length === 0) throw new RangeError(`Chart "${spec.title}" has no panels.`);
  for (const panel of spec.panels) {
    if (panel.values.length !== panel.categories.length) {
      throw new RangeError(`Chart "${spec.title}": panel "${panel.heading}" has ${panel.values.length} values for ${panel.categories.length} categories.`);
    }
  }
}

/** As few rows as three columns allow, then as few columns as those rows need: 4 panels are 2 × 2, not 3 + 1. */
export function panelGrid(count: number): { columns: number; rows: number } {
  const rows = Math.ceil(count / MAX_COLUMNS);
  return { columns: Math.ceil(count / rows), rows };
}

/**
 * Sized from the labels: 5,000,000 in English yuan needs far more room than
 * 1200 in 万元, and "Last month" takes two lines where 上月 takes one. The
 * tick labels are estimated; one wider still shrinks only its own plot.
 */
function layOutPanels(spec: SmallMultiplesSpec): PanelLayout {
  const labelsWidth = Math.ceil(12 + TICK_CHARACTER_WIDTH * Math.max(...spec.panels.map(widestTick)));
  const plotWidth = PANEL_WIDTH - labelsWidth - PLOT_RIGHT_MARGIN;
  // Centred over the plot, a heading may reach as far to its left as the box allows to its right.
  const headings = spec.panels.map((panel) => wrapLabel(panel.heading, plotWidth + 2 * PLOT_RIGHT_MARGIN - 8, HEADING_FONT_SIZE));
  const categories = spec.panels.map((panel) => {
    const bandWidth = Math.floor(plotWidth / panel.categories.length) - 8;
    return panel.categories.map((category, position) => [
      ...wrapLabel(category, bandWidth, CATEGORY_FONT_SIZE),
      ...(panel.values[position] === null ? wrapLabel(spec.noData, bandWidth, CATEGORY_FONT_SIZE) : []),
    ]);
  });
  const headingLines = Math.max(...headings.map((lines) => lines.length));
  const categoryLines = Math.max(...categories.flat().map((lines) => lines.length));
  const plotTop = HEADING_TOP + headingLines * HEADING_LINE_HEIGHT + VALUE_LABEL_ROOM;
  const height = plotTop + PLOT_HEIGHT + 8 + categoryLines * CATEGORY_LINE_HEIGHT + 12;
  return { height, labelsWidth, plotTop, plotWidth, headings, categories };
}

/** Characters in a panel's top tick, roughly: 4,200,000 ends at 5,000,000. */
function widestTick(panel: ChartPanel): number {
  const largest = Math.max(0, ...panel.values.filter((value): value is number => value !== null));
  const step = largest > 0 ? 10 ** Math.floor(Math.log10(largest)) : 1;
  return (panel.formatValue ?? String)(Math.ceil(largest / step) * step).length;
}

function smallMultiplesOption(spec: SmallMultiplesSpec, columns: number, layout: PanelLayout): EChartsOption {
  const { height, labelsWidth, plotTop, plotWidth, headings, categories } = layout;
  const boxes = spec.panels.map((_, index) => ({
    left: (index % columns) * PANEL_WIDTH,
    top: Math.floor(index / columns) * height,
  }));
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
    title: headings.map((lines, index) => ({
      text: lines.join('\n'),
      left: boxes[index]!.left + labelsWidth + plotWidth / 2,
      top: boxes[index]!.top + HEADING_TOP,
      textAlign: 'center' as const,
      textStyle: { color: TEXT_COLOUR, fontSize: HEADING_FONT_SIZE, fontWeight: 'normal' as const, lineHeight: HEADING_LINE_HEIGHT },
    })),
    grid: boxes.map((box) => ({
      left: box.left + labelsWidth,
      top: box.top + plotTop,
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
        fontSize: CATEGORY_FONT_SIZE,
        lineHeight: CATEGORY_LINE_HEIGHT,
        formatter: (_category: string, position: number) => categories[index]![position]!.join('\n'),
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
