/**
 * The report's sentences, as a district reviewer reads them: what happened
 * is named, nothing is said of zero, nothing is compared with a period
 * that has no logs, every change is in its own unit, and 存在问题 give the
 * figures of each gap.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import type { ReportModel } from '../../src/report/build-report.js';
import { buildReport } from '../../src/report/build-report.js';
import { configSchema } from '../../src/schema/config-schema.js';
import type { Entry } from '../../src/schema/log-schema.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

function reportOf(entries: Entry[], config: Record<string, unknown> = {}, catalogue: Catalogue = zhCN, month = '2023-04'): ReportModel {
  const { ledger, problems } = checkSuggestions(entries);
  expect(problems).toEqual([]);
  return buildReport({
    config: configSchema.parse({ region: '测试乡', villages: ['甲村', '乙村', '丙村'], ...config }),
    month,
    generatedOn: '2023-05-01',
    entries,
    suggestions: ledger,
    warnings: [],
    catalogue,
  });
}

const text = (report: ReportModel, pillar: keyof ReportModel['prose']['pillars']) => report.prose.pillars[pillar].join('\n');

describe('sentences of 工作开展情况', () => {
  it('name the month’s work: the organisation, the project and its stage, the produce', () => {
    const report = reportOf([
      entry('joint-org', '2023-04-06', { village: undefined, name: '甲乙联村党支部', villages: ['甲村', '乙村'] }),
      entry('project', '2023-04-18', { name: '冷链仓储物流中心', investment: 8_000_000, status: 'landed' }),
      entry('project', '2023-04-20', { name: '民宿提升项目', status: 'planned' }),
      entry('sale', '2023-04-19', { product: '生态猪肉', quantity: 9000, unit: 'kg' }),
      entry('sale', '2023-04-21', { product: '土鸡', quantity: 1500, unit: '公斤' }),
    ]);
    expect(text(report, 'organization')).toBe(
      '本月新成立甲乙联村党支部，覆盖甲村、乙村；冷链仓储物流中心项目落地，投资800万元；策划生成民宿提升项目；销售生态猪肉、土鸡等特色农副产品2.1万斤。' +
        '今年以来，累计成立跨村联建党组织1个，覆盖2个村；策划生成落地项目2个，总投资800万元；带动特色农副产品销售2.1万斤。',
    );
  });

  it('leave out what was zero, and say so when a pillar has nothing at all', () => {
    const report = reportOf([entry('training', '2023-04-12', { topic: '电商直播', attendees: 30 })]);
    const talent = text(report, 'talent');
    expect(talent).toBe('本月围绕电商直播主题开展集中授课1场、参训30人次。今年以来，开展集中授课1场、参训30人次。');
    expect(talent).not.toMatch(/\D0(人|个|名)/);
    expect(text(report, 'ecology')).toBe('今年以来尚无生态联治工作记录。');
  });

  it('compare a year to date with last year’s only when last year has logs', () => {
    const thisYear = [entry('project', '2023-03-01', { name: '甲项目', investment: 3_000_000 })];
    const firstYear = reportOf(thisYear);
    expect(text(firstYear, 'organization')).not.toContain('同比');
    const row = firstYear.sections[0]!.rows.find((each) => each.key === 'organization.investment')!;
    expect([row.previousYtd, row.changes.ytdOnYtd.difference]).toEqual([null, null]);

    // Logs that begin in February last year do not cover last year's January to April: still nothing to compare with.
    const partly = reportOf([...thisYear, entry('project', '2022-02-01', { name: '乙项目', investment: 2_000_000 })]);
    expect(text(partly, 'organization')).not.toContain('同比');

    const withLastYear = reportOf([...thisYear, entry('project', '2022-01-15', { name: '乙项目', investment: 2_000_000 })]);
    expect(text(withLastYear, 'organization')).toContain('总投资300万元，同比增长50%');
  });

  it('give the month’s 办结率 with what it is made of, and the backlog as a month-end figure', () => {
    const report = reportOf([
      entry('session', '2023-04-08', { form: '集中畅谈', attendees: 40 }),
      entry('suggestion', '2023-03-08', { id: 'S-1', text: '路灯', topic: '公共服务', resolved: '2023-04-10' }),
      entry('suggestion', '2023-03-08', { id: 'S-2', text: '路面', topic: '道路交通' }),
      entry('suggestion', '2023-04-08', { id: 'S-3', text: '饮水', topic: '饮水安全', resolved: '2023-04-20' }),
      entry('suggestion', '2023-04-08', { id: 'S-4', text: '垃圾', topic: '饮水安全' }),
    ]);
    expect(text(report, 'night-talk')).toBe(
      '本月各村以集中畅谈形式召开居民夜谈会1场，参会群众40人次，征求意见建议2条，主要涉及饮水安全（2条）方面。' +
        '本月受理的2条意见建议中，月末已办结1条，办结率50%；连同以前月份受理的1件，本月共解决诉求2件。' +
        '截至月末，尚有未办结诉求2件，与上月末持平。' +
        '今年以来，累计召开居民夜谈会1场，征求意见建议4条，解决诉求2件，办结率50%。',
    );
  });

  it('say a yearly target’s progress against the share of the year gone', () => {
    const report = reportOf([entry('project', '2023-04-01', { name: '甲项目', investment: 30_500_000 })], {
      targets: [{ metric: 'organization.investment', period: 'year', atLeast: 50_000_000 }],
    });
    expect(text(report, 'organization')).toContain('项目总投资完成全年目标（5000万元）的61%，快于序时进度（33.3%）。');
  });
});

describe('存在问题 written from the figures', () => {
  const suggestions = [
    entry('suggestion', '2023-01-08', { id: 'A', text: '路', topic: '道路交通' }),
    entry('suggestion', '2023-01-20', { id: 'B', text: '桥', topic: '道路交通' }),
    entry('suggestion', '2023-02-08', { id: 'C', text: '水', topic: '饮水安全' }),
    entry('suggestion', '2023-04-08', { id: 'D', text: '灯', resolved: '2023-04-09' }),
    entry('suggestion', '2023-04-08', { id: 'E', text: '网' }),
  ];

  it('give a missed rate its gap in percentage points, with what the rate is made of', () => {
    const report = reportOf(suggestions, { targets: [{ metric: 'night-talk.resolution-rate', atLeast: '80%' }] });
    expect(report.prose.problems[0]).toEqual({
      title: '办结率未达到目标',
      text: '本月受理意见建议2条，月末已办结1条，本月办结率50%，低于每月不低于80%的目标30个百分点。',
    });
  });

  it('count overdue suggestions by topic, with the oldest one’s age and where the list is', () => {
    const report = reportOf(suggestions);
    const overdue = report.prose.problems.find((item) => item.title === '部分诉求超期未办结')!;
    const attachment = report.attachments.find((each) => each.key === 'overdue')!;
    expect(overdue.text).toBe(
      `截至2023年4月30日，受理超过30天仍未办结的诉求3件，其中道路交通2件、饮水安全1件，最长已历时112天（清单见附件${attachment.number}）。`,
    );
    expect(overdue.text).not.toContain('督办');
  });

  it('name this month’s cadence lapses in words, and not those of earlier months', () => {
    const sessions = [
      entry('session', '2023-03-10', { village: '甲村', form: '集中畅谈', attendees: 10 }),
      entry('session', '2023-04-08', { village: '甲村', form: '集中畅谈', attendees: 10 }),
      entry('session', '2023-04-09', { village: '乙村', form: '集中畅谈', attendees: 10 }),
    ];
    const report = reportOf(sessions, { cadence: [{ kind: 'session', day: 8 }] });
    const lapse = report.prose.problems.find((item) => item.title === '居民夜谈会未全部按期召开')!;
    expect(lapse.text).toBe('乙村本月居民夜谈会于9日召开；丙村本月未召开居民夜谈会。以上均未按每月8日的要求召开。');
    expect(lapse.text).not.toContain('3月');
  });

  it('judge a yearly per-village target by the year’s pace, naming only the villages behind it', () => {
    const sessions = ['甲村', '乙村'].flatMap((village) =>
      ['01', '02', '03'].map((month) => entry('session', `2023-${month}-08`, { village, form: '集中畅谈', attendees: 10 })),
    );
    const report = reportOf(sessions, { targets: [{ metric: 'night-talk.sessions', period: 'year', atLeast: 12, perVillage: true }] }, zhCN, '2023-03');
    const target = report.targets[0]!;
    expect(target.missedBy).toEqual(['丙村']);
    expect(target.status).toBe('notMet');
    expect(report.prose.problems[0]!.text).toBe('丙村（完成全年目标的0%）本年居民夜谈会未达到每村全年不少于12场的目标，低于序时进度（25%）。');
  });
});

describe('targets as a report states them', () => {
  it('say 不少于 of counts, 不低于 of rates and amounts, with the unit, per village first', () => {
    const terms = zhCN.metricTerms;
    expect(zhCN.targetGoal({ unit: 'count', period: 'month', bound: 'atLeast', value: 1, perVillage: true }, terms['night-talk.sessions'])).toBe(
      '每村每月不少于1场',
    );
    expect(zhCN.targetGoal({ unit: 'ratio', period: 'month', bound: 'atLeast', value: 0.8, perVillage: false }, terms['night-talk.resolution-rate'])).toBe(
      '每月不低于80%',
    );
    expect(zhCN.targetGoal({ unit: 'yuan', period: 'year', bound: 'atLeast', value: 50_000_000, perVillage: false }, terms['organization.investment'])).toBe(
      '全年不低于5000万元',
    );
    expect(zhCN.targetGoal({ unit: 'count', period: 'month', bound: 'atMost', value: 10, perVillage: false }, terms['night-talk.open'])).toBe('每月不多于10件');
    expect(en.targetGoal({ unit: 'count', period: 'month', bound: 'atLeast', value: 1, perVillage: true }, en.metricTerms['night-talk.sessions'])).toBe(
      'at least 1 session a month in each village',
    );
  });
});

describe('English sentences', () => {
  it('are prose, with the month’s work named and no zero items', () => {
    const report = reportOf(
      [
        entry('joint-action', '2023-04-15', { village: '甲村', type: 'River patrol', villages: ['甲村', '乙村'] }),
        entry('evaluation', '2023-04-28', { subject: 'Team A', score: 90 }),
      ],
      { locale: 'en' },
      en,
    );
    expect(text(report, 'ecology')).toBe(
      'This month, 1 joint action (River patrol) brought 2 villages together; and 1 evaluation was held, averaging 90 points. So far this year: 1 joint action across villages; and 1 evaluation averaging 90 points.',
    );
    expect(text(report, 'talent')).toBe('Nothing has been logged for this pillar so far this year.');
  });
});
