import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart, type ChartSpec } from '../../src/render/render-chart.js';
import { panelGrid, renderSmallMultiples, type SmallMultiplesSpec } from '../../src/render/render-small-multiples.js';
import { textWidth, wrapLabel } from '../../src/render/wrap-label.js';

const NAVY = '#1b3a5c';
const VERMILLION = '#d55e00';
const LIGHT_GREY = '#b3b3b3';

const monthly: ChartSpec = {
  title: '四联工作开展次数',
  categories: ['组织联建', '人才联育', '产业联兴', '治理联抓'],
  series: [{ name: '本月', values: [12, 5, 7, 3] }],
};

const compared: ChartSpec = {
  title: '本月与上月',
  categories: ['组织联建', '人才联育', '产业联兴'],
  series: [
    { name: '本月', values: [12, 5, 7] },
    { name: '上月', values: [9, 4, 8] },
    { name: '去年同月', values: [5, 6, 2], kind: 'line' },
  ],
};

const panels: SmallMultiplesSpec = {
  title: '图2 人才联育主要指标本月与上月对比（2023年4月）',
  noData: '无数据',
  panels: [
    { heading: '集中授课（场）', categories: ['上月', '本月'], values: [3, 2], wholeNumbers: true },
    { heading: '参训（人次）', categories: ['上月', '本月'], values: [92, 103], wholeNumbers: true },
    { heading: '平均考评得分（分）', categories: ['上月', '本月'], values: [null, 89] },
    { heading: '项目总投资（万元）', categories: ['上月', '本月'], values: [1050, 800] },
  ],
};

const villages: ChartSpec = {
  title: '各村集体经济收入',
  horizontal: true,
  categories: ['金口河村', '大田坝村', '永胜村'],
  series: [{ name: '收入', values: [35.5, 12, 48] }],
  formatValue: (value) => `${value}万元`,
};

/** The fill colour of every bar-shaped path (a closed rectangle drawn with relative moves). */
function barFills(svg: string): string[] {
  return [...svg.matchAll(/<path d="M[\d.-]+ [\d.-]+l[^"]*Z" fill="(#[0-9a-f]{6})"/g)].map((match) => match[1]!);
}

function textContents(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
}

/** Where every text with this content was placed, in document order. */
function allPositions(svg: string, content: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<text\b[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g)]
    .filter((match) => match[3] === content)
    .map((match) => ({ x: Number(match[1]), y: Number(match[2]) }));
}

/** Where each text was placed, by its content. */
function textPositions(svg: string): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  for (const match of svg.matchAll(/<text\b[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g)) {
    positions.set(match[3]!, { x: Number(match[1]), y: Number(match[2]) });
  }
  return positions;
}

describe('renderChart', () => {
  it('returns an SVG named by its title for assistive technology', async () => {
    const svg = await renderChart(monthly);
    expect(svg).toMatch(
      /^<svg role="img" aria-label="四联工作开展次数" [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>\n<title>四联工作开展次数<\/title>\n/,
    );
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<title>/g)).toHaveLength(1);
    expect(svg.match(/ role=/g)).toHaveLength(1);
    expect(svg.match(/ aria-label=/g)).toHaveLength(1);
  });

  it('draws one bar and one value label per value, with Chinese category labels', async () => {
    const svg = await renderChart(monthly);
    expect(barFills(svg)).toEqual([NAVY, NAVY, NAVY, NAVY]);
    const texts = textContents(svg);
    expect(texts).toEqual(expect.arrayContaining(['组织联建', '人才联育', '产业联兴', '治理联抓', '12', '5', '7', '3']));
    expect(svg).toContain("font-family:'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif;");
  });

  it('shows a legend and tells series apart by colour', async () => {
    const svg = await renderChart(compared);
    expect(textContents(svg)).toEqual(expect.arrayContaining(['本月', '上月', '去年同月']));
    const fills = barFills(svg);
    expect(fills.filter((fill) => fill === NAVY)).toHaveLength(3);
    expect(fills.filter((fill) => fill === VERMILLION)).toHaveLength(3);
    expect(textContents(await renderChart(monthly))).not.toContain('本月');
  });

  it('gives byte-identical output for the same spec, whatever was drawn before', async () => {
    const first = await renderChart(compared);
    await renderChart(monthly);
    await renderChart(villages);
    expect(await renderChart(compared)).toBe(first);
  });

  it('keeps ids stable and distinct between charts', async () => {
    const lines: ChartSpec = { title: '趋势', categories: ['1月', '2月'], series: [{ name: '活动', values: [3, 5], kind: 'line' }] };
    const svg = await renderChart(lines);
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual([expect.stringMatching(/^chart-[0-9a-f]{12}-/)]);
    expect(svg).toContain(`clip-path="url(#${ids[0]})"`);
    const otherIds = [...(await renderChart({ ...lines, title: '另一个' })).matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(otherIds).not.toEqual(ids);
  });

  it('lays horizontal bars left to right with the first category at the top', async () => {
    const svg = await renderChart(villages);
    expect(barFills(svg)).toHaveLength(3);
    const positions = textPositions(svg);
    const top = positions.get('金口河村')!;
    const middle = positions.get('大田坝村')!;
    const bottom = positions.get('永胜村')!;
    expect(top.y).toBeLessThan(middle.y);
    expect(middle.y).toBeLessThan(bottom.y);
    // Value labels sit to the right of their bars, the longest bar's furthest.
    expect(positions.get('48万元')!.x).toBeGreaterThan(positions.get('35.5万元')!.x);
    expect(positions.get('35.5万元')!.x).toBeGreaterThan(positions.get('12万元')!.x);
  });

  it('names the unit its series share at the value axis', async () => {
    const positions = textPositions(await renderChart({ ...monthly, valueAxisName: '单位：场' }));
    // Over the value axis of a vertical chart, above its top tick.
    expect(positions.get('单位：场')!.y).toBeLessThan(positions.get('12')!.y);
    const horizontal = textPositions(await renderChart({ ...villages, valueAxisName: '单位：万元' }));
    // Under the value axis of a horizontal chart, below the last category.
    expect(horizontal.get('单位：万元')!.y).toBeGreaterThan(horizontal.get('永胜村')!.y);
  });

  it('grows a horizontal chart with its categories unless given a height', async () => {
    const heightOf = (svg: string) => Number(/^<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    const many = {
      ...villages,
      categories: Array.from({ length: 20 }, (_, i) => `村${i + 1}`),
      series: [{ name: '收入', values: Array.from({ length: 20 }, (_, i) => i) }],
    };
    expect(heightOf(await renderChart(many))).toBeGreaterThan(heightOf(await renderChart(villages)));
    expect(heightOf(await renderChart({ ...many, height: 200 }))).toBe(200);
    expect(heightOf(await renderChart(monthly))).toBe(320);
  });

  it('leaves a gap for a null value instead of drawing 0', async () => {
    const svg = await renderChart({ ...monthly, series: [{ name: '本月', values: [12, null, 7, 3] }] });
    expect(barFills(svg)).toHaveLength(3);
    // The one 0 is the value axis's tick, not a label for the missing value.
    expect(textContents(svg).filter((text) => text === '0')).toHaveLength(1);

    const line = await renderChart({
      title: '趋势',
      categories: ['1月', '2月', '3月', '4月'],
      series: [{ name: '活动', values: [3, 5, null, 6], kind: 'line' }],
    });
    const stroke = /<path d="([^"]+)" fill="none"[^>]* stroke="#1b3a5c"/.exec(line)![1]!;
    expect(stroke.match(/M/g)).toHaveLength(2);
  });

  it('escapes markup in titles, categories and series names', async () => {
    const svg = await renderChart({
      title: `"收入" & <比较> '月度'`,
      categories: ['<script>alert(1)</script>', '人才联育'],
      series: [
        { name: '<b onclick="x()">本月</b>', values: [1, 2] },
        { name: '上月', values: [2, 1] },
      ],
    });
    expect(svg).toContain('aria-label="&quot;收入&quot; &amp; &lt;比较&gt; &#39;月度&#39;"');
    expect(svg).toContain('<title>&quot;收入&quot; &amp; &lt;比较&gt; &#39;月度&#39;</title>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&lt;b onclick=&quot;x()&quot;&gt;本月&lt;/b&gt;');
    expect(svg).not.toMatch(/<script|<b\b| onclick="/);
  });

  it('needs nothing the report page forbids: no script, style sheet, event handler, link or hydration data', async () => {
    for (const svg of [...(await Promise.all([monthly, compared, villages].map(renderChart))), await renderSmallMultiples(panels)]) {
      expect(svg).not.toMatch(/<script|<style|<foreignObject|<image|<a\b|href=|@import|url\((?!#)| on[a-z]+="|ecmeta_|class="/);
    }
  });

  it('refuses a series whose values do not match the categories', async () => {
    await expect(renderChart({ ...monthly, series: [{ name: '本月', values: [1, 2] }] })).rejects.toThrow(
      'Chart "四联工作开展次数": series "本月" has 2 values for 4 categories.',
    );
  });

  it('is valid HTML inside a page, by the Nu HTML Checker', { timeout: 60_000 }, async () => {
    const charts = [
      ...(await Promise.all([monthly, compared, { ...villages, categories: ['<script>', '大田坝村', '永胜村'] }].map(renderChart))),
      await renderSmallMultiples(panels),
    ];
    const page = [
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>',
      ...charts.map((svg, index) => `<figure>${svg}<figcaption>图${index + 1}</figcaption></figure>`),
      '</body></html>',
    ].join('\n');
    const scratch = await mkdtemp(path.join(tmpdir(), 'render-chart-'));
    try {
      const pageFile = path.join(scratch, 'charts.html');
      await writeFile(pageFile, page);
      const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
      const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
        execFile('java', ['-jar', vnu, '--errors-only', pageFile], { timeout: 55_000 }, (error, stdout, stderr) => {
          if (error && typeof error.code === 'string') reject(new Error(`could not run java for the Nu HTML Checker: ${error.message}`));
          else resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}${stderr}` });
        });
      });
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('renderSmallMultiples', () => {
  it('draws one panel per measure, each with its heading and its own value axis', async () => {
    const svg = await renderSmallMultiples(panels);
    const texts = textContents(svg);
    expect(texts).toEqual(expect.arrayContaining(['集中授课（场）', '参训（人次）', '平均考评得分（分）', '项目总投资（万元）']));
    // 3 场 and 103 人次 each fill their own panel: the sessions axis stops at 3, the attendance axis goes past 103.
    expect(texts).toEqual(expect.arrayContaining(['3', '103', '120', '1200']));
    expect(texts).not.toContain('0.5');
    expect(svg).toMatch(/^<svg role="img" aria-label="图2 人才联育主要指标本月与上月对比（2023年4月）"/);
  });

  it('draws the current period strong and the earlier one faint, and leaves a gap for a null with a note under it', async () => {
    const svg = await renderSmallMultiples(panels);
    const fills = barFills(svg);
    expect(fills.filter((fill) => fill === NAVY)).toHaveLength(4);
    // One 上月 bar fewer: the score's is missing, not drawn as 0.
    expect(fills.filter((fill) => fill === LIGHT_GREY)).toHaveLength(3);
    expect(textContents(svg)).toContain('无数据');
    expect(textContents(svg).filter((text) => text === '无数据')).toHaveLength(1);
  });

  it('lines up the baselines of a row, whatever their labels', async () => {
    const svg = await renderSmallMultiples(panels);
    const baselines = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)L[\d.]+ ([\d.]+)" fill="none"[^>]* stroke="#333333"/g)].map((match) => Number(match[2]));
    expect(baselines).toHaveLength(4);
    // Two rows of two: the panel with a note under its category sits level with its neighbour.
    expect(baselines[0]).toBe(baselines[1]);
    expect(baselines[2]).toBe(baselines[3]);
    const lastMonth = allPositions(svg, '上月');
    expect(lastMonth[0]!.y).toBe(lastMonth[1]!.y);
  });

  it('lays panels out in as few rows of at most three as possible, balanced', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((count) => panelGrid(count))).toEqual([
      { columns: 1, rows: 1 },
      { columns: 2, rows: 1 },
      { columns: 3, rows: 1 },
      { columns: 2, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 3 },
      { columns: 3, rows: 3 },
    ]);
  });

  it('gives byte-identical output for the same spec', async () => {
    const first = await renderSmallMultiples(panels);
    await renderChart(compared);
    expect(await renderSmallMultiples(panels)).toBe(first);
  });

  it('refuses a chart without panels, or a panel whose values do not match its categories', async () => {
    await expect(renderSmallMultiples({ ...panels, panels: [] })).rejects.toThrow('has no panels');
    await expect(renderSmallMultiples({ ...panels, panels: [{ heading: '参训（人次）', categories: ['上月', '本月'], values: [1] }] })).rejects.toThrow(
      'panel "参训（人次）" has 1 values for 2 categories',
    );
  });
});

describe('wrapLabel', () => {
  it('breaks Latin text between words and Chinese text between characters, keeping a bracketed unit whole', () => {
    expect(wrapLabel('Joint cross-village Party organisations (number)', 150, 13)).toEqual(['Joint cross-village', 'Party organisations', '(number)']);
    expect(wrapLabel('结对帮扶新进村干部（人）', 100, 13)).toEqual(['结对帮扶新进村', '干部（人）']);
    expect(wrapLabel('参训（人次）', 200, 13)).toEqual(['参训（人次）']);
    expect(wrapLabel('Last month', 60, 12)).toEqual(['Last', 'month']);
  });

  it('errs on the wide side for Latin text, which ECharts underestimates on the server', () => {
    expect(textWidth('上月', 12)).toBe(24);
    expect(textWidth('Last month', 12)).toBeCloseTo(72);
  });

  it('leaves a word wider than the room on a line of its own', () => {
    expect(wrapLabel('organisations', 20, 13)).toEqual(['organisations']);
  });
});
