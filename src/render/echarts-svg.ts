/**
 * ECharts with only what the report's charts draw: bar and line series on
 * cartesian grids that fit their axis labels (`grid.containLabel`, which
 * ECharts 6 keeps as a feature of its own), titles and a plain legend,
 * drawn by the SVG renderer.
 * Registering these pieces on `echarts/core`, rather than loading the whole
 * library, lets the bundled command load a fraction of it, and only when a
 * chart is drawn (draw-chart-svg.ts imports this module on first use).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegacyGridContainLabel, LegendComponent, TitleComponent, SVGRenderer]);

export { init };
