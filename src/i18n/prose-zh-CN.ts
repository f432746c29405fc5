/**
 * The report's sentences in Chinese, as a 月报 writes them: the month's
 * work named ("农特产品冷链仓储物流中心项目落地，投资800万元"), then the
 * year to date in the article's words ("累计征求意见建议132条，解决诉求93件");
 * zero items left out; changes as 增长/下降 with their unit (个百分点 for a
 * rate, 分 for a score); and 存在问题 that give the figures of each gap.
 */
import type { MetricFigures } from '../metrics/compute-metrics.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import type { MetricName } from '../schema/metric-keys.js';
import { formatFigure } from '../figures/format-figure.js';
import type { Pillar } from '../schema/log-schema.js';
import type { ProblemItem, ProseFacts, ProseTarget, ProseWords, ReportProse, TargetGoal, WriteProse } from './prose.js';
import { progressToReport } from './prose.js';

/** Names of several things in a sentence, the way a 月报 lists them: 甲、乙等 (the first three, then 等); one name alone. */
function named(names: readonly string[], shown = 3): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, shown).join('、')}等`;
}

/** Clauses of one sentence: items joined by "，", groups by "；", empty ones left out. */
function sentence(groups: readonly (readonly (string | false | undefined)[])[], lead = ''): string {
  const parts = groups.map((group) => group.filter((item): item is string => Boolean(item)).join('，')).filter((group) => group !== '');
  return parts.length === 0 ? '' : `${lead}${parts.join('；')}。`;
}

const yuan = (value: number) => formatFigure(value, 'yuan', 'zh-CN');
const jin = (value: number) => formatFigure(value, 'jin', 'zh-CN');
const rate = (value: number) => formatFigure(value, 'ratio', 'zh-CN');
const score = (value: number) => `${formatFigure(value, 'score', 'zh-CN')}分`;
const plain = (value: number) => formatFigure(value, 'count', 'zh-CN');
/** A share (0.61) as 61%, one decimal where needed. */
const share = (value: number) => formatFigure(value, 'ratio', 'zh-CN');

/** A figure of the metric's unit in a sentence: 800万元, 2.88万斤, 47.4%, 89分, 6场. */
function amount(value: number, unit: MetricUnit, measure: string): string {
  switch (unit) {
    case 'yuan':
      return yuan(value);
    case 'jin':
      return jin(value);
    case 'ratio':
      return rate(value);
    case 'score':
      return score(value);
    default:
      return `${plain(value)}${measure}`;
  }
}

/** A target as a 月报 states it: 每月不低于80%, 每村每月不少于1场, 全年不低于5000万元. */
export const targetGoalZhCN: TargetGoal = (target, term) => {
  const counted = target.unit === 'count';
  const side = target.bound === 'atLeast' ? (counted ? '不少于' : '不低于') : counted ? '不多于' : '不高于';
  return `${target.perVillage ? '每村' : ''}${target.period === 'year' ? '全年' : '每月'}${side}${amount(target.value, target.unit, term.unit)}`;
};

/** How far a figure is from a bound, in its own unit: 32.6个百分点, 200万元, 1场, 3.5分. */
function gap(actual: number, bound: number, unit: MetricUnit, measure: string): string {
  const difference = Math.abs(actual - bound);
  if (unit === 'ratio') return `${formatFigure(difference * 100, 'score', 'zh-CN')}个百分点`;
  return amount(difference, unit, measure);
}

/** "，同比增长52%" for a year-to-date total, when last year has data to compare with and a base above 0. */
function yearOnYear(figures: MetricFigures): string {
  const { ytd, previousYtd } = figures;
  if (ytd === null || previousYtd === null || previousYtd === 0) return '';
  if (ytd === previousYtd) return '，与上年同期持平';
  const percent = share(Math.abs(ytd - previousYtd) / previousYtd);
  return `，同比${ytd > previousYtd ? '增长' : '下降'}${percent}`;
}

const has = (value: number | null | undefined): value is number => value !== null && value !== undefined && value > 0;

function projectName(name: string): string {
  return name.endsWith('项目') ? name : `${name}项目`;
}

function organization(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const orgs = activities.jointOrgs;
  const month: string[] = [];
  if (orgs.length === 1) {
    const [org] = orgs;
    month.push(`新成立${org!.name}，覆盖${org!.villages.length <= 6 ? org!.villages.join('、') : `${org!.villages.length}个村`}`);
  } else if (orgs.length > 1) {
    month.push(`新成立${named(orgs.map((org) => org.name))}跨村联建党组织${orgs.length}个`);
  }
  const byStatus = (status: 'landed' | 'planned' | null) => activities.projects.filter((project) => project.status === status);
  const invested = (projects: readonly { investment: number | null }[]) => projects.reduce((total, project) => total + (project.investment ?? 0), 0);
  const projectClause = (projects: readonly { name: string; investment: number | null }[], verb: (names: string) => string) => {
    if (projects.length === 0) return;
    const names = projects.length === 1 ? projectName(projects[0]!.name) : `${named(projects.map((project) => project.name))}${projects.length}个项目`;
    const money = invested(projects);
    month.push(`${verb(names)}${money > 0 ? `，投资${yuan(money)}` : ''}`);
  };
  projectClause(byStatus('landed'), (names) => `${names}落地`);
  projectClause(byStatus('planned'), (names) => `策划生成${names}`);
  projectClause(byStatus(null), (names) => `新增${names}`);
  if (activities.sales.length > 0) {
    const total = activities.sales.reduce((sum, sale) => sum + sale.jin, 0);
    const products = activities.sales.map((sale) => sale.product);
    month.push(products.length === 1 ? `销售${products[0]}${jin(total)}` : `销售${named(products)}特色农副产品${jin(total)}`);
  }

  const o = (key: 'joint-orgs' | 'villages-covered' | 'projects' | 'investment' | 'sales-jin') => figures[`organization.${key}`];
  const ytd = sentence(
    [
      [
        has(o('joint-orgs').ytd) && `累计成立跨村联建党组织${plain(o('joint-orgs').ytd!)}个`,
        has(o('villages-covered').ytd) && `覆盖${plain(o('villages-covered').ytd!)}个村`,
      ],
      [
        has(o('projects').ytd) && `策划生成落地项目${plain(o('projects').ytd!)}个`,
        has(o('investment').ytd) && `总投资${yuan(o('investment').ytd!)}${yearOnYear(o('investment'))}`,
      ],
      [has(o('sales-jin').ytd) && `带动特色农副产品销售${jin(o('sales-jin').ytd!)}${yearOnYear(o('sales-jin'))}`],
    ],
    '今年以来，',
  );
  return paragraph(
    sentence(
      month.map((clause) => [clause]),
      '本月',
    ),
    ytd || '今年以来尚无组织联建工作记录。',
    yearlyProgress(facts, 'organization', words),
  );
}

function talent(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const t = (key: MetricName<'talent'>) => figures[`talent.${key}` as const];
  const trainings = activities.trainings;
  const month = sentence(
    [
      [
        activities.talents.length > 0 && `选拔培育${activities.talents.map((talent) => `${talent.role}${talent.count}人`).join('、')}`,
        has(t('returnees').month) && `回引在外优秀人才${plain(t('returnees').month!)}名`,
      ],
      [has(t('mentees').month) && `结对帮扶新进村“两委”干部${plain(t('mentees').month!)}名`],
      [
        activities.cooperatives.length === 1 && `新领办${activities.cooperatives[0]}`,
        activities.cooperatives.length > 1 && `新领办${named(activities.cooperatives)}合作社${activities.cooperatives.length}个`,
        activities.livelihoodProjects.length > 0 &&
          `帮带实施${activities.livelihoodProjects.length === 1 ? activities.livelihoodProjects[0] : `${named(activities.livelihoodProjects)}民生项目${activities.livelihoodProjects.length}个`}`,
      ],
      [
        trainings.length > 0 &&
          `围绕${named(trainings.map((training) => training.topic))}主题开展集中授课${plain(t('trainings').month ?? 0)}场、参训${plain(t('training-attendance').month ?? 0)}人次`,
        has(t('education-upgrades').month) && `动员${plain(t('education-upgrades').month!)}人提升学历`,
      ],
    ],
    '本月',
  );
  const ytd = sentence(
    [
      [
        has(t('cultivated').ytd) && `累计选拔培育农村产业带头人、村级后备干部等本土人才${plain(t('cultivated').ytd!)}人`,
        has(t('returnees').ytd) && `回引在外优秀人才${plain(t('returnees').ytd!)}名`,
      ],
      [has(t('mentees').ytd) && `结对帮扶新进村“两委”干部${plain(t('mentees').ytd!)}名`],
      [
        has(t('cooperatives').ytd) && `推动党组织书记、党员能人领办合作社${plain(t('cooperatives').ytd!)}个`,
        has(t('livelihood-projects').ytd) && `帮带实施民生项目${plain(t('livelihood-projects').ytd!)}个`,
      ],
      [
        has(t('trainings').ytd) &&
          `开展集中授课${plain(t('trainings').ytd!)}场${has(t('training-attendance').ytd) ? `、参训${plain(t('training-attendance').ytd!)}人次` : ''}`,
        has(t('education-upgrades').ytd) && `动员${plain(t('education-upgrades').ytd!)}人提升学历`,
      ],
    ],
    '今年以来，',
  );
  return paragraph(month, ytd || '今年以来尚无人才联育工作记录。', yearlyProgress(facts, 'talent', words));
}

function nightTalk(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures, monthRate } = facts;
  const n = (key: MetricName<'night-talk'>) => figures[`night-talk.${key}` as const];
  const forms = activities.sessionForms.map((form) => form.form);
  const topics = activities.suggestionTopics.filter((topic) => topic.topic !== null);
  const shownTopics = topics.slice(0, 3).map((topic) => `${topic.topic}（${topic.count}条）`);
  const sessions = n('sessions').month ?? 0;
  const suggestions = n('suggestions').month ?? 0;
  const resolved = n('resolved').month ?? 0;

  const held = sentence([
    [
      sessions > 0 &&
        `本月各村${forms.length > 0 ? `以${named(forms, 4)}形式` : ''}召开居民夜谈会${plain(sessions)}场${has(n('attendance').month) ? `，参会群众${plain(n('attendance').month!)}人次` : ''}`,
      suggestions > 0 &&
        `${sessions > 0 ? '' : '本月'}征求意见建议${plain(suggestions)}条${shownTopics.length > 0 ? `，主要涉及${shownTopics.join('、')}${topics.length > 3 ? '等' : ''}方面` : ''}`,
    ],
  ]);
  const earlier = resolved - monthRate.numerator;
  const handled =
    monthRate.denominator > 0
      ? `本月受理的${plain(monthRate.denominator)}条意见建议中，月末已办结${plain(monthRate.numerator)}条，办结率${rate(monthRate.numerator / monthRate.denominator)}` +
        (earlier > 0 ? `；连同以前月份受理的${plain(earlier)}件，本月共解决诉求${plain(resolved)}件。` : '。')
      : resolved > 0
        ? `本月解决以前月份受理的诉求${plain(resolved)}件。`
        : '';
  const open = n('open');
  const backlog =
    open.month === null
      ? ''
      : open.month === 0
        ? '截至月末，诉求已全部办结。'
        : `截至月末，尚有未办结诉求${plain(open.month)}件${
            open.previousMonth === null
              ? ''
              : open.month === open.previousMonth
                ? '，与上月末持平'
                : `，比上月末${open.month > open.previousMonth ? '增加' : '减少'}${plain(Math.abs(open.month - open.previousMonth))}件`
          }。`;
  const ytd = sentence(
    [
      [
        has(n('sessions').ytd) && `累计召开居民夜谈会${plain(n('sessions').ytd!)}场`,
        has(n('suggestions').ytd) && `征求意见建议${plain(n('suggestions').ytd!)}条`,
        has(n('resolved').ytd) && `解决诉求${plain(n('resolved').ytd!)}件`,
        n('resolution-rate').ytd !== null && `办结率${rate(n('resolution-rate').ytd!)}`,
      ],
    ],
    '今年以来，',
  );
  return paragraph(held + handled + backlog, ytd || '今年以来尚无夜谈联访工作记录。', yearlyProgress(facts, 'night-talk', words));
}

function ecology(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const e = (key: MetricName<'ecology'>) => figures[`ecology.${key}` as const];
  const actions = activities.jointActions;
  const villages = new Set(actions.flatMap((action) => action.villages));
  const month = sentence(
    [
      [
        activities.teams.length > 0 &&
          `组建${activities.teams.length === 1 ? activities.teams[0]!.name : `生态管护综合队${activities.teams.length}支`}，队员${plain(activities.teams.reduce((total, team) => total + team.members, 0))}人`,
      ],
      [
        actions.length > 0 &&
          `联合开展${actions.length === 1 ? actions[0]!.type : `${named(actions.map((action) => action.type))}跨村联合行动`}${plain(e('joint-actions').month ?? 0)}场次${villages.size > 1 ? `，${villages.size}个村参与` : ''}`,
      ],
      [
        has(e('evaluations').month) &&
          `开展考评${plain(e('evaluations').month!)}次${e('average-score').month !== null ? `，平均得分${score(e('average-score').month!)}` : ''}`,
      ],
    ],
    '本月',
  );
  const ytd = sentence(
    [
      [
        has(e('teams').ytd) && `组建生态管护综合队${plain(e('teams').ytd!)}支${has(e('team-members').ytd) ? `、队员${plain(e('team-members').ytd!)}人` : ''}`,
        has(e('joint-actions').ytd) && `跨村开展联合行动${plain(e('joint-actions').ytd!)}场次`,
        has(e('evaluations').ytd) &&
          `开展考评${plain(e('evaluations').ytd!)}次${e('average-score').ytd !== null ? `、平均得分${score(e('average-score').ytd!)}` : ''}`,
      ],
    ],
    '今年以来，',
  );
  return paragraph(month, ytd || '今年以来尚无生态联治工作记录。', yearlyProgress(facts, 'ecology', words));
}

/** The month's sentences and the year's, as one paragraph; yearly progress after them. */
function paragraph(...sentences: string[]): string[] {
  const text = sentences.filter((each) => each !== '').join('');
  return text === '' ? [] : [text];
}

/** Yearly targets of a pillar on course or reached: "项目总投资完成全年目标（5000万元）的61%，快于序时进度（33.3%）。" */
function yearlyProgress(facts: ProseFacts, pillar: Pillar, words: ProseWords): string {
  return progressToReport(facts, pillar)
    .map((target) => {
      const term = words.metricTerms[target.metric];
      const goal = amount(target.value, target.unit, term.unit);
      return target.status === 'met'
        ? `${term.name}已完成全年目标（${goal}）。`
        : `${term.name}完成全年目标（${goal}）的${share(target.progress!)}，快于序时进度（${share(target.elapsed!)}）。`;
    })
    .join('');
}

function targetProblem(target: ProseTarget, facts: ProseFacts, words: ProseWords): ProblemItem | undefined {
  const term = words.metricTerms[target.metric];
  const figure = (value: number) => amount(value, target.unit, term.unit);
  const bound = targetGoalZhCN(target, term);
  const title = `${term.name}未达到目标`;
  if (target.perVillage) {
    if (target.missedBy.length === 0) return undefined;
    const shown = target.missedBy.slice(0, 10);
    const which = shown
      .map((village) =>
        village.progress !== null
          ? `${village.village}（完成全年目标的${share(village.progress)}）`
          : `${village.village}（${village.actual === null ? '无数据' : figure(village.actual)}）`,
      )
      .join('、');
    const more = target.missedBy.length > shown.length ? `等${target.missedBy.length}个村` : '';
    const pace = target.elapsed !== null ? `，低于序时进度（${share(target.elapsed)}）` : '';
    return { title, text: `${which}${more}${target.period === 'year' ? '本年' : '本月'}${term.name}未达到${bound}的目标${pace}。` };
  }
  if (target.actual === null) return undefined;
  if (target.progress !== null && target.elapsed !== null) {
    const behind = formatFigure((target.elapsed - target.progress) * 100, 'score', 'zh-CN');
    return {
      title,
      text: `${term.name}本年累计${figure(target.actual)}，完成全年目标（${figure(target.value)}）的${share(target.progress)}，低于序时进度（${share(target.elapsed)}）${behind}个百分点。`,
    };
  }
  const context =
    target.metric === 'night-talk.resolution-rate' && target.period === 'month' && facts.monthRate.denominator > 0
      ? `本月受理意见建议${plain(facts.monthRate.denominator)}条，月末已办结${plain(facts.monthRate.numerator)}条，`
      : '';
  const when = target.period === 'year' ? '本年' : '本月';
  const side = target.bound === 'atLeast' ? '低于' : '高于';
  return {
    title,
    text: `${context}${when}${term.name}${figure(target.actual)}，${side}${bound}的目标${gap(target.actual, target.value, target.unit, term.unit)}。`,
  };
}

function overdueProblem(facts: ProseFacts, words: ProseWords): ProblemItem | undefined {
  const { overdue } = facts;
  if (overdue.count === 0) return undefined;
  const named = overdue.byTopic.filter((topic) => topic.topic !== null).slice(0, 4);
  const rest = overdue.count - named.reduce((total, topic) => total + topic.count, 0);
  const topics = named.length === 0 ? '' : `，其中${named.map((topic) => `${topic.topic}${topic.count}件`).join('、')}${rest > 0 ? `、其他${rest}件` : ''}`;
  const where = facts.overdueAttachment === null ? '' : `（清单见附件${facts.overdueAttachment}）`;
  return {
    title: '部分诉求超期未办结',
    text: `截至${words.formatDay(overdue.asOf)}，受理超过${overdue.days}天仍未办结的诉求${overdue.count}件${topics}，最长已历时${overdue.oldestDays}天${where}。`,
  };
}

function lapseProblems(facts: ProseFacts, words: ProseWords): ProblemItem[] {
  return facts.lapses
    .filter((rule) => rule.villages.length > 0)
    .map((rule) => {
      const kind = words.kinds[rule.kind];
      const verb = rule.kind === 'session' ? '召开' : '开展';
      const each = rule.villages.map((village) =>
        village.status === 'missed'
          ? `${village.village}本月未${verb}${kind}`
          : `${village.village}本月${kind}于${village.heldOn.map((day) => `${Number(day.slice(8))}日`).join('、')}${verb}`,
      );
      const rule8 = `未按每月${rule.day}日的要求${verb}`;
      return {
        title: `${kind}未全部按期${verb}`,
        text: each.length === 1 ? `${each[0]}，${rule8}。` : `${each.join('；')}。以上均${rule8}。`,
      };
    });
}

export const writeProseZhCN: WriteProse = (facts, words): ReportProse => ({
  pillars: {
    organization: organization(facts, words),
    talent: talent(facts, words),
    'night-talk': nightTalk(facts, words),
    ecology: ecology(facts, words),
  },
  problems: [
    ...facts.targets.filter((target) => target.status === 'notMet').flatMap((target) => targetProblem(target, facts, words) ?? []),
    ...[overdueProblem(facts, words)].filter((item) => item !== undefined),
    ...lapseProblems(facts, words),
  ],
});
