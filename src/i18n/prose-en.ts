/**
 * The report's sentences in English prose: what happened in the month by
 * name, then the year to date; nothing said of what was zero; changes in
 * their own unit (percentage points for a rate); and problems with the
 * figures of each gap.
 */
import type { MetricFigures } from '../metrics/compute-metrics.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import type { MetricName } from '../schema/metric-keys.js';
import { formatFigure } from '../figures/format-figure.js';
import type { Pillar } from '../schema/log-schema.js';
import type { ProblemItem, ProseFacts, ProseTarget, ProseWords, ReportProse, TargetGoal, WriteProse } from './prose.js';
import { progressToReport } from './prose.js';

/** "a, b and c", or "a, b, c and others" when more were left out. */
function named(names: readonly string[], shown = 3): string {
  if (names.length === 1) return names[0]!;
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and others`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Clauses joined into one sentence: "a, b and c." */
function sentence(clauses: readonly (string | false | undefined)[], lead: string): string {
  const kept = clauses.filter((clause): clause is string => Boolean(clause));
  if (kept.length === 0) return '';
  const body = kept.length === 1 ? kept[0]! : `${kept.slice(0, -1).join('; ')}; and ${kept.at(-1)}`;
  return `${lead}${body}.`;
}

const yuan = (value: number) => formatFigure(value, 'yuan', 'en');
const jin = (value: number) => formatFigure(value, 'jin', 'en');
const rate = (value: number) => formatFigure(value, 'ratio', 'en');
const plain = (value: number) => formatFigure(value, 'count', 'en');
const score = (value: number) => formatFigure(value, 'score', 'en');

/** A count with its noun: "1 session", "6 sessions". */
function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${plain(value)} ${value === 1 ? singular : plural}`;
}

function amount(value: number, unit: MetricUnit, measure: string): string {
  switch (unit) {
    case 'yuan':
      return yuan(value);
    case 'jin':
      return jin(value);
    case 'ratio':
      return rate(value);
    case 'score':
      return `${score(value)} points`;
    default:
      return `${plain(value)} ${measure}`;
  }
}

/** A count's noun for one: "1 session", not "1 sessions". */
function measureOf(value: number, measure: string): string {
  return value === 1 && /[^s]s$/.test(measure) ? measure.slice(0, -1) : measure;
}

/** A target as the report states it: "at least 80% a month", "at least 1 session a month in each village". */
export const targetGoalEn: TargetGoal = (target, term) =>
  `${target.bound === 'atLeast' ? 'at least' : 'at most'} ${amount(target.value, target.unit, measureOf(target.value, term.unit))} ${target.period === 'year' ? 'a year' : 'a month'}${target.perVillage ? ' in each village' : ''}`;

function gap(actual: number, bound: number, unit: MetricUnit, measure: string): string {
  const difference = Math.abs(actual - bound);
  if (unit === 'ratio') return `${formatFigure(difference * 100, 'score', 'en')} percentage points`;
  return amount(difference, unit, measure);
}

/** ", up 52% on last year" for a year-to-date total, when last year has data and a base above 0. */
function yearOnYear(figures: MetricFigures): string {
  const { ytd, previousYtd } = figures;
  if (ytd === null || previousYtd === null || previousYtd === 0) return '';
  if (ytd === previousYtd) return ', the same as last year';
  return `, ${ytd > previousYtd ? 'up' : 'down'} ${rate(Math.abs(ytd - previousYtd) / previousYtd)} on last year`;
}

const has = (value: number | null | undefined): value is number => value !== null && value !== undefined && value > 0;

function organization(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const orgs = activities.jointOrgs;
  const o = (key: MetricName<'organization'>) => figures[`organization.${key}` as const];
  const byStatus = (status: 'landed' | 'planned' | null) => activities.projects.filter((project) => project.status === status);
  const projectClause = (projects: readonly { name: string; investment: number | null }[], verb: string) => {
    if (projects.length === 0) return undefined;
    const money = projects.reduce((total, project) => total + (project.investment ?? 0), 0);
    const what = projects.length === 1 ? `the ${projects[0]!.name} project` : `${projects.length} projects (${named(projects.map((project) => project.name))})`;
    return `${what} ${verb}${money > 0 ? `, with ${yuan(money)} of investment` : ''}`;
  };
  const sold = activities.sales.reduce((total, sale) => total + sale.jin, 0);
  const month = sentence(
    [
      orgs.length === 1 && `${orgs[0]!.name} was set up, covering ${named(orgs[0]!.villages, 6)}`,
      orgs.length > 1 && `${count(orgs.length, 'joint cross-village Party organisation')} were set up (${named(orgs.map((org) => org.name))})`,
      projectClause(byStatus('landed'), 'got under way'),
      projectClause(byStatus('planned'), byStatus('planned').length === 1 ? 'was planned' : 'were planned'),
      projectClause(byStatus(null), byStatus(null).length === 1 ? 'was added' : 'were added'),
      activities.sales.length > 0 && `${jin(sold)} of farm produce was sold (${named(activities.sales.map((sale) => sale.product))})`,
    ],
    'This month, ',
  );
  const year = sentence(
    [
      has(o('joint-orgs').ytd) &&
        `${count(o('joint-orgs').ytd!, 'joint cross-village Party organisation')} ${o('joint-orgs').ytd === 1 ? 'has' : 'have'} been set up${has(o('villages-covered').ytd) ? `, covering ${count(o('villages-covered').ytd!, 'village')}` : ''}`,
      has(o('projects').ytd) &&
        `${count(o('projects').ytd!, 'project')} planned or under way${has(o('investment').ytd) ? `, with a total investment of ${yuan(o('investment').ytd!)}${yearOnYear(o('investment'))}` : ''}`,
      has(o('sales-jin').ytd) && `${jin(o('sales-jin').ytd!)} of farm produce sold${yearOnYear(o('sales-jin'))}`,
    ],
    'So far this year, ',
  );
  return paragraph(month, year || 'Nothing has been logged for this pillar so far this year.', yearlyProgress(facts, 'organization', words));
}

function talent(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const t = (key: MetricName<'talent'>) => figures[`talent.${key}` as const];
  const month = sentence(
    [
      activities.talents.length > 0 && `${named(activities.talents.map((talent) => `${plain(talent.count)} ${talent.role}`))} were selected`,
      has(t('returnees').month) && `${count(t('returnees').month!, 'returnee')} came back to work in the villages`,
      has(t('mentees').month) && `${count(t('mentees').month!, 'new village cadre')} were paired with mentors`,
      activities.cooperatives.length > 0 &&
        `${named(activities.cooperatives)} ${activities.cooperatives.length === 1 ? 'was' : 'were'} set up under Party leadership`,
      activities.livelihoodProjects.length > 0 && `livelihood projects were started (${named(activities.livelihoodProjects)})`,
      activities.trainings.length > 0 &&
        `${count(t('trainings').month ?? 0, 'training session')} on ${named(activities.trainings.map((training) => training.topic))} had ${count(t('training-attendance').month ?? 0, 'attendance')}`,
      has(t('education-upgrades').month) && `${count(t('education-upgrades').month!, 'person', 'people')} began an education upgrade`,
    ],
    'This month, ',
  );
  const year = sentence(
    [
      has(t('cultivated').ytd) && `${count(t('cultivated').ytd!, 'local talent')} (industry leaders and reserve village cadres) selected`,
      has(t('returnees').ytd) && `${count(t('returnees').ytd!, 'returnee')} brought back`,
      has(t('mentees').ytd) && `${count(t('mentees').ytd!, 'new village cadre')} mentored`,
      has(t('cooperatives').ytd) && `${count(t('cooperatives').ytd!, 'cooperative')} led by Party secretaries and members`,
      has(t('livelihood-projects').ytd) && `${count(t('livelihood-projects').ytd!, 'livelihood project')}`,
      has(t('trainings').ytd) &&
        `${count(t('trainings').ytd!, 'training session')}${has(t('training-attendance').ytd) ? ` with ${count(t('training-attendance').ytd!, 'attendance')}` : ''}`,
      has(t('education-upgrades').ytd) && `${count(t('education-upgrades').ytd!, 'education upgrade')}`,
    ],
    'So far this year: ',
  );
  return paragraph(month, year || 'Nothing has been logged for this pillar so far this year.', yearlyProgress(facts, 'talent', words));
}

function nightTalk(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures, monthRate } = facts;
  const n = (key: MetricName<'night-talk'>) => figures[`night-talk.${key}` as const];
  const sessions = n('sessions').month ?? 0;
  const suggestions = n('suggestions').month ?? 0;
  const resolved = n('resolved').month ?? 0;
  const topics = activities.suggestionTopics.filter((topic) => topic.topic !== null);
  const held = sentence(
    [
      sessions > 0 &&
        `the villages held ${count(sessions, 'residents’ night talk')}${
          activities.sessionForms.length > 0
            ? ` (${named(
                activities.sessionForms.map((form) => form.form),
                4,
              )})`
            : ''
        }${has(n('attendance').month) ? ` with ${count(n('attendance').month!, 'attendance')}` : ''}`,
      suggestions > 0 &&
        `residents made ${count(suggestions, 'suggestion')}${topics.length > 0 ? `, mostly on ${named(topics.slice(0, 3).map((topic) => `${topic.topic} (${plain(topic.count)})`))}` : ''}`,
    ],
    'This month, ',
  );
  const earlier = resolved - monthRate.numerator;
  const handled =
    monthRate.denominator > 0
      ? ` Of this month’s ${count(monthRate.denominator, 'suggestion')}, ${plain(monthRate.numerator)} had been resolved by the month’s end, a resolution rate of ${rate(monthRate.numerator / monthRate.denominator)}` +
        (earlier > 0 ? `; with ${plain(earlier)} from earlier months, ${count(resolved, 'suggestion')} were resolved in the month.` : '.')
      : resolved > 0
        ? ` ${count(resolved, 'suggestion')} from earlier months were resolved.`
        : '';
  const open = n('open');
  const backlog =
    open.month === null
      ? ''
      : open.month === 0
        ? ' Every suggestion had been resolved by the month’s end.'
        : ` At the month’s end ${count(open.month, 'suggestion')} ${open.month === 1 ? 'was' : 'were'} still open${
            open.previousMonth === null || open.previousMonth === open.month
              ? ''
              : `, ${plain(Math.abs(open.month - open.previousMonth))} ${open.month > open.previousMonth ? 'more' : 'fewer'} than a month before`
          }.`;
  const year = sentence(
    [
      has(n('sessions').ytd) && `${count(n('sessions').ytd!, 'night talk')}`,
      has(n('suggestions').ytd) && `${count(n('suggestions').ytd!, 'suggestion')} collected`,
      has(n('resolved').ytd) && `${plain(n('resolved').ytd!)} resolved`,
      n('resolution-rate').ytd !== null && `a resolution rate of ${rate(n('resolution-rate').ytd!)}`,
    ],
    'So far this year: ',
  );
  return paragraph(
    (held + handled + backlog).trim(),
    year || 'Nothing has been logged for this pillar so far this year.',
    yearlyProgress(facts, 'night-talk', words),
  );
}

function ecology(facts: ProseFacts, words: ProseWords): string[] {
  const { activities, figures } = facts;
  const e = (key: MetricName<'ecology'>) => figures[`ecology.${key}` as const];
  const actions = activities.jointActions;
  const villages = new Set(actions.flatMap((action) => action.villages));
  const members = activities.teams.reduce((total, team) => total + team.members, 0);
  const month = sentence(
    [
      activities.teams.length > 0 &&
        `${named(activities.teams.map((team) => team.name))} ${activities.teams.length === 1 ? 'was' : 'were'} formed with ${count(members, 'member')}`,
      actions.length > 0 &&
        `${count(e('joint-actions').month ?? 0, 'joint action')} (${named(actions.map((action) => action.type))}) ${villages.size > 1 ? `brought ${plain(villages.size)} villages together` : 'took place'}`,
      has(e('evaluations').month) &&
        `${count(e('evaluations').month!, 'evaluation')} ${e('evaluations').month === 1 ? 'was' : 'were'} held${e('average-score').month !== null ? `, averaging ${score(e('average-score').month!)} points` : ''}`,
    ],
    'This month, ',
  );
  const year = sentence(
    [
      has(e('teams').ytd) &&
        `${count(e('teams').ytd!, 'ecological management team')}${has(e('team-members').ytd) ? ` with ${count(e('team-members').ytd!, 'member')}` : ''}`,
      has(e('joint-actions').ytd) && `${count(e('joint-actions').ytd!, 'joint action')} across villages`,
      has(e('evaluations').ytd) &&
        `${count(e('evaluations').ytd!, 'evaluation')}${e('average-score').ytd !== null ? ` averaging ${score(e('average-score').ytd!)} points` : ''}`,
    ],
    'So far this year: ',
  );
  return paragraph(month, year || 'Nothing has been logged for this pillar so far this year.', yearlyProgress(facts, 'ecology', words));
}

function paragraph(...sentences: string[]): string[] {
  const text = sentences.filter((each) => each !== '').join(' ');
  return text === '' ? [] : [text];
}

function yearlyProgress(facts: ProseFacts, pillar: Pillar, words: ProseWords): string {
  return progressToReport(facts, pillar)
    .map((target) => {
      const term = words.metricTerms[target.metric];
      const goal = amount(target.value, target.unit, term.unit);
      return target.status === 'met'
        ? `${term.name} has reached the year’s target of ${goal}.`
        : `${term.name} stands at ${rate(target.progress!)} of the year’s target of ${goal}, ahead of the ${rate(target.elapsed!)} of the year gone.`;
    })
    .join(' ');
}

function targetProblem(target: ProseTarget, facts: ProseFacts, words: ProseWords): ProblemItem | undefined {
  const term = words.metricTerms[target.metric];
  const figure = (value: number) => amount(value, target.unit, term.unit);
  const bound = targetGoalEn(target, term);
  const title = `${term.name} below target`;
  if (target.perVillage) {
    if (target.missedBy.length === 0) return undefined;
    const shown = target.missedBy
      .slice(0, 10)
      .map((village) =>
        village.progress !== null
          ? `${village.village} (${rate(village.progress)} of the year’s target)`
          : `${village.village} (${village.actual === null ? 'no figure' : figure(village.actual)})`,
      );
    const more = target.missedBy.length > 10 ? ` and ${target.missedBy.length - 10} more` : '';
    const pace = target.elapsed !== null ? `, behind the ${rate(target.elapsed)} of the year gone` : '';
    return { title, text: `${named(shown, 10)}${more} fell short of the target of ${bound}${pace}.` };
  }
  if (target.actual === null) return undefined;
  if (target.progress !== null && target.elapsed !== null) {
    const behind = formatFigure((target.elapsed - target.progress) * 100, 'score', 'en');
    return {
      title,
      text: `${term.name} so far this year: ${figure(target.actual)}, ${rate(target.progress)} of the year’s target of ${figure(target.value)}: ${behind} percentage points behind the ${rate(target.elapsed)} of the year gone.`,
    };
  }
  const context =
    target.metric === 'night-talk.resolution-rate' && target.period === 'month' && facts.monthRate.denominator > 0
      ? ` (${plain(facts.monthRate.numerator)} of this month’s ${count(facts.monthRate.denominator, 'suggestion')} resolved by its end)`
      : '';
  const side = target.bound === 'atLeast' ? 'below' : 'above';
  return {
    title,
    text: `${term.name} ${target.period === 'year' ? 'so far this year' : 'this month'}: ${figure(target.actual)}${context}, ${gap(target.actual, target.value, target.unit, term.unit)} ${side} the target of ${bound}.`,
  };
}

function overdueProblem(facts: ProseFacts, words: ProseWords): ProblemItem | undefined {
  const { overdue } = facts;
  if (overdue.count === 0) return undefined;
  const named4 = overdue.byTopic.filter((topic) => topic.topic !== null).slice(0, 4);
  const rest = overdue.count - named4.reduce((total, topic) => total + topic.count, 0);
  const topics =
    named4.length === 0
      ? ''
      : ` (${[...named4.map((topic) => `${topic.topic}: ${plain(topic.count)}`), ...(rest > 0 ? [`other: ${plain(rest)}`] : [])].join(', ')})`;
  const where = facts.overdueAttachment === null ? '' : ` They are listed in Attachment ${facts.overdueAttachment}.`;
  return {
    title: 'Suggestions overdue',
    text: `On ${words.formatDay(overdue.asOf)}, ${count(overdue.count, 'suggestion')}${topics} had been open for more than ${overdue.days} days; the oldest for ${overdue.oldestDays} days.${where}`,
  };
}

function lapseProblems(facts: ProseFacts, words: ProseWords): ProblemItem[] {
  return facts.lapses
    .filter((rule) => rule.villages.length > 0)
    .map((rule) => {
      const kind = words.kinds[rule.kind].toLowerCase();
      const each = rule.villages.map((village) =>
        village.status === 'missed'
          ? `${village.village} held none this month`
          : `${village.village} held it on the ${village.heldOn.map((day) => ordinal(Number(day.slice(8)))).join(' and the ')}`,
      );
      return {
        title: `${words.kinds[rule.kind]} not always on the day`,
        text: `The ${kind} is due on the ${ordinal(rule.day)} of each month: ${named(each, 20)}.`,
      };
    });
}

function ordinal(day: number): string {
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th');
  return `${day}${suffix}`;
}

export const writeProseEn: WriteProse = (facts, words): ReportProse => ({
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
