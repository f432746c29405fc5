/**
 * One ECharts option drawn as a static, accessible SVG string: ECharts' SSR
 * mode on the server, so the page needs no script, font or URL to show it
 * (its CSP is `default-src 'none'; style-src 'unsafe-inline'; img-src data:`).
 * The same option gives the same bytes in every run.
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './xml-safe-text.js';
import type { EChartsOption } from 'echarts';

export interface SvgFrame {
  /** The chart's accessible name: its aria-label and SVG <title>. */
  title: string;
  width: number;
  height: number;
}

export async function drawChartSvg(option: EChartsOption, { title, width, height }: SvgFrame): Promise<string> {
  const { init } = await import('./echarts-svg.js');
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return makeStaticAndAccessible(chart.renderToSVGString(), title);
  } finally {
    // An undisposed chart keeps a timer alive and the process never exits.
    chart.dispose();
  }
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
  const accessibleSvg = staticSvg.replace(/^<svg\b([^>]*)>/, `<svg role="img" aria-label="${escapedTitle}"$1>\n<title>${escapedTitle}</title>`);
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
