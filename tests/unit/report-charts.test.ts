/**
 * The report's charts as a district reviewer reads them: like with like on
 * every axis, nothing drawn for metrics at 0, no data never drawn as 0,
 * titles that say exactly what is drawn, and figures numbered in order.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';
import { METRIC_KEYS, metricDefinition } from '../../src/metrics/metric-definitions.js';
import { chartValue } from '../../src/render/chart-scale.js';
import type { PlannedChart } from '../../src/render/report-charts.js';
import { VILLAGE_CHART_LIMIT, planReportCharts, renderReportCharts } from '../../src/render/report-charts.js';
import type { ReportModel } from '../../src/report/build-report.js';

async function exampleReport(example: string): Promise<ReportModel> {
  const result = await makeReport({
    workspace: path.resolve('examples', example),
    month: '2023-04',
    formats: ['json'],
    generatedOn: '2023-05-01',
    today: '2023-05-01',
    // Its own file access: read in place, the example gets no workspace cache.
    fs: NODE_FS,
  });
  if (!result.ok) throw new Error(`the ${example} example has errors: ${JSON.stringify(result.problems)}`);
  return result.report;
}

/** A changed copy of a report, the original left as it was. */
function changed(report: ReportModel, change: (copy: ReportModel) => void): ReportModel {
  const copy = structuredClone(report);
  change(copy);
  return copy;
}

function panelsOf(chart: PlannedChart) {
  if (chart.layout !== 'panels') throw new Error(`chart ${chart.number} is not small multiples`);
  return chart.spec.panels;
}

let jinkouhe: ReportModel;
let riverside: ReportModel;

beforeAll(async () => {
  [jinkouhe, riverside] = await Promise.all([exampleReport('jinkouhe'), exampleReport('riverside')]);
}, 60_000);

describe('planReportCharts', () => {
  it('numbers the charts 图1 to 图N in order, each caption saying exactly what is drawn', () => {
    expect(planReportCharts(jinkouhe, zhCN).map((chart) => chart.caption)).toEqual([
      '图1 组织联建主要指标本月与上月对比（2023年4月）',
      '图2 人才联育主要指标本月与上月对比（2023年4月）',
      '图3 夜谈联访主要指标本月与上月对比（2023年4月）',
      '图4 生态联治主要指标本月与上月对比（2023年4月，本月和上月均为0或无数据的指标未列出）',
      '图5 2023年1—4月各月征求意见建议和解决诉求',
      '图6 各村2023年1—4月征求意见建议、解决诉求和4月末未办结诉求',
    ]);
    for (const chart of planReportCharts(jinkouhe, zhCN)) expect(chart.spec.title).toBe(chart.caption);
  });

  it('words the captions in English for an English workspace', () => {
    expect(planReportCharts(riverside, en).map((chart) => chart.caption)).toEqual([
      'Figure 1. Joint organisation building: figures this month and last month (April 2023)',
      'Figure 2. Talent cultivation: figures this month and last month (April 2023)',
      'Figure 3. Night talks and visits: figures this month and last month (April 2023)',
      'Figure 4. Joint ecological management: figures this month and last month (April 2023)',
      'Figure 5. Suggestions collected and resolved each month, January–April 2023',
      'Figure 6. Suggestions collected and resolved, January–April 2023, and open at the end of April, by village',
    ]);
  });

  it('keeps one unit to an axis: a panel per metric, named with its unit, or bars of metrics of one unit', () => {
    for (const [report, catalogue] of [
      [jinkouhe, zhCN],
      [riverside, en],
    ] as const) {
      for (const chart of planReportCharts(report, catalogue)) {
        if (chart.layout === 'panels') {
          expect(chart.spec.panels).toHaveLength(chart.metrics.length);
          chart.spec.panels.forEach((panel, index) => {
            const unit = catalogue.report.charts.units[chart.metrics[index]!];
            expect(panel.heading.endsWith(catalogue.locale === 'zh-CN' ? `（${unit}）` : `(${unit})`), panel.heading).toBe(true);
          });
        } else {
          expect(new Set(chart.metrics.map((key) => metricDefinition(key)!.unit)), chart.caption).toEqual(new Set(['count']));
          expect(chart.spec.series).toHaveLength(chart.metrics.length);
          expect(chart.spec.valueAxisName, chart.caption).toBeTruthy();
        }
      }
    }
  });

  it('draws 3 场 and 103 人次 in panels of their own, and money in 万元 and weight in 万斤 beside them', () => {
    const [organization, talent] = planReportCharts(jinkouhe, zhCN);
    const talentPanels = panelsOf(talent!);
    expect(talentPanels.find((panel) => panel.heading === '集中授课（场）')!.values).toEqual([3, 3]);
    expect(talentPanels.find((panel) => panel.heading === '参训（人次）')!.values).toEqual([92, 103]);
    const organizationPanels = panelsOf(organization!);
    expect(organizationPanels.find((panel) => panel.heading === '项目总投资（万元）')!.values).toEqual([1050, 800]);
    expect(organizationPanels.find((panel) => panel.heading === '农副产品销售量（万斤）')!.values).toEqual([3.82, 2.88]);
    // Each panel reads last month, then this month.
    expect(organizationPanels[0]!.categories).toEqual(['上月', '本月']);
  });

  it('keeps yuan and jin in English, and draws rates in percent and scores as they are', () => {
    const [organization, , nightTalk] = planReportCharts(riverside, en);
    expect(panelsOf(organization!).find((panel) => panel.heading === 'Project investment (yuan)')!.values).toEqual([4_200_000, 0]);
    expect(panelsOf(organization!).find((panel) => panel.heading === 'Farm produce sold (jin)')!.values).toEqual([3000, 7000]);
    expect(panelsOf(nightTalk!).find((panel) => panel.heading === 'Resolution rate (%)')!.values).toEqual([37.5, 60]);
    expect(panelsOf(planReportCharts(jinkouhe, zhCN)[3]!).find((panel) => panel.heading === '平均考评得分（分）')!.values[1]).toBe(89);
  });

  it('leaves out a metric at 0 or without data in both months, and says so in the caption', () => {
    const ecology = planReportCharts(jinkouhe, zhCN)[3]!;
    // Teams and members are logged once a year: 0 in March and April.
    expect(ecology.metrics).toEqual(['ecology.joint-actions', 'ecology.evaluations', 'ecology.average-score']);
    expect(ecology.caption).toContain('本月和上月均为0或无数据的指标未列出');
    const organization = planReportCharts(jinkouhe, zhCN)[0]!;
    expect(organization.metrics).toHaveLength(5);
    expect(organization.caption).not.toContain('未列出');
  });

  it('leaves out a pillar with nothing to draw, numbering the charts after it on', () => {
    const quietEcology = changed(jinkouhe, (report) => {
      for (const row of report.sections.find((section) => section.id === 'ecology')!.rows) {
        row.month = 0;
        row.previousMonth = row.aggregate === 'mean' ? null : 0;
      }
    });
    const captions = planReportCharts(quietEcology, zhCN).map((chart) => chart.caption);
    expect(captions).toHaveLength(5);
    expect(captions.map((caption) => caption.split(' ')[0])).toEqual(['图1', '图2', '图3', '图4', '图5']);
    expect(captions.join('\n')).not.toContain('生态联治');
    expect(captions[3]).toBe('图4 2023年1—4月各月征求意见建议和解决诉求');
  });

  it('draws last month without data as a gap marked 无数据, never as 0', async () => {
    // A workspace with no logs before the report month has no figures for last month.
    const firstMonth = changed(jinkouhe, (report) => {
      for (const section of report.sections) for (const row of section.rows) row.previousMonth = null;
    });
    const charts = planReportCharts(firstMonth, zhCN);
    const talent = panelsOf(charts[1]!);
    expect(talent.find((panel) => panel.heading === '参训（人次）')!.values).toEqual([null, 103]);
    // 结对帮扶 is 0 this month and unknown last month: nothing to draw.
    expect(talent.map((panel) => panel.heading)).not.toContain('结对帮扶新进村干部（人）');

    const svg = (await renderReportCharts(firstMonth, zhCN))[1]!.svg;
    const bars = [...svg.matchAll(/<path d="M[\d.-]+ [\d.-]+l[^"]*Z" fill="(#[0-9a-f]{6})"/g)];
    expect(bars).toHaveLength(talent.length);
    const texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(texts.filter((text) => text === '无数据')).toHaveLength(talent.length);
  });

  it('draws per village exactly the suggestions collected and resolved in the year, and those open at the month end', () => {
    const villages = planReportCharts(jinkouhe, zhCN)[5]!;
    expect(villages.layout).toBe('bars');
    if (villages.layout !== 'bars') return;
    expect(villages.metrics).toEqual(['night-talk.suggestions', 'night-talk.resolved', 'night-talk.open']);
    expect(villages.spec.series.map((series) => series.name)).toEqual(['征求意见建议（条）', '解决诉求（件）', '月末未办结诉求（件）']);
    expect(villages.spec.categories[0]).toBe('永胜村');
    expect(villages.spec.series.map((series) => series.values[0])).toEqual([25, 20, 5]);
    expect(villages.spec.valueAxisName).toBe('单位：条/件');
  });

  it(`draws the ${VILLAGE_CHART_LIMIT} villages with the most suggestions when there are more, and says so`, () => {
    const many = changed(jinkouhe, (report) => {
      const table = report.villages.tables.find((candidate) => candidate.id === 'night-talk')!;
      const template = table.rows[0]!;
      table.rows = Array.from({ length: VILLAGE_CHART_LIMIT + 5 }, (_, index) => ({
        village: `村${index + 1}`,
        cells: template.cells.map((cell) => ({ ...cell, ytd: index + 1 })),
      }));
      report.villages.names = table.rows.map((row) => row.village);
    });
    const villages = planReportCharts(many, zhCN)[5]!;
    expect(villages.caption).toBe(`图6 征求意见建议最多的${VILLAGE_CHART_LIMIT}个村2023年1—4月征求意见建议、解决诉求和4月末未办结诉求`);
    if (villages.layout !== 'bars') throw new Error('the village chart is bars');
    expect(villages.spec.categories).toHaveLength(VILLAGE_CHART_LIMIT);
    expect(villages.spec.categories[0]).toBe(`村${VILLAGE_CHART_LIMIT + 5}`);
  });
});

describe('renderReportCharts', () => {
  it('gives each chart its number, its caption as accessible name, and the same bytes every time', async () => {
    const charts = await renderReportCharts(jinkouhe, zhCN);
    expect(charts.map((chart) => chart.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const chart of charts) {
      expect(chart.caption).toBe(zhCN.report.charts.caption(chart.number, chart.title));
      expect(chart.svg).toContain(`aria-label="${chart.caption}"`);
      expect(chart.svg).toContain(`<title>${chart.caption}</title>`);
    }
    expect(await renderReportCharts(jinkouhe, zhCN)).toEqual(charts);
  });
});

describe('chart units in the catalogues', () => {
  it('name a panel with its unit once: zh-CN labels of counts already end in the unit the chart uses', () => {
    for (const key of METRIC_KEYS) {
      const heading = zhCN.report.charts.panelHeading(zhCN.metrics[key], zhCN.report.charts.units[key]);
      expect(heading.endsWith(`（${zhCN.report.charts.units[key]}）`), heading).toBe(true);
      expect(heading.split('（').length, heading).toBe(2);
    }
  });

  it('agree with the scale: 万元 and 万斤 mean tens of thousands, % a hundredth', () => {
    expect(zhCN.report.charts.units['organization.investment']).toBe('万元');
    expect(chartValue(30_500_000, 'yuan', 'zh-CN')).toBe(3050);
    expect(zhCN.report.charts.units['organization.sales-jin']).toBe('万斤');
    expect(chartValue(200_000, 'jin', 'zh-CN')).toBe(20);
    expect(en.report.charts.units['organization.investment']).toBe('yuan');
    expect(chartValue(30_500_000, 'yuan', 'en')).toBe(30_500_000);
    expect(chartValue(0.705, 'ratio', 'en')).toBeCloseTo(70.5);
    expect(chartValue(null, 'ratio', 'zh-CN')).toBeNull();
  });
});
